// Reading the grants scheme: public calls with their lots, the register of awarded grants, and exports.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

/// A call as the public pages show it: with its programme and lots in order.
struct PublicCall: Sendable {
    var call: GrantCall
    var programme: GrantProgramme
    var lots: [GrantLot]
}

/// One awarded grant with everything the register shows.
struct RegisterRow: Sendable {
    var grant: Grant
    var lot: GrantLot
    var call: GrantCall
    var programme: GrantProgramme
    var recipient: Organisation

    var amount: Grants.Money { Grants.Money(minorUnits: grant.amountMinor, currency: programme.currency) }
}

enum GrantsData {
    /// Every call that is not a draft, newest deadline first.
    static func publicCalls(on database: Database) async throws -> [PublicCall] {
        let calls = try await GrantCall.query(on: database).filter(\.$status != .draft).sort(\.$deadline, .descending).all()
        guard !calls.isEmpty else { return [] }
        let programmes = try await GrantProgramme.query(on: database).all()
        let lots = try await GrantLot.query(on: database).filter(\.$callID ~~ calls.compactMap(\.id)).sort(\.$position).all()
        return calls.compactMap { call in
            guard let programme = programmes.first(where: { $0.id == call.programmeID }) else { return nil }
            return PublicCall(call: call, programme: programme, lots: lots.filter { $0.callID == call.id })
        }
    }

    /// A published call by its code, or nil.
    static func publicCall(code: String, on database: Database) async throws -> PublicCall? {
        guard let call = try await GrantCall.query(on: database).filter(\.$code == code).filter(\.$status != .draft).first(),
              let programme = try await GrantProgramme.find(call.programmeID, on: database) else { return nil }
        let lots = try await GrantLot.query(on: database).filter(\.$callID == call.requireID()).sort(\.$position).all()
        return PublicCall(call: call, programme: programme, lots: lots)
    }

    /// Every awarded grant of a published call, by identifier (the register is small: tens per call).
    static func register(on database: Database) async throws -> [RegisterRow] {
        try await rows(for: try await Grant.query(on: database).sort(\.$identifier).all(), on: database)
    }

    /// The register's rows of `grants`, in their order, each with its lot, call, programme and recipient read in one
    /// query per table; grants of draft calls (or whose related rows are missing) are left out.
    static func rows(for grants: [Grant], on database: Database) async throws -> [RegisterRow] {
        guard !grants.isEmpty else { return [] }
        let lots = try await GrantLot.query(on: database).filter(\.$id ~~ Set(grants.map(\.lotID))).all()
        let calls = try await GrantCall.query(on: database).filter(\.$id ~~ Set(lots.map(\.callID))).filter(\.$status != .draft).all()
        let programmes = try await GrantProgramme.query(on: database).filter(\.$id ~~ Set(calls.map(\.programmeID))).all()
        let organisations = try await Organisation.query(on: database).filter(\.$id ~~ Set(grants.map(\.organisationID))).all()
        let lotByID = Dictionary(uniqueKeysWithValues: lots.compactMap { lot in lot.id.map { ($0, lot) } })
        let callByID = Dictionary(uniqueKeysWithValues: calls.compactMap { call in call.id.map { ($0, call) } })
        let programmeByID = Dictionary(uniqueKeysWithValues: programmes.compactMap { programme in programme.id.map { ($0, programme) } })
        let organisationByID = Dictionary(uniqueKeysWithValues: organisations.compactMap { organisation in organisation.id.map { ($0, organisation) } })
        return grants.compactMap { grant in
            guard let lot = lotByID[grant.lotID], let call = callByID[lot.callID], let programme = programmeByID[call.programmeID],
                  let recipient = organisationByID[grant.organisationID] else { return nil }
            return RegisterRow(grant: grant, lot: lot, call: call, programme: programme, recipient: recipient)
        }
    }
}

