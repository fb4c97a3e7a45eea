// Evaluation pages: overview of calls, the staff list with filters, one application with screening,
// reviewers, aggregate, decisions and history; the ranking with the funding line; reviewers' pages.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

enum EvaluationPages {
    static func crumbs(_ context: PageContext, _ last: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("nav.staff"), href: context.link(KernelURL.staff)),
         Crumb(context.t("grants.staff.title"), href: context.link(GrantsURL.staff()))] + last
    }

    static func form(_ action: String, _ context: PageContext, @NodeBuilder content: () -> [Node]) -> Node {
        ApplicantPages.form(action, context, content: content)
    }

    // MARK: overview

    static func overview(calls: [GrantCall], counts: [UUID: [String: Int]], user: User, openReviews: Int, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("grants.staff.title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(t("grants.staff.title")),
        ]) {
            el("h1") { t("grants.staff.title") }
            el("ul") {
                el("li") { el("a", .href(context.link(GrantsURL.reviews()))) { t.plural("grants.staff.my_reviews", count: openReviews) } }
                if user.role.isStaff {
                    el("li") { el("a", .href(context.link(GrantsURL.awarded()))) { t("grants.award.list_title") } }
                    el("li") { el("a", .href(context.link(GrantsURL.newCall()))) { t("grants.callform.new_title") } }
                    el("li") { el("a", .href(context.link(GrantsURL.programmes()))) { t("grants.programme.title") } }
                }
            }
            el("ul", .class("cards")) {
                for call in calls {
                    let byState = counts[call.id!] ?? [:]
                    el("li", .class("card")) {
                        el("h2") { GrantsPages.localized(call.title, context, fallback: call.code) }
                        el("p") { t("grants.deadline") + ": " + GrantsPages.instant(call.deadline, in: call.timeZone, t: t) }
                        let present = Grants.ApplicationState.allCases.filter { (byState[$0.rawValue] ?? 0) > 0 }
                        if present.isEmpty {
                            el("p") { t.plural("grants.staff.count", count: 0) }
                        } else {
                            el("dl", .class("summary-list")) {
                                for state in present {
                                    el("dt") { t("grants.state.\(state.rawValue)") }
                                    el("dd") {
                                        el("a", .href(context.link(GrantsURL.staffApplications(["call": call.code, "state": state.rawValue])))) {
                                            t.integer(byState[state.rawValue] ?? 0)
                                        }
                                    }
                                }
                            }
                        }
                        el("ul") {
                            el("li") { el("a", .href(context.link(GrantsURL.staffApplications(["call": call.code])))) { t("grants.staff.list_title") } }
                            el("li") { el("a", .href(context.link(GrantsURL.ranking(call.code)))) { t("grants.ranking.title") } }
                            if user.role.isStaff {
                                el("li") { el("a", .href(context.link(GrantsURL.editCall(call.code)))) { t("grants.callform.edit_link") } }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: list

    struct ListModel {
        var query: EvaluationRoutes.StaffListQuery
        var info: PageInfo
        var rows: [GrantApplication]
        var organisations: [Organisation]
        var calls: [GrantCall]
        var lots: [GrantLot]
        var programmes: [GrantProgramme]
    }

    static func list(_ model: ListModel, context: PageContext) -> String {
        let t = context.t
        let query = model.query
        let base = context.link(GrantsURL.staffApplications())
        let link: @Sendable ([String: String]) -> String = { extra in
            base + QueryString.encode(query.parameters.merging(extra) { _, new in new }.filter { !$0.value.isEmpty && !($0.key == "page" && $0.value == "1") })
        }
        let lots = Dictionary(model.lots.compactMap { lot in lot.id.map { ($0, lot) } }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(model.organisations.compactMap { organisation in organisation.id.map { ($0, organisation.name) } }, uniquingKeysWith: { first, _ in first })
        let currencies = Dictionary(model.calls.compactMap { call in call.id.map { id in (id, model.programmes.first { $0.id == call.programmeID }?.currency ?? .eur) } },
                                    uniquingKeysWith: { first, _ in first })
        return Layout.page(context, title: t("grants.staff.list_title"), breadcrumbs: crumbs(context, [Crumb(t("grants.staff.list_title"))])) {
            el("h1") { t("grants.staff.list_title") }
            el("form", Attribute("method", "get"), Attribute("action", base), .class("filters")) {
                Forms.select(name: "call", label: t("grants.call"), choices: model.calls.map { Choice(value: $0.code, label: GrantsPages.plainText($0.title, context.locale, fallback: $0.code)) },
                             selected: query.call, blankLabel: t("grants.any_call"), t: t)
                Forms.select(name: "lot", label: t("grants.lot"), choices: model.lots.map { Choice(value: $0.code, label: GrantsPages.plainText($0.title, context.locale, fallback: $0.code)) }
                    .reduce(into: [Choice]()) { list, choice in if !list.contains(where: { $0.value == choice.value }) { list.append(choice) } },
                             selected: query.lot, blankLabel: t("grants.any_lot"), t: t)
                Forms.select(name: "state", label: t("grants.state"), choices: Grants.ApplicationState.allCases.map { Choice(value: $0.rawValue, label: t("grants.state.\($0.rawValue)")) },
                             selected: query.state, blankLabel: t("grants.staff.any_state"), t: t)
                Forms.select(name: "country", label: t("grants.country"), choices: GrantsSeed.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: query.country, blankLabel: t("grants.staff.any_country"), t: t)
                Forms.checkboxes(name: "flagged", legend: t("grants.staff.flagged_filter"), choices: [Choice(value: "1", label: t("grants.staff.only_flagged"))],
                                 selected: query.flagged ? ["1"] : [], t: t)
                Forms.text(name: "q", label: t("grants.staff.search"), value: query.q, t: t)
                Forms.submit(t("grants.staff.filter"), secondary: true)
            }
            el("p", Attribute("role", "status")) { t.plural("grants.staff.count", count: model.info.total) }
            Tables.table(
                caption: t("grants.staff.list_caption"),
                columns: [Column(t("grants.reference")), Column(t("grants.application_title")), Column(t("grants.apply.organisation")), Column(t("grants.country")),
                          Column(t("grants.lot")), Column(t("grants.state")), Column(t("grants.budget.requested_total"), numeric: true),
                          Column(t("grants.ranking.reviews"), numeric: true), Column(t("grants.ranking.mean"), numeric: true), Column(t("grants.ranking.flag"))],
                rows: model.rows.map { application in
                    let lot = lots[application.lotID]
                    return [
                        el("a", .href(context.link(GrantsURL.staffApplication(application.pathID)))) { application.reference },
                        .text(application.title.isEmpty ? t("grants.untitled") : application.title),
                        .text(names[application.organisationID] ?? ""),
                        .text(t("country.\(application.country)")),
                        .text(lot.map { GrantsPages.plainText($0.title, context.locale, fallback: $0.code) } ?? ""),
                        .text(t("grants.state.\(application.stateRaw)")),
                        .text(application.requestedMinor.map { GrantsPages.money($0, currencies[application.callID] ?? .eur, context.locale) } ?? "–"),
                        .text(t.integer(application.validReviews)),
                        .text(GrantsMessages.points(ApplicationStore.ratio(Substring(application.scoreMean)), t: t)),
                        .text(application.scoreFlagged ? t("grants.ranking.flagged") : ""),
                    ]
                },
                sort: nil, link: link, t: t)
            Tables.pagination(model.info, link: link, t: t)
        }
    }

    // MARK: one application

    struct ApplicationModel {
        var bundle: ApplicationBundle
        var roles: Set<Grants.Role>
        var reviews: [GrantReview]
        var reviewers: [User]
        var candidates: [User]
        var attachments: [GrantAttachment]
        var coApplicants: [Organisation]
        var aggregate: Grants.AggregateScore
        var totals: Grants.BudgetTotals?
        var history: [AuditEntry]
        var grant: Grant?
        var errors: [FieldError]
        var refusal: String?
        var typed: [String: String]
    }

    static func application(_ model: ApplicationModel, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let application = bundle.application
        let state = application.state
        let isOffice = model.roles.contains(.staff) || model.roles.contains(.admin)
        let title = t("grants.staff.application_title", ["reference": application.reference])
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [
            Crumb(t("grants.staff.list_title"), href: context.link(GrantsURL.staffApplications(["call": bundle.call.code]))), Crumb(application.reference),
        ])) {
            el("h1") { title }
            if let refusal = model.refusal {
                el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "refusal-title"), Attribute("tabindex", "-1")) {
                    el("h2", .id("refusal-title")) { t("grants.transition.refused") }
                    el("p") { refusal }
                }
            }
            Forms.errorSummary(model.errors, t: t)
            ApplicantPages.summaryList(bundle, context: context)
            if let submitted = application.submittedAt {
                el("p") { t("grants.apply.submitted_at", ["time": GrantsPages.instant(submitted, in: bundle.call.timeZone, t: t)]) }
            }
            if let grant = model.grant {
                el("p") {
                    el("a", .href(context.link(GrantsURL.staffGrant(grant.id!.uuidString.lowercased())))) { t("grants.award.view", ["identifier": grant.identifier]) }
                }
            }

            if isOffice && state == .submitted {
                el("section", .aria("labelledby", "screening-title")) {
                    el("h2", .id("screening-title")) { t("grants.screening.title") }
                    form(context.link(GrantsURL.screening(application.pathID)), context) {
                        el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                        Forms.checkboxes(name: "checks[]", legend: t("grants.screening.checklist"),
                                         choices: EvaluationRoutes.screeningChecks.map { Choice(value: $0, label: t("grants.screening.check.\($0)")) },
                                         selected: model.typed["checks"].map { Set($0.split(separator: " ").map(String.init)) } ?? Set(application.screening.filter(\.value).keys),
                                         errors: model.errors, t: t)
                        Forms.textarea(name: "note", label: t("grants.screening.note"), value: model.typed["note"] ?? application.screeningNote,
                                       hint: t("grants.screening.note_hint"), errors: model.errors, rows: 4, t: t)
                        el("div", .class("button-group")) {
                            el("button", .type("submit"), .name("outcome"), .value("eligible"), .class("button")) { t("grants.event.mark-eligible") }
                            el("button", .type("submit"), .name("outcome"), .value("ineligible"), .class("button button-secondary")) { t("grants.event.mark-ineligible") }
                        }
                    }
                }
            } else if !application.screening.isEmpty {
                el("h2") { t("grants.screening.title") }
                el("ul") {
                    for check in EvaluationRoutes.screeningChecks {
                        el("li") { t("grants.screening.check.\(check)") + ": " + t(application.screening[check] == true ? "grants.screening.passed" : "grants.screening.failed") }
                    }
                }
                if !application.screeningNote.isEmpty { el("p", .class("prewrap")) { application.screeningNote } }
            }

            el("section", .aria("labelledby", "reviews-title")) {
                el("h2", .id("reviews-title")) { t("grants.reviewers.title") }
                reviewsTable(model, context: context)
                aggregateList(model.aggregate, call: bundle.call, context: context)
                if isOffice && [.eligible, .inReview].contains(state) {
                    if model.candidates.isEmpty {
                        el("p") { t("grants.reviewers.none_available") }
                    } else {
                        form(context.link(GrantsURL.reviewers(application.pathID)), context) {
                            Forms.select(name: "reviewer", label: t("grants.reviewers.assign_label"),
                                         choices: model.candidates.map { Choice(value: $0.id!.uuidString.lowercased(), label: "\($0.name) (\($0.email))") },
                                         selected: nil, blankLabel: t("grants.apply.choose"),
                                         hint: t("grants.reviewers.assign_hint", ["minimum": t.integer(max(2, bundle.call.minimumReviews))]), errors: model.errors, t: t)
                            Forms.submit(t("grants.reviewers.assign"), secondary: true)
                        }
                    }
                }
            }

            actions(model, context: context)

            if !application.appealText.isEmpty {
                el("h2") { t("grants.appeal.title") }
                el("p", .class("prewrap")) { application.appealText }
                if !application.appealReason.isEmpty { el("p", .class("prewrap")) { application.appealReason } }
            }
            if !application.decisionReason.isEmpty {
                el("h2") { t("grants.decision.title") }
                el("p", .class("prewrap")) { application.decisionReason }
            }

            el("h2") { t("grants.apply.your_answers_staff") }
            ApplicantPages.answersList(bundle, attachments: model.attachments, coApplicants: model.coApplicants, context: context)
            if !model.attachments.isEmpty {
                el("ul") {
                    for file in model.attachments {
                        el("li") { el("a", .href(context.link(GrantsURL.attachment(application.pathID, file.id!.uuidString.lowercased())))) { file.shownName } }
                    }
                }
            }
            el("h2") { t("grants.budget.title") }
            ApplicantPages.budgetSummary(bundle, totals: model.totals, context: context)
            history(model.history, timeZone: bundle.call.timeZone, context: context)
        }
    }

    static func reviewsTable(_ model: ApplicationModel, context: PageContext) -> Node {
        let t = context.t
        let valid = Dictionary(model.aggregate.reviews.map { ($0.reviewerId, $0) }, uniquingKeysWith: { first, _ in first })
        guard !model.reviews.isEmpty else { return el("p") { t("grants.reviewers.none") } }
        return Tables.table(
            caption: t("grants.reviewers.caption"),
            columns: [Column(t("grants.reviewers.reviewer")), Column(t("grants.reviewers.declaration")), Column(t("grants.reviewers.total"), numeric: true),
                      Column(t("grants.reviewers.recommendation")), Column(t("grants.reviewers.comment"))],
            rows: model.reviews.map { review in
                let reviewer = model.reviewers.first { $0.id == review.reviewerID }
                let total = valid[review.reviewerID.uuidString.lowercased()]?.total
                return [
                    .text(reviewer?.name ?? ""),
                    .text(t("grants.declaration.\(review.declarationRaw)") + (review.conflictNote.isEmpty ? "" : " — " + review.conflictNote)),
                    .text(review.submittedAt == nil ? t("grants.reviewers.pending") : GrantsMessages.points(total, t: t)),
                    .text(review.recommendation.isEmpty ? "" : t("grants.recommendation.\(review.recommendation)")),
                    el("span", .class("prewrap")) { review.comment },
                ]
            },
            sort: nil, link: { _ in "" }, t: t)
    }

    static func aggregateList(_ aggregate: Grants.AggregateScore, call: GrantCall, context: PageContext) -> Node {
        let t = context.t
        return el("dl", .class("summary-list")) {
            el("dt") { t("grants.ranking.reviews") }
            el("dd") { t("grants.ranking.valid_of", ["valid": t.integer(aggregate.reviews.count), "minimum": t.integer(max(2, call.minimumReviews))]) }
            el("dt") { t("grants.ranking.mean") }
            el("dd") { GrantsMessages.points(aggregate.mean, t: t) }
            el("dt") { t("grants.ranking.spread") }
            el("dd") {
                GrantsMessages.points(aggregate.spread, t: t)
                if aggregate.spreadFlagged {
                    " "
                    el("strong", .class("tag tag-warning")) { t("grants.ranking.flagged_explained", ["threshold": t.integer(call.spreadThreshold)]) }
                }
            }
        }
    }

    static func actions(_ model: ApplicationModel, context: PageContext) -> Node {
        let t = context.t
        let application = model.bundle.application
        let hidden: Set<Grants.ApplicationEvent> = [.submit, .withdraw, .appeal, .markEligible, .markIneligible]
        var events: [Grants.ApplicationEvent] = []
        for role in model.roles.sorted(by: { $0.rawValue < $1.rawValue }) {
            for event in Grants.ApplicationLifecycle.allowedEvents(in: application.state, for: role) where !hidden.contains(event) && !events.contains(event) {
                events.append(event)
            }
        }
        let committeeWaits = !model.roles.contains(.committee) && [.reviewed, .reserveList, .appealed].contains(application.state)
        return el("section", .aria("labelledby", "actions-title")) {
            el("h2", .id("actions-title")) { t("grants.transition.title") }
            if events.isEmpty {
                el("p") { t(committeeWaits ? "grants.transition.committee_only" : "grants.transition.none") }
            }
            for event in events {
                form(context.link(GrantsURL.transition(application.pathID)), context) {
                    el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                    el("input", .type("hidden"), .name("event"), .value(event.rawValue))
                    if EvaluationRoutes.decisionEvents.contains(event) {
                        Forms.textarea(name: "note_\(event.rawValue)", label: t("grants.decision.reason_for", ["event": t("grants.event.\(event.rawValue)")]),
                                       value: model.typed["note_\(event.rawValue)"], hint: t("grants.decision.reason_hint"), errors: model.errors, rows: 3, t: t)
                        el("input", .type("hidden"), .name("note_field"), .value("note_\(event.rawValue)"))
                    }
                    Forms.submit(t("grants.event.\(event.rawValue)"), secondary: !EvaluationRoutes.decisionEvents.contains(event))
                }
            }
        }
    }

    static func history(_ entries: [AuditEntry], timeZone: TimeZone, context: PageContext) -> Node {
        let t = context.t
        return fragment {
            el("h2") { t("grants.history.title") }
            Tables.table(
                caption: t("grants.history.caption"),
                columns: [Column(t("grants.history.when")), Column(t("grants.history.who")), Column(t("grants.history.what"))],
                rows: entries.map { entry in
                    [.text(entry.at.map { GrantsPages.instant($0, in: timeZone, t: t) } ?? ""),
                     .text(entry.actorLabel == "system" ? t("grants.history.system") : entry.actorLabel), .text(actionLabel(entry.action, t: t))]
                },
                sort: nil, link: { _ in "" }, t: t)
        }
    }

    /// An audit action in words: `grants.application.award` → "Award a grant".
    static func actionLabel(_ action: String, t: Translator) -> String {
        for prefix in ["grants.application.", "grants.review."] where action.hasPrefix(prefix) {
            let rest = String(action.dropFirst(prefix.count))
            if prefix == "grants.application.", Grants.ApplicationEvent(rawValue: rest) != nil { return t("grants.event.\(rest)") }
            let key = "grants.history.\(prefix == "grants.review." ? "review-" : "")\(rest)"
            if t.has(key) { return t(key) }
        }
        return action
    }
}
