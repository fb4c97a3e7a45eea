// Pure tests of the assessment rules: the wave's state machine, reading a submitted sheet, disagreements and
// reconciliation, and reconciled answers → the method engine's dataset (hand-worked from the method document).
import Foundation
import Testing
@testable import Methods

@Suite struct WaveStateMachineTests {
    let ready = WaveReadiness(applicableServices: 3, urls: 4, urlsLackingAnswers: 0, unresolvedDisagreements: 0)

    @Test func theStatesFormOneLine() {
        #expect(WaveStateMachine.apply(.startCollecting, to: .draft, readiness: ready) == .success(.collecting))
        #expect(WaveStateMachine.apply(.startReconciling, to: .collecting, readiness: ready) == .success(.reconciling))
        #expect(WaveStateMachine.apply(.publish, to: .reconciling, readiness: ready) == .success(.published))
        #expect(WaveStateMachine.next(from: .draft) == .startCollecting)
        #expect(WaveStateMachine.next(from: .collecting) == .startReconciling)
        #expect(WaveStateMachine.next(from: .reconciling) == .publish)
        #expect(WaveStateMachine.next(from: .published) == nil)
    }

    @Test func noStepIsSkippedOrTakenBackwards() {
        #expect(WaveStateMachine.apply(.publish, to: .draft, readiness: ready) == .failure(.wrongState(transition: .publish, state: .draft)))
        #expect(WaveStateMachine.apply(.publish, to: .collecting, readiness: ready) == .failure(.wrongState(transition: .publish, state: .collecting)))
        #expect(WaveStateMachine.apply(.startCollecting, to: .reconciling, readiness: ready)
            == .failure(.wrongState(transition: .startCollecting, state: .reconciling)))
        #expect(WaveStateMachine.apply(.startReconciling, to: .draft, readiness: ready)
            == .failure(.wrongState(transition: .startReconciling, state: .draft)))
    }

    @Test func eachStepNeedsItsContent() {
        var readiness = ready
        readiness.applicableServices = 0
        #expect(WaveStateMachine.apply(.startCollecting, to: .draft, readiness: readiness) == .failure(.noApplicableService))
        readiness = ready
        readiness.urls = 0
        #expect(WaveStateMachine.apply(.startReconciling, to: .collecting, readiness: readiness) == .failure(.noURL))
        readiness = ready
        readiness.urlsLackingAnswers = 2
        #expect(WaveStateMachine.apply(.startReconciling, to: .collecting, readiness: readiness) == .failure(.urlsLackingAnswers(2)))
        readiness = ready
        readiness.unresolvedDisagreements = 5
        #expect(WaveStateMachine.apply(.publish, to: .reconciling, readiness: readiness) == .failure(.unresolvedDisagreements(5)))
        // unanswered URLs no longer matter once answering is closed
        readiness.unresolvedDisagreements = 0
        readiness.urlsLackingAnswers = 1
        #expect(WaveStateMachine.apply(.publish, to: .reconciling, readiness: readiness) == .success(.published))
    }

    @Test func aPublishedWaveAllowsNothing() {
        for transition in WaveTransition.allCases {
            #expect(WaveStateMachine.apply(transition, to: .published, readiness: ready) == .failure(.published))
        }
        for activity in WaveActivity.allCases {
            if case .failure(let refusal) = WaveStateMachine.check(activity, in: .published) {
                #expect(refusal == .published)
            } else {
                Issue.record("\(activity) allowed on a published wave")
            }
        }
    }

    @Test func activitiesBelongToTheirStates() {
        func allowed(_ activity: WaveActivity) -> [WaveState] {
            WaveState.allCases.filter { if case .success = WaveStateMachine.check(activity, in: $0) { true } else { false } }
        }
        #expect(allowed(.editDetails) == [.draft, .collecting, .reconciling])
        #expect(allowed(.copyServices) == [.draft])
        #expect(allowed(.editServices) == [.draft, .collecting])
        #expect(allowed(.editURLs) == [.draft, .collecting])
        #expect(allowed(.answer) == [.collecting])
        #expect(allowed(.reconcile) == [.reconciling])
    }
}

