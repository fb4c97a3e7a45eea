// What applicants do, under /{locale}/grants: start a draft for one of their organisations, save it as they
// go (nothing typed is lost, not even after the deadline), attach files, preview, submit before the deadline
// by the server's clock (idempotent, receipt page and email), withdraw, read the decision and appeal.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

/// The editable part of an application exactly as typed (from the record, or from a refused request).
struct ApplicationInput: Sendable {
    var version = 0
    var title = ""
    var summary = ""
    var durationMonths = ""
    var results: Set<String> = []
    var coApplicants = ""
    var budget: [BudgetRowInput] = []
    var answers: [String: [String]] = [:]

    init() {}

    init(_ application: GrantApplication) {
        version = application.version
        title = application.title
        summary = application.summary
        durationMonths = application.durationMonths.map(String.init) ?? ""
        results = Set(application.results)
        coApplicants = application.coApplicantsText
        budget = application.budget
        answers = application.answers
    }

    /// The budget padded with blank rows to the form's size.
    var budgetRows: [BudgetRowInput] {
        budget + Array(repeating: BudgetRowInput(), count: max(0, ApplicationStore.budgetRows - budget.count))
    }
}

enum ApplicantRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.applyRoute, use: startForm)
        site.form(GrantsURL.applyRoute, use: start)
        site.get(GrantsURL.myApplicationsRoute, use: mine)
        site.get(GrantsURL.applicationRoute, use: show)
        site.form(GrantsURL.applicationRoute, use: save)
        site.get(GrantsURL.previewRoute, use: preview)
        site.form(GrantsURL.submitRoute, use: submit)
        site.get(GrantsURL.receiptRoute, use: receipt)
        site.form(GrantsURL.attachmentsRoute, maxSize: "6mb", use: attach)
        site.form(GrantsURL.deleteAttachmentRoute, use: detach)
        site.get(GrantsURL.attachmentRoute, use: download)
        site.form(GrantsURL.withdrawRoute, use: withdraw)
        site.form(GrantsURL.appealRoute, use: appeal)
        site.get(GrantsURL.letterRoute, use: letter)
    }

    /// The events whose letter the applicant receives, newest first in the audit log decides which letter is shown.
    static let letterEvents: [Grants.ApplicationEvent] = [.markIneligible, .award, .promoteFromReserve, .placeOnReserveList, .reject, .upholdAppeal, .dismissAppeal]

    /// The latest decision letter as a printable page in the reader's language (applicant's members, staff and the
    /// call's committee); 404 while nothing has been decided.
    @Sendable static func letter(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let bundle = try await ApplicationStore.bundle(request)
        let roles = try await ApplicationStore.roles(of: user, in: bundle, on: request.db)
        guard roles.contains(.applicant) || roles.contains(.staff) || roles.contains(.admin) || roles.contains(.committee) else { throw Abort(.forbidden) }
        let entries = try await AuditEntry.query(on: request.db).filter(\.$targetType == "grant_application")
            .filter(\.$targetID == bundle.application.requireID().uuidString)
            .filter(\.$action ~~ letterEvents.map { "grants.application.\($0.rawValue)" }).sort(\.$at, .descending).first()
        guard let entry = entries, let event = entry.action.split(separator: ".").last.flatMap({ Grants.ApplicationEvent(rawValue: String($0)) }) else {
            throw Abort(.notFound)
        }
        // The committee's decision carries its own date (the demo's are in the past); other letters date from the event.
        let committee: Set<Grants.ApplicationEvent> = [.award, .promoteFromReserve, .placeOnReserveList, .reject]
        let date = (committee.contains(event) ? bundle.application.decidedAt : nil) ?? entry.at ?? Date()
        return .html(ApplicantPages.letter(bundle, event: event, decidedAt: date, context: context(request)))
    }

    static let maxAttachmentBytes = 5 * 1024 * 1024
    static let allowedAttachments: Set<Grants.AttachmentType> = Set(Grants.AttachmentType.allCases)

    static func context(_ request: Request) -> PageContext { request.pageContext(current: "grants") }

    static func field(_ request: Request, _ name: String) -> String { request.formRaw(name) }

    /// The applicant's view of their application: 403 unless they are a member of the applying organisation.
    static func applicantBundle(_ request: Request) async throws -> (ApplicationBundle, User) {
        let user = try request.requireUser()
        let bundle = try await ApplicationStore.bundle(request)
        guard try await ApplicationStore.isApplicantMember(user.requireID(), organisation: bundle.application.organisationID, on: request.db)
        else { throw Abort(.forbidden) }
        return (bundle, user)
    }

    // MARK: start

    @Sendable static func startForm(request: Request) async throws -> Response {
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let item = try await GrantsData.publicCall(code: code, on: request.db) else { throw Abort(.notFound) }
        // a visitor is offered both ways in: signing in (and coming back here), or registering the organisation
        guard let user = request.currentUser else {
            return .html(ApplicantPages.visitorStart(item, signIn: request.signInLink, context: context(request)))
        }
        let organisations = try await ApplicationStore.applicantOrganisations(of: user, on: request.db)
        return .html(ApplicantPages.start(item, organisations: organisations, selected: (nil, nil), errors: [], now: Date(), context: context(request)))
    }

    @Sendable static func start(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let item = try await GrantsData.publicCall(code: code, on: request.db) else { throw Abort(.notFound) }
        let organisations = try await ApplicationStore.applicantOrganisations(of: user, on: request.db)
        let organisationSlug = field(request, "organisation"), lotCode = field(request, "lot")
        let t = request.t
        var errors: [FieldError] = []
        let organisation = organisations.first { $0.slug == organisationSlug }
        let lot = item.lots.first { $0.code == lotCode }
        if organisation == nil { errors.append(FieldError(field: "organisation", message: t("grants.apply.error.organisation"))) }
        if lot == nil { errors.append(FieldError(field: "lot", message: t("grants.apply.error.lot"))) }
        let now = Date()
        if item.call.status != .open || !item.call.window.isOnTime(now) {
            errors.append(FieldError(field: "organisation", message: t("grants.apply.error.call_not_open")))
        }
        guard errors.isEmpty, let organisation, let lot else {
            return .html(ApplicantPages.start(item, organisations: organisations, selected: (organisationSlug, lotCode), errors: errors, now: now,
                                              context: context(request)), status: .unprocessableEntity)
        }
        // Eligibility of the organisation itself is told at once, before any writing.
        let facts = Grants.ApplicationFacts(applicantCountry: organisation.countryCode,
                                            applicantKind: Grants.ApplicantKind(rawValue: organisation.kind.rawValue))
        let ineligible = Grants.eligibilityProblems(facts, lot: lot.rules(currency: item.programme.currency)).filter {
            if case .countryNotEligible = $0 { return true }
            if case .applicantKindNotEligible = $0 { return true }
            return false
        }
        if !ineligible.isEmpty {
            let errors = ineligible.map { FieldError(field: "organisation", message: GrantsMessages.text($0, t: t, locale: request.appLocale)) }
            return .html(ApplicantPages.start(item, organisations: organisations, selected: (organisationSlug, lotCode), errors: errors, now: now,
                                              context: context(request)), status: .unprocessableEntity)
        }
        let application = try GrantApplication(draftFor: try item.call.requireID(), lot: try lot.requireID(), organisation: organisation,
                                               author: try user.requireID(), reference: "", locale: request.appLocale.rawValue,
                                               durationMonths: lot.durationMonths)
        // Two drafts started at the same moment may pick the same reference: the unique index refuses the second,
        // which then takes the next one.
        for attempt in 1...5 {
            do {
                try await request.db.transaction { database in
                    application.reference = try await ApplicationStore.nextReference(call: item.call, on: database)
                    try await application.save(on: database)
            try await Audit.record(on: database, actor: user, action: "grants.application.create", targetType: "grant_application",
                                   targetID: application.id?.uuidString,
                                           after: ["reference": application.reference, "organisation": organisation.slug, "lot": lot.code])
                }
                break
            } catch {
                application.$id.exists = false
                if attempt == 5 { throw error }
            }
        }
        request.flash(.success, t("grants.apply.created", ["reference": application.reference]))
        return .seeOther(request.localLink(GrantsURL.application(application.pathID)))
    }

    // MARK: my applications

    @Sendable static func mine(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let organisations = try await ApplicationStore.applicantOrganisations(of: user, on: request.db)
        let applications = organisations.isEmpty ? [] : try await GrantApplication.query(on: request.db)
            .filter(\.$organisationID ~~ organisations.compactMap(\.id)).sort(\.$reference).all()
        let calls = try await GrantsData.publicCalls(on: request.db)
        let grants = applications.isEmpty ? [] : try await Grant.query(on: request.db).filter(\.$applicationID ~~ applications.compactMap(\.id)).all()
        return .html(ApplicantPages.mine(applications: applications, organisations: organisations, calls: calls, grants: grants, context: context(request)))
    }

    // MARK: one application

    static func editModel(_ request: Request, _ bundle: ApplicationBundle, input: ApplicationInput, errors: [FieldError], notice: String? = nil)
        async throws -> ApplicantPages.EditModel {
        let attachments = try await GrantAttachment.query(on: request.db).filter(\.$applicationID == bundle.application.requireID()).sort(\.$createdAt).all()
        let reading = ApplicationStore.readBudget(input.budget, locale: bundle.application.appLocale, currency: bundle.currency, t: request.t)
        return ApplicantPages.EditModel(bundle: bundle, input: input, errors: errors, attachments: attachments, totals: reading.totals,
                                        notice: notice, now: Date())
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let (bundle, _) = try await applicantBundle(request)
        if bundle.application.state == .draft {
            let reading = ApplicationStore.readBudget(bundle.application.budget, locale: bundle.application.appLocale, currency: bundle.currency, t: request.t)
            return .html(ApplicantPages.edit(try await editModel(request, bundle, input: ApplicationInput(bundle.application), errors: reading.errors),
                                             context: context(request)))
        }
        return try await statusPage(request, bundle)
    }

    static func statusPage(_ request: Request, _ bundle: ApplicationBundle, appealText: String = "", errors: [FieldError] = [],
                           status: HTTPStatus = .ok) async throws -> Response {
        let attachments = try await GrantAttachment.query(on: request.db).filter(\.$applicationID == bundle.application.requireID()).all()
        let grant = try await Grant.query(on: request.db).filter(\.$applicationID == bundle.application.requireID()).first()
        let model = ApplicantPages.StatusModel(bundle: bundle, attachments: attachments, grant: grant, appealText: appealText, errors: errors, now: Date())
        return .html(ApplicantPages.status(model, context: context(request)), status: status)
    }

    /// Reads the form as typed; unknown results and out-of-range months are kept and reported at the check.
    static func decodeInput(_ request: Request, _ bundle: ApplicationBundle) -> ApplicationInput {
        var input = ApplicationInput()
        input.version = request.formVersion()
        input.title = String(field(request, "title").trimmingCharacters(in: .whitespacesAndNewlines).prefix(ApplicationStore.titleLimit))
        input.summary = String(field(request, "summary").prefix(20_000))
        input.durationMonths = field(request, "duration_months")
        input.results = Set((request.formValues("results")).prefix(50))
        input.coApplicants = String(field(request, "co_applicants").prefix(2_000))
        input.budget = budgetRows(request)
        for question in bundle.call.form.sections.flatMap(\.questions) where question.kind != .file {
            let values: [String]
            if question.kind == .multipleChoice {
                values = request.formValues("q_\(question.id)")
            } else {
                let value = String(field(request, "q_\(question.id)").prefix(question.kind == .longText ? 20_000 : 500))
                values = value.allSatisfy(\.isWhitespace) ? [] : [value]
            }
            if !values.isEmpty { input.answers[question.id] = values }
        }
        for question in bundle.call.form.sections.flatMap(\.questions) where question.kind == .file {
            if let kept = bundle.application.answers[question.id] { input.answers[question.id] = kept }
        }
        return input
    }

    /// The budget table's cells as typed (`budget_{line}_{column}`), without trailing blank lines.
    static func budgetRows(_ request: Request) -> [BudgetRowInput] {
        var rows: [BudgetRowInput] = []
        for index in 0..<ApplicationStore.budgetRows {
            let cell = { (name: String) in String(field(request, "budget_\(index)_\(name)").prefix(200)) }
            rows.append(BudgetRowInput(category: cell("category"), description: cell("description"), unit: cell("unit"), quantity: cell("quantity"),
                                       unitCost: cell("unit_cost"), requested: cell("requested"), coFinancing: cell("co_financing")))
        }
        while let last = rows.last, last.isBlank { rows.removeLast() }
        return rows
    }

    struct DraftAudit: Encodable {
        var title: String
        var words: Int
        var budgetRows: Int
        var results: [String]
    }

    @Sendable static func save(request: Request) async throws -> Response {
        let (bundle, user) = try await applicantBundle(request)
        let application = bundle.application
        let input = decodeInput(request, bundle)
        let t = request.t
        guard application.state == .draft else {
            return .html(ApplicantPages.edit(try await editModel(request, bundle, input: input, errors: [], notice: t("grants.apply.not_draft")),
                                             context: context(request)), status: .conflict)
        }
        let wantsJSON = request.headers.first(name: "X-Autosave") == "1"
        application.title = input.title
        application.summary = input.summary
        application.durationMonths = Int(input.durationMonths).flatMap { (1...120).contains($0) ? $0 : nil }
        application.results = input.results.sorted()
        application.coApplicantsText = input.coApplicants
        application.budget = input.budget
        application.answers = input.answers
        let reading = ApplicationStore.readBudget(input.budget, locale: application.appLocale, currency: bundle.currency, t: t)
        application.requestedMinor = reading.totals?.requestedTotal.minorUnits
        do {
            try await ApplicationStore.write(application, expectedVersion: input.version, on: request.db) { database in
                try await application.save(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.application.save", targetType: "grant_application",
                                       targetID: application.id?.uuidString,
                                       after: DraftAudit(title: application.title, words: Grants.ApplicationForm.wordCount(application.summary),
                                                         budgetRows: application.budget.count, results: application.results))
            }
        } catch is ApplicationStore.Changed {
            if wantsJSON { return try await Autosave(saved: false, version: input.version).encodeResponse(status: .conflict, for: request) }
            var stale = input
            let fresh = try await GrantApplication.find(application.id, on: request.db)
            stale.version = fresh?.version ?? input.version
            return .html(ApplicantPages.edit(try await editModel(request, bundle, input: stale, errors: [], notice: t("grants.apply.conflict")),
                                             context: context(request)), status: .conflict)
        }
        if wantsJSON { return try await Autosave(saved: true, version: application.version).encodeResponse(for: request) }
        if field(request, "action") == "check" { return .seeOther(request.localLink(GrantsURL.preview(application.pathID))) }
        if !reading.errors.isEmpty {
            // Saved as typed; the cells that cannot be read are shown at once.
            return .html(ApplicantPages.edit(try await editModel(request, bundle, input: ApplicationInput(application), errors: reading.errors,
                                                                 notice: t("grants.apply.saved")), context: context(request)), status: .unprocessableEntity)
        }
        request.flash(.success, t("grants.apply.saved"))
        return .seeOther(request.localLink(GrantsURL.application(application.pathID)))
    }

    struct Autosave: Content {
        var saved: Bool
        var version: Int
    }
}
