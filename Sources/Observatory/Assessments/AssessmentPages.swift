// Staff pages of the network's own assessments: waves, services, the answer form, disagreements.
// Forms work without JavaScript; every answer is a radio group in a fieldset with a legend, so a researcher
// moves through the questionnaire with Tab and the arrow keys.
import Kernel
import DesignSystem
import Foundation
import Localization
import Methods

enum AssessmentPages {
    static let defaultMethodVersion = "eGovernment Benchmark method 2020–2023 (method paper, 2nd ed., Feb 2023)"

    /// Countries a wave may measure: the platform's countries the method engine accepts (with XK and BA).
    static let countryChoices: [String] = CountryInfo.all.map(\.code).filter { EGovBenchmark.CountryCode($0) != nil }

    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        let t = context.t
        return [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("obs.title"), href: context.link(ObservatoryURL.home())),
                Crumb(t("assess.title"), href: context.link(ObservatoryURL.assessments()))] + rest
    }

    static func level(_ wave: AssessmentWave, t: Translator) -> String {
        wave.isNational ? t("assess.level.national") : t("assess.level.municipal_named", ["municipality": wave.municipality])
    }

    static func period(_ wave: AssessmentWave, t: Translator) -> String {
        guard let start = CalendarDate.parse(wave.startsOn), let end = CalendarDate.parse(wave.endsOn) else { return "\(wave.startsOn) – \(wave.endsOn)" }
        return t.date(start) + " – " + t.date(end)
    }

    static func answerLabel(_ value: String, t: Translator) -> String {
        switch value {
        case "Y": t("obs.yes")
        case "N": t("obs.no")
        case "NR": t("obs.not_relevant")
        case "": t("assess.no_answer")
        default: value
        }
    }

    static func message(_ refusal: WaveRefusal, t: Translator) -> String {
        switch refusal {
        case .published: t("assess.refusal.published")
        case .notAllowed(_, let state), .wrongState(_, let state): t("assess.refusal.not_allowed", ["state": t("assess.state.\(state.rawValue)")])
        case .noApplicableService: t("assess.refusal.no_service")
        case .noURL: t("assess.refusal.no_url")
        case .urlsLackingAnswers(let count): t.plural("assess.refusal.urls_lacking", count: count)
        case .unresolvedDisagreements(let count): t.plural("assess.refusal.unresolved", count: count)
        }
    }

    /// A radio group of a question (side by side unless `inline` is false): `Forms.radios` with the question class.
    static func radios(name: String, legend: String, hint: String? = nil, choices: [Choice], selected: String?, errors: [FieldError],
                       t: Translator, inline: Bool = true) -> Node {
        Forms.radios(name: name, legend: legend, choices: choices, selected: selected, hint: hint, errors: errors, inline: inline,
                     fieldClass: "field question", t: t)
    }

    /// A date field: `date` while the value is a real date (or empty), else plain text so that what was typed stays.
    static func dateType(_ value: String) -> String { value.isEmpty || CalendarDate.isValid(value) ? "date" : "text" }

    static func stateTag(_ state: WaveState, t: Translator) -> Node {
        el("strong", .class("tag tag-\(state.rawValue)")) { t("assess.state.\(state.rawValue)") }
    }

    // MARK: list

    static func list(waves: [AssessmentWave], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("assess.title"), breadcrumbs: crumbs(context, []).dropLast() + [Crumb(t("assess.title"))]) {
            el("h1") { t("assess.title") }
            el("p", .class("lead")) { t("assess.intro") }
            el("p") { el("a", .href(context.link(ObservatoryURL.newWave())), .class("button")) { t("assess.new_title") } }
            if waves.isEmpty {
                el("p") { t("assess.no_waves") }
            } else {
                Tables.table(
                    caption: t("assess.title"),
                    columns: [Column(t("assess.wave")), Column(t("obs.country")), Column(t("assess.level")), Column(t("assess.period")), Column(t("assess.state"))],
                    rows: waves.map { wave in
                        [el("a", .href(context.link(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))) { wave.name },
                         .text(ObservatoryPages.countryName(wave.country, t: t)),
                         .text(level(wave, t: t)), .text(period(wave, t: t)), stateTag(wave.state, t: t)]
                    },
                    sort: nil, link: { _ in "" }, t: t)
            }
        }
    }

    // MARK: create and edit

    struct WaveInput: Sendable {
        var name = ""
        var country = ""
        var level = "national"
        var municipality = ""
        var startsOn = ""
        var endsOn = ""
        var methodVersion = ""
        var templateCountry = ""
        var lifeEvents: Set<String> = []
    }

    struct WaveFormModel {
        var input: WaveInput
        var errors: [FieldError]
        /// nil when creating.
        var wave: AssessmentWave?
        var templateEdition: String?
        var templateCountries: [String]
    }

    static func lifeEventChoices(_ t: Translator) -> [Choice] {
        EGovBenchmark.LifeEvent.allCases.map { Choice(value: $0.rawValue, label: t("obs.life_event.\($0.rawValue)")) }
    }

    static func templateFields(_ input: WaveInput, countries: [String], edition: String?, errors: [FieldError], t: Translator) -> Node {
        fragment {
            Forms.select(name: "template_country", label: t("assess.template_country"),
                         choices: countries.map { Choice(value: $0, label: ObservatoryPages.countryName($0, t: t)) },
                         selected: input.templateCountry, blankLabel: t("form.choose"),
                         hint: edition.map { t("assess.template_hint", ["edition": $0]) } ?? t("assess.error.no_edition"), errors: errors, t: t)
            Forms.checkboxes(name: "life_events[]", legend: t("assess.life_events"), choices: lifeEventChoices(t), selected: input.lifeEvents,
                             hint: t("assess.life_events_hint"), errors: errors, t: t)
        }
    }

    static func waveForm(_ model: WaveFormModel, context: PageContext) -> String {
        let t = context.t
        let input = model.input
        let title = model.wave == nil ? t("assess.new_title") : t("assess.edit_title", ["wave": model.wave!.name])
        let action = context.link(model.wave.map { ObservatoryURL.editWave($0.id!.uuidString.lowercased()) } ?? ObservatoryURL.newWave())
        var trail: [Crumb] = []
        if let wave = model.wave { trail.append(Crumb(wave.name, href: context.link(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))) }
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, trail + [Crumb(title)])) {
            Forms.errorSummary(model.errors, t: t)
            el("h1") { title }
            el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "name", label: t("assess.name"), value: input.name, hint: t("assess.name_hint"), errors: model.errors, required: true, t: t)
                Forms.select(name: "country", label: t("obs.country"),
                             choices: countryChoices.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: input.country, blankLabel: t("form.choose"), errors: model.errors, t: t)
                radios(name: "level", legend: t("assess.level"),
                       choices: [Choice(value: "national", label: t("assess.level.national")), Choice(value: "municipal", label: t("assess.level.municipal"))],
                       selected: input.level, errors: model.errors, t: t)
                Forms.text(name: "municipality", label: t("assess.municipality"), value: input.municipality, hint: t("assess.municipality_hint"),
                           errors: model.errors, t: t)
                Forms.text(name: "starts_on", label: t("assess.starts_on"), value: input.startsOn, hint: t("assess.date_hint"),
                           errors: model.errors, type: dateType(input.startsOn), width: "short", t: t)
                Forms.text(name: "ends_on", label: t("assess.ends_on"), value: input.endsOn, hint: t("assess.date_hint"),
                           errors: model.errors, type: dateType(input.endsOn), width: "short", t: t)
                Forms.text(name: "method_version", label: t("assess.method_version"), value: input.methodVersion,
                           hint: t("assess.method_version_hint"), errors: model.errors, t: t)
                if model.wave == nil {
                    templateFields(input, countries: model.templateCountries, edition: model.templateEdition, errors: model.errors, t: t)
                }
                Forms.submit(model.wave == nil ? t("assess.create") : t("form.save"))
            }
        }
    }

    // MARK: one wave

    struct URLInput: Sendable {
        var service = ""
        var url = ""
    }

    struct WaveModel {
        var snapshot: WaveSnapshot
        var user: User
        var urlInput: URLInput
        var errors: [FieldError]
        var stateError: String?
        var publishedEdition: Edition?
    }

    static func serviceName(_ service: WaveService, t: Translator) -> String {
        // Benchmark labels start with the service number, e.g. "2.1 Submit small claims procedure".
        service.label + (service.scope == "cross-border" ? " (\(t("obs.scope.cross-border")))" : "")
    }

    static func wave(_ model: WaveModel, context: PageContext) -> String {
        let t = context.t
        let snapshot = model.snapshot
        let wave = snapshot.wave
        let waveID = wave.id!.uuidString.lowercased()
        let readiness = snapshot.readiness
        let canEditURLs = WaveActivity.editURLs.states.contains(wave.state)
        let answeredURLs = snapshot.urls.filter { snapshot.sheets(of: $0).count == 2 }.count
        let disagreements = snapshot.disagreements.reduce(0) { $0 + $1.disagreements.count }
        return Layout.page(context, title: wave.name, breadcrumbs: crumbs(context, [Crumb(wave.name)])) {
            Forms.errorSummary(model.errors, t: t)
            el("h1") { wave.name }
            el("dl", .class("summary-list")) {
                el("dt") { t("assess.state") }
                el("dd") { stateTag(wave.state, t: t) }
                el("dt") { t("obs.country") }
                el("dd") { ObservatoryPages.countryName(wave.country, t: t) }
                el("dt") { t("assess.level") }
                el("dd") { level(wave, t: t) }
                el("dt") { t("assess.period") }
                el("dd") { period(wave, t: t) }
                el("dt") { t("assess.method_version") }
                el("dd") { wave.methodVersion }
                el("dt") { t("assess.template") }
                el("dd") { t("assess.template_value", ["country": ObservatoryPages.countryName(wave.templateCountry, t: t), "edition": wave.templateEdition]) }
            }
            if let edition = model.publishedEdition {
                el("div", .class("flash flash-info"), Attribute("role", "status")) {
                    el("p") {
                        t("assess.published_as", ["edition": edition.name]) + " "
                        el("a", .href(context.link(ObservatoryURL.country(wave.country)))) { t("assess.public_page") }
                    }
                }
            }
            el("h2") { t("assess.progress") }
            el("ul") {
                el("li") { t("assess.progress_services", ["applicable": t.integer(readiness.applicableServices), "total": t.integer(snapshot.services.count)]) }
                el("li") { t("assess.progress_urls", ["both": t.integer(answeredURLs), "total": t.integer(snapshot.urls.count)]) }
                el("li") {
                    t("assess.progress_disagreements", ["count": t.integer(disagreements), "open": t.integer(readiness.unresolvedDisagreements)]) + " "
                    el("a", .href(context.link(ObservatoryURL.disagreements(waveID)))) { t("assess.disagreements_link") }
                }
            }
            if let message = model.stateError {
                el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "state-error-title")) {
                    el("h2", .id("state-error-title")) { t("assess.state_error_title") }
                    el("p") { message }
                }
            }
            if let transition = WaveStateMachine.next(from: wave.state) {
                el("form", Attribute("method", "post"), Attribute("action", context.link(ObservatoryURL.waveState(waveID)))) {
                    Forms.csrf(context.csrfToken)
                    el("input", .type("hidden"), .name("action"), .value(transition.rawValue))
                    el("p", .class("hint")) { t("assess.action_help.\(transition.rawValue)") }
                    Forms.submit(t("assess.action.\(transition.rawValue)"))
                }
            }
            el("ul", .class("downloads")) {
                if wave.state != .published { el("li") { el("a", .href(context.link(ObservatoryURL.editWave(waveID)))) { t("assess.edit_link") } } }
                if WaveActivity.editServices.states.contains(wave.state) {
                    el("li") { el("a", .href(context.link(ObservatoryURL.waveServices(waveID)))) { t("assess.services_link") } }
                }
            }

            el("h2") { t("assess.services_and_urls") }
            if canEditURLs && !snapshot.services.isEmpty {
                el("form", Attribute("method", "post"), Attribute("action", context.link(ObservatoryURL.addURL(waveID))),
                   Attribute("novalidate", nil), .class("filters")) {
                    Forms.csrf(context.csrfToken)
                    el("h3") { t("assess.add_url") }
                    Forms.select(name: "service", label: t("obs.service"),
                                 choices: snapshot.services.filter(\.applicable).map { Choice(value: $0.id!.uuidString, label: t("obs.life_event.\($0.lifeEvent)") + ": " + serviceName($0, t: t)) },
                                 selected: model.urlInput.service, blankLabel: t("form.choose"), errors: model.errors, t: t)
                    Forms.text(name: "url", label: t("assess.url"), value: model.urlInput.url, hint: t("assess.url_hint"), errors: model.errors, type: "url", t: t)
                    Forms.submit(t("assess.add_url_button"))
                }
            }
            if snapshot.services.isEmpty { el("p") { t("assess.no_services") } }
            for event in EGovBenchmark.LifeEvent.allCases {
                let services = snapshot.services.filter { $0.lifeEvent == event.rawValue }
                if !services.isEmpty {
                    Tables.table(
                        caption: t("obs.life_event.\(event.rawValue)"),
                        columns: [Column(t("obs.service")), Column(t("obs.type")), Column(t("obs.level")), Column(t("assess.applicable")), Column(t("assess.urls"))],
                        rows: services.map { service in
                            [fragment { el("span", .id("service-\(service.id!.uuidString.lowercased())")) { serviceName(service, t: t) } },
                             .text(t("obs.type.\(service.serviceType)")), .text(t("obs.level.\(service.level)")),
                             .text(service.applicable ? t("obs.yes") : t("obs.no")),
                             urlList(snapshot.urls(of: service), snapshot: snapshot, user: model.user, canEdit: canEditURLs, context: context)]
                        },
                        sort: nil, link: { _ in "" }, t: t)
                }
            }
        }
    }

    static func urlList(_ urls: [WaveURL], snapshot: WaveSnapshot, user: User, canEdit: Bool, context: PageContext) -> Node {
        let t = context.t
        guard !urls.isEmpty else { return .text(t("assess.no_urls")) }
        let waveID = snapshot.wave.id!.uuidString.lowercased()
        return el("ol", .class("urls")) {
            for url in urls {
                let sheets = snapshot.sheets(of: url)
                let mine = sheets.contains { $0.researcherID == user.id }
                let urlID = url.id!.uuidString.lowercased()
                el("li") {
                    el("a", .href(context.link(ObservatoryURL.answers(waveID, urlID)))) { el("code") { url.url } }
                    el("br")
                    el("span", .class("hint")) {
                        t("assess.sheet_count", ["count": t.integer(sheets.count)]) + " · " + (mine ? t("assess.answered_by_you") : t("assess.not_answered_by_you"))
                    }
                    if canEdit && sheets.isEmpty {
                        el("form", Attribute("method", "post"), Attribute("action", context.link(ObservatoryURL.deleteURL(waveID, urlID))),
                           .class("inline")) {
                            Forms.csrf(context.csrfToken)
                            " "
                            el("button", .type("submit"), .class("link-button")) { t("assess.delete_url") }
                        }
                    }
                }
            }
        }
    }

    static func refusal(wave: AssessmentWave, message: String, context: PageContext) -> String {
        let t = context.t
        let href = context.link(ObservatoryURL.wave(wave.id!.uuidString.lowercased()))
        let trail = [Crumb(wave.name, href: href), Crumb(t("assess.refusal_title"))]
        return Layout.page(context, title: t("assess.refusal_title"), breadcrumbs: crumbs(context, trail)) {
            el("h1") { t("assess.refusal_title") }
            el("p", .class("lead")) { message }
            el("p") { el("a", .href(href)) { t("assess.back_to_wave", ["wave": wave.name]) } }
        }
    }
}
