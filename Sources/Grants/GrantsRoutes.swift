// Public grants pages under /{locale}/grants and the API under /api/v1/grants.
import Kernel
import Network
import Fluent
import Foundation
import Methods
import Vapor

enum GrantsRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.overviewRoute, use: overview)
        site.get(GrantsURL.callRoute, use: call)
        site.get(GrantsURL.registerRoute, use: registerPage)
        site.get(GrantsURL.publicRankingRoute, use: publicRanking)
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
        let (rows, total) = try await GrantsData.registerPage(query, on: request.db)
        let calls = try await GrantsData.publicCalls(on: request.db)
        let model = GrantsPages.RegisterModel(query: query, rows: rows, total: total, calls: calls)
        return .html(GrantsPages.register(model, context: request.pageContext(current: "grants")))
    }
}

enum GrantsAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(GrantsURL.apiGrantsRoute.components, use: list)
        api.get(GrantsURL.apiGrantsCSVRoute.components, use: csv)
        api.get(GrantsURL.apiThreeSixtyGivingRoute.components, use: threeSixtyGiving)
        api.get(GrantsURL.apiCallsRoute.components, use: calls)
    }

    struct LotDTO: Content {
        struct Result: Content { var id: String; var title: [String: String] }
        struct Criterion: Content { var id: String; var title: [String: String]; var weight: Int64; var maxScore: Int64 }
        var code: String
        var title: [String: String]
        var envelope: String?
        var minimumAmount: String
        var maximumAmount: String
        var durationMonths: Int
        var minimumCoFinancingPercent: String
        var eligibleCountries: [String]
        var applicantKinds: [String]
        var results: [Result]
        var minimumResults: Int
        var criteria: [Criterion]
        var maxGrants: Int?
        var maxGrantsPerCountry: Int?
        var tranchesPercent: [String]

        init(_ lot: GrantLot, currency: Grants.Currency) {
            func amount(_ minor: Int64) -> String { Grants.Money(minorUnits: minor, currency: currency).machineText }
            code = lot.code
            title = lot.title.values
            envelope = lot.envelopeMinor.map(amount)
            minimumAmount = amount(lot.minAmountMinor)
            maximumAmount = amount(lot.maxAmountMinor)
            durationMonths = lot.durationMonths
            minimumCoFinancingPercent = CallRoutes.percent(lot.minCoFinancingBasisPoints)
            eligibleCountries = lot.eligibleCountries
            applicantKinds = lot.applicantKinds
            results = lot.resultsMenu.map { Result(id: $0.id, title: $0.title.values) }
            minimumResults = lot.minimumResults
            criteria = lot.criteria.map { Criterion(id: $0.id, title: $0.title.values, weight: $0.weight, maxScore: $0.maxScore) }
            maxGrants = lot.maxGrants
            maxGrantsPerCountry = lot.maxGrantsPerCountry
            tranchesPercent = lot.trancheShares.map { CallRoutes.percent($0.value) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(title, forKey: .title)
            try container.encode(envelope, forKey: .envelope)
            try container.encode(minimumAmount, forKey: .minimumAmount)
            try container.encode(maximumAmount, forKey: .maximumAmount)
            try container.encode(durationMonths, forKey: .durationMonths)
            try container.encode(minimumCoFinancingPercent, forKey: .minimumCoFinancingPercent)
            try container.encode(eligibleCountries, forKey: .eligibleCountries)
            try container.encode(applicantKinds, forKey: .applicantKinds)
            try container.encode(results, forKey: .results)
            try container.encode(minimumResults, forKey: .minimumResults)
            try container.encode(criteria, forKey: .criteria)
            // Nulls are written out: the schema requires every key.
            try container.encode(maxGrants, forKey: .maxGrants)
            try container.encode(maxGrantsPerCountry, forKey: .maxGrantsPerCountry)
            try container.encode(tranchesPercent, forKey: .tranchesPercent)
        }
    }

    struct CallDTO: Content {
        var code: String
        var title: [String: String]
        var text: [String: String]
        var programme: String
        var donor: String
        var currency: String
        var opensAt: Date
        var deadline: Date
        var timeZone: String
        var status: String
        var acceptingApplications: Bool
        var rankingPublic: Bool
        var lots: [LotDTO]
    }

    @Sendable static func calls(request: Request) async throws -> Response {
        let now = Date()
        let items = try await GrantsData.publicCalls(on: request.db).map { item in
            CallDTO(code: item.call.code, title: item.call.title.values, text: item.call.text.values, programme: item.programme.name, donor: item.programme.donor,
                    currency: item.programme.currencyCode, opensAt: item.call.opensAt, deadline: item.call.deadline, timeZone: item.call.timeZoneIdentifier,
                    status: item.call.status.rawValue, acceptingApplications: item.call.status == .open && item.call.window.isOnTime(now),
                    rankingPublic: item.call.rankingPublic, lots: item.lots.map { LotDTO($0, currency: item.programme.currency) })
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: try encoder.encode(items)))
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
            amount = row.amount.machineText
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
        let (rows, total) = try await GrantsData.registerPage(query, on: request.db)
        let page = PageDTO(items: rows.map(GrantDTO.init), page: query.page, perPage: query.perPage, total: total)
        return try await page.encodeResponse(for: request)
    }

    @Sendable static func csv(request: Request) async throws -> Response {
        var query = try GrantRegisterQuery.strict(request: request)
        query.page = 1
        let database = request.application.db
        // one copy per filter (the checked query, not the raw URL), rebuilt after a change
        let key = "grants.csv?" + query.list.filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            + "&sort=\(query.list.sort.ascending ? "" : "-")\(query.list.sort.key)"
        let checked = query
        let data = try await request.application.exports.data(key) {
            Data(GrantsExport.csv(checked.apply(try await GrantsData.register(on: database))).utf8)
        }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"grants.csv\""],
                        body: .init(data: data))
    }

    @Sendable static func threeSixtyGiving(request: Request) async throws -> Response {
        do {
            let database = request.application.db, baseURL = request.application.iceda.config.baseURL
            let data = try await request.application.exports.data("grants.360giving.json") {
                try await GrantsExport.threeSixtyGivingData(on: database, baseURL: baseURL)
            }
            return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: data))
        } catch is GrantsExport.NothingToPublish {
            throw Abort(.notFound, reason: "No awarded grants are published yet.")
        }
    }
}
