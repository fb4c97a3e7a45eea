// Network CSOs' own awareness sessions: a member organisation reports a session it held in counts (no person is
// registered), staff approve or reject it, and approved sessions count in the programme's figures.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import SQLKit
import Vapor

enum OutreachRoutes {
    static func register(site: RoutesBuilder) {
        site.get(LearningURL.outreachNewRoute, use: form)
        site.form(LearningURL.outreachNewRoute, use: submit)
        site.get(LearningURL.outreachStaffRoute, use: staffList)
        site.form(LearningURL.outreachDecideRoute, use: decide)
    }

    /// The organisations the user may report for: staff any listed one, others those they hold a role in.
    static func organisations(for user: User, on database: Database) async throws -> [Organisation] {
        if user.role.isStaff { return try await Organisation.query(on: database).filter(\.$listed == true).sort(\.$name).limit(1_000).all() }
        let roles = try await OrganisationRole.query(on: database).filter(\.$userID == user.requireID()).all().filter { $0.role == .member || $0.role == .focalPoint }
        guard !roles.isEmpty else { return [] }
        return try await Organisation.query(on: database).filter(\.$id ~~ Set(roles.map(\.organisationID))).filter(\.$listed == true).sort(\.$name).all()
    }

    struct Input {
        var organisation = ""
        var day = ""
        var country = ""
        var town = ""
        var topic = ""
        var counts: [String: String] = [:]
        var summary = ""
        var evidence = ""
    }

    static let countFields = ["women", "men", "other_gender", "youth", "adults", "older"]

    static func render(_ request: Request, user: User, input: Input, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        _ = request.csrfToken()
        let organisations = try await organisations(for: user, on: request.db)
        let ids = Set(organisations.compactMap(\.id))
        let mine = ids.isEmpty ? [] : try await OutreachSession.query(on: request.db).filter(\.$organisationID ~~ ids).sort(\.$day, .descending).limit(50).all()
        return .html(OutreachPages.form(input, organisations: organisations, mine: user.role.isStaff ? [] : mine, errors: errors,
                                        context: request.pageContext(current: "trainings")), status: status)
    }

    @Sendable static func form(request: Request) async throws -> Response {
        let user = try request.requireUser()
        var input = Input()
        input.day = TrainingsRoutes.today().iso
        return try await render(request, user: user, input: input, errors: [])
    }

    @Sendable static func submit(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let t = request.t
        var input = Input(organisation: request.formLine("organisation"), day: String(request.formLine("day").prefix(10)), country: request.formLine("country"),
                          town: String(request.formLine("town").prefix(100)), topic: request.formLine("topic"),
                          summary: String(request.formText("description").prefix(2_000)), evidence: String(request.formLine("evidence").prefix(500)))
        for field in countFields + OutreachRules.groups.map({ "group-" + $0 }) { input.counts[field] = String(request.formLine(field).prefix(7)) }
        var errors: [FieldError] = []
        let organisations = try await organisations(for: user, on: request.db)
        let organisation = UUID(uuidString: input.organisation).flatMap { id in organisations.first { $0.id == id } }
        if organisation == nil { errors.append(FieldError(field: "organisation", message: t("trainings.error.choose"))) }
        let day = CalendarDate(iso: input.day)
        if day == nil || day! > TrainingsRoutes.today() || day!.year < 2000 { errors.append(FieldError(field: "day", message: t("outreach.error.day"))) }
        if !TrainingsVocabulary.countries.contains(input.country) { errors.append(FieldError(field: "country", message: t("trainings.error.choose"))) }
        if input.town.isEmpty { errors.append(FieldError(field: "town", message: t("outreach.error.town"))) }
        if !TrainingsVocabulary.topics.contains(input.topic) { errors.append(FieldError(field: "topic", message: t("trainings.error.choose"))) }
        // a count is a whole number from 0 (empty is 0); anything else is refused before any arithmetic
        var numbers: [String: Int] = [:]
        for (field, text) in input.counts {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { numbers[field] = 0; continue }
            guard trimmed.count <= 6, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(trimmed) else {
                errors.append(FieldError(field: field, message: t("outreach.error.count")))
                continue
            }
            numbers[field] = value
        }
        if !errors.contains(where: { $0.field.hasPrefix("group-") || countFields.contains($0.field) }) {
            let counts = OutreachCounts(women: numbers["women"] ?? 0, men: numbers["men"] ?? 0, otherGender: numbers["other_gender"] ?? 0,
                                        youth: numbers["youth"] ?? 0, adults: numbers["adults"] ?? 0, older: numbers["older"] ?? 0,
                                        groups: Dictionary(uniqueKeysWithValues: OutreachRules.groups.compactMap { group in
                                            numbers["group-" + group].flatMap { $0 > 0 ? (group, $0) : nil }
                                        }))
            for problem in OutreachRules.problems(counts) { errors.append(FieldError(field: problem.field, message: t(problem.key))) }
        }
        guard errors.isEmpty, let organisation, let day else { return try await render(request, user: user, input: input, errors: errors, status: .unprocessableEntity) }
        let session = OutreachSession()
        session.organisationID = try organisation.requireID()
        session.submittedBy = user.id
        session.day = day.iso
        session.country = input.country
        session.town = input.town
        session.topic = input.topic
        session.women = numbers["women"] ?? 0
        session.men = numbers["men"] ?? 0
        session.otherGender = numbers["other_gender"] ?? 0
        session.youth = numbers["youth"] ?? 0
        session.adults = numbers["adults"] ?? 0
        session.older = numbers["older"] ?? 0
        session.groups = OutreachRules.groups.compactMap { group in (numbers["group-" + group] ?? 0) > 0 ? "\(group):\(numbers["group-" + group]!)" : nil }.joined(separator: ";")
        session.summary = input.summary
        session.evidence = input.evidence
        session.state = "pending"
        session.decisionNote = ""
        try await session.create(on: request.db)
        request.flash(.success, t("outreach.submitted"))
        return .seeOther(request.localLink(LearningURL.outreachNew()))
    }

