extension Grants {
    /// One entry of a lot's results menu, e.g. "≥ 3 policy recommendations".
    public struct ResultOption: Hashable, Sendable, Codable {
        /// Stable identifier within the lot.
        public var id: String
        /// Short title (the call text carries the translations).
        public var title: String

        /// A results-menu entry.
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }
}
