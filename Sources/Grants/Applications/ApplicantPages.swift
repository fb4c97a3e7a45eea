// Applicants' pages: start a draft, the application form (questions, results, budget table with totals,
// attachments), preview with every problem listed, receipt, and the status page with decision and appeal.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

enum ApplicantPages {
    static func form(_ action: String, _ context: PageContext, multipart: Bool = false, autosave: Bool = false, saveFirst: Bool = false,
                     @NodeBuilder content: () -> [Node]) -> Node {
        el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil),
           multipart ? Attribute("enctype", "multipart/form-data") : nil, autosave ? Attribute("data-autosave", nil) : nil,
           saveFirst ? Attribute("data-save-first", nil) : nil) {
            Forms.csrf(context.csrfToken)
            content()
        }
    }

    static func crumbs(_ context: PageContext, _ last: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link("/")), Crumb(context.t("grants.title"), href: context.link("/grants")),
         Crumb(context.t("grants.mine.title"), href: context.link("/grants/applications"))] + last
    }

    static func stateLabel(_ state: Grants.ApplicationState, t: Translator) -> String { t("grants.state.\(state.rawValue)") }

    static func text(_ dictionary: [String: String], _ locale: AppLocale) -> String {
        var localized = LocalizedText()
        localized.values = dictionary
        return GrantsPages.plainText(localized, locale, fallback: dictionary.values.sorted().first ?? "")
    }

    // MARK: start

    static func start(_ item: PublicCall, organisations: [Organisation], selected: (organisation: String?, lot: String?), errors: [FieldError],
                      now: Date, context: PageContext) -> String {
        let t = context.t
        let title = t("grants.apply.start_title", ["call": GrantsPages.plainText(item.call.title, context.locale, fallback: item.call.code)])
        let open = item.call.status == .open && item.call.window.isOnTime(now)
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link("/")), Crumb(t("grants.title"), href: context.link("/grants")),
            Crumb(GrantsPages.plainText(item.call.title, context.locale, fallback: item.call.code), href: context.link("/grants/calls/\(item.call.code)")),
            Crumb(t("grants.apply.start")),
        ]) {
            el("h1") { title }
            Forms.errorSummary(errors, t: t)
            if !open {
                el("p") { t("grants.apply.error.call_not_open") }
            } else if organisations.isEmpty {
                el("p") { t("grants.apply.no_organisation") }
                el("p") { el("a", .href(context.link("/organisations"))) { t("grants.apply.find_organisation") } }
                el("p") { el("a", .href(context.link("/grants/register-organisation"))) { t("grants.registration.link") } }
            } else {
                el("p") { t("grants.apply.start_intro", ["deadline": GrantsPages.instant(item.call.deadline, in: item.call.timeZone, t: t)]) }
                form(context.link("/grants/calls/\(item.call.code)/apply"), context) {
                    Forms.select(name: "organisation", label: t("grants.apply.organisation"),
                                 choices: organisations.map { Choice(value: $0.slug, label: $0.name) }, selected: selected.organisation ?? organisations.first?.slug,
                                 errors: errors, t: t)
                    Forms.select(name: "lot", label: t("grants.lot"),
                                 choices: item.lots.map { Choice(value: $0.code, label: GrantsPages.plainText($0.title, context.locale, fallback: $0.code)) },
                                 selected: selected.lot ?? item.lots.first?.code, errors: errors, t: t)
                    Forms.submit(t("grants.apply.start"))
                }
            }
        }
    }

    // MARK: my applications

    static func mine(applications: [GrantApplication], organisations: [Organisation], calls: [PublicCall], grants: [Grant], context: PageContext) -> String {
        let t = context.t
        let now = Date()
        let open = calls.filter { $0.call.status == .open && $0.call.window.isOnTime(now) }
        return Layout.page(context, title: t("grants.mine.title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link("/")), Crumb(t("grants.title"), href: context.link("/grants")), Crumb(t("grants.mine.title")),
        ]) {
            el("h1") { t("grants.mine.title") }
            if organisations.isEmpty {
                el("p") { t("grants.apply.no_organisation") }
                el("p") { el("a", .href(context.link("/grants/register-organisation"))) { t("grants.registration.link") } }
            }
            if applications.isEmpty {
                el("p") { t("grants.mine.empty") }
            } else {
                Tables.table(
                    caption: t("grants.mine.caption"),
                    columns: [Column(t("grants.reference")), Column(t("grants.application_title")), Column(t("grants.apply.organisation")),
                              Column(t("grants.state")), Column(t("grants.grant"))],
                    rows: applications.map { application in
                        let organisation = organisations.first { $0.id == application.organisationID }
                        let grant = grants.first { $0.applicationID == application.id }
                        return [
                            el("a", .href(context.link(ApplicantRoutes.link(application)))) { application.reference },
                            .text(application.title.isEmpty ? t("grants.untitled") : application.title),
                            .text(organisation?.name ?? ""),
                            .text(stateLabel(application.state, t: t)),
                            grant.map { grant in el("a", .href(context.link("/grants/awarded/\(grant.id!.uuidString.lowercased())"))) { grant.identifier } } ?? .text(""),
                        ]
                    },
                    sort: nil, link: { _ in "" }, t: t)
            }
            if !open.isEmpty {
                el("h2") { t("grants.open_calls") }
                el("ul") {
                    for call in open {
                        el("li") { el("a", .href(context.link("/grants/calls/\(call.call.code)/apply"))) {
                            t("grants.apply.start_title", ["call": GrantsPages.plainText(call.call.title, context.locale, fallback: call.call.code)])
                        } }
                    }
                }
            }
        }
    }

    // MARK: the form

    struct EditModel {
        var bundle: ApplicationBundle
        var input: ApplicationInput
        var errors: [FieldError]
        var attachments: [GrantAttachment]
        var totals: Grants.BudgetTotals?
        var notice: String?
        var now: Date
    }

    static func money(_ money: Grants.Money?, _ context: PageContext) -> String {
        guard let money else { return "–" }
        return Grants.MoneyFormatter.formatWithCurrency(money, locale: GrantsPages.amountLocale(context.locale))
    }

    static func edit(_ model: EditModel, context: PageContext) -> String {
        let t = context.t
        let bundle = model.bundle
        let application = bundle.application
        let input = model.input
        let lot = bundle.lot
        let currency = bundle.currency
        let title = t("grants.apply.edit_title", ["reference": application.reference])
        let late = bundle.call.window.timing(of: model.now) == .late
        let action = context.link(ApplicantRoutes.link(application))
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference)])) {
            el("h1") { title }
            if let notice = model.notice { el("div", .class("notice"), Attribute("role", "status")) { el("p") { notice } } }
            if late {
                el("div", .class("notice"), Attribute("role", "status")) {
                    el("p") { t("grants.apply.late", ["deadline": GrantsPages.instant(bundle.call.deadline, in: bundle.call.timeZone, t: t)]) }
                }
            }
            summaryList(bundle, context: context)
            Forms.errorSummary(model.errors, t: t)
            form(action, context, autosave: true) {
                el("input", .type("hidden"), .name("version"), .value(String(input.version)))
                Forms.text(name: "title", label: t("grants.application_title"), value: input.title, errors: model.errors, t: t)
                Forms.textarea(name: "summary", label: t("grants.apply.summary"),
                               value: input.summary, hint: t("grants.apply.summary_hint", ["maximum": t.integer(ApplicationStore.summaryWordLimit)]),
                               errors: model.errors, rows: 8, t: t)
                Forms.select(name: "duration_months", label: t("grants.duration"),
                             choices: (1...max(1, lot.durationMonths)).map { Choice(value: String($0), label: t.plural("grants.duration_months", count: $0)) },
                             selected: input.durationMonths, blankLabel: t("grants.apply.choose"), errors: model.errors, t: t)
                if !lot.resultsMenu.isEmpty {
                    Forms.checkboxes(name: "results[]", legend: t("grants.results_menu"),
                                     choices: lot.resultsMenu.map { Choice(value: $0.id, label: GrantsPages.plainText($0.title, context.locale, fallback: $0.id)) },
                                     selected: input.results, hint: t.plural("grants.results_minimum", count: lot.minimumResults), errors: model.errors, t: t)
                }
                Forms.textarea(name: "co_applicants", label: t("grants.apply.co_applicants"), value: input.coApplicants,
                               hint: t("grants.apply.co_applicants_hint"), errors: model.errors, rows: 3, t: t)
                for section in bundle.call.form.sections where section.questions.contains(where: { $0.kind != .file }) {
                    el("fieldset", .class("fieldset")) {
                        el("legend") { text(section.title, context.locale) }
                        if let condition = section.showWhen { conditionHint(condition, bundle: bundle, context: context) }
                        for question in section.questions where question.kind != .file {
                            questionField(question, input: input, bundle: bundle, errors: model.errors, context: context)
                        }
                    }
                }
                budgetTable(input.budgetRows, totals: model.totals, currency: currency, errors: model.errors, context: context)
                el("div", .class("button-group")) {
                    el("button", .type("submit"), .name("action"), .value("save"), .class("button")) { t("grants.apply.save") }
                    el("button", .type("submit"), .name("action"), .value("check"), .class("button button-secondary")) { t("grants.apply.save_and_check") }
                }
                // Filled by the autosave script when JavaScript runs; without it the Save button is the way.
                el("p", .id("autosave-status"), .class("hint"), Attribute("role", "status"), Attribute("data-saved", t("grants.apply.autosaved")),
                   Attribute("data-conflict", t("grants.apply.autosave_conflict")), Attribute("data-failed", t("grants.apply.autosave_failed")))
            }
            el("script", Attribute("src", Layout.autosaveScriptPath), Attribute("defer", nil))
            attachmentsSection(model, context: context)
            el("h2") { t("grants.apply.withdraw_title") }
            form(context.link(ApplicantRoutes.link(application, "/withdraw")), context) {
                el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                Forms.submit(t("grants.apply.withdraw"), secondary: true)
            }
        }
    }

    static func summaryList(_ bundle: ApplicationBundle, context: PageContext) -> Node {
        let t = context.t
        return el("dl", .class("summary-list")) {
            el("dt") { t("grants.call") }
            el("dd") { el("a", .href(context.link("/grants/calls/\(bundle.call.code)"))) { GrantsPages.localized(bundle.call.title, context, fallback: bundle.call.code) } }
            el("dt") { t("grants.lot") }
            el("dd") { GrantsPages.localized(bundle.lot.title, context, fallback: bundle.lot.code) }
            el("dt") { t("grants.apply.organisation") }
            el("dd", .id("f-organisation")) { bundle.organisation.name }
            el("dt") { t("grants.grant_amount") }
            el("dd") { t("grants.amount_range", ["min": GrantsPages.money(bundle.lot.minAmountMinor, bundle.currency, context.locale),
                                                 "max": GrantsPages.money(bundle.lot.maxAmountMinor, bundle.currency, context.locale)]) }
            el("dt") { t("grants.co_financing") }
            el("dd") { GrantsMessages.percent(Grants.BasisPoints(bundle.lot.minCoFinancingBasisPoints).ratio, t: t) }
            el("dt") { t("grants.deadline") }
            el("dd") { GrantsPages.instant(bundle.call.deadline, in: bundle.call.timeZone, t: t) }
            el("dt") { t("grants.state") }
            el("dd") { stateLabel(bundle.application.state, t: t) }
        }
    }

    static func conditionHint(_ condition: Grants.FormCondition, bundle: ApplicationBundle, context: PageContext) -> Node {
        let questions = bundle.call.form.sections.flatMap(\.questions)
        guard let question = questions.first(where: { $0.id == condition.question }) else { return .empty }
        let choice = question.choices.first { $0.id == condition.equals }.map { text($0.title, context.locale) } ?? condition.equals
        return el("p", .class("hint")) { context.t("grants.form.only_when", ["question": text(question.title, context.locale), "choice": choice]) }
    }

    static func questionField(_ question: Grants.FormQuestion, input: ApplicationInput, bundle: ApplicationBundle, errors: [FieldError], context: PageContext) -> Node {
        let t = context.t
        let name = "q_\(question.id)"
        let label = text(question.title, context.locale) + (question.required ? "" : " " + t("grants.form.optional"))
        var hints: [String] = []
        let help = text(question.help, context.locale)
        if !help.isEmpty { hints.append(help) }
        if let maxWords = question.maxWords { hints.append(t("grants.form.max_words", ["maximum": t.integer(maxWords)])) }
        if let condition = question.showWhen,
           let other = bundle.call.form.sections.flatMap(\.questions).first(where: { $0.id == condition.question }) {
            let choice = other.choices.first { $0.id == condition.equals }.map { text($0.title, context.locale) } ?? condition.equals
            hints.append(t("grants.form.only_when", ["question": text(other.title, context.locale), "choice": choice]))
        }
        let hint = hints.isEmpty ? nil : hints.joined(separator: " ")
        let value = input.answers[question.id]?.first ?? ""
        switch question.kind {
        case .longText:
            return Forms.textarea(name: name, label: label, value: value, hint: hint, errors: errors, rows: 6, t: t)
        case .singleChoice:
            return Forms.select(name: name, label: label, choices: question.choices.map { Choice(value: $0.id, label: text($0.title, context.locale)) },
                                selected: value, blankLabel: t("grants.apply.choose"), hint: hint, errors: errors, t: t)
        case .multipleChoice:
            return Forms.checkboxes(name: name + "[]", legend: label, choices: question.choices.map { Choice(value: $0.id, label: text($0.title, context.locale)) },
                                    selected: Set(input.answers[question.id] ?? []), hint: hint, errors: errors, t: t)
        case .date:
            return Forms.text(name: name, label: label, value: value, hint: hint ?? t("grants.form.date_hint"), errors: errors, type: "date", t: t)
        case .money:
            return Forms.text(name: name, label: label, value: value, hint: hint ?? t("grants.form.money_hint", ["currency": bundle.currency.code]),
                              errors: errors, width: "10", t: t)
        case .number:
            return Forms.text(name: name, label: label, value: value, hint: hint, errors: errors, width: "10", t: t)
        case .shortText, .file:
            return Forms.text(name: name, label: label, value: value, hint: hint, errors: errors, t: t)
        }
    }

    static func budgetTable(_ rows: [BudgetRowInput], totals: Grants.BudgetTotals?, currency: Grants.Currency, errors: [FieldError], context: PageContext) -> Node {
        let t = context.t
        let categories = ApplicationStore.budgetCategories
        let columns = [("category", t("grants.budget.category")), ("description", t("grants.budget.description")), ("unit", t("grants.budget.unit")),
                       ("quantity", t("grants.budget.quantity")), ("unit_cost", t("grants.budget.unit_cost")),
                       ("requested", t("grants.budget.requested")), ("co_financing", t("grants.budget.co_financing"))]
        return el("section", .aria("labelledby", "budget-title")) {
            el("h2", .id("budget-title")) { t("grants.budget.title") }
            el("p", .class("hint"), .id("budget-hint")) { t("grants.budget.hint", ["currency": currency.code]) }
            el("div", .class("table-wrap")) {
                el("table", .class("table budget")) {
                    el("caption") { t("grants.budget.caption") }
                    el("thead") { el("tr") {
                        el("th", Attribute("scope", "col")) { t("grants.budget.line") }
                        for (_, label) in columns { el("th", Attribute("scope", "col")) { label } }
                    } }
                    el("tbody") {
                        for (index, row) in rows.enumerated() {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { t.integer(index + 1) }
                                for (key, label) in columns {
                                    let name = "budget_\(index)_\(key)"
                                    let invalid = errors.contains { $0.field == name }
                                    let aria = t("grants.budget.cell_label", ["line": t.integer(index + 1), "column": label])
                                    el("td") {
                                        if key == "category" {
                                            el("select", .id("f-\(name)"), .name(name), .class("select" + (invalid ? " input-error" : "")), .aria("label", aria)) {
                                                el("option", .value("")) { "–" }
                                                for category in categories {
                                                    el("option", .value(category.rawValue), row.category == category.rawValue ? .flag("selected") : nil) {
                                                        t("grants.budget.category.\(category.rawValue)")
                                                    }
                                                }
                                            }
                                        } else {
                                            let value = [ "description": row.description, "unit": row.unit, "quantity": row.quantity, "unit_cost": row.unitCost,
                                                          "requested": row.requested, "co_financing": row.coFinancing][key] ?? ""
                                            el("input", .id("f-\(name)"), .name(name), .type("text"), .value(value),
                                               .class("input" + (invalid ? " input-error" : "") + (key == "description" ? "" : " w-8")),
                                               .aria("label", aria), invalid ? .aria("invalid", "true") : nil,
                                               key == "unit_cost" || key == "requested" || key == "co_financing" || key == "quantity" ? Attribute("inputmode", "decimal") : nil)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            totalsList(totals, context: context)
        }
    }

    static func totalsList(_ totals: Grants.BudgetTotals?, context: PageContext) -> Node {
        let t = context.t
        guard let totals else { return el("p", .class("hint")) { t("grants.budget.no_totals") } }
        return el("dl", .class("summary-list")) {
            el("dt") { t("grants.budget.grand_total") }
            el("dd") { money(totals.grandTotal, context) }
            el("dt") { t("grants.budget.requested_total") }
            el("dd") { money(totals.requestedTotal, context) }
            el("dt") { t("grants.budget.co_financing_total") }
            el("dd") { money(totals.coFinancingTotal, context) }
            el("dt") { t("grants.budget.co_financing_share") }
            el("dd") { totals.coFinancingShare.map { GrantsMessages.percent($0, t: t) } ?? "–" }
        }
    }

    static func attachmentsSection(_ model: EditModel, context: PageContext) -> Node {
        let t = context.t
        let bundle = model.bundle
        let application = bundle.application
        let questions = bundle.call.form.sections.flatMap(\.questions).filter { $0.kind == .file }
        guard !questions.isEmpty else { return .empty }
        return el("section", .aria("labelledby", "attachments-title")) {
            el("h2", .id("attachments-title")) { t("grants.apply.attachments") }
            el("p", .class("hint")) { t("grants.apply.attachments_hint", ["size": "5 MB"]) + " " + t("grants.apply.save_before_upload") }
            for question in questions {
                let ids = model.input.answers[question.id] ?? []
                let files = model.attachments.filter { ids.contains($0.id!.uuidString.lowercased()) }
                el("div", .id("f-q_\(question.id)")) {
                    el("h3") { text(question.title, context.locale) + (question.required ? "" : " " + t("grants.form.optional")) }
                    if !files.isEmpty {
                        el("ul") {
                            for file in files {
                                el("li") {
                                    el("a", .href(context.link(ApplicantRoutes.link(application, "/attachments/\(file.id!.uuidString.lowercased())")))) { file.fileName }
                                    " (\(file.kind.uppercased()), \(t.integer(max(1, file.size / 1024))) KB) "
                                    form(context.link(ApplicantRoutes.link(application, "/attachments/\(file.id!.uuidString.lowercased())/delete")), context, saveFirst: true) {
                                        el("button", .type("submit"), .class("button button-secondary"), .aria("label", t("grants.apply.remove_file", ["file": file.fileName]))) {
                                            t("grants.apply.remove")
                                        }
                                    }
                                }
                            }
                        }
                    }
                    form(context.link(ApplicantRoutes.link(application, "/attachments")), context, multipart: true, saveFirst: true) {
                        el("input", .type("hidden"), .name("question"), .value(question.id))
                        Forms.file(name: "file_\(question.id)", label: t("grants.apply.choose_file", ["question": text(question.title, context.locale)]),
                                   accept: ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg",
                                   errors: model.errors.filter { $0.field == "q_\(question.id)" }.map { FieldError(field: "file_\(question.id)", message: $0.message) }, t: t)
                        Forms.submit(t("grants.apply.upload"), secondary: true)
                    }
                }
            }
        }
    }

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
                        attachments.filter { values.contains($0.id!.uuidString.lowercased()) }.map(\.fileName).joined(separator: "; ")
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
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference, href: context.link(ApplicantRoutes.link(application))),
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
                            el("li") { el("a", .href(context.link(ApplicantRoutes.link(application)) + "#" + fieldAnchor(problem.field))) { problem.message } }
                        }
                    }
                }
            }
            el("h2") { t("grants.apply.your_answers") }
            answersList(bundle, attachments: model.attachments, coApplicants: model.coApplicants, context: context)
            el("h2") { t("grants.budget.title") }
            budgetSummary(bundle, totals: model.totals, context: context)
            el("p") { el("a", .href(context.link(ApplicantRoutes.link(application)))) { t("grants.apply.back_to_edit") } }
            if model.problems.isEmpty && onTime {
                form(context.link(ApplicantRoutes.link(application, "/submit")), context) {
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
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference, href: context.link(ApplicantRoutes.link(application))),
                                                                               Crumb(t("grants.receipt.crumb"))])) {
            el("div", .class("panel"), Attribute("role", "status")) {
                el("h1") { title }
                el("p") { t("grants.receipt.body", [
                    "time": application.submittedAt.map { GrantsPages.instant($0, in: bundle.call.timeZone, t: t) } ?? "",
                    "reference": application.reference,
                ]) }
            }
            el("p") { t("grants.receipt.email") }
            el("p") { el("a", .href(context.link(ApplicantRoutes.link(application)))) { t("grants.receipt.view") } }
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
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(application.reference, href: context.link(ApplicantRoutes.link(application))),
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
            el("p", .class("no-print")) { el("a", .href(context.link(ApplicantRoutes.link(application)))) { t("grants.receipt.view") } }
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
                el("p") { el("a", .href(context.link(ApplicantRoutes.link(application, "/letter")))) { t("grants.letter.link") } }
            }
            if let grant = model.grant {
                el("p") { el("a", .href(context.link("/grants/awarded/\(grant.id!.uuidString.lowercased())"))) { t("grants.award.view", ["identifier": grant.identifier]) } }
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
                    form(context.link(ApplicantRoutes.link(application, "/appeal")), context) {
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
                form(context.link(ApplicantRoutes.link(application, "/withdraw")), context) {
                    el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                    Forms.submit(t("grants.apply.withdraw"), secondary: true)
                }
            }
            el("h2") { t("grants.apply.your_answers") }
            answersList(bundle, attachments: model.attachments, coApplicants: [], context: context)
        }
    }
}
