import Foundation

extension Grants {
    /// An application entering the ranking of its lot.
    public struct RankingCandidate: Hashable, Sendable {
        /// The application (unique within the lot).
        public var applicationId: String
        /// The applicant's country (for per-country quotas).
        public var country: String
        /// The amount asked from the grant.
        public var requested: Money
        /// When the server accepted the submission.
        public var submittedAt: Date
        /// The aggregate of its reviews.
        public var score: AggregateScore

        /// A candidate.
        public init(applicationId: String, country: String, requested: Money, submittedAt: Date, score: AggregateScore) {
            self.applicationId = applicationId
            self.country = country
            self.requested = requested
            self.submittedAt = submittedAt
            self.score = score
        }
    }

    /// Which rule separated two applications with the same mean score.
    public enum TieBreak: Hashable, Sendable {
        /// The higher mean points on this criterion (criteria taken by decreasing weight, then call order).
        case criterion(String)
        /// The smaller requested amount.
        case requestedAmount
        /// The earlier submission.
        case submissionTime
        /// The application identifier, compared character by character (the last resort).
        case applicationId
    }

    /// A place in the ranking.
    public struct RankedApplication: Hashable, Sendable {
        /// 1 for the best; every place is distinct.
        public var rank: Int
        /// The application.
        public var candidate: RankingCandidate
        /// When its mean equals the previous application's: the rule that put the previous one first.
        public var tieBrokenBy: TieBreak?
    }

    /// The ranking of a lot.
    public struct RankingResult: Hashable, Sendable {
        /// Complete applications, best first.
        public var ranked: [RankedApplication]
        /// Applications without enough valid reviews, by identifier; they are not ranked.
        public var incomplete: [RankingCandidate]
    }

    /// Ranks the complete applications of a lot by mean score, highest first. Equal means are broken, in
    /// order, by: the higher mean points on each criterion taken by decreasing weight (equal weights in the
    /// call's order); the smaller requested amount; the earlier submission; the smaller application identifier.
    public static func rank(_ candidates: [RankingCandidate], criteria: [Criterion]) -> RankingResult {
        let priority = criteria.enumerated()
            .sorted { $0.element.weight != $1.element.weight ? $0.element.weight > $1.element.weight : $0.offset < $1.offset }
            .map(\.element.id)
        let complete = candidates.filter { $0.score.isComplete && $0.score.mean != nil }
        let incomplete = candidates.filter { !($0.score.isComplete && $0.score.mean != nil) }
            .sorted { $0.applicationId < $1.applicationId }
        let ordered = complete.sorted { comparison($0, $1, priority: priority).precedes }
        var ranked: [RankedApplication] = []
        for (index, candidate) in ordered.enumerated() {
            var tieBreak: TieBreak?
            if index > 0, ordered[index - 1].score.mean == candidate.score.mean {
                tieBreak = comparison(ordered[index - 1], candidate, priority: priority).decidedBy
            }
            ranked.append(RankedApplication(rank: index + 1, candidate: candidate, tieBrokenBy: tieBreak))
        }
        return RankingResult(ranked: ranked, incomplete: incomplete)
    }

    /// Whether `a` goes before `b`, and which tie-break decided when their means are equal.
    private static func comparison(_ a: RankingCandidate, _ b: RankingCandidate, priority: [String])
        -> (precedes: Bool, decidedBy: TieBreak?)
    {
        let meanA = a.score.mean ?? .zero
        let meanB = b.score.mean ?? .zero
        if meanA != meanB { return (meanB < meanA, nil) }
        for id in priority {
            let pointsA = a.score.meanPoints[id] ?? .zero
            let pointsB = b.score.meanPoints[id] ?? .zero
            if pointsA != pointsB { return (pointsB < pointsA, .criterion(id)) }
        }
        if a.requested.minorUnits != b.requested.minorUnits { return (a.requested.minorUnits < b.requested.minorUnits, .requestedAmount) }
        if a.submittedAt != b.submittedAt { return (a.submittedAt < b.submittedAt, .submissionTime) }
        return (Array(a.applicationId.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.applicationId.unicodeScalars.map(\.value)), .applicationId)
    }
}
