// The results pages: the public page per programme (tree, indicators, charts, downloads), the staff view (with
// unpublished indicators, reported values to approve, targets and notes, indicator settings) and the donor
// report; the API (JSON, CSV) and the IATI 2.03 file.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Vapor

enum ResultsRoutes {
    static func register(site: RoutesBuilder, api: RoutesBuilder) {
        site.get(ResultsURL.listRoute, use: list)
        site.get(ResultsURL.programmeRoute, use: programme)
        site.get(ResultsURL.staffRoute, use: staffList)
        site.get(ResultsURL.staffProgrammeRoute, use: staffProgramme)
        site.form(ResultsURL.targetRoute, use: saveTarget)
        site.form(ResultsURL.reportValueRoute, use: reportValue)
        site.form(ResultsURL.decideRoute, use: decide)
        site.get(ResultsURL.indicatorRoute, use: indicatorForm)
        site.form(ResultsURL.indicatorRoute, use: saveIndicator)
        site.get(ResultsURL.reportRoute, use: report)
        site.form(ResultsURL.reportRoute, use: saveNarrative)
        api.get(ResultsURL.apiIATIRoute, use: iati)
        api.get(ResultsURL.apiListRoute, use: apiList)
        api.get(ResultsURL.apiProgrammeRoute, use: apiProgramme)
        api.get(ResultsURL.apiCSVRoute, use: apiCSV)
    }

    // MARK: public

    @Sendable static func list(request: Request) async throws -> Response {
        let programmes = try await ResultsProgramme.query(on: request.db).filter(\.$published == true).sort(\.$startsOn, .descending).all()
        return .html(ResultsPages.list(programmes, context: request.pageContext(current: "results")))
    }

    @Sendable static func programme(request: Request) async throws -> Response {
        guard let programme = try await ResultsData.programme(slug: request.parameters.get("slug") ?? "", published: true, on: request.db) else {
            throw Abort(.notFound)
        }
        let view = try await ResultsData.view(programme, publishedOnly: true, app: request.application, on: request.db)
        return .html(ResultsPages.programme(view, staff: nil, context: request.pageContext(current: "results")))
    }

    // MARK: staff

    static func staffProgramme(_ request: Request) async throws -> ResultsProgramme {
        _ = try request.requireStaff()
        guard let programme = try await ResultsData.programme(slug: request.parameters.get("slug") ?? "", published: false, on: request.db) else {
            throw Abort(.notFound)
        }
        return programme
    }

    @Sendable static func staffList(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let programmes = try await ResultsProgramme.query(on: request.db).sort(\.$startsOn, .descending).all()
        return .html(ResultsPages.staffList(programmes, context: request.pageContext(current: "staff")))
    }

    struct StaffState {
        var pending: [ResultsReportedValue] = []
        var errors: [FieldError] = []
        var target = TargetInput()
        var value = ValueInput()
        var offered: [Metric] = []
    }

    struct TargetInput {
        var indicator = ""
        var startsOn = ""
        var endsOn = ""
        var value = ""
        var note = ""
    }

    struct ValueInput {
        var indicator = ""
        var startsOn = ""
        var endsOn = ""
        var value = ""
        var unit = ""
        var evidence = ""
        var note = ""
        var partner = ""
    }

    static func renderStaff(_ request: Request, _ programme: ResultsProgramme, state: StaffState, status: HTTPStatus = .ok) async throws -> Response {
        var state = state
        let view = try await ResultsData.view(programme, publishedOnly: false, app: request.application, on: request.db)
        let ids = view.allIndicators.compactMap(\.indicator.id)
        state.pending = ids.isEmpty ? [] : try await ResultsReportedValue.query(on: request.db).filter(\.$indicatorID ~~ ids)
            .filter(\.$state == .submitted).sort(\.$createdAt).all()
        return .html(ResultsPages.programme(view, staff: state, context: request.pageContext(current: "staff")), status: status)
    }

    @Sendable static func staffProgramme(request: Request) async throws -> Response {
        let programme = try await staffProgramme(request)
        return try await renderStaff(request, programme, state: StaffState())
    }

