import Testing
@testable import Methods

@Suite("Rules 18–26: life-event indicators, key dimensions, overall")
struct LifeEventRulesTests {
    typealias L = E.LifeEventScoring

    static func national(_ type: E.ServiceType, oa: Double?, mf: Double?, sd: Double? = nil, eID: Double? = nil,
                         applicable: Bool = true) -> E.ScoredService {
        E.ScoredService(flags: flags(type, applicable: applicable),
                        national: E.NationalServiceScores(onlineAvailability: oa, mobileFriendliness: mf,
                                                          serviceDelivery: sd, eID: eID))
    }

    @Test("Rule 18: 1.1 = wmean(0.8 · mean(transactional), 0.2 · mean(informational))")
    func onlineAvailability() {
        #expect(approx(L.onlineAvailability(transactional: [100, 50], informational: [25]), 0.8 * 75 + 0.2 * 25))
        // Renormalised when one side is missing.
        #expect(L.onlineAvailability(transactional: [100, 50], informational: []) == 75)
        #expect(L.onlineAvailability(transactional: [], informational: [25, 35]) == 30)
        #expect(L.onlineAvailability(transactional: [], informational: []) == nil)
    }

    @Test("Rules 18–20 over applicable services with a score")
    func serviceIndicators() {
        let services = [
            Self.national(.transactional, oa: 100, mf: 100, sd: 40, eID: 67),
            Self.national(.transactional, oa: 50, mf: 0, sd: nil, eID: nil),
            Self.national(.informational, oa: 25, mf: 50),
            Self.national(.transactional, oa: nil, mf: nil, applicable: false),
        ]
        var set = E.ScoreSet()
        L.serviceIndicators(services, into: &set)
        #expect(approx(set[.onlineAvailability], 0.8 * (100.0 + 50) / 2 + 0.2 * 25))  // 65
        #expect(approx(set[.mobileFriendliness], (100.0 + 0 + 50) / 3))              // all services: 50
        #expect(set[.serviceDelivery] == 40)                                  // transactional with a score
        #expect(set[.eID] == 67)
        #expect(set[.eDocuments] == nil)
    }

    @Test("Rule 21: 4.1 as rule 18 on cross-border services; 4.3, 4.4 over cross-border transactional")
    func crossBorderIndicators() {
        let services = [
            E.ScoredService(flags: flags(.transactional),
                            crossBorder: E.CrossBorderServiceScores(onlineAvailability: 0, eID: 100, eDocuments: nil)),
            E.ScoredService(flags: flags(.transactional),
                            crossBorder: E.CrossBorderServiceScores(onlineAvailability: 100, eID: 0, eDocuments: 0)),
            E.ScoredService(flags: flags(.informational), crossBorder: E.CrossBorderServiceScores(onlineAvailability: 50)),
        ]
        var set = E.ScoreSet()
        L.serviceIndicators(services, into: &set)
        #expect(approx(set[.crossBorderOnlineAvailability], 0.8 * 50 + 0.2 * 50))
        #expect(set[.crossBorderEID] == 50)
        #expect(set[.crossBorderEDocuments] == 0)
    }

    @Test("Rule 22: user centricity = wmean(2/3 · 1.1, 1/3 · wmean(2/3 · 1.3, 1/3 · 1.2)), renormalised")
    func userCentricity() {
        var s = E.ScoreSet()
        s[.onlineAvailability] = 60
        s[.userSupport] = 90
        s[.mobileFriendliness] = 30
        L.dimensions(into: &s)
        // inner = 2/3·90 + 1/3·30 = 70; outer = 2/3·60 + 1/3·70 = 40 + 70/3.
        #expect(approx(s[.userCentricity], 40 + 70.0 / 3))
        s[.userSupport] = nil                       // no portal rows: inner = 1.2 alone = 30
        L.dimensions(into: &s)
        #expect(approx(s[.userCentricity], 2.0 / 3 * 60 + 1.0 / 3 * 30))
        s[.onlineAvailability] = nil               // only the inner term is left
        L.dimensions(into: &s)
        #expect(approx(s[.userCentricity], 30))
    }

    @Test("Rules 23–24: transparency = mean(2.1–2.3); key enablers = mean(3.1–3.4), missing skipped")
    func transparencyAndKeyEnablers() {
        var s = E.ScoreSet()
        s[.serviceDelivery] = 30
        s[.personalData] = 60
        s[.serviceDesign] = nil
        s[.eID] = 100
        s[.eDocuments] = 50
        s[.prefilledForms] = 0
        s[.digitalPost] = 10
        L.dimensions(into: &s)
        #expect(approx(s[.transparency], (30.0 + 60) / 2))
        #expect(approx(s[.keyEnablers], (100.0 + 50 + 0 + 10) / 4))
    }

    @Test("Rule 25: cross-border = wmean(0.5 · 4.1, 0.25 · 4.2, 0.25 · mean(4.3, 4.4))")
    func crossBorder() {
        var s = E.ScoreSet()
        s[.crossBorderOnlineAvailability] = 40
        s[.crossBorderUserSupport] = 80
        s[.crossBorderEID] = nil
        s[.crossBorderEDocuments] = 60
        L.dimensions(into: &s)
        #expect(approx(s[.crossBorder], 0.5 * 40 + 0.25 * 80 + 0.25 * 60))   // 55
        s[.crossBorderEDocuments] = nil           // weights renormalised over 0.75
        L.dimensions(into: &s)
        #expect(approx(s[.crossBorder], (0.5 * 40 + 0.25 * 80) / 0.75))
    }

    @Test("Rule 26: overall = mean of the four key dimensions")
    func overall() {
        var s = E.ScoreSet()
        s[.onlineAvailability] = 90                // user centricity 90
        s[.serviceDelivery] = 30                   // transparency 30
        s[.eID] = 60                               // key enablers 60
        s[.crossBorderOnlineAvailability] = 0      // cross-border 0
        L.dimensions(into: &s)
        #expect(s[.userCentricity] == 90)
        #expect(approx(s.overall, (90.0 + 30 + 60 + 0) / 4))
        var empty = E.ScoreSet()
        L.dimensions(into: &empty)
        #expect(empty.overall == nil)
    }
}
