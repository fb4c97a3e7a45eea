// ApplicantPages: preview, receipt, decision letter, status, decision and appeal.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

extension ApplicantPages {
    // MARK: preview

    struct PreviewModel {
        var bundle: ApplicationBundle
        var problems: [FieldError]
        var attachments: [GrantAttachment]
        var coApplicants: [Organisation]
        var totals: Grants.BudgetTotals?
        var now: Date
        var refusal: String?
    }

    static func answersList(_ bundle: ApplicationBundle, attachments: [GrantAttachment], coApplicants: [Organisation], context: PageContext) -> Node {
        let t = context.t
        let application = bundle.application
        let form = bundle.call.form
        let visible = Set(form.visibleQuestions(given: application.answers).map(\.id))
        return el("dl", .class("summary-list")) {
            el("dt") { t("grants.application_title") }
            el("dd") { application.title }
            el("dt") { t("grants.apply.summary") }
            el("dd") { el("p", .class("prewrap")) { application.summary } }
            el("dt") { t("grants.duration") }
            el("dd") { application.durationMonths.map { t.plural("grants.duration_months", count: $0) } ?? "–" }
            if !bundle.lot.resultsMenu.isEmpty {
                el("dt") { t("grants.results_menu") }
                el("dd") { bundle.lot.resultsMenu.filter { application.results.contains($0.id) }
                    .map { GrantsPages.plainText($0.title, context.locale, fallback: $0.id) }.joined(separator: "; ") }
            }
            el("dt") { t("grants.apply.co_applicants") }
            el("dd") { coApplicants.isEmpty ? t("grants.apply.none") : coApplicants.map(\.name).joined(separator: "; ") }
            for question in form.sections.flatMap(\.questions) where visible.contains(question.id) {
                el("dt") { text(question.title, context.locale) }
                el("dd") {
                    let values = application.answers[question.id] ?? []
                    if values.isEmpty {
                        "–"
                    } else if question.kind == .file {
                        attachments.filter { values.contains($0.id!.uuidString.lowercased()) }.map(\.shownName).joined(separator: "; ")
                    } else if question.kind == .singleChoice || question.kind == .multipleChoice {
                        question.choices.filter { values.contains($0.id) }.map { text($0.title, context.locale) }.joined(separator: "; ")
                    } else {
                        el("p", .class("prewrap")) { values.joined(separator: "\n") }
                    }
                }
            }
        }
    }

    static func budgetSummary(_ bundle: ApplicationBundle, totals: Grants.BudgetTotals?, context: PageContext) -> Node {
        let t = context.t
        let rows = bundle.application.budget.filter { !$0.isBlank }
        return fragment {
            Tables.table(
                caption: t("grants.budget.caption"),
                columns: [Column(t("grants.budget.category")), Column(t("grants.budget.description")), Column(t("grants.budget.quantity"), numeric: true),
                          Column(t("grants.budget.unit_cost"), numeric: true), Column(t("grants.budget.requested"), numeric: true),
                          Column(t("grants.budget.co_financing"), numeric: true)],
                rows: rows.map { row in
                    [.text(t.has("grants.budget.category.\(row.category)") ? t("grants.budget.category.\(row.category)") : row.category),
                     .text(row.description), .text("\(row.quantity) \(row.unit)"), .text(row.unitCost), .text(row.requested), .text(row.coFinancing)]
                },
                sort: nil, link: { _ in "" }, t: t)
            totalsList(totals, context: context)
        }
    }

