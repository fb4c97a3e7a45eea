// EvaluationPages: the ranking and the reviewers' pages.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

extension EvaluationPages {
    // MARK: ranking

    struct RankingModel {
        var call: GrantCall
        var programme: GrantProgramme
        var lots: [GrantLot]
        var lot: GrantLot
        var result: Grants.RankingResult
        var line: Grants.FundingLine
        var rows: [String: EvaluationRoutes.RankingRow]
        var shown: [Grants.RankedApplication]
        var info: PageInfo
        var organisations: [Organisation]
        var committee: [User]
        var canManage: Bool
        var typedEmail: String
        var errors: [FieldError]
    }

    static func ranking(_ model: RankingModel, context: PageContext) -> String {
        let t = context.t
        let call = model.call
        let currency = model.programme.currency
        let title = t("grants.ranking.page_title", ["call": GrantsPages.plainText(call.title, context.locale, fallback: call.code)])
        let awarded = Set(model.line.awarded.map(\.candidate.applicationId))
        let reserve = Dictionary(model.line.reserve.map { ($0.application.candidate.applicationId, $0.reason.rawValue) }, uniquingKeysWith: { first, _ in first })
        let lotCode = model.lot.code
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(t("grants.ranking.title"))])) {
            el("h1") { title }
            el("nav", .aria("label", t("grants.lot"))) {
                el("ul", .class("inline-list")) {
                    for lot in model.lots {
                        el("li") {
                            if lot.id == model.lot.id {
                                el("strong", Attribute("aria-current", "page")) { GrantsPages.plainText(lot.title, context.locale, fallback: lot.code) }
                            } else {
                                el("a", .href(context.link(GrantsURL.ranking(call.code, ["lot": lot.code])))) {
                                    GrantsPages.plainText(lot.title, context.locale, fallback: lot.code)
                                }
                            }
                        }
                    }
                }
            }
            el("dl", .class("summary-list")) {
                el("dt") { t("grants.ranking.ranked") }
                el("dd") { t.integer(model.result.ranked.count) }
                el("dt") { t("grants.ranking.incomplete") }
                el("dd") { t.integer(model.result.incomplete.count) }
                el("dt") { t("grants.ranking.line_committed") }
                el("dd") { ApplicantPages.money(model.line.committed, context) }
                el("dt") { t("grants.ranking.line_remaining") }
                el("dd") { ApplicantPages.money(model.line.remaining, context) }
            }
            el("p") { t("grants.ranking.explained", ["threshold": t.integer(call.spreadThreshold)]) }
            Tables.table(
                caption: t("grants.ranking.caption", ["lot": GrantsPages.plainText(model.lot.title, context.locale, fallback: model.lot.code)]),
                columns: [Column(t("grants.ranking.rank"), numeric: true), Column(t("grants.reference")), Column(t("grants.apply.organisation")),
                          Column(t("grants.country")), Column(t("grants.budget.requested_total"), numeric: true), Column(t("grants.ranking.mean"), numeric: true),
                          Column(t("grants.ranking.spread"), numeric: true), Column(t("grants.ranking.proposal")), Column(t("grants.state"))],
                rows: model.shown.map { ranked in
                    let id = ranked.candidate.applicationId
                    let row = model.rows[id]
                    let proposal = awarded.contains(id) ? t("grants.ranking.proposal.fund")
                        : reserve[id].map { t("grants.ranking.proposal.reserve.\($0)") } ?? t("grants.ranking.proposal.none")
                    let application: Node = row.map { row in
                        el("a", .href(context.link(GrantsURL.staffApplication(row.id.uuidString.lowercased())))) { id }
                    } ?? .text(id)
                    return [
                        .text(t.integer(ranked.rank)), application,
                        .text(model.organisations.first { $0.id == row?.organisation_id }?.name ?? ""),
                        .text(t("country.\(ranked.candidate.country)")),
                        .text(GrantsPages.money(ranked.candidate.requested.minorUnits, currency, context.locale)),
                        .text(GrantsMessages.points(ranked.candidate.score.mean, t: t)),
                        .text(GrantsMessages.points(ranked.candidate.score.spread, t: t) + (ranked.candidate.score.spreadFlagged ? " " + t("grants.ranking.flagged") : "")),
                        .text(proposal),
                        .text(row.map { t("grants.state.\($0.state)") } ?? ""),
                    ]
                },
                sort: nil, link: { _ in "" }, t: t)
            Tables.pagination(model.info, link: { extra in context.link(GrantsURL.ranking(call.code, ["lot": lotCode, "page": extra["page"] ?? "1"])) }, t: t)
            if !model.result.incomplete.isEmpty {
                el("p") { t.plural("grants.ranking.incomplete_note", count: model.result.incomplete.count) }
            }
            el("h2") { t("grants.committee.title") }
            if model.committee.isEmpty {
                el("p") { t("grants.committee.none") }
            } else {
                el("ul") { for member in model.committee { el("li") { member.name } } }
            }
            if model.canManage {
                form(context.link(GrantsURL.committee(call.code)), context) {
                    Forms.text(name: "email", label: t("grants.committee.add_label"), value: model.typedEmail, hint: t("grants.committee.add_hint"),
                               errors: model.errors, type: "email", autocomplete: "off", t: t)
                    Forms.submit(t("grants.committee.add"), secondary: true)
                }
            }
        }
    }

    // MARK: reviewers' pages

    static func myReviews(reviews: [GrantReview], applications: [GrantApplication], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("grants.review.mine_title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.review.mine_title")),
        ]) {
            el("h1") { t("grants.review.mine_title") }
            if reviews.isEmpty {
                el("p") { t("grants.review.none") }
            } else {
                Tables.table(
                    caption: t("grants.review.mine_caption"),
                    columns: [Column(t("grants.reference")), Column(t("grants.application_title")), Column(t("grants.reviewers.declaration")), Column(t("grants.review.status"))],
                    rows: reviews.map { review in
                        let application = applications.first { $0.id == review.applicationID }
                        return [
                            el("a", .href(context.link(GrantsURL.review(review.id!.uuidString.lowercased())))) { application?.reference ?? "" },
                            .text(application?.title ?? ""),
                            .text(t("grants.declaration.\(review.declarationRaw)")),
                            .text(t(review.submittedAt == nil ? "grants.reviewers.pending" : "grants.review.submitted")),
                        ]
                    },
                    sort: nil, link: { _ in "" }, t: t)
            }
        }
    }

    struct ReviewModel {
        var review: GrantReview
        var bundle: ApplicationBundle
        var attachments: [GrantAttachment]
        var totals: Grants.BudgetTotals?
        var scores: [String: String]
        var comment: String
        var recommendation: String
        var errors: [FieldError]
        var conflictNote = ""
    }

    static func review(_ model: ReviewModel, context: PageContext) -> String {
        let t = context.t
        let review = model.review
        let bundle = model.bundle
        let application = bundle.application
        let title = t("grants.review.title", ["reference": application.reference])
        let action = context.link(GrantsURL.review(review.id!.uuidString.lowercased()))
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.review.mine_title"), href: context.link(GrantsURL.reviews())), Crumb(application.reference),
        ]) {
            el("h1") { title }
            Forms.errorSummary(model.errors, t: t)
            switch review.declaration {
            case .notDeclared:
                el("p") { t("grants.review.declare_intro", ["organisation": bundle.organisation.name]) }
                form(context.link(GrantsURL.declaration(review.id!.uuidString.lowercased())), context) {
                    Forms.radios(name: "declaration", legend: t("grants.review.declaration"),
                                 choices: [Choice(value: "no-conflict", label: t("grants.declaration.no-conflict")),
                                           Choice(value: "conflict", label: t("grants.declaration.conflict"))],
                                 selected: nil, errors: model.errors, t: t)
                    Forms.textarea(name: "conflict_note", label: t("grants.review.conflict_note"), value: model.conflictNote, hint: t("grants.review.conflict_note_hint"),
                                   errors: model.errors, rows: 3, t: t)
                    Forms.submit(t("grants.review.declare"))
                }
            case .conflict:
                el("p") { t("grants.review.blocked") }
            case .noConflict:
                ApplicantPages.summaryList(bundle, context: context)
                el("h2") { t("grants.apply.your_answers_staff") }
                ApplicantPages.answersList(bundle, attachments: model.attachments, coApplicants: [], context: context)
                if !model.attachments.isEmpty {
                    el("ul") {
                        for file in model.attachments {
                            el("li") { el("a", .href(context.link(GrantsURL.attachment(application.pathID, file.id!.uuidString.lowercased())))) { file.shownName } }
                        }
                    }
                }
                el("h2") { t("grants.budget.title") }
                ApplicantPages.budgetSummary(bundle, totals: model.totals, context: context)
                el("h2") { t("grants.review.scores") }
                if application.state != .inReview {
                    el("p") { t("grants.review.error.closed") }
                } else {
                    form(action, context) {
                        for criterion in bundle.lot.criteria {
                            Forms.select(name: "score_\(criterion.id)",
                                         label: t("grants.review.score_label", ["criterion": GrantsPages.plainText(criterion.title, context.locale, fallback: criterion.id),
                                                                                "weight": t.integer(Int(criterion.weight))]),
                                         choices: (0...criterion.maxScore).map { Choice(value: String($0), label: t("grants.review.score_value", ["score": t.integer(Int($0)), "maximum": t.integer(Int(criterion.maxScore))])) },
                                         selected: model.scores[criterion.id], blankLabel: t("grants.apply.choose"), errors: model.errors, t: t)
                        }
                        Forms.textarea(name: "comment", label: t("grants.reviewers.comment"), value: model.comment, errors: model.errors, rows: 6, t: t)
                        Forms.select(name: "recommendation", label: t("grants.reviewers.recommendation"),
                                     choices: GrantReview.recommendations.map { Choice(value: $0, label: t("grants.recommendation.\($0)")) },
                                     selected: model.recommendation, blankLabel: t("grants.apply.choose"), errors: model.errors, t: t)
                        Forms.submit(t("grants.review.submit"))
                    }
                }
            }
        }
    }
}
