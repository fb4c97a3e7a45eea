// The results layer over HTTP: indicators computed from the features' metrics (expected values from the seed
// data, worked out by hand), reported values that count once approved, bad input refused naming the indicator,
// a removed metric flagged, and the IATI export that refuses to write an invalid file.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Results

@Suite struct ResultsTests {
    static func indicator(_ app: Application, _ code: String) async throws -> ResultsIndicator {
        try #require(try await ResultsIndicator.query(on: app.db).filter(\.$code == code).first())
    }

    @Test func indicatorsAreComputedFromMetricsAndReportedValues() async throws {
        try await withTestApp { app in
            #expect(try await ResultsDemo.seed(on: app.db))
            let page = try await app.testing().sendRequest(.GET, "/en/results/iceda-2020-2023")
            #expect(page.status == .ok)
            let html = page.body.string
            // R1.1: the six consortium partners are members 2020-02-01 – 2023-01-31 (NetworkSeed): 6 of 30 over the
            // whole programme, linked to the directory they come from
            #expect(html.contains(#"<a href="/en/organisations">6</a>"#))
            // R2.1: the approved report of 5 countries (2021-02-01 – 2021-12-31) lies in the second year: reached
            #expect(html.contains("e-Governance Academy: 5"))
            // the partners with their IATI roles
            #expect(html.contains("European Union (DG NEAR) (funding)"))
            let json = try await app.testing().sendRequest(.GET, "/api/v1/results/iceda-2020-2023")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [String: Any])
            let indicators = try #require(body["indicators"] as? [[String: Any]])
            let r21 = try #require(indicators.first { $0["code"] as? String == "R2.1" })
            let periods = try #require(r21["periods"] as? [[String: Any]])
            // targets: year 2 (5), year 3 (5), whole programme (5); the report counts in year 2 and in the whole programme
            #expect(periods.map { $0["status"] as? String } == ["met", "no-data", "met"])
            let r11 = try #require(indicators.first { $0["code"] as? String == "R1.1" })
            // yearly 10, 20, 30 and 30 for the whole programme; 6 members in each: 6/10 → behind (60 %, tolerance 10 %)
            #expect((r11["periods"] as? [[String: Any]])?.map { $0["actual"] as? Int } == [6, 6, 6, 6])
            #expect((r11["periods"] as? [[String: Any]])?.map { $0["status"] as? String } == ["behind", "behind", "behind", "behind"])
        }
    }

    @Test func staffReportValuesThatCountOnceApprovedAndBadInputIsRefused() async throws {
        try await withTestApp { app in
            #expect(try await ResultsDemo.seed(on: app.db))
            let admin = Browser(app)
            try await admin.signIn()
            // R4.1 (people trained) is computed in the demo; here its values are reported by a partner instead
            let r41 = try await Self.indicator(app, "R4.1")
            r41.source = .reported
            r41.metric = ""
            r41.disaggregations = ""
            try await r41.save(on: app.db)
            let staffPage = "/en/staff/results/iceda-2020-2023"
            let form: [(String, String)] = [("indicator", r41.id!.uuidString.lowercased()), ("starts_on", "2021-03-01"), ("ends_on", "2021-06-30"),
                                            ("value", "120"), ("unit", "people"), ("evidence", "https://example.org/training-report.pdf"), ("partner", "CRTA")]
            // a period outside the programme, a value in another unit: refused, naming the indicator, nothing stored
            let outside = try await admin.post(staffPage + "/reported", form: form.map { $0.0 == "ends_on" ? ($0.0, "2023-06-30") : $0 }, csrfFrom: staffPage)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("The period must lie inside the programme, 2020-02-01 to 2023-01-31."))
            let otherUnit = try await admin.post(staffPage + "/reported", form: form.map { $0.0 == "unit" ? ($0.0, "hours") : $0 }, csrfFrom: staffPage)
            #expect(otherUnit.status == .unprocessableEntity)
            #expect(otherUnit.body.string.contains("Indicator R4.1 is counted in people"))
            #expect(otherUnit.body.string.contains(#"value="https://example.org/training-report.pdf""#))
            #expect(try await ResultsReportedValue.query(on: app.db).filter(\.$indicatorID == r41.requireID()).count() == 0)
            // submitted: not counted yet
            #expect(try await admin.post(staffPage + "/reported", form: form, csrfFrom: staffPage).status == .seeOther)
            func actual() async throws -> Int? {
                let json = try await app.testing().sendRequest(.GET, "/api/v1/results/iceda-2020-2023")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [String: Any])
                let indicator = try #require((body["indicators"] as? [[String: Any]])?.first { $0["code"] as? String == "R4.1" })
                // the second yearly target: 2021-02-01 – 2022-01-31
                return (indicator["periods"] as? [[String: Any]])?[1]["actual"] as? Int
            }
            #expect(try await actual() == nil)
            let value = try #require(try await ResultsReportedValue.query(on: app.db).filter(\.$indicatorID == r41.requireID()).first())
            #expect(try await admin.post(staffPage + "/reported/\(value.id!.uuidString.lowercased())/decision", form: [("decision", "approve")], csrfFrom: staffPage).status == .seeOther)
            #expect(try await actual() == 120)
            // a target for a period outside the programme is refused
            let target = try await admin.post(staffPage + "/targets", form: [("target_indicator", r41.id!.uuidString.lowercased()), ("target_starts_on", "2019-01-01"),
                                                                          ("target_ends_on", "2019-12-31"), ("target_value", "10")], csrfFrom: staffPage)
            #expect(target.status == .unprocessableEntity)
            // a visitor cannot reach the staff view
            #expect(try await app.testing().sendRequest(.GET, staffPage).status == .seeOther)
        }
    }

    @Test func theIATIFileCarriesTheGrantsAndRefusesAMissingMetric() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            _ = try await GrantsSeed.seedDemo(on: app.db)
            #expect(try await ResultsDemo.seed(on: app.db))
            let response = try await app.testing().sendRequest(.GET, "/api/v1/results/iati.xml")
            #expect(response.status == .ok)
            let xml = response.body.string
            #expect(xml.contains("<iati-identifier>XI-DEMO-ICEDA-2020</iati-identifier>"))
            // one commitment per grant awarded within the programme's period, counted straight from the grants table
            let grants = try await Grant.query(on: app.db).filter(\.$awardDate >= "2020-02-01").filter(\.$awardDate <= "2023-01-31").count()
            #expect(grants > 0)
            #expect(xml.components(separatedBy: #"<transaction-type code="2"/>"#).count - 1 == grants)
            // R1.2 over the whole programme: the same grants
            #expect(xml.contains(#"<target value="30"/>"#) && xml.contains(#"<actual value="\#(grants)"/>"#))
            // an indicator whose metric is no longer published: flagged on the page, and no IATI file
            let r12 = try await Self.indicator(app, "R1.2")
            r12.metric = "grants.removed-metric"
            try await r12.save(on: app.db)
            // written straight to the database, not through a request: the exports' copies are dropped by hand, as
            // a staff edit over HTTP does by itself (ExportCacheMiddleware)
            app.exports.invalidate()
            let page = try await app.testing().sendRequest(.GET, "/en/results/iceda-2020-2023").body.string
            #expect(page.contains("the metric grants.removed-metric is not published"))
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/results/iati.xml")
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("indicator R1.2: the metric grants.removed-metric is not published by any feature"))
        }
    }
}
