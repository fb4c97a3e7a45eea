// The centres' pure rules: checking a case, small-cell suppression, paper sheets, the official-site check and
// appointment slots. Expected values are worked out by hand in each test.
import Foundation
import Testing
@testable import Methods

@Suite struct CaseRulesTests {
    static let today = CalendarDate(2026, 12, 2)!

    static func draft(_ change: (inout CaseDraft) -> Void = { _ in }) -> CaseDraft {
        var draft = CaseDraft()
        draft.clientID = "3f1c-a"
        draft.day = "2026-12-01"
        draft.channel = "phone"
        draft.task = "certificate"
        draft.outcome = "completed"
        change(&draft)
        return draft
    }

    @Test func aPlainCaseIsAcceptedWithItsDefaults() throws {
        let checked = try CaseRules.check(Self.draft { $0.groups = ["rural", "elderly", "rural"] }, today: Self.today, opened: nil, services: []).get()
        #expect(checked.day == CalendarDate(2026, 12, 1)!)
        #expect(checked.blocker == "none")
        #expect(checked.ageBand == "unknown" && checked.gender == "unknown" && checked.level == "national")
        // duplicates dropped, in the vocabulary's order
        #expect(checked.groups == ["elderly", "rural"])
        #expect(checked.flags.isEmpty)
    }

    @Test func aDeviceClockDaysAheadIsStoredButFlagged() throws {
        // today + 1 is tolerated (time zones); today + 2 is flagged, not refused and not changed
        #expect(try CaseRules.check(Self.draft { $0.day = "2026-12-03" }, today: Self.today, opened: nil, services: []).get().flags == [])
        let ahead = try CaseRules.check(Self.draft { $0.day = "2026-12-04" }, today: Self.today, opened: nil, services: []).get()
        #expect(ahead.flags == ["future-day"])
        #expect(ahead.day.iso == "2026-12-04")
        let early = try CaseRules.check(Self.draft { $0.day = "2026-01-10" }, today: Self.today, opened: CalendarDate(2026, 2, 1), services: []).get()
        #expect(early.flags == ["before-opening"])
    }

    @Test func aRenamedCodeIsStoredUnderItsNewNameAndFlagged() throws {
        let checked = try CaseRules.check(Self.draft { $0.outcome = "not-completed"; $0.blocker = "no-id" }, today: Self.today, opened: nil, services: []).get()
        #expect(checked.blocker == "no-eid")
        #expect(checked.flags == ["renamed:blocker:no-id"])
    }

    @Test func unknownCodesMissingFieldsAndImpossibleDatesAreRefusedByField() {
        guard case .failure(let failure) = CaseRules.check(Self.draft {
            $0.clientID = ""; $0.day = "2026-02-30"; $0.channel = "pigeon"; $0.task = ""; $0.groups = ["martians"]; $0.service = "9.9"
        }, today: Self.today, opened: nil, services: ["1.1"]) else { Issue.record("accepted"); return }
        #expect(failure.problems.map(\.field) == ["client_id", "day", "channel", "task", "groups", "service"])
        #expect(failure.problems[2].key == "centres.case.error.unknown_code" && failure.problems[2].arguments == ["code": "pigeon"])
    }

    @Test func aTaskThatCouldNotBeCompletedNeedsItsBlocker() {
        guard case .failure(let failure) = CaseRules.check(Self.draft { $0.outcome = "not-completed" }, today: Self.today, opened: nil, services: []) else {
            Issue.record("accepted"); return
        }
        #expect(failure.problems.map(\.key) == ["centres.case.error.blocker_needed"])
    }

    @Test func daysMoreThanFiveYearsBackAreRefused() {
        // 2026 − 5 = 2021: a case of 2020 is refused, one of 2021 accepted
        #expect((try? CaseRules.check(Self.draft { $0.day = "2021-01-01" }, today: Self.today, opened: nil, services: []).get()) != nil)
        #expect((try? CaseRules.check(Self.draft { $0.day = "2020-12-31" }, today: Self.today, opened: nil, services: []).get()) == nil)
    }

    @Test func calendarHelpers() {
        // 2026-12-02 is a Wednesday; 28 Feb 2028 + 1 day is the leap day
        #expect(Self.today.isoWeekday == 3)
        #expect(CalendarDate(2028, 2, 28)!.adding(days: 1).iso == "2028-02-29")
        #expect(CalendarDate(2026, 1, 1)!.adding(days: -1).iso == "2025-12-31")
    }
}

@Suite struct SmallCellsTests {
    @Test func cellsUnderFiveAreHidden() {
        #expect(SmallCells.publish(0) == 0)
        #expect(SmallCells.publish(4) == nil)
        #expect(SmallCells.publish(5) == 5)
    }

    @Test func oneHiddenCellTakesTheSmallestShownWithIt() {
        // total 6 + 3 + 12 + 0 = 21 is published: 3 alone hidden would be 21 − 6 − 12; so 6 (the smallest shown) goes too
        #expect(SmallCells.publish(breakdown: [6, 3, 12, 0]) == [nil, nil, 12, 0])
        // two hidden already protect each other
        #expect(SmallCells.publish(breakdown: [2, 3, 40]) == [nil, nil, 40])
        // nothing hidden, nothing more
        #expect(SmallCells.publish(breakdown: [5, 9]) == [5, 9])
    }
}

