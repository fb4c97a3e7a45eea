import Testing
@testable import Methods

@Suite("Rules 7–12: national service scores")
struct NationalServiceRulesTests {
    typealias N = E.NationalServiceScoring

    // MARK: Rule 7 — online availability

    @Test("Rule 7: proactive → 100 whatever the answers")
    func onlineAvailabilityProactive() {
        #expect(N.onlineAvailability(flags: flags(proactive: true), rows: [nat([.a1: .no, .a2: .no])]) == 100)
        #expect(N.onlineAvailability(flags: flags(central: false, proactive: true), rows: [nat()]) == 100)
    }

    @Test("Rule 7: central → 25·[any A1] + 50·[any A2] + 25·[any A3]")
    func onlineAvailabilityCentral() {
        let rows = [nat([.a1: .yes, .a2: .no, .a3: .no]), nat([.a1: .no, .a2: .yes, .a3: .no])]
        #expect(approx(N.onlineAvailability(flags: flags(), rows: rows), 25 + 50))
        // A2 and A3 without A1 are scored too: 50 + 25.
        #expect(N.onlineAvailability(flags: flags(), rows: [nat([.a1: .no, .a2: .yes, .a3: .yes])]) == 75)
        #expect(N.onlineAvailability(flags: flags(), rows: [nat([.a1: .yes, .a2: .yes, .a3: .yes])]) == 100)
        #expect(N.onlineAvailability(flags: flags(), rows: [nat([.a1: .no])]) == 0)
    }

    @Test("Rule 7: regional/local → mean over all URLs, a blank row scores 0")
    func onlineAvailabilityLocal() {
        let rows = [nat([.a1: .yes, .a2: .no, .a3: .no]), nat([.a1: .no, .a2: .yes, .a3: .no])]
        #expect(approx(N.onlineAvailability(flags: flags(central: false), rows: rows), (25.0 + 50) / 2))
        #expect(approx(N.onlineAvailability(flags: flags(central: false), rows: rows + [nat()]), (25.0 + 50 + 0) / 3))
        let full = [nat([.a1: .yes, .a2: .yes, .a3: .yes]), nat([.a1: .yes, .a3: .yes])]
        #expect(approx(N.onlineAvailability(flags: flags(central: false), rows: full), (100.0 + 50) / 2))
    }

    // MARK: Rule 8 — mobile friendliness

    @Test("Rule 8: proactive → 100; none → 0; central → max; otherwise mean")
    func mobileFriendliness() {
        let rows = [nat(mf: 100), nat(mf: 0), nat(mf: nil)]
        #expect(N.mobileFriendliness(flags: flags(proactive: true), rows: [nat(mf: 0)]) == 100)
        #expect(N.mobileFriendliness(flags: flags(), rows: rows) == 100)
        #expect(approx(N.mobileFriendliness(flags: flags(central: false), rows: rows), (100.0 + 0) / 2))
        #expect(N.mobileFriendliness(flags: flags(), rows: [nat(), nat()]) == 0)
        #expect(N.mobileFriendliness(flags: flags(central: false), rows: [nat()]) == 0)
    }

    // MARK: Rule 9 — eID

    @Test("Rule 9: central, no F1=Y and some F1=N → no score")
    func eIDCentralNoScope() {
        let rows = [nat([.f1: .no, .f2: .yes, .f3: .yes, .f4: .yes]), nat([.f1: .blank, .f2: .yes])]
        #expect(N.eID(flags: flags(), rows: rows) == nil)
    }

    @Test("Rule 9: central otherwise uses all URLs, BEST, dropped questions skipped")
    func eIDCentral() {
        // F2: any Y → 100; F3: N, N → 0; F4: NR, NR → dropped. mean(100, 0) = 50.
        let rows = [nat([.f1: .yes, .f2: .yes, .f3: .no, .f4: .notRelevant]),
                    nat([.f1: .no, .f2: .no, .f3: .no, .f4: .notRelevant])]
        #expect(N.eID(flags: flags(), rows: rows) == 50)
        // F1 all BLANK (no Y, no N) keeps every URL in scope: F2 Y → 100, F3 BLANK → 0, F4 BLANK → 0.
        // mean = 33.33… → floor(33.83…) = 33.
        #expect(N.eID(flags: flags(), rows: [nat([.f2: .yes])]) == 33)
    }

    @Test("Rule 9: rounded half up, floor(x + 0.5)")
    func eIDRounding() {
        // Central: F2 Y, F3 Y, F4 N → 200/3 = 66.67 → 67.
        #expect(N.eID(flags: flags(), rows: [nat([.f1: .yes, .f2: .yes, .f3: .yes, .f4: .no])]) == 67)
        // Regional, 4 URLs in scope: F2 1 Y of 4 → 25; F3 all N → 0; F4 all NR → dropped.
        // mean(25, 0) = 12.5 → floor(13.0) = 13 (half up, not half to even).
        let rows = (0..<4).map { i in
            nat([.f1: .yes, .f2: i == 0 ? .yes : .no, .f3: .no, .f4: .notRelevant])
        }
        #expect(N.eID(flags: flags(central: false), rows: rows) == 13)
    }

    @Test("Rule 9: not central → only URLs whose F1 is neither N nor NR, SHARE")
    func eIDLocalScope() {
        // In scope: the F1=Y and the F1=BLANK rows. F2: Y, N → 50; F3: Y, Y → 100; F4: NR, NR → dropped.
        // mean(50, 100) = 75.
        let rows = [nat([.f1: .yes, .f2: .yes, .f3: .yes, .f4: .notRelevant]),
                    nat([.f1: .no, .f2: .no, .f3: .no, .f4: .no]),
                    nat([.f1: .notRelevant, .f2: .no, .f3: .no, .f4: .no]),
                    nat([.f1: .blank, .f2: .no, .f3: .yes, .f4: .notRelevant])]
        #expect(N.eID(flags: flags(central: false), rows: rows) == 75)
        // Nothing in scope → no score.
        #expect(N.eID(flags: flags(central: false), rows: Array(rows[1...2])) == nil)
    }

