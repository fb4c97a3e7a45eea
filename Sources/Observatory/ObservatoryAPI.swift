// /api/v1/observatory: editions, scores (JSON and CSV), the service catalogue (JSON and CPSV-AP JSON-LD).
import Kernel
import Fluent
import Foundation
import Methods
import Vapor

enum ObservatoryAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(ObservatoryURL.apiEditionsRoute.components, use: editions)
        api.get(ObservatoryURL.apiScoresRoute.components, use: scores)
        api.get(ObservatoryURL.apiScoresCSVRoute.components, use: scoresCSV)
        api.get(ObservatoryURL.apiServicesRoute.components, use: services)
        api.get(ObservatoryURL.apiServicesJSONLDRoute.components, use: servicesJSONLD)
    }

    struct EditionDTO: Content {
        var name: String
        var origin: String
        var source: String
        var methodVersion: String
        var period: String
        var published: Bool
    }

    struct ScoreDTO: Content {
        var country: String
        var column: String
        var measure: String
        var value: Double
    }

    struct ServiceDTO: Content {
        var id: String
        var country: String
        var scope: String
        var lifeEvent: String
        var number: String
        var label: String
        var type: String
        var level: String
        var applicable: Bool
        var proactive: Bool
        var scores: [String: Double]
    }

    @Sendable static func editions(request: Request) async throws -> [EditionDTO] {
        try await Edition.query(on: request.db).sort(\.$name).all().map {
            EditionDTO(name: $0.name, origin: $0.origin.rawValue, source: $0.source, methodVersion: $0.methodVersion, period: $0.period, published: $0.published)
        }
    }

    /// The edition named by `?edition=` (the newest when absent); 404 when there is none.
    static func edition(_ request: Request) async throws -> Edition {
        let name = request.query[String.self, at: "edition"]
        if let name, name.unicodeScalars.count > 100 { throw Abort(.badRequest, reason: "edition: at most 100 characters") }
        guard let edition = try await ObservatoryData.edition(named: name, on: request.db) else {
            throw Abort(.notFound, reason: name.map { "No edition named \($0)." } ?? "No edition has been imported yet.")
        }
        return edition
    }

    static let columnPattern = try! NSRegularExpression(pattern: #"^(biennial|business|citizen|year-[0-9]{4}|life-event-[A-Za-z]+|level-[a-z]+)$"#)

    static func filteredScores(_ request: Request) async throws -> [BenchmarkScore] {
        let edition = try await edition(request)
        let editionID = try edition.requireID()
        let query = BenchmarkScore.query(on: request.db).filter(\.$editionID == editionID)
        if let country = request.query[String.self, at: "country"] {
            guard country.unicodeScalars.count <= 10 else { throw Abort(.badRequest, reason: "country: an ISO code, EU27+ or EU27") }
            query.filter(\.$country == country)
        }
        if let column = request.query[String.self, at: "column"] {
            guard columnPattern.firstMatch(in: column, range: NSRange(column.startIndex..., in: column)) != nil else {
                throw Abort(.badRequest, reason: "column: biennial, business, citizen, year-YYYY, life-event-NAME or level-NAME")
            }
            query.filter(\.$column == column)
        }
        return try await query.sort(\.$country).sort(\.$column).sort(\.$measure).all()
    }

    @Sendable static func scores(request: Request) async throws -> [ScoreDTO] {
        try await filteredScores(request).map { ScoreDTO(country: $0.country, column: $0.column, measure: $0.measure, value: $0.value) }
    }

    @Sendable static func scoresCSV(request: Request) async throws -> Response {
        let rows = try await filteredScores(request)
        var csv = "country,column,measure,value\r\n"
        for row in rows { csv += CSVWriter.row([row.country, row.column, row.measure, String(row.value)]) }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"scores.csv\""],
                        body: .init(string: csv))
    }

    static func filteredServices(_ request: Request) async throws -> (Edition, [PublicService]) {
        let edition = try await edition(request)
        guard let country = try WaveAPI.country(request, required: true) else { throw Abort(.badRequest) }
        return (edition, try await request.editionCache.services(of: edition, country: country, on: request.db))
    }

    @Sendable static func services(request: Request) async throws -> [ServiceDTO] {
        try await filteredServices(request).1.map { service in
            ServiceDTO(id: service.id?.uuidString.lowercased() ?? "", country: service.country, scope: service.scope, lifeEvent: service.lifeEvent,
                       number: service.number, label: service.label, type: service.serviceType, level: service.level,
                       applicable: service.applicable, proactive: service.proactive, scores: service.scores)
        }
    }

    @Sendable static func servicesJSONLD(request: Request) async throws -> Response {
        let (_, services) = try await filteredServices(request)
        var urlsByService: [UUID: [String]] = [:]
        let ids = services.compactMap(\.id)
        if !ids.isEmpty {
            for url in try await AssessedURL.query(on: request.db).filter(\.$serviceID ~~ ids).sort(\.$position).all()
            where url.url.hasPrefix("http") {
                urlsByService[url.serviceID, default: []].append(url.url)
            }
        }
        let base = request.application.iceda.config.baseURL
        let document = CPSVAP.jsonLD(services: services.map { CatalogueExport.cpsv($0, urls: urlsByService[$0.id!] ?? []) }, baseURL: base)
        return Response(status: .ok, headers: ["Content-Type": "application/ld+json; charset=utf-8"], body: .init(data: document))
    }
}
