extension Grants {
    /// An evaluation criterion: its weight in points out of 100 and the maximum score a reviewer gives.
    public struct Criterion: Hashable, Sendable, Codable {
        /// Stable identifier within the call, e.g. `relevance`.
        public var id: String
        /// Short title.
        public var title: String
        /// Points out of 100 that a full score on this criterion contributes; a call's weights sum to 100.
        public var weight: Int64
        /// The highest score a reviewer can give (scores are whole numbers 0…maxScore).
        public var maxScore: Int64

        /// A criterion.
        public init(id: String, title: String, weight: Int64, maxScore: Int64) {
            self.id = id
            self.title = title
            self.weight = weight
            self.maxScore = maxScore
        }
    }
}
