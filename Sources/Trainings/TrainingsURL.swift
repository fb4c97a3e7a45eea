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

/// The routes of tests, feedback, sheets, reports and the CSOs' own sessions.
enum LearningURL {
    static let testRoute = SiteRoute("trainings", "registrations", ":token", "test", ":phase")
    static let feedbackRoute = SiteRoute("trainings", "registrations", ":token", "feedback")
    static let reportRoute = SiteRoute("trainings", "report")
    static let reportCSVRoute = SiteRoute("trainings", "report.csv")
    static let questionsRoute = SiteRoute("staff", "training-questions")
    static let eventReportRoute = SiteRoute("staff", "trainings", ":slug", "report")
    static let sheetRoute = SiteRoute("staff", "trainings", ":slug", "sheet")
    static let sheetTemplateRoute = SiteRoute("staff", "trainings", ":slug", "sheet.csv")
    static let outreachNewRoute = SiteRoute("trainings", "outreach", "new")
    static let outreachStaffRoute = SiteRoute("staff", "outreach")
    static let outreachDecideRoute = SiteRoute("staff", "outreach", ":id")
    static let apiReportRoute = SiteRoute.api("trainings", "report")

    static func test(_ token: String, _ phase: String) -> String { testRoute.path(token, phase) }
    static func feedback(_ token: String) -> String { feedbackRoute.path(token) }
    static func report() -> String { reportRoute.path() }
    static func reportCSV() -> String { reportCSVRoute.path() }
    static func questions() -> String { questionsRoute.path() }
    static func eventReport(_ slug: String, _ query: [String: String] = [:]) -> String { eventReportRoute.path(slug) + QueryString.encode(query) }
    static func sheet(_ slug: String) -> String { sheetRoute.path(slug) }
    static func sheetTemplate(_ slug: String) -> String { sheetTemplateRoute.path(slug) }
    static func outreachNew() -> String { outreachNewRoute.path() }
    static func outreachStaff() -> String { outreachStaffRoute.path() }
    static func outreachDecide(_ id: UUID) -> String { outreachDecideRoute.path(id.uuidString.lowercased()) }
    static func apiReport() -> String { apiReportRoute.path() }
}
