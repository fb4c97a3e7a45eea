import Testing
@testable import Methods

@Suite("Rules 13–14: cross-border service scores")
struct CrossBorderServiceRulesTests {
    typealias C = E.CrossBorderServiceScoring

    @Test("Rule 13: proactive → 100; central → 50·[any G1] + 50·[any G2]; otherwise mean")
    func onlineAvailability() {
        let rows = [cb([.g1: .yes, .g2: .no]), cb([.g1: .no, .g2: .yes])]
        #expect(C.onlineAvailability(flags: flags(proactive: true), rows: [cb()]) == 100)
        #expect(C.onlineAvailability(flags: flags(), rows: rows) == 100)
        #expect(approx(C.onlineAvailability(flags: flags(central: false), rows: rows), (50.0 + 50) / 2))
        let mixed = [cb([.g1: .yes, .g2: .yes]), cb([.g1: .no, .g2: .no]), cb()]
        #expect(approx(C.onlineAvailability(flags: flags(central: false), rows: mixed), (100.0 + 0 + 0) / 3))
        #expect(C.onlineAvailability(flags: flags(), rows: [cb([.g1: .yes])]) == 50)
    }

    @Test("Rule 14: proactive transactional → eID = eDocuments = 100")
    func proactive() {
        let s = C.scores(flags: flags(proactive: true), rows: [cb([.i1: .no, .i3: .no])])
        #expect(s == E.CrossBorderServiceScores(onlineAvailability: 100, eID: 100, eDocuments: 100))
    }

    @Test("Rule 14: eID over I1=Y URLs, each 100·[I2=Y]; central max, otherwise mean; none → no score")
    func eID() {
        let rows = [cb([.i1: .yes, .i2: .no]), cb([.i1: .yes, .i2: .yes]), cb([.i1: .no, .i2: .yes])]
        #expect(C.eID(flags: flags(), rows: rows) == 100)
        #expect(approx(C.eID(flags: flags(central: false), rows: rows), (0.0 + 100) / 2))
        #expect(C.eID(flags: flags(), rows: [cb([.i1: .no, .i2: .yes]), cb([.i1: .notRelevant])]) == nil)
    }

    @Test("Rule 14: eDocuments over URLs whose I3 is neither N nor empty (a `.` counts)")
    func eDocuments() {
        var dot = cb([.i4_1: .yes])
        dot.answers[.i3] = E.Answer.read(".").answer       // BLANK but not empty: counts, scores 0
        var empty = cb([.i4_1: .yes])
        empty.answers[.i3] = E.Answer.read("").answer      // empty: does not count
        let rows = [dot, empty, cb([.i3: .yes, .i4_2: .yes]), cb([.i3: .no, .i4_1: .yes])]
        #expect(C.eDocuments(flags: flags(), rows: rows) == 100)
        #expect(approx(C.eDocuments(flags: flags(central: false), rows: rows), (0.0 + 100) / 2))
        // I3 = Y without I4 → 0; I3 = NR counts (it is not N and not empty) and scores 0.
        #expect(C.eDocuments(flags: flags(central: false),
                             rows: [cb([.i3: .yes]), cb([.i3: .notRelevant, .i4_1: .yes])]) == 0)
        // Every I3 is N or empty → no score (as for the published LT contradiction).
        #expect(C.eDocuments(flags: flags(), rows: [cb([.i3: .no, .i4_1: .yes]), empty]) == nil)
    }

    @Test("Rule 14: informational services get no eID or eDocuments score")
    func informational() {
        let s = C.scores(flags: flags(.informational), rows: [cb([.g1: .yes, .g2: .yes, .i1: .yes, .i2: .yes])])
        #expect(s == E.CrossBorderServiceScores(onlineAvailability: 100))
    }
}
