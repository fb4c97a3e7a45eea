// Every route of the grants feature, declared once: the routes are registered from these and every link, form
// action, redirect and e-mail link is built from them (links to an organisation go through `NetworkURL.organisation`).
import Kernel
import Vapor

/// The grants routes: pages under /{locale}, the API under /api/v1. Each link function takes its route's parameters
/// in order; ids are written as lower-case UUIDs (`id.uuidString.lowercased()`) and codes as stored.
enum GrantsURL {
    // Public pages (under /{locale})
    static let overviewRoute = SiteRoute("grants")
    static let callRoute = SiteRoute("grants", "calls", ":code")
    static let publicRankingRoute = SiteRoute("grants", "calls", ":code", "ranking")
    static let registerRoute = SiteRoute("grants", "register")
    static let registerOrganisationRoute = SiteRoute("grants", "register-organisation")
    // Applicants
    static let applyRoute = SiteRoute("grants", "calls", ":code", "apply")
    static let myApplicationsRoute = SiteRoute("grants", "applications")
    static let applicationRoute = SiteRoute("grants", "applications", ":application")
    static let previewRoute = SiteRoute("grants", "applications", ":application", "preview")
    static let submitRoute = SiteRoute("grants", "applications", ":application", "submit")
    static let receiptRoute = SiteRoute("grants", "applications", ":application", "receipt")
    static let attachmentsRoute = SiteRoute("grants", "applications", ":application", "attachments")
    static let attachmentRoute = SiteRoute("grants", "applications", ":application", "attachments", ":attachment")
    static let deleteAttachmentRoute = SiteRoute("grants", "applications", ":application", "attachments", ":attachment", "delete")
    static let withdrawRoute = SiteRoute("grants", "applications", ":application", "withdraw")
    static let appealRoute = SiteRoute("grants", "applications", ":application", "appeal")
    static let letterRoute = SiteRoute("grants", "applications", ":application", "letter")
    // Grantees
    static let granteeGrantRoute = SiteRoute("grants", "awarded", ":grant")
    static let granteeBudgetRoute = SiteRoute("grants", "awarded", ":grant", "budget")
    static let submitReportRoute = SiteRoute("grants", "awarded", ":grant", "reports", ":report")
    // Staff: evaluation
    static let staffRoute = SiteRoute("staff", "grants")
    static let staffApplicationsRoute = SiteRoute("staff", "grants", "applications")
    static let staffApplicationRoute = SiteRoute("staff", "grants", "applications", ":application")
    static let screeningRoute = SiteRoute("staff", "grants", "applications", ":application", "screening")
    static let reviewersRoute = SiteRoute("staff", "grants", "applications", ":application", "reviewers")
    static let transitionRoute = SiteRoute("staff", "grants", "applications", ":application", "transition")
    static let rankingRoute = SiteRoute("staff", "grants", "calls", ":code", "ranking")
    static let committeeRoute = SiteRoute("staff", "grants", "calls", ":code", "committee")
    static let reviewsRoute = SiteRoute("staff", "grants", "reviews")
    static let reviewRoute = SiteRoute("staff", "grants", "reviews", ":review")
    static let declarationRoute = SiteRoute("staff", "grants", "reviews", ":review", "declaration")
    // Staff: calls, lots and programmes
    static let newCallRoute = SiteRoute("staff", "grants", "calls", "new")
    static let editCallRoute = SiteRoute("staff", "grants", "calls", ":code", "edit")
    static let newLotRoute = SiteRoute("staff", "grants", "calls", ":code", "lots", "new")
    static let editLotRoute = SiteRoute("staff", "grants", "calls", ":code", "lots", ":lot", "edit")
    static let programmesRoute = SiteRoute("staff", "grants", "programmes")
    // Staff: awarded grants
    static let awardedRoute = SiteRoute("staff", "grants", "awarded")
    static let staffGrantRoute = SiteRoute("staff", "grants", "awarded", ":grant")
    static let paymentsRoute = SiteRoute("staff", "grants", "awarded", ":grant", "payments")
    static let reviewReportRoute = SiteRoute("staff", "grants", "awarded", ":grant", "reports", ":report", "review")
    static let eventsRoute = SiteRoute("staff", "grants", "awarded", ":grant", "events")
    static let staffBudgetRoute = SiteRoute("staff", "grants", "awarded", ":grant", "budget")
    static let amendmentRoute = SiteRoute("staff", "grants", "awarded", ":grant", "amendments", ":amendment")
    // API (under /api/v1)
    static let apiGrantsRoute = SiteRoute.api("grants")
    static let apiGrantsCSVRoute = SiteRoute.api("grants.csv")
    static let apiThreeSixtyGivingRoute = SiteRoute.api("grants", "360giving.json")
    static let apiCallsRoute = SiteRoute.api("grants", "calls")

    // MARK: public pages

