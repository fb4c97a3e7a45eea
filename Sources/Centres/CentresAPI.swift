// The centres in the open-data API: the list of centres, and the programme's statistics with the public rule
// (a cell under 5 people is null, see `SmallCells`).
import Fluent
import Foundation
import Kernel
import Methods
import Vapor

enum CentresAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(CentresURL.apiCentresRoute, use: centres)
        api.get(CentresURL.apiStatisticsRoute, use: statistics)
    }

    struct CentreDTO: Content {
        var slug: String
        var name: String
        var country: String
        var municipality: String
        var area: String
        var address: String
        var latitude: Double?
        var longitude: Double?
        var weekdays: [Int]
        var opens: Int
        var closes: Int
        var channels: [String]
        var languages: [String]
        var stepFree: Bool
        var signLanguage: Bool
        var easyRead: Bool
        var openedOn: String
        var closedOn: String?
        var takesAppointments: Bool
    }

    @Sendable static func centres(request: Request) async throws -> [CentreDTO] {
        var query = Centre.query(on: request.db).sort(\.$country).sort(\.$municipality).sort(\.$slug)
        if let country = request.query[String.self, at: "country"] {
            guard country.unicodeScalars.count == 2, country.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw Abort(.badRequest, reason: "country: an ISO 3166-1 alpha-2 code in capitals")
            }
            query = query.filter(\.$country == country)
        }
        return try await query.all().map { centre in
            CentreDTO(slug: centre.slug, name: centre.name, country: centre.country, municipality: centre.municipality, area: centre.area,
                      address: centre.address, latitude: centre.latitude, longitude: centre.longitude,
                      weekdays: BookingRules.weekdays(from: centre.weekdays).sorted(), opens: centre.opens, closes: centre.closes,
                      channels: centre.channelList, languages: centre.languageList, stepFree: centre.stepFree, signLanguage: centre.signLanguage,
                      easyRead: centre.easyRead, openedOn: centre.openedOn, closedOn: centre.closedOn.isEmpty ? nil : centre.closedOn,
                      takesAppointments: centre.slotCapacity > 0)
        }
    }

    struct CountDTO: Content {
        var code: String
        /// Null when hidden (fewer than the threshold).
        var citizens: Int?
    }

    struct StatisticsDTO: Content {
        var from: String
        var to: String
        var suppressionThreshold: Int
        var total: Int?
        var months: [CountDTO]
        var breakdowns: [String: [CountDTO]]
    }

    @Sendable static func statistics(request: Request) async throws -> StatisticsDTO {
        var months = CentreMonths.closed(nil, today: Date())
        if let text = request.query[String.self, at: "year"] {
            guard text.count <= 4, let year = Int(text), (2000...2100).contains(year) else {
                throw Abort(.badRequest, reason: "year: a year from 2000 to 2100")
            }
            months = CentreMonths.closed(CentreMonths.of(year: year), today: Date())
        }
        let statistics = try await CentresData.statistics(centres: nil, from: months.first!, to: months.last!, on: request.db)
        func counts(_ codes: [String], _ values: [Int]) -> [CountDTO] {
            zip(codes, SmallCells.publish(breakdown: values)).map { CountDTO(code: $0.0, citizens: $0.1) }
        }
        var breakdowns: [String: [CountDTO]] = [:]
        for (dimension, codes) in [("channel", CaseVocabulary.channels), ("group", CaseVocabulary.groups), ("outcome", CaseVocabulary.outcomes),
                                   ("task", CaseVocabulary.tasks), ("blocker", CaseVocabulary.blockers), ("age_band", CaseVocabulary.ageBands),
                                   ("gender", CaseVocabulary.genders), ("level", CaseVocabulary.levels)] {
            breakdowns[dimension] = counts(codes, statistics.ordered(dimension, codes: codes).map(\.count))
        }
        return StatisticsDTO(from: months.first!, to: months.last!, suppressionThreshold: SmallCells.threshold, total: SmallCells.publish(statistics.total),
                             months: counts(months, months.map { statistics.byMonth[$0] ?? 0 }), breakdowns: breakdowns)
    }
}

enum CentresOpenAPI {
    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/centres": {
              "get": {
                "operationId": "listCentres",
                "summary": "Local e-government support centres of the network",
                "parameters": [{"name": "country", "in": "query", "required": false, "description": "ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}}],
                "responses": {
                  "200": {"description": "Centres", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Centre"}}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/centres/statistics": {
              "get": {
                "operationId": "centreStatistics",
                "summary": "Citizens assisted by the centres, per closed month and breakdown; hidden counts (under the threshold, or one that would give another away) are left out",
                "parameters": [{"name": "year", "in": "query", "required": false, "description": "A calendar year (its closed months); the last twelve closed months when absent.", "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}}],
                "responses": {
                  "200": {"description": "Statistics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CentreStatistics"}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
        ], schemas: [
            ##"""
            "Centre": {
              "type": "object",
              "required": ["slug", "name", "country", "municipality", "area", "address", "weekdays", "opens", "closes", "channels", "languages", "stepFree", "signLanguage", "easyRead", "openedOn", "takesAppointments"],
              "properties": {
                "slug": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"}, "municipality": {"type": "string"},
                "area": {"type": "string"}, "address": {"type": "string"}, "latitude": {"type": "number"}, "longitude": {"type": "number"},
                "weekdays": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 7}},
                "opens": {"type": "integer"}, "closes": {"type": "integer"},
                "channels": {"type": "array", "items": {"type": "string"}}, "languages": {"type": "array", "items": {"type": "string"}},
                "stepFree": {"type": "boolean"}, "signLanguage": {"type": "boolean"}, "easyRead": {"type": "boolean"},
                "openedOn": {"type": "string", "format": "date"}, "closedOn": {"type": "string", "format": "date"},
                "takesAppointments": {"type": "boolean"}
              }
            }
            """##,
            ##"""
            "CentreCount": {
              "type": "object", "required": ["code"],
              "properties": {"code": {"type": "string"}, "citizens": {"type": "integer", "minimum": 0}}
            }
            """##,
            ##"""
            "CentreStatistics": {
              "type": "object",
              "required": ["from", "to", "suppressionThreshold", "months", "breakdowns"],
              "properties": {
                "from": {"type": "string"}, "to": {"type": "string"}, "suppressionThreshold": {"type": "integer"},
                "total": {"type": "integer", "minimum": 0},
                "months": {"type": "array", "items": {"$ref": "#/components/schemas/CentreCount"}},
                "breakdowns": {"type": "object", "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/CentreCount"}}}
              }
            }
            """##,
        ])
    }
}
