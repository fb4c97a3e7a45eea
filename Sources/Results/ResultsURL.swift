// Every route of the results layer, declared once.
import Kernel
import Vapor

enum ResultsURL {
    static let listRoute = SiteRoute("results")
    static let programmeRoute = SiteRoute("results", ":slug")
    static let staffRoute = SiteRoute("staff", "results")
    static let staffProgrammeRoute = SiteRoute("staff", "results", ":slug")
    static let targetRoute = SiteRoute("staff", "results", ":slug", "targets")
    static let reportValueRoute = SiteRoute("staff", "results", ":slug", "reported")
    static let decideRoute = SiteRoute("staff", "results", ":slug", "reported", ":id", "decision")
    static let indicatorRoute = SiteRoute("staff", "results", ":slug", "indicators", ":id")
    static let reportRoute = SiteRoute("staff", "results", ":slug", "report")
    static let apiListRoute = SiteRoute.api("results")
    static let apiProgrammeRoute = SiteRoute.api("results", ":slug")
    static let apiCSVRoute = SiteRoute.api("results", ":slug", "indicators.csv")
    static let apiIATIRoute = SiteRoute.api("results", "iati.xml")

    static func list() -> String { listRoute.path() }
    static func programme(_ slug: String) -> String { programmeRoute.path(slug) }
    static func staff() -> String { staffRoute.path() }
    static func staffProgramme(_ slug: String) -> String { staffProgrammeRoute.path(slug) }
    static func target(_ slug: String) -> String { targetRoute.path(slug) }
    static func reportValue(_ slug: String) -> String { reportValueRoute.path(slug) }
    static func decide(_ slug: String, _ id: UUID) -> String { decideRoute.path(slug, id.uuidString.lowercased()) }
    static func indicator(_ slug: String, _ id: UUID) -> String { indicatorRoute.path(slug, id.uuidString.lowercased()) }
    static func report(_ slug: String, _ query: [String: String] = [:]) -> String { reportRoute.path(slug) + QueryString.encode(query) }
    static func apiProgramme(_ slug: String) -> String { apiProgrammeRoute.path(slug) }
    static func apiCSV(_ slug: String) -> String { apiCSVRoute.path(slug) }
    static func apiIATI() -> String { apiIATIRoute.path() }
}