    static func overview() -> String { overviewRoute.path() }
    static func call(_ code: String) -> String { callRoute.path(code) }
    static func publicRanking(_ code: String) -> String { publicRankingRoute.path(code) }
    /// The register of awarded grants, with its filters as a query string (`?call=…`, or nothing).
    static func register(_ query: [String: String] = [:]) -> String { registerRoute.path() + QueryString.encode(query) }
    static func registerOrganisation() -> String { registerOrganisationRoute.path() }

    // MARK: applicants

    static func apply(_ code: String) -> String { applyRoute.path(code) }
    static func myApplications() -> String { myApplicationsRoute.path() }
    /// An application as its applicant sees it (the form while it is a draft, its status after).
    static func application(_ application: String) -> String { applicationRoute.path(application) }
    static func preview(_ application: String) -> String { previewRoute.path(application) }
    static func submit(_ application: String) -> String { submitRoute.path(application) }
    static func receipt(_ application: String) -> String { receiptRoute.path(application) }
    /// Where a file is uploaded to an application.
    static func attachments(_ application: String) -> String { attachmentsRoute.path(application) }
    /// One attached file, for download (applicants, staff, reviewers and the committee).
    static func attachment(_ application: String, _ attachment: String) -> String { attachmentRoute.path(application, attachment) }
    static func deleteAttachment(_ application: String, _ attachment: String) -> String { deleteAttachmentRoute.path(application, attachment) }
    static func withdraw(_ application: String) -> String { withdrawRoute.path(application) }
    static func appeal(_ application: String) -> String { appealRoute.path(application) }
    static func letter(_ application: String) -> String { letterRoute.path(application) }

    // MARK: grantees

    /// A grant as its grantee sees it.
    static func granteeGrant(_ grant: String) -> String { granteeGrantRoute.path(grant) }
    static func granteeBudget(_ grant: String) -> String { granteeBudgetRoute.path(grant) }
    static func submitReport(_ grant: String, _ report: String) -> String { submitReportRoute.path(grant, report) }

    // MARK: staff

    /// The staff overview of the grants (calls with their applications by state).
    static func staff() -> String { staffRoute.path() }
    /// The staff list of applications, with its filters as a query string (`?call=…&state=…`, or nothing).
    static func staffApplications(_ query: [String: String] = [:]) -> String { staffApplicationsRoute.path() + QueryString.encode(query) }
    /// An application as staff, reviewers and the committee see it.
    static func staffApplication(_ application: String) -> String { staffApplicationRoute.path(application) }
    static func screening(_ application: String) -> String { screeningRoute.path(application) }
    static func reviewers(_ application: String) -> String { reviewersRoute.path(application) }
    static func transition(_ application: String) -> String { transitionRoute.path(application) }
    /// A call's ranking, with the lot and the page as a query string (`?lot=…&page=…`, or nothing).
    static func ranking(_ code: String, _ query: [String: String] = [:]) -> String { rankingRoute.path(code) + QueryString.encode(query) }
    static func committee(_ code: String) -> String { committeeRoute.path(code) }
    /// The reviewer's own reviews.
    static func reviews() -> String { reviewsRoute.path() }
    static func review(_ review: String) -> String { reviewRoute.path(review) }
    static func declaration(_ review: String) -> String { declarationRoute.path(review) }
    static func newCall() -> String { newCallRoute.path() }
    static func editCall(_ code: String) -> String { editCallRoute.path(code) }
    static func newLot(_ code: String) -> String { newLotRoute.path(code) }
    static func editLot(_ code: String, _ lot: String) -> String { editLotRoute.path(code, lot) }
    static func programmes() -> String { programmesRoute.path() }
    /// The staff list of awarded grants.
    static func awarded() -> String { awardedRoute.path() }
    /// A grant as staff see it.
    static func staffGrant(_ grant: String) -> String { staffGrantRoute.path(grant) }
    static func payments(_ grant: String) -> String { paymentsRoute.path(grant) }
    static func reviewReport(_ grant: String, _ report: String) -> String { reviewReportRoute.path(grant, report) }
    static func events(_ grant: String) -> String { eventsRoute.path(grant) }
    static func staffBudget(_ grant: String) -> String { staffBudgetRoute.path(grant) }
    static func amendment(_ grant: String, _ amendment: String) -> String { amendmentRoute.path(grant, amendment) }

    // MARK: API (absolute: `/api/v1/…`)

    /// The register as CSV, with the page's filters as a query string (already encoded, or "").
    static func apiCSV(_ query: String = "") -> String { apiGrantsCSVRoute.path() + query }
    static func apiThreeSixtyGiving() -> String { apiThreeSixtyGivingRoute.path() }
}

extension GrantApplication {
    /// The id as paths write it (lower-case), for the `GrantsURL` functions.
    var pathID: String { id!.uuidString.lowercased() }
}
