// The citizen guides' pages: plain HTML, no images and no script, readable on an old phone.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods
import Observatory

enum GuidePages {
    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("guides.title"), href: context.link(GuidesURL.list()))] + rest
    }

    /// A localized text in the reader's language or the nearest one, marked with its language when it differs.
    static func text(_ value: LocalizedText, _ context: PageContext, fallback: String = "") -> Node {
        context.text(value, fallback: fallback)
    }

    /// The lines of a localized list, each with the language it is in.
    static func lines(_ value: LocalizedText, _ context: PageContext) -> (lines: [String], lang: String?) {
        guard let resolved = value.resolve(for: context.locale) else { return ([], nil) }
        let lines = resolved.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (lines, resolved.locale == context.locale ? nil : resolved.locale.rawValue)
    }

    static func list(_ guides: [CitizenGuide], country: String, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("guides.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("guides.title"))]) {
            el("h1") { t("guides.title") }
            el("p", .class("lead")) { t("guides.lead") }
            el("form", Attribute("method", "get"), Attribute("action", context.link(GuidesURL.list())), .class("filters")) {
                Forms.select(name: "country", label: t("guides.country"), choices: CentrePublicRoutes.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: country, blankLabel: t("guides.all_countries"), t: t)
                Forms.submit(t("guides.show"), secondary: true)
            }
            if guides.isEmpty {
                el("p") { t("guides.none") }
            }
            for code in CentrePublicRoutes.countries {
                let items = guides.filter { $0.country == code }
                if !items.isEmpty {
                    el("h2") { t("country.\(code)") }
                    el("ul") {
                        for guide in items {
                            el("li") { el("a", .href(context.link(GuidesURL.guide(guide.slug)))) { text(guide.title, context, fallback: guide.slug) } }
                        }
                    }
                }
            }
            el("h2") { t("guides.help_title") }
            el("ul") {
                el("li") { el("a", .href(context.link(CentresURL.finder(country.isEmpty ? [:] : ["country": country])))) { t("guides.find_help") } }
                el("li") { el("a", .href(context.link(CentresURL.checkLink()))) { t("centres.check_title") } }
            }
        }
    }

    static func guide(_ guide: CitizenGuide, service: ServiceCatalogue.Entry?, problems: [(blocker: String, count: Int)], centres: [Centre],
                      context: PageContext) -> String {
        let t = context.t
        let title = guide.title.resolve(for: context.locale)?.text ?? guide.slug
        let needs = lines(guide.needs, context), steps = lines(guide.steps, context)
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(title)])) {
            el("h1") { text(guide.title, context, fallback: guide.slug) }
            if !guide.summary.isEmpty { el("p", .class("lead")) { text(guide.summary, context) } }
            el("p") {
                t("guides.for_country", ["country": t("country.\(guide.country)")])
                if let service { " · " + t("obs.life_event.\(service.lifeEvent)") + ": " + service.label }
            }
            if !needs.lines.isEmpty {
                el("h2") { t("guides.needs") }
                el("ul", needs.lang.map { .lang($0) }) { for line in needs.lines { el("li") { line } } }
            }
            if let fees = guide.fees.resolve(for: context.locale), !fees.text.isEmpty {
                el("h2") { t("guides.fees") }
                el("p", fees.locale == context.locale ? nil : .lang(fees.locale.rawValue)) { fees.text }
            }
            el("h2") { t("guides.steps") }
            el("ol", steps.lang.map { .lang($0) }) { for line in steps.lines { el("li") { line } } }
            if !guide.officialURL.isEmpty {
                let check = OfficialDomains.check(guide.officialURL)
                el("h2") { t("guides.official_link") }
                el("p") { el("a", .href(guide.officialURL)) { check.host.isEmpty ? guide.officialURL : check.host } }
                el("p", .class("hint")) {
                    check.verdict == .official ? t("guides.official_checked", ["domain": check.domain]) : t("guides.official_unchecked")
                }
            }
            el("h2") { t("guides.problems") }
            if problems.isEmpty {
                el("p") { t("guides.no_problems") }
            } else {
                el("p") { t("guides.problems_lead") }
                el("ul") {
                    for problem in problems {
                        el("li") { t("centres.blocker.\(problem.blocker)") + " — " + t.plural("guides.problem_count", count: problem.count) }
                    }
                }
            }
            el("h2") { t("guides.help_title") }
            if centres.isEmpty {
                el("p") { t("guides.no_centre") }
            } else {
                el("ul") {
                    for centre in centres {
                        el("li") { el("a", .href(context.link(CentresURL.centre(centre.slug)))) { centre.name } ; " — " + centre.municipality }
                    }
                }
            }
            el("p") { el("a", .href(context.link(CentresURL.checkLink()))) { t("guides.check_link") } }
            el("p", .class("hint")) { t("guides.updated", ["date": CalendarDate(iso: guide.updatedOn).map { t.date($0.noonUTC) } ?? guide.updatedOn]) }
        }
    }

    static func staffList(_ guides: [CitizenGuide], context: PageContext) -> String {
        let t = context.t
        let title = t("guides.staff_title")
        return Layout.page(context, title: title, breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(title)]) {
            el("h1") { title }
            el("p") { el("a", .href(context.link(GuidesURL.new())), .class("button")) { t("guides.new") } }
            el("p") { t("guides.staff_lead") }
            el("ul") {
                for guide in guides {
                    el("li") {
                        el("a", .href(context.link(GuidesURL.edit(guide.slug)))) { text(guide.title, context, fallback: guide.slug) }
                        " — " + t("country.\(guide.country)") + (guide.published ? "" : " (" + t("guides.unpublished") + ")")
                        + " · " + t("guides.languages", ["languages": AppLocale.allCases.filter { guide.title[$0] != nil }.map(\.endonym).joined(separator: ", ")])
                    }
                }
            }
        }
    }

    static func form(_ guide: CitizenGuide?, input: GuideRoutes.Input, services: [ServiceCatalogue.Entry], errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = guide == nil ? t("guides.new") : t("guides.edit")
        let action = guide.map { GuidesURL.edit($0.slug) } ?? GuidesURL.new()
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("guides.staff_title"), href: context.link(GuidesURL.staff())), Crumb(title),
        ]) {
            Forms.errorSummary(errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { t("guides.form_lead", ["language": (context.locale == .srCyrl ? AppLocale.srLatn : context.locale).endonym]) }
            el("form", Attribute("method", "post"), Attribute("action", context.link(action)), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                el("input", .type("hidden"), .name("version"), .value(String(input.version)))
                Forms.select(name: "country", label: t("guides.country"), choices: CentrePublicRoutes.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: input.country, blankLabel: t("guides.choose"), errors: errors, t: t)
                Forms.select(name: "service", label: t("guides.service"),
                             choices: services.map { Choice(value: $0.code, label: t("obs.life_event.\($0.lifeEvent)") + " — " + $0.label) },
                             selected: input.service, blankLabel: t("guides.no_service"), hint: t("guides.service_hint"), errors: errors, t: t)
                Forms.text(name: "title", label: t("guides.field.title"), value: input.title, errors: errors, t: t)
                Forms.textarea(name: "summary", label: t("guides.field.summary"), value: input.summary, rows: 2, t: t)
                Forms.textarea(name: "needs", label: t("guides.needs"), value: input.needs, hint: t("guides.lines_hint"), rows: 4, t: t)
                Forms.textarea(name: "steps", label: t("guides.steps"), value: input.steps, hint: t("guides.lines_hint"), errors: errors, rows: 6, t: t)
                Forms.textarea(name: "fees", label: t("guides.fees"), value: input.fees, rows: 2, t: t)
                Forms.text(name: "official_url", label: t("guides.official_link"), value: input.officialURL, hint: t("guides.official_hint"), errors: errors, t: t)
                Forms.checkboxes(name: "published", legend: t("guides.visibility"), choices: [Choice(value: "1", label: t("guides.published"))],
                                 selected: input.published ? ["1"] : [], t: t)
                Forms.submit(t("guides.save"))
            }
        }
    }
}