    @Test("Rule 9: all questions dropped → no score; no proactive override")
    func eIDDroppedAndProactive() {
        let dropped = [nat([.f1: .yes, .f2: .notRelevant, .f3: .notRelevant, .f4: .notRelevant])]
        #expect(N.eID(flags: flags(), rows: dropped) == nil)
        let none = [nat([.f1: .yes, .f2: .no, .f3: .no, .f4: .no])]
        #expect(N.eID(flags: flags(proactive: true), rows: none) == 0)
    }

    // MARK: Rule 10 — service delivery

    @Test("Rule 10: central → mean over C1…C7 of BEST, dropped questions skipped")
    func serviceDeliveryCentral() {
        // C1 any Y → 100; C2 N → 0; C3 all NR → dropped; C4…C7 BLANK → 0. mean over 6 = 100/6.
        let rows = [nat([.c1: .yes, .c2: .no, .c3: .notRelevant]), nat([.c1: .no, .c2: .no, .c3: .notRelevant])]
        #expect(approx(N.serviceDelivery(flags: flags(), rows: rows), 100.0 / 6))
    }

    @Test("Rule 10: regional/local → mean over C1…C7 of SHARE; all dropped → no score; no proactive override")
    func serviceDeliveryLocal() {
        // C1 [Y,N] 50; C2 [Y,Y] 100; C3 [NR,BLANK] dropped; C4 [Y,NR] 50; C5 [N,N] 0; C6 [BLANK,Y] 50;
        // C7 [NR,N] 0 → (50 + 100 + 50 + 0 + 50 + 0) / 6 = 250/6.
        let rows = [nat([.c1: .yes, .c2: .yes, .c3: .notRelevant, .c4: .yes, .c5: .no, .c6: .blank, .c7: .notRelevant]),
                    nat([.c1: .no, .c2: .yes, .c3: .blank, .c4: .notRelevant, .c5: .no, .c6: .yes, .c7: .no])]
        #expect(approx(N.serviceDelivery(flags: flags(central: false), rows: rows), 250.0 / 6))
        #expect(N.serviceDelivery(flags: flags(central: false), rows: [nat(), nat()]) == nil)
        #expect(N.serviceDelivery(flags: flags(proactive: true), rows: [nat([.c1: .no])]) == 0)
    }

    // MARK: Rule 11 — eDocuments

    @Test("Rule 11: only F6=Y URLs count, 100 if F7_1 or F7_2 is Y; central max, otherwise mean")
    func eDocuments() {
        let rows = [nat([.f6: .yes, .f7_1: .no, .f7_2: .no]),
                    nat([.f6: .yes, .f7_1: .no, .f7_2: .yes]),
                    nat([.f6: .no, .f7_1: .yes])]
        #expect(N.eDocuments(flags: flags(), rows: rows) == 100)
        #expect(approx(N.eDocuments(flags: flags(central: false), rows: rows), (0.0 + 100) / 2))
        #expect(N.eDocuments(flags: flags(), rows: [nat([.f6: .no, .f7_1: .yes]), nat([.f6: .blank])]) == nil)
    }

    @Test("Rule 11: proactive → every URL counts, with no override to 100")
    func eDocumentsProactive() {
        let rows = [nat([.f6: .no, .f7_1: .yes]), nat([.f6: .no])]
        #expect(approx(N.eDocuments(flags: flags(central: false, proactive: true), rows: rows), (100.0 + 0) / 2))
        #expect(N.eDocuments(flags: flags(proactive: true), rows: [nat([.f6: .yes])]) == 0)
    }

    // MARK: Rule 12 — pre-filled forms

    @Test("Rule 12: proactive → 100; only F8=Y URLs count, 100 if F9=Y; central max, otherwise mean")
    func prefilledForms() {
        let rows = [nat([.f8: .yes, .f9: .no]), nat([.f8: .yes, .f9: .yes]), nat([.f8: .no, .f9: .yes])]
        #expect(N.prefilledForms(flags: flags(proactive: true), rows: [nat([.f8: .yes, .f9: .no])]) == 100)
        #expect(N.prefilledForms(flags: flags(), rows: rows) == 100)
        #expect(approx(N.prefilledForms(flags: flags(central: false), rows: rows), (0.0 + 100) / 2))
        #expect(N.prefilledForms(flags: flags(), rows: [nat([.f8: .no, .f9: .yes])]) == nil)
    }

    @Test("Rules 7–12 together on one transactional central service")
    func wholeService() {
        let rows = [nat([.a1: .yes, .a2: .yes, .a3: .no, .c1: .yes, .c2: .no, .c3: .no, .c4: .no, .c5: .no,
                         .c6: .no, .c7: .no, .f1: .yes, .f2: .yes, .f3: .no, .f4: .no, .f6: .yes, .f7_2: .yes,
                         .f8: .yes, .f9: .no], mf: 0)]
        let s = E.NationalServiceScoring.scores(flags: flags(), rows: rows)
        #expect(s.onlineAvailability == 75)          // 25 + 50
        #expect(s.mobileFriendliness == 0)
        #expect(approx(s.serviceDelivery, 100.0 / 7)) // one of seven
        #expect(s.eID == 33)                         // 100/3 = 33.3 → 33
        #expect(s.eDocuments == 100)
        #expect(s.prefilledForms == 0)
    }
}
