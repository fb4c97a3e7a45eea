// Observatory routes without tests before: the UN survey's CSV and JSON (from a small excerpt of the published
// files in Tests/IcedaAppTests/Fixtures), the methodology page, the editions API on an empty observatory.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import IcedaApp
@testable import Kernel
@testable import Observatory

enum Fixtures {
    /// `Tests/IcedaAppTests/Fixtures/…`
    static func url(_ relative: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }
}

@Suite struct ObservatoryHTTPTests {
    /// Albania in the 2018 and 2024 surveys, as published (Fixtures/un-egov-survey): 2018 rank 74, EGDI 0.6519,
    /// OSI 0.7361, HCI 0.7877, TII 0.4318, EPI 0.7584 (High: 0.50–0.75); 2024 rank 62, EGDI 0.80000, OSI 0.81441,
    /// HCI 0.81059, TII 0.77497, EPI 0.72600 (Very high: above 0.75).
    @Test func theSurveyIsDownloadableAsCSVAndJSON() async throws {
        try await withTestApp { app in
            let outcome = try await SurveyImport.run(directory: Fixtures.url("un-egov-survey"), on: app.db)
            #expect(outcome.added == 8)
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/observatory/un-survey.csv?country=AL")
            #expect(csv.status == .ok && csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let lines = csv.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "year,country,alpha3,name,rank,egdi,osi,hci,tii,epi,level")
            #expect(Set(lines.dropFirst()) == ["2018,AL,ALB,Albania,74,0.6519,0.7361,0.7877,0.4318,0.7584,high",
                                               "2024,AL,ALB,Albania,62,0.8,0.81441,0.81059,0.77497,0.726,veryHigh"])
            let json = try await app.testing().sendRequest(.GET, "/api/v1/observatory/un-survey?country=RS&year=2024")
            let records = try #require(try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [[String: Any]])
            #expect(records.count == 1)
            #expect(records.first?["rank"] as? Int == 39 && (records.first?["egdi"] as? Double) == 0.86184)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/observatory/un-survey.csv?year=1999").status == .badRequest)
            let page = try await app.testing().sendRequest(.GET, "/en/observatory/un-survey")
            #expect(page.status == .ok && page.body.string.contains("Montenegro"))
        }
    }

    @Test func theMethodologyPageAndAnEmptyEditionsList() async throws {
        try await withTestApp { app in
            for locale in ["en", "sq", "mk", "sr-Latn", "sr-Cyrl"] {
                #expect(try await app.testing().sendRequest(.GET, "/\(locale)/observatory/methodology").status == .ok, "\(locale)")
            }
            let editions = try await app.testing().sendRequest(.GET, "/api/v1/observatory/editions")
            #expect(editions.status == .ok && editions.body.string == "[]")
        }
    }
}
