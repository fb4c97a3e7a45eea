import Foundation
import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: the funding line")
struct GrantsFundingLineTests {
    /// Ranked applications with the given requests (EUR) and countries; ranks follow the array order because
    /// the means decrease: application i (at most 25) gets two reviews worth 100 − i points.
    static func ranked(_ requests: [Int64], countries: [String]? = nil) -> [Grants.RankedApplication] {
        let candidates = requests.enumerated().map { index, euros in
            precondition(index < 26, "means must stay distinct")
            let cost = Int64(25 - index)                 // total 75 + cost = 100 − index
            let reviews = [F.review("A", [10, 5, 20, cost]), F.review("B", [10, 5, 20, cost])]
            let id = index < 10 ? "app-0\(index)" : "app-\(index)"
            return Grants.RankingCandidate(
                applicationId: id, country: countries?[index] ?? "MK", requested: F.eur(euros),
                submittedAt: F.instant("2020-06-01T10:00:00Z"), score: F.aggregate(id, reviews))
        }
        return Grants.rank(candidates, criteria: F.criteria).ranked
    }

    private static func ids(_ list: [Grants.RankedApplication]) -> [String] { list.map(\.candidate.applicationId) }

    /// Envelope 20,000; requests in rank order 7,000 / 6,500 / 3,000 / 4,000 / 3,000.
    /// 7,000 + 6,500 + 3,000 = 16,500; 16,500 + 4,000 = 20,500 > 20,000: the line closes at app-03, and
    /// app-04 (3,000, would fit in the 3,500 left) is reserved too — strict rank order.
    @Test func awardInRankOrderWhileTheEnvelopeAllowsThenReserve() {
        let line = Grants.drawFundingLine(Self.ranked([7_000, 6_500, 3_000, 4_000, 3_000]), policy: .init(budget: F.eur(20_000)))
        #expect(Self.ids(line.awarded) == ["app-00", "app-01", "app-02"])
        #expect(line.committed == F.eur(7_000 + 6_500 + 3_000))
        #expect(line.remaining == F.eur(20_000 - 16_500))
        #expect(line.reserve.map(\.application.candidate.applicationId) == ["app-03", "app-04"])
        #expect(line.reserve.map(\.reason) == [.budgetExhausted, .budgetExhausted])
        #expect(line.notFunded.isEmpty)
    }

    /// An exact fit: 10,000 + 10,000 = 20,000 leaves 0 and the next goes to the reserve list.
    @Test func anExactFitIsAwarded() {
        let line = Grants.drawFundingLine(Self.ranked([10_000, 10_000, 1]), policy: .init(budget: F.eur(20_000)))
        #expect(Self.ids(line.awarded) == ["app-00", "app-01"])
        #expect(line.remaining == F.eur(0))
        #expect(line.reserve.map(\.reason) == [.budgetExhausted])
    }

    /// Means here are 100, 99, 98, …: a pass mark of 98.5 leaves app-02 and later below it.
    @Test func belowThePassMarkNothingIsFundedOrReserved() {
        let line = Grants.drawFundingLine(
            Self.ranked([3_000, 3_000, 3_000, 3_000]), policy: .init(budget: F.eur(100_000), passMark: Grants.Ratio(197, 2)))
        #expect(Self.ids(line.awarded) == ["app-00", "app-01"])
        #expect(line.notFunded.map(\.reason) == [.belowPassMark, .belowPassMark])
        #expect(line.reserve.isEmpty)
    }

    @Test func theReserveListHasALimit() {
        let line = Grants.drawFundingLine(Self.ranked([6_000, 6_000, 6_000, 6_000]), policy: .init(budget: F.eur(6_000), reserveListSize: 2))
        #expect(Self.ids(line.awarded) == ["app-00"])
        #expect(line.reserve.map(\.application.candidate.applicationId) == ["app-01", "app-02"])
        #expect(line.notFunded.map(\.application.candidate.applicationId) == ["app-03"])
        #expect(line.notFunded.map(\.reason) == [.beyondReserveList])
    }

    @Test func aCountryQuotaSkipsWithoutClosingTheLine() {
        let line = Grants.drawFundingLine(
            Self.ranked([1_000, 1_000, 1_000, 1_000], countries: ["MK", "MK", "AL", "MK"]),
            policy: .init(budget: F.eur(10_000), maximumGrantsPerCountry: 1))
        #expect(Self.ids(line.awarded) == ["app-00", "app-02"])
        #expect(line.reserve.map(\.reason) == [.countryQuotaReached, .countryQuotaReached])
    }

    @Test func aForeignCurrencyOrNegativeAmountIsNeverFunded() {
        var ranked = Self.ranked([1_000, 1_000, 1_000])
        ranked[0].candidate.requested = Grants.Money(1_000, .mkd)
        ranked[1].candidate.requested = Grants.Money(minorUnits: -1, currency: .eur)
        let line = Grants.drawFundingLine(ranked, policy: .init(budget: F.eur(10_000)))
        #expect(Self.ids(line.awarded) == ["app-02"])
        #expect(line.notFunded.map(\.reason) == [.invalidAmount, .invalidAmount])
        #expect(line.remaining == F.eur(9_000))
    }
}
