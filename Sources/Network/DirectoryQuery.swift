// The directory's filters, search, sort and paging, shared by the public pages, exports and API.
import Kernel
import DesignSystem
import Fluent
import Vapor

struct DirectoryQuery: Sendable, Equatable {
    var country: String?
    var kind: OrganisationKind?
    var focus: FocusArea?
    var search: String?
    var sort = SortState(key: "name", ascending: true)
    var page = 1
    var perPage = 20

    static let sortKeys: Set<String> = ["name", "country", "kind"]
    static let maxPerPage = 100

    /// Reads the query string; values it does not know are ignored rather than refused.
    package init(request: Request, defaultPerPage: Int = 20) {
        country = request.query[String.self, at: "country"].map { $0.uppercased() }.flatMap { CountryInfo.find($0)?.code }
        kind = request.query[String.self, at: "kind"].flatMap(OrganisationKind.init(rawValue:))
        focus = request.query[String.self, at: "focus"].flatMap(FocusArea.init(rawValue:))
        let q = request.query[String.self, at: "q"].map(FormText.line) ?? ""
        search = q.isEmpty ? nil : String(q.prefix(200))
        if let raw = request.query[String.self, at: "sort"] {
            let candidate = SortState(queryValue: raw)
            if Self.sortKeys.contains(candidate.key) { sort = candidate }
        }
        page = request.queryPage()
        perPage = request.queryCount("per_page", default: defaultPerPage, max: Self.maxPerPage)
    }

    package init() {}

    /// The API's reading: a value it does not know is a 400 with a message naming the parameter.
    static func strict(request: Request, defaultPerPage: Int = 50) throws -> DirectoryQuery {
        var problems: [String] = []
        if let value = request.query[String.self, at: "country"], CountryInfo.find(value) == nil || value != value.uppercased() {
            problems.append("country: unknown country code “\(value)”")
        }
        if let value = request.query[String.self, at: "kind"], OrganisationKind(rawValue: value) == nil {
            problems.append("kind: must be one of " + OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let value = request.query[String.self, at: "focus"], FocusArea(rawValue: value) == nil {
            problems.append("focus: must be one of " + FocusArea.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let value = request.query[String.self, at: "q"], value.unicodeScalars.count > 200 { problems.append("q: at most 200 characters") }
        if let value = request.query[String.self, at: "sort"], !sortKeys.contains(SortState(queryValue: value).key) {
            problems.append("sort: must be name, country or kind, with - for descending")
        }
        for (name, range) in [("page", 1...100_000), ("per_page", 1...maxPerPage)] {
            if let raw = request.query[String.self, at: name], Int(raw).map(range.contains) != true {
                problems.append("\(name): a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
        }
        guard problems.isEmpty else { throw Abort(.badRequest, reason: problems.joined(separator: "; ")) }
        return DirectoryQuery(request: request, defaultPerPage: defaultPerPage)
    }

    /// The query values that reproduce this view, with `changes` applied (nil removes a value).
    func parameters(_ changes: [String: String?] = [:]) -> [String: String] {
        var values: [String: String] = [:]
        values["country"] = country
        values["kind"] = kind?.rawValue
        values["focus"] = focus?.rawValue
        values["q"] = search
        if sort != SortState(key: "name", ascending: true) { values["sort"] = sort.queryValue }
        if page > 1 { values["page"] = String(page) }
        for (key, value) in changes { values[key] = value }
        return values
    }

    private func filtered(on database: Database) -> QueryBuilder<Organisation> {
        // Organisations that registered themselves are shown once staff have listed them.
        let query = Organisation.query(on: database).filter(\.$listed == true)
        if let country { query.filter(\.$countryCode == country) }
        if let kind { query.filter(\.$kind == kind) }
        if let focus { query.filter(\.$focusAreaCodes ~~ ";\(focus.rawValue);") }
        if let search { query.filter(\.$searchText ~~ search.lowercased()) }
        return query
    }

    /// One page of matching organisations and the number of all matches.
    func run(on database: Database) async throws -> (items: [Organisation], total: Int) {
        let total = try await filtered(on: database).count()
        let query = filtered(on: database)
        let direction: DatabaseQuery.Sort.Direction = sort.ascending ? .ascending : .descending
        switch sort.key {
        // search_text starts with the lower-cased name: sorting on it ignores case ("e-Governance" after "CRTA").
        case "country": query.sort(\.$countryCode, direction).sort(\.$searchText)
        case "kind": query.sort(\.$kind, direction).sort(\.$searchText)
        default: query.sort(\.$searchText, direction)
        }
        let items = try await query.range((page - 1) * perPage ..< page * perPage).all()
        return (items, total)
    }

    /// Every match, for exports.
    func all(on database: Database) async throws -> [Organisation] {
        try await filtered(on: database).sort(\.$searchText).all()
    }
}
