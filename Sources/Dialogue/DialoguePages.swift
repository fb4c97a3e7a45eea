// The dialogue's pages.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods
import Network

enum DialoguePages {
    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("dialogue.title"), href: context.link(DialogueURL.tracker()))] + rest
    }

    static func day(_ iso: String, t: Translator) -> String { CalendarDate(iso: iso).map { t.date($0.noonUTC) } ?? iso }

    static func text(_ value: LocalizedText, _ context: PageContext) -> Node {
        context.text(value)
    }

    static func plain(_ value: LocalizedText, _ context: PageContext) -> String { value.resolve(for: context.locale)?.text ?? "" }

    static func stateLabel(_ state: String, t: Translator) -> String { t("dialogue.state.\(state)") }

    static func links(_ context: PageContext) -> Node {
        let t = context.t
        return el("ul", .class("downloads")) {
            el("li") { el("a", .href(context.link(DialogueURL.media()))) { t("dialogue.media_title") } }
            el("li") { el("a", .href(context.link(DialogueURL.records()))) { t("dialogue.records_title") } }
            el("li") { el("a", .href(context.link(DialogueURL.feed()))) { t("dialogue.feed") } }
            el("li") { el("a", .href(DialogueURL.apiCSV())) { t("dialogue.download_csv") } }
            el("li") { el("a", .href(DialogueURL.apiRecommendations())) { t("dialogue.download_json") } }
        }
    }

    static func tracker(_ items: [Recommendation], total: Int, query: TrackerQuery, addressees: [UUID: [Organisation]], institutions: [Organisation],
                        context: PageContext) -> String {
        let t = context.t
        let counts = Dictionary(grouping: items, by: \.state).mapValues(\.count)
        return Layout.page(context, title: t("dialogue.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("dialogue.title"))]) {
            el("h1") { t("dialogue.title") }
            el("p", .class("lead")) { t("dialogue.lead") }
            if context.signedInName != nil {
                el("p") {
                    el("a", .class("button"), .href(context.link(DialogueURL.new()))) { t("dialogue.new") }
                    " "
                    el("a", .href(context.link(DialogueURL.inbox()))) { t("dialogue.inbox_title") }
                }
            }
            el("form", Attribute("method", "get"), Attribute("action", context.link(DialogueURL.tracker())), .class("filters"), Attribute("role", "search")) {
                el("div", .class("filter-grid")) {
                    Forms.select(name: "country", label: t("dialogue.country"), choices: DialogueVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: query.country, blankLabel: t("dialogue.any"), t: t)
                    Forms.select(name: "institution", label: t("dialogue.institution"), choices: institutions.map { Choice(value: $0.slug, label: $0.name) },
                                 selected: query.institution, blankLabel: t("dialogue.any"), t: t)
                    Forms.select(name: "level", label: t("dialogue.level"), choices: DialogueVocabulary.levels.map { Choice(value: $0, label: t("dialogue.level.\($0)")) },
                                 selected: query.level, blankLabel: t("dialogue.any"), t: t)
                    Forms.select(name: "area", label: t("dialogue.area"), choices: DialogueVocabulary.areas.map { Choice(value: $0, label: t("dialogue.area.\($0)")) },
                                 selected: query.area, blankLabel: t("dialogue.any"), t: t)
                    Forms.select(name: "status", label: t("dialogue.status"),
                                 choices: RecommendationState.allCases.filter { $0 != .draft }.map { Choice(value: $0.rawValue, label: stateLabel($0.rawValue, t: t)) },
                                 selected: query.state, blankLabel: t("dialogue.any"), t: t)
                    Forms.text(name: "service", label: t("dialogue.service"), value: query.service, hint: t("dialogue.service_hint"), width: "short", t: t)
                    Forms.text(name: "year", label: t("dialogue.year"), value: query.year.map(String.init), type: "number", width: "short", t: t)
                }
                Forms.submit(t("dialogue.filter"))
                el("a", .href(context.link(DialogueURL.tracker()))) { t("dialogue.clear") }
            }
            el("p", Attribute("role", "status")) { t("dialogue.found", ["count": t.integer(total)]) }
            if !counts.isEmpty {
                Charts.bars(id: "dialogue-states", title: t("dialogue.chart_title"),
                            data: RecommendationState.allCases.filter { $0 != .draft }.map { ChartDatum(stateLabel($0.rawValue, t: t), Double(counts[$0.rawValue] ?? 0)) },
                            maximum: Double(max(1, counts.values.max() ?? 1)), valueLabel: t("dialogue.chart_value"), fractionDigits: 0, t: t)
            }
            if items.isEmpty {
                el("p") { t("dialogue.none") }
            } else {
                Tables.table(caption: t("dialogue.table_caption"),
                             columns: [Column(t("dialogue.recommendation")), Column(t("dialogue.addressees")), Column(t("dialogue.country")),
                                       Column(t("dialogue.issued")), Column(t("dialogue.status"))],
                             rows: items.map { item in
                                 [el("a", .href(context.link(DialogueURL.recommendation(item.code)))) { "\(item.code) "; text(item.title, context) },
                                  fragment {
                                      for (index, organisation) in (addressees[item.id!] ?? []).enumerated() {
                                          if index > 0 { ", " }
                                          el("a", .href(context.link(DialogueURL.institution(organisation.slug)))) { organisation.name }
                                      }
                                  },
                                  .text(t("country.\(item.country)")), .text(day(item.issuedOn, t: t)), .text(stateLabel(item.state, t: t))]
                             }, sort: nil, link: { _ in "" }, t: t)
                Tables.pagination(PageInfo(page: query.page, perPage: TrackerQuery.pageSize, total: total),
                                  link: { values in context.link(DialogueURL.tracker(query.parameters.merging(values) { $1 })) }, t: t)
            }
            links(context)
        }
    }

    static func recommendation(_ item: Recommendation, addressees: [Organisation], evidence: [ResolvedEvidence], history: [RecommendationChange],
                               events: [RecommendationEvent], isStaff: Bool, change: DialogueRoutes.ChangeInput, errors: [FieldError],
                               context: PageContext) -> String {
        let t = context.t
        let title = "\(item.code) " + plain(item.title, context)
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(item.code)])) {
            el("h1") { item.code; " "; text(item.title, context) }
            el("p") { el("strong") { t("dialogue.status") + ": " }; stateLabel(item.state, t: t) }
            el("dl", .class("summary-list")) {
                el("dt") { t("dialogue.addressees") }
                el("dd") {
                    el("ul") { for organisation in addressees { el("li") { el("a", .href(context.link(DialogueURL.institution(organisation.slug)))) { organisation.name } } } }
                }
                el("dt") { t("dialogue.country") }
                el("dd") { "\(t("country.\(item.country)")) (\(t("dialogue.level.\(item.level)")))" }
                el("dt") { t("dialogue.area") }
                el("dd") { t("dialogue.area.\(item.area)") }
                el("dt") { t("dialogue.authors") }
                el("dd") {
                    el("ul") { for slug in item.authorList { el("li") { el("a", .href(context.link(NetworkURL.organisation(slug)))) { slug } } } }
                }
                if !item.serviceList.isEmpty {
                    el("dt") { t("dialogue.services") }
                    el("dd") { item.serviceList.joined(separator: ", ") }
                }
                if !item.grantReference.isEmpty {
                    el("dt") { t("dialogue.grant") }
                    el("dd") { item.grantReference }
                }
                el("dt") { t("dialogue.issued") }
                el("dd") { day(item.issuedOn, t: t) }
                el("dt") { t("dialogue.response_due") }
                el("dd") { day(item.responseDue, t: t) }
            }
            el("div", .class("question")) { text(item.text, context) }
            el("h2") { t("dialogue.evidence") }
            if evidence.isEmpty {
                el("p") { t("dialogue.evidence_none") }
            } else {
                el("ul") {
                    for entry in evidence {
                        el("li") {
                            switch entry.evidence.kind {
                            case "benchmark-score", "service-score":
                                t("dialogue.evidence_score", ["label": entry.label.isEmpty ? entry.evidence.reference : entry.label, "edition": entry.evidence.edition,
                                                              "country": t("country.\(entry.evidence.country)"),
                                                              "value": entry.value.map { t.decimal($0, fractionDigits: 1) } ?? t("dialogue.evidence_not_found")])
                            default:
                                el("a", .href(entry.evidence.url), Attribute("rel", "nofollow noopener")) { entry.label }
                            }
                        }
                    }
                }
            }
            el("h2") { t("dialogue.history") }
            el("ol", .class("timeline")) {
                for entry in history {
                    el("li") {
                        el("p") {
                            el("strong") { day(entry.day, t: t) }
                            " — " + t("dialogue.history_entry", ["state": stateLabel(entry.toState, t: t), "source": t("dialogue.source.\(entry.source)")])
                        }
                        if !entry.note.isEmpty { el("p", entry.language == context.locale.rawValue ? nil : .lang(entry.language)) { entry.note } }
                    }
                }
            }
            // the form stays when a change was refused, so that nothing typed is lost
            if !events.isEmpty || !errors.isEmpty {
                el("h2") { t("dialogue.act_title") }
                Forms.errorSummary(errors, t: t)
                el("form", Attribute("method", "post"), Attribute("action", context.link(DialogueURL.change(item.code))), Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    el("input", .type("hidden"), .name("version"), .value(String(item.version)))
                    Forms.radios(name: "event", legend: t("dialogue.event"), choices: events.map { Choice(value: $0.rawValue, label: t("dialogue.event.\($0.rawValue)")) },
                                 selected: change.event, errors: errors, t: t)
                    Forms.text(name: "day", label: t("dialogue.day"), value: change.day, errors: errors, type: "date", t: t)
                    if isStaff {
                        Forms.select(name: "source", label: t("dialogue.source"), choices: DialogueVocabulary.sources.map { Choice(value: $0, label: t("dialogue.source.\($0)")) },
                                     selected: change.source, errors: errors, t: t)
                    } else {
                        el("input", .type("hidden"), .name("source"), .value("platform"))
                    }
                    Forms.textarea(name: "note", label: t("dialogue.note"), value: change.note, hint: t("dialogue.note_hint"), errors: errors, rows: 6, t: t)
                    Forms.submit(t("dialogue.act"))
                }
            }
            if isStaff || events.contains(.publish) {
                el("h2") { t("dialogue.add_evidence") }
                el("form", Attribute("method", "post"), Attribute("action", context.link(DialogueURL.evidence(item.code)))) {
                    Forms.csrf(context.csrfToken)
                    Forms.select(name: "kind", label: t("dialogue.evidence_kind"), choices: ["benchmark-score", "service-score", "document"].map {
                        Choice(value: $0, label: t("dialogue.evidence_kind.\($0)"))
                    }, selected: "benchmark-score", t: t)
                    Forms.text(name: "edition", label: t("dialogue.edition"), value: "", hint: t("dialogue.edition_hint"), width: "short", t: t)
                    Forms.select(name: "country", label: t("dialogue.country"), choices: DialogueVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: item.country, t: t)
                    Forms.text(name: "reference", label: t("dialogue.reference"), value: "", hint: t("dialogue.reference_hint"), t: t)
                    Forms.text(name: "url", label: t("dialogue.url"), value: "", type: "url", t: t)
                    Forms.text(name: "label", label: t("dialogue.label"), value: "", t: t)
                    Forms.submit(t("dialogue.add_evidence"), secondary: true)
                }
            }
        }
    }

    static func draftForm(_ input: DialogueRoutes.DraftInput, authors: [Organisation], institutions: [Organisation], errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("dialogue.new"), breadcrumbs: crumbs(context, [Crumb(t("dialogue.new"))])) {
            el("h1") { t("dialogue.new") }
            el("p", .class("lead")) { t("dialogue.new_lead") }
            Forms.errorSummary(errors, t: t)
            el("form", Attribute("method", "post"), Attribute("action", context.link(DialogueURL.new())), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "title", label: t("dialogue.title_field"), value: input.title, errors: errors, t: t)
                Forms.textarea(name: "text", label: t("dialogue.text_field"), value: input.text, errors: errors, rows: 10, t: t)
                Forms.select(name: "country", label: t("dialogue.country"), choices: DialogueVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: input.country, blankLabel: t("dialogue.choose"), errors: errors, t: t)
                Forms.radios(name: "level", legend: t("dialogue.level"), choices: DialogueVocabulary.levels.map { Choice(value: $0, label: t("dialogue.level.\($0)")) },
                             selected: input.level, errors: errors, inline: true, t: t)
                Forms.select(name: "area", label: t("dialogue.area"), choices: DialogueVocabulary.areas.map { Choice(value: $0, label: t("dialogue.area.\($0)")) },
                             selected: input.area, blankLabel: t("dialogue.choose"), errors: errors, t: t)
                Forms.checkboxes(name: "addressees[]", legend: t("dialogue.addressees"),
                                 choices: institutions.map { Choice(value: $0.slug, label: "\($0.name) (\(t("country.\($0.countryCode)")))") },
                                 selected: input.addressees, errors: errors, t: t)
                Forms.text(name: "services", label: t("dialogue.services"), value: input.services, hint: t("dialogue.services_hint"), errors: errors, t: t)
                Forms.checkboxes(name: "authors[]", legend: t("dialogue.authors"), choices: authors.map { Choice(value: $0.slug, label: $0.name) },
                                 selected: input.authors, errors: errors, t: t)
                Forms.text(name: "grant_reference", label: t("dialogue.grant"), value: input.grantReference, errors: errors, t: t)
                Forms.text(name: "issued_on", label: t("dialogue.issued"), value: input.issuedOn, errors: errors, type: "date", t: t)
                Forms.text(name: "response_due", label: t("dialogue.response_due"), value: input.responseDue, errors: errors, type: "date", t: t)
                Forms.submit(t("dialogue.save_draft"))
            }
        }
    }

    static func institution(_ organisation: Organisation, card: Scorecard, recommendations: [Recommendation], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: organisation.name, breadcrumbs: crumbs(context, [Crumb(organisation.name)])) {
            el("h1") { organisation.name }
            el("p") { el("a", .href(context.link(NetworkURL.organisation(organisation.slug)))) { t("dialogue.institution_profile") } }
            el("dl", .class("summary-list")) {
                el("dt") { t("dialogue.card.addressed") }
                el("dd") { t.integer(card.addressed) }
                el("dt") { t("dialogue.card.answered") }
                el("dd") { t.integer(card.answered) }
                el("dt") { t("dialogue.card.median") }
                el("dd") { card.medianDaysToAnswer.map { t("dialogue.days", ["days": t.decimal($0, fractionDigits: 1)]) } ?? "–" }
                el("dt") { t("dialogue.card.accepted") }
                el("dd") { t.integer(card.accepted) }
                el("dt") { t("dialogue.card.implemented") }
                el("dd") { t.integer(card.implemented) }
                el("dt") { t("dialogue.card.overdue") }
                el("dd") { t.integer(card.overdue) }
            }
            Charts.bars(id: "institution-card", title: t("dialogue.card_chart"), data: [
                ChartDatum(t("dialogue.card.addressed"), Double(card.addressed)), ChartDatum(t("dialogue.card.answered"), Double(card.answered)),
                ChartDatum(t("dialogue.card.accepted"), Double(card.accepted)), ChartDatum(t("dialogue.card.implemented"), Double(card.implemented)),
            ], maximum: Double(max(1, card.addressed)), valueLabel: t("dialogue.chart_value"), fractionDigits: 0, t: t)
            el("h2") { t("dialogue.addressed_to", ["institution": organisation.name]) }
            el("ul") {
                for item in recommendations {
                    el("li") {
                        el("a", .href(context.link(DialogueURL.recommendation(item.code)))) { "\(item.code) "; text(item.title, context) }
                        " — " + stateLabel(item.state, t: t)
                    }
                }
            }
        }
    }

    static func inbox(_ items: [Recommendation], institutions: [Organisation], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("dialogue.inbox_title"), breadcrumbs: crumbs(context, [Crumb(t("dialogue.inbox_title"))])) {
            el("h1") { t("dialogue.inbox_title") }
            if institutions.isEmpty {
                el("p") { t("dialogue.inbox_no_institution") }
            } else {
                el("p", .class("lead")) { t("dialogue.inbox_lead", ["institutions": institutions.map(\.name).joined(separator: ", ")]) }
                if items.isEmpty {
                    el("p") { t("dialogue.inbox_empty") }
                } else {
                    el("ul") {
                        for item in items {
                            el("li") {
                                el("a", .href(context.link(DialogueURL.recommendation(item.code)))) { "\(item.code) "; text(item.title, context) }
                                " — " + t("dialogue.inbox_due", ["state": stateLabel(item.state, t: t), "date": day(item.responseDue, t: t)])
                            }
                        }
                    }
                }
            }
        }
    }

    static func media(_ items: [MediaItem], isStaff: Bool, errors: [FieldError], draft: MediaItem? = nil, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("dialogue.media_title"), breadcrumbs: crumbs(context, [Crumb(t("dialogue.media_title"))])) {
            el("h1") { t("dialogue.media_title") }
            el("p", Attribute("role", "status")) { t("dialogue.media_count", ["count": t.integer(items.count)]) }
            if !items.isEmpty {
                Tables.table(caption: t("dialogue.media_title"),
                             columns: [Column(t("dialogue.outlet")), Column(t("dialogue.country")), Column(t("dialogue.day")), Column(t("dialogue.topic")),
                                       Column(t("dialogue.recommendation"))],
                             rows: items.map { item in
                                 [el("a", .href(item.url), Attribute("rel", "nofollow noopener")) { item.outlet }, .text(t("country.\(item.country)")),
                                  .text(day(item.day, t: t)), .text(item.topic),
                                  item.recommendationCode.isEmpty ? .text("–") : el("a", .href(context.link(DialogueURL.recommendation(item.recommendationCode)))) { item.recommendationCode }]
                             }, sort: nil, link: { _ in "" }, t: t)
            }
            if isStaff {
                el("h2") { t("dialogue.media_add") }
                Forms.errorSummary(errors, t: t)
                el("form", Attribute("method", "post"), Attribute("action", context.link(DialogueURL.media())), Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    Forms.text(name: "outlet", label: t("dialogue.outlet"), value: draft?.outlet, errors: errors, t: t)
                    Forms.select(name: "country", label: t("dialogue.country"), choices: DialogueVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: draft?.country, blankLabel: t("dialogue.choose"), errors: errors, t: t)
                    Forms.text(name: "day", label: t("dialogue.day"), value: draft?.day, errors: errors, type: "date", t: t)
                    Forms.text(name: "url", label: t("dialogue.url"), value: draft?.url, errors: errors, type: "url", t: t)
                    Forms.text(name: "language", label: t("dialogue.language"), value: draft?.language, width: "short", t: t)
                    Forms.text(name: "topic", label: t("dialogue.topic"), value: draft?.topic, errors: errors, t: t)
                    Forms.text(name: "recommendation", label: t("dialogue.recommendation_code"), value: draft?.recommendationCode, errors: errors, t: t)
                    Forms.text(name: "grant_reference", label: t("dialogue.grant"), value: draft?.grantReference, errors: errors, t: t)
                    Forms.submit(t("dialogue.media_add"))
                }
            }
        }
    }

    static func records(_ items: [DialogueRecord], isStaff: Bool, errors: [FieldError], draft: DialogueRecord? = nil, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("dialogue.records_title"), breadcrumbs: crumbs(context, [Crumb(t("dialogue.records_title"))])) {
            el("h1") { t("dialogue.records_title") }
            if items.isEmpty { el("p") { t("dialogue.records_none") } }
            for item in items {
                el("section", .class("card")) {
                    el("h2") { "\(t("dialogue.kind.\(item.kind)")): \(item.title)" }
                    el("p") { "\(day(item.day, t: t))\(item.until.isEmpty ? "" : " – " + day(item.until, t: t)), \(t("country.\(item.country)"))" }
                    if isStaff && !item.isPublic { el("p") { el("span", .class("tag")) { t("dialogue.internal") } } }
                    if !item.participants.isEmpty { el("p") { t("dialogue.participants_value", ["participants": item.participants]) } }
                    if !item.summary.isEmpty { el("p") { item.summary } }
                    if !item.outcome.isEmpty { el("p") { t("dialogue.outcome_value", ["outcome": item.outcome]) } }
                    if !item.link.isEmpty { el("p") { el("a", .href(item.link), Attribute("rel", "nofollow noopener")) { t("dialogue.record_link", ["title": item.title]) } } }
                }
            }
            if isStaff {
                el("h2") { t("dialogue.record_add") }
                Forms.errorSummary(errors, t: t)
                el("form", Attribute("method", "post"), Attribute("action", context.link(DialogueURL.records())), Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    Forms.radios(name: "kind", legend: t("dialogue.record_kind"), choices: ["consultation", "meeting"].map { Choice(value: $0, label: t("dialogue.kind.\($0)")) },
                                 selected: draft?.kind ?? "meeting", errors: errors, inline: true, t: t)
                    Forms.text(name: "title", label: t("dialogue.title_field"), value: draft?.title, errors: errors, t: t)
                    Forms.text(name: "day", label: t("dialogue.day"), value: draft?.day, errors: errors, type: "date", t: t)
                    Forms.text(name: "until", label: t("dialogue.until"), value: draft?.until, errors: errors, type: "date", t: t)
                    Forms.select(name: "country", label: t("dialogue.country"), choices: DialogueVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: draft?.country, blankLabel: t("dialogue.choose"), errors: errors, t: t)
                    Forms.text(name: "link", label: t("dialogue.url"), value: draft?.link, errors: errors, type: "url", t: t)
                    Forms.textarea(name: "participants", label: t("dialogue.participants"), value: draft?.participants, rows: 2, t: t)
                    Forms.textarea(name: "summary", label: t("dialogue.summary"), value: draft?.summary, rows: 5, t: t)
                    Forms.textarea(name: "outcome", label: t("dialogue.outcome"), value: draft?.outcome, rows: 3, t: t)
                    Forms.text(name: "recommendations", label: t("dialogue.linked_recommendations"), value: draft.map { $0.recommendations.split(separator: ";").joined(separator: ", ") },
                               errors: errors, t: t)
                    Forms.checkboxes(name: "public", legend: t("dialogue.visibility"), choices: [Choice(value: "1", label: t("dialogue.public_label"))],
                                     selected: (draft?.isPublic ?? true) ? ["1"] : [], t: t)
                    Forms.submit(t("dialogue.record_add"))
                }
            }
        }
    }
}
