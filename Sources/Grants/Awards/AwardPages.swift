// Pages after the award: staff manage a grant (agreement, tranches, payments, report review, state changes);
// the grantee sees the agreement, the payments received and the reports due, and submits them.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

/// The payment form exactly as typed (kept when the form is refused).
struct PaymentInput: Sendable {
    var tranche = ""
    var amount = ""
    var paidOn = ""
    var note = ""
}

/// The report form exactly as typed.
struct ReportInput: Sendable {
    var narrative = ""
    var spent = ""
}

enum AwardPages {
    /// Events that have their own form on the staff page (or are not staff's to trigger).
    static let eventsWithOwnForm: Set<Grants.GrantEvent> = [.recordPayment, .requestChanges, .acceptInterimReport, .acceptFinalReport, .submitReport]

    static func stateLabel(_ state: Grants.GrantState, t: Translator) -> String { t("grants.grant_state.\(state.rawValue)") }
    static func eventLabel(_ event: Grants.GrantEvent, t: Translator) -> String { t("grants.grant_event.\(event.rawValue)") }
    static func kindLabel(_ report: GrantReport, t: Translator) -> String { t("grants.report.kind.\((GrantReportKind(rawValue: report.kind) ?? .final).rawValue)") }
    static func statusLabel(_ report: GrantReport, t: Translator) -> String {
        t("grants.report.status.\((GrantReportStatus(rawValue: report.status) ?? .scheduled).rawValue)")
    }

    static func money(_ money: Grants.Money, _ context: PageContext) -> String {
        Grants.MoneyFormatter.formatWithCurrency(money, locale: GrantsPages.amountLocale(context.locale))
    }

    static func date(_ iso: String, _ context: PageContext) -> String {
        let text = GrantsPages.calendarDate(CalendarDate(iso: iso), t: context.t)
        return text.isEmpty ? iso : text
    }

    /// The amount spent as stored (minor units), in the reader's notation.
    static func spent(_ report: GrantReport, currency: Grants.Currency, _ context: PageContext) -> String {
        guard let minor = Int64(report.spent) else { return report.spent.isEmpty ? "–" : report.spent }
        return money(Grants.Money(minorUnits: minor, currency: currency), context)
    }

