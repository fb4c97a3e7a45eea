// Every route of the centres, declared once (registered from these, linked through these).
import Kernel
import Vapor

package enum CentresURL {
    // Public pages
    static let finderRoute = SiteRoute("centres")
    static let statisticsRoute = SiteRoute("centres", "statistics")
    static let checkLinkRoute = SiteRoute("centres", "check-link")
    static let centreRoute = SiteRoute("centres", ":slug")
    static let bookRoute = SiteRoute("centres", ":slug", "book")
    static let appointmentRoute = SiteRoute("centres", "appointments", ":token")
    static let cancelAppointmentRoute = SiteRoute("centres", "appointments", ":token", "cancel")
    // Operators (a centre's own) and staff
    static let newCaseRoute = SiteRoute("centres", ":slug", "cases", "new")
    static let casesRoute = SiteRoute("centres", ":slug", "cases")
    static let uploadRoute = SiteRoute("centres", ":slug", "cases", "upload")
    static let templateRoute = SiteRoute("centres", ":slug", "cases", "template.csv")
    static let exportRoute = SiteRoute("centres", ":slug", "cases.csv")
    static let dashboardRoute = SiteRoute("centres", ":slug", "dashboard")
    static let dayRoute = SiteRoute("centres", ":slug", "day")
    static let followUpsRoute = SiteRoute("centres", ":slug", "follow-ups")
    static let followUpDoneRoute = SiteRoute("centres", ":slug", "follow-ups", ":id", "done")
    // Staff
    static let staffRoute = SiteRoute("staff", "centres")
    static let newCentreRoute = SiteRoute("staff", "centres", "new")
    static let editCentreRoute = SiteRoute("staff", "centres", ":slug", "edit")
    static let operatorsRoute = SiteRoute("staff", "centres", ":slug", "operators")
    static let removeOperatorRoute = SiteRoute("staff", "centres", ":slug", "operators", ":user", "remove")
    // API
    static let apiCentresRoute = SiteRoute.api("centres")
    static let apiStatisticsRoute = SiteRoute.api("centres", "statistics")

    package static func finder(_ query: [String: String] = [:]) -> String { finderRoute.path() + QueryString.encode(query) }
    static func statistics(_ query: [String: String] = [:]) -> String { statisticsRoute.path() + QueryString.encode(query) }
    static func checkLink() -> String { checkLinkRoute.path() }
    static func centre(_ slug: String) -> String { centreRoute.path(slug) }
    static func book(_ slug: String) -> String { bookRoute.path(slug) }
    static func appointment(_ token: String) -> String { appointmentRoute.path(token) }
    static func cancelAppointment(_ token: String) -> String { cancelAppointmentRoute.path(token) }
    static func newCase(_ slug: String, _ query: [String: String] = [:]) -> String { newCaseRoute.path(slug) + QueryString.encode(query) }
    static func cases(_ slug: String) -> String { casesRoute.path(slug) }
    static func upload(_ slug: String) -> String { uploadRoute.path(slug) }
    static func template(_ slug: String) -> String { templateRoute.path(slug) }
    static func export(_ slug: String) -> String { exportRoute.path(slug) }
    static func dashboard(_ slug: String, _ query: [String: String] = [:]) -> String { dashboardRoute.path(slug) + QueryString.encode(query) }
    static func day(_ slug: String, _ query: [String: String] = [:]) -> String { dayRoute.path(slug) + QueryString.encode(query) }
    static func followUps(_ slug: String) -> String { followUpsRoute.path(slug) }
    static func followUpDone(_ slug: String, _ id: UUID) -> String { followUpDoneRoute.path(slug, id.uuidString.lowercased()) }
    static func staff() -> String { staffRoute.path() }
    static func newCentre() -> String { newCentreRoute.path() }
    static func editCentre(_ slug: String) -> String { editCentreRoute.path(slug) }
    static func operators(_ slug: String) -> String { operatorsRoute.path(slug) }
    static func removeOperator(_ slug: String, _ user: UUID) -> String { removeOperatorRoute.path(slug, user.uuidString.lowercased()) }
}
