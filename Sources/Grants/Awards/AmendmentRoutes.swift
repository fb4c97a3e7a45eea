// Budget amendments of a running grant: the grantee proposes a revised budget table with a reason
// (/{locale}/grants/awarded/{id}/budget); `Grants.assessAmendment` compares it with the current budget. Moving
// no more than the lot's reallocation share between headings, with the same grand total and no more asked from
// the grant, applies at once; anything else waits for staff (/{locale}/staff/grants/awarded/{id}/budget), who
// approve or refuse with a note. Every step is audited; what was typed comes back on a refusal.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

enum AmendmentStatus: String, Sendable {
    case pending, applied, refused
}

enum AmendmentRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.granteeBudgetRoute, use: granteePage)
        site.form(GrantsURL.granteeBudgetRoute, use: propose)
        site.get(GrantsURL.staffBudgetRoute, use: staffPage)
        site.form(GrantsURL.amendmentRoute, use: decide)
    }

    /// Grants whose budget may still change.
    static let runningStates: Set<Grants.GrantState> = [.signed, .active, .reportDue, .reportSubmitted, .changesRequested]

    static func field(_ request: Request, _ name: String) -> String { ApplicantRoutes.field(request, name) }

    /// The budget in force: the newest applied amendment's, else the application's.
    static func currentBudget(_ bundle: GrantBundle, amendments: [GrantAmendment]) -> [BudgetRowInput] {
        amendments.filter { $0.status == AmendmentStatus.applied.rawValue }.max { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }?.budget
            ?? bundle.application?.budget ?? []
    }

    /// What an amendment is measured against: the budget as awarded, or as staff last approved it. Changes that
    /// needed no approval do not move this line, so several small ones add up (issue 9: two 25 % moves were 50 %).
    static func approvedBudget(_ bundle: GrantBundle, amendments: [GrantAmendment]) -> [BudgetRowInput] {
        amendments.filter { $0.status == AmendmentStatus.applied.rawValue && $0.decidedBy != nil }
            .max { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }?.budget
            ?? bundle.application?.budget ?? []
    }

    /// The locale the budget's amounts are written in: the application's.
    static func budgetLocale(_ bundle: GrantBundle) -> AppLocale { bundle.application?.appLocale ?? .en }

    static func amendments(of bundle: GrantBundle, on database: Database) async throws -> [GrantAmendment] {
        try await GrantAmendment.query(on: database).filter(\.$grantID == bundle.grant.requireID()).sort(\.$createdAt, .descending).all()
    }

    static func model(_ request: Request, _ bundle: GrantBundle, staff: Bool, member: Bool, rows: [BudgetRowInput]? = nil, reason: String = "",
                      errors: [FieldError] = []) async throws -> AmendmentPages.Model {
        let list = try await amendments(of: bundle, on: request.db)
        let current = currentBudget(bundle, amendments: list)
        let locale = budgetLocale(bundle)
        let currentTotals = ApplicationStore.readBudget(current, locale: locale, currency: bundle.currency, t: request.t).totals
        let typed = rows ?? current
        return AmendmentPages.Model(
            bundle: bundle, amendments: list, current: current, currentTotals: currentTotals, rows: typed,
            typedTotals: ApplicationStore.readBudget(typed, locale: locale, currency: bundle.currency, t: request.t).totals,
            reason: reason, errors: errors, staff: staff, mayPropose: member && runningStates.contains(bundle.grant.state))
    }

    @Sendable static func granteePage(request: Request) async throws -> Response {
        let bundle = try await AwardStore.bundle(request)
        let (_, member) = try await AwardRoutes.granteeAccess(request, bundle)
        return .html(AmendmentPages.page(try await model(request, bundle, staff: false, member: member), context: request.pageContext(current: "grants")))
    }

    @Sendable static func staffPage(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let bundle = try await AwardStore.bundle(request)
        return .html(AmendmentPages.page(try await model(request, bundle, staff: true, member: false), context: request.pageContext(current: "staff")))
    }

    struct AmendmentAudit: Encodable {
        var identifier: String
        var status: String
        var movedShare: String
        var approvalReasons: String
        var reason: String
    }

    @Sendable static func propose(request: Request) async throws -> Response {
        let bundle = try await AwardStore.bundle(request)
        let (user, member) = try await AwardRoutes.granteeAccess(request, bundle)
        guard member else { throw Abort(.forbidden) }
        let t = request.t
        let rows = ApplicantRoutes.budgetRows(request)
        let reason = String(field(request, "reason").prefix(5_000))
        func refuse(_ errors: [FieldError], _ status: HTTPStatus) async throws -> Response {
            .html(AmendmentPages.page(try await model(request, bundle, staff: false, member: member, rows: rows, reason: reason, errors: errors),
                                      context: request.pageContext(current: "grants")), status: status)
        }
        guard runningStates.contains(bundle.grant.state) else {
            return try await refuse([FieldError(field: "reason", message: t("grants.amendment.error.not_running"))], .conflict)
        }
        let list = try await amendments(of: bundle, on: request.db)
        if list.contains(where: { $0.status == AmendmentStatus.pending.rawValue }) {
            return try await refuse([FieldError(field: "reason", message: t("grants.amendment.error.pending"))], .conflict)
        }
        let locale = budgetLocale(bundle)
        var errors: [FieldError] = []
        if reason.allSatisfy(\.isWhitespace) { errors.append(FieldError(field: "reason", message: t("grants.amendment.error.reason"))) }
        let revised = ApplicationStore.readBudget(rows, locale: locale, currency: bundle.currency, t: t)
        errors += revised.errors
        let original = ApplicationStore.readBudget(approvedBudget(bundle, amendments: list), locale: locale, currency: bundle.currency, t: t)
        guard errors.isEmpty, let revisedTable = revised.table, let originalTable = original.table else {
            return try await refuse(errors.isEmpty ? [FieldError(field: "budget_0_description", message: t("grants.amendment.error.unreadable"))] : errors,
                                    .unprocessableEntity)
        }
        // Each line must still add up; the lot's amount range and co-financing share still hold.
        let lineProblems = revisedTable.problems(against: bundle.lot.rules(currency: bundle.currency)).filter {
            if case .amountBelowMinimum = $0 { return false }
            return true
        }
        if !lineProblems.isEmpty {
            return try await refuse(lineProblems.map { FieldError(field: ApplicationStore.field(of: $0), message: GrantsMessages.text($0, t: t, locale: request.appLocale)) },
                                    .unprocessableEntity)
        }
        let assessment: Grants.AmendmentAssessment
        do {
            assessment = try Grants.assessAmendment(original: originalTable, revised: revisedTable, threshold: Grants.BasisPoints(bundle.lot.reallocationBasisPoints))
        } catch {
            return try await refuse([FieldError(field: "budget_0_description", message: GrantsMessages.text(error, t: t, locale: request.appLocale))], .unprocessableEntity)
        }
        let amendment = GrantAmendment()
        amendment.grantID = try bundle.grant.requireID()
        amendment.budget = rows
        amendment.reason = reason
        amendment.status = (assessment.needsApproval ? AmendmentStatus.pending : .applied).rawValue
        amendment.movedShare = ApplicationStore.ratioText(assessment.movedShare)
        amendment.approvalReasons = assessment.approvalReasons.map(\.code).joined(separator: " ")
        amendment.decisionNote = ""
        amendment.proposedBy = try user.requireID()
        do {
            try await request.db.transaction { database in
                try await amendment.save(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.amendment.\(assessment.needsApproval ? "propose" : "apply")", targetType: "grant",
                                       targetID: bundle.grant.id?.uuidString,
                                       after: AmendmentAudit(identifier: bundle.grant.identifier, status: amendment.status, movedShare: amendment.movedShare,
                                                             approvalReasons: amendment.approvalReasons, reason: reason))
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another proposal arrived first and waits (the index grant_amendments_one_pending).
            return try await refuse([FieldError(field: "reason", message: t("grants.amendment.error.pending"))], .conflict)
        }
        request.flash(.success, t(assessment.needsApproval ? "grants.amendment.sent" : "grants.amendment.applied",
                                  ["share": GrantsMessages.percent(assessment.movedShare, t: t)]))
        return .seeOther(request.localLink(GrantsURL.granteeBudget(bundle.id)))
    }

    @Sendable static func decide(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let bundle = try await AwardStore.bundle(request)
        guard let raw = request.parameters.get("amendment"), let id = UUID(uuidString: raw),
              let amendment = try await GrantAmendment.find(id, on: request.db), amendment.grantID == bundle.grant.id else { throw Abort(.notFound) }
        let t = request.t
        let decision = field(request, "decision")
        let note = String(field(request, "note_\(raw.lowercased())").prefix(5_000))
        func refuse(_ message: String, _ status: HTTPStatus) async throws -> Response {
            var page = try await model(request, bundle, staff: true, member: false, errors: [FieldError(field: "note_\(raw.lowercased())", message: message)])
            page.typedNote = [raw.lowercased(): note]
            return .html(AmendmentPages.page(page, context: request.pageContext(current: "staff")), status: status)
        }
        guard amendment.status == AmendmentStatus.pending.rawValue else { return try await refuse(t("grants.amendment.error.decided"), .conflict) }
        guard decision == "approve" || decision == "refuse" else { return try await refuse(t("grants.amendment.error.decision"), .unprocessableEntity) }
        if decision == "refuse" && note.allSatisfy(\.isWhitespace) { return try await refuse(t("grants.amendment.error.note"), .unprocessableEntity) }
        // Claimed only while still pending, so two staff deciding at once cannot both win.
        let status = (decision == "approve" ? AmendmentStatus.applied : .refused).rawValue
        let decidedBy = try user.requireID()
        let claimed = try await request.db.transaction { database -> Bool in
            guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
            let rows = try await sql.update(GrantAmendment.schema)
                .set("status", to: status).set("decision_note", to: note).set("decided_by", to: decidedBy).set("decided_at", to: Date())
                .where("id", .equal, id).where("status", .equal, AmendmentStatus.pending.rawValue)
                .returning("id").all()
            guard rows.count == 1 else { return false }
            try await Audit.record(on: database, actor: user, action: "grants.amendment.\(decision)", targetType: "grant", targetID: bundle.grant.id?.uuidString,
                                   after: AmendmentAudit(identifier: bundle.grant.identifier, status: status, movedShare: amendment.movedShare,
                                                         approvalReasons: amendment.approvalReasons, reason: note))
            return true
        }
        guard claimed else { return try await refuse(t("grants.amendment.error.decided"), .conflict) }
        request.flash(.success, t(decision == "approve" ? "grants.amendment.approved" : "grants.amendment.refused"))
        return .seeOther(request.localLink(GrantsURL.staffBudget(bundle.id)))
    }
}
