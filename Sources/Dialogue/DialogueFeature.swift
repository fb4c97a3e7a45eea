// Dialogue with institutions as a feature (issue 13): recommendations and their answers over time, consultations
// and meetings, media coverage; public tracker, scorecards, feed and API; metrics for the results layer.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import SQLKit
import Vapor

package struct DialogueFeature: Feature {
    package init() {}

    package var id: String { "dialogue" }

    package var migrations: [any Migration] { [M010_Dialogue()] }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        DialogueRoutes.register(site: site, api: api)
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.dialogue", DialogueURL.tracker(), section: "dialogue")]
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        let t = context.t
        return [DashboardCard(title: t("dialogue.title"), links: [
            (t("dialogue.new"), context.link(DialogueURL.new())), (t("dialogue.media_title"), context.link(DialogueURL.media())),
            (t("dialogue.records_title"), context.link(DialogueURL.records())),
        ])]
    }

    package func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        try await DialogueWork.items(request, user: user, context: context)
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let count = try await Recommendation.query(on: request.db).filter(\.$state != RecommendationState.draft.rawValue).count()
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(DialogueURL.tracker()))) { t("dialogue.title") } }
            el("p") { t("dialogue.home_card", ["count": t.integer(count)]) }
        }
        return HomeContribution(cards: [card])
    }

    package func seedDemo(_ app: Application) async throws -> [String] {
        guard let added = try await DialogueDemo.seed(on: app.db) else { return [] }
        return ["\(added) recommendations to institutions in every status, with answers, evidence, meetings, consultations and media items."]
    }

    /// Overdue answers: the focal points of the addressed institutions get one reminder per recommendation,
    /// claimed by setting `reminded_on` first (several workers never send it twice).
    package func periodic(_ app: Application, now: Date) async throws {
        let today = CalendarDate(utc: now)
        let overdue = try await Recommendation.query(on: app.db)
            .filter(\.$state ~~ [RecommendationState.published.rawValue, RecommendationState.acknowledged.rawValue])
            .filter(\.$responseDue < today.iso).filter(\.$remindedOn == "").limit(200).all()
        guard let sql = app.db as? SQLDatabase else { return }
        for item in overdue {
            let claimed = try await sql.update(Recommendation.schema).set("reminded_on", to: today.iso)
                .where("id", .equal, item.requireID()).where("reminded_on", .equal, "").returning("id").all()
            guard claimed.count == 1 else { continue }
            let institutions = try await RecommendationAddressee.query(on: app.db).filter(\.$recommendationID == item.requireID()).all().map(\.organisationID)
            let roles = try await OrganisationRole.query(on: app.db).filter(\.$organisationID ~~ institutions).all()
            let users = try await User.query(on: app.db).filter(\.$id ~~ roles.map(\.userID)).filter(\.$active == true).all()
            for user in users {
                let t = Translator(locale: AppLocale(tag: user.preferredLocale) ?? .en)
                let link = app.iceda.config.baseURL + "/\(user.preferredLocale)" + DialogueURL.recommendation(item.code)
                try await Outbox.enqueue(on: app.db, to: user.email, subject: t("dialogue.mail.overdue_subject", ["code": item.code]),
                                         body: t("dialogue.mail.overdue_body", ["name": user.name, "code": item.code, "due": item.responseDue, "link": link]),
                                         locale: t.locale)
            }
        }
    }

    package var metrics: [Metric] {
        [DialogueMetrics.issued, DialogueMetrics.answered, DialogueMetrics.accepted, DialogueMetrics.implemented, DialogueMetrics.media, DialogueMetrics.meetings]
    }

    package var openAPI: OpenAPIFragment { DialogueOpenAPI.fragment }
}

enum DialogueMetrics {
    static func recommendations(_ field: KeyPath<Recommendation, FieldProperty<Recommendation, String>>, _ period: MetricPeriod, _ breakdowns: [String],
                                _ database: Database) async throws -> [MetricValue] {
        let items = try await Recommendation.query(on: database).filter(field >= period.start.iso).filter(field <= period.end.iso).all()
        return Metric.tally(items.map { (["country": $0.country, "level": $0.level, "area": $0.area], 1) }, by: breakdowns)
    }

    static let issued = Metric(id: "dialogue.recommendations-issued", description: "Recommendations published (sent) to institutions",
                               unit: "recommendations", breakdowns: ["country", "level", "area"], records: { _ in DialogueURL.tracker() }) { period, breakdowns, database in
        try await recommendations(\.$publishedOn, period, breakdowns, database)
    }

    static let answered = Metric(id: "dialogue.recommendations-answered", description: "Recommendations the institutions answered (first answer)",
                                 unit: "recommendations", breakdowns: ["country", "level", "area"], records: { _ in DialogueURL.tracker() }) { period, breakdowns, database in
        try await recommendations(\.$answeredOn, period, breakdowns, database)
    }

