import Foundation
import Testing
@testable import Methods

@Suite("Real data: coverage, import report, known contradictions, JSON")
struct SanityTests {
    @Test("All 35 benchmark countries are computed, nine life events each, and EU27+ / EU27 exist")
    func coverage() throws {
        let results = try RealData.get().results
        #expect(Set(results.countries.keys) == E.CountryCode.benchmark)
        for (country, table) in results.countries {
            for event in E.LifeEvent.allCases {
                #expect(table[.lifeEvent(event)].overall != nil, "\(country) \(event)")
            }
            #expect(table.biennial.overall != nil, "\(country)")
        }
        #expect(results.eu27Plus.biennial.overall != nil)
        #expect(results.eu27.biennial.overall != nil)
        // Cross-check rule 31 on the headline: EU27+ is the plain mean of the 35 biennial overall scores.
        let overall = results.countries.values.map { $0.biennial.overall! }
        #expect(approx(results.eu27Plus.biennial.overall, overall.reduce(0, +) / 35))
    }

    @Test("Import report on the real files: row counts and messiness as inspected with Python's csv module")
    func importReport() throws {
        let report = try RealData.get().report
        typealias F = EGovBenchmarkDataset.FileName
        #expect(report.rows[F.nationalAnswers] == 8967)
        #expect(report.rows[F.crossBorderAnswers] == 4463)
        #expect(report.rows[F.nationalPortals] == 809)
        #expect(report.rows[F.crossBorderPortals] == 819)
        #expect(report.rows[F.nationalLandscape] == 3220)
        #expect(report.rows[F.crossBorderLandscape] == 1925)
        // 240 "Not applicable" + 202 "Proactive" national rows; 139 + 107 cross-border.
        #expect(report.count(.placeholderRow, in: F.nationalAnswers) == 442)
        #expect(report.count(.placeholderRow, in: F.crossBorderAnswers) == 246)
        // Mobile Friendliness: 259 "." and 7 empty cells.
        #expect(report.count(.numberDot, in: F.nationalAnswers) == 259)
        #expect(report.count(.numberEmpty, in: F.nationalAnswers) == 7)
        // One damaged label ("1.3 Submit financial reports t+E484:W508o …"); one NR*; one Yyes (cross-border G1).
        #expect(report.count(.damagedLabel) == 1)
        #expect(report.count(.answerUnreadable, in: F.nationalAnswers) == 1)
        #expect(report.count(.answerUnreadable, in: F.crossBorderAnswers) == 1)
        // Proactive "." on the 241 + 139 not-applicable services.
        #expect(report.count(.flagNonCanonical, in: F.nationalLandscape) == 241)
        #expect(report.count(.flagNonCanonical, in: F.crossBorderLandscape) == 139)
        #expect(report.count(.countryAlias) == 0)
        #expect(report.count(.yearMismatch) == 0)
    }

    @Test("Known contradiction LT: Business Start-up 6.2 cross-border eDocuments has no score (all I3 = No)")
    func lithuania() throws {
        let data = try RealData.get()
        let key = E.ServiceKey(country: E.CountryCode("LT")!, lifeEvent: .businessStartUp, number: "6.2")
        let rows = try #require(data.dataset.crossBorderAnswers[key])
        #expect(rows.allSatisfy { $0[.i3] == .no })
        #expect(data.results.crossBorderServices[key]?.eDocuments == nil)
        // "as for the 625 other such services": applicable transactional non-proactive, every I3 = No.
        let such = data.dataset.crossBorderServices.filter { key, service in
            service.flags.applicable && service.flags.isTransactional && !service.flags.proactive
                && (data.dataset.crossBorderAnswers[key] ?? []).allSatisfy { $0[.i3] == .no }
        }
        #expect(such.count == 626)
        #expect(such.keys.allSatisfy { data.results.crossBorderServices[$0]?.eDocuments == nil })
    }

    @Test("Known contradiction TR: Health 4.4 cross-border eDocuments has no score")
    func turkiye() throws {
        let data = try RealData.get()
        let tr = try #require(data.results.countries[E.CountryCode("TR")!])
        #expect(tr[.lifeEvent(.health)][.crossBorderEDocuments] == nil)
        // "as for the 37 other such life events": cross-border transactional services, none with eDocuments.
        var services: [E.LifeEventKey: [E.CrossBorderServiceScores]] = [:]
        for (key, service) in data.dataset.crossBorderServices where service.flags.applicable && service.flags.isTransactional {
            services[key.lifeEventKey, default: []].append(data.results.crossBorderServices[key]!)
        }
        let such = services.filter { $0.value.allSatisfy { $0.eDocuments == nil } }.keys
        #expect(such.count == 38)
        #expect(such.allSatisfy { data.results.countries[$0.country]![.lifeEvent($0.lifeEvent)][.crossBorderEDocuments] == nil })
    }

    @Test("JSON: edition, 35 countries + EU27+, every key present, nulls for missing, full precision")
    func json() throws {
        let results = try RealData.get().results
        let data = E.benchmarkScoresJSON(results: results)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["edition"] as? String == "2023")
        let countries = try #require(object["countries"] as? [String: Any])
        #expect(Set(countries.keys) == Set(E.CountryCode.benchmark.map(\.rawValue) + ["EU27+"]))
        let al = try #require(countries["AL"] as? [String: Any])
        #expect(Set(al.keys) == ["overall", "userCentricity", "transparency", "keyEnablers", "crossBorder", "indicators"])
        let indicators = try #require(al["indicators"] as? [String: Any])
        #expect(Set(indicators.keys) == Set(E.Indicator.allCases.map(\.rawValue)))
        // Full precision: the text parses back to exactly the computed double.
        let text = String(decoding: data, as: UTF8.self)
        // scores-AL.csv, "0. OVERALL SCORE", biennial: 45.35968884724671, written out to the last digit
        #expect(text.contains("\"overall\": 45.35968884724671"))
        #expect(text.contains("\"AL\""))
        #expect(text.firstRange(of: "\"AT\"")!.lowerBound < text.firstRange(of: "\"BE\"")!.lowerBound)
    }

    @Test("JSON: a missing value is null; the document for a directory equals the one from results")
    func jsonNulls() throws {
        var results = E.Results()
        var table = E.ScoreTable()
        var set = E.ScoreSet()
        set.overall = 1.0 / 3
        table[.biennial] = set
        results.countries[E.CountryCode("AL")!] = table
        let text = String(decoding: E.benchmarkScoresJSON(results: results, pretty: false), as: UTF8.self)
        #expect(text.hasPrefix("{\"countries\":{\"AL\":{\"crossBorder\":null,\"indicators\":{\"crossBorderEDocuments\":null,"))
        #expect(text.contains("\"overall\":0.3333333333333333,"))
        #expect(text.contains("\"EU27+\":{\"crossBorder\":null"))
        #expect(text.hasSuffix("\"edition\":\"2023\"}\n"))
        let fromDirectory = try E.benchmarkScoresJSON(from: benchmarkDataDirectory)
        #expect(fromDirectory == E.benchmarkScoresJSON(results: try RealData.get().results))
    }
}
