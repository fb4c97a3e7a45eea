// Small grants as a feature: programmes, calls and lots, applications, evaluation, awards and their follow-up.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Methods
import Network
import Vapor

package struct GrantsFeature: Feature {
    package init() {}

    package var id: String { "grants" }

    package var migrations: [any Migration] { [M006_Grants(), M007_GrantCycle(), M017_OnePendingAmendment()] }

    package func prepare(_ app: Application) throws {
        app.rankingCache = RankingCache()
    }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        GrantsRoutes.register(site)
        ApplicantRoutes.register(site)
        EvaluationRoutes.register(site)
        AwardRoutes.register(site)
        CallRoutes.register(site)
        AmendmentRoutes.register(site)
        RegistrationRoutes.register(site)
        ProgrammeRoutes.register(site)
        GrantsAPI.register(api)
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["export", "grants"], ExportGrantsCommand()),
         FeatureCommand(["grants", "bench-data"], GrantsBenchDataCommand(), groupHelp: "Grants tools.")]
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        var items = [context.item("nav.grants", GrantsURL.overview(), section: "grants")]
        if let user = context.user, !user.role.isStaff {
            items.append(user.role == .reviewer ? context.item("nav.reviews", GrantsURL.reviews(), section: "my-grants")
                                                : context.item("nav.my_applications", GrantsURL.myApplications(), section: "my-grants"))
        }
        return items
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        let t = context.t
        return [DashboardCard(title: t("grants.staff.title"), links: [
            (t("grants.staff.title"), context.link(GrantsURL.staff())),
            (t("grants.staff.list_title"), context.link(GrantsURL.staffApplications())),
            (t("grants.review.mine_title"), context.link(GrantsURL.reviews())),
        ])]
    }

    /// The open calls (each with its deadline in the call's time zone), or the way to the register when none is open.
    package func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        try await GrantsWork.items(request, user: user, context: context)
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let open = try await GrantCall.query(on: request.db).filter(\.$status == .open).sort(\.$deadline).limit(3).all()
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(GrantsURL.overview()))) { t("grants.title") } }
            if open.isEmpty {
                el("p") { t("home.grants_none_open") }
            } else {
                for call in open {
                    el("p") {
                        el("a", .href(context.link(GrantsURL.call(call.code)))) { call.title.resolve(for: context.locale)?.text ?? call.code }
                        el("br")
                        t("home.grants_deadline", ["date": t.date(call.deadline, timeZone: TimeZone(identifier: call.timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!)])
                    }
                }
            }
            el("p") { el("a", .href(context.link(GrantsURL.register()))) { t("home.grants_register") } }
        }
        return HomeContribution(cards: [card])
    }

    package func seedDemo(_ app: Application) async throws -> [String] {
        var added: [String] = []
        if let grants = try await GrantsSeed.seedDemo(on: app.db) {
            added.append("the ICEDA small-grants call with \(grants) awarded grants.")
        }
        if let applications = try await GrantsCycleSeed.seed(on: app.db) {
            added.append("\(applications) grant applications in every stage (calls \(GrantsSeed.callCode), \(GrantsCycleSeed.evaluationCallCode), \(GrantsCycleSeed.openCallCode)); the first admin sits on the committees and is a member of the organisations with drafts.")
        }
        return added
    }

    /// Report reminders: each report is claimed before its e-mail is queued, so several workers never send twice.
    package func periodic(_ app: Application, now: Date) async throws {
        let reminded = try await ReportReminders.run(on: app.db, now: now, baseURL: app.iceda.config.baseURL, logger: app.logger)
        if reminded > 0 { app.logger.info("report reminders queued: \(reminded)") }
    }

    package var metrics: [Metric] { [GrantsMetrics.awarded, GrantsMetrics.awardedAmount] }

    package var openAPI: OpenAPIFragment { GrantsOpenAPI.fragment }

    /// Each awarded grant is a commitment on its award date; each recorded payment a disbursement on the day it was paid.
    package func transactions(on database: Database) async throws -> [FundingTransaction] {
        let rows = try await GrantsData.register(on: database)
        var transactions: [FundingTransaction] = []
        var byID: [UUID: RegisterRow] = [:]
        for row in rows {
            guard let id = row.grant.id else { continue }
            byID[id] = row
            guard let day = CalendarDate(iso: row.grant.awardDate) else { continue }
            transactions.append(FundingTransaction(kind: .commitment, day: day, amountMinor: row.grant.amountMinor, currency: row.programme.currencyCode,
                                                   funder: row.programme.donorIdentifier, receiverName: row.recipient.name, receiverRef: "",
                                                   receiverCountry: row.recipient.countryCode, reference: row.grant.identifier))
        }
        let payments = try await GrantPayment.query(on: database).sort(\.$paidOn).all()
        for payment in payments {
            guard let row = byID[payment.grantID], let day = CalendarDate(iso: payment.paidOn) else { continue }
            transactions.append(FundingTransaction(kind: .disbursement, day: day, amountMinor: payment.amountMinor, currency: row.programme.currencyCode,
                                                   funder: row.programme.donorIdentifier, receiverName: row.recipient.name, receiverRef: "",
                                                   receiverCountry: row.recipient.countryCode, reference: row.grant.identifier))
        }
        return transactions.sorted { ($0.day, $0.reference, $0.kind.rawValue) < ($1.day, $1.reference, $1.kind.rawValue) }
    }
}

enum GrantsMetrics {
    /// Grants with an award date in the period, with the recipient's country, the call, the lot and the currency.
    static func awardedRows(_ period: MetricPeriod, on database: Database) async throws -> [(values: [String: String], amount: Int64)] {
        let grants = try await Grant.query(on: database)
            .filter(\.$awardDate >= period.start.iso).filter(\.$awardDate <= period.end.iso).all()
        return try await GrantsData.rows(for: grants, on: database).map { row in
            (["country": row.recipient.countryCode, "call": row.call.code, "lot": row.lot.code, "currency": row.programme.currencyCode], row.grant.amountMinor)
        }
    }

    static let awarded = Metric(
        id: "grants.awarded", description: "Grants awarded (by award date)", unit: "grants", breakdowns: ["country", "call", "lot"],
        records: { _ in GrantsURL.register() }
    ) { period, breakdowns, database in
        Metric.tally(try await awardedRows(period, on: database).map { ($0.values, 1) }, by: breakdowns)
    }

    /// Amounts are summed per currency, so the currency is always part of the breakdown.
    static let awardedAmount = Metric(
        id: "grants.awarded-amount", description: "Amount of the grants awarded (by award date), in minor units of each currency",
        unit: "minor units", breakdowns: ["currency", "country", "call", "lot"], records: { _ in GrantsURL.register() }
    ) { period, breakdowns, database in
        let by = breakdowns.contains("currency") ? breakdowns : ["currency"] + breakdowns
        return Metric.tally(try await awardedRows(period, on: database).map { ($0.values, Int(clamping: $0.amount)) }, by: by)
    }
}
