// The network directory as a feature: organisations, people, memberships; the directory pages and API.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import SQLKit
import Vapor

package struct NetworkFeature: Feature {
    package init() {}

    package var id: String { "network" }

    package var migrations: [any Migration] { [M002_Network(), M012_SearchFolding()] }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        DirectoryRoutes.register(site)
        PeopleRoutes.register(site)
        UnlistedRoutes.register(site)
        DirectoryAPI.register(api)
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["import", "organisations"], ImportOrganisationsCommand()),
         FeatureCommand(["export", "organisations"], ExportOrganisationsCommand())]
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.directory", NetworkURL.directory(), section: "directory")]
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        let t = context.t
        return [DashboardCard(title: t("directory.title"), links: [
            (t("org.new_title"), context.link(NetworkURL.newOrganisation())),
            (t("import.title"), context.link(NetworkURL.importOrganisations())),
            (t("grants.registration.unlisted_title"), context.link(NetworkURL.unlisted())),
            (t("directory.download_csv"), NetworkURL.apiCSV()),
        ])]
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let counts = try await NetworkData.listedPerCountry(on: request.db)
        let organisations = counts.values.reduce(0, +)
        let region = CountryInfo.all.filter { $0.group == .westernBalkans }
        let byCountry = region.map { ChartDatum(t($0.labelKey), Double(counts[$0.code] ?? 0)) }
        let maximum = max(1, byCountry.compactMap(\.value).max() ?? 1)
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(NetworkURL.directory()))) { t("directory.title") } }
            el("p") { t.plural("home.directory_count", count: organisations) }
        }
        let chart = Charts.bars(id: "orgs-by-country", title: t("home.chart_title"), data: byCountry, maximum: maximum,
                                valueLabel: t("home.chart_value"), fractionDigits: 0, t: t)
        return HomeContribution(cards: [card], sections: [chart])
    }

    package func seedReference(_ app: Application) async throws {
        try await NetworkSeed.seedReference(on: app.db)
    }

    /// Demo organisations, only into a directory that holds nothing but the reference partners.
    package func seedDemo(_ app: Application) async throws -> [String] {
        guard try await Organisation.query(on: app.db).count() <= NetworkSeed.partners.count else { return [] }
        let created = try await NetworkSeed.seedDemo(on: app.db)
        return created > 0 ? ["\(created) demo organisations in the directory."] : []
    }

    package func demoRefusal(_ app: Application) async throws -> String? {
        guard try await Organisation.query(on: app.db).count() > NetworkSeed.partners.count else { return nil }
        return "The database already holds organisations of its own; demo data is only added to an empty database."
    }

    package var metrics: [Metric] { [NetworkMetrics.members] }

    package var openAPI: OpenAPIFragment { NetworkOpenAPI.fragment }
}

enum NetworkData {
    /// Listed organisations per country, counted by the database in one statement.
    static func listedPerCountry(on database: Database) async throws -> [String: Int] {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw("""
            SELECT country_code, COUNT(*) AS n FROM organisations WHERE listed = \(bind: true) GROUP BY country_code
            """).all()
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.decode(column: "country_code", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }
}

enum NetworkMetrics {
    /// Organisations that were members of a network at some time in the period (a membership that began on or
    /// before its last day and had not ended before its first day).
    package static let members = Metric(
        id: "network.members", description: "Organisations that were members of a network during the period",
        unit: "organisations", breakdowns: ["country", "kind", "network"], records: { _ in NetworkURL.directory() }
    ) { period, breakdowns, database in
        let (from, until) = period.instants
        let memberships = try await Membership.query(on: database).filter(\.$joinedOn < until).all()
            .filter { $0.leftOn.map { $0 >= from } ?? true }
        let organisations = try await Organisation.query(on: database).filter(\.$id ~~ Set(memberships.map(\.organisationID))).all()
        let byID = Dictionary(uniqueKeysWithValues: organisations.compactMap { organisation in organisation.id.map { ($0, organisation) } })
        // One organisation counts once per breakdown combination, however many memberships it had.
        var seen: Set<[String: String]> = []
        var items: [(values: [String: String], amount: Int)] = []
        for membership in memberships {
            guard let organisation = byID[membership.organisationID] else { continue }
            var values = ["country": organisation.countryCode, "kind": organisation.kind.rawValue, "network": membership.network]
            values = values.filter { breakdowns.contains($0.key) }
            values["id"] = membership.organisationID.uuidString
            guard seen.insert(values).inserted else { continue }
            items.append((values, 1))
        }
        return Metric.tally(items, by: breakdowns)
    }
}
