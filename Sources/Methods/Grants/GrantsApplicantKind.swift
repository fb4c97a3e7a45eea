extension Grants {
    /// A kind of applicant organisation; open-ended so that the next programme can add its own.
    public struct ApplicantKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The stable identifier, e.g. `cso`.
        public let rawValue: String

        /// A kind from its stable identifier.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Civil-society organisation (association, foundation, NGO).
        public static let cso = ApplicantKind(rawValue: "cso")
        /// Media outlet or journalists' association.
        public static let media = ApplicantKind(rawValue: "media")
        /// Research institute, think tank or university.
        public static let research = ApplicantKind(rawValue: "research")
        /// Public institution (ministry, municipality, agency).
        public static let publicInstitution = ApplicantKind(rawValue: "public-institution")
        /// Company.
        public static let business = ApplicantKind(rawValue: "business")
        /// Natural person.
        public static let individual = ApplicantKind(rawValue: "individual")

        /// The identifier.
        public var description: String { rawValue }
    }
}
