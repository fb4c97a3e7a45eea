// What the results pages show, computed when asked: each indicator's actual per target period from the metric a
// feature publishes (Results never reads another feature's tables) or from the approved reported values, its
// progress against the target, its disaggregations, and where the records behind it are listed.
import Fluent
import Foundation
import Kernel
import Methods
import Vapor

/// One target period of an indicator with its actual.
struct TargetFigure: Sendable {
    var target: ResultsTarget
    var period: MetricPeriod
    var actual: Int?
    var assessment: ProgressAssessment
    /// The approved values behind a reported actual (with their partners and evidence).
    var reported: [ResultsReportedValue]
    /// Where the records behind a computed actual are listed (a page path without the locale).
    var records: String?
}

struct IndicatorFigure: Sendable {
    var indicator: ResultsIndicator
    var targets: [TargetFigure]
    /// The indicator names a metric that no feature publishes (any more): shown as a problem, never as 0.
    var metricMissing: Bool
    /// For the whole programme period: breakdown → values.
    var disaggregations: [(breakdown: String, values: [MetricValue])]
}

struct ProgrammeView: Sendable {
    var programme: ResultsProgramme
    var partners: [ResultsPartner]
    /// The tree in reading order, each node with its depth.
    var nodes: [(node: ResultsNode, depth: Int)]
    var indicators: [UUID: [IndicatorFigure]]
    var period: MetricPeriod

    var allIndicators: [IndicatorFigure] { nodes.flatMap { indicators[$0.node.id!] ?? [] } }
}

enum ResultsData {
    /// The metrics the features of this application publish, by id.
    static func metrics(_ app: Application) -> [String: Metric] {
        Dictionary(app.features.flatMap(\.metrics).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func period(_ programme: ResultsProgramme) -> MetricPeriod? {
        guard let start = CalendarDate(iso: programme.startsOn), let end = CalendarDate(iso: programme.endsOn), start <= end else { return nil }
        return MetricPeriod(start: start, end: end)
    }

    static func programme(slug: String, published: Bool, on database: Database) async throws -> ResultsProgramme? {
        guard slug.count <= 100 else { return nil }
        var query = ResultsProgramme.query(on: database).filter(\.$slug == slug)
        if published { query = query.filter(\.$published == true) }
        return try await query.first()
    }

    /// The tree with its indicators and their figures; `publishedOnly` leaves out unpublished indicators.
    static func view(_ programme: ResultsProgramme, publishedOnly: Bool, app: Application, on database: Database) async throws -> ProgrammeView {
        let id = try programme.requireID()
        guard let whole = period(programme) else { throw Abort(.internalServerError, reason: "programme \(programme.slug) has no valid period") }
        let partners = try await ResultsPartner.query(on: database).filter(\.$programmeID == id).sort(\.$position).all()
        let nodes = try await ResultsNode.query(on: database).filter(\.$programmeID == id).sort(\.$position).all()
        var indicatorQuery = ResultsIndicator.query(on: database).filter(\.$programmeID == id)
        if publishedOnly { indicatorQuery = indicatorQuery.filter(\.$published == true) }
        let indicators = try await indicatorQuery.sort(\.$position).all()
        let indicatorIDs = indicators.compactMap(\.id)
        let targets = indicatorIDs.isEmpty ? [] : try await ResultsTarget.query(on: database).filter(\.$indicatorID ~~ indicatorIDs).sort(\.$endsOn).sort(\.$startsOn, .descending).all()
        let reported = indicatorIDs.isEmpty ? [] : try await ResultsReportedValue.query(on: database).filter(\.$indicatorID ~~ indicatorIDs)
            .filter(\.$state == .approved).sort(\.$endsOn).all()
        let metrics = metrics(app)
        var figures: [UUID: [IndicatorFigure]] = [:]
        for indicator in indicators {
            let figure = try await self.figure(indicator, targets: targets.filter { $0.indicatorID == indicator.id },
                                               reported: reported.filter { $0.indicatorID == indicator.id }, whole: whole, metrics: metrics, on: database)
            figures[indicator.nodeID, default: []].append(figure)
        }
        return ProgrammeView(programme: programme, partners: partners, nodes: tree(nodes), indicators: figures, period: whole)
    }

    /// Parents before their children, siblings by position.
    static func tree(_ nodes: [ResultsNode]) -> [(node: ResultsNode, depth: Int)] {
        var ordered: [(ResultsNode, Int)] = []
        func visit(_ parent: UUID?, depth: Int) {
            guard depth < 10 else { return }
            for node in nodes where node.parentID == parent {
                ordered.append((node, depth))
                visit(node.id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        return ordered
    }

    static func figure(_ indicator: ResultsIndicator, targets: [ResultsTarget], reported: [ResultsReportedValue], whole: MetricPeriod,
                       metrics: [String: Metric], on database: Database) async throws -> IndicatorFigure {
        let metric = indicator.source == .computed ? metrics[indicator.metric] : nil
        let missing = indicator.source == .computed && metric == nil
        var figures: [TargetFigure] = []
        for target in targets {
            guard let start = CalendarDate(iso: target.startsOn), let end = CalendarDate(iso: target.endsOn) else { continue }
            let period = MetricPeriod(start: start, end: end)
            var actual: Int?
            var behind: [ResultsReportedValue] = []
            var records: String?
            if let metric {
                actual = try await value(of: metric, aggregate: indicator.aggregate, period: period, on: database)
                records = metric.records?(period)
            } else if indicator.source == .reported {
                behind = reported.filter { value in
                    guard let from = CalendarDate(iso: value.startsOn), let to = CalendarDate(iso: value.endsOn) else { return false }
                    return period.contains(from) && period.contains(to)
                }
                if !behind.isEmpty {
                    actual = indicator.aggregate == "latest" ? behind.max(by: { $0.endsOn < $1.endsOn })?.value
                        : Int(clamping: behind.reduce(Int64(0)) { $0 + Int64($1.value) })
                }
            }
            let assessment = ResultsProgress.assess(baseline: indicator.baselineValue, target: target.value, actual: actual,
                                                    ascending: indicator.ascending, tolerance: indicator.tolerance)
            figures.append(TargetFigure(target: target, period: period, actual: actual, assessment: assessment, reported: behind, records: records))
        }
        var disaggregations: [(String, [MetricValue])] = []
        if let metric {
            for breakdown in indicator.disaggregations.split(separator: ",").map(String.init) where metric.breakdowns.contains(breakdown) {
                disaggregations.append((breakdown, try await metric.values(whole, [breakdown], database)))
            }
        }
        return IndicatorFigure(indicator: indicator, targets: figures, metricMissing: missing, disaggregations: disaggregations)
    }

    /// A metric's figure for a period: its total, or how many values of a breakdown occur (`distinct:country`).
    static func value(of metric: Metric, aggregate: String, period: MetricPeriod, on database: Database) async throws -> Int {
        if aggregate.hasPrefix("distinct:") {
            let breakdown = String(aggregate.dropFirst("distinct:".count))
            guard metric.breakdowns.contains(breakdown) else { return 0 }
            return try await metric.values(period, [breakdown], database).filter { $0.value > 0 && !($0.breakdown[breakdown] ?? "").isEmpty }.count
        }
        return try await metric.values(period, [], database).reduce(0) { $0 &+ $1.value }
    }
}