@Suite struct PaperCasesTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func rowsBecomeDraftsWithStableIDs() throws {
        let text = "date,channel,task,outcome,groups,first_time\r\n2026-11-02,in-person,tax,completed,elderly;rural,yes\r\n\r\n2026-11-03,phone,health,partly,,no\r\n"
        let drafts = try PaperCases.read(Self.bytes(text), file: "week45.csv", fileDigest: "abcdef0123456789ffff").get()
        #expect(drafts.map(\.line) == [2, 4])
        #expect(drafts[0].draft.clientID == "paper-abcdef0123456789-2")
        #expect(drafts[0].draft.groups == ["elderly", "rural"] && drafts[0].draft.firstTime)
        #expect(drafts[1].draft.channel == "phone" && !drafts[1].draft.firstTime)
    }

    @Test func aWrongColumnRefusesTheFileWithItsLine() {
        guard case .failure(let failure) = PaperCases.read(Self.bytes("date,chanel,task,outcome\n2026-11-02,phone,tax,completed\n"), file: "a.csv", fileDigest: "00") else {
            Issue.record("accepted"); return
        }
        #expect(failure.errors.map(\.description) == [
            "a.csv:1: unknown column \"chanel\"; the columns are: \(PaperCases.columns.joined(separator: ", "))",
            "a.csv:1: the column \"channel\" is missing",
        ])
    }

    @Test func aRepeatedCaseIDAndABadYesNoAreReportedPerLine() {
        let text = "case_id,date,channel,task,outcome,follow_up\nA1,2026-11-02,phone,tax,completed,no\nA1,2026-11-02,phone,tax,completed,maybe\nA1,2026-11-03,phone,tax,completed,no\n"
        guard case .failure(let failure) = PaperCases.read(Self.bytes(text), file: "b.csv", fileDigest: "00") else { Issue.record("accepted"); return }
        #expect(failure.errors.map(\.kind) == [.notYesNo("follow_up"), .duplicateID("A1", earlierLine: 2)])
        #expect(failure.errors.map(\.line) == [3, 4])
    }
}

@Suite struct OfficialDomainsTests {
    @Test(arguments: [
        ("https://e-albania.al/eAlbaniaServices/", LinkVerdict.official, "e-albania.al"),
        // the host is a listed domain itself: that domain, not its parent gov.rs / gov.mk
        ("euprava.gov.rs/usluge", .official, "euprava.gov.rs"),
        ("http://uslugi.gov.mk", .officialUnencrypted, "uslugi.gov.mk"),
        ("https://www.gov.me/", .official, "gov.me"),
        // a backslash is a slash to browsers: this goes to evil.example, whatever follows
        ("https://evil.example\\@e-albania.al/", .unknown, ""),
        ("https://e-albania.al.secure-login.example.com/", .lookalike, "e-albania.al"),
        ("https://euprava-gov-rs.info/", .lookalike, "euprava.gov.rs"),
        ("https://gov.al@evil.example/", .lookalike, "gov.al"),
        ("https://g0v.al/", .lookalike, "gov.al"),
        ("https://www.example.org/", .unknown, ""),
        ("not a link", .invalid, ""),
    ])
    func verdicts(link: String, verdict: LinkVerdict, domain: String) {
        let result = OfficialDomains.check(link)
        #expect(result.verdict == verdict, "\(link)")
        #expect(result.domain == domain, "\(link)")
    }

    @Test func cyrillicLookAlikeLettersAreCaught() {
        // "е" and "а" below are Cyrillic: the host only looks like e-albania.al
        let result = OfficialDomains.check("https://\u{435}-\u{430}lbania.al/")
        #expect(result.verdict == .lookalike)
    }
}

@Suite struct BookingRulesTests {
    let rules = BookingRules(hours: [9, 10, 11], weekdays: [1, 2, 3, 4, 5], capacity: 2, daysAhead: 60)
    let today = CalendarDate(2026, 12, 2)! // a Wednesday

    @Test func slotsOnWorkingDaysWithinTwoMonths() {
        #expect(rules.check(day: CalendarDate(2026, 12, 3)!, hour: 9, booked: 1, today: today) == nil)
        #expect(rules.check(day: CalendarDate(2026, 12, 3)!, hour: 9, booked: 2, today: today) == .full)
        #expect(rules.check(day: CalendarDate(2026, 12, 2)!, hour: 9, booked: 0, today: today) == .past)
        #expect(rules.check(day: CalendarDate(2026, 12, 5)!, hour: 9, booked: 0, today: today) == .closedDay) // Saturday
        #expect(rules.check(day: CalendarDate(2026, 12, 3)!, hour: 12, booked: 0, today: today) == .noSuchSlot)
        // 2 Dec + 60 days = 31 Jan 2027 (a Sunday, so check the Friday before and the Monday after)
        #expect(rules.check(day: CalendarDate(2027, 1, 29)!, hour: 9, booked: 0, today: today) == nil)
        #expect(rules.check(day: CalendarDate(2027, 2, 1)!, hour: 9, booked: 0, today: today) == .tooFarAhead)
    }

    @Test func storedListsAreReadBack() {
        #expect(BookingRules.hours(from: "9, 10,x,25,9") == [9, 10])
        #expect(BookingRules.weekdays(from: "1,2,8,0") == [1, 2])
    }
}
