// The public directory: filters, search, a sortable table, pages, downloads.
import Kernel
import DesignSystem
import Localization

enum DirectoryPage {
    struct Model {
        var query: DirectoryQuery
        var items: [Organisation]
        var total: Int
        package init(query: DirectoryQuery, items: [Organisation], total: Int) {
            self.query = query
            self.items = items
            self.total = total
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let query = model.query
        let link: @Sendable ([String: String]) -> String = { changes in
            context.link(NetworkURL.directory()) + QueryString.encode(query.parameters(changes.mapValues { Optional($0) }))
        }
        let info = PageInfo(page: query.page, perPage: query.perPage, total: model.total)
        return Layout.page(context, title: t("directory.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("directory.title"))]) {
            el("h1") { t("directory.title") }
            el("p", .class("lead")) { t("directory.intro") }
            el("form", Attribute("method", "get"), Attribute("action", context.link(NetworkURL.directory())), .class("filters"), Attribute("role", "search")) {
                el("div", .class("filter-grid")) {
                    Forms.text(name: "q", label: t("directory.search"), value: query.search, type: "search", t: t)
                    Forms.select(name: "country", label: t("directory.country"), choices: CountryInfo.all.map { Choice(value: $0.code, label: t($0.labelKey)) },
                                 selected: query.country, blankLabel: t("directory.any_country"), t: t)
                    Forms.select(name: "kind", label: t("directory.kind"), choices: OrganisationKind.allCases.map { Choice(value: $0.rawValue, label: t($0.labelKey)) },
                                 selected: query.kind?.rawValue, blankLabel: t("directory.any_kind"), t: t)
                    Forms.select(name: "focus", label: t("directory.focus"), choices: FocusArea.allCases.map { Choice(value: $0.rawValue, label: t($0.labelKey)) },
                                 selected: query.focus?.rawValue, blankLabel: t("directory.any_focus"), t: t)
                }
                Forms.submit(t("directory.apply_filters"))
                el("a", .href(context.link(NetworkURL.directory()))) { t("directory.clear_filters") }
            }
            el("p", Attribute("role", "status")) { t.plural("directory.result_count", count: model.total) }
            if model.items.isEmpty {
                el("p") { t("directory.no_results") }
            } else {
                Tables.table(
                    caption: t("directory.table_caption"),
                    columns: [Column(t("org.name"), sortKey: "name"), Column(t("org.kind"), sortKey: "kind"),
                              Column(t("org.country"), sortKey: "country"), Column(t("org.municipality")), Column(t("org.focus_areas"))],
                    rows: model.items.map { organisation in
                        [
                            el("a", .href(context.link(NetworkURL.organisation(organisation.slug)))) { organisation.name },
                            .text(t(organisation.kind.labelKey)),
                            .text(t("country.\(organisation.countryCode)")),
                            .text(organisation.municipality),
                            .text(organisation.focusAreas.map { t($0.labelKey) }.joined(separator: ", ")),
                        ]
                    },
                    sort: query.sort, link: link, t: t)
                Tables.pagination(info, link: link, t: t)
            }
            el("h2") { t("directory.downloads") }
            el("ul", .class("downloads")) {
                let filters = QueryString.encode(query.parameters(["page": nil, "sort": nil]))
                el("li") { el("a", .href(NetworkURL.apiCSV(filters)), Attribute("download", nil)) { t("directory.download_csv") } }
                el("li") { el("a", .href(NetworkURL.apiList(filters))) { t("directory.download_json") } }
            }
        }
    }
}
