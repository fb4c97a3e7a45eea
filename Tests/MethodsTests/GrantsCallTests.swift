import Foundation
import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: calls, lots, deadlines and eligibility")
struct GrantsCallTests {
    @Test func theIcedaCallIsSound() {
        #expect(F.call.problems == [])
        #expect(F.call.lot("lot-2") == F.lot2)
        #expect(F.call.lot("lot-9") == nil)
    }

    @Test func aBrokenCallReportsEveryProblemAtOnce() {
        var call = F.call
        call.criteria = [
            .init(id: "relevance", title: "Relevance", weight: 60, maxScore: 10),
            .init(id: "relevance", title: "Again", weight: 30, maxScore: 0),
        ]
        call.window = Grants.SubmissionWindow(opensAt: F.window.deadline, deadline: F.window.opensAt, timeZone: F.skopje)
        var lot = F.lot2
        lot.minimumAmount = F.eur(8_000)
        lot.minimumResults = 6
        lot.eligibleCountries = []
        call.lots = [F.lot1, lot, F.lot1]
        #expect(call.problems == [
            .duplicateLot("lot-1"),
            .duplicateCriterion("relevance"),
            .invalidCriterion("relevance"),
            .weightsDoNotSumTo100(90),
            .deadlineNotAfterOpening,
            .lotAmountRangeInvalid(lot: "lot-2"),
            .lotEligibilityEmpty(lot: "lot-2"),
            .lotResultsMenuInvalid(lot: "lot-2"),
        ])
    }

    /// The deadline is 2020-06-15 16:00 Skopje time = 14:00:00Z (CEST, UTC+2). The window is half-open:
    /// the deadline second itself is late.
    @Test func theServerClockDecidesAndTheDeadlineSecondIsLate() {
        let deadline = Grants.LocalTime.instant(year: 2020, month: 6, day: 15, hour: 16, minute: 0, in: F.skopje)
        #expect(deadline == F.instant("2020-06-15T14:00:00Z"))
        let window = F.window
        #expect(window.timing(of: F.instant("2020-06-15T13:59:59.999Z")) == .onTime)
        #expect(window.timing(of: F.instant("2020-06-15T14:00:00Z")) == .late)
        #expect(window.timing(of: F.instant("2020-06-15T14:00:00.001Z")) == .late)
        #expect(window.timing(of: F.instant("2020-05-04T06:59:59Z")) == .notYetOpen)
        #expect(window.timing(of: F.instant("2020-05-04T07:00:00Z")) == .onTime)
        #expect(window.isOnTime(F.instant("2020-06-01T10:00:00Z")))
        #expect(!window.isOnTime(F.instant("2020-06-15T14:00:00Z")))
    }

    @Test func wallClockTimesAcrossDaylightSavingChanges() {
        // Winter: 16:00 CET = 15:00Z.
        #expect(Grants.LocalTime.instant(year: 2021, month: 1, day: 15, hour: 16, minute: 0, in: F.skopje)
            == F.instant("2021-01-15T15:00:00Z"))
        // 2021-03-28 02:30 does not exist in Skopje (02:00 → 03:00).
        #expect(Grants.LocalTime.instant(year: 2021, month: 3, day: 28, hour: 2, minute: 30, in: F.skopje) == nil)
        // 2021-10-31 02:30 happens twice (00:30Z in CEST, 01:30Z in CET): the later one is used.
        #expect(Grants.LocalTime.instant(year: 2021, month: 10, day: 31, hour: 2, minute: 30, in: F.skopje)
            == F.instant("2021-10-31T01:30:00Z"))
        #expect(Grants.LocalTime.instant(year: 2021, month: 2, day: 29, hour: 12, minute: 0, in: F.skopje) == nil)
        let local = Grants.LocalTime.components(of: F.instant("2020-06-15T14:00:00Z"), in: F.skopje)
        #expect(local.hour == 16 && local.day == 15)
    }

    /// Notified 2021-03-25 11:00 CET (10:00Z); 8 days later at 11:00 local is 2021-04-02 11:00 CEST = 09:00Z.
    @Test func appealDeadlineKeepsTheWallClockAcrossDaylightSaving() {
        #expect(F.call.appealDeadline(notifiedAt: F.instant("2021-03-25T10:00:00Z")) == F.instant("2021-04-02T09:00:00Z"))
    }

    @Test func anEligibleApplicationHasNoProblem() {
        let facts = Grants.ApplicationFacts(
            applicantCountry: "XK", applicantKind: .cso, coApplicantCountries: ["AL"], requested: F.eur(5_000),
            durationMonths: 6, chosenResults: ["policy-change", "media-15"])
        #expect(Grants.eligibilityProblems(facts, lot: F.lot2) == [])
    }

    @Test func everyEligibilityProblemIsReportedAtOnce() {
        let facts = Grants.ApplicationFacts(
            applicantCountry: "BA", applicantKind: .business, coApplicantCountries: ["HR", "MK", "HR"],
            requested: F.eur(7_500), durationMonths: 7, chosenResults: ["policy-change", "policy-change", "lottery"])
        let problems = Grants.eligibilityProblems(facts, lot: F.lot2)
        #expect(problems == [
            .countryNotEligible("BA"),
            .applicantKindNotEligible(.business),
            .coApplicantCountryNotEligible("HR"),
            .durationOutOfRange(months: 7, minimum: 1, maximum: 6),
            .duplicateResult("policy-change"),
            .unknownResult("lottery"),
            .tooFewResults(chosen: 1, minimum: 2),
            .amountAboveMaximum(requested: F.eur(7_500), maximum: F.eur(7_000)),
        ])
        #expect(problems.map(\.code).first == "grants.application.country-not-eligible")
        #expect(problems.last?.arguments == ["requested": .money(F.eur(7_500)), "maximum": .money(F.eur(7_000))])
    }

    /// Lot 2 accepts EUR 3,000.00 … 7,000.00 inclusive.
    @Test func amountRangeIsInclusive() {
        func problems(_ amount: Grants.Money) -> [Grants.ApplicationProblem] {
            Grants.eligibilityProblems(
                .init(applicantCountry: "MK", applicantKind: .cso, requested: amount, chosenResults: ["policy-change", "e-service"]),
                lot: F.lot2)
        }
        #expect(problems(F.eur(3_000)) == [])
        #expect(problems(F.eur(7_000)) == [])
        #expect(problems(F.eur(2_999, 99)) == [.amountBelowMinimum(requested: F.eur(2_999, 99), minimum: F.eur(3_000))])
        #expect(problems(F.eur(7_000, 1)) == [.amountAboveMaximum(requested: F.eur(7_000, 1), maximum: F.eur(7_000))])
        #expect(problems(Grants.Money(300_000, .mkd)) == [.currencyMismatch(expected: .eur, found: .mkd)])
    }

    @Test func theStatedAmountMustMatchTheBudget() {
        let budget = Grants.BudgetTable(currency: .eur, lines: [
            .init(category: .staff, description: "Coordinator", unit: "month", quantity: .init(6), unitCost: F.eur(1_000),
                  requested: F.eur(5_400), coFinancing: F.eur(600)),
        ])
        let facts = Grants.ApplicationFacts(
            applicantCountry: "ME", applicantKind: .media, requested: F.eur(5_000), durationMonths: 6,
            chosenResults: ["recommendations", "media-15"], budget: budget)
        #expect(Grants.eligibilityProblems(facts, lot: F.lot2) == [
            .requestedDiffersFromBudget(requested: F.eur(5_000), budget: F.eur(5_400)),
        ])
        var matching = facts
        matching.requested = nil
        #expect(Grants.eligibilityProblems(matching, lot: F.lot2) == [])
    }
}
