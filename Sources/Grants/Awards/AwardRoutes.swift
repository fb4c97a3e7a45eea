// After the award, under /{locale}/staff/grants/awarded/:grant (staff: payments against the tranche plan,
// report review, state changes) and /{locale}/grants/awarded/:grant (the grantee: agreement, payments
// received, reports due and their submission). Every write claims the grant's version (a stale form gets 409)
// and goes through the grant state machine, which writes the audit log.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

enum AwardRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.awardedRoute, use: AwardList.page)
        site.get(GrantsURL.staffGrantRoute, use: staffPage)
        site.form(GrantsURL.paymentsRoute, use: recordPayment)
        site.form(GrantsURL.reviewReportRoute, use: reviewReport)
        site.form(GrantsURL.eventsRoute, use: applyEvent)
        site.get(GrantsURL.granteeGrantRoute, use: granteePage)
        site.form(GrantsURL.submitReportRoute, use: submitReport)
    }

    static let noteLimit = 500
    static let narrativeLimit = 20_000
    static let commentLimit = 5_000

    static func field(_ request: Request, _ name: String) -> String { ApplicantRoutes.field(request, name) }

    static func report(_ request: Request, of bundle: GrantBundle) async throws -> GrantReport {
        guard let raw = request.parameters.get("report"), let id = UUID(uuidString: raw),
              let report = try await GrantReport.find(id, on: request.db), report.grantID == bundle.grant.id else { throw Abort(.notFound) }
        return report
    }

    // MARK: staff

    static func staffResponse(_ request: Request, _ bundle: GrantBundle, payment: PaymentInput = PaymentInput(), reviewComment: String = "",
                              errors: [FieldError] = [], refusal: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        // A refused form shows the grant as it is now, so that the person sees what changed.
        let grant = try await Grant.find(bundle.grant.id, on: request.db) ?? bundle.grant
        var fresh = bundle
        fresh.grant = grant
        let model = AwardPages.StaffModel(bundle: fresh, payments: try await AwardStore.payments(of: grant, on: request.db),
                                          reports: try await AwardStore.reports(of: grant, on: request.db), payment: payment,
                                          reviewComment: reviewComment, errors: errors, refusal: refusal)
        return .html(AwardPages.staff(model, context: request.pageContext(current: "staff")), status: status)
    }

    @Sendable static func staffPage(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        return try await staffResponse(request, try await AwardStore.bundle(request))
    }

    /// The refusal of a guarded write (a stale version, or `event` not possible in the grant's `state`), or nil
    /// when `error` is neither.
    static func conflictMessage(_ error: Error, event: Grants.GrantEvent, state: Grants.GrantState, t: Translator) -> String? {
        if error is AwardStore.Changed { return t("grants.award.conflict") }
        if error is AwardStore.Refused {
            return t("grants.award.refused", ["event": AwardPages.eventLabel(event, t: t), "state": AwardPages.stateLabel(state, t: t)])
        }
        return nil
    }

    @Sendable static func recordPayment(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let bundle = try await AwardStore.bundle(request)
        let t = request.t
        let input = PaymentInput(tranche: String(field(request, "tranche").prefix(10)), amount: String(field(request, "amount").prefix(100)),
                                 paidOn: String(field(request, "paid_on").prefix(20)), note: String(field(request, "note").prefix(noteLimit)))
        let expected = request.formVersion()
        var errors: [FieldError] = []
        let trancheCount = bundle.lot.trancheShares.count
        let tranche = Int(input.tranche).flatMap { (1...max(1, trancheCount)).contains($0) ? $0 : nil }
        if tranche == nil { errors.append(FieldError(field: "tranche", message: t("grants.payment.error.tranche"))) }
        let existing = try await AwardStore.payments(of: bundle.grant, on: request.db)
        var amount: Grants.Money?
        switch Grants.MoneyParser.parse(input.amount.trimmingCharacters(in: .whitespaces), locale: GrantsPages.amountLocale(request.appLocale),
                                        currency: bundle.currency) {
        case let .failure(problem):
            errors.append(FieldError(field: "amount", message: GrantsMessages.text(problem, t: t, locale: request.appLocale)))
        case let .success(value):
            // The pure rule refuses a non-positive payment, another currency and anything beyond the award.
            switch Grants.outstanding(award: bundle.award, payments: AwardStore.money(existing, currency: bundle.currency) + [value]) {
            case let .failure(problem): errors.append(FieldError(field: "amount", message: GrantsMessages.text(problem, t: t, locale: request.appLocale)))
            case .success:
                // Nor beyond the chosen tranche.
                if let tranche, case let .success(amounts) = Grants.tranches(of: bundle.award, shares: bundle.lot.trancheShares), tranche <= amounts.count,
                   case let .failure(problem) = Grants.outstanding(award: amounts[tranche - 1],
                                                                   payments: AwardStore.money(existing.filter { $0.tranche == tranche }, currency: bundle.currency) + [value]) {
                    errors.append(FieldError(field: "amount", message: GrantsMessages.text(problem, t: t, locale: request.appLocale)))
                } else {
                    amount = value
                }
            }
        }
        let paidOn = CalendarDate(iso: input.paidOn.trimmingCharacters(in: .whitespaces))
        if paidOn == nil {
            errors.append(FieldError(field: "paid_on", message: t("grants.payment.error.date")))
        } else if let paidOn, paidOn > AwardStore.utcDate(Date().addingTimeInterval(86_400)) {
            errors.append(FieldError(field: "paid_on", message: t("grants.payment.error.future")))
        }
        guard errors.isEmpty, let tranche, let amount, let paidOn else {
            return try await staffResponse(request, bundle, payment: input, errors: errors, status: .unprocessableEntity)
        }
        let payment = GrantPayment()
        payment.grantID = try bundle.grant.requireID()
        payment.tranche = tranche
        payment.amountMinor = amount.minorUnits
        payment.paidOn = paidOn.iso
        payment.note = input.note.trimmingCharacters(in: .whitespacesAndNewlines)
        payment.recordedBy = try user.requireID()
        do {
            try await AwardStore.transition(bundle.grant, .recordPayment, by: AwardStore.officeRole(user), actor: user, expectedVersion: expected,
                                            note: "tranche \(tranche): \(amount.minorUnits) \(amount.currency.code) on \(paidOn.iso)",
                                            on: request.db) { _, database in
                try await payment.save(on: database)
            }
        } catch {
            guard let message = conflictMessage(error, event: .recordPayment, state: bundle.grant.state, t: t) else { throw error }
            return try await staffResponse(request, bundle, payment: input, refusal: message, status: .conflict)
        }
        request.flash(.success, t("grants.payment.recorded", ["amount": Grants.MoneyFormatter.formatWithCurrency(amount, locale: GrantsPages.amountLocale(request.appLocale))]))
        return .seeOther(request.localLink(GrantsURL.staffGrant(bundle.id)))
    }

    @Sendable static func reviewReport(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let bundle = try await AwardStore.bundle(request)
        let report = try await report(request, of: bundle)
        let t = request.t
        let comment = String(field(request, "comment").prefix(commentLimit)).trimmingCharacters(in: .whitespacesAndNewlines)
        let decision = field(request, "decision")
        let expected = request.formVersion()
        guard report.status == GrantReportStatus.submitted.rawValue else {
            return try await staffResponse(request, bundle, reviewComment: comment, refusal: t("grants.report.not_submitted"), status: .conflict)
        }
        let event: Grants.GrantEvent
        switch decision {
        case "accept": event = report.kind == GrantReportKind.interim.rawValue ? .acceptInterimReport : .acceptFinalReport
        case "request-changes":
            guard !comment.isEmpty else {
                return try await staffResponse(request, bundle, reviewComment: comment,
                                               errors: [FieldError(field: "comment", message: t("grants.report.error.comment"))], status: .unprocessableEntity)
            }
            event = .requestChanges
        default:
            return try await staffResponse(request, bundle, reviewComment: comment,
                                           errors: [FieldError(field: "comment", message: t("grants.report.error.decision"))], status: .unprocessableEntity)
        }
        do {
            try await AwardStore.transition(bundle.grant, event, by: AwardStore.officeRole(user), actor: user, expectedVersion: expected,
                                            note: "\(report.kind) report due \(report.dueOn)", on: request.db) { _, database in
                report.status = event == .requestChanges ? GrantReportStatus.changesRequested.rawValue : GrantReportStatus.accepted.rawValue
                report.reviewComment = comment
                try await report.save(on: database)
            }
        } catch {
            guard let message = conflictMessage(error, event: event, state: bundle.grant.state, t: t) else { throw error }
            return try await staffResponse(request, bundle, reviewComment: comment, refusal: message, status: .conflict)
        }
        request.flash(.success, t(event == .requestChanges ? "grants.report.changes_requested" : "grants.report.accepted"))
        return .seeOther(request.localLink(GrantsURL.staffGrant(bundle.id)))
    }

    @Sendable static func applyEvent(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let bundle = try await AwardStore.bundle(request)
        let t = request.t
        let expected = request.formVersion()
        guard let event = Grants.GrantEvent(rawValue: field(request, "event")), !AwardPages.eventsWithOwnForm.contains(event) else {
            return try await staffResponse(request, bundle, refusal: t("grants.award.unknown_event"), status: .unprocessableEntity)
        }
        do {
            try await AwardStore.transition(bundle.grant, event, by: AwardStore.officeRole(user), actor: user, expectedVersion: expected, on: request.db)
        } catch {
            guard let message = conflictMessage(error, event: event, state: bundle.grant.state, t: t) else { throw error }
            return try await staffResponse(request, bundle, refusal: message, status: .conflict)
        }
        request.flash(.success, t("grants.award.event_done", ["event": AwardPages.eventLabel(event, t: t),
                                                              "state": AwardPages.stateLabel(bundle.grant.state, t: t)]))
        return .seeOther(request.localLink(GrantsURL.staffGrant(bundle.id)))
    }

    // MARK: grantee

    /// Members of the recipient organisation and staff may read; only members submit. Everyone else: 403.
    static func granteeAccess(_ request: Request, _ bundle: GrantBundle) async throws -> (user: User, member: Bool) {
        let user = try request.requireUser()
        var member = false
        if user.active { member = try await ApplicationStore.isApplicantMember(user.requireID(), organisation: bundle.grant.organisationID, on: request.db) }
        guard member || user.role.isStaff else { throw Abort(.forbidden) }
        return (user, member)
    }

    static func granteeResponse(_ request: Request, _ bundle: GrantBundle, member: Bool, input: ReportInput = ReportInput(), errors: [FieldError] = [],
                                refusal: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let grant = try await Grant.find(bundle.grant.id, on: request.db) ?? bundle.grant
        var fresh = bundle
        fresh.grant = grant
        let model = AwardPages.GranteeModel(bundle: fresh, payments: try await AwardStore.payments(of: grant, on: request.db),
                                            reports: try await AwardStore.reports(of: grant, on: request.db), input: input, errors: errors,
                                            refusal: refusal, maySubmit: member)
        return .html(AwardPages.grantee(model, context: request.pageContext(current: "grants")), status: status)
    }

    @Sendable static func granteePage(request: Request) async throws -> Response {
        let bundle = try await AwardStore.bundle(request)
        let (_, member) = try await granteeAccess(request, bundle)
        return try await granteeResponse(request, bundle, member: member)
    }

    @Sendable static func submitReport(request: Request) async throws -> Response {
        let bundle = try await AwardStore.bundle(request)
        let (user, member) = try await granteeAccess(request, bundle)
        guard member else { throw Abort(.forbidden) }
        let report = try await report(request, of: bundle)
        let t = request.t
        let input = ReportInput(narrative: String(field(request, "narrative").prefix(narrativeLimit)), spent: String(field(request, "spent").prefix(100)))
        let expected = request.formVersion()
        let reports = try await AwardStore.reports(of: bundle.grant, on: request.db)
        guard AwardPages.nextReport(reports, state: bundle.grant.state)?.id == report.id else {
            return try await granteeResponse(request, bundle, member: member, input: input, refusal: t("grants.report.not_open"), status: .conflict)
        }
        var errors: [FieldError] = []
        if input.narrative.allSatisfy(\.isWhitespace) { errors.append(FieldError(field: "narrative", message: t("grants.report.error.narrative"))) }
        var spent: Grants.Money?
        switch Grants.MoneyParser.parse(input.spent.trimmingCharacters(in: .whitespaces), locale: GrantsPages.amountLocale(request.appLocale),
                                        currency: bundle.currency) {
        case let .failure(problem): errors.append(FieldError(field: "spent", message: GrantsMessages.text(problem, t: t, locale: request.appLocale)))
        case let .success(value): spent = value
        }
        guard errors.isEmpty, let spent else {
            return try await granteeResponse(request, bundle, member: member, input: input, errors: errors, status: .unprocessableEntity)
        }
        let now = Date()
        do {
            try await AwardStore.transition(bundle.grant, .submitReport, by: .applicant, actor: user, expectedVersion: expected,
                                            note: "\(report.kind) report due \(report.dueOn)", on: request.db) { _, database in
                report.status = GrantReportStatus.submitted.rawValue
                report.narrative = input.narrative
                report.spent = String(spent.minorUnits)
                report.submittedAt = now
                try await report.save(on: database)
            }
        } catch {
            guard let message = conflictMessage(error, event: .submitReport, state: bundle.grant.state, t: t) else { throw error }
            return try await granteeResponse(request, bundle, member: member, input: input, refusal: message, status: .conflict)
        }
        request.flash(.success, t("grants.report.submitted", ["kind": AwardPages.kindLabel(report, t: t)]))
        return .seeOther(request.localLink(GrantsURL.granteeGrant(bundle.id)))
    }
}
