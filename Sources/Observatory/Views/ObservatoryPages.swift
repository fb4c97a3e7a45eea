// Public pages of the observatory: the comparison, a country, its services, one service, the method.
import Kernel
import DesignSystem
import Foundation
import Localization

enum ObservatoryPages {
    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)),
         Crumb(context.t("obs.title"), href: context.link(ObservatoryURL.home()))] + rest
    }

    static func countryName(_ code: String, t: Translator) -> String {
        switch code {
        case "EU27+": t("obs.eu27plus")
        case "EU27": t("obs.eu27")
        case "EL": t("country.GR") // the EU writes Greece as EL
        default: t.has("country.\(code)") ? t("country.\(code)") : code
        }
    }

    static func score(_ value: Double?, t: Translator) -> String {
        value.map { t.decimal($0, fractionDigits: 1) } ?? t("ds.no_data")
    }

    /// The line that says whose measurement a figure is, with which method and when.
    static func provenance(_ edition: Edition, t: Translator) -> Node {
        el("p", .class("provenance")) {
            edition.origin == .published
                ? t("obs.provenance_published", ["edition": edition.name, "period": edition.period.replacingOccurrences(of: "+", with: " + "), "source": edition.source])
                : t("assess.public.provenance", ["edition": edition.name, "period": edition.period, "method": edition.methodVersion, "source": edition.source])
        }
    }

    static func downloads(_ links: [(String, String)]) -> Node {
        el("ul", .class("downloads")) {
            for (label, href) in links { el("li") { el("a", .href(href)) { label } } }
        }
    }

    // MARK: home

    struct HomeModel {
        var edition: Edition?
        /// country → measure → value (biennial)
        var scores: [String: [String: Double]]
        var measuredCountries: [String]
        /// The newest published wave of each of the network's series (country and level).
        var network: [PublishedWave] = []
        /// Whether the visitor may open the assessment waves (researchers and staff).
        var showsAssessments = false
    }

    static func home(_ model: HomeModel, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("obs.title"), breadcrumbs: crumbs(context, []).dropLast() + [Crumb(t("obs.title"))]) {
            el("h1") { t("obs.title") }
            el("p", .class("lead")) { t("obs.intro") }
            if model.edition != nil || !model.network.isEmpty {
                if let edition = model.edition { provenance(edition, t: t) }
                let shown = BenchmarkVocabulary.westernBalkans.filter { model.scores[$0] != nil } + (model.edition == nil ? [] : ["EU27+"])
                let title = model.edition.map { t("obs.chart_overall", ["edition": $0.name]) } ?? t("assess.public.chart_overall")
                let networkLabels = model.network.map { WaveResults.place($0.wave, t: t) + " (" + WaveResults.label($0, t: t) + ")" }
                Charts.bars(id: "obs-overall", title: title,
                            data: shown.map { ChartDatum(countryName($0, t: t), model.scores[$0]?["overall"]) }
                                + zip(networkLabels, model.network).map { ChartDatum($0.0, $0.1.scores["overall"]) },
                            valueLabel: t("obs.overall"), t: t)
                Tables.table(
                    caption: model.edition.map { t("obs.table_dimensions", ["edition": $0.name]) } ?? t("assess.public.table_dimensions"),
                    columns: [Column(t("obs.country"))] + ([Column(t("obs.overall"), numeric: true)]
                        + BenchmarkVocabulary.dimensions.map { Column(t("obs.dimension.\($0)"), numeric: true) }),
                    rows: shown.map { code in
                        let name = countryName(code, t: t)
                        let first: Node = code.hasPrefix("EU") ? .text(name) : el("a", .href(context.link(ObservatoryURL.country(code)))) { name }
                        return [first, .text(score(model.scores[code]?["overall"], t: t))]
                            + BenchmarkVocabulary.dimensions.map { .text(score(model.scores[code]?[$0], t: t)) }
                    } + model.network.map { wave in
                        let first = fragment {
                            el("a", .href(context.link(ObservatoryURL.country(wave.wave.country)))) { WaveResults.place(wave.wave, t: t) }
                            el("br")
                            el("span", .class("network-label")) { WaveResults.label(wave, t: t) }
                        }
                        return [first, .text(score(wave.scores["overall"], t: t))]
                            + BenchmarkVocabulary.dimensions.map { .text(score(wave.scores[$0], t: t)) }
                    },
                    sort: nil, link: { _ in "" }, t: t)
                for wave in model.network { WaveResults.note(wave, t: t) }
                if let edition = model.edition {
                    downloads([
                        (t("obs.download_csv"), ObservatoryURL.apiScoresCSV(edition: edition.name, column: "biennial")),
                        (t("obs.download_json"), ObservatoryURL.apiScores(edition: edition.name, column: "biennial")),
                    ])
                }
                if !model.network.isEmpty {
                    downloads([(t("assess.public.download_waves"), ObservatoryURL.apiWaves())])
                }
                el("h2") { t("obs.not_covered_title") }
                el("p") { t("obs.not_covered") }
                el("h2") { t("obs.all_countries") }
                el("ul", .class("columns")) {
                    for code in model.measuredCountries {
                        el("li") { el("a", .href(context.link(ObservatoryURL.country(code)))) { countryName(code, t: t) } }
                    }
                }
            } else {
                el("p") { t("obs.no_edition") }
            }
            el("ul") {
                el("li") { el("a", .href(context.link(ObservatoryURL.unSurvey()))) { t("un.title") } }
                el("li") { el("a", .href(context.link(ObservatoryURL.methodology()))) { t("obs.methodology_link") } }
                if model.showsAssessments {
                    el("li") { el("a", .href(context.link(ObservatoryURL.assessments()))) { t("assess.title") } }
                }
            }
        }
    }

    // MARK: country

    struct CountryModel {
        var edition: Edition
        var country: String
        /// column → measure → value
        var table: [String: [String: Double]]
        var average: [String: [String: Double]]
        var strongest: [PublicService]
        var weakest: [PublicService]
        var serviceCount: Int
        /// The benchmark edition the EU27+ average comes from (differs from `edition` on a wave's page).
        var reference: Edition? = nil
        /// The network's published waves of this country, oldest first.
        var network: [PublishedWave] = []
    }

    static func country(_ model: CountryModel, context: PageContext) -> String {
        let t = context.t
        let name = countryName(model.country, t: t)
        let biennial = model.table["biennial"] ?? [:]
        let average = model.average["biennial"] ?? [:]
        let code = model.country
        let isNetwork = model.edition.origin == .network
        let networkWave = model.network.first { $0.edition.id == model.edition.id }
        let events = BenchmarkVocabulary.lifeEvents.filter { !isNetwork || model.table["life-event-\($0.rawValue)"]?["overall"] != nil }
        return Layout.page(context, title: t("obs.country_title", ["country": name]), breadcrumbs: crumbs(context, [Crumb(name)])) {
            el("h1") { t("obs.country_title", ["country": name]) }
            if networkWave == nil { provenance(model.edition, t: t) }
            if let networkWave {
                WaveResults.note(networkWave, t: t)
                el("p", .class("lead")) {
                    t("assess.public.country_overall", [
                        "country": name, "score": score(biennial["overall"], t: t), "wave": model.edition.name,
                        "label": WaveResults.label(networkWave, t: t), "edition": model.reference?.name ?? "–",
                        "average": score(average["overall"], t: t),
                    ])
                }
            } else {
                el("p", .class("lead")) {
                    t("obs.country_overall", ["country": name, "score": score(biennial["overall"], t: t), "average": score(average["overall"], t: t)])
                }
            }
            Charts.bars(id: "obs-dimensions", title: t("obs.chart_dimensions", ["country": name]),
                        data: BenchmarkVocabulary.dimensions.map { ChartDatum(t("obs.dimension.\($0)"), biennial[$0]) },
                        valueLabel: t("obs.score"), t: t)
            Tables.table(
                caption: t("obs.table_indicators", ["country": name]),
                columns: [Column(t("obs.indicator")), Column(name, numeric: true), Column(t("obs.eu27plus"), numeric: true), Column(t("obs.difference"), numeric: true)],
                rows: BenchmarkVocabulary.indicators.map { indicator in
                    let value = biennial[indicator], reference = average[indicator]
                    let difference = (value != nil && reference != nil) ? value! - reference! : nil
                    return [.text(BenchmarkVocabulary.indicatorNumber(indicator) + " " + t("obs.indicator.\(indicator)")), .text(score(value, t: t)),
                            .text(score(reference, t: t)), .text(difference.map { ($0 > 0 ? "+" : "") + t.decimal($0, fractionDigits: 1) } ?? t("ds.no_data"))]
                },
                sort: nil, link: { _ in "" }, t: t)
            if isNetwork { el("p", .class("hint")) { t("assess.public.portals_missing") } }
            Tables.table(
                caption: t("obs.table_life_events", ["country": name]),
                columns: [Column(t("obs.life_event"))] + [Column(t("obs.overall"), numeric: true)]
                    + BenchmarkVocabulary.dimensions.map { Column(t("obs.dimension.\($0)"), numeric: true) },
                rows: events.map { event in
                    let column = model.table["life-event-\(event.rawValue)"] ?? [:]
                    let label = t("obs.life_event.\(event.rawValue)") + (isNetwork ? "" : " (\(event.year))")
                    return [.text(label), .text(score(column["overall"], t: t))]
                        + BenchmarkVocabulary.dimensions.map { .text(score(column[$0], t: t)) }
                },
                sort: nil, link: { _ in "" }, t: t)
            el("div", .class("cards two")) {
                serviceList(t("obs.strongest"), model.strongest, context: context)
                serviceList(t("obs.weakest"), model.weakest, context: context)
            }
            el("p") {
                el("a", .href(context.link(ObservatoryURL.countryServices(code, edition: isNetwork ? model.edition.name : nil)))) {
                    t.plural("obs.all_services", count: model.serviceCount)
                }
            }
            downloads([
                (t("obs.download_csv"), ObservatoryURL.apiScoresCSV(edition: model.edition.name, country: code)),
                (t("obs.download_json"), ObservatoryURL.apiScores(edition: model.edition.name, country: code)),
                (t("obs.download_services"), ObservatoryURL.apiServices(edition: model.edition.name, country: code)),
            ])
            WaveResults.progressSection(country: code, waves: model.network, context: context)
        }
    }

    static func serviceList(_ title: String, _ services: [PublicService], context: PageContext) -> Node {
        let t = context.t
        return el("section", .class("card")) {
            el("h2") { title }
            el("ol") {
                for service in services {
                    el("li") {
                        el("a", .href(context.link(ObservatoryURL.service(service.id?.uuidString.lowercased() ?? "")))) { service.label }
                        " — " + t("obs.life_event.\(service.lifeEvent)") + ", " + score(service.meanScore, t: t)
                    }
                }
            }
        }
    }

    // MARK: services of a country

    static func services(edition: Edition, country: String, services: [PublicService], page: PageInfo, editionQuery: String? = nil,
                         context: PageContext) -> String {
        let t = context.t
        let name = countryName(country, t: t)
        let title = t("obs.services_title", ["country": name])
        let link: @Sendable ([String: String]) -> String = {
            context.link(ObservatoryURL.countryServices(country, page: $0["page"] ?? "1", edition: editionQuery))
        }
        let slice = Array(services.dropFirst(page.offset).prefix(page.perPage))
        let trail = [Crumb(name, href: context.link(ObservatoryURL.country(country))), Crumb(title)]
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, trail)) {
            el("h1") { title }
            provenance(edition, t: t)
            Tables.table(
                caption: title,
                columns: [Column(t("obs.service")), Column(t("obs.life_event")), Column(t("obs.scope")), Column(t("obs.type")),
                          Column(t("obs.level")), Column(t("obs.mean_score"), numeric: true)],
                rows: slice.map { service in
                    [el("a", .href(context.link(ObservatoryURL.service(service.id?.uuidString.lowercased() ?? "")))) { service.label },
                     .text(t("obs.life_event.\(service.lifeEvent)")), .text(t("obs.scope.\(service.scope)")),
                     .text(t("obs.type.\(service.serviceType)")), .text(t("obs.level.\(service.level)")),
                     .text(service.applicable ? score(service.meanScore, t: t) : t("obs.not_applicable"))]
                },
                sort: nil, link: link, t: t)
            Tables.pagination(page, link: link, t: t)
        }
    }

    // MARK: one service

    static func service(edition: Edition, service: PublicService, urls: [AssessedURL], context: PageContext) -> String {
        let t = context.t
        let name = countryName(service.country, t: t)
        let scores = service.scores
        let answers = urls.map(\.answers)
        let questions = answers.first.map { $0.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending } } ?? []
        return Layout.page(context, title: service.label, breadcrumbs: crumbs(context, [
            Crumb(name, href: context.link(ObservatoryURL.country(service.country))),
            Crumb(t("obs.services_title", ["country": name]),
                  href: context.link(ObservatoryURL.countryServices(service.country, edition: edition.origin == .network ? edition.name : nil))),
            Crumb(service.number),
        ])) {
            el("h1") { service.label }
            provenance(edition, t: t)
            el("dl", .class("summary-list")) {
                el("dt") { t("obs.life_event") }
                el("dd") { t("obs.life_event.\(service.lifeEvent)") }
                el("dt") { t("obs.scope") }
                el("dd") { t("obs.scope.\(service.scope)") }
                el("dt") { t("obs.type") }
                el("dd") { t("obs.type.\(service.serviceType)") }
                el("dt") { t("obs.level") }
                el("dd") { t("obs.level.\(service.level)") }
                el("dt") { t("obs.applicable") }
                el("dd") { service.applicable ? t("obs.yes") : t("obs.no") }
                el("dt") { t("obs.proactive") }
                el("dd") { service.proactive ? t("obs.yes") : t("obs.no") }
            }
            if scores.isEmpty {
                el("p") { t("obs.no_scores") }
            } else {
                Tables.table(caption: t("obs.service_scores"), columns: [Column(t("obs.indicator")), Column(t("obs.score"), numeric: true)],
                             rows: scores.keys.sorted().map { key in
                                 [.text(t("obs.service_score.\(key)")), .text(score(scores[key], t: t))]
                             }, sort: nil, link: { _ in "" }, t: t)
            }
            el("h2") { t.plural("obs.urls_assessed", count: urls.count) }
            if !urls.isEmpty {
                el("ol", .class("urls")) {
                    for url in urls { el("li") { el("code") { url.url.isEmpty ? t("obs.no_url") : url.url } } }
                }
                Tables.table(caption: t("obs.answers_caption"),
                             columns: [Column(t("obs.question"))] + urls.map { Column(t("obs.url_number", ["n": String($0.position)])) },
                             rows: questions.map { question in
                                 [.text(question)] + answers.map { .text(answerLabel($0[question] ?? "", t: t)) }
                             }, sort: nil, link: { _ in "" }, t: t)
                el("p", .class("hint")) { t("obs.answers_hint") }
            }
        }
    }

    /// Y/N/NR in words; numbers (the mobile test) as they are.
    static func answerLabel(_ value: String, t: Translator) -> String {
        switch value {
        case "Y": t("obs.yes")
        case "N": t("obs.no")
        case "NR": t("obs.not_relevant")
        case "": "–"
        default: value
        }
    }

    // MARK: methodology

    static func methodology(_ context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("obs.methodology_title"), breadcrumbs: crumbs(context, [Crumb(t("obs.methodology_title"))])) {
            el("h1") { t("obs.methodology_title") }
            for index in 1...5 { el("p") { t("obs.method_p\(index)") } }
            el("h2") { t("obs.method_dimensions") }
            el("ul") {
                for dimension in BenchmarkVocabulary.dimensions { el("li") { t("obs.dimension.\(dimension)") + ": " + t("obs.dimension_help.\(dimension)") } }
            }
            el("h2") { t("obs.method_indicators") }
            el("ol") {
                for indicator in BenchmarkVocabulary.indicators {
                    el("li") { BenchmarkVocabulary.indicatorNumber(indicator) + " " + t("obs.indicator.\(indicator)") }
                }
            }
            el("h2") { t("obs.method_life_events") }
            el("ul") {
                for event in BenchmarkVocabulary.lifeEvents { el("li") { t("obs.life_event.\(event.rawValue)") + " (\(event.year))" } }
            }
        }
    }
}
