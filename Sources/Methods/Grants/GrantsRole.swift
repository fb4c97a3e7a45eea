extension Grants {
    /// Who acts on an application or a grant.
    public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
        /// The applicant organisation (the grantee after the award).
        case applicant
        /// A reviewer assigned to score applications.
        case reviewer
        /// Programme staff.
        case staff
        /// Platform administrator: may do what staff may, but takes no committee decision.
        case admin
        /// The evaluation committee: decides awards and appeals.
        case committee
    }
}
