// The home page: what the platform is and where to go.
import DesignSystem
import Fluent
import Localization
import Vapor

enum HomeController {
    static func register(_ site: RoutesBuilder) {
        site.get("", use: home)
    }

    @Sendable static func home(request: Request) async throws -> Response {
        let context = request.pageContext(current: "home")
        let t = context.t
        let organisations = try await Organisation.query(on: request.db).filter(\.$listed == true).count()
        let region = CountryInfo.all.filter { $0.group == .westernBalkans }
        var counts: [String: Int] = [:]
        for code in try await Organisation.query(on: request.db).filter(\.$listed == true).filter(\.$countryCode ~~ region.map(\.code)).all(\.$countryCode) {
            counts[code, default: 0] += 1
        }
        let byCountry = region.map { ChartDatum(t($0.labelKey), Double(counts[$0.code] ?? 0)) }
        let maximum = max(1, byCountry.compactMap(\.value).max() ?? 1)
        let page = Layout.page(context, title: t("home.title")) {
            el("h1") { t("home.title") }
            el("p", .class("lead")) { t("home.intro") }
            el("ul", .class("cards")) {
                el("li", .class("card")) {
                    el("h2") { el("a", .href(context.link("/organisations"))) { t("directory.title") } }
                    el("p") { t.plural("home.directory_count", count: organisations) }
                }
                el("li", .class("card")) {
                    el("h2") { t("home.open_data") }
                    el("p") { t("home.open_data_intro") }
                    el("p") { el("a", .href("/api/openapi.json")) { t("ds.footer_api") } }
                }
            }
            Charts.bars(id: "orgs-by-country", title: t("home.chart_title"), data: byCountry, maximum: maximum,
                        valueLabel: t("home.chart_value"), fractionDigits: 0, t: t)
        }
        return .html(page)
    }
}
