// Every route of the trainings, declared once.
import Kernel
import Vapor

enum TrainingsURL {
    static let calendarRoute = SiteRoute("trainings")
    static let icsRoute = SiteRoute("trainings", "calendar.ics")
    static let eventRoute = SiteRoute("trainings", ":slug")
    static let registrationRoute = SiteRoute("trainings", "registrations", ":token")
    static let cancelRoute = SiteRoute("trainings", "registrations", ":token", "cancel")
    static let selfCheckRoute = SiteRoute("self-check")
    static let certificateRoute = SiteRoute("certificates", ":id")
    static let verifyRoute = SiteRoute("certificates")
    static let staffRoute = SiteRoute("staff", "trainings")
    static let newEventRoute = SiteRoute("staff", "trainings", "new")
    static let manageRoute = SiteRoute("staff", "trainings", ":slug")
    static let attendanceRoute = SiteRoute("staff", "trainings", ":slug", "attendance")
    static let issueRoute = SiteRoute("staff", "trainings", ":slug", "certificates")
    static let revokeRoute = SiteRoute("staff", "trainings", ":slug", "certificates", ":id", "revoke")
    static let apiJWKSRoute = SiteRoute.api("credentials", "jwks.json")
    static let apiCertificateRoute = SiteRoute.api("certificates", ":id")
    static let apiEventsRoute = SiteRoute.api("trainings")

    static func calendar(_ query: [String: String] = [:]) -> String { calendarRoute.path() + QueryString.encode(query) }
    static func ics() -> String { icsRoute.path() }
    static func event(_ slug: String) -> String { eventRoute.path(slug) }
    static func registration(_ token: String) -> String { registrationRoute.path(token) }
    static func cancel(_ token: String) -> String { cancelRoute.path(token) }
    static func selfCheck() -> String { selfCheckRoute.path() }
    static func certificate(_ id: UUID) -> String { certificateRoute.path(id.uuidString.lowercased()) }
    static func verify(_ query: [String: String] = [:]) -> String { verifyRoute.path() + QueryString.encode(query) }
    static func staff() -> String { staffRoute.path() }
    static func newEvent() -> String { newEventRoute.path() }
    static func manage(_ slug: String) -> String { manageRoute.path(slug) }
    static func attendance(_ slug: String) -> String { attendanceRoute.path(slug) }
    static func issue(_ slug: String) -> String { issueRoute.path(slug) }
    static func revoke(_ slug: String, _ id: UUID) -> String { revokeRoute.path(slug, id.uuidString.lowercased()) }
    static func apiJWKS() -> String { apiJWKSRoute.path() }
    static func apiCertificate(_ id: UUID) -> String { apiCertificateRoute.path(id.uuidString.lowercased()) }
}

enum TrainingsVocabulary {
    static let audiences = ["csos", "media", "institutions", "citizens"]
    static let levels = ["regional", "national", "local"]
    static let topics = ["e-government", "digital-skills", "online-safety", "privacy", "accessibility", "open-data"]
    static let formats = ["in-person", "online", "hybrid"]
    static let countries = ["AL", "XK", "ME", "MK", "RS", "BA"]
    static let genders = ["female", "male", "other", "unknown"]
}
