// Public grants pages under /{locale}/grants and the API under /api/v1/grants.
import Fluent
import Foundation
import Methods
import Vapor

enum GrantsRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get("grants", use: overview)
        site.get("grants", "calls", ":code", use: call)
        site.get("grants", "register", use: registerPage)
        site.get("grants", "calls", ":code", "ranking", use: publicRanking)
    }

    /// The ranking of a call whose text says it is published: awarded and reserve-list applications by rank;
    /// the applications that were not funded are only counted (their names stay private).
    @Sendable static func publicRanking(request: Request) async throws -> Response {
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let item = try await GrantsData.publicCall(code: code, on: request.db), item.call.rankingPublic else { throw Abort(.notFound) }
        let published: Set<String> = [Grants.ApplicationState.awarded.rawValue, Grants.ApplicationState.reserveList.rawValue]
        var lots: [GrantsPages.PublicRankingLot] = []
        for lot in item.lots {
            let (result, _, rows) = try await request.rankingCache.ranking(of: lot, call: item.call, currency: item.programme.currency, on: request.db)
            let shown = result.ranked.filter { rows[$0.candidate.applicationId].map { published.contains($0.state) } ?? false }
            let organisations = try await Organisation.query(on: request.db)
                .filter(\.$id ~~ Set(shown.compactMap { rows[$0.candidate.applicationId]?.organisation_id }).sorted { $0.uuidString < $1.uuidString }).all()
            lots.append(GrantsPages.PublicRankingLot(
                lot: lot,
                rows: shown.map { ranked in
                    let row = rows[ranked.candidate.applicationId]
                    return (ranked.rank, organisations.first { $0.id == row?.organisation_id }?.name ?? "", ranked.candidate.country,
                            ranked.candidate.requested.minorUnits, ranked.candidate.score.mean, row?.state ?? "")
                },
                notListed: result.ranked.count - shown.count))
        }
        return .html(GrantsPages.publicRanking(item, lots: lots, context: request.pageContext(current: "grants")))
    }

    @Sendable static func overview(request: Request) async throws -> Response {
        let calls = try await GrantsData.publicCalls(on: request.db)
        return .html(GrantsPages.overview(calls: calls, now: Date(), context: request.pageContext(current: "grants")))
    }

    @Sendable static func call(request: Request) async throws -> Response {
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let item = try await GrantsData.publicCall(code: code, on: request.db) else { throw Abort(.notFound) }
        return .html(GrantsPages.call(item, context: request.pageContext(current: "grants")))
    }

    @Sendable static func registerPage(request: Request) async throws -> Response {
        let query = GrantRegisterQuery(request: request)
        let matching = query.apply(try await GrantsData.register(on: request.db))
        let calls = try await GrantsData.publicCalls(on: request.db)
        let model = GrantsPages.RegisterModel(query: query, rows: query.page(of: matching), total: matching.count, calls: calls)
        return .html(GrantsPages.register(model, context: request.pageContext(current: "grants")))
    }
}

enum GrantsAPI {
    static func register(_ api: RoutesBuilder) {
        api.get("grants", use: list)
        api.get("grants.csv", use: csv)
        api.get("grants", "360giving.json", use: threeSixtyGiving)
    }

    struct GrantDTO: Content {
        var identifier: String
        var title: String
        var recipient: String
        var recipientSlug: String
        var recipientCountry: String
        var call: String
        var lot: String
        var currency: String
        var amount: String
        var amountMinorUnits: Int64
        var awardDate: String
        var plannedStart: String
        var plannedEnd: String
        var durationMonths: Int
        var status: String

        init(_ row: RegisterRow) {
            identifier = row.grant.identifier
            title = row.grant.title
            recipient = row.recipient.name
            recipientSlug = row.recipient.slug
            recipientCountry = row.recipient.countryCode
            call = row.call.code
            lot = row.lot.code
            currency = row.programme.currencyCode
            amount = row.amount.description.split(separator: " ").first.map(String.init) ?? ""
            amountMinorUnits = row.grant.amountMinor
            awardDate = row.grant.awardDate
            plannedStart = row.grant.plannedStart
            plannedEnd = row.grant.plannedEndDate?.iso ?? ""
            durationMonths = row.grant.durationMonths
            status = row.grant.status
        }
    }

    @Sendable static func list(request: Request) async throws -> Response {
        let query = try GrantRegisterQuery.strict(request: request)
        let matching = query.apply(try await GrantsData.register(on: request.db))
        let page = PageDTO(items: query.page(of: matching).map(GrantDTO.init), page: query.page, perPage: query.perPage, total: matching.count)
        return try await page.encodeResponse(for: request)
    }

    @Sendable static func csv(request: Request) async throws -> Response {
        var query = try GrantRegisterQuery.strict(request: request)
        query.page = 1
        let rows = query.apply(try await GrantsData.register(on: request.db))
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"grants.csv\""],
                        body: .init(string: GrantsExport.csv(rows)))
    }

    @Sendable static func threeSixtyGiving(request: Request) async throws -> Response {
        do {
            let data = try await GrantsExport.threeSixtyGivingData(on: request.db, baseURL: request.application.iceda.config.baseURL)
            return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: data))
        } catch is GrantsExport.NothingToPublish {
            throw Abort(.notFound, reason: "No awarded grants are published yet.")
        }
    }
}
