import Testing
@testable import Methods

@Suite("Rules 5–6: one question over a service's URLs")
struct QuestionRulesTests {
    typealias Q = E.QuestionAggregation

    @Test("Rule 5 BEST: all NR → dropped; any Y → 100; else 0 (BLANK counts as N)")
    func best() {
        #expect(Q.best([.notRelevant, .notRelevant]) == nil)
        #expect(Q.best([.notRelevant, .yes]) == 100)
        #expect(Q.best([.no, .yes, .blank]) == 100)
        #expect(Q.best([.blank, .no]) == 0)
        #expect(Q.best([.blank, .notRelevant]) == 0)
        #expect(Q.best([.blank]) == 0)
    }

    @Test("Rule 6 SHARE: no Y or N → dropped; else 100 × #Y / #URLs with NR and BLANK in the denominator")
    func share() {
        #expect(Q.share([.notRelevant, .blank]) == nil)
        #expect(Q.share([.blank]) == nil)
        #expect(approx(Q.share([.yes, .no, .notRelevant, .blank]), 100.0 * 1 / 4))
        #expect(approx(Q.share([.yes, .notRelevant]), 100.0 * 1 / 2))
        #expect(approx(Q.share([.yes, .yes, .blank]), 100.0 * 2 / 3))
        #expect(Q.share([.no, .no]) == 0)
    }

    @Test("BEST for central, SHARE otherwise")
    func aggregate() {
        #expect(Q.aggregate([.yes, .no], central: true) == 100)
        #expect(Q.aggregate([.yes, .no], central: false) == 50)
    }
}
