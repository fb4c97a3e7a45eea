// Local e-government support centres as a feature (issue 11): the centres and their public finder, the
// assistance log with its counters, paper sheets, appointments, the official-site check, dashboards, the API
// and the metrics the results layer reads (citizens assisted, centres active).
import DesignSystem
import Fluent
import Foundation
import Kernel
import Methods
import Network
import SQLKit
import Vapor

package struct CentresFeature: Feature {
    package init() {}

    package var id: String { "centres" }

    package var migrations: [any Migration] { [M008_Centres(), M014_CitizenGuides()] }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        StaffCentreRoutes.register(site)
        CaseRoutes.register(site)
        CentrePublicRoutes.register(site)
        GuideRoutes.register(site)
        CentresAPI.register(api)
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.centres", CentresURL.finder(), section: "centres")]
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        let t = context.t
        return [DashboardCard(title: t("centres.staff_title"), links: [
            (t("centres.staff_title"), context.link(CentresURL.staff())),
            (t("centres.form.new"), context.link(CentresURL.newCentre())),
            (t("centres.statistics_title"), context.link(CentresURL.statistics())),
            (t("guides.staff_title"), context.link(GuidesURL.staff())),
        ])]
    }

    package func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        try await CentresWork.items(request, user: user, context: context)
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let count = try await Centre.query(on: request.db).filter(\.$closedOn == "").count()
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(CentresURL.finder()))) { t("centres.title") } }
            el("p") { t("centres.home_card", ["count": t.integer(count)]) }
            el("p") { el("a", .href(context.link(GuidesURL.list()))) { t("guides.title") } }
            el("p") { el("a", .href(context.link(CentresURL.checkLink()))) { t("centres.check_title") } }
        }
        return HomeContribution(cards: [card])
    }

    package func seedDemo(_ app: Application) async throws -> [String] {
        let guides = try await GuidesDemo.seed(on: app.db)
        guard let (centres, cases) = try await CentresDemo.seed(on: app.db) else { return [] }
        return ["\(centres) support centres with \(cases) assistance cases (the programme's 2021–2023 and the last twelve months); \(guides) citizen guides."]
    }

    package func periodic(_ app: Application, now: Date) async throws {
        // Deleting what is expired is safe to run twice: a second worker finds nothing left.
        let deleted = try await CaseRoutes.deleteExpiredFollowUps(on: app.db, today: CalendarDate(utc: now))
        if deleted > 0 { app.logger.info("follow-up contacts deleted after their retention time: \(deleted)") }
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["centres", "bench-data"], CentresBenchDataCommand(), groupHelp: "Support centres tools.")]
    }

    package var metrics: [Metric] { [CentresMetrics.citizensAssisted, CentresMetrics.active] }

    package var openAPI: OpenAPIFragment { CentresOpenAPI.fragment }
}

enum CentresMetrics {
    /// Breakdowns of a case that are columns of the log, by the name the results layer asks for.
    static let caseColumns: [String: String] = [
        "channel": "channel", "gender": "gender", "age-band": "age_band", "outcome": "outcome", "task": "task", "level": "level",
        "first-time": "first_time",
    ]

    /// Citizens assisted (one case = one citizen helped once) in the period.
    static let citizensAssisted = Metric(
        id: "centres.citizens-assisted", description: "Citizens assisted by the support centres (cases of the assistance log)",
        unit: "citizens", breakdowns: ["country", "municipality", "centre", "channel", "gender", "age-band", "group", "outcome", "task", "level", "first-time"],
        records: { _ in CentresURL.statistics() }
    ) { period, breakdowns, database in
        guard let sql = database as? SQLDatabase else { return [] }
        let centres = try await Centre.query(on: database).all()
        let byID = Dictionary(uniqueKeysWithValues: centres.compactMap { centre in centre.id.map { ($0, centre) } })
        let columns = breakdowns.compactMap { caseColumns[$0] }
        let groups: [(code: String, column: String)?] = breakdowns.contains("group") ? CentresData.groupColumns.map { Optional($0) } : [nil]
        var items: [(values: [String: String], amount: Int)] = []
        for group in groups {
            var query = sql.select().column("centre_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(AssistanceCase.schema)
                .where("day", .greaterThanOrEqual, period.start.iso).where("day", .lessThanOrEqual, period.end.iso)
            for column in columns { query = query.column(column) }
            if let group { query = query.where(SQLColumn(group.column), .equal, SQLLiteral.numeric("1")) }
            query = query.groupBy("centre_id")
            for column in columns { query = query.groupBy(column) }
            for row in try await query.all() {
                let centre = byID[try row.decode(column: "centre_id", as: UUID.self)]
                var values: [String: String] = ["country": centre?.country ?? "", "municipality": centre?.municipality ?? "", "centre": centre?.slug ?? ""]
                for (name, column) in caseColumns where columns.contains(column) {
                    values[name] = column == "first_time" ? (try row.decode(column: column, as: Int.self) == 1 ? "yes" : "no") : try row.decode(column: column, as: String.self)
                }
                if let group { values["group"] = group.code }
                items.append((values, try row.decode(column: "n", as: Int.self)))
            }
        }
        return Metric.tally(items, by: breakdowns)
    }

    /// Centres open on at least one day of the period.
    static let active = Metric(
        id: "centres.active", description: "Support centres open during the period", unit: "centres", breakdowns: ["country"],
        records: { _ in CentresURL.finder() }
    ) { period, breakdowns, database in
        let centres = try await Centre.query(on: database).all().filter { centre in
            guard let opened = CalendarDate(iso: centre.openedOn), opened <= period.end else { return false }
            if let closed = CalendarDate(iso: centre.closedOn), closed < period.start { return false }
            return true
        }
        return Metric.tally(centres.map { (["country": $0.country], 1) }, by: breakdowns)
    }
}
