// The seam between the kernel and the features: migration names that must not change, the features'
// metrics (expected values worked out by hand from the seed data), commands at their paths, navigation,
// and the kernel's CSV writer.
import ConsoleKit
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Centres
@testable import Dialogue
@testable import Trainings
@testable import Results
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

@Suite struct FeatureSeamTests {
    /// Fluent remembers a migration by its name; the names recorded before the split into modules must stay,
    /// or an existing database would run its migrations again.
    @Test func migrationsKeepTheNamesTheyShippedWith() async throws {
        try await withTestApp { app in
            let sql = try #require(app.db as? SQLDatabase)
            let names = try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
            #expect(Set(names) == ["Fluent.SessionRecord.Create", "IcedaApp.M001_Platform", "IcedaApp.M002_Network", "IcedaApp.M003_Observatory",
                                   "IcedaApp.M004_UNSurvey", "IcedaApp.M005_Assessments", "IcedaApp.M006_Grants", "IcedaApp.M007_GrantCycle",
                                   "Centres.M008_Centres", "Results.M009_Results", "Dialogue.M010_Dialogue",
                                   "Trainings.M011_Trainings", "Network.M012_SearchFolding", "Trainings.M013_TrainingsLearning", "Centres.M014_CitizenGuides",
                                   "Trainings.M015_TrainingsCalendarIndex", "Kernel.M016_KernelHardening", "Grants.M017_OnePendingAmendment"])
        }
    }

    @Test func featureCommandsStandAtTheirPaths() async throws {
        try await withTestApp { app in
            let group = app.asyncCommands.group()
            let top = Set(group.commands.keys)
            #expect(top.isSuperset(of: ["migrate", "seed", "create-user", "backup", "worker", "import", "export", "observatory", "grants", "centres", "trainings"]))
            let export = try #require(group.commands["export"] as? any AsyncCommandGroup)
            #expect(Set(export.commands.keys) == ["organisations", "grants", "iati"])
            let importing = try #require(group.commands["import"] as? any AsyncCommandGroup)
            #expect(Set(importing.commands.keys) == ["organisations"])
            let observatory = try #require(group.commands["observatory"] as? any AsyncCommandGroup)
            #expect(Set(observatory.commands.keys) == ["benchmark-scores", "benchmark-consistency", "import-benchmark", "import-un-survey"])
        }
    }

    @Test func navigationComesFromTheFeatures() async throws {
        try await withTestApp { app in
            let visitor = try await app.testing().sendRequest(.GET, "/en/").body.string
            for link in ["href=\"/en/organisations\"", "href=\"/en/observatory\"", "href=\"/en/grants\"", "href=\"/en/centres\"", "href=\"/en/trainings\"", "href=\"/en/dialogue\"", "href=\"/en/results\""] { #expect(visitor.contains(link)) }
            #expect(!visitor.contains("href=\"/en/staff\""))
            let admin = Browser(app)
            try await admin.signIn()
            let page = try await admin.get("/en/staff").body.string
            #expect(page.contains("href=\"/en/staff\""))
            // the staff dashboard's cards: the directory's, the grants' and the administration card
            for link in ["/en/staff/organisations/new", "/en/staff/organisations/unlisted", "/en/staff/grants/applications", "/en/staff/users"] {
                #expect(page.contains("href=\"\(link)\""))
            }
        }
    }

    @Test func metricIdentifiersAreUniqueAndNamedByTheirFeature() {
        let features: [any Feature] = [NetworkFeature(), ObservatoryFeature(), GrantsFeature(), CentresFeature(), TrainingsFeature(), DialogueFeature(), ResultsFeature()]
        var seen: Set<String> = []
        for feature in features {
            for metric in feature.metrics {
                #expect(metric.id.hasPrefix(feature.id + "."), "\(metric.id)")
                #expect(seen.insert(metric.id).inserted, "\(metric.id) twice")
                #expect(!metric.breakdowns.isEmpty)
            }
        }
    }
}