    @Sendable static func staffList(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        _ = request.csrfToken()
        // the ones waiting first, then the newest decided ones
        let items = try await OutreachSession.query(on: request.db).filter(\.$state == "pending").sort(\.$day).limit(500).all()
            + OutreachSession.query(on: request.db).filter(\.$state != "pending").sort(\.$day, .descending).limit(200).all()
        let names = Dictionary(try await Organisation.query(on: request.db).filter(\.$id ~~ Set(items.map(\.organisationID))).all()
            .compactMap { organisation in organisation.id.map { ($0, organisation.name) } }, uniquingKeysWith: { first, _ in first })
        return .html(OutreachPages.staffList(items, names: names, context: request.pageContext(current: "staff")))
    }

    @Sendable static func decide(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)), let session = try await OutreachSession.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let decision = request.formLine("decision")
        let note = String(request.formLine("note-\(id.uuidString.lowercased())").prefix(500))
        guard ["approved", "rejected"].contains(decision) else { throw Abort(.badRequest) }
        if decision == "rejected" && note.isEmpty {
            request.flash(.warning, request.t("outreach.error.note"))
            return .seeOther(request.localLink(LearningURL.outreachStaff()))
        }
        // decided once: a second click, or a second member of staff, finds it no longer pending
        guard let sql = request.db as? SQLDatabase else { throw Abort(.internalServerError) }
        let decided = try await sql.raw("""
            UPDATE training_outreach SET state = \(bind: decision), decision_note = \(bind: note) WHERE id = \(bind: session.requireID()) AND state = 'pending' RETURNING id
            """).all()
        guard !decided.isEmpty else {
            request.flash(.warning, request.t("outreach.already_decided"))
            return .seeOther(request.localLink(LearningURL.outreachStaff()))
        }
        request.flash(.success, request.t("outreach.decided.\(decision)"))
        return .seeOther(request.localLink(LearningURL.outreachStaff()))
    }
}

