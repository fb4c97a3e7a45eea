// The dialogue's page models: the public tracker (filtered, counted and paged in SQL), a recommendation with its
// addressees, resolved evidence and history, an institution's scorecard, and who may act on what.
import Fluent
import Foundation
import Kernel
import Methods
import Network
import Observatory
import SQLKit
import Vapor

/// The tracker's filters, each checked against what exists (an unknown value filters nothing out and is dropped).
struct TrackerQuery: Sendable, Equatable {
    var country: String?
    var institution: String?
    var level: String?
    var area: String?
    var service: String?
    var state: String?
    var author: String?
    var year: Int?
    var page = 1
    static let pageSize = 25

    init() {}

    init(_ request: Request) {
        func value(_ name: String, max: Int = 100) -> String? {
            guard let text = try? request.query.get(String.self, at: name) else { return nil }
            let clean = FormText.line(String(text.prefix(max)))
            return clean.isEmpty ? nil : clean
        }
        country = value("country", max: 2).flatMap { DialogueVocabulary.countries.contains($0) ? $0 : nil }
        institution = value("institution")
        level = value("level").flatMap { DialogueVocabulary.levels.contains($0) ? $0 : nil }
        area = value("area").flatMap { DialogueVocabulary.areas.contains($0) ? $0 : nil }
        service = value("service", max: 10).flatMap { $0.allSatisfy { $0.isNumber || $0 == "." } ? $0 : nil }
        state = value("status").flatMap { RecommendationState(rawValue: $0) != nil && $0 != "draft" ? $0 : nil }
        // a directory slug only: `%` or `_` would be wildcards in the LIKE below
        author = value("author").flatMap { slug in slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } ? slug : nil }
        year = value("year", max: 4).flatMap(Int.init).flatMap { (2000...2100).contains($0) ? $0 : nil }
        page = request.queryPage()
    }

    var parameters: [String: String] {
        var values: [String: String] = [:]
        values["country"] = country
        values["institution"] = institution
        values["level"] = level
        values["area"] = area
        values["service"] = service
        values["status"] = state
        values["author"] = author
        values["year"] = year.map(String.init)
        return values
    }
}

struct ResolvedEvidence: Sendable {
    var evidence: RecommendationEvidence
    /// The figure it points at, when it exists (nil: the edition, country or service is not in the observatory).
    var value: Double?
    var label: String
    var found: Bool
}

enum DialogueData {
    /// Published recommendations matching the query, newest first, and how many match.
    static func tracker(_ query: TrackerQuery, on database: Database) async throws -> (items: [Recommendation], total: Int) {
        var builder = Recommendation.query(on: database).filter(\.$state != RecommendationState.draft.rawValue)
        if let country = query.country { builder = builder.filter(\.$country == country) }
        if let level = query.level { builder = builder.filter(\.$level == level) }
        if let area = query.area { builder = builder.filter(\.$area == area) }
        if let state = query.state { builder = builder.filter(\.$state == state) }
        if let year = query.year { builder = builder.filter(\.$year == year) }
        if let service = query.service { builder = builder.filter(\.$services ~~ ";\(service);") }
        if let author = query.author { builder = builder.filter(\.$authors ~~ ";\(author);") }
        if let slug = query.institution {
            guard let organisation = try await Organisation.query(on: database).filter(\.$slug == slug).first() else { return ([], 0) }
            let organisationID = try organisation.requireID()
            builder = builder.join(RecommendationAddressee.self, on: \Recommendation.$id == \RecommendationAddressee.$recommendationID)
                .filter(RecommendationAddressee.self, \.$organisationID == organisationID)
        }
        let total = try await builder.count()
        let items = try await builder.sort(\.$issuedOn, .descending).sort(\.$code, .descending)
            .range(((query.page - 1) * TrackerQuery.pageSize)..<(query.page * TrackerQuery.pageSize)).all()
        return (items, total)
    }

    /// The addressees of these recommendations, by recommendation id.
    static func addressees(of recommendations: [Recommendation], on database: Database) async throws -> [UUID: [Organisation]] {
        let ids = recommendations.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let links = try await RecommendationAddressee.query(on: database).filter(\.$recommendationID ~~ ids).all()
        let organisations = try await Organisation.query(on: database).filter(\.$id ~~ Set(links.map(\.organisationID))).all()
        let byID = Dictionary(organisations.compactMap { organisation in organisation.id.map { ($0, organisation) } }, uniquingKeysWith: { first, _ in first })
        var result: [UUID: [Organisation]] = [:]
        for link in links { if let organisation = byID[link.organisationID] { result[link.recommendationID, default: []].append(organisation) } }
        for key in result.keys { result[key]?.sort { $0.name < $1.name } }
        return result
    }