@Suite struct FeatureMetricTests {
    func period(_ start: String, _ end: String) throws -> MetricPeriod {
        MetricPeriod(start: try #require(CalendarDate(iso: start)), end: try #require(CalendarDate(iso: end)))
    }

    /// The six consortium partners are members of the ICEDA network from 2020-02-01 to 2023-01-31 (NetworkSeed).
    @Test func networkMembersCountsMembershipsThatOverlapThePeriod() async throws {
        try await withTestApp { app in
            let members = NetworkMetrics.members
            #expect(try await members.values(try period("2020-01-01", "2020-12-31"), [], app.db) == [MetricValue(6)])
            #expect(try await members.values(try period("2019-01-01", "2019-12-31"), [], app.db) == [MetricValue(0)])
            // the first day of membership and the day it ended both count; the day after does not
            #expect(try await members.values(try period("2020-02-01", "2020-02-01"), [], app.db) == [MetricValue(6)])
            #expect(try await members.values(try period("2023-01-31", "2023-12-31"), [], app.db) == [MetricValue(6)])
            #expect(try await members.values(try period("2023-02-01", "2023-12-31"), [], app.db) == [MetricValue(0)])
            // one partner in each of AL, EE, ME, MK, RS, XK, all of kind partner
            let byCountry = try await members.values(try period("2021-01-01", "2021-12-31"), ["country"], app.db)
            #expect(byCountry == ["AL", "EE", "ME", "MK", "RS", "XK"].map { MetricValue(1, ["country": $0]) })
            let byKind = try await members.values(try period("2021-01-01", "2021-12-31"), ["kind"], app.db)
            #expect(byKind == [MetricValue(6, ["kind": "partner"])])
        }
    }

    /// The demo's eight 2020 grants (GrantsSeed.demoAwards), all awarded on 2020-09-15, in EUR:
    /// lot-1: Tiranë (AL) 15,000, Prishtinë (XK) 16,500, Podgorica (ME) 13,000, Skopje (MK) 17,000, Beograd (RS) 14,250;
    /// lot-2: Durrës (AL) 5,000, Tetovo (MK) 7,000, Novi Sad (RS) 3,000.
    @Test func grantsAwardedCountsAndSumsByAwardDate() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            _ = try await GrantsSeed.seedDemo(on: app.db)
            let year = try period("2020-01-01", "2020-12-31")
            #expect(try await GrantsMetrics.awarded.values(year, [], app.db) == [MetricValue(8)])
            #expect(try await GrantsMetrics.awarded.values(try period("2020-09-15", "2020-09-15"), [], app.db) == [MetricValue(8)])
            #expect(try await GrantsMetrics.awarded.values(try period("2020-09-16", "2021-12-31"), [], app.db) == [MetricValue(0)])
            #expect(try await GrantsMetrics.awarded.values(year, ["country"], app.db) == [
                MetricValue(2, ["country": "AL"]), MetricValue(1, ["country": "ME"]), MetricValue(2, ["country": "MK"]),
                MetricValue(2, ["country": "RS"]), MetricValue(1, ["country": "XK"]),
            ])
            // 15,000 + 16,500 + 13,000 + 17,000 + 14,250 = 75,750 EUR; 5,000 + 7,000 + 3,000 = 15,000 EUR (in cents)
            #expect(try await GrantsMetrics.awardedAmount.values(year, ["lot"], app.db) == [
                MetricValue(7_575_000, ["currency": "EUR", "lot": "lot-1"]), MetricValue(1_500_000, ["currency": "EUR", "lot": "lot-2"]),
            ])
            // MK: Skopje 17,000 + Tetovo 7,000 = 24,000 EUR
            let byCountry = try await GrantsMetrics.awardedAmount.values(year, ["country"], app.db)
            #expect(byCountry.first { $0.breakdown["country"] == "MK" } == MetricValue(2_400_000, ["currency": "EUR", "country": "MK"]))
        }
    }

    @Test func wavesPublishedIsZeroWithoutWaves() async throws {
        try await withTestApp { app in
            let decade = try period("2020-01-01", "2030-12-31")
            #expect(try await ObservatoryMetrics.wavesPublished.values(decade, [], app.db) == [MetricValue(0)])
        }
    }
}

