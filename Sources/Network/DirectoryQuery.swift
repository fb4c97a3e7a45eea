// The directory's filters, search, sort and paging, shared by the public pages, exports and API.
import Kernel
import DesignSystem
import Fluent
import Vapor

struct DirectoryQuery: Sendable, Equatable {
    var list: ListQuery

    static let maxPerPage = 100

    /// Filters by country, kind and focus area, words in the name or municipality; sorts by name, country or kind.
    static let spec = ListSpec(filters: [
        .init("country", expected: "an ISO 3166-1 alpha-2 code in capitals (XK for Kosovo)") { CountryInfo.find($0.uppercased())?.code },
        .init("kind", expected: "one of " + OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")) { OrganisationKind(rawValue: $0)?.rawValue },
        .init("focus", expected: "one of " + FocusArea.allCases.map(\.rawValue).joined(separator: ", ")) { FocusArea(rawValue: $0)?.rawValue },
        .init("q", expected: "at most 200 characters", accepts: { $0.unicodeScalars.count <= 200 }) { raw in
            let words = FormText.line(raw)
            return words.isEmpty ? nil : String(words.prefix(200))
        },
    ], sortKeys: ["name", "country", "kind"], defaultSort: SortState(key: "name", ascending: true), maxPerPage: maxPerPage)

    var country: String? { list.filters["country"] }
    var kind: OrganisationKind? { list.filters["kind"].flatMap(OrganisationKind.init(rawValue:)) }
    var focus: FocusArea? { list.filters["focus"].flatMap(FocusArea.init(rawValue:)) }
    var search: String? { list.filters["q"] }
    var sort: SortState { list.sort }
    var page: Int { list.page }
    var perPage: Int { list.perPage }

    /// Reads the query string; values it does not know are ignored rather than refused.
    package init(request: Request, defaultPerPage: Int = 20) {
        list = ListQuery(request: request, spec: Self.spec, defaultPerPage: defaultPerPage)
    }

    package init() {
        list = ListQuery(sort: Self.spec.defaultSort, perPage: 20)
    }

    /// The API's reading: a value it does not know is a 400 with a message naming the parameter.
    static func strict(request: Request, defaultPerPage: Int = 50) throws -> DirectoryQuery {
        DirectoryQuery(list: try ListQuery.strict(request: request, spec: spec, defaultPerPage: defaultPerPage))
    }

    private init(list: ListQuery) {
        self.list = list
    }

    /// The query values that reproduce this view, with `changes` applied (nil removes a value).
    func parameters(_ changes: [String: String?] = [:]) -> [String: String] { list.parameters(changes) }

    private func filtered(on database: Database) -> QueryBuilder<Organisation> {
        // Organisations that registered themselves are shown once staff have listed them.
        let query = Organisation.query(on: database).filter(\.$listed == true)
        if let country { query.filter(\.$countryCode == country) }
        if let kind { query.filter(\.$kind == kind) }
        if let focus { query.filter(\.$focusAreaCodes ~~ ";\(focus.rawValue);") }
        if let search { query.filter(\.$searchText ~~ SearchFolding.fold(search)) }
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
        let items = try await query.range(list.offset ..< list.offset + perPage).all()
        return (items, total)
    }

    /// Every match, for exports.
    func all(on database: Database) async throws -> [Organisation] {
        try await filtered(on: database).sort(\.$searchText).all()
    }
}
