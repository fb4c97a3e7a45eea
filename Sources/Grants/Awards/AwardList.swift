// Staff list of awarded grants under /{locale}/staff/grants/awarded: filter by call and state, paged in the database.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

enum AwardList {
    static let perPage = 50

    /// Filters by call and state, in identifier order, 50 a page.
    static let spec = ListSpec(filters: [
        .init("call", expected: "a call's code") { GrantRegisterQuery.isCode($0) ? $0 : nil },
        .init("state", expected: "a grant's state") { Grants.GrantState(rawValue: $0)?.rawValue },
    ], sortKeys: ["identifier"], defaultSort: SortState(key: "identifier", ascending: true), maxPerPage: perPage, maxPage: 10_000)

    @Sendable static func page(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let calls = try await GrantCall.query(on: request.db).sort(\.$deadline, .descending).all()
        let query = ListQuery(request: request, spec: spec, defaultPerPage: perPage)
        let callCode = query.filters["call"] ?? ""
        let state = query.filters["state"] ?? ""
        let pageNumber = query.page
        let call = calls.first { $0.code == callCode }
        let lots = try await GrantLot.query(on: request.db).all()
        func filtered() -> QueryBuilder<Grant> {
            var builder = Grant.query(on: request.db)
            if let call { builder = builder.filter(\.$lotID ~~ lots.filter { $0.callID == call.id }.compactMap(\.id)) }
            if !state.isEmpty { builder = builder.filter(\.$status == state) }
            return builder
        }
        let info = PageInfo(page: pageNumber, perPage: perPage, total: try await filtered().count())
        let grants = try await filtered().sort(\.$identifier).range(info.offset..<(info.offset + perPage)).all()
        let organisations = grants.isEmpty ? [] : try await Organisation.query(on: request.db)
            .filter(\.$id ~~ Set(grants.map(\.organisationID)).sorted { $0.uuidString < $1.uuidString }).field(\.$id).field(\.$name).all()
        let programmes = try await GrantProgramme.query(on: request.db).all()
        // lot → call → programme's currency, once, instead of per row.
        let programmeCurrency = Dictionary(programmes.compactMap { programme in programme.id.map { ($0, programme.currency) } }, uniquingKeysWith: { first, _ in first })
        let callCurrency = Dictionary(calls.compactMap { call in call.id.map { ($0, programmeCurrency[call.programmeID] ?? .eur) } }, uniquingKeysWith: { first, _ in first })
        let lotCurrency = Dictionary(lots.compactMap { lot in lot.id.map { ($0, callCurrency[lot.callID] ?? .eur) } }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(organisations.compactMap { organisation in organisation.id.map { ($0, organisation.name) } }, uniquingKeysWith: { first, _ in first })
        let context = request.pageContext(current: "staff")
        let t = context.t
        let base = context.link(GrantsURL.awarded())
        let parameters = query.filters
        let link: @Sendable ([String: String]) -> String = { extra in
            base + QueryString.encode(parameters.merging(extra) { _, new in new }.filter { !$0.value.isEmpty && !($0.key == "page" && $0.value == "1") })
        }
        let html = Layout.page(context, title: t("grants.award.list_title"), breadcrumbs: EvaluationPages.crumbs(context, [Crumb(t("grants.award.list_title"))])) {
            el("h1") { t("grants.award.list_title") }
            el("form", Attribute("method", "get"), Attribute("action", base), .class("filters")) {
                Forms.select(name: "call", label: t("grants.call"), choices: calls.map { Choice(value: $0.code, label: GrantsPages.plainText($0.title, context.locale, fallback: $0.code)) },
                             selected: callCode, blankLabel: t("grants.any_call"), t: t)
                Forms.select(name: "state", label: t("grants.state"), choices: Grants.GrantState.allCases.map { Choice(value: $0.rawValue, label: t("grants.grant_state.\($0.rawValue)")) },
                             selected: state, blankLabel: t("grants.staff.any_state"), t: t)
                Forms.submit(t("grants.staff.filter"), secondary: true)
            }
            el("p", Attribute("role", "status")) { t.plural("grants.award.count", count: info.total) }
            Tables.table(
                caption: t("grants.award.list_caption"),
                columns: [Column(t("grants.award.identifier")), Column(t("grants.recipient")), Column(t("grants.amount"), numeric: true), Column(t("grants.state"))],
                rows: grants.map { grant in
                    [el("a", .href(context.link(GrantsURL.staffGrant(grant.id!.uuidString.lowercased())))) { grant.identifier },
                     .text(names[grant.organisationID] ?? ""),
                     .text(GrantsPages.money(grant.amountMinor, lotCurrency[grant.lotID] ?? .eur, context.locale)),
                     .text(t("grants.grant_state.\(grant.status)"))]
                },
                sort: nil, link: link, t: t)
            Tables.pagination(info, link: link, t: t)
        }
        return .html(html)
    }
}
