// Public grants pages: calls with their lots, one call, and the register of awarded grants.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

enum GrantsPages {
    /// An amount the way the reader's locale writes it, e.g. `€13,000.00` (en), `13.000,00 €` (mk).
    static func money(_ minorUnits: Int64, _ currency: Grants.Currency, _ locale: AppLocale) -> String {
        Grants.MoneyFormatter.formatWithCurrency(Grants.Money(minorUnits: minorUnits, currency: currency), locale: amountLocale(locale))
    }

    static func amountLocale(_ locale: AppLocale) -> Grants.AmountLocale {
        Grants.AmountLocale(rawValue: locale.rawValue) ?? .en
    }

    /// An instant in the call's time zone: "15 June 2020, 16:00 (Europe/Skopje)".
    static func instant(_ date: Date, in timeZone: TimeZone, t: Translator) -> String {
        let parts = Grants.LocalTime.components(of: date, in: timeZone)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return t("grants.at_time", ["date": t.date(date, timeZone: timeZone), "time": time, "zone": timeZone.identifier])
    }

    static func calendarDate(_ date: CalendarDate?, t: Translator) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) else { return date.iso }
        return t.date(instant)
    }

    /// User content in the reader's language, with `lang` when it falls back to another one.
    static func localized(_ text: LocalizedText, _ context: PageContext, element: String = "span", fallback: String = "") -> Node {
        guard let resolved = text.resolve(for: context.locale) else { return .text(fallback) }
        if resolved.locale == context.locale { return element == "span" ? .text(resolved.text) : el(element) { resolved.text } }
        return el(element, .lang(resolved.locale.rawValue)) { resolved.text }
    }

    static func plainText(_ text: LocalizedText, _ locale: AppLocale, fallback: String) -> String {
        text.resolve(for: locale)?.text ?? fallback
    }

    static func countries(_ codes: [String], t: Translator) -> String {
        codes.map { t("country.\($0)") }.joined(separator: ", ")
    }

    // MARK: /grants

    static func overview(calls: [PublicCall], now: Date, context: PageContext) -> String {
        let t = context.t
        let open = calls.filter { $0.call.status == .open && $0.call.window.timing(of: now) != .late }
        let past = calls.filter { call in !open.contains { $0.call.id == call.call.id } }
        return Layout.page(context, title: t("grants.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"))]) {
            el("h1") { t("grants.title") }
            el("p", .class("lead")) { t("grants.intro") }
            el("p") { el("a", .href(context.link(GrantsURL.register()))) { t("grants.register.title") } }
            el("h2") { t("grants.open_calls") }
            if open.isEmpty {
                el("p") { t("grants.no_open_calls") }
            } else {
                for call in open { callSummary(call, context: context) }
            }
            el("h2") { t("grants.past_calls") }
            if past.isEmpty {
                el("p") { t("grants.no_past_calls") }
            } else {
                for call in past { callSummary(call, context: context) }
            }
        }
    }

    static func callSummary(_ item: PublicCall, context: PageContext) -> Node {
        let t = context.t
        let call = item.call
        let title = plainText(call.title, context.locale, fallback: call.code)
        return el("section", .class("call"), .aria("labelledby", "call-\(call.code)")) {
            el("h3", .id("call-\(call.code)")) { el("a", .href(context.link(GrantsURL.call(call.code)))) { localized(call.title, context, fallback: call.code) } }
            el("dl", .class("summary-list")) {
                el("dt") { t("grants.programme") }
                el("dd") { item.programme.name }
                el("dt") { t("grants.deadline") }
                el("dd") { el("time", Attribute("datetime", ISO8601DateFormatter().string(from: call.deadline))) { instant(call.deadline, in: call.timeZone, t: t) } }
            }
            lotsTable(item, caption: t("grants.lots_caption", ["call": title]), context: context)
        }
    }

    static func lotsTable(_ item: PublicCall, caption: String, context: PageContext) -> Node {
        let t = context.t
        let currency = item.programme.currency
        return Tables.table(
            caption: caption,
            columns: [Column(t("grants.lot")), Column(t("grants.grant_amount"), numeric: true), Column(t("grants.envelope"), numeric: true),
                      Column(t("grants.duration")), Column(t("grants.eligible_countries"))],
            rows: item.lots.map { lot in
                [
                    localized(lot.title, context, fallback: lot.code),
                    .text(t("grants.amount_range", ["min": money(lot.minAmountMinor, currency, context.locale), "max": money(lot.maxAmountMinor, currency, context.locale)])),
                    .text(lot.envelopeMinor.map { money($0, currency, context.locale) } ?? t("grants.envelope_not_published")),
                    .text(t.plural("grants.duration_months", count: lot.durationMonths)),
                    .text(countries(lot.eligibleCountries, t: t)),
                ]
            },
            sort: nil, link: { _ in "" }, t: t)
    }

    // MARK: /grants/calls/{code}

    static func call(_ item: PublicCall, context: PageContext) -> String {
        let t = context.t
        let call = item.call
        let currency = item.programme.currency
        let title = plainText(call.title, context.locale, fallback: call.code)
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())), Crumb(title),
        ]) {
            el("h1") { localized(call.title, context, fallback: call.code) }
            if !call.text.isEmpty { localized(call.text, context, element: "p") }
            el("dl", .class("summary-list")) {
                el("dt") { t("grants.programme") }
                el("dd") { item.programme.name }
                el("dt") { t("grants.donor") }
                el("dd") { item.programme.donor }
                el("dt") { t("grants.opens") }
                el("dd") { instant(call.opensAt, in: call.timeZone, t: t) }
                el("dt") { t("grants.deadline") }
                el("dd") { instant(call.deadline, in: call.timeZone, t: t) }
            }
            if call.status == .open && call.window.isOnTime(Date()) {
                el("p") { el("a", .class("button"), .href(context.link(GrantsURL.apply(call.code)))) { t("grants.apply.start") } }
                el("p") { el("a", .href(context.link(GrantsURL.registerOrganisation()))) { t("grants.registration.link") } }
            }
            lotsTable(item, caption: t("grants.lots_caption", ["call": title]), context: context)
            for lot in item.lots {
                let lotTitle = plainText(lot.title, context.locale, fallback: lot.code)
                el("section", .aria("labelledby", "lot-\(lot.code)")) {
                    el("h2", .id("lot-\(lot.code)")) { localized(lot.title, context, fallback: lot.code) }
                    el("dl", .class("summary-list")) {
                        el("dt") { t("grants.grant_amount") }
                        el("dd") { t("grants.amount_range", ["min": money(lot.minAmountMinor, currency, context.locale), "max": money(lot.maxAmountMinor, currency, context.locale)]) }
                        el("dt") { t("grants.envelope") }
                        el("dd") { lot.envelopeMinor.map { money($0, currency, context.locale) } ?? t("grants.envelope_not_published") }
                        if let maxGrants = lot.maxGrants {
                            el("dt") { t("grants.max_grants") }
                            el("dd") { t.integer(maxGrants) }
                        }
                        if let perCountry = lot.maxGrantsPerCountry {
                            el("dt") { t("grants.per_country") }
                            el("dd") { t.integer(perCountry) }
                        }
                        el("dt") { t("grants.duration") }
                        el("dd") { t.plural("grants.duration_months", count: lot.durationMonths) }
                        el("dt") { t("grants.co_financing") }
                        el("dd") { GrantsMessages.percent(Grants.BasisPoints(lot.minCoFinancingBasisPoints).ratio, t: t) }
                        el("dt") { t("grants.applicants") }
                        el("dd") { lot.applicantKinds.map { t("org.kind.\($0)") }.joined(separator: ", ") }
                        el("dt") { t("grants.eligible_countries") }
                        el("dd") { countries(lot.eligibleCountries, t: t) }
                    }
                    if !lot.resultsMenu.isEmpty {
                        el("h3") { t("grants.results_menu") }
                        el("p") { t.plural("grants.results_minimum", count: lot.minimumResults) }
                        el("ul") { for option in lot.resultsMenu { el("li") { localized(option.title, context, fallback: option.id) } } }
                    }
                    if !lot.criteria.isEmpty {
                        el("h3") { t("grants.criteria") }
                        Tables.table(
                            caption: t("grants.criteria_caption", ["lot": lotTitle]),
                            columns: [Column(t("grants.criterion")), Column(t("grants.weight"), numeric: true), Column(t("grants.max_score"), numeric: true)],
                            rows: lot.criteria.map { criterion in
                                [localized(criterion.title, context, fallback: criterion.id), .text(t.integer(Int(criterion.weight))), .text(t.integer(Int(criterion.maxScore)))]
                            },
                            sort: nil, link: { _ in "" }, t: t)
                    }
                }
            }
            el("p") { el("a", .href(context.link(GrantsURL.register(["call": call.code])))) { t("grants.register.title") } }
            if call.rankingPublic {
                el("p") { el("a", .href(context.link(GrantsURL.publicRanking(call.code)))) { t("grants.public_ranking.title") } }
            }
        }
    }

    // MARK: /grants/calls/{code}/ranking

    /// One lot of a published ranking: the funded applications and the reserve list by rank; the others are counted.
    struct PublicRankingLot {
        var lot: GrantLot
        var rows: [(rank: Int, organisation: String, country: String, requested: Int64, mean: Grants.Ratio?, state: String)]
        var notListed: Int
    }

    static func publicRanking(_ item: PublicCall, lots: [PublicRankingLot], context: PageContext) -> String {
        let t = context.t
        let title = plainText(item.call.title, context.locale, fallback: item.call.code)
        return Layout.page(context, title: t("grants.public_ranking.page_title", ["call": title]), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())),
            Crumb(title, href: context.link(GrantsURL.call(item.call.code))), Crumb(t("grants.public_ranking.title")),
        ]) {
            el("h1") { t("grants.public_ranking.page_title", ["call": title]) }
            el("p") { t("grants.public_ranking.intro") }
            for entry in lots {
                let lotTitle = plainText(entry.lot.title, context.locale, fallback: entry.lot.code)
                el("h2") { localized(entry.lot.title, context, fallback: entry.lot.code) }
                if entry.rows.isEmpty {
                    el("p") { t("grants.public_ranking.empty") }
                } else {
                    Tables.table(
                        caption: t("grants.public_ranking.caption", ["lot": lotTitle]),
                        columns: [Column(t("grants.ranking.rank"), numeric: true), Column(t("grants.apply.organisation")), Column(t("grants.country")),
                                  Column(t("grants.budget.requested_total"), numeric: true), Column(t("grants.ranking.mean"), numeric: true), Column(t("grants.state"))],
                        rows: entry.rows.map { row in
                            [.text(t.integer(row.rank)), .text(row.organisation), .text(t("country.\(row.country)")),
                             .text(money(row.requested, item.programme.currency, context.locale)), .text(GrantsMessages.points(row.mean, t: t)),
                             .text(t("grants.state.\(row.state)"))]
                        },
                        sort: nil, link: { _ in "" }, t: t)
                }
                if entry.notListed > 0 { el("p") { t.plural("grants.public_ranking.not_listed", count: entry.notListed) } }
            }
        }
    }

    // MARK: /grants/register

    struct RegisterModel {
        var query: GrantRegisterQuery
        var rows: [RegisterRow]
        var total: Int
        var calls: [PublicCall]
    }

    static func register(_ model: RegisterModel, context: PageContext) -> String {
        let t = context.t
        let query = model.query
        let link: @Sendable ([String: String]) -> String = { changes in
            context.link(GrantsURL.register(query.parameters(changes.mapValues { Optional($0) })))
        }
        var lotChoices: [Choice] = []
        for call in model.calls {
            for lot in call.lots where !lotChoices.contains(where: { $0.value == lot.code }) {
                lotChoices.append(Choice(value: lot.code, label: plainText(lot.title, context.locale, fallback: lot.code)))
            }
        }
        let info = PageInfo(page: query.page, perPage: query.perPage, total: model.total)
        return Layout.page(context, title: t("grants.register.title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())), Crumb(t("grants.register.title")),
        ]) {
            el("h1") { t("grants.register.title") }
            el("p", .class("lead")) { t("grants.register.intro") }
            el("form", Attribute("method", "get"), Attribute("action", context.link(GrantsURL.register())), .class("filters"), Attribute("role", "search")) {
                el("div", .class("filter-grid")) {
                    Forms.select(name: "call", label: t("grants.call"),
                                 choices: model.calls.map { Choice(value: $0.call.code, label: plainText($0.call.title, context.locale, fallback: $0.call.code)) },
                                 selected: query.call, blankLabel: t("grants.any_call"), t: t)
                    Forms.select(name: "lot", label: t("grants.lot"), choices: lotChoices, selected: query.lot, blankLabel: t("grants.any_lot"), t: t)
                    Forms.select(name: "country", label: t("directory.country"),
                                 choices: GrantsSeed.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: query.country, blankLabel: t("directory.any_country"), t: t)
                }
                Forms.submit(t("directory.apply_filters"))
                el("a", .href(context.link(GrantsURL.register()))) { t("directory.clear_filters") }
            }
            el("p", Attribute("role", "status")) { t.plural("grants.register.count", count: model.total) }
            if model.rows.isEmpty {
                el("p") { t("grants.register.empty") }
            } else {
                Tables.table(
                    caption: t("grants.register.caption"),
                    columns: [Column(t("grants.recipient"), sortKey: "recipient"), Column(t("directory.country")), Column(t("grants.lot"), sortKey: "lot"),
                              Column(t("grants.amount"), sortKey: "amount", numeric: true), Column(t("grants.award_date"), sortKey: "date"),
                              Column(t("grants.period"))],
                    rows: model.rows.map { row in
                        [
                            // Only listed organisations have a public page; the others are named without a link.
                            row.recipient.listed ? el("a", .href(context.link(NetworkURL.organisation(row.recipient.slug)))) { row.recipient.name }
                                : .text(row.recipient.name),
                            .text(t("country.\(row.recipient.countryCode)")),
                            localized(row.lot.title, context, fallback: row.lot.code),
                            .text(money(row.grant.amountMinor, row.programme.currency, context.locale)),
                            el("time", Attribute("datetime", row.grant.awardDate)) { calendarDate(row.grant.awardCalendarDate, t: t) },
                            .text(t("grants.period_value", ["start": calendarDate(row.grant.plannedStartDate, t: t), "end": calendarDate(row.grant.plannedEndDate, t: t)])),
                        ]
                    },
                    sort: query.sort, link: link, t: t)
                Tables.pagination(info, link: link, t: t)
            }
            el("h2") { t("directory.downloads") }
            el("ul", .class("downloads")) {
                let filters = QueryString.encode(query.parameters(["page": nil]))
                el("li") { el("a", .href(GrantsURL.apiCSV(filters)), Attribute("download", nil)) { t("grants.download_csv") } }
                el("li") { el("a", .href(GrantsURL.apiThreeSixtyGiving())) { t("grants.download_360giving") } }
            }
        }
    }
}