    static func changes(to states: [RecommendationState], _ period: MetricPeriod, _ breakdowns: [String], _ database: Database) async throws -> [MetricValue] {
        let changes = try await RecommendationChange.query(on: database).filter(\.$toState ~~ states.map(\.rawValue))
            .filter(\.$day >= period.start.iso).filter(\.$day <= period.end.iso).all()
        let ids = Set(changes.map(\.recommendationID))
        let items = ids.isEmpty ? [] : try await Recommendation.query(on: database).filter(\.$id ~~ ids).all()
        return Metric.tally(items.map { (["country": $0.country, "level": $0.level, "area": $0.area], 1) }, by: breakdowns)
    }

    static let accepted = Metric(id: "dialogue.recommendations-accepted", description: "Recommendations accepted fully or in part",
                                 unit: "recommendations", breakdowns: ["country", "level", "area"], records: { _ in DialogueURL.tracker(["status": "accepted"]) }) { period, breakdowns, database in
        try await changes(to: [.accepted, .partlyAccepted], period, breakdowns, database)
    }

    static let implemented = Metric(id: "dialogue.recommendations-implemented", description: "Recommendations implemented",
                                    unit: "recommendations", breakdowns: ["country", "level", "area"], records: { _ in DialogueURL.tracker(["status": "implemented"]) }) { period, breakdowns, database in
        try await changes(to: [.implemented], period, breakdowns, database)
    }

    static let media = Metric(id: "dialogue.media-items", description: "Media items covering the network's issues",
                              unit: "media items", breakdowns: ["country", "grant"], records: { _ in DialogueURL.media() }) { period, breakdowns, database in
        let items = try await MediaItem.query(on: database).filter(\.$day >= period.start.iso).filter(\.$day <= period.end.iso).all()
        return Metric.tally(items.map { (["country": $0.country, "grant": $0.grantReference], 1) }, by: breakdowns)
    }

    static let meetings = Metric(id: "dialogue.meetings", description: "Meetings between CSOs and institutions",
                                 unit: "meetings", breakdowns: ["country"], records: { _ in DialogueURL.records() }) { period, breakdowns, database in
        let items = try await DialogueRecord.query(on: database).filter(\.$kind == "meeting").filter(\.$day >= period.start.iso).filter(\.$day <= period.end.iso).all()
        return Metric.tally(items.map { (["country": $0.country], 1) }, by: breakdowns)
    }
}

enum DialogueOpenAPI {
    /// A JSON array of strings, so that the document's enums are the vocabularies the API checks against.
    static func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/dialogue/recommendations": {
              "get": {
                "operationId": "listRecommendations",
                "summary": "Published recommendations to institutions, newest first, 25 per page",
                "parameters": [
                  {"name": "country", "in": "query", "required": false, "schema": {"type": "string", "enum": \##(list(DialogueVocabulary.countries))}},
                  {"name": "institution", "in": "query", "required": false, "description": "The institution's directory slug.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,100}$"}},
                  {"name": "level", "in": "query", "required": false, "schema": {"type": "string", "enum": ["national", "local"]}},
                  {"name": "area", "in": "query", "required": false, "schema": {"type": "string", "enum": \##(list(DialogueVocabulary.areas))}},
                  {"name": "status", "in": "query", "required": false, "schema": {"type": "string", "enum": ["published", "acknowledged", "answered", "accepted", "partly-accepted", "rejected", "implemented", "not-implemented"]}},
                  {"name": "service", "in": "query", "required": false, "schema": {"type": "string", "pattern": "^[0-9.]{1,10}$"}},
                  {"name": "author", "in": "query", "required": false, "description": "An authoring organisation's directory slug.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,100}$"}},
                  {"name": "year", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}},
                  {"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100000}}
                ],
                "responses": {
                  "200": {"description": "A page of recommendations", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecommendationPage"}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/dialogue/recommendations.csv": {
              "get": {
                "operationId": "recommendationsCSV",
                "summary": "The published recommendations as CSV (same filters as the JSON list)",
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}}
              }
            }
            """##,
        ], schemas: [
            ##"""
            "Recommendation": {
              "type": "object",
              "required": ["code", "title", "country", "level", "area", "state", "issuedOn", "responseDue", "addressees", "authors", "services"],
              "properties": {
                "code": {"type": "string"}, "title": {"type": "string"}, "country": {"type": "string"}, "level": {"type": "string"},
                "area": {"type": "string"}, "state": {"type": "string"}, "issuedOn": {"type": "string"}, "responseDue": {"type": "string"},
                "publishedOn": {"type": "string"}, "answeredOn": {"type": "string"},
                "addressees": {"type": "array", "items": {"type": "string"}}, "authors": {"type": "array", "items": {"type": "string"}},
                "services": {"type": "array", "items": {"type": "string"}}
              }
            }
            """##,
            ##"""
            "RecommendationPage": {
              "type": "object", "required": ["items", "page", "perPage", "total"],
              "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Recommendation"}},
                             "page": {"type": "integer"}, "perPage": {"type": "integer"}, "total": {"type": "integer"}}
            }
            """##,
        ])
    }
}