@Suite struct CSVWriterTests {
    @Test func formulasAreGuardedButNumbersAreNot() {
        #expect(CSVWriter.field("-12.5") == "-12.5")
        #expect(CSVWriter.field("+3") == "+3")
        #expect(CSVWriter.field("0.25") == "0.25")
        #expect(CSVWriter.field("=SUM(A1:A9)") == "'=SUM(A1:A9)")
        #expect(CSVWriter.field("@cmd") == "'@cmd")
        #expect(CSVWriter.field("-") == "'-")
        #expect(CSVWriter.field("-1-2") == "'-1-2")
        #expect(CSVWriter.field("-12.") == "'-12.")
        #expect(CSVWriter.field("+1,5") == "\"'+1,5\"")
    }

    @Test func fieldsAreQuotedAsRFC4180Says() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.row(["a", "b,c"]) == "a,\"b,c\"\r\n")
        #expect(CSVWriter.unprotect("'=1+1") == "=1+1")
        #expect(CSVWriter.unprotect("'plain") == "'plain")
    }
}

@Suite struct HomePageTests {
    /// The six partners (AL, EE, ME, MK, RS, XK) and the 18 demo organisations (three in each of AL, BA, XK, ME,
    /// MK, RS): 24 listed; in the chart AL, XK, ME, MK and RS have 4 each, BA 3 (EE is not in the region).
    @Test func theHomePageCountsListedOrganisationsPerCountry() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            let page = try await app.testing().sendRequest(.GET, "/en/").body.string
            #expect(page.contains("24 organisations in the directory."))
            for (country, count) in [("Albania", 4), ("Bosnia and Herzegovina", 3), ("Kosovo", 4), ("Montenegro", 4), ("North Macedonia", 4), ("Serbia", 4)] {
                #expect(page.contains("<th scope=\"row\">\(country)</th><td class=\"num\">\(count)</td>"), "\(country)")
            }
            // one unlisted organisation does not count
            let unlisted = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Demo Media Bar").first())
            unlisted.listed = false
            try await unlisted.save(on: app.db)
            let after = try await app.testing().sendRequest(.GET, "/en/").body.string
            #expect(after.contains("23 organisations in the directory."))
            #expect(after.contains("<th scope=\"row\">Montenegro</th><td class=\"num\">3</td>"))
        }
    }
}

@Suite struct JSONColumnTests {
    @Test func aCorruptStoredValueIsReportedNotSilentlyEmptied() {
        let before = JSONColumn.failureCount
        #expect(JSONColumn.decode([String: Int].self, from: #"{"a": 1}"#, fallback: [:]) == ["a": 1])
        #expect(JSONColumn.failureCount == before)
        #expect(JSONColumn.decode([String: Int].self, from: #"{"a": "#, fallback: ["fallback": 0]) == ["fallback": 0])
        #expect(JSONColumn.failureCount >= before + 1)
        // the same text again is served from the cache with the same value
        #expect(JSONColumn.decode([String: Int].self, from: #"{"a": 1}"#, fallback: [:]) == ["a": 1])
        // the same text as another type is decoded for that type
        #expect(JSONColumn.decode([String: Double].self, from: #"{"a": 1}"#, fallback: [:]) == ["a": 1.0])
    }
}