    static func preview(_ model: PreviewModel, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let application = bundle.application
        let title = t("grants.apply.preview_title", ["reference": application.reference])
        let onTime = bundle.call.window.isOnTime(model.now) && bundle.call.status == .open
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference, href: context.link(GrantsURL.application(application.pathID))),
                                                                               Crumb(t("grants.apply.preview"))])) {
            el("h1") { title }
            if let refusal = model.refusal {
                el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "refusal-title"), Attribute("tabindex", "-1")) {
                    el("h2", .id("refusal-title")) { t("grants.apply.not_submitted") }
                    el("p") { refusal }
                }
            }
            summaryList(bundle, context: context)
            if !model.problems.isEmpty {
                el("section", .class("problems"), .aria("labelledby", "problems-title")) {
                    el("h2", .id("problems-title")) { t.plural("grants.apply.problems", count: model.problems.count) }
                    el("ul") {
                        for problem in model.problems {
                            el("li") { el("a", .href(context.link(GrantsURL.application(application.pathID)) + "#" + fieldAnchor(problem.field))) { problem.message } }
                        }
                    }
                }
            }
            el("h2") { t("grants.apply.your_answers") }
            answersList(bundle, attachments: model.attachments, coApplicants: model.coApplicants, context: context)
            el("h2") { t("grants.budget.title") }
            budgetSummary(bundle, totals: model.totals, context: context)
            el("p") { el("a", .href(context.link(GrantsURL.application(application.pathID)))) { t("grants.apply.back_to_edit") } }
            if model.problems.isEmpty && onTime {
                form(context.link(GrantsURL.submit(application.pathID)), context) {
                    el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                    el("p") { t("grants.apply.submit_intro", ["deadline": GrantsPages.instant(bundle.call.deadline, in: bundle.call.timeZone, t: t)]) }
                    Forms.submit(t("grants.apply.submit"))
                }
            } else if !onTime {
                el("p") { t("grants.apply.late", ["deadline": GrantsPages.instant(bundle.call.deadline, in: bundle.call.timeZone, t: t)]) }
            }
        }
    }

    /// The anchor of a form field: the same rule as `Forms.fieldID`.
    static func fieldAnchor(_ name: String) -> String {
        let base = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
        return "f-" + base.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "")
    }

    // MARK: receipt

    static func receipt(_ bundle: ApplicationBundle, context: PageContext) -> String {
        let t = context.t
        let application = bundle.application
        let title = t("grants.receipt.title", ["reference": application.reference])
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference, href: context.link(GrantsURL.application(application.pathID))),
                                                                               Crumb(t("grants.receipt.crumb"))])) {
            el("div", .class("panel"), Attribute("role", "status")) {
                el("h1") { title }
                el("p") { t("grants.receipt.body", [
                    "time": application.submittedAt.map { GrantsPages.instant($0, in: bundle.call.timeZone, t: t) } ?? "",
                    "reference": application.reference,
                ]) }
            }
            el("p") { t("grants.receipt.email") }
            el("p") { el("a", .href(context.link(GrantsURL.application(application.pathID)))) { t("grants.receipt.view") } }
        }
    }

    // MARK: decision letter

    static func letter(_ bundle: ApplicationBundle, event: Grants.ApplicationEvent, decidedAt: Date, context: PageContext) -> String {
        let t = context.t
        let application = bundle.application
        let call = bundle.call
        var arguments = [
            "reference": application.reference, "title": application.title, "organisation": bundle.organisation.name,
            "call": GrantsPages.plainText(call.title, context.locale, fallback: call.code),
            "reason": event == .upholdAppeal || event == .dismissAppeal ? application.appealReason : application.decisionReason,
        ]
        arguments["deadline"] = application.appealDeadline.map { GrantsPages.instant($0, in: call.timeZone, t: t) } ?? ""
        let title = t("grants.letter.subject", ["reference": application.reference])
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference, href: context.link(GrantsURL.application(application.pathID))),
                                                                               Crumb(t("grants.letter.crumb"))])) {
            el("article", .class("letter"), .aria("labelledby", "letter-title")) {
                el("p") { bundle.programme.name + " · " + bundle.programme.donor }
                el("p") { el("time", Attribute("datetime", ISO8601DateFormatter().string(from: decidedAt))) { t.date(decidedAt, timeZone: call.timeZone) } }
                el("p") { bundle.organisation.name + (bundle.organisation.municipality.isEmpty ? "" : ", " + bundle.organisation.municipality) }
                el("h1", .id("letter-title")) { title }
                for paragraph in t("grants.letter.\(event.rawValue)", arguments).components(separatedBy: "\n\n") where !paragraph.isEmpty {
                    el("p", .class("prewrap")) { paragraph }
                }
                el("p") { t("grants.letter.signature") }
            }
            el("p", .class("no-print")) { el("a", .href(context.link(GrantsURL.application(application.pathID)))) { t("grants.receipt.view") } }
        }
    }

    // MARK: status, decision, appeal

    struct StatusModel {
        var bundle: ApplicationBundle
        var attachments: [GrantAttachment]
        var grant: Grant?
        var appealText: String
        var errors: [FieldError]
        var now: Date
    }

    static func status(_ model: StatusModel, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let application = bundle.application
        let state = application.state
        let title = t("grants.apply.status_title", ["reference": application.reference])
        let decided: Set<Grants.ApplicationState> = [.awarded, .reserveList, .rejected, .ineligible, .appealed, .appealUpheld, .appealDismissed, .closed]
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference)])) {
            el("h1") { title }
            Forms.errorSummary(model.errors, t: t)
            summaryList(bundle, context: context)
            if let submitted = application.submittedAt {
                el("p") { t("grants.apply.submitted_at", ["time": GrantsPages.instant(submitted, in: bundle.call.timeZone, t: t)]) }
            }
            el("p") { t("grants.state_explained.\(state.rawValue)") }
            if decided.contains(state), !application.decisionReason.isEmpty {
                el("h2") { t("grants.decision.title") }
                el("p", .class("prewrap")) { application.decisionReason }
                el("p") { el("a", .href(context.link(GrantsURL.letter(application.pathID)))) { t("grants.letter.link") } }
            }
            if let grant = model.grant {
                el("p") {
                    el("a", .href(context.link(GrantsURL.granteeGrant(grant.id!.uuidString.lowercased())))) { t("grants.award.view", ["identifier": grant.identifier]) }
                }
            }
            if state == .appealed || state == .appealUpheld || state == .appealDismissed {
                el("h2") { t("grants.appeal.title") }
                el("p", .class("prewrap")) { application.appealText }
                if !application.appealReason.isEmpty { el("p", .class("prewrap")) { application.appealReason } }
            }
            if [.rejected, .reserveList, .ineligible].contains(state), let deadline = application.appealDeadline {
                el("h2") { t("grants.appeal.title") }
                if model.now < deadline {
                    el("p") { t("grants.appeal.intro", ["deadline": GrantsPages.instant(deadline, in: bundle.call.timeZone, t: t)]) }
                    form(context.link(GrantsURL.appeal(application.pathID)), context) {
                        el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                        Forms.textarea(name: "appeal_text", label: t("grants.appeal.text"), value: model.appealText, hint: t("grants.appeal.hint"),
                                       errors: model.errors, rows: 8, t: t)
                        Forms.submit(t("grants.appeal.submit"))
                    }
                } else {
                    el("p") { t("grants.appeal.error.closed") }
                    if !model.appealText.isEmpty {
                        el("p") { t("grants.appeal.not_sent") }
                        el("blockquote", .class("prewrap")) { model.appealText }
                    }
                }
            }
            if Grants.ApplicationLifecycle.allowedEvents(in: state, for: .applicant).contains(.withdraw) {
                el("h2") { t("grants.apply.withdraw_title") }
                form(context.link(GrantsURL.withdraw(application.pathID)), context) {
                    el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                    Forms.submit(t("grants.apply.withdraw"), secondary: true)
                }
            }
            el("h2") { t("grants.apply.your_answers") }
            answersList(bundle, attachments: model.attachments, coApplicants: [], context: context)
        }
    }
}
