// Data tables with sortable column headers and pagination.
import Localization

/// A column of a data table; `sortKey` makes its header a sorting link.
public struct Column: Sendable {
    public var label: String
    public var sortKey: String?
    public var numeric: Bool
    public init(_ label: String, sortKey: String? = nil, numeric: Bool = false) {
        self.label = label
        self.sortKey = sortKey
        self.numeric = numeric
    }
}

/// The current sort of a table.
public struct SortState: Sendable, Equatable {
    public var key: String
    public var ascending: Bool
    public init(key: String, ascending: Bool) {
        self.key = key
        self.ascending = ascending
    }
    /// The query value: `name` or `-name` for descending.
    public var queryValue: String { ascending ? key : "-" + key }
    public init(queryValue: String) {
        ascending = !queryValue.hasPrefix("-")
        key = ascending ? queryValue : String(queryValue.dropFirst())
    }
}

/// Which page of how many results.
public struct PageInfo: Sendable, Equatable {
    public var page: Int
    public var perPage: Int
    public var total: Int
    public init(page: Int, perPage: Int, total: Int) {
        self.page = max(1, page)
        self.perPage = max(1, perPage)
        self.total = max(0, total)
    }
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    public var offset: Int { (page - 1) * perPage }
}

public enum Tables {
    /// A table with a caption; `link` builds a URL for the same list with other query values.
    public static func table(
        caption: String, columns: [Column], rows: [[Node]], sort: SortState?,
        link: @escaping @Sendable ([String: String]) -> String, t: Translator
    ) -> Node {
        el("div", .class("table-wrap")) {
            el("table", .class("table")) {
                el("caption") { caption }
                el("thead") {
                    el("tr") {
                        for column in columns {
                            header(column, sort: sort, link: link, t: t)
                        }
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            for (index, cell) in row.enumerated() {
                                let numeric = index < columns.count && columns[index].numeric
                                if index == 0 {
                                    el("th", Attribute("scope", "row"), numeric ? .class("num") : nil) { cell }
                                } else {
                                    el("td", numeric ? .class("num") : nil) { cell }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func header(_ column: Column, sort: SortState?, link: ([String: String]) -> String, t: Translator) -> Node {
        let isSorted = sort?.key == column.sortKey && column.sortKey != nil
        let ariaSort: String? = isSorted ? (sort!.ascending ? "ascending" : "descending") : nil
        return el("th", Attribute("scope", "col"), column.numeric ? .class("num") : nil, ariaSort.map { Attribute("aria-sort", $0) }) {
            if let key = column.sortKey {
                let next = SortState(key: key, ascending: isSorted ? !sort!.ascending : true)
                el("a", .href(link(["sort": next.queryValue, "page": "1"]))) {
                    column.label
                    if isSorted {
                        el("span", .class("visually-hidden")) {
                            " (" + t(sort!.ascending ? "ds.sorted_ascending" : "ds.sorted_descending") + ")"
                        }
                        el("span", Attribute("aria-hidden", "true")) { sort!.ascending ? " ▲" : " ▼" }
                    }
                }
            } else {
                column.label
            }
        }
    }

    /// Previous/next links and the position, e.g. "Page 2 of 7".
    public static func pagination(_ info: PageInfo, link: ([String: String]) -> String, t: Translator) -> Node {
        guard info.pageCount > 1 else { return .empty }
        return el("nav", .class("pagination"), .aria("label", t("ds.pagination"))) {
            el("ul") {
                if info.page > 1 {
                    el("li") { el("a", .href(link(["page": String(info.page - 1)])), Attribute("rel", "prev")) { t("ds.previous_page") } }
                }
                el("li", .class("page-position")) {
                    t("ds.page_of", ["page": t.integer(info.page), "pages": t.integer(info.pageCount)])
                }
                if info.page < info.pageCount {
                    el("li") { el("a", .href(link(["page": String(info.page + 1)])), Attribute("rel", "next")) { t("ds.next_page") } }
                }
            }
        }
    }
}