    /// The institutions the tracker can be filtered by: those some recommendation is addressed to (not every public
    /// institution of the directory, which grows with it).
    static func addressedInstitutions(on database: Database) async throws -> [Organisation] {
        guard let sql = database as? SQLDatabase else { return [] }
        let ids = try await sql.select().distinct().column("organisation_id").from(RecommendationAddressee.schema).all()
            .map { try $0.decode(column: "organisation_id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await Organisation.query(on: database).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    static func recommendation(code: String, on database: Database) async throws -> Recommendation? {
        guard code.count <= 40 else { return nil }
        return try await Recommendation.query(on: database).filter(\.$code == code).first()
    }

    /// Each piece of evidence with the figure it points at, looked up in the observatory now.
    static func evidence(of recommendation: Recommendation, on database: Database) async throws -> [ResolvedEvidence] {
        let items = try await RecommendationEvidence.query(on: database).filter(\.$recommendationID == recommendation.requireID()).sort(\.$position).all()
        var resolved: [ResolvedEvidence] = []
        for item in items {
            switch item.kind {
            case "benchmark-score":
                let parts = item.reference.split(separator: "/").map(String.init)
                let value = parts.count == 2 ? try await ObservatoryFigures.score(edition: item.edition, country: item.country, column: parts[0], measure: parts[1], on: database) : nil
                resolved.append(ResolvedEvidence(evidence: item, value: value, label: item.label, found: value != nil))
            case "service-score":
                let service = try await ObservatoryFigures.service(edition: item.edition, country: item.country, number: item.reference, on: database)
                resolved.append(ResolvedEvidence(evidence: item, value: service?.score, label: service.map { "\(item.reference) \($0.label)" } ?? item.label, found: service != nil))
            default:
                resolved.append(ResolvedEvidence(evidence: item, value: nil, label: item.label, found: true))
            }
        }
        return resolved
    }

    static func history(of recommendation: Recommendation, on database: Database) async throws -> [RecommendationChange] {
        try await RecommendationChange.query(on: database).filter(\.$recommendationID == recommendation.requireID()).sort(\.$day).sort(\.$createdAt).all()
    }

    /// How the user may act on this recommendation: staff, a focal point of an addressed institution (the
    /// institution they act for), a member of an authoring organisation, or not at all.
    static func role(of user: User?, on recommendation: Recommendation, on database: Database) async throws -> (role: DialogueRole, institution: UUID?)? {
        guard let user else { return nil }
        if user.role.isStaff { return (.staff, nil) }
        let roles = try await OrganisationRole.query(on: database).filter(\.$userID == user.requireID()).all()
        let addressees = try await RecommendationAddressee.query(on: database).filter(\.$recommendationID == recommendation.requireID()).all().map(\.organisationID)
        if let institution = roles.first(where: { addressees.contains($0.organisationID) && ($0.role == .focalPoint || $0.role == .member) }) {
            return (.focalPoint, institution.organisationID)
        }
        let mine = try await Organisation.query(on: database).filter(\.$id ~~ roles.map(\.organisationID)).all().map(\.slug)
        if !Set(mine).isDisjoint(with: recommendation.authorList) { return (.member, nil) }
        return nil
    }

    /// The institution's scorecard over its published recommendations.
    static func scorecard(of organisation: Organisation, today: CalendarDate, on database: Database) async throws -> (Scorecard, [Recommendation]) {
        let ids = try await RecommendationAddressee.query(on: database).filter(\.$organisationID == organisation.requireID()).all().map(\.recommendationID)
        guard !ids.isEmpty else { return (Scorecard.make([]), []) }
        let recommendations = try await Recommendation.query(on: database).filter(\.$id ~~ ids).filter(\.$state != RecommendationState.draft.rawValue)
            .sort(\.$issuedOn, .descending).all()
        let items = recommendations.map { recommendation -> (state: RecommendationState, daysToAnswer: Int?, overdue: Bool) in
            let state = recommendation.lifecycleState
            var days: Int?
            if let published = CalendarDate(iso: recommendation.publishedOn), let answered = CalendarDate(iso: recommendation.answeredOn) {
                days = Int((answered.noonUTC.timeIntervalSince(published.noonUTC) / 86_400).rounded())
            }
            let overdue = !state.isAnswered && (CalendarDate(iso: recommendation.responseDue).map { $0 < today } ?? false)
            return (state, days, overdue)
        }
        return (Scorecard.make(items), recommendations)
    }
}
