// The one shape of a list's query string: named filters, a sort key with a direction, a page and its size.
// Pages read it leniently (a value the list does not know is ignored), the API strictly (400 naming each
// parameter); both keep every number in its range, and `parameters` writes the values back for links.
import DesignSystem
import Vapor

/// What one list accepts.
package struct ListSpec: Sendable {
    /// A filter: its query name, how a sent value becomes the value the list uses (nil: not one it knows), and
    /// for the API what a valid value is (by default: a value that reads as itself).
    package struct Filter: Sendable {
        package var name: String
        package var read: @Sendable (String) -> String?
        package var expected: String
        package var accepts: @Sendable (String) -> Bool

        package init(_ name: String, expected: String, accepts: (@Sendable (String) -> Bool)? = nil,
                     read: @escaping @Sendable (String) -> String?) {
            self.name = name
            self.expected = expected
            self.read = read
            self.accepts = accepts ?? { read($0) == $0 }
        }
    }

    package var filters: [Filter]
    package var sortKeys: [String]
    package var defaultSort: SortState
    package var maxPerPage: Int
    package var maxPage: Int

    package init(filters: [Filter], sortKeys: [String], defaultSort: SortState, maxPerPage: Int = 100, maxPage: Int = 100_000) {
        self.filters = filters
        self.sortKeys = sortKeys
        self.defaultSort = defaultSort
        self.maxPerPage = maxPerPage
        self.maxPage = maxPage
    }
}

package struct ListQuery: Sendable, Equatable {
    /// Filter name → the value the list uses; absent when not filtered.
    package var filters: [String: String] = [:]
    package var sort: SortState
    package var page = 1
    package var perPage: Int
    /// The sort that `parameters` leaves out of links.
    package var defaultSort: SortState

    package init(sort: SortState, perPage: Int) {
        self.sort = sort
        self.defaultSort = sort
        self.perPage = perPage
    }

    /// Reads the query string leniently: a value the list does not know is ignored.
    package init(request: Request, spec: ListSpec, defaultPerPage: Int) {
        self.init(sort: spec.defaultSort, perPage: defaultPerPage)
        for filter in spec.filters {
            if let raw = request.query[String.self, at: filter.name], let value = filter.read(raw) { filters[filter.name] = value }
        }
        if let raw = request.query[String.self, at: "sort"] {
            let candidate = SortState(queryValue: raw)
            if spec.sortKeys.contains(candidate.key) { sort = candidate }
        }
        page = request.queryPage(max: spec.maxPage)
        perPage = request.queryCount("per_page", default: defaultPerPage, max: spec.maxPerPage)
    }

    /// The API's reading: anything the list does not accept is a 400 naming each parameter.
    package static func strict(request: Request, spec: ListSpec, defaultPerPage: Int) throws -> ListQuery {
        var problems: [String] = []
        for filter in spec.filters {
            if let raw = request.query[String.self, at: filter.name], !filter.accepts(raw) {
                problems.append("\(filter.name): \(filter.expected)")
            }
        }
        if let raw = request.query[String.self, at: "sort"] {
            let candidate = SortState(queryValue: raw)
            if raw.unicodeScalars.count > 40 || !spec.sortKeys.contains(candidate.key) || candidate.queryValue != raw {
                problems.append("sort: " + spec.sortKeys.joined(separator: ", ") + ", with - for descending")
            }
        }
        for (name, range) in [("page", 1...spec.maxPage), ("per_page", 1...spec.maxPerPage)] {
            if let raw = request.query[String.self, at: name], Int(raw).map(range.contains) != true {
                problems.append("\(name): a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
        }
        guard problems.isEmpty else { throw Abort(.badRequest, reason: problems.joined(separator: "; ")) }
        return ListQuery(request: request, spec: spec, defaultPerPage: defaultPerPage)
    }

    /// The first row of the page.
    package var offset: Int { (page - 1) * perPage }

    /// The query values that reproduce this view (default sort and page 1 left out), with `changes` applied
    /// (nil removes a value).
    package func parameters(_ changes: [String: String?] = [:]) -> [String: String] {
        var values = filters
        if sort != defaultSort { values["sort"] = sort.queryValue }
        if page > 1 { values["page"] = String(page) }
        for (key, value) in changes { values[key] = value }
        return values
    }
}
