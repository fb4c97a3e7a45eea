import Foundation
import Testing
@testable import Methods

private typealias F = GrantsFixtures

/// The figures of the real ICEDA scheme (PRODUCT.md) run through the rules.
@Suite("Grants: the real ICEDA figures")
struct GrantsRealFiguresTests {
    private static func ranked(_ requests: [Int64], countries: [String]) -> [Grants.RankedApplication] {
        GrantsFundingLineTests.ranked(requests, countries: countries)
    }

    /// Lot 2: EUR 75,000 for 15 grants of 3,000–7,000. 15 × 3,000 = 45,000 ≤ 75,000 < 15 × 7,000 = 105,000,
    /// so the envelope, not the count, usually closes the line; at the average of 75,000 / 15 = 5,000 both meet.
    @Test func lot2FifteenGrantsOfFiveThousandFillTheEnvelopeExactly() {
        #expect(F.lot2.budget == F.eur(15 * 5_000))
        let line = Grants.drawFundingLine(
            Self.ranked(Array(repeating: 5_000, count: 18), countries: Array(repeating: "RS", count: 18)),
            policy: F.call.fundingPolicy(for: F.lot2))
        #expect(line.awarded.count == 15)
        #expect(line.committed == F.eur(75_000))
        #expect(line.remaining == F.eur(0))
        #expect(line.reserve.map(\.reason) == [.grantLimitReached, .grantLimitReached, .grantLimitReached])
    }

    /// Twenty ranked Lot 2 requests; running total: 7,000 · 13,500 · 16,500 · 21,500 · 25,500 · 32,500 · 38,000 ·
    /// 41,500 · 47,500 · 52,000 · 57,000 · 60,000 · 64,000 · 70,000; the 15th (5,500) would make 75,500 > 75,000.
    @Test func lot2MixedRequestsStopAtTheEnvelope() throws {
        let requests: [Int64] = [7_000, 6_500, 3_000, 5_000, 4_000, 7_000, 5_500, 3_500, 6_000, 4_500, 5_000, 3_000, 4_000,
                                 6_000, 5_500, 7_000, 3_000, 4_500, 6_500, 3_000]
        let countries = (0..<20).map { ["AL", "XK", "ME", "MK", "RS"][$0 % 5] }
        let line = Grants.drawFundingLine(Self.ranked(requests, countries: countries), policy: F.call.fundingPolicy(for: F.lot2))
        #expect(line.awarded.count == 14)
        #expect(line.committed == F.eur(70_000))
        #expect(line.remaining == F.eur(5_000))
        #expect(line.reserve.count == 6)
        #expect(line.reserve.allSatisfy { $0.reason == .budgetExhausted })
        // Every award is inside the lot's range, and its 80/20 tranches add up to it and to the committed total.
        var paid = F.eur(0)
        for award in line.awarded {
            #expect(Grants.eligibilityProblems(
                .init(applicantCountry: award.candidate.country, applicantKind: .cso, requested: award.candidate.requested,
                      durationMonths: 6, chosenResults: ["policy-change", "recommendations"]), lot: F.lot2) == [])
            let tranches = try Grants.tranches(of: award.candidate.requested, shares: [.percent(80), .percent(20)]).get()
            paid = try paid.adding(try Grants.Money.sum(tranches, currency: .eur))
        }
        #expect(paid == line.committed)
    }

    /// Lot 2 results: at least two of five.
    @Test func lot2NeedsTwoResultsFromTheMenu() {
        #expect(F.lot2.resultsMenu.count == 5 && F.lot2.minimumResults == 2)
        let one = Grants.ApplicationFacts(applicantCountry: "ME", applicantKind: .cso, requested: F.eur(4_000), chosenResults: ["e-service"])
        #expect(Grants.eligibilityProblems(one, lot: F.lot2) == [.tooFewResults(chosen: 1, minimum: 2)])
    }

    /// Lot 1: 15 grants of 13,000–17,000, three per country. Twenty applicants of 15,000, four per country,
    /// ranked with countries in turn; the fourth of each country is reserved: 15 × 15,000 = 225,000 committed.
    @Test func lot1ThreeGrantsPerCountry() {
        let countries = ["AL", "XK", "ME", "MK", "RS"]
        let line = Grants.drawFundingLine(
            Self.ranked(Array(repeating: 15_000, count: 20), countries: (0..<20).map { countries[$0 % 5] }),
            policy: F.call.fundingPolicy(for: F.lot1))
        #expect(line.awarded.count == 15)
        #expect(line.committed == F.eur(15 * 15_000))
        for country in countries {
            #expect(line.awarded.filter { $0.candidate.country == country }.count == 3, "\(country)")
        }
        #expect(line.reserve.count == 5)
        #expect(line.reserve.allSatisfy { $0.reason == .countryQuotaReached })
    }

    /// Lot 1 runs 18 months; a 12-month centre or EUR 12,999.99 is refused.
    @Test func lot1DurationAndRange() {
        let facts = Grants.ApplicationFacts(applicantCountry: "XK", applicantKind: .cso, requested: F.eur(12_999, 99), durationMonths: 12)
        #expect(Grants.eligibilityProblems(facts, lot: F.lot1) == [
            .durationOutOfRange(months: 12, minimum: 18, maximum: 18),
            .amountBelowMinimum(requested: F.eur(12_999, 99), minimum: F.eur(13_000)),
        ])
    }
}
