import Testing
@testable import Methods

@Suite("Rules 15–17: portal indicators")
struct PortalRulesTests {
    typealias P = E.PortalScoring

    /// Two national portal rows of one (country, life event).
    static let rows: [E.NationalPortalRow] = [
        E.NationalPortalRow(answers: E.AnswerSheet([
            .b1: .no, .b2_1: .no, .b2_2: .blank, .b3: .notRelevant, .b4: .yes, .b5: .no, .b6: .yes, .b7: .blank,
            .d2: .no, .d3: .yes, .d4: .notRelevant,
            .e1: .yes, .e2: .no, .e3: .notRelevant, .e4: .blank,
            .f10: .notRelevant, .f11: .no,
        ]), d1: 1, d5: nil),
        E.NationalPortalRow(answers: E.AnswerSheet([
            .b1: .no, .b2_1: .no, .b2_2: .yes, .b3: .blank, .b4: .no, .b5: .notRelevant, .b6: .yes, .b7: .blank,
            .d2: .no, .d3: .no, .d4: .notRelevant,
            .e1: .no, .e2: .no, .e3: .notRelevant, .e4: .no,
            .f10: .notRelevant, .f11: .yes,
        ]), d1: 2, d5: 4),
    ]

    @Test("Rule 16: Y/N answers of all rows, NR and BLANK ignored; none → dropped; any Y → 100, else 0")
    func yesNo() {
        #expect(P.yesNo([.no, .yes]) == 100)
        #expect(P.yesNo([.no, .blank, .notRelevant]) == 0)
        #expect(P.yesNo([.notRelevant, .blank]) == nil)
        #expect(P.yesNo([]) == nil)
    }

    @Test("Rule 16: D1 = max/3 × 100, D5 = max/5 × 100, missing values skipped")
    func scaled() {
        #expect(approx(P.scaled([1, 2, nil], maximum: 3), 2.0 / 3 * 100))
        #expect(approx(P.scaled([nil, 4], maximum: 5), 4.0 / 5 * 100))
        #expect(P.scaled([nil], maximum: 3) == nil)
    }

    @Test("Rule 17: 1.3 user support = mean(B1…B7) with B2 pooling B2_1 and B2_2")
    func userSupport() {
        // B1 N,N → 0; B2 pools N,N,BLANK,Y → 100; B3 NR,BLANK → dropped; B4 Y,N → 100; B5 N,NR → 0;
        // B6 Y,Y → 100; B7 BLANK → dropped. mean(0, 100, 100, 0, 100) = 60.
        #expect(P.national(Self.rows).userSupport == 60)
        // B2_2 alone would be 100; B2_1 alone 0: pooling, not averaging.
        let b2 = [E.NationalPortalRow(answers: E.AnswerSheet([.b1: .yes, .b2_1: .no, .b2_2: .yes, .b3: .yes,
                                                              .b4: .yes, .b5: .yes, .b6: .yes, .b7: .yes]))]
        #expect(P.national(b2).userSupport == 100)
    }

    @Test("Rule 17: 2.2 personal data = mean(D1…D5)")
    func personalData() {
        // D1 max 2 → 200/3; D2 N,N → 0; D3 Y,N → 100; D4 NR,NR → dropped; D5 max 4 → 80.
        // mean = (200/3 + 0 + 100 + 80) / 4.
        #expect(approx(P.national(Self.rows).personalData, (200.0 / 3 + 0 + 100 + 80) / 4))
    }

    @Test("Rule 17: 2.3 service design = mean(E1…E4) of best answers; 3.4 digital post = mean(F10, F11)")
    func serviceDesignAndDigitalPost() {
        // E1 Y,N → 100; E2 N,N → 0; E3 NR → dropped; E4 BLANK,N → 0. mean = 100/3.
        #expect(approx(P.national(Self.rows).serviceDesign, 100.0 / 3))
        // F10 NR,NR → dropped; F11 N,Y → 100. mean = 100.
        #expect(P.national(Self.rows).digitalPost == 100)
    }

    @Test("Rule 17: 4.2 cross-border user support = mean(H1…H3)")
    func crossBorderUserSupport() {
        let rows = [E.CrossBorderPortalRow(answers: E.AnswerSheet([.h1: .yes, .h2: .no, .h3: .blank])),
                    E.CrossBorderPortalRow(answers: E.AnswerSheet([.h1: .no, .h2: .no]))]
        // H1 → 100; H2 → 0; H3 all BLANK → dropped. mean = 50.
        #expect(P.crossBorderUserSupport(rows) == 50)
    }

    @Test("Rule 15: no rows → indicators missing")
    func noRows() {
        #expect(P.national([]) == E.PortalScores())
        #expect(P.crossBorderUserSupport([]) == nil)
    }
}