enum OutreachPages {
    static func form(_ input: OutreachRoutes.Input, organisations: [Organisation], mine: [OutreachSession], errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = t("outreach.title")
        return Layout.page(context, title: title, breadcrumbs: TrainingsPages.crumbs(context, [Crumb(title)])) {
            Forms.errorSummary(errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { t("outreach.intro") }
            if organisations.isEmpty {
                el("p") { t("outreach.no_organisation") }
            } else {
                el("form", Attribute("method", "post"), Attribute("action", context.link(LearningURL.outreachNew())), Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    Forms.select(name: "organisation", label: t("outreach.organisation"), choices: organisations.map { Choice(value: $0.id!.uuidString.lowercased(), label: $0.name) },
                                 selected: input.organisation.lowercased(), blankLabel: organisations.count == 1 ? nil : t("trainings.choose"), errors: errors, t: t)
                    Forms.text(name: "day", label: t("outreach.day"), value: input.day, errors: errors, type: "date", width: "short", t: t)
                    Forms.select(name: "country", label: t("trainings.country"), choices: TrainingsVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: input.country, blankLabel: t("trainings.choose"), errors: errors, t: t)
                    Forms.text(name: "town", label: t("trainings.form.town"), value: input.town, errors: errors, t: t)
                    Forms.select(name: "topic", label: t("trainings.topic"), choices: TrainingsVocabulary.topics.map { Choice(value: $0, label: t("trainings.topic.\($0)")) },
                                 selected: input.topic, blankLabel: t("trainings.choose"), errors: errors, t: t)
                    el("fieldset", .class("fieldset")) {
                        el("legend") { t("outreach.participants") }
                        el("p", .class("hint")) { t("outreach.participants_hint") }
                        for field in ["women", "men", "other_gender"] {
                            Forms.text(name: field, label: t("outreach.count.\(field)"), value: input.counts[field] ?? "", errors: errors, type: "number", width: "short", t: t)
                        }
                    }
                    el("fieldset", .class("fieldset")) {
                        el("legend") { t("outreach.ages") }
                        el("p", .class("hint")) { t("outreach.ages_hint") }
                        for field in ["youth", "adults", "older"] {
                            Forms.text(name: field, label: t("outreach.count.\(field)"), value: input.counts[field] ?? "", errors: errors, type: "number", width: "short", t: t)
                        }
                    }
                    el("fieldset", .class("fieldset")) {
                        el("legend") { t("outreach.groups") }
                        el("p", .class("hint")) { t("outreach.groups_hint") }
                        for group in OutreachRules.groups {
                            Forms.text(name: "group-" + group, label: t("centres.group.\(group)"), value: input.counts["group-" + group] ?? "", errors: errors,
                                       type: "number", width: "short", t: t)
                        }
                    }
                    Forms.textarea(name: "description", label: t("outreach.description"), value: input.summary, rows: 3, t: t)
                    Forms.text(name: "evidence", label: t("outreach.evidence"), value: input.evidence, hint: t("outreach.evidence_hint"), t: t)
                    Forms.submit(t("outreach.submit"))
                }
            }
            if !mine.isEmpty {
                el("h2") { t("outreach.mine") }
                el("ul") {
                    for session in mine {
                        el("li") {
                            TrainingsPages.day(session.day, t: t) + ", " + session.town + ": " + t.plural("outreach.people", count: session.counts.total)
                                + " — " + t("outreach.state.\(session.state)") + (session.decisionNote.isEmpty ? "" : " (" + session.decisionNote + ")")
                        }
                    }
                }
            }
        }
    }

    static func staffList(_ items: [OutreachSession], names: [UUID: String], context: PageContext) -> String {
        let t = context.t
        let title = t("outreach.staff_title")
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.staff_title"), href: context.link(TrainingsURL.staff())), Crumb(title),
        ]) {
            el("h1") { title }
            if items.isEmpty { el("p") { t("outreach.none") } }
            for session in items {
                let id = session.id!.uuidString.lowercased()
                el("section", .class("card"), .aria("labelledby", "outreach-\(id)")) {
                    el("h2", .id("outreach-\(id)")) { (names[session.organisationID] ?? "—") + " — " + session.town + ", " + TrainingsPages.day(session.day, t: t) }
                    el("p") {
                        t("trainings.topic.\(session.topic)") + " · " + t.plural("outreach.people", count: session.counts.total) + " · "
                            + t("outreach.gender_split", ["women": t.integer(session.women), "men": t.integer(session.men), "other": t.integer(session.otherGender)])
                    }
                    if !session.summary.isEmpty { el("p") { session.summary } }
                    if !session.evidence.isEmpty { el("p") { t("outreach.evidence") + ": " + session.evidence } }
                    el("p") { el("strong") { t("outreach.state.\(session.state)") }; session.decisionNote.isEmpty ? "" : " — " + session.decisionNote }
                    if session.state == "pending" {
                        el("form", Attribute("method", "post"), Attribute("action", context.link(LearningURL.outreachDecide(session.id!)))) {
                            Forms.csrf(context.csrfToken)
                            Forms.text(name: "note-\(id)", label: t("outreach.note"), value: "", hint: t("outreach.note_hint"), t: t)
                            el("button", .type("submit"), .name("decision"), .value("approved"), .class("button")) { t("outreach.approve") }
                            " "
                            el("button", .type("submit"), .name("decision"), .value("rejected"), .class("button button-secondary")) { t("outreach.reject") }
                        }
                    }
                }
            }
        }
    }
}
