import Foundation
import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: ranking with deterministic tie-breaking")
struct GrantsRankingTests {
    private static func candidate(
        _ id: String, _ reviews: [Grants.Review], requested: Int64 = 5_000, submitted: String = "2020-06-10T10:00:00Z",
        country: String = "MK"
    ) -> Grants.RankingCandidate {
        .init(applicationId: id, country: country, requested: F.eur(requested), submittedAt: F.instant(submitted),
              score: F.aggregate(id, reviews))
    }

    /// A (79) + B (68): mean 73.5, relevance points (24 + 21)/2 = 22.5.
    private static let tiedReviews = [F.review("A", [8, 4, 15, 20]), F.review("B", [7, 3, 13, 19])]

    /// Every equal-mean pair is separated by the next rule in the documented order:
    /// - "b": A (79) + C (100) = 89.5, the best mean.
    /// - "a-2": E (9,3,15,20) = 27+15+15+20 = 77 and F (7,3,15,19) = 21+15+15+19 = 70: mean 73.5, relevance 24 > 22.5.
    /// - "a-3": like a-1 but asks 4,000 < 5,000.
    /// - "a-4": like a-1 but submitted earlier.
    /// - "a-0" and "a-1": identical; "a-0" < "a-1".
    /// - "c": one valid review only: not ranked.
    static let candidates: [Grants.RankingCandidate] = [
        candidate("a-1", tiedReviews),
        candidate("c", [F.review("A", [10, 5, 20, 25])]),
        candidate("a-0", tiedReviews),
        candidate("a-4", tiedReviews, submitted: "2020-06-01T08:00:00Z"),
        candidate("b", [F.review("A", [8, 4, 15, 20]), F.review("C", [10, 5, 20, 25])]),
        candidate("a-3", tiedReviews, requested: 4_000),
        candidate("a-2", [F.review("E", [9, 3, 15, 20]), F.review("F", [7, 3, 15, 19])]),
    ]

    @Test func tiesAreBrokenByCriterionThenAmountThenTimeThenIdentifier() {
        let result = Grants.rank(Self.candidates, criteria: F.criteria)
        #expect(result.ranked.map(\.candidate.applicationId) == ["b", "a-2", "a-3", "a-4", "a-0", "a-1"])
        #expect(result.ranked.map(\.rank) == [1, 2, 3, 4, 5, 6])
        #expect(result.ranked.map(\.tieBrokenBy) == [nil, nil, .criterion("relevance"), .requestedAmount, .submissionTime, .applicationId])
        #expect(result.ranked[0].candidate.score.mean == Grants.Ratio(179, 2))
        #expect(result.ranked[1].candidate.score.mean == Grants.Ratio(147, 2))
        #expect(result.incomplete.map(\.applicationId) == ["c"])
    }

    /// The order does not depend on the order the candidates arrive in.
    @Test func rankingIsIndependentOfInputOrder() {
        let reference = Grants.rank(Self.candidates, criteria: F.criteria).ranked.map(\.candidate.applicationId)
        var generator = F.SplitMix64(state: 2020)
        for _ in 0..<50 {
            var shuffled = Self.candidates
            for index in shuffled.indices.reversed() where index > 0 {
                shuffled.swapAt(index, Int(generator.next(below: UInt64(index + 1))))
            }
            #expect(Grants.rank(shuffled, criteria: F.criteria).ranked.map(\.candidate.applicationId) == reference)
        }
    }

    /// Equal weights are taken in the call's order: cost (25) is listed after feasibility (25).
    @Test func equalWeightsFollowTheCallOrder() {
        // Both total 70 with relevance 21 and capacity 15. G: feasibility 20 (4/5), cost 14 (14/25).
        // H: feasibility 15 (3/5), cost 19 (19/25). Feasibility comes first: G before H.
        let g = Self.candidate("h-g", [F.review("R1", [7, 4, 15, 14]), F.review("R2", [7, 4, 15, 14])])
        let h = Self.candidate("g-h", [F.review("R1", [7, 3, 15, 19]), F.review("R2", [7, 3, 15, 19])])
        #expect(g.score.mean == Grants.Ratio(70) && h.score.mean == Grants.Ratio(70))
        let ranked = Grants.rank([h, g], criteria: F.criteria).ranked
        #expect(ranked.map(\.candidate.applicationId) == ["h-g", "g-h"])
        #expect(ranked[1].tieBrokenBy == .criterion("feasibility"))
    }
}
