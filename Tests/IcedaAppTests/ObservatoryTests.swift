import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

enum SharedData {
    /// `<repo>/../shared/data/…`
    static func url(_ relative: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(relative)
    }
}

@Suite struct ObservatoryTests {
    @Test func importsThePublishedEditionOnceAndShowsAlbaniaAsPublished() async throws {
        try await withTestApp { app in
            // setup
            let folder = SharedData.url("egov-benchmark-2023")
            let first = try await BenchmarkImport.run(directory: folder, on: app.db)
            #expect(first.changed)
            #expect(first.services == 3_220 + 1_925) // rows of the two landscape files (data README)
            let again = try await BenchmarkImport.run(directory: folder, on: app.db)
            #expect(!again.changed)
            #expect(try await PublicService.query(on: app.db).count() == 5_145)

            // validate: scores-AL.csv, "0. OVERALL SCORE" and "1. User centricity", biennial column
            try await app.testing().test(.GET, "/api/v1/observatory/scores?country=AL&column=biennial") { response in
                let scores = try response.content.decode([ObservatoryAPI.ScoreDTO].self)
                let overall = try #require(scores.first { $0.measure == "overall" }?.value)
                let userCentricity = try #require(scores.first { $0.measure == "userCentricity" }?.value)
                #expect(abs(overall - 45.35968884724671) < 1e-9)
                #expect(abs(userCentricity - 74.54286694101508) < 1e-9)
            }
            // the same figure in the CSV download, and the edition in the list of editions
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/observatory/scores.csv?country=AL&column=biennial").body.string
            #expect(csv.hasPrefix("country,column,measure,value\r\n") && csv.contains("AL,biennial,overall,45.35968884724671\r\n"))
            let editions = try await app.testing().sendRequest(.GET, "/api/v1/observatory/editions")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(editions.body.readableBytesView)) as? [[String: Any]])
            #expect(list.count == 1 && list.first?["name"] as? String == "2023" && list.first?["origin"] as? String == "published")
            try await app.testing().test(.GET, "/en/observatory/countries/AL") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Albania scores 45.4 out of 100 overall"))
            }
            try await app.testing().test(.GET, "/en/observatory") { response in
                let body = response.body.string
                for code in ["AL", "ME", "MK", "RS"] { #expect(body.contains("href=\"/en/observatory/countries/\(code)\"")) }
                #expect(body.contains("EU27+ average"))
            }
            // national-services-results-AL.csv: Business Start-up 1.2, online availability 25, mobile friendliness 100
            let service = try #require(try await PublicService.query(on: app.db).filter(\.$country == "AL")
                .filter(\.$lifeEvent == "businessStartUp").filter(\.$number == "1.2").filter(\.$scope == "national").first())
            #expect(service.scores["onlineAvailability"] == 25)
            #expect(service.scores["mobileFriendliness"] == 100)
            try await app.testing().test(.GET, "/en/observatory/services/\(service.id!.uuidString.lowercased())") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("<td class=\"num\">25.0</td>"))
            }
            try await app.testing().test(.GET, "/api/v1/observatory/services.jsonld?country=MK") { response in
                #expect(response.headers.first(name: .contentType)?.hasPrefix("application/ld+json") == true)
                #expect(response.body.string.contains("cpsv:PublicService"))
            }
            try await app.testing().test(.GET, "/en/observatory/countries/XK") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aBrokenFolderWritesNothing() async throws {
        try await withTestApp { app in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try "Country,Something\nAL,1\n".write(to: folder.appendingPathComponent("national-services-landscape.csv"), atomically: true, encoding: .utf8)
            await #expect(throws: BenchmarkImport.Refused.self) {
                try await BenchmarkImport.run(directory: folder, on: app.db)
            }
            #expect(try await Edition.query(on: app.db).count() == 0)
            try await app.testing().test(.GET, "/en/observatory") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("No measurement has been imported yet"))
            }
        }
    }
}

@Suite struct UNSurveyTests {
    @Test func importsAllYearsAndShowsTheWesternBalkans() async throws {
        try await withTestApp { app in
            let folder = SharedData.url("un-egov-survey")
            let first = try await SurveyImport.run(directory: folder, on: app.db)
            // 193 member states in each of 2012–2024 (six files) and 192 in 2010 (South Sudan joined in 2011)
            #expect(first.added == 192 + 6 * 193)
            let again = try await SurveyImport.run(directory: folder, on: app.db)
            #expect(again.added == 0 && again.updated == 0 && again.unchanged == first.added)
            // docs/methods/un-egdi.md: Albania 2022, rank 63, EGDI 0.7413
            let albania = try #require(try await SurveyRecord.query(on: app.db).filter(\.$alpha2 == "AL").filter(\.$year == 2022).first())
            #expect(albania.rank == 63)
            #expect(abs(albania.egdi - 0.7413) < 0.00005)
            #expect(try await SurveyRecord.query(on: app.db).filter(\.$alpha2 == "XK").count() == 0)
            try await app.testing().test(.GET, "/en/observatory/un-survey") { response in
                #expect(response.status == .ok)
                // 2024: Albania rank 62, EGDI 0.80000, "Very high" (> 0.75)
                #expect(response.body.string.contains("<th scope=\"row\">Albania</th><td class=\"num\">62</td><td class=\"num\">0.8000</td>"))
                #expect(response.body.string.contains("Very high"))
            }
            try await app.testing().test(.GET, "/api/v1/observatory/un-survey?country=RS&year=2024") { response in
                let rows = try response.content.decode([SurveyAPI.RecordDTO].self)
                #expect(rows.count == 1 && rows[0].alpha3 == "SRB")
            }
            try await app.testing().test(.GET, "/api/v1/observatory/un-survey?year=abc") { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
