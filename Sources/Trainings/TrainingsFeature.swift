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

    package var migrations: [any Migration] { [M011_Trainings(), M013_TrainingsLearning(), M015_TrainingsCalendarIndex()] }

    package func prepare(_ app: Application) throws {
        // made at start (not on first use), so that requests only ever read it
        app.storage[CredentialSignerKey.self] = try CredentialSigner.load(dataDirectory: app.iceda.config.dataDirectory)
    }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        TrainingsRoutes.register(site: site, api: api)
        LearningRoutes.register(site: site, api: api)
        OutreachRoutes.register(site: site)
        ProgrammeReport.register(site: site, api: api)
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.trainings", TrainingsURL.calendar(), section: "trainings")]
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        let t = context.t
        return [DashboardCard(title: t("trainings.staff_title"), links: [
            (t("trainings.staff_title"), context.link(TrainingsURL.staff())), (t("trainings.new_event"), context.link(TrainingsURL.newEvent())),
            (t("trainings.questions.title"), context.link(LearningURL.questions())), (t("outreach.staff_title"), context.link(LearningURL.outreachStaff())),
            (t("trainings.report.title"), context.link(LearningURL.report())),
        ])]
    }

    package func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        try await TrainingsWork.items(request, user: user, context: context)
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let upcoming = try await TrainingEvent.query(on: request.db).filter(\.$published == true).filter(\.$startsOn >= CalendarDate(utc: Date()).iso).count()
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(TrainingsURL.calendar()))) { t("trainings.title") } }
            el("p") { t("trainings.home_card", ["count": t.integer(upcoming)]) }
            el("p") { el("a", .href(context.link(TrainingsURL.selfCheck()))) { t("trainings.selfcheck.title") } }
            el("p") { el("a", .href(context.link(LearningURL.report()))) { t("trainings.report.title") } }
        }
        return HomeContribution(cards: [card])
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["trainings", "credentials"], CredentialsCommand(), groupHelp: "Trainings tools."),
         FeatureCommand(["trainings", "bench-data"], TrainingsBenchDataCommand(), groupHelp: "Trainings tools.")]
    }

    package func seedDemo(_ app: Application) async throws -> [String] {
        guard let (events, certificates) = try await TrainingsDemo.seed(app) else { return [] }
        return ["\(events) training events in the five countries with registrations, attendance and \(certificates) signed certificates."]
    }

    package var metrics: [Metric] { [TrainingsMetrics.trained, TrainingsMetrics.certificates, TrainingsMetrics.events, TrainingsMetrics.gained] }

    package var openAPI: OpenAPIFragment { TrainingsOpenAPI.fragment }
}

enum TrainingsMetrics {
    /// People who attended at least one session of an event that started in the period.
    static let trained = Metric(id: "trainings.people-trained", description: "People who attended at least one session of a training",
                                unit: "people", breakdowns: ["country", "audience", "level", "gender"], records: { _ in TrainingsURL.calendar() }) { period, breakdowns, database in
        let events = try await TrainingEvent.query(on: database).filter(\.$startsOn >= period.start.iso).filter(\.$startsOn <= period.end.iso).all()
        let byID = Dictionary(uniqueKeysWithValues: events.compactMap { event in event.id.map { ($0, event) } })
        let people = byID.isEmpty ? [] : try await TrainingRegistrationRecord.query(on: database).filter(\.$eventID ~~ Array(byID.keys)).filter(\.$state == "confirmed").all()
        let attended = people.isEmpty ? [] : Set(try await TrainingAttendance.query(on: database).filter(\.$registrationID ~~ people.compactMap(\.id)).all().map(\.registrationID))
        var items: [(values: [String: String], amount: Int)] = people.filter { attended.contains($0.id!) }.compactMap { person in
            byID[person.eventID].map { (["country": $0.country, "audience": $0.audience, "level": $0.level, "gender": person.gender], 1) }
        }
        // the network CSOs' own sessions, once staff approved them: citizens at local level, by the gender counts reported
        let outreach = try await OutreachSession.query(on: database).filter(\.$state == "approved").filter(\.$day >= period.start.iso).filter(\.$day <= period.end.iso).all()
        for session in outreach {
            for (gender, amount) in [("female", session.women), ("male", session.men), ("other", session.otherGender)] where amount > 0 {
                items.append((["country": session.country, "audience": "citizens", "level": "local", "gender": gender], amount))
            }
        }
        return Metric.tally(items, by: breakdowns)
    }

    /// People whose normalised gain (Hake) between the pre- and post-test of an event that started in the period was at
    /// least 0.3 — Hake's "medium" and "high" gains — counted per person and event.
    static let gained = Metric(id: "trainings.medium-or-high-gain", description: "People with a normalised learning gain of at least 0.3 (pre- and post-test)",
                               unit: "people", breakdowns: ["country"], records: { _ in LearningURL.report() }) { period, breakdowns, database in
        let events = try await TrainingEvent.query(on: database).filter(\.$startsOn >= period.start.iso).filter(\.$startsOn <= period.end.iso).all()
        let country = Dictionary(uniqueKeysWithValues: events.compactMap { event in event.id.map { ($0, event.country) } })
        guard !country.isEmpty else { return Metric.tally([], by: breakdowns) }
        let results = try await TrainingTestResult.query(on: database).filter(\.$eventID ~~ Array(country.keys)).all()
        var pairs: [UUID: (event: UUID, pre: TestScore?, post: TestScore?)] = [:]
        for result in results {
            var entry = pairs[result.registrationID] ?? (result.eventID, nil, nil)
            if result.phase == "pre" { entry.pre = result.score } else { entry.post = result.score }
            pairs[result.registrationID] = entry
        }
        return Metric.tally(pairs.values.compactMap { entry in
            guard let pre = entry.pre, let post = entry.post, let gain = LearningGain.normalised(pre: pre.fraction, post: post.fraction), gain >= 0.3 else { return nil }
            return (["country": country[entry.event] ?? ""], 1)
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
            ##"""
            "/api/v1/trainings/report": {
              "get": {
                "operationId": "trainingsReport",
                "summary": "The trainings' figures per country, audience, level and series, and the CSOs' approved sessions per country (cells under 5 people are null)",
                "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TrainingsReport"}}}}}
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
            ##"""
            "TrainingsReport": {
              "type": "object", "required": ["suppressionThreshold", "rows", "outreach"],
              "properties": {
                "suppressionThreshold": {"type": "integer"},
                "rows": {"type": "array", "items": {"type": "object",
                  "required": ["dimension", "value", "events", "registered", "attended", "certified", "tested", "feedbackAnswers"],
                  "properties": {"dimension": {"type": "string", "enum": ["country", "audience", "level", "series"]}, "value": {"type": "string"},
                                 "events": {"type": "integer"}, "registered": {"type": "integer"}, "attended": {"type": "integer"}, "certified": {"type": "integer"},
                                 "attendedFemale": {"type": ["integer", "null"]}, "attendedMale": {"type": ["integer", "null"]}, "attendedOther": {"type": ["integer", "null"]},
                                 "tested": {"type": "integer"}, "classGain": {"type": ["number", "null"]}, "feedbackAnswers": {"type": "integer"},
                                 "satisfaction": {"type": ["number", "null"]}}}},
                "outreach": {"type": "array", "items": {"type": "object", "required": ["country", "sessions", "participants"],
                  "properties": {"country": {"type": "string"}, "sessions": {"type": "integer"}, "participants": {"type": "integer"},
                                 "women": {"type": ["integer", "null"]}, "men": {"type": ["integer", "null"]}, "other": {"type": ["integer", "null"]}}}}
              }
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