    /// The programme's indicator at the form's `indicator` field, or nil.
    static func indicator(_ request: Request, _ programme: ResultsProgramme, field: String = "indicator") async throws -> ResultsIndicator? {
        guard let id = UUID(uuidString: request.formLine(field)), let indicator = try await ResultsIndicator.find(id, on: request.db),
              indicator.programmeID == programme.id else { return nil }
        return indicator
    }

    /// A period typed in a form: both days real, the start not after the end, inside the programme.
    static func period(_ start: String, _ end: String, programme: ResultsProgramme, t: Translator, errors: inout [FieldError],
                       fields: (String, String)) -> (CalendarDate, CalendarDate)? {
        guard let from = CalendarDate(iso: start), (1900...2200).contains(from.year) else {
            errors.append(FieldError(field: fields.0, message: t("results.error.date")))
            return nil
        }
        guard let to = CalendarDate(iso: end), (1900...2200).contains(to.year) else {
            errors.append(FieldError(field: fields.1, message: t("results.error.date")))
            return nil
        }
        if to < from {
            errors.append(FieldError(field: fields.1, message: t("results.error.period_order")))
            return nil
        }
        if let whole = ResultsData.period(programme), !(whole.contains(from) && whole.contains(to)) {
            errors.append(FieldError(field: fields.0, message: t("results.error.outside", ["start": whole.start.iso, "end": whole.end.iso])))
            return nil
        }
        return (from, to)
    }

    @Sendable static func saveTarget(request: Request) async throws -> Response {
        let programme = try await staffProgramme(request)
        let t = request.t
        var state = StaffState()
        state.target = TargetInput(indicator: request.formLine("target_indicator"), startsOn: String(request.formLine("target_starts_on").prefix(10)),
                                   endsOn: String(request.formLine("target_ends_on").prefix(10)), value: String(request.formLine("target_value").prefix(12)),
                                   note: String(request.formText("target_note").prefix(2_000)))
        let indicator = try await indicator(request, programme, field: "target_indicator")
        if indicator == nil { state.errors.append(FieldError(field: "target_indicator", message: t("results.error.indicator"))) }
        let period = period(state.target.startsOn, state.target.endsOn, programme: programme, t: t, errors: &state.errors,
                            fields: ("target_starts_on", "target_ends_on"))
        let value = Int(state.target.value).flatMap { (0...1_000_000_000).contains($0) ? $0 : nil }
        if value == nil { state.errors.append(FieldError(field: "target_value", message: t("results.error.value"))) }
        guard state.errors.isEmpty, let indicator, let period, let value else {
            return try await renderStaff(request, programme, state: state, status: .unprocessableEntity)
        }
        let existing = try await ResultsTarget.query(on: request.db).filter(\.$indicatorID == indicator.requireID())
            .filter(\.$startsOn == period.0.iso).filter(\.$endsOn == period.1.iso).first()
        let target = existing ?? ResultsTarget()
        target.indicatorID = try indicator.requireID()
        target.startsOn = period.0.iso
        target.endsOn = period.1.iso
        target.value = value
        target.note = state.target.note
        try await target.save(on: request.db)
        request.flash(.success, t("results.target_saved", ["indicator": indicator.code]))
        return .seeOther(request.localLink(ResultsURL.staffProgramme(programme.slug)))
    }

