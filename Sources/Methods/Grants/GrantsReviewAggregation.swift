extension Grants {
    /// One valid review's weighted result.
    public struct ReviewTotal: Hashable, Sendable {
        /// The reviewer.
        public var reviewerId: String
        /// Σ weight × score ÷ maximum over the criteria: points out of 100, exact.
        public var total: Ratio
        /// The weighted points per criterion identifier.
        public var points: [String: Ratio]
    }

    /// The aggregate of an application's reviews.
    public struct AggregateScore: Hashable, Sendable {
        /// The application.
        public var applicationId: String
        /// The valid reviews' results, in the order the reviews were given.
        public var reviews: [ReviewTotal]
        /// Why the other reviews were left out.
        public var problems: [ReviewProblem]
        /// Mean of the valid reviews' totals (nil without a valid review).
        public var mean: Ratio?
        /// Mean weighted points per criterion over the valid reviews.
        public var meanPoints: [String: Ratio]
        /// Highest minus lowest valid total (nil without a valid review).
        public var spread: Ratio?
        /// Whether the spread is strictly greater than the call's threshold.
        public var spreadFlagged: Bool
        /// Whether enough valid reviews are in to rank the application.
        public var isComplete: Bool

        /// An aggregate restored from stored figures (the per-review results and problems may be left empty).
        public init(
            applicationId: String, reviews: [ReviewTotal] = [], problems: [ReviewProblem] = [], mean: Ratio?, meanPoints: [String: Ratio],
            spread: Ratio?, spreadFlagged: Bool, isComplete: Bool
        ) {
            self.applicationId = applicationId
            self.reviews = reviews
            self.problems = problems
            self.mean = mean
            self.meanPoints = meanPoints
            self.spread = spread
            self.spreadFlagged = spreadFlagged
            self.isComplete = isComplete
        }
    }

    /// Every reason one review cannot be used.
    public struct InvalidReview: Error, Hashable, Sendable {
        /// The problems, in criteria order.
        public var problems: [ReviewProblem]
    }

    /// Weighted totals, means and spreads of reviews against a call's criteria.
    public enum ReviewAggregation {
        /// A review's weighted total out of 100, or every problem that makes it unusable.
        public static func total(of review: Review, criteria: [Criterion]) -> Result<ReviewTotal, InvalidReview> {
            if let blocker = reviewBlocker(review.declaration, reviewer: review.reviewerId) {
                return .failure(InvalidReview(problems: [blocker]))
            }
            var problems: [ReviewProblem] = []
            var points: [String: Ratio] = [:]
            var total = Ratio.zero
            for criterion in criteria {
                guard let score = review.scores[criterion.id] else {
                    problems.append(.missingScore(reviewer: review.reviewerId, criterion: criterion.id))
                    continue
                }
                guard (0...criterion.maxScore).contains(score) else {
                    problems.append(.scoreOutOfRange(
                        reviewer: review.reviewerId, criterion: criterion.id, score: score, maximum: criterion.maxScore))
                    continue
                }
                let weighted = Ratio(score * criterion.weight, criterion.maxScore)
                points[criterion.id] = weighted
                total = total + weighted
            }
            let known = Set(criteria.map(\.id))
            for id in review.scores.keys.sorted() where !known.contains(id) {
                problems.append(.unknownCriterion(reviewer: review.reviewerId, criterion: id))
            }
            return problems.isEmpty ? .success(ReviewTotal(reviewerId: review.reviewerId, total: total, points: points)) : .failure(InvalidReview(problems: problems))
        }

        /// Aggregates an application's reviews; invalid ones (conflict, undeclared, bad scores, repeated reviewer)
        /// are left out and reported. `spreadThreshold` is in points out of 100.
        public static func aggregate(
            applicationId: String, reviews: [Review], criteria: [Criterion], minimumReviews: Int, spreadThreshold: Ratio
        ) -> AggregateScore {
            var totals: [ReviewTotal] = []
            var problems: [ReviewProblem] = []
            var seen = Set<String>()
            for review in reviews {
                guard seen.insert(review.reviewerId).inserted else {
                    problems.append(.duplicateReviewer(reviewer: review.reviewerId))
                    continue
                }
                switch total(of: review, criteria: criteria) {
                case let .success(result): totals.append(result)
                case let .failure(invalid): problems += invalid.problems
                }
            }
            let count = Int64(totals.count)
            let mean = count > 0 ? totals.reduce(Ratio.zero) { $0 + $1.total } / count : nil
            var meanPoints: [String: Ratio] = [:]
            if count > 0 {
                for criterion in criteria {
                    meanPoints[criterion.id] = totals.reduce(Ratio.zero) { $0 + ($1.points[criterion.id] ?? .zero) } / count
                }
            }
            let spread = totals.map(\.total).max().flatMap { high in totals.map(\.total).min().map { high - $0 } }
            return AggregateScore(
                applicationId: applicationId, reviews: totals, problems: problems, mean: mean, meanPoints: meanPoints,
                spread: spread, spreadFlagged: spread.map { spreadThreshold < $0 } ?? false,
                isComplete: totals.count >= minimumReviews)
        }
    }
}