@Suite struct AnswerSheetTests {
    @Test func theQuestionnaireAsksEveryQuestionTheMethodReads() {
        let national = Set(Questionnaire.questions(scope: "national").map(\.code))
        #expect(national == Set(EGovBenchmark.NationalQuestion.allCases.map(\.code)).union(["MF"]))
        let crossBorder = Set(Questionnaire.questions(scope: "cross-border").map(\.code))
        #expect(crossBorder == Set(EGovBenchmark.CrossBorderQuestion.allCases.map(\.code)))
    }

    @Test func aValidSheetIsStoredInTheBenchmarksCodes() {
        let input = Questionnaire.SheetInput(answers: ["A1": "Y", "A2": "N", "A3": "NR", "MF": " 87,5 "], note: "ok", observedOn: "2026-03-02")
        let checked = Questionnaire.check(input, scope: "national")
        #expect(checked.problems.isEmpty)
        #expect(checked.answers["A1"] == "Y" && checked.answers["A2"] == "N" && checked.answers["A3"] == "NR")
        #expect(checked.answers["C1"] == "")
        #expect(checked.answers["MF"] == "87.5")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let input = Questionnaire.SheetInput(answers: ["A1": "yes please", "MF": "eighty"], note: String(repeating: "x", count: 4_001),
                                             observedOn: "2026-02-30")
        let problems = Questionnaire.check(input, scope: "national").problems
        #expect(problems == [
            .init(field: "q_A1", key: "assess.error.answer_value"), .init(field: "q_MF", key: "assess.error.mobile_number"),
            .init(field: "note", key: "assess.error.note_long"), .init(field: "observed_on", key: "assess.error.date_invalid"),
        ])
        #expect(Questionnaire.check(.init(answers: ["MF": "101"], observedOn: ""), scope: "national").problems.map(\.key)
            == ["assess.error.mobile_number", "assess.error.date_missing"])
    }

    @Test func datesAreRealCalendarDates() {
        #expect(CalendarDate.isValid("2024-02-29"))
        #expect(!CalendarDate.isValid("2026-02-29"))
        #expect(!CalendarDate.isValid("2026-13-01"))
        #expect(!CalendarDate.isValid("26-01-01"))
        #expect(!CalendarDate.isValid("2026-1-01"))
        #expect(!CalendarDate.isValid("2026-01-01T00"))
    }

}

@Suite struct ReconciliationTests {
    let first = ["A1": "Y", "A2": "N", "A3": "Y", "MF": "80", "C6": ""]
    let second = ["A1": "Y", "A2": "Y", "A3": "Y", "MF": "75", "C6": "N"]

    @Test func disagreementsAreTheQuestionsThatDiffer() {
        let list = Reconciliation.disagreements(first, second, scope: "national")
        #expect(list.map(\.question) == ["A2", "C6", "MF"])
        #expect(list.first?.values == ["N", "Y"])
        #expect(Reconciliation.choices(for: list[2]) == ["80", "75"])
        #expect(Reconciliation.choices(for: list[0]) == ["Y", "N", "NR", ""])
    }

    @Test func onlyAFullySettledSheetIsScored() {
        #expect(Reconciliation.reconciled(first, second, choices: ["A2": "N", "MF": "80"], scope: "national") == nil)
        #expect(Reconciliation.reconciled(first, second, choices: ["A2": "N", "MF": "99", "C6": ""], scope: "national") == nil)
        let answers = Reconciliation.reconciled(first, second, choices: ["A2": "N", "MF": "80", "C6": ""], scope: "national")
        #expect(answers?["A1"] == "Y" && answers?["A2"] == "N" && answers?["MF"] == "80" && answers?["C6"] == "")
        #expect(Reconciliation.reconciled(first, first, choices: [:], scope: "national")?["A2"] == "N")
    }
}

@Suite struct AnswersToDatasetTests {
    typealias B = EGovBenchmark

    func service(_ number: String, scope: B.ServiceScope = .national, type: B.ServiceType, level: B.GovernmentLevel = .central,
                 applicable: Bool = true, proactive: Bool = false, urls: [[String: String]]) -> AssessmentScoring.Service {
        AssessmentScoring.Service(scope: scope, lifeEvent: .justice, number: number, label: "\(number) service", type: type, level: level,
                                  applicable: applicable, proactive: proactive,
                                  urls: urls.enumerated().map { .init(url: "https://example.org/\($0.offset)", answers: $0.element) })
    }