    @Sendable static func reportValue(request: Request) async throws -> Response {
        let programme = try await staffProgramme(request)
        let user = try request.requireStaff()
        let t = request.t
        var state = StaffState()
        state.value = ValueInput(indicator: request.formLine("indicator"), startsOn: String(request.formLine("starts_on").prefix(10)),
                                 endsOn: String(request.formLine("ends_on").prefix(10)), value: String(request.formLine("value").prefix(12)),
                                 unit: String(request.formLine("unit").prefix(60)), evidence: String(request.formLine("evidence").prefix(1_000)),
                                 note: String(request.formText("note").prefix(2_000)), partner: String(request.formLine("partner").prefix(200)))
        let indicator = try await indicator(request, programme)
        if indicator == nil || indicator?.source != .reported {
            state.errors.append(FieldError(field: "indicator", message: t("results.error.reported_indicator")))
        }
        let period = period(state.value.startsOn, state.value.endsOn, programme: programme, t: t, errors: &state.errors, fields: ("starts_on", "ends_on"))
        let value = Int(state.value.value).flatMap { (0...1_000_000_000).contains($0) ? $0 : nil }
        if value == nil { state.errors.append(FieldError(field: "value", message: t("results.error.value"))) }
        if let indicator, state.value.unit.lowercased() != indicator.unit.lowercased() {
            state.errors.append(FieldError(field: "unit", message: t("results.error.unit", ["unit": indicator.unit, "indicator": indicator.code])))
        }
        if !FormText.isWebAddress(state.value.evidence) { state.errors.append(FieldError(field: "evidence", message: t("results.error.evidence"))) }
        if state.value.partner.isEmpty { state.errors.append(FieldError(field: "partner", message: t("results.error.partner"))) }
        guard state.errors.isEmpty, let indicator, let period, let value else {
            return try await renderStaff(request, programme, state: state, status: .unprocessableEntity)
        }
        let reported = ResultsReportedValue()
        reported.indicatorID = try indicator.requireID()
        reported.startsOn = period.0.iso
        reported.endsOn = period.1.iso
        reported.value = value
        reported.evidence = state.value.evidence
        reported.note = state.value.note
        reported.partner = state.value.partner
        reported.state = .submitted
        reported.submittedBy = user.id
        try await reported.save(on: request.db)
        request.flash(.success, t("results.value_submitted", ["indicator": indicator.code]))
        return .seeOther(request.localLink(ResultsURL.staffProgramme(programme.slug)))
    }

