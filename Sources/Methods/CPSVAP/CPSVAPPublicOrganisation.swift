extension CPSVAP {
    /// A public organisation acting as competent authority (one `cv:PublicOrganisation` node).
    public struct PublicOrganisation: Sendable, Hashable {
        /// The organisation's identifier (`dct:identifier`), also the path under `{baseURL}/id/public-organisation/`.
        public var id: String
        /// Name by language tag (`skos:prefLabel` and `dct:title`, mandatory).
        public var name: [String: String]
        /// The territory the organisation covers, usually its country (`dct:spatial`, mandatory).
        public var spatial: [Location]

        /// Creates an organisation.
        public init(id: String, name: [String: String], spatial: [Location]) {
            self.id = id
            self.name = name
            self.spatial = spatial
        }
    }
}
