extension Grants {
    /// A reviewer's declaration about conflicts of interest with one application.
    public enum ConflictDeclaration: String, Hashable, Sendable, Codable {
        /// Not declared yet: the reviewer may not score.
        case notDeclared = "not-declared"
        /// Declared free of conflicts: the reviewer may score.
        case noConflict = "no-conflict"
        /// Declared a conflict: the review is blocked.
        case conflict
    }

    /// One reviewer's scores for one application.
    public struct Review: Hashable, Sendable {
        /// The reviewer.
        public var reviewerId: String
        /// The reviewer's conflict-of-interest declaration for this application.
        public var declaration: ConflictDeclaration
        /// Whole-number score per criterion identifier (0…the criterion's maximum).
        public var scores: [String: Int64]

        /// A review.
        public init(reviewerId: String, declaration: ConflictDeclaration = .noConflict, scores: [String: Int64]) {
            self.reviewerId = reviewerId
            self.declaration = declaration
            self.scores = scores
        }
    }

    /// Why a review cannot be used.
    public enum ReviewProblem: Error, Hashable, Sendable, ReasonCoded {
        /// The reviewer has not declared conflicts of interest yet.
        case conflictNotDeclared(reviewer: String)
        /// The reviewer declared a conflict of interest.
        case conflictOfInterest(reviewer: String)
        /// The same reviewer reviewed the application twice (only the first review counts).
        case duplicateReviewer(reviewer: String)
        /// A criterion has no score.
        case missingScore(reviewer: String, criterion: String)
        /// A score names a criterion the call does not have.
        case unknownCriterion(reviewer: String, criterion: String)
        /// A score is below 0 or above the criterion's maximum.
        case scoreOutOfRange(reviewer: String, criterion: String, score: Int64, maximum: Int64)

        /// Stable reason code.
        public var code: String {
            switch self {
            case .conflictNotDeclared: "grants.review.conflict-not-declared"
            case .conflictOfInterest: "grants.review.conflict-of-interest"
            case .duplicateReviewer: "grants.review.duplicate-reviewer"
            case .missingScore: "grants.review.missing-score"
            case .unknownCriterion: "grants.review.unknown-criterion"
            case .scoreOutOfRange: "grants.review.score-out-of-range"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .conflictNotDeclared(reviewer), let .conflictOfInterest(reviewer), let .duplicateReviewer(reviewer):
                ["reviewer": .text(reviewer)]
            case let .missingScore(reviewer, criterion), let .unknownCriterion(reviewer, criterion):
                ["reviewer": .text(reviewer), "criterion": .text(criterion)]
            case let .scoreOutOfRange(reviewer, criterion, score, maximum):
                ["reviewer": .text(reviewer), "criterion": .text(criterion), "score": .integer(Int(score)), "maximum": .integer(Int(maximum))]
            }
        }
    }

    /// What blocks a reviewer with this declaration from scoring (nil: declared free of conflicts, may score).
    public static func reviewBlocker(_ declaration: ConflictDeclaration, reviewer: String) -> ReviewProblem? {
        switch declaration {
        case .noConflict: nil
        case .notDeclared: .conflictNotDeclared(reviewer: reviewer)
        case .conflict: .conflictOfInterest(reviewer: reviewer)
        }
    }
}
