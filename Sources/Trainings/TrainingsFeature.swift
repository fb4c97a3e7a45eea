// Trainings as a feature (issue 12): events and sessions, registration with a wait list, attendance, certificates
// as signed Open Badges 3.0 credentials, the digital-skills self-check; metrics for the results layer.
import ConsoleKit
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Vapor

package struct TrainingsFeature: Feature {
    package init() {}

    package var id: String { "trainings" }

    package var migrations: [any Migration] { [M011_Trainings()] }

    package func prepare(_ app: Application) throws {
        // made at start (not on first use), so that requests only ever read it
        app.storage[CredentialSignerKey.self] = try CredentialSigner.load(dataDirectory: app.iceda.config.dataDirectory)
    }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        TrainingsRoutes.register(site: site, api: api)
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.trainings", TrainingsURL.calendar(), section: "trainings")]
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        let t = context.t
        return [DashboardCard(title: t("trainings.staff_title"), links: [
            (t("trainings.staff_title"), context.link(TrainingsURL.staff())), (t("trainings.new_event"), context.link(TrainingsURL.newEvent())),
        ])]
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let upcoming = try await TrainingEvent.query(on: request.db).filter(\.$published == true).filter(\.$startsOn >= CalendarDate(utc: Date()).iso).count()
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(TrainingsURL.calendar()))) { t("trainings.title") } }
            el("p") { t("trainings.home_card", ["count": t.integer(upcoming)]) }
            el("p") { el("a", .href(context.link(TrainingsURL.selfCheck()))) { t("trainings.selfcheck.title") } }
        }
        return HomeContribution(cards: [card])
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["trainings", "credentials"], CredentialsCommand(), groupHelp: "Trainings tools.")]
    }

    package func seedDemo(_ app: Application) async throws -> [String] {
        guard let (events, certificates) = try await TrainingsDemo.seed(app) else { return [] }
        return ["\(events) training events in the five countries with registrations, attendance and \(certificates) signed certificates."]
    }

    package var metrics: [Metric] { [TrainingsMetrics.trained, TrainingsMetrics.certificates, TrainingsMetrics.events] }

    package var openAPI: OpenAPIFragment { TrainingsOpenAPI.fragment }
}

enum TrainingsMetrics {
    /// People who attended at least one session of an event that started in the period.
    static let trained = Metric(id: "trainings.people-trained", description: "People who attended at least one session of a training",
                                unit: "people", breakdowns: ["country", "audience", "level", "gender"], records: { _ in TrainingsURL.calendar() }) { period, breakdowns, database in
        let events = try await TrainingEvent.query(on: database).filter(\.$startsOn >= period.start.iso).filter(\.$startsOn <= period.end.iso).all()
        guard !events.isEmpty else { return Metric.tally([], by: breakdowns) }
        let byID = Dictionary(uniqueKeysWithValues: events.compactMap { event in event.id.map { ($0, event) } })
        let people = try await TrainingRegistrationRecord.query(on: database).filter(\.$eventID ~~ Array(byID.keys)).filter(\.$state == "confirmed").all()
        let attended = Set(try await TrainingAttendance.query(on: database).filter(\.$registrationID ~~ people.compactMap(\.id)).all().map(\.registrationID))
        return Metric.tally(people.filter { attended.contains($0.id!) }.compactMap { person in
            byID[person.eventID].map { (["country": $0.country, "audience": $0.audience, "level": $0.level, "gender": person.gender], 1) }
        }, by: breakdowns)
    }

    static let certificates = Metric(id: "trainings.certificates", description: "Certificates issued (not revoked)", unit: "certificates",
                                     breakdowns: ["country"], records: { _ in TrainingsURL.calendar() }) { period, breakdowns, database in
        let (from, until) = period.instants
        let items = try await TrainingCertificate.query(on: database).filter(\.$issuedAt >= from).filter(\.$issuedAt < until).filter(\.$revokedAt == nil).all()
        let events = try await TrainingEvent.query(on: database).filter(\.$id ~~ Set(items.map(\.eventID))).all()
        let country = Dictionary(uniqueKeysWithValues: events.compactMap { event in event.id.map { ($0, event.country) } })
        return Metric.tally(items.map { (["country": country[$0.eventID] ?? ""], 1) }, by: breakdowns)
    }

    static let events = Metric(id: "trainings.events", description: "Training events held (first session in the period)", unit: "events",
                               breakdowns: ["country", "audience", "level"], records: { _ in TrainingsURL.calendar() }) { period, breakdowns, database in
        let items = try await TrainingEvent.query(on: database).filter(\.$published == true).filter(\.$startsOn >= period.start.iso).filter(\.$startsOn <= period.end.iso).all()
        return Metric.tally(items.map { (["country": $0.country, "audience": $0.audience, "level": $0.level], 1) }, by: breakdowns)
    }
}

enum TrainingsOpenAPI {
    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/credentials/jwks.json": {
              "get": {
                "operationId": "credentialKeys",
                "summary": "The public key that signs the platform's certificates (JWK Set, Ed25519)",
                "responses": {"200": {"description": "JWK Set", "content": {"application/jwk-set+json": {"schema": {"type": "object", "required": ["keys"], "properties": {"keys": {"type": "array"}}}}}}}
              }
            }
            """##,
            ##"""
            "/api/v1/certificates/{id}": {
              "get": {
                "operationId": "getCertificate",
                "summary": "A certificate's status (valid, revoked, …) with its signed credential",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {
                  "200": {"description": "The certificate", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Certificate"}}}},
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
        ], schemas: [
            ##"""
            "Certificate": {
              "type": "object", "required": ["id", "status", "holder", "event", "issuedAt", "jwt"],
              "properties": {"id": {"type": "string"}, "status": {"type": "string", "enum": ["valid", "revoked", "unknown", "tampered", "expired", "malformed"]},
                             "revokedReason": {"type": "string"}, "holder": {"type": "string"}, "event": {"type": "string"}, "issuedAt": {"type": "string"},
                             "jwt": {"type": "string"}}
            }
            """##,
        ])
    }
}

/// `iceda trainings credentials [--limit N]`: prints issued credentials (VC-JWT), one per line, for checks with an
/// independent library (scripts/credential-check.py).
struct CredentialsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "limit", help: "How many (default 5).") var limit: Int?
    }
    var help: String { "Prints issued certificates' signed credentials, one per line." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let items = try await TrainingCertificate.query(on: app.db).sort(\.$issuedAt).limit(min(max(signature.limit ?? 5, 1), 1_000)).all()
        for item in items { context.console.print(item.jwt) }
    }
}
