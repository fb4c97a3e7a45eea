// The results pages. Every actual links to the records it was computed from, or lists the reported values (with
// partner and evidence) behind it; each chart has its table.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods

enum ResultsPages {
    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("results.title"), href: context.link(ResultsURL.list()))] + rest
    }

    static func text(_ value: LocalizedText, _ context: PageContext, fallback: String = "") -> Node {
        context.text(value, fallback: fallback)
    }

    static func plain(_ value: LocalizedText, _ context: PageContext, fallback: String = "") -> String {
        value.resolve(for: context.locale)?.text ?? fallback
    }

    static func day(_ iso: String, t: Translator) -> String { CalendarDate(iso: iso).map { t.date($0.noonUTC) } ?? iso }

    static func list(_ programmes: [ResultsProgramme], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("results.title"), breadcrumbs: crumbs(context, []).dropLast().map { $0 } + [Crumb(t("results.title"))]) {
            el("h1") { t("results.title") }
            el("p", .class("lead")) { t("results.lead") }
            if programmes.isEmpty {
                el("p") { t("results.none") }
            } else {
                el("ul", .class("cards")) {
                    for programme in programmes {
                        el("li", .class("card")) {
                            el("h2") { el("a", .href(context.link(ResultsURL.programme(programme.slug)))) { text(programme.title, context, fallback: programme.slug) } }
                            el("p") { t("results.period_value", ["start": day(programme.startsOn, t: t), "end": day(programme.endsOn, t: t)]) }
                            el("p") { t("results.donor_value", ["donor": programme.donor]) }
                        }
                    }
                }
            }
        }
    }

    static func statusLabel(_ status: ProgressStatus, t: Translator) -> String { t("results.status.\(status.rawValue)") }

    static func roleLabel(_ role: String, t: Translator) -> String {
        switch role {
        case "1": t("results.role.funding")
        case "2": t("results.role.accountable")
        case "3": t("results.role.extending")
        default: t("results.role.implementing")
        }
    }

    static func levelLabel(_ level: ResultsNode.Level, t: Translator) -> String { t("results.level.\(level.rawValue)") }

    /// The public page, or the staff view when `staff` is given (unpublished indicators, forms, pending values).
    static func programme(_ view: ProgrammeView, staff: ResultsRoutes.StaffState?, context: PageContext) -> String {
        let t = context.t
        let programme = view.programme
        let title = plain(programme.title, context, fallback: programme.slug)
        let breadcrumbs = staff == nil ? crumbs(context, [Crumb(title)]) : [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)),
            Crumb(t("results.staff_title"), href: context.link(ResultsURL.staff())), Crumb(title),
        ]
        let endTargets: [(IndicatorFigure, TargetFigure)] = view.allIndicators.compactMap { figure in
            figure.targets.last(where: { $0.period.end == view.period.end }).map { (figure, $0) }
        }
        return Layout.page(context, title: title, breadcrumbs: breadcrumbs) {
            el("h1") { title }
            if let summary = programme.summary.resolve(for: context.locale) {
                el("p", .class("lead"), summary.locale == context.locale ? nil : .lang(summary.locale.rawValue)) { summary.text }
            }
            el("dl", .class("summary-list")) {
                el("dt") { t("results.donor") }
                el("dd") { programme.donor }
                el("dt") { t("results.period") }
                el("dd") { t("results.period_value", ["start": day(programme.startsOn, t: t), "end": day(programme.endsOn, t: t)]) }
                el("dt") { t("results.budget") }
                el("dd") { "\(t.integer(Int(clamping: programme.budgetMinor / 100))) \(programme.currency)" }
                el("dt") { t("results.partners") }
                el("dd") {
                    el("ul") {
                        for partner in view.partners { el("li") { "\(partner.name) (\(roleLabel(partner.role, t: t)))" } }
                    }
                }
            }
            if staff == nil {
                el("ul", .class("downloads")) {
                    el("li") { el("a", .href(ResultsURL.apiCSV(programme.slug))) { t("results.download_csv") } }
                    el("li") { el("a", .href(ResultsURL.apiProgramme(programme.slug))) { t("results.download_json") } }
                    el("li") { el("a", .href(ResultsURL.apiIATI())) { t("results.download_iati") } }
                }
            } else {
                el("ul", .class("downloads")) {
                    el("li") { el("a", .href(context.link(ResultsURL.report(programme.slug, ["kind": "interim"])))) { t("results.report_interim") } }
                    el("li") { el("a", .href(context.link(ResultsURL.report(programme.slug, ["kind": "final"])))) { t("results.report_final") } }
                    if programme.published { el("li") { el("a", .href(context.link(ResultsURL.programme(programme.slug)))) { t("results.public_page") } } }
                }
            }
            if !endTargets.isEmpty {
                Charts.bars(id: "results-achievement", title: t("results.chart_title"),
                            data: endTargets.map { ChartDatum($0.0.indicator.code, $0.1.assessment.percent.map { Double(max(0, $0)) }) },
                            maximum: 100, valueLabel: t("results.chart_value"), fractionDigits: 0, t: t)
            }
            if let staff { staffPanel(view, staff: staff, context: context) }
            for (node, depth) in view.nodes {
                let heading = depth == 0 ? "h2" : depth == 1 ? "h2" : depth == 2 ? "h3" : "h4"
                el("section", .class("results-node")) {
                    el(heading) { "\(levelLabel(node.level, t: t)) \(node.code): "; text(node.title, context) }
                    if let assumptions = node.assumptions.resolve(for: context.locale) {
                        el("p", .class("hint")) { t("results.assumptions", ["text": assumptions.text]) }
                    }
                    if !node.partner.isEmpty { el("p", .class("muted")) { t("results.responsible", ["partner": node.partner]) } }
                    let figures = view.indicators[node.id!] ?? []
                    if !figures.isEmpty { indicatorTable(figures, node: node, programme: programme, staff: staff != nil, context: context) }
                }
            }
        }
    }

    static func indicatorTable(_ figures: [IndicatorFigure], node: ResultsNode, programme: ResultsProgramme, staff: Bool, context: PageContext) -> Node {
        let t = context.t
        return el("div", .class("table-wrap")) {
            el("table", .class("table")) {
                el("caption") { t("results.indicators_of", ["code": node.code]) }
                el("thead") {
                    el("tr") {
                        for label in [t("results.indicator"), t("results.baseline"), t("results.period"), t("results.target"), t("results.actual"), t("results.status")] {
                            el("th", Attribute("scope", "col")) { label }
                        }
                    }
                }
                el("tbody") {
                    for figure in figures {
                        let indicator = figure.indicator
                        let rows = max(1, figure.targets.count)
                        el("tr") {
                            el("th", Attribute("scope", "row"), Attribute("rowspan", String(rows))) {
                                el("span") { "\(indicator.code) " }
                                text(indicator.title, context)
                                el("br")
                                el("span", .class("muted")) {
                                    t(indicator.source == .computed ? "results.source.computed" : "results.source.reported", ["unit": indicator.unit])
                                }
                                if staff && !indicator.published { el("br"); el("span", .class("tag")) { t("results.unpublished") } }
                                if figure.metricMissing {
                                    el("br")
                                    el("strong") { t("results.metric_missing", ["metric": indicator.metric]) }
                                }
                                if staff {
                                    el("br")
                                    el("a", .href(context.link(ResultsURL.indicator(programme.slug, indicator.id!)))) { t("results.edit_indicator", ["code": indicator.code]) }
                                }
                            }
                            el("td", Attribute("rowspan", String(rows)), .class("num")) {
                                t("results.baseline_value", ["value": t.integer(indicator.baselineValue), "date": day(indicator.baselineDate, t: t)])
                            }
                            if let first = figure.targets.first {
                                targetCells(first, indicator: indicator, context: context)
                            } else {
                                el("td", Attribute("colspan", "4")) { t("results.no_targets") }
                            }
                        }
                        for target in figure.targets.dropFirst() {
                            el("tr") { targetCells(target, indicator: indicator, context: context) }
                        }
                    }
                }
            }
            for figure in figures where !figure.disaggregations.isEmpty {
                for (breakdown, values) in figure.disaggregations where !values.isEmpty {
                    el("table", .class("table")) {
                        el("caption") { t("results.disaggregation", ["code": figure.indicator.code, "breakdown": t("results.breakdown.\(breakdown)")]) }
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col")) { t("results.breakdown.\(breakdown)") }
                                el("th", Attribute("scope", "col"), .class("num")) { figure.indicator.unit }
                            }
                        }
                        el("tbody") {
                            for value in values {
                                let code = value.breakdown[breakdown] ?? ""
                                el("tr") {
                                    el("th", Attribute("scope", "row")) { breakdown == "country" && !code.isEmpty ? t("country.\(code)") : (code.isEmpty ? "–" : code) }
                                    el("td", .class("num")) { t.integer(value.value) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func targetCells(_ target: TargetFigure, indicator: ResultsIndicator, context: PageContext) -> Node {
        let t = context.t
        return fragment {
            el("td") { t("results.period_value", ["start": day(target.target.startsOn, t: t), "end": day(target.target.endsOn, t: t)]) }
            el("td", .class("num")) { t.integer(target.target.value) }
            el("td", .class("num")) {
                if let actual = target.actual {
                    if let records = target.records {
                        el("a", .href(context.link(records))) { t.integer(actual) }
                    } else {
                        t.integer(actual)
                    }
                    for value in target.reported {
                        el("br")
                        el("span", .class("muted")) {
                            t("results.reported_by", ["partner": value.partner, "value": t.integer(value.value)]) + " "
                            el("a", .href(value.evidence), Attribute("rel", "nofollow noopener")) { t("results.evidence") }
                        }
                    }
                } else {
                    t("results.no_value")
                }
            }
            el("td") {
                statusLabel(target.assessment.status, t: t)
                if let percent = target.assessment.percent { " (\(t.integer(percent)) %)" }
                if !target.target.note.isEmpty {
                    el("br")
                    el("span", .class("muted")) { target.target.note }
                } else if target.assessment.status == .behind {
                    el("br")
                    el("span", .class("muted")) { t("results.note_missing") }
                }
            }
        }
    }

    static func indicatorChoices(_ view: ProgrammeView, reportedOnly: Bool, context: PageContext) -> [Choice] {
        view.allIndicators.filter { !reportedOnly || $0.indicator.source == .reported }.map {
            Choice(value: $0.indicator.id!.uuidString.lowercased(), label: "\($0.indicator.code) \(plain($0.indicator.title, context))")
        }
    }

    static func staffPanel(_ view: ProgrammeView, staff: ResultsRoutes.StaffState, context: PageContext) -> Node {
        let t = context.t
        let slug = view.programme.slug
        return el("section", .class("results-staff")) {
            el("h2") { t("results.pending_title") }
            if staff.pending.isEmpty {
                el("p") { t("results.pending_none") }
            } else {
                el("ul", .class("cards")) {
                    for value in staff.pending {
                        let indicator = view.allIndicators.first { $0.indicator.id == value.indicatorID }?.indicator
                        el("li", .class("card")) {
                            el("p") {
                                t("results.pending_value", ["indicator": indicator?.code ?? "", "value": t.integer(value.value), "partner": value.partner,
                                                            "start": day(value.startsOn, t: t), "end": day(value.endsOn, t: t)])
                            }
                            el("p") { el("a", .href(value.evidence), Attribute("rel", "nofollow noopener")) { t("results.evidence_of", ["indicator": indicator?.code ?? ""]) } }
                            if !value.note.isEmpty { el("p", .class("muted")) { value.note } }
                            el("form", Attribute("method", "post"), Attribute("action", context.link(ResultsURL.decide(slug, value.id!))), .class("inline")) {
                                Forms.csrf(context.csrfToken)
                                el("button", .type("submit"), .name("decision"), .value("approve"), .class("button")) { t("results.approve") }
                                el("button", .type("submit"), .name("decision"), .value("reject"), .class("button button-secondary")) { t("results.reject") }
                            }
                        }
                    }
                }
            }
            let errors = staff.errors
            Forms.errorSummary(errors, t: t)
            el("h2") { t("results.report_value_title") }
            el("form", Attribute("method", "post"), Attribute("action", context.link(ResultsURL.reportValue(slug))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                let value = staff.value
                Forms.select(name: "indicator", label: t("results.indicator"), choices: indicatorChoices(view, reportedOnly: true, context: context),
                             selected: value.indicator, blankLabel: t("results.choose"), errors: errors, t: t)
                Forms.text(name: "starts_on", label: t("results.period_start"), value: value.startsOn, errors: errors, type: "date", t: t)
                Forms.text(name: "ends_on", label: t("results.period_end"), value: value.endsOn, errors: errors, type: "date", t: t)
                Forms.text(name: "value", label: t("results.value"), value: value.value, errors: errors, type: "number", width: "short", t: t)
                Forms.text(name: "unit", label: t("results.unit"), value: value.unit, hint: t("results.unit_hint"), errors: errors, t: t)
                Forms.text(name: "evidence", label: t("results.evidence"), value: value.evidence, hint: t("results.evidence_hint"), errors: errors, type: "url", t: t)
                Forms.text(name: "partner", label: t("results.partner"), value: value.partner, errors: errors, t: t)
                Forms.textarea(name: "note", label: t("results.note"), value: value.note, errors: errors, rows: 3, t: t)
                Forms.submit(t("results.submit_value"))
            }
            el("h2") { t("results.target_title") }
            el("form", Attribute("method", "post"), Attribute("action", context.link(ResultsURL.target(slug))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                // the target form's fields have names of their own: two forms on one page must not share ids
                let target = staff.target
                Forms.select(name: "target_indicator", label: t("results.indicator"), choices: indicatorChoices(view, reportedOnly: false, context: context),
                             selected: target.indicator, blankLabel: t("results.choose"), errors: errors, t: t)
                Forms.text(name: "target_starts_on", label: t("results.period_start"), value: target.startsOn, errors: errors, type: "date", t: t)
                Forms.text(name: "target_ends_on", label: t("results.period_end"), value: target.endsOn, errors: errors, type: "date", t: t)
                Forms.text(name: "target_value", label: t("results.target"), value: target.value, errors: errors, type: "number", width: "short", t: t)
                Forms.textarea(name: "target_note", label: t("results.gap_note"), value: target.note, hint: t("results.gap_note_hint"), errors: errors, rows: 3, t: t)
                Forms.submit(t("results.save_target"))
            }
        }
    }

    static func staffList(_ programmes: [ResultsProgramme], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("results.staff_title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(t("results.staff_title")),
        ]) {
            el("h1") { t("results.staff_title") }
            if programmes.isEmpty {
                el("p") { t("results.none") }
            } else {
                el("ul") {
                    for programme in programmes {
                        el("li") { el("a", .href(context.link(ResultsURL.staffProgramme(programme.slug)))) { text(programme.title, context, fallback: programme.slug) } }
                    }
                }
            }
        }
    }

    static func indicatorForm(_ programme: ResultsProgramme, _ indicator: ResultsIndicator, input: ResultsRoutes.IndicatorInput, metrics: [Metric],
                              errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = t("results.edit_indicator", ["code": indicator.code])
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("results.staff_title"), href: context.link(ResultsURL.staff())),
            Crumb(plain(programme.title, context, fallback: programme.slug), href: context.link(ResultsURL.staffProgramme(programme.slug))), Crumb(title),
        ]) {
            el("h1") { title }
            Forms.errorSummary(errors, t: t)
            el("form", Attribute("method", "post"), Attribute("action", context.link(ResultsURL.indicator(programme.slug, indicator.id!))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "title", label: t("results.indicator_title"), value: input.title, errors: errors, t: t)
                Forms.textarea(name: "definition", label: t("results.definition"), value: input.definition, errors: errors, rows: 3, t: t)
                Forms.text(name: "unit", label: t("results.unit"), value: input.unit, errors: errors, t: t)
                Forms.radios(name: "source", legend: t("results.source"), choices: [
                    Choice(value: "computed", label: t("results.source_computed")), Choice(value: "reported", label: t("results.source_reported")),
                ], selected: input.source, errors: errors, t: t)
                Forms.select(name: "metric", label: t("results.metric"), choices: metrics.sorted { $0.id < $1.id }.map { Choice(value: $0.id, label: "\($0.id) — \($0.description)") },
                             selected: input.metric, blankLabel: t("results.none_metric"), hint: t("results.metric_hint"), errors: errors, t: t)
                Forms.text(name: "aggregate", label: t("results.aggregate"), value: input.aggregate, hint: t("results.aggregate_hint"), errors: errors, t: t)
                Forms.text(name: "disaggregations", label: t("results.disaggregations"), value: input.disaggregations, hint: t("results.disaggregations_hint"), errors: errors, t: t)
                Forms.text(name: "baseline_value", label: t("results.baseline"), value: input.baselineValue, errors: errors, type: "number", width: "short", t: t)
                Forms.text(name: "baseline_date", label: t("results.baseline_date"), value: input.baselineDate, errors: errors, type: "date", t: t)
                Forms.text(name: "tolerance", label: t("results.tolerance"), value: input.tolerance, hint: t("results.tolerance_hint"), errors: errors, type: "number", width: "short", t: t)
                Forms.radios(name: "ascending", legend: t("results.direction"), choices: [
                    Choice(value: "1", label: t("results.direction_up")), Choice(value: "0", label: t("results.direction_down")),
                ], selected: input.ascending ? "1" : "0", t: t)
                Forms.checkboxes(name: "published", legend: t("results.publication"), choices: [Choice(value: "1", label: t("results.published_label"))],
                                 selected: input.published ? ["1"] : [], t: t)
                Forms.submit(t("results.save_indicator"))
            }
        }
    }

    static func report(_ view: ProgrammeView, kind: String, period: MetricPeriod, figures: [(IndicatorFigure, Int?)], narrative: ResultsNarrative?,
                       context: PageContext) -> String {
        let t = context.t
        let programme = view.programme
        let title = t(kind == "final" ? "results.report_final" : "results.report_interim")
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("results.staff_title"), href: context.link(ResultsURL.staff())),
            Crumb(plain(programme.title, context, fallback: programme.slug), href: context.link(ResultsURL.staffProgramme(programme.slug))), Crumb(title),
        ]) {
            el("h1") { "\(title): "; text(programme.title, context) }
            el("p", .class("lead")) { t("results.period_value", ["start": t.date(period.start.noonUTC), "end": t.date(period.end.noonUTC)]) }
            el("form", Attribute("method", "get"), Attribute("action", context.link(ResultsURL.report(programme.slug))), .class("filters no-print")) {
                Forms.radios(name: "kind", legend: t("results.report_kind"), choices: [
                    Choice(value: "interim", label: t("results.report_interim")), Choice(value: "final", label: t("results.report_final")),
                ], selected: kind, inline: true, t: t)
                Forms.text(name: "from", label: t("results.period_start"), value: period.start.iso, type: "date", t: t)
                Forms.text(name: "to", label: t("results.period_end"), value: period.end.iso, type: "date", t: t)
                Forms.submit(t("results.show"))
            }
            el("div", .class("table-wrap")) {
                el("table", .class("table")) {
                    el("caption") { t("results.logframe_table") }
                    el("thead") {
                        el("tr") {
                            for label in [t("results.indicator"), t("results.baseline"), t("results.target"), t("results.actual"), t("results.comments")] {
                                el("th", Attribute("scope", "col")) { label }
                            }
                        }
                    }
                    el("tbody") {
                        for (figure, actual) in figures {
                            let target = figure.targets.first { $0.period.end >= period.end } ?? figure.targets.last
                            el("tr") {
                                el("th", Attribute("scope", "row")) { "\(figure.indicator.code) "; text(figure.indicator.title, context) }
                                el("td", .class("num")) { t.integer(figure.indicator.baselineValue) }
                                el("td", .class("num")) { target.map { t.integer($0.target.value) } ?? "–" }
                                el("td", .class("num")) { actual.map { t.integer($0) } ?? t("results.no_value") }
                                el("td") {
                                    if figure.metricMissing { t("results.metric_missing", ["metric": figure.indicator.metric]) }
                                    target?.target.note ?? ""
                                }
                            }
                        }
                    }
                }
            }
            el("form", Attribute("method", "post"), Attribute("action", context.link(ResultsURL.report(programme.slug, ["kind": kind, "from": period.start.iso, "to": period.end.iso])))) {
                Forms.csrf(context.csrfToken)
                Forms.textarea(name: "summary", label: t("results.narrative_summary"), value: narrative?.summary, rows: 6, t: t)
                Forms.textarea(name: "challenges", label: t("results.narrative_challenges"), value: narrative?.challenges, rows: 4, t: t)
                Forms.textarea(name: "next_steps", label: t("results.narrative_next"), value: narrative?.nextSteps, rows: 4, t: t)
                el("div", .class("no-print")) { Forms.submit(t("results.save_narrative")) }
            }
        }
    }
}
