import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: scored reviews and their aggregate")
struct GrantsReviewTests {
    /// Criteria: relevance 30 pts (max 10), feasibility 25 (max 5), capacity 20 (max 20), cost 25 (max 25).
    /// Reviewer A (8, 4, 15, 20): 30·8/10 + 25·4/5 + 20·15/20 + 25·20/25 = 24 + 20 + 15 + 20 = 79.
    /// Reviewer B (7, 3, 13, 19): 21 + 15 + 13 + 19 = 68.
    @Test func weightedTotalsMeanAndSpread() throws {
        let a = try Grants.ReviewAggregation.total(of: F.review("A", [8, 4, 15, 20]), criteria: F.criteria).get()
        #expect(a.total == Grants.Ratio(79))
        #expect(a.points == ["relevance": Grants.Ratio(24), "feasibility": Grants.Ratio(20), "capacity": Grants.Ratio(15), "cost": Grants.Ratio(20)])
        let aggregate = F.aggregate("app-1", [F.review("A", [8, 4, 15, 20]), F.review("B", [7, 3, 13, 19])])
        #expect(aggregate.reviews.map(\.total) == [Grants.Ratio(79), Grants.Ratio(68)])
        #expect(aggregate.mean == Grants.Ratio(79 + 68, 2))           // 73.5
        #expect(aggregate.meanPoints["relevance"] == Grants.Ratio(24 + 21, 2))
        #expect(aggregate.spread == Grants.Ratio(79 - 68))           // 11 ≤ 20
        #expect(!aggregate.spreadFlagged)
        #expect(aggregate.isComplete)
        #expect(aggregate.problems == [])
    }

    /// A third reviewer C gives full marks: 100. Mean (79 + 68 + 100) / 3 = 247/3; spread 100 − 68 = 32 > 20.
    @Test func disagreementBeyondTheSpreadIsFlagged() {
        let aggregate = F.aggregate("app-1", [F.review("A", [8, 4, 15, 20]), F.review("B", [7, 3, 13, 19]), F.review("C", [10, 5, 20, 25])])
        #expect(aggregate.mean == Grants.Ratio(247, 3))
        #expect(aggregate.mean?.decimalString(places: 2) == "82.33")
        #expect(aggregate.spread == Grants.Ratio(32))
        #expect(aggregate.spreadFlagged)
    }

    /// D (6, 3, 6, 20) = 18 + 15 + 6 + 20 = 59: spread with A is exactly 20, which is not "beyond" 20.
    /// D′ (6, 3, 5, 20) = 58: spread 21 is flagged.
    @Test func aSpreadExactlyAtTheThresholdIsNotFlagged() {
        let atThreshold = F.aggregate("x", [F.review("A", [8, 4, 15, 20]), F.review("D", [6, 3, 6, 20])])
        #expect(atThreshold.spread == Grants.Ratio(20))
        #expect(!atThreshold.spreadFlagged)
        let beyond = F.aggregate("x", [F.review("A", [8, 4, 15, 20]), F.review("D", [6, 3, 5, 20])])
        #expect(beyond.spread == Grants.Ratio(21))
        #expect(beyond.spreadFlagged)
    }

    /// Weights 50 (max 3) and 50 (max 7), scores 1 and 2: 50/3 + 100/7 = (350 + 300)/21 = 650/21, kept exact.
    @Test func nonTerminatingTotalsStayExact() throws {
        let criteria: [Grants.Criterion] = [.init(id: "p", title: "P", weight: 50, maxScore: 3), .init(id: "q", title: "Q", weight: 50, maxScore: 7)]
        let total = try Grants.ReviewAggregation.total(of: Grants.Review(reviewerId: "R", scores: ["p": 1, "q": 2]), criteria: criteria).get()
        #expect(total.total == Grants.Ratio(650, 21))
        #expect(total.total.decimalString(places: 2) == "30.95")
    }

    @Test func aConflictOfInterestBlocksTheReview() {
        #expect(Grants.reviewBlocker(.noConflict, reviewer: "A") == nil)
        #expect(Grants.reviewBlocker(.conflict, reviewer: "A") == .conflictOfInterest(reviewer: "A"))
        #expect(Grants.reviewBlocker(.notDeclared, reviewer: "A") == .conflictNotDeclared(reviewer: "A"))
        let aggregate = F.aggregate("app-2", [
            F.review("A", [8, 4, 15, 20]), F.review("B", [10, 5, 20, 25], declaration: .conflict),
            F.review("C", [1, 1, 1, 1], declaration: .notDeclared),
        ])
        #expect(aggregate.reviews.map(\.reviewerId) == ["A"])
        #expect(aggregate.problems == [.conflictOfInterest(reviewer: "B"), .conflictNotDeclared(reviewer: "C")])
        #expect(aggregate.mean == Grants.Ratio(79))
        #expect(!aggregate.isComplete)                                  // 1 valid review < 2
        #expect(aggregate.problems.first?.code == "grants.review.conflict-of-interest")
    }

    @Test func invalidScoresAreReportedAndLeftOut() {
        var bad = F.review("B", [11, 4, 15, 20])
        bad.scores["cost"] = nil
        bad.scores["charm"] = 3
        let aggregate = F.aggregate("app-3", [F.review("A", [8, 4, 15, 20]), bad, F.review("A", [1, 1, 1, 1]), F.review("C", [7, 3, 13, 19])])
        #expect(aggregate.problems == [
            .scoreOutOfRange(reviewer: "B", criterion: "relevance", score: 11, maximum: 10),
            .missingScore(reviewer: "B", criterion: "cost"),
            .unknownCriterion(reviewer: "B", criterion: "charm"),
            .duplicateReviewer(reviewer: "A"),
        ])
        #expect(aggregate.reviews.map(\.reviewerId) == ["A", "C"])
        #expect(aggregate.mean == Grants.Ratio(147, 2))
        #expect(aggregate.isComplete)
    }

    @Test func noValidReviewMeansNoScore() {
        let aggregate = F.aggregate("app-4", [])
        #expect(aggregate.mean == nil && aggregate.spread == nil && !aggregate.spreadFlagged && !aggregate.isComplete)
    }
}
