import Testing
@testable import Methods

@Suite("Rules 27–31: yearly, biennial, business/citizen, levels, EU averages")
struct CountryRulesTests {
    /// A table whose life events have the given overall scores (2022 events first, as in `LifeEvent.allCases`).
    static func table(_ overall: [Double?]) -> E.ScoreTable {
        var table = E.ScoreTable()
        for (event, value) in zip(E.LifeEvent.allCases, overall) {
            var set = E.ScoreSet()
            set.overall = value
            table[.lifeEvent(event)] = set
        }
        return table
    }

    @Test("Rule 27: yearly average = mean of that year's life events")
    func yearly() {
        // 2022: BSU 10, Family 20, Career 30, Studying 40; 2021: 50, 60, 70, 80, 90.
        var t = Self.table([10, 20, 30, 40, 50, 60, 70, 80, 90])
        E.CountryAggregation.summaryColumns(into: &t)
        #expect(approx(t[.year(2022)].overall, (10.0 + 20 + 30 + 40) / 4))       // 25
        #expect(approx(t[.year(2021)].overall, (50.0 + 60 + 70 + 80 + 90) / 5))  // 70
    }

    @Test("Rule 28: biennial = mean of the nine life events, not of the two yearly averages")
    func biennial() {
        var t = Self.table([10, 20, 30, 40, 50, 60, 70, 80, 90])
        E.CountryAggregation.summaryColumns(into: &t)
        #expect(approx(t.biennial.overall, 450.0 / 9))                     // 50
        #expect(t.biennial.overall != (25.0 + 70) / 2)               // 47.5 would be the mean of yearly averages
        // A missing life event is skipped, not counted as 0.
        var gap = Self.table([10, nil, 30, 40, 50, 60, 70, 80, 90])
        E.CountryAggregation.summaryColumns(into: &gap)
        #expect(approx(gap.biennial.overall, 430.0 / 8))
    }

    @Test("Rule 29: business = mean(Business Start-up, Regular business operations); citizen = the other seven")
    func businessCitizen() {
        var t = Self.table([10, 20, 30, 40, 50, 60, 70, 80, 90])
        E.CountryAggregation.summaryColumns(into: &t)
        #expect(approx(t[.business].overall, (10.0 + 50) / 2))
        #expect(approx(t[.citizen].overall, (20.0 + 30 + 40 + 60 + 70 + 80 + 90) / 7))
    }

    @Test("Rule 30: level 1.1 = 0.8·T + 0.2·I only when both exist; 4.1 renormalised without I, missing without T")
    func levels() {
        func n(_ type: E.ServiceType, _ oa: Double, mf: Double = 100) -> E.ScoredService {
            E.ScoredService(flags: flags(type), national: E.NationalServiceScores(onlineAvailability: oa, mobileFriendliness: mf))
        }
        func c(_ type: E.ServiceType, _ oa: Double) -> E.ScoredService {
            E.ScoredService(flags: flags(type), crossBorder: E.CrossBorderServiceScores(onlineAvailability: oa))
        }
        let both = E.CountryAggregation.level([n(.transactional, 100), n(.transactional, 50, mf: 0), n(.informational, 25),
                                               c(.transactional, 40), c(.informational, 90)])
        #expect(approx(both[.onlineAvailability], 0.8 * 75 + 0.2 * 25))  // 65
        #expect(approx(both[.mobileFriendliness], 200.0 / 3))
        #expect(approx(both[.crossBorderOnlineAvailability], 0.8 * 40 + 0.2 * 90))
        #expect(both[.userSupport] == nil)
        #expect(both.overall == nil)
        let transactionalOnly = E.CountryAggregation.level([n(.transactional, 100), c(.transactional, 40)])
        #expect(transactionalOnly[.onlineAvailability] == nil)
        #expect(transactionalOnly[.crossBorderOnlineAvailability] == 40)
        let informationalOnly = E.CountryAggregation.level([n(.informational, 100), c(.informational, 40)])
        #expect(informationalOnly[.onlineAvailability] == nil)
        #expect(informationalOnly[.crossBorderOnlineAvailability] == nil)
    }

    @Test("Rule 31: EU27+ over the benchmark countries, EU27 over members; missing skipped; XK excluded")
    func euAverages() {
        var dataset = EGovBenchmarkDataset()
        // One informational central service per country in Family; online availability from A1/A2/A3.
        let answers: [(String, [E.NationalQuestion: E.AnswerValue])] = [
            ("AT", [.a1: .yes, .a2: .yes, .a3: .yes]),   // 100
            ("AL", [.a1: .yes]),                           // 25
            ("XK", [.a1: .no]),                            // 0, but XK is not a benchmark country
        ]
        for (code, values) in answers {
            let key = E.ServiceKey(country: E.CountryCode(code)!, lifeEvent: .family, number: "1.1")
            dataset.nationalServices[key] = E.LandscapeService(key: key, scope: .national, label: "1.1 X",
                                                               flags: flags(.informational), line: 2)
            dataset.nationalAnswers[key] = [nat(values, mf: 100)]
        }
        // Only AL has a Family portal: B1 = Y → 1.3 = 100.
        let al = E.LifeEventKey(country: E.CountryCode("AL")!, lifeEvent: .family)
        dataset.nationalPortals[al] = [E.NationalPortalRow(answers: E.AnswerSheet([.b1: .yes]))]
        let results = E.Engine.compute(dataset)
        #expect(results.countries.count == 3)
        let family = E.ScoreColumn.lifeEvent(.family)
        #expect(approx(results.eu27Plus[family][.onlineAvailability], (100.0 + 25) / 2))
        #expect(results.eu27[family][.onlineAvailability] == 100)
        #expect(results.eu27Plus[family][.userSupport] == 100)       // AT has none: skipped, not 0
        #expect(results.eu27[family][.userSupport] == nil)
        #expect(approx(results.eu27Plus.biennial[.onlineAvailability], (100.0 + 25) / 2))
        // Biennial of one country with one life event is that life event.
        #expect(results.countries[E.CountryCode("XK")!]?.biennial[.onlineAvailability] == 0)
    }
}