@Suite struct ChangeAwareSessionsTests {
    /// Records what reaches the database driver.
    final class CountingDriver: SessionDriver, @unchecked Sendable {
        var stored: [String: SessionData] = [:]
        var updates = 0
        func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            stored["s1"] = data
            return request.eventLoop.makeSucceededFuture(SessionID(string: "s1"))
        }
        func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
            request.eventLoop.makeSucceededFuture(stored[sessionID.string])
        }
        func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            updates += 1
            stored[sessionID.string] = data
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
            stored[sessionID.string] = nil
            return request.eventLoop.makeSucceededVoidFuture()
        }
    }

    @Test func aSessionIsWrittenOnlyWhenItChanged() async throws {
        try await withTestApp { app in
            let base = CountingDriver()
            let driver = ChangeAwareSessions(base: base, cache: SessionCache(ttl: .seconds(2)))
            let id = SessionID(string: "s1")
            let first = Request(application: app, on: app.eventLoopGroup.next())
            _ = try await driver.createSession(SessionData(initialData: ["user": "a"]), for: first).get()
            // a request that reads the session and leaves it as it was: no write
            let unchanged = Request(application: app, on: app.eventLoopGroup.next())
            let read = try #require(try await driver.readSession(id, for: unchanged).get())
            _ = try await driver.updateSession(id, to: read, for: unchanged).get()
            #expect(base.updates == 0)
            // a request that changes it: one write with the new data
            let changed = Request(application: app, on: app.eventLoopGroup.next())
            var data = try #require(try await driver.readSession(id, for: changed).get())
            data["flash"] = "saved"
            _ = try await driver.updateSession(id, to: data, for: changed).get()
            #expect(base.updates == 1 && base.stored["s1"]?["flash"] == "saved")
            // a request that did not read it first (no snapshot) is written as before
            let blind = Request(application: app, on: app.eventLoopGroup.next())
            _ = try await driver.updateSession(id, to: data, for: blind).get()
            #expect(base.updates == 2)
        }
    }

    @Test func signedInPagesKeepWorkingWithoutWrites() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.signIn()
            for _ in 0..<3 { #expect(try await admin.get("/en/staff").status == .ok) }
            // a flash set by one request is shown once by the next: the change is written, its removal too
            _ = try await admin.post("/en/staff/users", form: [("email", "ana@example.org"), ("name", "Ana"), ("role", "member")])
            let withFlash = try await admin.get("/en/staff/users").body.string
            #expect(withFlash.contains("An invitation was sent to ana@example.org."))
            let after = try await admin.get("/en/staff/users").body.string
            #expect(!after.contains("An invitation was sent to ana@example.org."))
        }
    }
}

@Suite struct SeedDemoCommandTests {
    func seed(_ app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["iceda", "seed", "--demo"]))
        context.application = app
        try await app.asyncCommands.group().run(using: &context)
    }

    /// `seed --demo` fills an empty database with every feature's demo data and refuses one with organisations of
    /// its own (a real directory must never get demo calls and grants).
    @Test func demoDataOnlyIntoAnEmptyDatabase() async throws {
        let environment = ["ICEDA_BENCHMARK_DIR": "/nonexistent", "ICEDA_UN_SURVEY_DIR": Fixtures.url("un-egov-survey").path]
        try await withTestApp(environment: environment) { app in
            try await seed(app)
            // 6 consortium partners + 18 demo organisations (NetworkSeed) + 10 demo institutions (DialogueDemo)
            #expect(try await Organisation.query(on: app.db).count() == 34)
            #expect(try await Grant.query(on: app.db).count() == 8)
            #expect(try await SurveyRecord.query(on: app.db).count() == 8)
        }
        try await withTestApp(environment: environment) { app in
            let own = OrganisationInput(name: "A real CSO", kind: "cso", country: "AL", municipality: "Korçë")
            guard case .success(let valid) = own.validate() else { Issue.record("invalid fixture"); return }
            _ = try await NetworkSeed.insertIfMissing(valid, on: app.db)
            await #expect(throws: CommandFailure.self) { try await seed(app) }
            #expect(try await GrantCall.query(on: app.db).count() == 0)
            #expect(try await Organisation.query(on: app.db).count() == 7)
        }
    }
}
