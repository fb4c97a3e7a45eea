// Every route of the dialogue, declared once.
import Kernel
import Vapor

enum DialogueURL {
    static let trackerRoute = SiteRoute("dialogue")
    static let recommendationRoute = SiteRoute("dialogue", "recommendations", ":code")
    static let changeRoute = SiteRoute("dialogue", "recommendations", ":code", "changes")
    static let evidenceRoute = SiteRoute("dialogue", "recommendations", ":code", "evidence")
    static let editRoute = SiteRoute("dialogue", "recommendations", ":code", "edit")
    static let newRoute = SiteRoute("dialogue", "new")
    static let institutionRoute = SiteRoute("dialogue", "institutions", ":slug")
    static let inboxRoute = SiteRoute("dialogue", "inbox")
    static let mediaRoute = SiteRoute("dialogue", "media")
    static let recordsRoute = SiteRoute("dialogue", "meetings")
    static let feedRoute = SiteRoute("dialogue", "feed.atom")
    static let apiRecommendationsRoute = SiteRoute.api("dialogue", "recommendations")
    static let apiCSVRoute = SiteRoute.api("dialogue", "recommendations.csv")

    static func tracker(_ query: [String: String] = [:]) -> String { trackerRoute.path() + QueryString.encode(query) }
    static func recommendation(_ code: String) -> String { recommendationRoute.path(code) }
    static func change(_ code: String) -> String { changeRoute.path(code) }
    static func evidence(_ code: String) -> String { evidenceRoute.path(code) }
    static func edit(_ code: String) -> String { editRoute.path(code) }
    static func new() -> String { newRoute.path() }
    static func institution(_ slug: String) -> String { institutionRoute.path(slug) }
    static func inbox() -> String { inboxRoute.path() }
    static func media() -> String { mediaRoute.path() }
    static func records() -> String { recordsRoute.path() }
    static func feed() -> String { feedRoute.path() }
    static func apiRecommendations() -> String { apiRecommendationsRoute.path() }
    static func apiCSV() -> String { apiCSVRoute.path() }
}

enum DialogueVocabulary {
    static let areas = ["e-government", "e-services", "digital-skills", "open-data", "privacy", "accessibility", "cyber-security", "e-participation"]
    static let levels = ["national", "local"]
    static let sources = ["platform", "letter", "meeting", "publication"]
    static let countries = ["AL", "XK", "ME", "MK", "RS", "BA"]
}
