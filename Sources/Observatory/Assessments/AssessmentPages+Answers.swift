// AssessmentPages: services of a wave, the answers for one URL, disagreements and reconciliation.
import Kernel
import DesignSystem
import Foundation
import Localization
import Methods

extension AssessmentPages {
    // MARK: services of a wave

    struct ServiceEdit: Sendable {
        var applicable: Bool
        var proactive: Bool
        var level: String
    }

    struct ServicesModel {
        var wave: AssessmentWave
        var services: [WaveService]
        var errors: [FieldError]
        var edits: [UUID: ServiceEdit]
        var copy: WaveInput
        var templateEdition: String?
        var templateCountries: [String]
    }

    static func services(_ model: ServicesModel, context: PageContext) -> String {
        let t = context.t
        let wave = model.wave
        let waveID = wave.id!.uuidString.lowercased()
        let title = t("assess.services_title", ["wave": wave.name])
        let levels = ["central", "regional", "local"].map { Choice(value: $0, label: t("obs.level.\($0)")) }
        let trail = [Crumb(wave.name, href: context.link(ObservatoryURL.wave(waveID))), Crumb(title)]
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, trail)) {
            Forms.errorSummary(model.errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { t("assess.services_intro") }
            if model.services.isEmpty {
                el("p") { t("assess.no_services") }
            } else {
                el("form", Attribute("method", "post"), Attribute("action", context.link(ObservatoryURL.waveServices(waveID))),
                   Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    Tables.table(
                        caption: t("assess.services_caption"),
                        columns: [Column(t("obs.service")), Column(t("obs.life_event")), Column(t("obs.type")), Column(t("assess.applicable")),
                                  Column(t("assess.proactive")), Column(t("obs.level"))],
                        rows: model.services.map { service in
                            let id = service.id!.uuidString.lowercased()
                            let edit = model.edits[service.id!] ?? ServiceEdit(applicable: service.applicable, proactive: service.proactive, level: service.level)
                            let name = serviceName(service, t: t)
                            let levelError = model.errors.first { $0.field == "level_\(id)" }
                            return [.text(name), .text(t("obs.life_event.\(service.lifeEvent)")), .text(t("obs.type.\(service.serviceType)")),
                                    el("div", .class("checkbox")) {
                                        el("input", .id("f-applicable-\(id)"), .name("applicable[]"), .type("checkbox"), .value(id), edit.applicable ? .flag("checked") : nil)
                                        el("label", .for("f-applicable-\(id)")) { el("span", .class("visually-hidden")) { t("assess.applicable_for", ["service": name]) } }
                                    },
                                    el("div", .class("checkbox")) {
                                        el("input", .id("f-proactive-\(id)"), .name("proactive[]"), .type("checkbox"), .value(id), edit.proactive ? .flag("checked") : nil)
                                        el("label", .for("f-proactive-\(id)")) { el("span", .class("visually-hidden")) { t("assess.proactive_for", ["service": name]) } }
                                    },
                                    fragment {
                                        el("label", .for("f-level_\(id)"), .class("visually-hidden")) { t("assess.level_for", ["service": name]) }
                                        if let levelError { el("p", .class("error-message"), .id("f-level_\(id)-error")) { levelError.message } }
                                        el("select", .id("f-level_\(id)"), .name("level_\(id)"), .class("select" + (levelError == nil ? "" : " input-error")),
                                           levelError == nil ? nil : .aria("describedby", "f-level_\(id)-error")) {
                                            el("option", .value("")) { t("form.choose") }
                                            for choice in levels {
                                                el("option", .value(choice.value), choice.value == edit.level ? .flag("selected") : nil) { choice.label }
                                            }
                                        }
                                    }]
                        },
                        sort: nil, link: { _ in "" }, t: t)
                    Forms.submit(t("form.save"))
                }
            }
            if WaveActivity.copyServices.states.contains(wave.state) {
                el("h2") { t("assess.copy_title") }
                el("form", Attribute("method", "post"), Attribute("action", context.link(ObservatoryURL.copyServices(waveID))),
                   Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    templateFields(model.copy, countries: model.templateCountries, edition: model.templateEdition, errors: model.errors, t: t)
                    Forms.submit(t("assess.copy_button"), secondary: true)
                }
            }
        }
    }

    // MARK: answers for one URL

    struct AnswerModel {
        var wave: AssessmentWave
        var service: WaveService
        var url: WaveURL
        var input: Questionnaire.SheetInput
        var screenshot: String?
        var errors: [FieldError]
        var hasOwnSheet: Bool
        /// Sheets of other researchers (their content is never shown before both have answered).
        var otherSheets: Int
        /// Both sheets, once two researchers have answered.
        var both: [AnswerSheetRecord]
        var names: [UUID: String]
        var choices: [String: String]
    }

    static func answerChoices(_ t: Translator) -> [Choice] {
        [Choice(value: "Y", label: t("obs.yes")), Choice(value: "N", label: t("obs.no")),
         Choice(value: "NR", label: t("obs.not_relevant")), Choice(value: "", label: t("assess.no_answer"))]
    }

    static func answers(_ model: AnswerModel, context: PageContext) -> String {
        let t = context.t
        let wave = model.wave, service = model.service
        let title = t("assess.answers_title", ["service": service.label])
        let waveID = wave.id!.uuidString.lowercased()
        let action = context.link(ObservatoryURL.answers(waveID, model.url.id!.uuidString.lowercased()))
        let trail = [Crumb(wave.name, href: context.link(ObservatoryURL.wave(waveID))), Crumb(service.number)]
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, trail)) {
            Forms.errorSummary(model.errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { el("code", .class("secret")) { model.url.url } }
            el("p") { el("a", .href(model.url.url), Attribute("rel", "noopener noreferrer")) { t("assess.open_url") } }
            el("dl", .class("summary-list")) {
                el("dt") { t("obs.life_event") }
                el("dd") { t("obs.life_event.\(service.lifeEvent)") }
                el("dt") { t("obs.scope") }
                el("dd") { t("obs.scope.\(service.scope)") }
                el("dt") { t("obs.type") }
                el("dd") { t("obs.type.\(service.serviceType)") }
                el("dt") { t("obs.level") }
                el("dd") { t("obs.level.\(service.level)") }
            }
            if model.both.count == 2 {
                el("p") { t("assess.both_answered") }
                comparison(model, t: t)
            } else if !model.hasOwnSheet && model.otherSheets >= 2 {
                el("p") { t("assess.refusal.two_answered") }
            } else if wave.state != .collecting {
                el("p") { t("assess.answers_closed", ["state": t("assess.state.\(wave.state.rawValue)")]) }
            } else {
                if model.otherSheets > 0 { el("p", .class("hint")) { t("assess.other_answered") } }
                answerForm(model, action: action, context: context)
            }
        }
    }

    static func answerForm(_ model: AnswerModel, action: String, context: PageContext) -> Node {
        let t = context.t
        let input = model.input
        return el("form", Attribute("method", "post"), Attribute("action", action), Attribute("enctype", "multipart/form-data"), Attribute("novalidate", nil)) {
            Forms.csrf(context.csrfToken)
            el("p", .class("hint")) { t(model.service.scope == "cross-border" ? "assess.form_hint_cross_border" : "assess.form_hint") }
            for group in Questionnaire.groups(scope: model.service.scope) {
                el("fieldset", .class("fieldset question-group")) {
                    el("legend") { el("h2") { t(group.legendKey) } }
                    for question in group.questions {
                        switch question.kind {
                        case .yesNo:
                            radios(name: question.field, legend: question.code.replacingOccurrences(of: "_", with: ".") + " " + t(question.key),
                                   choices: answerChoices(t), selected: input.answers[question.code] ?? "", errors: model.errors, t: t)
                        case .number:
                            Forms.text(name: question.field, label: t(question.key), value: input.answers[question.code] ?? "",
                                       hint: t("assess.mf_hint"), errors: model.errors, width: "short", t: t)
                        }
                    }
                }
            }
            el("fieldset", .class("fieldset question-group")) {
                el("legend") { el("h2") { t("assess.evidence") } }
                Forms.textarea(name: "note", label: t("assess.note"), value: input.note, hint: t("assess.note_hint"), errors: model.errors, rows: 4, t: t)
                Forms.text(name: "observed_on", label: t("assess.observed_on"), value: input.observedOn, hint: t("assess.date_hint"),
                           errors: model.errors, type: dateType(input.observedOn), width: "short", t: t)
                if let screenshot = model.screenshot {
                    el("input", .type("hidden"), .name("screenshot_kept"), .value(screenshot))
                    el("p") { el("a", .href(context.link(ObservatoryURL.file(screenshot)))) { t("assess.screenshot_current") } }
                    el("div", .class("checkbox field")) {
                        el("input", .id("f-screenshot_remove"), .name("screenshot_remove"), .type("checkbox"), .value("1"))
                        el("label", .for("f-screenshot_remove")) { t("assess.screenshot_remove") }
                    }
                }
                Forms.file(name: "screenshot", label: t("assess.screenshot"), hint: t("assess.screenshot_hint"),
                           accept: "image/png,image/jpeg,image/webp", errors: model.errors, t: t)
            }
            Forms.submit(t("assess.save_answers"))
            el("button", .type("submit"), .name("then"), .value("next"), .class("button button-secondary")) { t("assess.save_and_next") }
        }
    }

    static func comparison(_ model: AnswerModel, t: Translator) -> Node {
        let first = model.both[0], second = model.both[1]
        let a = first.answers, b = second.answers
        return Tables.table(
            caption: t("assess.comparison_caption"),
            columns: [Column(t("obs.question")), Column(model.names[first.researcherID] ?? "1"), Column(model.names[second.researcherID] ?? "2"),
                      Column(t("assess.reconciled_value"))],
            rows: Questionnaire.questions(scope: model.service.scope).map { question in
                let x = a[question.code] ?? "", y = b[question.code] ?? ""
                let reconciled = x == y ? answerLabel(x, t: t) : (model.choices[question.code].map { answerLabel($0, t: t) } ?? t("assess.open"))
                return [.text(question.code + " " + t(question.key)), .text(answerLabel(x, t: t)), .text(answerLabel(y, t: t)),
                        x == y ? .text(reconciled) : el("strong") { reconciled }]
            },
            sort: nil, link: { _ in "" }, t: t)
    }

    // MARK: disagreements and reconciliation

    struct DisagreementsModel {
        var wave: AssessmentWave
        var items: [WaveSnapshot.URLDisagreements]
        var names: [UUID: String]
        /// Field name → the token chosen (saved choices, or what was just sent).
        var entered: [String: String]
        var errors: [FieldError]
        var canReconcile: Bool
    }

    static func choiceField(url: UUID, question: String) -> String { "c_\(url.uuidString.lowercased())_\(question)" }
    /// Radio tokens of a reconciliation choice: the stored value, or `none` for "no answer".
    static func choiceToken(_ value: String) -> String { value.isEmpty ? "none" : value }
    static func choiceValue(_ token: String) -> String? { token.isEmpty ? nil : (token == "none" ? "" : token) }

    static func disagreements(_ model: DisagreementsModel, context: PageContext) -> String {
        let t = context.t
        let wave = model.wave
        let title = t("assess.disagreements_title", ["wave": wave.name])
        let count = model.items.reduce(0) { $0 + $1.disagreements.count }
        let waveID = wave.id!.uuidString.lowercased()
        let trail = [Crumb(wave.name, href: context.link(ObservatoryURL.wave(waveID))), Crumb(title)]
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, trail)) {
            Forms.errorSummary(model.errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { t.plural("assess.disagreement_count", count: count) }
            el("p") { t("assess.disagreements_intro") }
            if !model.items.isEmpty {
                Tables.table(
                    caption: t("assess.disagreements_caption"),
                    columns: [Column(t("obs.service")), Column(t("assess.url")), Column(t("obs.question")), Column(t("assess.first_answer")),
                              Column(t("assess.second_answer")), Column(t("assess.reconciled_value"))],
                    rows: model.items.flatMap { item in
                        item.disagreements.map { disagreement -> [Node] in
                            let saved = model.entered[choiceField(url: item.url.id!, question: disagreement.question)].flatMap(choiceValue)
                            return [.text(serviceName(item.service, t: t)), el("code") { item.url.url },
                                    .text(disagreement.question + " " + t("assess.q.\(disagreement.question.lowercased())")),
                                    .text((model.names[item.sheets[0].researcherID] ?? "1") + ": " + answerLabel(disagreement.values[0], t: t)),
                                    .text((model.names[item.sheets[1].researcherID] ?? "2") + ": " + answerLabel(disagreement.values[1], t: t)),
                                    .text(saved.map { answerLabel($0, t: t) } ?? t("assess.open"))]
                        }
                    },
                    sort: nil, link: { _ in "" }, t: t)
            }
            if model.canReconcile && !model.items.isEmpty {
                el("h2") { t("assess.reconcile_title") }
                el("p", .class("hint")) { t("assess.reconcile_hint") }
                el("form", Attribute("method", "post"), Attribute("action", context.link(ObservatoryURL.reconcile(waveID))),
                   Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    for item in model.items {
                        el("fieldset", .class("fieldset question-group")) {
                            el("legend") { el("h3") { serviceName(item.service, t: t) + " — " + item.url.url } }
                            for disagreement in item.disagreements {
                                let name = choiceField(url: item.url.id!, question: disagreement.question)
                                let hint = t("assess.reconcile_values", [
                                    "first": (model.names[item.sheets[0].researcherID] ?? "1") + ": " + answerLabel(disagreement.values[0], t: t),
                                    "second": (model.names[item.sheets[1].researcherID] ?? "2") + ": " + answerLabel(disagreement.values[1], t: t),
                                ])
                                let choices = Reconciliation.choices(for: disagreement).map { Choice(value: choiceToken($0), label: answerLabel($0, t: t)) }
                                radios(name: name, legend: disagreement.question + " " + t("assess.q.\(disagreement.question.lowercased())"), hint: hint,
                                       choices: choices, selected: model.entered[name], errors: model.errors, t: t)
                            }
                        }
                    }
                    Forms.submit(t("assess.reconcile_button"))
                }
            } else if wave.state == .reconciling && !model.items.isEmpty {
                el("p") { t("assess.refusal.own_answers") }
            } else if wave.state == .collecting {
                el("p") { t("assess.reconcile_later") }
            }
        }
    }
}