extension GrantsData {
    /// One page of the register and how many grants match: filtered, sorted, counted and paged in SQL (two
    /// statements over the joined tables), then the page's rows loaded by id (five small statements), so the cost
    /// grows with the page, not with the register.
    static func registerPage(_ query: GrantRegisterQuery, on database: Database) async throws -> (rows: [RegisterRow], total: Int) {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        var conditions: [SQLQueryString] = ["c.status <> \(bind: GrantCallStatus.draft.rawValue)"]
        if let call = query.call { conditions.append("c.code = \(bind: call)") }
        if let lot = query.lot { conditions.append("l.code = \(bind: lot)") }
        if let country = query.country { conditions.append("o.country_code = \(bind: country)") }
        let from: SQLQueryString = """
            grants g JOIN grant_lots l ON l.id = g.lot_id JOIN grant_calls c ON c.id = l.call_id \
            JOIN grant_programmes p ON p.id = c.programme_id JOIN organisations o ON o.id = g.organisation_id \
            WHERE \(conditions.joined(separator: " AND "))
            """
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(from)").first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        // Text is compared by its bytes on both databases (PostgreSQL would otherwise use the database's collation).
        let bytes: SQLQueryString = sql.dialect.name == "postgresql" ? " COLLATE \"C\"" : ""
        let direction: SQLQueryString = query.sort.ascending ? "ASC" : "DESC"
        let order: SQLQueryString
        switch query.sort.key {
        case "recipient": order = "o.search_text\(bytes) \(direction)"
        case "amount": order = "g.amount_minor \(direction)"
        case "lot": order = "c.code\(bytes) \(direction), l.code\(bytes) \(direction)"
        default: order = "g.award_date\(bytes) \(direction)"
        }
        let offset = query.list.offset
        let ids = try await sql.raw("""
            SELECT g.id AS id FROM \(from) ORDER BY \(order), g.identifier\(bytes) ASC \
            LIMIT \(literal: query.perPage) OFFSET \(literal: offset)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return ([], total) }
        // The page's grants in the order the database gave.
        let byID = Dictionary(uniqueKeysWithValues: try await Grant.query(on: database).filter(\.$id ~~ ids).all().compactMap { grant in grant.id.map { ($0, grant) } })
        let rows = try await rows(for: ids.compactMap { byID[$0] }, on: database)
        return (rows, total)
    }
}

/// The register's filters, sort and paging; lenient for pages, strict (400) for the API.
struct GrantRegisterQuery: Sendable, Equatable {
    var list: ListQuery

    static let maxPerPage = 100

    /// Filters by call, lot and the recipient's country; sorts by recipient, amount, award date or lot.
    static let spec = ListSpec(filters: [
        .init("call", expected: "lower-case letters, digits and hyphens, 1 to 60 characters") { isCode($0) ? $0 : nil },
        .init("lot", expected: "lower-case letters, digits and hyphens, 1 to 60 characters") { isCode($0) ? $0 : nil },
        .init("country", expected: "an ISO 3166-1 alpha-2 code in capitals") { isCountry($0.uppercased()) ? $0.uppercased() : nil },
    ], sortKeys: ["recipient", "amount", "date", "lot"], defaultSort: SortState(key: "date", ascending: false), maxPerPage: maxPerPage)

    var call: String? { list.filters["call"] }
    var lot: String? { list.filters["lot"] }
    var country: String? { list.filters["country"] }
    var sort: SortState { list.sort }
    var page: Int {
        get { list.page }
        set { list.page = newValue }
    }
    var perPage: Int { list.perPage }

    init() {
        list = ListQuery(sort: Self.spec.defaultSort, perPage: 20)
    }

    /// Reads the query string; values it does not know are ignored.
    init(request: Request, defaultPerPage: Int = 20) {
        list = ListQuery(request: request, spec: Self.spec, defaultPerPage: defaultPerPage)
    }

    /// The API's reading: anything the OpenAPI document does not allow is a 400 naming the parameter.
    static func strict(request: Request, defaultPerPage: Int = 50) throws -> GrantRegisterQuery {
        var query = GrantRegisterQuery()
        query.list = try ListQuery.strict(request: request, spec: spec, defaultPerPage: defaultPerPage)
        return query
    }

    static func isCode(_ value: String) -> Bool {
        (1...60).contains(value.unicodeScalars.count)
            && value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isCountry(_ value: String) -> Bool {
        value.unicodeScalars.count == 2 && value.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// The query values that reproduce this view, with `changes` applied (nil removes a value).
    func parameters(_ changes: [String: String?] = [:]) -> [String: String] { list.parameters(changes) }

    /// The matching rows in the asked order (ties by identifier).
    func apply(_ rows: [RegisterRow]) -> [RegisterRow] {
        let filtered = rows.filter { row in
            (call == nil || row.call.code == call) && (lot == nil || row.lot.code == lot) && (country == nil || row.recipient.countryCode == country)
        }
        let ascending = sort.ascending
        return filtered.sorted { a, b in
            let order: ComparisonResult
            switch sort.key {
            case "recipient": order = Self.compare(a.recipient.searchText, b.recipient.searchText)
            case "amount": order = a.grant.amountMinor == b.grant.amountMinor ? .orderedSame : (a.grant.amountMinor < b.grant.amountMinor ? .orderedAscending : .orderedDescending)
            case "lot": order = Self.compare(a.call.code + "/" + a.lot.code, b.call.code + "/" + b.lot.code)
            default: order = Self.compare(a.grant.awardDate, b.grant.awardDate)
            }
            if order == .orderedSame { return a.grant.identifier < b.grant.identifier }
            return ascending ? order == .orderedAscending : order == .orderedDescending
        }
    }

    private static func compare(_ a: String, _ b: String) -> ComparisonResult { a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending) }
}

enum GrantsExport {
    static let identifierPrefix = "360G-iceda-"

    /// Why there is nothing to publish.
    struct NothingToPublish: Error, CustomStringConvertible {
        var problems: [String]
        var description: String { problems.joined(separator: "\n") }
    }

    /// The 360Giving 1.4 data package of the awarded grants, built by the pure rules.
    static func package(_ rows: [RegisterRow], baseURL: String, issued: CalendarDate = today()) -> Result<JSONNode, Grants.ThreeSixtyGiving.InvalidExport> {
        let funder = rows.first.map { Grants.ThreeSixtyGiving.Organization(id: $0.programme.donorIdentifier, name: $0.programme.donor) }
            ?? Grants.ThreeSixtyGiving.Organization(id: "", name: "")
        let publication = Grants.ThreeSixtyGiving.Publication(
            title: "ICEDA Platform: awarded grants", identifier: "360G-iceda-register",
            publisher: .init(id: "360G-iceda", name: "ICEDA Platform", website: baseURL), funder: funder,
            license: "https://creativecommons.org/licenses/by/4.0/", issued: issued, identifierPrefix: identifierPrefix)
        let grants = rows.map { row in
            Grants.ThreeSixtyGiving.AwardedGrant(
                localId: row.grant.identifier.hasPrefix(identifierPrefix) ? String(row.grant.identifier.dropFirst(identifierPrefix.count)) : row.grant.identifier,
                title: row.grant.title, description: row.grant.summary, amountAwarded: row.amount,
                awardDate: row.grant.awardCalendarDate ?? issued,
                recipient: .init(id: "360G-iceda-org-" + row.recipient.slug, name: row.recipient.name, countryCode: row.recipient.countryCode,
                                 website: row.recipient.website.isEmpty ? nil : row.recipient.website),
                plannedStart: row.grant.plannedStartDate ?? issued, durationMonths: row.grant.durationMonths,
                programme: .init(code: row.call.code + "-" + row.lot.code, title: row.lot.title.values["en"] ?? row.lot.code))
        }
        return Grants.ThreeSixtyGiving.package(grants, publication: publication)
    }

    /// The package as JSON text from the database (what the API serves and `iceda export grants` prints).
    static func threeSixtyGivingData(on database: Database, baseURL: String, issued: CalendarDate = today()) async throws -> Data {
        let rows = try await GrantsData.register(on: database)
        guard !rows.isEmpty else { throw NothingToPublish(problems: ["There is no awarded grant yet."]) }
        switch package(rows, baseURL: baseURL, issued: issued) {
        case .success(let node): return Data((node.serialized() + "\n").utf8)
        case .failure(let invalid): throw NothingToPublish(problems: invalid.problems.map { problem in
            ([problem.code] + problem.arguments.keys.sorted().map { "\($0)=\(String(describing: problem.arguments[$0]!))" }).joined(separator: " ")
        })
        }
    }

    static let csvColumns = ["identifier", "title", "recipient", "recipient_country", "call", "lot", "currency", "amount",
                             "award_date", "planned_start", "planned_end", "duration_months", "status"]

    /// The register as CSV (RFC 4180, amounts in major units with a dot).
    static func csv(_ rows: [RegisterRow]) -> String {
        var text = CSVWriter.row(csvColumns)
        for row in rows {
            let amount = row.amount.machineText
            let fields = [row.grant.identifier, row.grant.title, row.recipient.name, row.recipient.countryCode, row.call.code, row.lot.code,
                          row.programme.currencyCode, amount, row.grant.awardDate, row.grant.plannedStart, row.grant.plannedEndDate?.iso ?? "",
                          String(row.grant.durationMonths), row.grant.status]
            text += CSVWriter.row(fields)
        }
        return text
    }

    /// Today's date in UTC.
    static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1) ?? CalendarDate(2026, 1, 1)!
    }
}
