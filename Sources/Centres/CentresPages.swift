// The centres' pages. Public statistics hide every cell under 5 people (`SmallCells`); operators and staff see
// their figures whole.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods
import Network
import Observatory

enum CentresPages {
    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("centres.title"), href: context.link(CentresURL.finder()))] + rest
    }

    static func monthLabel(_ month: String, t: Translator) -> String {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let number = Int(parts[1]) else { return month }
        return t("centres.month_year", ["month": t("month.\(number)"), "year": String(parts[0])])
    }

    /// `Monday–Friday` for a run of three or more days, else the days listed.
    static func weekdaysText(_ centre: Centre, t: Translator) -> String {
        let days = BookingRules.weekdays(from: centre.weekdays).sorted()
        if days.count >= 3, let first = days.first, let last = days.last, last - first == days.count - 1 {
            return t("centres.weekday.\(first)") + "–" + t("centres.weekday.\(last)")
        }
        return days.map { t("centres.weekday.\($0)") }.joined(separator: ", ")
    }

    static func hoursText(_ centre: Centre, t: Translator) -> String {
        t("centres.hours_range", ["days": weekdaysText(centre, t: t), "opens": String(format: "%02d:00", centre.opens),
                                  "closes": String(format: "%02d:00", centre.closes)])
    }

    // MARK: finder

    static func finder(centres: [Centre], organisations: [UUID: String], country: String, search: String, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("centres.title"))]) {
            el("h1") { t("centres.title") }
            el("p", .class("lead")) { t("centres.lead") }
            el("p") { el("a", .href(context.link(GuidesURL.list(country.isEmpty ? [:] : ["country": country])))) { t("guides.title") } }
            el("form", Attribute("method", "get"), Attribute("action", context.link(CentresURL.finder())), .class("filters"), Attribute("role", "search")) {
                el("div", .class("filter-grid")) {
                    Forms.text(name: "q", label: t("centres.search"), value: search, hint: t("centres.search_hint"), type: "search", t: t)
                    Forms.select(name: "country", label: t("centres.country"), choices: CentrePublicRoutes.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: country, blankLabel: t("centres.any_country"), t: t)
                }
                Forms.submit(t("centres.find"))
                el("a", .href(context.link(CentresURL.finder()))) { t("centres.clear") }
            }
            el("p", Attribute("role", "status")) { t("centres.found", ["count": t.integer(centres.count)]) }
            if centres.isEmpty {
                el("p") { t("centres.none_found") }
            } else {
                el("ul", .class("cards")) {
                    for centre in centres {
                        el("li", .class("card")) {
                            el("h2") { el("a", .href(context.link(CentresURL.centre(centre.slug)))) { centre.name } }
                            el("p") { "\(centre.municipality), \(t("country.\(centre.country)"))" }
                            if !centre.address.isEmpty { el("p") { centre.address } }
                            el("p") { hoursText(centre, t: t) }
                            if let name = organisations[centre.organisationID] { el("p", .class("muted")) { t("centres.run_by", ["organisation": name]) } }
                        }
                    }
                }
            }
            if !centres.isEmpty { map(centres, t: t) }
            el("ul", .class("downloads")) {
                el("li") { el("a", .href(context.link(CentresURL.statistics()))) { t("centres.statistics_title") } }
                el("li") { el("a", .href(context.link(CentresURL.checkLink()))) { t("centres.check_title") } }
            }
        }
    }

    /// The centres on a simple map of the region: a picture beside the list (which holds the links).
    static func map(_ centres: [Centre], t: Translator) -> Node {
        let placed = centres.filter { $0.latitude != nil && $0.longitude != nil }
        guard !placed.isEmpty else { return .empty }
        // Equirectangular over the Western Balkans, longitudes shrunk by cos(43.5°).
        let west = 18.3, east = 23.2, north = 46.3, south = 39.6
        let width = 480.0, height = width * (north - south) / ((east - west) * 0.725)
        func x(_ longitude: Double) -> Double { (min(max(longitude, west), east) - west) / (east - west) * width }
        func y(_ latitude: Double) -> Double { (north - min(max(latitude, south), north)) / (north - south) * height }
        let label = t("centres.map_label", ["count": t.integer(placed.count)])
        return el("figure", .class("chart map")) {
            el("svg", Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(Int(width)) \(Int(height))"),
               Attribute("role", "img"), .aria("label", label), .class("chart-svg")) {
                el("rect", Attribute("x", "0"), Attribute("y", "0"), Attribute("width", "\(Int(width))"), Attribute("height", "\(Int(height))"),
                   .class("chart-grid"), Attribute("fill", "none"))
                for centre in placed {
                    let cx = x(centre.longitude!), cy = y(centre.latitude!)
                    el("circle", Attribute("cx", String(format: "%.1f", cx)), Attribute("cy", String(format: "%.1f", cy)), Attribute("r", "6"), .class("chart-bar"))
                    el("text", Attribute("x", String(format: "%.1f", cx + 9)), Attribute("y", String(format: "%.1f", cy + 4)), .class("chart-label")) { centre.municipality }
                }
            }
            el("figcaption") { label }
        }
    }

    // MARK: statistics

    /// A case's service code as readers know it: `family/3.2` → "Family 3.2" (the benchmark's life event and number).
    static func serviceName(_ code: String, t: Translator) -> String {
        guard let parts = ServiceCatalogue.parts(of: code) else { return code }
        return t("obs.life_event.\(parts.lifeEvent)") + " " + parts.number
    }

    /// The figures of a dashboard; `hideSmall` applies the public rule (cells under 5 hidden, and one more where
    /// a single hidden cell could be worked out from the total).
    static func figures(_ statistics: CaseStatistics, months: [String], hideSmall: Bool, t: Translator) -> Node {
        func shown(_ counts: [Int]) -> [Int?] { hideSmall ? SmallCells.publish(breakdown: counts) : counts.map { Optional($0) } }
        func text(_ value: Int?) -> String { value.map { t.integer($0) } ?? t("centres.hidden") }
        let monthCounts = months.map { statistics.byMonth[$0] ?? 0 }
        let monthShown = shown(monthCounts)
        let maximum = Double(max(1, monthCounts.max() ?? 1))
        let total = hideSmall ? SmallCells.publish(statistics.total) : statistics.total
        let dimensions: [(String, [String])] = [
            ("channel", CaseVocabulary.channels), ("group", CaseVocabulary.groups), ("outcome", CaseVocabulary.outcomes),
            ("task", CaseVocabulary.tasks), ("blocker", CaseVocabulary.blockers), ("age_band", CaseVocabulary.ageBands),
            ("gender", CaseVocabulary.genders), ("first_time", ["yes", "no"]), ("level", CaseVocabulary.levels),
        ]
        return fragment {
            el("dl", .class("summary-list")) {
                el("dt") { t("centres.stat.total") }
                el("dd") { text(total) }
                el("dt") { t("centres.stat.first_time") }
                // from the same (suppressed) pair as its table, so that the total cannot give away the other cell
                el("dd") { text(shown(statistics.ordered("first_time", codes: ["yes", "no"]).map(\.count))[0]) }
            }
            Charts.bars(id: "cases-per-month", title: t("centres.stat.per_month"),
                        data: zip(months, monthShown).map { ChartDatum(monthLabel($0.0, t: t), $0.1.map(Double.init)) },
                        maximum: maximum, valueLabel: t("centres.stat.citizens"), fractionDigits: 0, t: t)
            for (dimension, codes) in dimensions {
                let counts = statistics.ordered(dimension, codes: codes)
                let values = shown(counts.map(\.count))
                el("div", .class("table-wrap")) {
                    el("table", .class("table")) {
                        el("caption") { t("centres.stat.by.\(dimension)") }
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col")) { t("centres.field.\(dimension)") }
                                el("th", Attribute("scope", "col"), .class("num")) { t("centres.stat.citizens") }
                            }
                        }
                        el("tbody") {
                            for (index, entry) in counts.enumerated() {
                                el("tr") {
                                    el("th", Attribute("scope", "row")) { label(dimension, entry.code, t: t) }
                                    el("td", .class("num")) { text(values[index]) }
                                }
                            }
                        }
                    }
                }
            }
            let pairs = statistics.ranked("service-blocker").prefix(10)
            if !pairs.isEmpty {
                el("div", .class("table-wrap")) {
                    el("table", .class("table")) {
                        el("caption") { t("centres.stat.top_blockers") }
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col")) { t("centres.field.service") }
                                el("th", Attribute("scope", "col")) { t("centres.field.blocker") }
                                el("th", Attribute("scope", "col"), .class("num")) { t("centres.stat.citizens") }
                            }
                        }
                        el("tbody") {
                            for pair in pairs where !hideSmall || pair.count >= SmallCells.threshold {
                                let parts = pair.code.split(separator: "|", maxSplits: 1).map(String.init)
                                el("tr") {
                                    el("th", Attribute("scope", "row")) { parts[0] == "-" ? t("centres.service.none") : serviceName(parts[0], t: t) }
                                    el("td") { label("blocker", parts.count > 1 ? parts[1] : "", t: t) }
                                    el("td", .class("num")) { t.integer(pair.count) }
                                }
                            }
                        }
                    }
                }
            }
            if hideSmall { el("p", .class("hint")) { t("centres.stat.suppression_note", ["count": String(SmallCells.threshold)]) } }
        }
    }

    /// One checkbox with its label and error, without a fieldset of its own (inside a fieldset already).
    static func singleCheckbox(name: String, label: String, checked: Bool, errors: [FieldError], t: Translator) -> Node {
        let error = errors.first { $0.field == name }
        return el("div", .class(error == nil ? "checkbox" : "checkbox field-error")) {
            if let error { el("p", .class("error-message"), .id("f-\(name)-error")) { el("span", .class("visually-hidden")) { t("ds.error_prefix") + " " }; error.message } }
            el("input", .id("f-\(name)"), .name(name), .type("checkbox"), .value("1"), checked ? .flag("checked") : nil,
               error == nil ? nil : .aria("describedby", "f-\(name)-error"))
            el("label", .for("f-\(name)")) { label }
        }
    }

    /// A case's flag in words: `future-day`, `before-opening`, `renamed:<field>:<old code>`.
    static func flagLabel(_ flag: String, t: Translator) -> String {
        switch flag {
        case "future-day": t("centres.flag.future-day")
        case "before-opening": t("centres.flag.before-opening")
        default: t("centres.flag.renamed")
        }
    }

    static func label(_ dimension: String, _ code: String, t: Translator) -> String {
        switch dimension {
        case "first_time": t(code == "yes" ? "centres.first_time.yes" : "centres.first_time.no")
        case "age_band": t("centres.age_band.\(code)")
        default: t("centres.\(dimension).\(code)")
        }
    }

    static func periodPicker(_ context: PageContext, action: String, year: Int?) -> Node {
        let t = context.t
        let current = Calendar(identifier: .gregorian).component(.year, from: Date())
        return el("form", Attribute("method", "get"), Attribute("action", action), .class("filters")) {
            Forms.select(name: "year", label: t("centres.period"), choices: (2020...current).reversed().map { Choice(value: String($0), label: String($0)) },
                         selected: year.map(String.init), blankLabel: t("centres.last_twelve"), t: t)
            Forms.submit(t("centres.show"))
        }
    }

    static func statistics(_ statistics: CaseStatistics, months: [String], year: Int?, centreCount: Int, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.statistics_title"), breadcrumbs: crumbs(context, [Crumb(t("centres.statistics_title"))])) {
            el("h1") { t("centres.statistics_title") }
            el("p", .class("lead")) { t("centres.statistics_lead", ["count": t.integer(centreCount)]) }
            periodPicker(context, action: context.link(CentresURL.statistics()), year: year)
            figures(statistics, months: months, hideSmall: true, t: t)
        }
    }

    // MARK: a centre

    static func centre(_ centre: Centre, organisation: Organisation?, statistics: CaseStatistics, months: [String], operates: Bool, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: centre.name, breadcrumbs: crumbs(context, [Crumb(centre.name)])) {
            el("h1") { centre.name }
            if let description = centre.summary.resolve(for: context.locale) {
                el("p", .class("lead"), description.locale == context.locale ? nil : .lang(description.locale.rawValue)) { description.text }
            }
            if operates {
                el("ul", .class("downloads")) {
                    el("li") { el("a", .class("button"), .href(context.link(CentresURL.newCase(centre.slug)))) { t("centres.case.new") } }
                    el("li") { el("a", .href(context.link(CentresURL.dashboard(centre.slug)))) { t("centres.dashboard") } }
                    el("li") { el("a", .href(context.link(CentresURL.day(centre.slug)))) { t("centres.day_title") } }
                    el("li") { el("a", .href(context.link(CentresURL.followUps(centre.slug)))) { t("centres.follow_ups") } }
                }
            }
            el("dl", .class("summary-list")) {
                el("dt") { t("centres.municipality") }
                el("dd") { "\(centre.municipality), \(t("country.\(centre.country)"))" }
                if !centre.area.isEmpty {
                    el("dt") { t("centres.area") }
                    el("dd") { centre.area }
                }
                if !centre.address.isEmpty {
                    el("dt") { t("centres.address") }
                    el("dd") { centre.address }
                }
                el("dt") { t("centres.hours") }
                el("dd") { hoursText(centre, t: t) }
                el("dt") { t("centres.channels") }
                el("dd") { centre.channelList.map { t("centres.channel.\($0)") }.joined(separator: ", ") }
                if !centre.languageList.isEmpty {
                    el("dt") { t("centres.languages") }
                    el("dd") { centre.languageList.map { t("centres.language.\($0)") }.joined(separator: ", ") }
                }
                el("dt") { t("centres.accessibility") }
                el("dd") {
                    el("ul") {
                        el("li") { t(centre.stepFree ? "centres.step_free.yes" : "centres.step_free.no") }
                        if centre.signLanguage { el("li") { t("centres.sign_language") } }
                        if centre.easyRead { el("li") { t("centres.easy_read") } }
                    }
                }
                if let organisation {
                    el("dt") { t("centres.run_by_label") }
                    el("dd") { el("a", .href(context.link(NetworkURL.organisation(organisation.slug)))) { organisation.name } }
                }
                if !centre.grantReference.isEmpty {
                    el("dt") { t("centres.grant") }
                    el("dd") { centre.grantReference }
                }
                el("dt") { t("centres.opened") }
                el("dd") { CalendarDate(iso: centre.openedOn).map { t.date($0.noonUTC) } ?? centre.openedOn }
            }
            if centre.slotCapacity > 0 {
                el("p") { el("a", .class("button"), .href(context.link(CentresURL.book(centre.slug)))) { t("centres.book.title") } }
            }
            el("h2") { t("centres.public_figures") }
            figures(statistics, months: months, hideSmall: true, t: t)
        }
    }

    // MARK: official-site check

    static func checkLink(link: String, result: OfficialDomains.Result?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.check_title"), breadcrumbs: crumbs(context, [Crumb(t("centres.check_title"))])) {
            el("h1") { t("centres.check_title") }
            el("p", .class("lead")) { t("centres.check_lead") }
            el("form", Attribute("method", "get"), Attribute("action", context.link(CentresURL.checkLink()))) {
                Forms.text(name: "url", label: t("centres.check_label"), value: link, hint: t("centres.check_hint"), type: "text", t: t)
                Forms.submit(t("centres.check_button"))
            }
            if let result {
                el("div", .class(result.verdict == .official ? "flash flash-info" : "flash flash-warning"), Attribute("role", "status")) {
                    el("p") {
                        t("centres.verdict.\(result.verdict.rawValue)", ["host": result.host, "domain": result.domain,
                                                                          "country": result.country.isEmpty ? "" : t("country.\(result.country)")])
                    }
                }
            }
            el("h2") { t("centres.check_advice_title") }
            el("ul") {
                for index in 1...4 { el("li") { t("centres.check_advice.\(index)") } }
            }
            el("h2") { t("centres.official_domains") }
            el("dl", .class("summary-list")) {
                for country in CentrePublicRoutes.countries {
                    el("dt") { t("country.\(country)") }
                    el("dd") { (OfficialDomains.byCountry[country] ?? []).joined(separator: ", ") }
                }
            }
        }
    }

    // MARK: appointments

    static func book(_ centre: Centre, booking: CentrePublicRoutes.Booking, rules: BookingRules, errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.book.title"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.book.title"))])) {
            el("h1") { t("centres.book.heading", ["centre": centre.name]) }
            el("p") { hoursText(centre, t: t) }
            Forms.errorSummary(errors, t: t)
            el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.book(centre.slug))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "day", label: t("centres.book.day"), value: booking.day, hint: t("centres.book.day_hint"), errors: errors, type: "date", t: t)
                Forms.select(name: "hour", label: t("centres.book.hour"), choices: rules.hours.map { Choice(value: String($0), label: String(format: "%02d:00", $0)) },
                             selected: booking.hour, errors: errors, t: t)
                Forms.text(name: "name", label: t("centres.book.name"), value: booking.name, hint: t("centres.book.name_hint"), errors: errors,
                           autocomplete: "name", t: t)
                Forms.text(name: "contact", label: t("centres.book.contact"), value: booking.contact, hint: t("centres.book.contact_hint"), errors: errors, t: t)
                Forms.select(name: "task", label: t("centres.book.task"), choices: CaseVocabulary.tasks.map { Choice(value: $0, label: t("centres.task.\($0)")) },
                             selected: booking.task, blankLabel: t("centres.choose"), errors: errors, t: t)
                Forms.checkboxes(name: "consent", legend: t("centres.book.consent_legend"), choices: [Choice(value: "1", label: t("centres.book.consent"))],
                                 selected: booking.consent ? ["1"] : [], errors: errors, t: t)
                Forms.submit(t("centres.book.submit"))
            }
        }
    }

    static func appointment(_ appointment: Appointment, centre: Centre, token: String, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.appointment.title"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.appointment.title"))])) {
            el("h1") { t("centres.appointment.title") }
            if appointment.cancelled {
                el("p") { t("centres.appointment.is_cancelled") }
            } else {
                el("p", .class("lead")) { t("centres.appointment.keep_link") }
            }
            el("dl", .class("summary-list")) {
                el("dt") { t("centres.title_one") }
                el("dd") { el("a", .href(context.link(CentresURL.centre(centre.slug)))) { centre.name } }
                el("dt") { t("centres.address") }
                el("dd") { centre.address.isEmpty ? centre.municipality : centre.address }
                el("dt") { t("centres.book.day") }
                el("dd") { CalendarDate(iso: appointment.day).map { t.date($0.noonUTC) } ?? appointment.day }
                el("dt") { t("centres.book.hour") }
                el("dd") { String(format: "%02d:00", appointment.hour) }
                el("dt") { t("centres.book.task") }
                el("dd") { t("centres.task.\(appointment.task)") }
            }
            if !appointment.cancelled {
                el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.cancelAppointment(token)))) {
                    Forms.csrf(context.csrfToken)
                    Forms.submit(t("centres.appointment.cancel"), secondary: true)
                }
            }
        }
    }

    // MARK: staff

    static func staffList(centres: [Centre], totals: [UUID: Int], statistics: CaseStatistics, months: [String], year: Int?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.staff_title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(t("centres.staff_title")),
        ]) {
            el("h1") { t("centres.staff_title") }
            el("p") { el("a", .class("button"), .href(context.link(CentresURL.newCentre()))) { t("centres.form.new") } }
            periodPicker(context, action: context.link(CentresURL.staff()), year: year)
            Tables.table(caption: t("centres.staff_table"),
                         columns: [Column(t("centres.title_one")), Column(t("centres.country")), Column(t("centres.stat.citizens"), numeric: true),
                                   Column(t("centres.target"), numeric: true), Column(t("centres.actions"))],
                         rows: centres.map { centre in
                             [el("a", .href(context.link(CentresURL.dashboard(centre.slug)))) { centre.name },
                              .text(t("country.\(centre.country)")), .text(t.integer(totals[centre.id!] ?? 0)), .text(t.integer(centre.yearlyTarget)),
                              el("a", .href(context.link(CentresURL.editCentre(centre.slug)))) { t("centres.form.edit_link", ["centre": centre.name]) }]
                         }, sort: nil, link: { _ in "" }, t: t)
            el("h2") { t("centres.programme_figures") }
            figures(statistics, months: months, hideSmall: false, t: t)
        }
    }

    static func centreForm(_ centre: Centre?, input: StaffCentreRoutes.CentreInput, operators: [User], errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = centre == nil ? t("centres.form.new") : t("centres.form.edit", ["centre": centre!.name])
        let action = centre.map { context.link(CentresURL.editCentre($0.slug)) } ?? context.link(CentresURL.newCentre())
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("centres.staff_title"), href: context.link(CentresURL.staff())), Crumb(title),
        ]) {
            el("h1") { title }
            Forms.errorSummary(errors, t: t)
            el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                el("input", .type("hidden"), .name("version"), .value(String(input.version)))
                Forms.text(name: "name", label: t("centres.form.name"), value: input.name, errors: errors, t: t)
                Forms.text(name: "organisation", label: t("centres.form.organisation"), value: input.organisation, hint: t("centres.form.organisation_hint"), errors: errors, t: t)
                Forms.text(name: "grant_reference", label: t("centres.grant"), value: input.grantReference, errors: errors, t: t)
                Forms.select(name: "country", label: t("centres.country"), choices: CentrePublicRoutes.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: input.country, blankLabel: t("centres.choose"), errors: errors, t: t)
                Forms.text(name: "municipality", label: t("centres.municipality"), value: input.municipality, errors: errors, t: t)
                Forms.text(name: "area", label: t("centres.area"), value: input.area, errors: errors, t: t)
                Forms.text(name: "address", label: t("centres.address"), value: input.address, errors: errors, t: t)
                Forms.text(name: "latitude", label: t("centres.form.latitude"), value: input.latitude, errors: errors, width: "short", t: t)
                Forms.text(name: "longitude", label: t("centres.form.longitude"), value: input.longitude, errors: errors, width: "short", t: t)
                Forms.checkboxes(name: "weekdays[]", legend: t("centres.form.weekdays"), choices: (1...7).map { Choice(value: String($0), label: t("centres.weekday.\($0)")) },
                                 selected: input.weekdays, errors: errors, t: t)
                Forms.text(name: "opens", label: t("centres.form.opens"), value: input.opens, errors: errors, type: "number", width: "short", t: t)
                Forms.text(name: "closes", label: t("centres.form.closes"), value: input.closes, errors: errors, type: "number", width: "short", t: t)
                Forms.text(name: "slot_capacity", label: t("centres.form.capacity"), value: input.slotCapacity, hint: t("centres.form.capacity_hint"), errors: errors, type: "number", width: "short", t: t)
                Forms.checkboxes(name: "channels[]", legend: t("centres.channels"), choices: CaseVocabulary.channels.map { Choice(value: $0, label: t("centres.channel.\($0)")) },
                                 selected: input.channels, errors: errors, t: t)
                Forms.checkboxes(name: "languages[]", legend: t("centres.languages"), choices: StaffCentreRoutes.languages.map { Choice(value: $0, label: t("centres.language.\($0)")) },
                                 selected: input.languages, errors: errors, t: t)
                Forms.checkboxes(name: "access[]", legend: t("centres.accessibility"), choices: [
                    Choice(value: "step_free", label: t("centres.step_free.yes")), Choice(value: "sign_language", label: t("centres.sign_language")),
                    Choice(value: "easy_read", label: t("centres.easy_read")),
                ], selected: Set([input.stepFree ? "step_free" : "", input.signLanguage ? "sign_language" : "", input.easyRead ? "easy_read" : ""]), t: t)
                Forms.textarea(name: "description", label: t("centres.form.description"), value: input.description, hint: t("centres.form.description_hint"), errors: errors, t: t)
                Forms.text(name: "opened_on", label: t("centres.opened"), value: input.openedOn, errors: errors, type: "date", t: t)
                Forms.text(name: "closed_on", label: t("centres.form.closed"), value: input.closedOn, errors: errors, type: "date", t: t)
                Forms.text(name: "yearly_target", label: t("centres.target"), value: input.yearlyTarget, errors: errors, type: "number", width: "short", t: t)
                Forms.submit(t("centres.form.save"))
            }
            if let centre {
                el("h2") { t("centres.operators.title") }
                if operators.isEmpty {
                    el("p") { t("centres.operators.none") }
                } else {
                    el("ul") {
                        for user in operators {
                            el("li") {
                                "\(user.name) (\(user.email)) "
                                el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.removeOperator(centre.slug, user.id!))), .class("inline")) {
                                    Forms.csrf(context.csrfToken)
                                    el("button", .type("submit"), .class("link-button")) { t("centres.operators.remove", ["name": user.name]) }
                                }
                            }
                        }
                    }
                }
                el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.operators(centre.slug)))) {
                    Forms.csrf(context.csrfToken)
                    Forms.text(name: "email", label: t("centres.operators.email"), value: "", hint: t("centres.operators.hint"), type: "email", t: t)
                    Forms.submit(t("centres.operators.add"), secondary: true)
                }
            }
        }
    }
}