    static func form(_ action: String, _ context: PageContext, @NodeBuilder content: () -> [Node]) -> Node {
        el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil)) {
            Forms.csrf(context.csrfToken)
            content()
        }
    }

    static func version(_ bundle: GrantBundle) -> Node {
        el("input", .type("hidden"), .name("version"), .value(String(bundle.grant.version)))
    }

    /// A refusal of the whole form (stale version, a state change not possible now).
    static func refusalBox(_ message: String?, t: Translator) -> Node {
        guard let message else { return .empty }
        return el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "refusal-title"), Attribute("tabindex", "-1")) {
            el("h2", .id("refusal-title")) { t("grants.award.not_saved") }
            el("p") { message }
        }
    }

    // MARK: shared parts

    static func agreement(_ bundle: GrantBundle, staff: Bool, context: PageContext) -> Node {
        let t = context.t
        let grant = bundle.grant
        return el("dl", .class("summary-list")) {
            el("dt") { t("grants.award.identifier") }
            el("dd") { grant.identifier }
            el("dt") { t("grants.award.grant_title") }
            el("dd") { grant.title }
            el("dt") { t("grants.recipient") }
            el("dd") { bundle.organisation.name }
            el("dt") { t("grants.call") }
            el("dd") { GrantsPages.localized(bundle.call.title, context, fallback: bundle.call.code) }
            el("dt") { t("grants.lot") }
            el("dd") { GrantsPages.localized(bundle.lot.title, context, fallback: bundle.lot.code) }
            el("dt") { t("grants.amount") }
            el("dd") { money(bundle.award, context) }
            el("dt") { t("grants.award_date") }
            el("dd") { date(grant.awardDate, context) }
            el("dt") { t("grants.period") }
            el("dd") {
                t("grants.period_value", ["start": date(grant.plannedStart, context), "end": grant.plannedEndDate.map { date($0.iso, context) } ?? "–"])
                " (" + t.plural("grants.duration_months", count: grant.durationMonths) + ")"
            }
            el("dt") { t("grants.award.state") }
            el("dd") { el("strong") { stateLabel(grant.state, t: t) } }
            if let application = bundle.application {
                el("dt") { t("grants.award.application") }
                el("dd") {
                    if staff { application.reference } else {
                        el("a", .href(context.link(GrantsURL.application(application.pathID)))) { application.reference }
                    }
                }
            }
            el("dt") { t("grants.award.summary") }
            el("dd") { el("p", .class("prewrap")) { grant.summary } }
        }
    }

    static func tranchesTable(_ bundle: GrantBundle, payments: [GrantPayment], context: PageContext) -> Node {
        let t = context.t
        switch AwardStore.tranches(bundle, payments: payments) {
        case let .failure(problem):
            return el("p", .class("error-message")) { GrantsMessages.text(problem, t: t, locale: context.locale) }
        case let .success(rows):
            let total = AwardStore.outstanding(bundle, payments: payments)
            let paid = Grants.Money(minorUnits: payments.reduce(Int64(0)) { $0 &+ $1.amountMinor }, currency: bundle.currency)
            func outstandingCell(_ result: Result<Grants.Money, Grants.PaymentProblem>) -> Node {
                switch result {
                case let .success(money): .text(self.money(money, context))
                case let .failure(problem): el("span", .class("error-message")) { GrantsMessages.text(problem, t: t, locale: context.locale) }
                }
            }
            return Tables.table(
                caption: t("grants.payment.tranches_caption", ["identifier": bundle.grant.identifier]),
                columns: [Column(t("grants.payment.tranche")), Column(t("grants.payment.share"), numeric: true), Column(t("grants.amount"), numeric: true),
                          Column(t("grants.payment.paid"), numeric: true), Column(t("grants.payment.outstanding"), numeric: true)],
                rows: rows.map { row in
                    [.text(t("grants.payment.tranche_number", ["number": t.integer(row.number)])), .text(GrantsMessages.percent(row.share.ratio, t: t)),
                     .text(money(row.amount, context)), .text(money(row.paid, context)), outstandingCell(row.outstanding)]
                } + [[el("strong") { t("grants.payment.total") }, .text(GrantsMessages.percent(Grants.BasisPoints.whole.ratio, t: t)),
                      el("strong") { money(bundle.award, context) }, el("strong") { money(paid, context) }, outstandingCell(total)]],
                sort: nil, link: { _ in "" }, t: t)
        }
    }

    static func paymentsTable(_ bundle: GrantBundle, payments: [GrantPayment], notes: Bool, context: PageContext) -> Node {
        let t = context.t
        guard !payments.isEmpty else { return el("p") { t("grants.payment.none") } }
        var columns = [Column(t("grants.payment.paid_on")), Column(t("grants.payment.tranche")), Column(t("grants.amount"), numeric: true)]
        if notes { columns.append(Column(t("grants.payment.note"))) }
        return Tables.table(
            caption: t("grants.payment.caption", ["identifier": bundle.grant.identifier]), columns: columns,
            rows: payments.map { payment in
                var cells: [Node] = [.text(date(payment.paidOn, context)), .text(t("grants.payment.tranche_number", ["number": t.integer(payment.tranche)])),
                                     .text(money(Grants.Money(minorUnits: payment.amountMinor, currency: bundle.currency), context))]
                if notes { cells.append(.text(payment.note)) }
                return cells
            },
            sort: nil, link: { _ in "" }, t: t)
    }

    static func reportsTable(_ bundle: GrantBundle, reports: [GrantReport], context: PageContext) -> Node {
        let t = context.t
        guard !reports.isEmpty else { return el("p") { t("grants.report.none") } }
        return Tables.table(
            caption: t("grants.report.caption", ["identifier": bundle.grant.identifier]),
            columns: [Column(t("grants.report.kind")), Column(t("grants.report.due_on")), Column(t("grants.report.status")),
                      Column(t("grants.report.submitted_at")), Column(t("grants.report.spent"), numeric: true), Column(t("grants.report.review_comment"))],
            rows: reports.map { report in
                [.text(kindLabel(report, t: t)), .text(date(report.dueOn, context)), .text(statusLabel(report, t: t)),
                 .text(report.submittedAt.map { t.date($0) } ?? "–"), .text(spent(report, currency: bundle.currency, context)),
                 report.reviewComment.isEmpty ? .text("–") : el("span", .class("prewrap")) { report.reviewComment }]
            },
            sort: nil, link: { _ in "" }, t: t)
    }

    // MARK: staff

    struct StaffModel {
        var bundle: GrantBundle
        var payments: [GrantPayment]
        var reports: [GrantReport]
        var payment = PaymentInput()
        var reviewComment = ""
        var errors: [FieldError] = []
        var refusal: String?
    }

    static func staff(_ model: StaffModel, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let grant = bundle.grant
        let state = grant.state
        let title = t("grants.award.title", ["identifier": grant.identifier])
        let staffEvents = Grants.GrantLifecycle.allowedEvents(in: state, for: .staff)
        let otherEvents = staffEvents.filter { !eventsWithOwnForm.contains($0) }
        let underReview = model.reports.first { $0.status == GrantReportStatus.submitted.rawValue }
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(grant.identifier),
        ]) {
            el("h1") { title }
            el("p") { el("a", .href(context.link(GrantsURL.staffBudget(bundle.id)))) { t("grants.amendment.link") } }
            refusalBox(model.refusal, t: t)
            Forms.errorSummary(model.errors, t: t)
            agreement(bundle, staff: true, context: context)
            el("p") { el("a", .href(context.link(GrantsURL.granteeGrant(bundle.id)))) { t("grants.award.grantee_view") } }

            el("h2") { t("grants.payment.plan_title") }
            tranchesTable(bundle, payments: model.payments, context: context)
            el("h2") { t("grants.payment.title") }
            paymentsTable(bundle, payments: model.payments, notes: true, context: context)

            el("h2", .id("record-payment")) { t("grants.payment.record_title") }
            if staffEvents.contains(.recordPayment) {
                let trancheCount = max(1, bundle.lot.trancheShares.count)
                form(context.link(GrantsURL.payments(bundle.id)), context) {
                    version(bundle)
                    Forms.select(name: "tranche", label: t("grants.payment.tranche"),
                                 choices: (1...trancheCount).map { Choice(value: String($0), label: t("grants.payment.tranche_number", ["number": t.integer($0)])) },
                                 selected: model.payment.tranche.isEmpty ? nil : model.payment.tranche, errors: model.errors, t: t)
                    Forms.text(name: "amount", label: t("grants.payment.amount"), value: model.payment.amount,
                               hint: t("grants.payment.amount_hint", ["currency": bundle.currency.code,
                                                                      "example": money(Grants.Money(minorUnits: 1_200_000, currency: bundle.currency), context)]),
                               errors: model.errors, width: "10", t: t)
                    Forms.text(name: "paid_on", label: t("grants.payment.paid_on"), value: model.payment.paidOn, hint: t("grants.payment.paid_on_hint"),
                               errors: model.errors, type: "date", width: "10", t: t)
                    Forms.text(name: "note", label: t("grants.payment.note_optional"), value: model.payment.note, errors: model.errors, t: t)
                    Forms.submit(t("grants.payment.record"))
                }
            } else {
                el("p") { t("grants.payment.not_now", ["state": stateLabel(state, t: t)]) }
            }

            el("h2") { t("grants.report.title") }
            reportsTable(bundle, reports: model.reports, context: context)
            if let report = underReview {
                let kind = GrantReportKind(rawValue: report.kind) ?? .final
                el("section", .aria("labelledby", "review-title")) {
                    el("h3", .id("review-title")) { t("grants.report.review_title", ["kind": kindLabel(report, t: t)]) }
                    el("dl", .class("summary-list")) {
                        el("dt") { t("grants.report.narrative") }
                        el("dd") { el("p", .class("prewrap")) { report.narrative } }
                        el("dt") { t("grants.report.spent") }
                        el("dd") { spent(report, currency: bundle.currency, context) }
                    }
                    if staffEvents.contains(.requestChanges) {
                        form(context.link(GrantsURL.reviewReport(bundle.id, report.id!.uuidString.lowercased())), context) {
                            version(bundle)
                            Forms.textarea(name: "comment", label: t("grants.report.comment"), value: model.reviewComment,
                                           hint: t("grants.report.comment_hint"), errors: model.errors, rows: 5, t: t)
                            el("div", .class("button-group")) {
                                el("button", .type("submit"), .name("decision"), .value("accept"), .class("button")) {
                                    eventLabel(kind == .final ? .acceptFinalReport : .acceptInterimReport, t: t)
                                }
                                el("button", .type("submit"), .name("decision"), .value("request-changes"), .class("button button-secondary")) {
                                    eventLabel(.requestChanges, t: t)
                                }
                            }
                        }
                    }
                }
            }

            el("h2") { t("grants.award.actions_title") }
            if otherEvents.isEmpty {
                el("p") { t("grants.award.no_actions") }
            } else {
                el("ul", .class("button-list")) {
                    for event in otherEvents {
                        el("li") {
                            form(context.link(GrantsURL.events(bundle.id)), context) {
                                version(bundle)
                                el("input", .type("hidden"), .name("event"), .value(event.rawValue))
                                Forms.submit(eventLabel(event, t: t), secondary: event == .terminate || event == .suspend)
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: grantee

    struct GranteeModel {
        var bundle: GrantBundle
        var payments: [GrantPayment]
        var reports: [GrantReport]
        var input = ReportInput()
        var errors: [FieldError] = []
        var refusal: String?
        /// The grantee may submit now (a member of the recipient organisation, in a state that allows it).
        var maySubmit: Bool
    }

    /// The report the grantee submits next: one sent back for changes, else the earliest scheduled one.
    static func nextReport(_ reports: [GrantReport], state: Grants.GrantState) -> GrantReport? {
        guard Grants.GrantLifecycle.allowedEvents(in: state, for: .applicant).contains(.submitReport) else { return nil }
        if let returned = reports.first(where: { $0.status == GrantReportStatus.changesRequested.rawValue }) { return returned }
        guard state != .changesRequested else { return nil }
        return reports.first { $0.status == GrantReportStatus.scheduled.rawValue }
    }

    static func grantee(_ model: GranteeModel, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let grant = bundle.grant
        let title = t("grants.award.title", ["identifier": grant.identifier])
        let next = model.maySubmit ? nextReport(model.reports, state: grant.state) : nil
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())),
            Crumb(t("grants.mine.title"), href: context.link(GrantsURL.myApplications())), Crumb(grant.identifier),
        ]) {
            el("h1") { title }
            el("p") { el("a", .href(context.link(GrantsURL.granteeBudget(bundle.id)))) { t("grants.amendment.link") } }
            refusalBox(model.refusal, t: t)
            Forms.errorSummary(model.errors, t: t)
            el("p") { t("grants.award.state_explained.\(grant.state.rawValue)") }
            agreement(bundle, staff: false, context: context)

            el("h2") { t("grants.payment.received_title") }
            tranchesTable(bundle, payments: model.payments, context: context)
            paymentsTable(bundle, payments: model.payments, notes: false, context: context)

            el("h2") { t("grants.report.title") }
            reportsTable(bundle, reports: model.reports, context: context)
            if let report = next {
                el("section", .aria("labelledby", "submit-report-title")) {
                    el("h3", .id("submit-report-title")) {
                        t("grants.report.submit_title", ["kind": kindLabel(report, t: t), "due": date(report.dueOn, context)])
                    }
                    if !report.reviewComment.isEmpty {
                        el("div", .class("notice"), Attribute("role", "note")) {
                            el("p") { t("grants.report.changes_asked") }
                            el("p", .class("prewrap")) { report.reviewComment }
                        }
                    }
                    form(context.link(GrantsURL.submitReport(bundle.id, report.id!.uuidString.lowercased())), context) {
                        version(bundle)
                        Forms.textarea(name: "narrative", label: t("grants.report.narrative"), value: model.input.narrative,
                                       hint: t("grants.report.narrative_hint"), errors: model.errors, rows: 10, t: t)
                        Forms.text(name: "spent", label: t("grants.report.spent"), value: model.input.spent,
                                   hint: t("grants.report.spent_hint", ["currency": bundle.currency.code,
                                                                        "example": money(Grants.Money(minorUnits: 1_050_000, currency: bundle.currency), context)]),
                                   errors: model.errors, width: "10", t: t)
                        Forms.submit(t("grants.report.submit"))
                    }
                }
            } else if grant.state == .reportSubmitted {
                el("p") { t("grants.report.under_review") }
            }
        }
    }
}