    @Sendable static func decide(request: Request) async throws -> Response {
        let programme = try await staffProgramme(request)
        let user = try request.requireStaff()
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)), let reported = try await ResultsReportedValue.find(id, on: request.db),
              let indicator = try await ResultsIndicator.find(reported.indicatorID, on: request.db), indicator.programmeID == programme.id else {
            throw Abort(.notFound)
        }
        let decision = request.formLine("decision")
        guard reported.state == .submitted, decision == "approve" || decision == "reject" else {
            request.flash(.warning, request.t("results.decision_refused"))
            return .seeOther(request.localLink(ResultsURL.staffProgramme(programme.slug)))
        }
        // The value must still be `submitted` when it is decided: two staff deciding at once cannot both win.
        let updated = try await ResultsReportedValue.query(on: request.db).filter(\.$id == id).filter(\.$state == .submitted)
            .set(\.$state, to: decision == "approve" ? .approved : .rejected).set(\.$decidedBy, to: user.id).update()
        _ = updated
        request.flash(.success, request.t(decision == "approve" ? "results.value_approved" : "results.value_rejected", ["indicator": indicator.code]))
        return .seeOther(request.localLink(ResultsURL.staffProgramme(programme.slug)))
    }

    // MARK: indicator settings

    struct IndicatorInput {
        var title = ""
        var definition = ""
        var unit = ""
        var source = "computed"
        var metric = ""
        var aggregate = "total"
        var disaggregations = ""
        var baselineValue = "0"
        var baselineDate = ""
        var tolerance = "10"
        var ascending = true
        var published = true
    }

    static func indicatorAndProgramme(_ request: Request) async throws -> (ResultsProgramme, ResultsIndicator) {
        let programme = try await staffProgramme(request)
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)), let indicator = try await ResultsIndicator.find(id, on: request.db),
              indicator.programmeID == programme.id else { throw Abort(.notFound) }
        return (programme, indicator)
    }

    @Sendable static func indicatorForm(request: Request) async throws -> Response {
        let (programme, indicator) = try await indicatorAndProgramme(request)
        let locale = request.appLocale == .srCyrl ? AppLocale.srLatn : request.appLocale
        let input = IndicatorInput(title: indicator.title[locale] ?? "", definition: indicator.definition[locale] ?? "", unit: indicator.unit,
                                   source: indicator.source.rawValue, metric: indicator.metric, aggregate: indicator.aggregate,
                                   disaggregations: indicator.disaggregations, baselineValue: String(indicator.baselineValue),
                                   baselineDate: indicator.baselineDate, tolerance: String(indicator.tolerance), ascending: indicator.ascending,
                                   published: indicator.published)
        return .html(ResultsPages.indicatorForm(programme, indicator, input: input, metrics: Array(ResultsData.metrics(request.application).values),
                                                errors: [], context: request.pageContext(current: "staff")))
    }

    @Sendable static func saveIndicator(request: Request) async throws -> Response {
        let (programme, indicator) = try await indicatorAndProgramme(request)
        let t = request.t
        let metrics = ResultsData.metrics(request.application)
        var input = IndicatorInput()
        input.title = String(request.formLine("title").prefix(300))
        input.definition = String(request.formText("definition").prefix(3_000))
        input.unit = String(request.formLine("unit").prefix(60))
        input.source = request.formLine("source")
        input.metric = String(request.formLine("metric").prefix(100))
        input.aggregate = String(request.formLine("aggregate").prefix(60))
        input.disaggregations = String(request.formLine("disaggregations").prefix(300))
        input.baselineValue = String(request.formLine("baseline_value").prefix(12))
        input.baselineDate = String(request.formLine("baseline_date").prefix(10))
        input.tolerance = String(request.formLine("tolerance").prefix(3))
        input.ascending = request.formLine("ascending") != "0"
        input.published = request.formLine("published") == "1"
        var errors: [FieldError] = []
        if input.title.isEmpty { errors.append(FieldError(field: "title", message: t("results.error.title"))) }
        if input.unit.isEmpty { errors.append(FieldError(field: "unit", message: t("results.error.unit_required"))) }
        let source = ResultsIndicator.Source(rawValue: input.source)
        if source == nil { errors.append(FieldError(field: "source", message: t("results.error.source"))) }
        if source == .computed {
            if let metric = metrics[input.metric] {
                if input.aggregate.hasPrefix("distinct:"), !metric.breakdowns.contains(String(input.aggregate.dropFirst("distinct:".count))) {
                    errors.append(FieldError(field: "aggregate", message: t("results.error.aggregate", ["breakdowns": metric.breakdowns.joined(separator: ", ")])))
                } else if input.aggregate != "total" && !input.aggregate.hasPrefix("distinct:") {
                    errors.append(FieldError(field: "aggregate", message: t("results.error.aggregate", ["breakdowns": metric.breakdowns.joined(separator: ", ")])))
                }
                let unknown = input.disaggregations.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !metric.breakdowns.contains($0) }
                if !unknown.isEmpty {
                    errors.append(FieldError(field: "disaggregations", message: t("results.error.disaggregations", ["unknown": unknown.joined(separator: ", "), "breakdowns": metric.breakdowns.joined(separator: ", ")])))
                }
            } else {
                errors.append(FieldError(field: "metric", message: t("results.error.metric")))
            }
        } else if source == .reported, input.aggregate != "total", input.aggregate != "latest" {
            errors.append(FieldError(field: "aggregate", message: t("results.error.reported_aggregate")))
        }
        let baseline = Int(input.baselineValue).flatMap { (0...1_000_000_000).contains($0) ? $0 : nil }
        if baseline == nil { errors.append(FieldError(field: "baseline_value", message: t("results.error.value"))) }
        if CalendarDate(iso: input.baselineDate) == nil { errors.append(FieldError(field: "baseline_date", message: t("results.error.date"))) }
        let tolerance = Int(input.tolerance).flatMap { (0...100).contains($0) ? $0 : nil }
        if tolerance == nil { errors.append(FieldError(field: "tolerance", message: t("results.error.tolerance"))) }
        guard errors.isEmpty, let source, let baseline, let tolerance else {
            return .html(ResultsPages.indicatorForm(programme, indicator, input: input, metrics: Array(metrics.values), errors: errors,
                                                    context: request.pageContext(current: "staff")), status: .unprocessableEntity)
        }
        let locale = request.appLocale == .srCyrl ? AppLocale.srLatn : request.appLocale
        var title = indicator.title
        title[locale] = input.title
        indicator.title = title
        var definition = indicator.definition
        definition[locale] = input.definition
        indicator.definition = definition
        indicator.unit = input.unit
        indicator.source = source
        indicator.metric = source == .computed ? input.metric : ""
        indicator.aggregate = input.aggregate
        indicator.disaggregations = input.disaggregations.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ",")
        indicator.baselineValue = baseline
        indicator.baselineDate = input.baselineDate
        indicator.tolerance = tolerance
        indicator.ascending = input.ascending
        indicator.published = input.published
        try await indicator.save(on: request.db)
        request.flash(.success, t("results.indicator_saved", ["indicator": indicator.code]))
        return .seeOther(request.localLink(ResultsURL.staffProgramme(programme.slug)))
    }

    // MARK: donor report

    static func reportPeriod(_ request: Request, _ programme: ResultsProgramme) -> (kind: String, period: MetricPeriod)? {
        guard let whole = ResultsData.period(programme) else { return nil }
        let kind = (try? request.query.get(String.self, at: "kind")) == "final" ? "final" : "interim"
        let from = (try? request.query.get(String.self, at: "from")).flatMap { CalendarDate(iso: String($0.prefix(10))) } ?? whole.start
        let to = (try? request.query.get(String.self, at: "to")).flatMap { CalendarDate(iso: String($0.prefix(10))) } ?? (kind == "final" ? whole.end : whole.start.addingMonths(12).previousDay)
        guard from <= to, whole.contains(from), whole.contains(to) else { return nil }
        return (kind, MetricPeriod(start: from, end: to))
    }

    @Sendable static func report(request: Request) async throws -> Response {
        let programme = try await staffProgramme(request)
        guard let (kind, period) = reportPeriod(request, programme) else {
            request.flash(.warning, request.t("results.report_period_refused"))
            return .seeOther(request.localLink(ResultsURL.report(programme.slug)))
        }
        let view = try await ResultsData.view(programme, publishedOnly: false, app: request.application, on: request.db)
        let narrative = try await ResultsNarrative.query(on: request.db).filter(\.$programmeID == programme.requireID()).filter(\.$kind == kind)
            .filter(\.$startsOn == period.start.iso).filter(\.$endsOn == period.end.iso).first()
        var figures: [(IndicatorFigure, Int?)] = []
        for figure in view.allIndicators {
            let actual = try await actualFor(figure.indicator, period: period, app: request.application, on: request.db)
            figures.append((figure, actual))
        }
        return .html(ResultsPages.report(view, kind: kind, period: period, figures: figures, narrative: narrative, context: request.pageContext(current: "staff")))
    }

    /// The actual of an indicator over any period (the report's), the same way the targets' actuals are computed.
    static func actualFor(_ indicator: ResultsIndicator, period: MetricPeriod, app: Application, on database: Database) async throws -> Int? {
        let target = ResultsTarget()
        target.indicatorID = indicator.id ?? UUID()
        target.startsOn = period.start.iso
        target.endsOn = period.end.iso
        target.value = 0
        target.note = ""
        let reported = try await ResultsReportedValue.query(on: database).filter(\.$indicatorID == indicator.requireID()).filter(\.$state == .approved).all()
        let figure = try await ResultsData.figure(indicator, targets: [target], reported: reported, whole: period, metrics: ResultsData.metrics(app), on: database)
        return figure.targets.first?.actual
    }

    @Sendable static func saveNarrative(request: Request) async throws -> Response {
        let programme = try await staffProgramme(request)
        guard let (kind, period) = reportPeriod(request, programme) else { throw Abort(.badRequest) }
        let narrative = try await ResultsNarrative.query(on: request.db).filter(\.$programmeID == programme.requireID()).filter(\.$kind == kind)
            .filter(\.$startsOn == period.start.iso).filter(\.$endsOn == period.end.iso).first() ?? ResultsNarrative()
        narrative.programmeID = try programme.requireID()
        narrative.kind = kind
        narrative.startsOn = period.start.iso
        narrative.endsOn = period.end.iso
        narrative.summary = String(request.formText("summary").prefix(20_000))
        narrative.challenges = String(request.formText("challenges").prefix(20_000))
        narrative.nextSteps = String(request.formText("next_steps").prefix(20_000))
        try await narrative.save(on: request.db)
        request.flash(.success, request.t("results.narrative_saved"))
        return .seeOther(request.localLink(ResultsURL.report(programme.slug, ["kind": kind, "from": period.start.iso, "to": period.end.iso])))
    }

    // MARK: API

    struct ProgrammeDTO: Content {
        var slug: String
        var title: String
        var donor: String
        var startsOn: String
        var endsOn: String
        var currency: String
        var budget: String
        var indicators: [IndicatorDTO]?
    }

    struct IndicatorDTO: Content {
        var code: String
        var title: String
        var unit: String
        var source: String
        var metric: String?
        var baseline: Int
        var baselineDate: String
        var periods: [PeriodDTO]
    }

    struct PeriodDTO: Content {
        var startsOn: String
        var endsOn: String
        var target: Int
        var actual: Int?
        var status: String
    }

    static func dto(_ programme: ResultsProgramme, view: ProgrammeView?) -> ProgrammeDTO {
        ProgrammeDTO(slug: programme.slug, title: programme.title.resolve(for: .en)?.text ?? programme.slug, donor: programme.donor,
                     startsOn: programme.startsOn, endsOn: programme.endsOn, currency: programme.currency,
                     budget: ResultsIATI.decimal(programme.budgetMinor),
                     indicators: view?.allIndicators.map { figure in
                         IndicatorDTO(code: figure.indicator.code, title: figure.indicator.title.resolve(for: .en)?.text ?? figure.indicator.code,
                                      unit: figure.indicator.unit, source: figure.indicator.source.rawValue,
                                      metric: figure.indicator.source == .computed ? figure.indicator.metric : nil,
                                      baseline: figure.indicator.baselineValue, baselineDate: figure.indicator.baselineDate,
                                      periods: figure.targets.map { PeriodDTO(startsOn: $0.target.startsOn, endsOn: $0.target.endsOn, target: $0.target.value,
                                                                              actual: $0.actual, status: $0.assessment.status.rawValue) })
                     })
    }

    @Sendable static func apiList(request: Request) async throws -> [ProgrammeDTO] {
        try await ResultsProgramme.query(on: request.db).filter(\.$published == true).sort(\.$startsOn, .descending).all().map { dto($0, view: nil) }
    }

    @Sendable static func apiProgramme(request: Request) async throws -> ProgrammeDTO {
        guard let programme = try await ResultsData.programme(slug: request.parameters.get("slug") ?? "", published: true, on: request.db) else {
            throw Abort(.notFound)
        }
        return dto(programme, view: try await ResultsData.view(programme, publishedOnly: true, app: request.application, on: request.db))
    }

    @Sendable static func apiCSV(request: Request) async throws -> Response {
        guard let programme = try await ResultsData.programme(slug: request.parameters.get("slug") ?? "", published: true, on: request.db) else {
            throw Abort(.notFound)
        }
        let view = try await ResultsData.view(programme, publishedOnly: true, app: request.application, on: request.db)
        var rows: [[String]] = []
        for (node, _) in view.nodes {
            for figure in view.indicators[node.id!] ?? [] {
                for target in figure.targets {
                    rows.append([node.code, figure.indicator.code, figure.indicator.title.resolve(for: .en)?.text ?? "", figure.indicator.unit,
                                 figure.indicator.source.rawValue, String(figure.indicator.baselineValue), target.target.startsOn, target.target.endsOn,
                                 String(target.target.value), target.actual.map(String.init) ?? "", target.assessment.status.rawValue, target.target.note])
                }
            }
        }
        let text = CSVWriter.document(header: ["node", "indicator", "title", "unit", "source", "baseline", "period_start", "period_end", "target",
                                               "actual", "status", "note"], rows: rows)
        return .csv(text, filename: "\(programme.slug)-indicators.csv")
    }

    @Sendable static func iati(request: Request) async throws -> Response {
        let app = request.application
        do {
            let data = try await app.exports.data("results.iati.xml") {
                switch try await ResultsIATI.document(app: app, on: app.db) {
                case .success(let xml): return Data(xml.utf8)
                case .failure(let problems): throw problems
                }
            }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "application/xml; charset=utf-8")
            return Response(status: .ok, headers: headers, body: .init(data: data))
        } catch let problems as IATIProblems {
            // Never a file that fails the schema: the problems instead, naming what to fix.
            throw Abort(.conflict, reason: problems.problems.joined(separator: "; "))
        }
    }
}
