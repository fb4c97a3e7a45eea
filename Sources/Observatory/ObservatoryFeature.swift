// The e-government observatory as a feature: benchmark editions, the service catalogue, the network's own
// assessment waves and the UN survey; public pages, staff pages for waves, the API and the `observatory` commands.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Vapor

package struct ObservatoryFeature: Feature {
    package init() {}

    package var id: String { "observatory" }

    package var migrations: [any Migration] { [M003_Observatory(), M004_UNSurvey(), M005_Assessments()] }

    package func prepare(_ app: Application) throws {
        app.editionCache = EditionCache()
    }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        ObservatoryRoutes.register(site)
        AssessmentRoutes.register(site)
        SurveyPage.register(site)
        ObservatoryAPI.register(api)
        SurveyAPI.register(api)
        WaveAPI.register(api)
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["observatory"], ObservatoryCommands.group())]
    }

    /// The newest published measurement and the way to the figures.
    package func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        try await ObservatoryWork.items(request, user: user, context: context)
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let latest = try await Edition.query(on: request.db).filter(\.$published == true).sort(\.$period, .descending).first()
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(ObservatoryURL.home()))) { t("nav.observatory") } }
            if let latest {
                el("p") { t("home.observatory_latest", ["edition": latest.name]) }
            } else {
                el("p") { t("home.observatory_empty") }
            }
        }
        return HomeContribution(cards: [card])
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.observatory", ObservatoryURL.home(), section: "observatory")]
    }

    /// With demo data, the observatory shows the EU eGovernment Benchmark 2023 when its CSVs are at hand
    /// (`ICEDA_BENCHMARK_DIR`, or `../shared/data/egov-benchmark-2023` beside the checkout), and the UN
    /// E-Government Survey from `ICEDA_UN_SURVEY_DIR` when present.
    package func seedDemo(_ app: Application) async throws -> [String] {
        var added: [String] = []
        let config = app.iceda.config
        if try await Edition.query(on: app.db).count() == 0 {
            let folder = config.benchmarkDirectory
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("national-services-landscape.csv")) {
                let outcome = try await BenchmarkImport.run(directory: URL(fileURLWithPath: folder, isDirectory: true), on: app.db)
                added.append("eGovernment Benchmark \(outcome.edition) imported from \(folder) (\(outcome.services) services).")
            } else {
                added.append("no benchmark CSVs in \(folder); the observatory stays empty (set ICEDA_BENCHMARK_DIR).")
            }
        }
        if try await SurveyRecord.query(on: app.db).count() == 0 {
            let folder = config.unSurveyDirectory
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                let outcome = try await SurveyImport.run(directory: URL(fileURLWithPath: folder, isDirectory: true), on: app.db)
                added.append("UN E-Government Survey imported from \(folder) (\(outcome.added) records).")
            }
        }
        return added
    }

    package var metrics: [Metric] { [ObservatoryMetrics.wavesPublished] }

    package var openAPI: OpenAPIFragment { ObservatoryOpenAPI.fragment }
}

enum ObservatoryMetrics {
    /// The network's own assessment waves published in the period (national, or of one municipality).
    static let wavesPublished = Metric(
        id: "observatory.waves-published", description: "Assessment waves of e-services published by the network's researchers",
        unit: "waves", breakdowns: ["country", "level"], records: { _ in ObservatoryURL.home() }
    ) { period, breakdowns, database in
        let (from, until) = period.instants
        let waves = try await AssessmentWave.query(on: database).filter(\.$state == .published)
            .filter(\.$publishedAt >= from).filter(\.$publishedAt < until).all()
        return Metric.tally(waves.map { (["country": $0.country, "level": $0.municipality.isEmpty ? "national" : "local"], 1) }, by: breakdowns)
    }
}
