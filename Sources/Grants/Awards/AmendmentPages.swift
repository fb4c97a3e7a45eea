// The budget page of a grant: the budget in force, the amendments with what they moved and why approval was
// needed, the grantee's proposal form (the same budget table as the application) and staff's decision forms.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

enum AmendmentPages {
    struct Model {
        var bundle: GrantBundle
        var amendments: [GrantAmendment]
        var current: [BudgetRowInput]
        var currentTotals: Grants.BudgetTotals?
        var rows: [BudgetRowInput]
        var typedTotals: Grants.BudgetTotals?
        var reason: String
        var errors: [FieldError]
        var staff: Bool
        var mayPropose: Bool
        /// Decision notes typed on a refused form, by amendment id.
        var typedNote: [String: String] = [:]
    }

    static func reasons(_ codes: String, t: Translator) -> String {
        codes.split(separator: " ").map { t("grants.amendment.why.\($0.split(separator: ".").last ?? "")") }.joined(separator: "; ")
    }

    static func page(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let grant = bundle.grant
        let title = t("grants.amendment.page_title", ["identifier": grant.identifier])
        let back = model.staff ? GrantsURL.staffGrant(bundle.id) : GrantsURL.granteeGrant(bundle.id)
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(grant.identifier, href: context.link(back)), Crumb(t("grants.amendment.crumb")),
        ]) {
            el("h1") { title }
            Forms.errorSummary(model.errors, t: t)
            el("p") { t("grants.amendment.intro", ["share": GrantsMessages.percent(Grants.BasisPoints(bundle.lot.reallocationBasisPoints).ratio, t: t)]) }
            el("h2") { t("grants.amendment.current") }
            Tables.table(
                caption: t("grants.amendment.current_caption", ["identifier": grant.identifier]),
                columns: [Column(t("grants.budget.category")), Column(t("grants.budget.description")), Column(t("grants.budget.quantity"), numeric: true),
                          Column(t("grants.budget.unit_cost"), numeric: true), Column(t("grants.budget.requested"), numeric: true),
                          Column(t("grants.budget.co_financing"), numeric: true)],
                rows: model.current.filter { !$0.isBlank }.map { row in
                    [.text(t.has("grants.budget.category.\(row.category)") ? t("grants.budget.category.\(row.category)") : row.category),
                     .text(row.description), .text("\(row.quantity) \(row.unit)"), .text(row.unitCost), .text(row.requested), .text(row.coFinancing)]
                },
                sort: nil, link: { _ in "" }, t: t)
            ApplicantPages.totalsList(model.currentTotals, context: context)

            el("h2") { t("grants.amendment.history") }
            if model.amendments.isEmpty {
                el("p") { t("grants.amendment.none") }
            } else {
                for amendment in model.amendments {
                    let id = amendment.id!.uuidString.lowercased()
                    el("section", .class("card"), .aria("labelledby", "amendment-\(id)")) {
                        el("h3", .id("amendment-\(id)")) {
                            t("grants.amendment.status.\(amendment.status)") + " · " + (amendment.createdAt.map { t.date($0) } ?? "")
                        }
                        el("dl", .class("summary-list")) {
                            el("dt") { t("grants.amendment.reason") }
                            el("dd") { el("span", .class("prewrap")) { amendment.reason } }
                            el("dt") { t("grants.amendment.moved") }
                            el("dd") { ApplicationStore.ratio(Substring(amendment.movedShare)).map { GrantsMessages.percent($0, t: t) } ?? "–" }
                            el("dt") { t("grants.amendment.approval") }
                            el("dd") { amendment.approvalReasons.isEmpty ? t("grants.amendment.no_approval") : reasons(amendment.approvalReasons, t: t) }
                            if !amendment.decisionNote.isEmpty {
                                el("dt") { t("grants.amendment.decision_note") }
                                el("dd") { el("span", .class("prewrap")) { amendment.decisionNote } }
                            }
                        }
                        if model.staff && amendment.status == AmendmentStatus.pending.rawValue {
                            ApplicantPages.form(context.link(GrantsURL.amendment(bundle.id, id)), context) {
                                Forms.textarea(name: "note_\(id)", label: t("grants.amendment.decision_note"), value: model.typedNote[id], hint: t("grants.amendment.note_hint"),
                                               errors: model.errors, rows: 3, t: t)
                                el("div", .class("button-group")) {
                                    el("button", .type("submit"), .name("decision"), .value("approve"), .class("button")) { t("grants.amendment.approve") }
                                    el("button", .type("submit"), .name("decision"), .value("refuse"), .class("button button-secondary")) { t("grants.amendment.refuse") }
                                }
                            }
                        }
                    }
                }
            }

            if model.mayPropose {
                el("h2") { t("grants.amendment.propose_title") }
                ApplicantPages.form(context.link(GrantsURL.granteeBudget(bundle.id)), context) {
                    ApplicantPages.budgetTable(model.rows + Array(repeating: BudgetRowInput(), count: max(0, ApplicationStore.budgetRows - model.rows.count)),
                                               totals: model.typedTotals, currency: bundle.currency, errors: model.errors, context: context)
                    Forms.textarea(name: "reason", label: t("grants.amendment.reason"), value: model.reason, hint: t("grants.amendment.reason_hint"),
                                   errors: model.errors, rows: 4, t: t)
                    Forms.submit(t("grants.amendment.submit"))
                }
            }
            el("p") { el("a", .href(context.link(back))) { t("grants.amendment.back") } }
        }
    }
}
