// Evaluation under /{locale}/staff/grants: the staff list of applications with filters, one application with
// screening, reviewer assignment, the reviews' aggregate and the decisions open to the signed-in person's
// roles; the ranking of a call; reviewers' own assignments (conflict declaration, then scores); the call's
// committee. Every state change goes through the application state machine and into the audit log.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

enum EvaluationRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.staffRoute, use: overview)
        site.get(GrantsURL.staffApplicationsRoute, use: list)
        site.get(GrantsURL.staffApplicationRoute, use: show)
        site.form(GrantsURL.screeningRoute, use: screen)
        site.form(GrantsURL.reviewersRoute, use: assign)
        site.form(GrantsURL.transitionRoute, use: transition)
        site.get(GrantsURL.rankingRoute, use: ranking)
        site.form(GrantsURL.committeeRoute, use: addCommitteeMember)
        site.get(GrantsURL.reviewsRoute, use: myReviews)
        site.get(GrantsURL.reviewRoute, use: reviewForm)
        site.form(GrantsURL.declarationRoute, use: declare)
        site.form(GrantsURL.reviewRoute, use: score)
    }

    static func context(_ request: Request) -> PageContext { request.pageContext(current: "staff") }

    static func field(_ request: Request, _ name: String) -> String { ApplicantRoutes.field(request, name) }

    /// Staff and admins, committee members and reviewers may use the evaluation pages; others get 403.
    static func requireEvaluator(_ request: Request) async throws -> User {
        let user = try request.requireUser()
        if user.role.isStaff || user.role == .reviewer { return user }
        if try await GrantCommitteeMember.query(on: request.db).filter(\.$userID == user.requireID()).count() > 0 { return user }
        throw Abort(.forbidden)
    }

    // MARK: overview and list

    @Sendable static func overview(request: Request) async throws -> Response {
        let user = try await requireEvaluator(request)
        // Staff see every call; committee members only their calls; reviewers only their own reviews.
        var calls = try await GrantCall.query(on: request.db).sort(\.$deadline, .descending).all()
        if !user.role.isStaff {
            let mine = Set(try await GrantCommitteeMember.query(on: request.db).filter(\.$userID == user.requireID()).all().map(\.callID))
            calls = calls.filter { $0.id.map(mine.contains) ?? false }
        }
        var counts: [UUID: [String: Int]] = [:]
        if let sql = request.db as? SQLDatabase {
            struct Row: Decodable { var call_id: UUID; var state: String; var n: Int }
            let rows = try await sql.raw("SELECT call_id, state, COUNT(*) AS n FROM grant_applications GROUP BY call_id, state").all(decoding: Row.self)
            for row in rows { counts[row.call_id, default: [:]][row.state] = row.n }
        }
        let myOpenReviews = try await GrantReview.query(on: request.db).filter(\.$reviewerID == user.requireID()).filter(\.$submittedAt == nil).count()
        return .html(EvaluationPages.overview(calls: calls, counts: counts, user: user, openReviews: myOpenReviews, context: context(request)))
    }

    /// The staff list's filters: call, lot, state, the applicant's country, "reviewers disagree", and a reference or
    /// words of the title; always in reference order, 50 a page.
    struct StaffListQuery: Sendable {
        var list: Kernel.ListQuery
        static let perPage = 50
        static let spec = ListSpec(filters: [
            .init("call", expected: "a call's code") { GrantRegisterQuery.isCode($0) ? $0 : nil },
            .init("lot", expected: "a lot's code") { GrantRegisterQuery.isCode($0) ? $0 : nil },
            .init("state", expected: "an application state") { Grants.ApplicationState(rawValue: $0)?.rawValue },
            .init("country", expected: "an ISO 3166-1 alpha-2 code") { GrantRegisterQuery.isCountry($0.uppercased()) ? $0.uppercased() : nil },
            .init("flagged", expected: "1") { $0 == "1" ? "1" : nil },
            .init("q", expected: "at most 100 characters") { raw in
                let words = String(raw.trimmingCharacters(in: .whitespaces).prefix(100))
                return words.isEmpty ? nil : words
            },
        ], sortKeys: ["reference"], defaultSort: SortState(key: "reference", ascending: true), maxPerPage: perPage, maxPage: 10_000)

        init(_ request: Request) {
            list = Kernel.ListQuery(request: request, spec: Self.spec, defaultPerPage: Self.perPage)
        }

        var call: String { list.filters["call"] ?? "" }
        var lot: String { list.filters["lot"] ?? "" }
        var state: String { list.filters["state"] ?? "" }
        var country: String { list.filters["country"] ?? "" }
        var flagged: Bool { list.filters["flagged"] == "1" }
        var q: String { list.filters["q"] ?? "" }
        var page: Int { list.page }
        /// The filters as query values (no page, no sort), for links.
        var parameters: [String: String] { list.filters }
    }

    /// The list reads only the columns it shows, filtered and paged in the database (indexes on call, state, reference).
    @Sendable static func list(request: Request) async throws -> Response {
        let user = try await requireEvaluator(request)
        let committeeCalls = Set(try await GrantCommitteeMember.query(on: request.db).filter(\.$userID == user.requireID()).all().map(\.callID))
        guard user.role.isStaff || !committeeCalls.isEmpty else { throw Abort(.forbidden) }
        let query = StaffListQuery(request)
        // Committee members who are not staff see the submitted applications of their own calls only.
        let restricted = !user.role.isStaff
        var calls = try await GrantCall.query(on: request.db).sort(\.$deadline, .descending).all()
        if restricted { calls = calls.filter { $0.id.map(committeeCalls.contains) ?? false } }
        let visibleCalls = calls.compactMap(\.id)
        let lots = try await GrantLot.query(on: request.db).sort(\.$position).all()
        let call = calls.first { $0.code == query.call }
        let lot = lots.first { $0.code == query.lot && (call == nil || $0.callID == call?.id) }
        func filtered() -> QueryBuilder<GrantApplication> {
            var builder = GrantApplication.query(on: request.db)
            if restricted { builder = builder.filter(\.$callID ~~ visibleCalls).filter(\.$stateRaw != Grants.ApplicationState.draft.rawValue) }
            if let call { builder = builder.filter(\.$callID == call.id!) }
            if let lot { builder = builder.filter(\.$lotID == lot.id!) }
            if !query.state.isEmpty { builder = builder.filter(\.$stateRaw == query.state) }
            if !query.country.isEmpty { builder = builder.filter(\.$country == query.country) }
            if query.flagged { builder = builder.filter(\.$scoreFlagged == true) }
            if !query.q.isEmpty {
                let needle = query.q
                builder = builder.group(.or) { $0.filter(\.$reference, .custom("LIKE"), needle.uppercased() + "%").filter(\.$title, .custom("LIKE"), "%" + needle + "%") }
            }
            return builder
        }
        let total = try await filtered().count()
        let info = PageInfo(page: query.page, perPage: StaffListQuery.perPage, total: total)
        let rows = try await filtered().sort(\.$reference).range(info.offset..<(info.offset + StaffListQuery.perPage))
            .field(\.$id).field(\.$reference).field(\.$title).field(\.$organisationID).field(\.$lotID).field(\.$callID).field(\.$country)
            .field(\.$stateRaw).field(\.$requestedMinor).field(\.$validReviews).field(\.$scoreMean).field(\.$scoreFlagged).field(\.$submittedAt)
            .all()
        let organisations = rows.isEmpty ? [] : try await Organisation.query(on: request.db).filter(\.$id ~~ Set(rows.map(\.organisationID)).sorted { $0.uuidString < $1.uuidString })
            .field(\.$id).field(\.$name).all()
        let programmes = try await GrantProgramme.query(on: request.db).all()
        let model = EvaluationPages.ListModel(query: query, info: info, rows: rows, organisations: organisations, calls: calls, lots: lots, programmes: programmes)
        return .html(EvaluationPages.list(model, context: context(request)))
    }

    // MARK: one application

    static func evaluatorBundle(_ request: Request) async throws -> (ApplicationBundle, User, Set<Grants.Role>) {
        let user = try request.requireUser()
        let bundle = try await ApplicationStore.bundle(request)
        var roles = try await ApplicationStore.roles(of: user, in: bundle, on: request.db)
        roles.remove(.applicant)
        // Reviewers see applications through their review page; the full file is for staff and the committee.
        roles.remove(.reviewer)
        guard !roles.isEmpty else { throw Abort(.forbidden) }
        guard bundle.application.state != .draft else { throw Abort(.notFound) }
        return (bundle, user, roles)
    }

    static func showResponse(_ request: Request, _ bundle: ApplicationBundle, user: User, roles: Set<Grants.Role>, errors: [FieldError] = [],
                             refusal: String? = nil, typed: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let application = bundle.application
        let id = try application.requireID()
        let reviews = try await GrantReview.query(on: request.db).filter(\.$applicationID == id).sort(\.$createdAt).all()
        let reviewers = try await User.query(on: request.db).filter(\.$id ~~ reviews.map(\.reviewerID)).all()
        let candidates = user.role.isStaff ? try await User.query(on: request.db).filter(\.$role == .reviewer).filter(\.$active == true).sort(\.$name).all() : []
        let attachments = try await GrantAttachment.query(on: request.db).filter(\.$applicationID == id).all()
        let history = try await AuditEntry.query(on: request.db).filter(\.$targetType == "grant_application").filter(\.$targetID == id.uuidString)
            .sort(\.$at).all()
        let grant = try await Grant.query(on: request.db).filter(\.$applicationID == id).first()
        let (coApplicants, _) = try await ApplicantRoutes.coApplicants(application, on: request.db)
        let aggregate = ApplicationStore.aggregate(application, reviews: reviews, criteria: bundle.criteria, call: bundle.call)
        let reading = ApplicationStore.readBudget(application.budget, locale: application.appLocale, currency: bundle.currency, t: request.t)
        let model = EvaluationPages.ApplicationModel(
            bundle: bundle, roles: roles, reviews: reviews, reviewers: reviewers, candidates: candidates.filter { candidate in !reviews.contains { $0.reviewerID == candidate.id } },
            attachments: attachments, coApplicants: coApplicants, aggregate: aggregate, totals: reading.totals, history: history, grant: grant,
            errors: errors, refusal: refusal, typed: typed)
        return .html(EvaluationPages.application(model, context: context(request)), status: status)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let (bundle, user, roles) = try await evaluatorBundle(request)
        return try await showResponse(request, bundle, user: user, roles: roles)
    }

    static let screeningChecks = ["on-time", "eligible-applicant", "documents-complete", "budget-consistent", "co-financing"]

    /// The applicant or co-applicant that `user` is a member of, if any: checked at every step (screening, review,
    /// declaration, scoring, committee), since a person can join an organisation after being assigned.
    static func conflict(_ user: User, _ bundle: ApplicationBundle, on database: Database) async throws -> Organisation? {
        let (coApplicants, _) = try await ApplicantRoutes.coApplicants(bundle.application, on: database)
        return try await ApplicationStore.memberOrganisation(user.requireID(), of: [bundle.organisation] + coApplicants, on: database)
    }

    @Sendable static func screen(request: Request) async throws -> Response {
        let (bundle, user, roles) = try await evaluatorBundle(request)
        guard let role = roles.first(where: { $0 == .staff || $0 == .admin }) else { throw Abort(.forbidden) }
        // Staff who belong to the applicant (or a co-applicant) leave its screening to a colleague.
        if let organisation = try await conflict(user, bundle, on: request.db) {
            return try await showResponse(request, bundle, user: user, roles: roles,
                                          refusal: request.t("grants.screening.error.conflict", ["organisation": organisation.name]), status: .conflict)
        }
        let checked = Set(request.formValues("checks")).intersection(screeningChecks)
        let note = String(field(request, "note").prefix(5_000))
        let outcome = field(request, "outcome")
        let t = request.t
        let typed = ["note": note, "checks": checked.sorted().joined(separator: " ")]
        guard outcome == "eligible" || outcome == "ineligible" else {
            return try await showResponse(request, bundle, user: user, roles: roles, errors: [FieldError(field: "note", message: t("grants.screening.error.outcome"))],
                                          typed: typed, status: .unprocessableEntity)
        }
        if outcome == "eligible" && checked.count < screeningChecks.count {
            return try await showResponse(request, bundle, user: user, roles: roles, errors: [FieldError(field: "checks[]", message: t("grants.screening.error.all_checks"))],
                                          typed: typed, status: .unprocessableEntity)
        }
        if outcome == "ineligible" && note.allSatisfy(\.isWhitespace) {
            return try await showResponse(request, bundle, user: user, roles: roles, errors: [FieldError(field: "note", message: t("grants.screening.error.reason"))],
                                          typed: typed, status: .unprocessableEntity)
        }
        let event: Grants.ApplicationEvent = outcome == "eligible" ? .markEligible : .markIneligible
        let call = bundle.call
        return try await run(request, bundle, user: user, roles: roles, event: event, role: role, note: note, typed: typed) { application, database in
            application.screening = Dictionary(uniqueKeysWithValues: screeningChecks.map { ($0, checked.contains($0)) })
            application.screeningNote = note
            if event == .markIneligible {
                application.decisionReason = note
                try await Decisions.notify(application, bundle: bundle, event: event, call: call, on: database)
            }
        }
    }

    @Sendable static func assign(request: Request) async throws -> Response {
        let (bundle, user, roles) = try await evaluatorBundle(request)
        guard roles.contains(.staff) || roles.contains(.admin) else { throw Abort(.forbidden) }
        let t = request.t
        let application = bundle.application
        guard [.eligible, .inReview].contains(application.state) else {
            return try await showResponse(request, bundle, user: user, roles: roles, refusal: t("grants.reviewers.error.state"), status: .conflict)
        }
        guard let id = UUID(uuidString: field(request, "reviewer")), let reviewer = try await User.find(id, on: request.db), reviewer.active,
              reviewer.role == .reviewer || reviewer.role.isStaff else {
            return try await showResponse(request, bundle, user: user, roles: roles, errors: [FieldError(field: "reviewer", message: t("grants.reviewers.error.choose"))],
                                          status: .unprocessableEntity)
        }
        // Members of the applicant (or a co-applicant) have a conflict by definition: they are not assigned at all.
        let (coApplicants, _) = try await ApplicantRoutes.coApplicants(application, on: request.db)
        if let organisation = try await ApplicationStore.memberOrganisation(id, of: [bundle.organisation] + coApplicants, on: request.db) {
            return try await showResponse(request, bundle, user: user, roles: roles,
                                          errors: [FieldError(field: "reviewer", message: t("grants.reviewers.error.member", ["name": reviewer.name, "organisation": organisation.name]))],
                                          status: .unprocessableEntity)
        }
        if try await GrantReview.query(on: request.db).filter(\.$applicationID == application.requireID()).filter(\.$reviewerID == id).count() > 0 {
            return try await showResponse(request, bundle, user: user, roles: roles, errors: [FieldError(field: "reviewer", message: t("grants.reviewers.error.twice"))],
                                          status: .unprocessableEntity)
        }
        let review = GrantReview()
        review.applicationID = try application.requireID()
        review.reviewerID = id
        review.declarationRaw = Grants.ConflictDeclaration.notDeclared.rawValue
        review.conflictNote = ""
        review.scores = [:]
        review.comment = ""
        review.recommendation = ""
        review.assignedBy = try user.requireID()
        do {
          try await request.db.transaction { database in
            try await review.save(on: database)
            let reviewLink = request.application.iceda.config.baseURL + "/\(reviewer.preferredLocale)"
                + GrantsURL.review(review.id!.uuidString.lowercased())
            try await Audit.record(on: database, actor: user, action: "grants.review.assign", targetType: "grant_application",
                                   targetID: application.id?.uuidString, after: ["reference": application.reference, "reviewer": reviewer.email])
            try await Outbox.enqueue(on: database, to: reviewer.email, subject: Translator(locale: AppLocale(tag: reviewer.preferredLocale) ?? .en)("grants.email.review_subject", ["reference": application.reference]),
                                     body: Translator(locale: AppLocale(tag: reviewer.preferredLocale) ?? .en)("grants.email.review_body", [
                                        "reference": application.reference, "link": reviewLink]),
                                     locale: AppLocale(tag: reviewer.preferredLocale) ?? .en)
          }
        } catch {
            // Assigned at the same moment by someone else: the assignment stands once.
            guard try await GrantReview.query(on: request.db).filter(\.$applicationID == application.requireID()).filter(\.$reviewerID == id).count() > 0 else { throw error }
        }
        request.flash(.success, t("grants.reviewers.assigned", ["name": reviewer.name]))
        return .seeOther(request.localLink(GrantsURL.staffApplication(application.pathID)))
    }

    /// Events decided here (the applicant's own events are on the applicant's pages; screening has its form).
    static let decisionEvents: Set<Grants.ApplicationEvent> = [.award, .placeOnReserveList, .reject, .promoteFromReserve, .upholdAppeal, .dismissAppeal]

    @Sendable static func transition(request: Request) async throws -> Response {
        let (bundle, user, roles) = try await evaluatorBundle(request)
        let t = request.t
        guard let event = Grants.ApplicationEvent(rawValue: field(request, "event")),
              ![.submit, .withdraw, .appeal, .markEligible, .markIneligible].contains(event) else {
            return try await showResponse(request, bundle, user: user, roles: roles, refusal: t("grants.transition.unknown"), status: .unprocessableEntity)
        }
        let note = String(field(request, "note_\(event.rawValue)").prefix(10_000))
        let typed = ["note_\(event.rawValue)": note]
        guard let role = roles.sorted(by: { $0.rawValue < $1.rawValue }).first(where: { Grants.ApplicationLifecycle.allowedEvents(in: bundle.application.state, for: $0).contains(event) }) else {
            return try await showResponse(request, bundle, user: user, roles: roles, refusal: t("grants.transition.not_allowed", ["event": t("grants.event.\(event.rawValue)")]),
                                          typed: typed, status: .conflict)
        }
        // A refused applicant may still appeal: the file is not closed before the appeal window ends.
        if event == .close, let deadline = bundle.application.appealDeadline, Date() < deadline,
           [.rejected, .ineligible, .reserveList].contains(bundle.application.state) {
            return try await showResponse(request, bundle, user: user, roles: roles,
                                          refusal: t("grants.transition.error.appeal_open", ["deadline": GrantsPages.instant(deadline, in: bundle.call.timeZone, t: t)]),
                                          typed: typed, status: .conflict)
        }
        // Applications are compared with each other: none is decided while the call still takes them.
        if [.award, .placeOnReserveList, .reject].contains(event), Date() < bundle.call.deadline {
            return try await showResponse(request, bundle, user: user, roles: roles,
                                          refusal: t("grants.decision.error.call_open", ["deadline": GrantsPages.instant(bundle.call.deadline, in: bundle.call.timeZone, t: t)]),
                                          typed: typed, status: .conflict)
        }
        if decisionEvents.contains(event) {
            // A committee member who belongs to the applicant or a co-applicant takes no part in the decision.
            if let organisation = try await conflict(user, bundle, on: request.db) {
                return try await showResponse(request, bundle, user: user, roles: roles,
                                              refusal: t("grants.decision.error.conflict", ["organisation": organisation.name]), typed: typed, status: .conflict)
            }
        }
        if decisionEvents.contains(event) && note.allSatisfy(\.isWhitespace) {
            return try await showResponse(request, bundle, user: user, roles: roles,
                                          errors: [FieldError(field: "note_\(event.rawValue)", message: t("grants.decision.error.reason"))], typed: typed, status: .unprocessableEntity)
        }
        let application = bundle.application
        if event == .startReview {
            let assigned = try await GrantReview.query(on: request.db).filter(\.$applicationID == application.requireID()).filter(\.$declarationRaw != "conflict").count()
            if assigned < max(2, bundle.call.minimumReviews) {
                return try await showResponse(request, bundle, user: user, roles: roles,
                                              refusal: t("grants.transition.needs_reviewers", ["minimum": t.integer(max(2, bundle.call.minimumReviews))]), status: .conflict)
            }
        }
        if event == .completeReview {
            let reviews = try await GrantReview.query(on: request.db).filter(\.$applicationID == application.requireID()).all()
            if !ApplicationStore.aggregate(application, reviews: reviews, criteria: bundle.criteria, call: bundle.call).isComplete {
                return try await showResponse(request, bundle, user: user, roles: roles,
                                              refusal: t("grants.transition.needs_reviews", ["minimum": t.integer(max(2, bundle.call.minimumReviews))]), status: .conflict)
            }
        }
        let call = bundle.call
        return try await run(request, bundle, user: user, roles: roles, event: event, role: role, note: note, typed: typed) { application, database in
            switch event {
            case .award, .promoteFromReserve, .placeOnReserveList, .reject:
                application.decisionReason = note
                application.decidedAt = Date()
                if event == .award || event == .promoteFromReserve {
                    _ = try await AwardStore.createAgreement(for: application, bundle: bundle, actor: user, on: database)
                }
                try await Decisions.notify(application, bundle: bundle, event: event, call: call, on: database)
            case .upholdAppeal, .dismissAppeal:
                application.appealReason = note
                try await Decisions.notify(application, bundle: bundle, event: event, call: call, on: database)
            default:
                break
            }
        }
    }

    /// Applies the event through the machine with the version the form was rendered from; 409 when stale.
    static func run(_ request: Request, _ bundle: ApplicationBundle, user: User, roles: Set<Grants.Role>, event: Grants.ApplicationEvent,
                    role: Grants.Role, note: String, typed: [String: String],
                    change: @escaping @Sendable (GrantApplication, Database) async throws -> Void) async throws -> Response {
        let t = request.t
        let expected = request.formVersion()
        do {
            try await ApplicationStore.transition(bundle.application, event, by: role, actor: user, expectedVersion: expected, note: note, on: request.db, change: change)
        } catch let refused as ApplicationStore.Refused {
            let message = t("grants.transition.not_allowed", ["event": t("grants.event.\(event.rawValue)")]) + " (" + t("grants.state.\(refused.error.stateRaw)") + ")"
            return try await showResponse(request, bundle, user: user, roles: roles, refusal: message, typed: typed, status: .conflict)
        } catch is AwardStore.AgreementError {
            // The transaction was rolled back: show the application as stored, not as the refused attempt left it in memory.
            let fresh = try await ApplicationStore.bundle(of: try await GrantApplication.find(bundle.application.id, on: request.db) ?? bundle.application, on: request.db)
            return try await showResponse(request, fresh, user: user, roles: roles, refusal: t("grants.award.no_amount"), typed: typed, status: .conflict)
        } catch is ApplicationStore.Changed {
            let fresh = try await ApplicationStore.bundle(of: try await GrantApplication.find(bundle.application.id, on: request.db) ?? bundle.application, on: request.db)
            return try await showResponse(request, fresh, user: user, roles: roles, refusal: t("grants.transition.changed"), typed: typed, status: .conflict)
        }
        request.flash(.success, t("grants.transition.done", ["event": t("grants.event.\(event.rawValue)"), "reference": bundle.application.reference]))
        return .seeOther(request.localLink(GrantsURL.staffApplication(bundle.application.pathID)))
    }
}

