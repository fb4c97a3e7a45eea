// ApplicantPages: the application form.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

extension ApplicantPages {
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
        let action = context.link(GrantsURL.application(application.pathID))
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
            form(context.link(GrantsURL.withdraw(application.pathID)), context) {
                el("input", .type("hidden"), .name("version"), .value(String(application.version)))
                Forms.submit(t("grants.apply.withdraw"), secondary: true)
            }
        }
    }

    static func summaryList(_ bundle: ApplicationBundle, context: PageContext) -> Node {
        let t = context.t
        return el("dl", .class("summary-list")) {
            el("dt") { t("grants.call") }
            el("dd") { el("a", .href(context.link(GrantsURL.call(bundle.call.code)))) { GrantsPages.localized(bundle.call.title, context, fallback: bundle.call.code) } }
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
                                    el("a", .href(context.link(GrantsURL.attachment(application.pathID, file.id!.uuidString.lowercased())))) { file.shownName }
                                    " (\(file.kind.uppercased()), \(t.integer(max(1, file.size / 1024))) KB) "
                                    form(context.link(GrantsURL.deleteAttachment(application.pathID, file.id!.uuidString.lowercased())), context, saveFirst: true) {
                                        el("button", .type("submit"), .class("button button-secondary"), .aria("label", t("grants.apply.remove_file", ["file": file.shownName]))) {
                                            t("grants.apply.remove")
                                        }
                                    }
                                }
                            }
                        }
                    }
                    form(context.link(GrantsURL.attachments(application.pathID)), context, multipart: true, saveFirst: true) {
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
}
