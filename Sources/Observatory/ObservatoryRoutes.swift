// Routes of the observatory's public pages.
import Kernel
import DesignSystem
import Fluent
import Vapor

enum ObservatoryRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(ObservatoryURL.homeRoute, use: home)
        site.get(ObservatoryURL.methodologyRoute, use: methodology)
        site.get(ObservatoryURL.countryRoute, use: country)
        site.get(ObservatoryURL.countryServicesRoute, use: services)
        site.get(ObservatoryURL.serviceRoute, use: service)
    }

    @Sendable static func home(request: Request) async throws -> Response {
        let edition = try await ObservatoryData.latestEdition(on: request.db)
        var scores: [String: [String: Double]] = [:]
        var measured: [String] = []
        if let edition {
            let all = try await request.editionCache.scores(of: edition, on: request.db)
            scores = all.compactMapValues { $0["biennial"] }
            measured = all.keys.filter { !BenchmarkVocabulary.averages.contains($0) && all[$0]?["biennial"]?["overall"] != nil }
        }
        let network = WaveResults.latestPerSeries(try await WaveResults.published(cache: request.editionCache, on: request.db))
        for wave in network where !measured.contains(wave.wave.country) { measured.append(wave.wave.country) }
        let context = request.pageContext(current: "observatory")
        measured.sort { ObservatoryPages.countryName($0, t: context.t) < ObservatoryPages.countryName($1, t: context.t) }
        let role = request.currentUser?.role
        let model = ObservatoryPages.HomeModel(edition: edition, scores: scores, measuredCountries: measured, network: network,
                                               showsAssessments: role == .researcher || role?.isStaff == true)
        return .html(ObservatoryPages.home(model, context: context))
    }

    @Sendable static func methodology(request: Request) async throws -> Response {
        .html(ObservatoryPages.methodology(request.pageContext(current: "observatory")))
    }

    /// The country of the path, and the edition: `?edition=NAME` (a published benchmark edition or a published
    /// wave), else the newest benchmark edition.
    static func editionAndCountry(_ request: Request) async throws -> (Edition, String) {
        guard let code = request.parameters.get("country"), code == code.uppercased(), code.count == 2 else { throw Abort(.notFound) }
        if let name = request.query[String.self, at: "edition"] {
            guard name.count <= 100, let edition = try await Edition.query(on: request.db).filter(\.$name == name).filter(\.$published == true).first()
            else { throw Abort(.notFound) }
            return (edition, code)
        }
        guard let edition = try await ObservatoryData.latestEdition(on: request.db) else { throw Abort(.notFound) }
        return (edition, code)
    }

    @Sendable static func country(request: Request) async throws -> Response {
        guard let code = request.parameters.get("country"), code == code.uppercased(), code.count == 2 else { throw Abort(.notFound) }
        let benchmark = try await ObservatoryData.latestEdition(on: request.db)
        let waves = try await WaveResults.published(country: code, cache: request.editionCache, on: request.db)
        var edition = benchmark
        var table: [String: [String: Double]] = [:]
        var benchmarkScores: EditionCache.Scores = [:]
        if let benchmark {
            benchmarkScores = try await request.editionCache.scores(of: benchmark, on: request.db)
            table = benchmarkScores[code] ?? [:]
        }
        if table.isEmpty, let latest = waves.last(where: { $0.wave.isNational }) ?? waves.last {
            // A country the benchmark does not cover (Kosovo): its newest national wave is the page's measurement.
            edition = latest.edition
            table = try await request.editionCache.scores(of: latest.edition, on: request.db)[code] ?? [:]
        }
        guard let edition, !table.isEmpty else { throw Abort(.notFound) }
        let average = benchmarkScores["EU27+"] ?? [:]
        let services = try await request.editionCache.services(of: edition, country: code, on: request.db)
        let scored = services.filter { $0.applicable && $0.meanScore != nil }.sorted { ($0.meanScore!, $1.label) > ($1.meanScore!, $0.label) }
        let model = ObservatoryPages.CountryModel(
            edition: edition, country: code, table: table, average: average,
            strongest: Array(scored.prefix(5)), weakest: Array(scored.suffix(5).reversed()), serviceCount: services.count,
            reference: benchmark, network: waves)
        return .html(ObservatoryPages.country(model, context: request.pageContext(current: "observatory")))
    }

    @Sendable static func services(request: Request) async throws -> Response {
        let (edition, code) = try await editionAndCountry(request)
        let services = try await request.editionCache.services(of: edition, country: code, on: request.db)
        guard !services.isEmpty else { throw Abort(.notFound) }
        let page = PageInfo(page: request.queryPage(), perPage: 40, total: services.count)
        guard page.page <= page.pageCount else { throw Abort(.notFound) }
        return .html(ObservatoryPages.services(edition: edition, country: code, services: services, page: page,
                                               editionQuery: request.query[String.self, at: "edition"],
                                               context: request.pageContext(current: "observatory")))
    }

    @Sendable static func service(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let service = try await PublicService.find(id, on: request.db),
              let edition = try await Edition.find(service.editionID, on: request.db) else { throw Abort(.notFound) }
        let urls = try await AssessedURL.query(on: request.db).filter(\.$serviceID == id).sort(\.$position).all()
        return .html(ObservatoryPages.service(edition: edition, service: service, urls: urls, context: request.pageContext(current: "observatory")))
    }
}
