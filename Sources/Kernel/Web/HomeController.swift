// The home page: what the platform is, and each feature's card and sections.
import DesignSystem
import Fluent
import Localization
import Vapor

package enum HomeController {
    package static func register(_ site: RoutesBuilder) {
        site.get(KernelURL.home, use: home)
    }

    @Sendable package static func home(request: Request) async throws -> Response {
        let context = request.pageContext(current: "home")
        let t = context.t
        var contributions: [HomeContribution] = []
        for feature in request.application.features { contributions.append(try await feature.home(request, context: context)) }
        let page = Layout.page(context, title: t("home.title")) {
            el("h1") { t("home.title") }
            el("p", .class("lead")) { t("home.intro") }
            el("ul", .class("cards")) {
                contributions.flatMap(\.cards)
                el("li", .class("card")) {
                    el("h2") { t("home.open_data") }
                    el("p") { t("home.open_data_intro") }
                    el("p") { el("a", .href("/api/openapi.json")) { t("ds.footer_api") } }
                }
            }
            el("h2") { t("home.who_title") }
            el("dl", .class("summary-list")) {
                for audience in ["csos", "citizens", "researchers", "journalists", "institutions"] {
                    el("dt") { t("home.who.\(audience)") }
                    el("dd") { t("home.who.\(audience).text") }
                }
            }
            contributions.flatMap(\.sections)
        }
        return .html(page)
    }
}