extension Grants.TransitionError where State == Grants.ApplicationState {
    var stateRaw: String {
        switch self {
        case let .terminalState(state), let .eventNotAllowed(state, _), let .roleNotPermitted(state, _, _): state.rawValue
        }
    }
}

/// What goes with a decision: the letter in the applicant's language (the grant of an award is `AwardStore.createAgreement`).
enum Decisions {
    /// Queues the decision letter to the application's author in the language they applied in.
    static func notify(_ application: GrantApplication, bundle: ApplicationBundle, event: Grants.ApplicationEvent, call: GrantCall, on database: Database) async throws {
        guard let author = try await User.find(application.createdBy, on: database) else { return }
        let locale = application.appLocale
        let t = Translator(locale: locale)
        if [.markIneligible, .reject, .placeOnReserveList].contains(event) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = call.timeZone
            application.appealDeadline = calendar.date(byAdding: .day, value: call.appealDays, to: Date())
        }
        var arguments = [
            "reference": application.reference, "title": application.title, "organisation": bundle.organisation.name,
            "call": GrantsPages.plainText(call.title, locale, fallback: call.code), "reason": event == .upholdAppeal || event == .dismissAppeal ? application.appealReason : application.decisionReason,
        ]
        arguments["deadline"] = application.appealDeadline.map { GrantsPages.instant($0, in: call.timeZone, t: t) } ?? ""
        try await Outbox.enqueue(on: database, to: author.email, subject: t("grants.letter.subject", ["reference": application.reference]),
                                 body: t("grants.letter.\(event.rawValue)", arguments), locale: locale)
    }
}