    @Test func answersBecomeLandscapeAndRowsWithoutPortals() throws {
        let kosovo = try #require(B.CountryCode("XK"))
        let dataset = AssessmentScoring.dataset(country: kosovo, services: [
            service("1.2", type: .informational, urls: [["A1": "Y", "A2": "N", "A3": "Y", "MF": "80"]]),
            service("2.1", scope: .crossBorder, type: .transactional, level: .regional, urls: [["G1": "Y", "I3": ""]]),
            service("3.1", type: .informational, applicable: false, urls: []),
        ])
        let key = B.ServiceKey(country: kosovo, lifeEvent: .justice, number: "1.2")
        #expect(dataset.nationalServices.count == 2 && dataset.crossBorderServices.count == 1)
        #expect(dataset.nationalPortals.isEmpty && dataset.crossBorderPortals.isEmpty)
        let row = try #require(dataset.nationalAnswers[key]?.first)
        #expect(row[.a1] == .yes && row[.a2] == .no && row[.a3] == .yes && row[.c1] == .blank)
        #expect(row.answers[.c1].isEmpty)
        #expect(row.mobileFriendliness == 80)
        let crossKey = B.ServiceKey(country: kosovo, lifeEvent: .justice, number: "2.1")
        #expect(dataset.crossBorderServices[crossKey]?.flags.level == .regional)
        #expect(dataset.crossBorderAnswers[crossKey]?.first?.answers[.i3].isEmpty == true)
        #expect(dataset.nationalServices[B.ServiceKey(country: kosovo, lifeEvent: .justice, number: "3.1")]?.flags.applicable == false)
    }

    @Test func theEngineScoresThemByTheMethodDocument() throws {
        let kosovo = try #require(B.CountryCode("XK"))
        let dataset = AssessmentScoring.dataset(country: kosovo, services: [
            // central informational, A1=Y A2=N A3=Y → rule 7: 25 + 0 + 25 = 50; rule 8: MF = 80
            service("1.2", type: .informational, urls: [["A1": "Y", "A2": "N", "A3": "Y", "MF": "80"]]),
            // regional transactional, two URLs → rule 7 per-URL mean: (25+50+25 + 25+0+0)/2 = 62.5;
            // rule 10 SHARE: C1 = 100·1/2 = 50, C2 = 0 (N and blank), others dropped → 25
            service("2.1", type: .transactional, level: .regional,
                    urls: [["A1": "Y", "A2": "Y", "A3": "Y", "C1": "Y", "C2": "N"], ["A1": "Y", "C1": "N", "C2": ""]]),
            service("3.1", type: .informational, applicable: false, urls: [["A1": "Y", "A2": "Y", "A3": "Y"]]),
        ])
        let results = B.Engine.compute(dataset)
        let informational = try #require(results.nationalServices[B.ServiceKey(country: kosovo, lifeEvent: .justice, number: "1.2")])
        #expect(informational.onlineAvailability == 50)
        #expect(informational.mobileFriendliness == 80)
        let transactional = try #require(results.nationalServices[B.ServiceKey(country: kosovo, lifeEvent: .justice, number: "2.1")])
        #expect(transactional.onlineAvailability == 62.5)
        #expect(transactional.serviceDelivery == 25)
        #expect(transactional.mobileFriendliness == 0) // rule 8: no numeric value → 0
        let life = try #require(results.countries[kosovo]?[.lifeEvent(.justice)])
        // rule 18: 0.8 · 62.5 + 0.2 · 50 = 60; rule 19: mean(80, 0) = 40
        #expect(life[.onlineAvailability] == 60)
        #expect(life[.mobileFriendliness] == 40)
        // no portals: 1.3 missing, so rule 22 renormalises: 2/3 · 60 + 1/3 · 40 = 53.33…
        #expect(life[.userSupport] == nil)
        #expect(abs(life[.userCentricity]! - (2.0 / 3 * 60 + 1.0 / 3 * 40)) < 1e-12)
        #expect(life[.transparency] == 25)
        #expect(results.eu27Plus.biennial.overall == nil) // Kosovo is not a benchmark country
    }
}
