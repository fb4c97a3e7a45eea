// Every route of the network directory, declared once: the routes are registered from these and every link is
// built from them (other features link to an organisation through `NetworkURL.organisation`).
import Kernel
import Vapor

package enum NetworkURL {
    // Pages (under /{locale})
    static let directoryRoute = SiteRoute("organisations")
    static let organisationRoute = SiteRoute("organisations", ":slug")
    static let newOrganisationRoute = SiteRoute("staff", "organisations", "new")
    static let editOrganisationRoute = SiteRoute("staff", "organisations", ":slug", "edit")
    static let importRoute = SiteRoute("staff", "organisations", "import")
    static let peopleRoute = SiteRoute("staff", "organisations", ":slug", "people")
    static let withdrawPersonRoute = SiteRoute("staff", "organisations", ":slug", "people", ":person", "withdraw")
    static let inviteEditorRoute = SiteRoute("staff", "organisations", ":slug", "people", "editors")
    static let removeEditorRoute = SiteRoute("staff", "organisations", ":slug", "people", "editors", ":user", "remove")
    static let addMembershipRoute = SiteRoute("staff", "organisations", ":slug", "people", "memberships")
    static let unlistedRoute = SiteRoute("staff", "organisations", "unlisted")
    static let listRoute = SiteRoute("staff", "organisations", ":slug", "list")
    // API (under /api/v1)
    static let apiOrganisations = SiteRoute.api("organisations")
    static let apiOrganisationsCSV = SiteRoute.api("organisations.csv")
    static let apiOrganisationRoute = SiteRoute.api("organisations", ":slug")
    static let apiCountries = SiteRoute.api("countries")
    static let apiFocusAreas = SiteRoute.api("focus-areas")

    /// The directory, with its filters as a query string (`?country=AL&q=…`, or nothing).
    package static func directory(_ query: [String: String] = [:]) -> String { directoryRoute.path() + QueryString.encode(query) }
    /// An organisation's public page.
    package static func organisation(_ slug: String) -> String { organisationRoute.path(slug) }
    static func newOrganisation() -> String { newOrganisationRoute.path() }
    static func editOrganisation(_ slug: String) -> String { editOrganisationRoute.path(slug) }
    static func importOrganisations() -> String { importRoute.path() }
    static func people(_ slug: String) -> String { peopleRoute.path(slug) }
    static func withdrawPerson(_ slug: String, _ person: String) -> String { withdrawPersonRoute.path(slug, person) }
    static func inviteEditor(_ slug: String) -> String { inviteEditorRoute.path(slug) }
    static func removeEditor(_ slug: String, _ user: String) -> String { removeEditorRoute.path(slug, user) }
    static func addMembership(_ slug: String) -> String { addMembershipRoute.path(slug) }
    static func unlisted() -> String { unlistedRoute.path() }
    static func list(_ slug: String) -> String { listRoute.path(slug) }
    /// The API's list (absolute: `/api/v1/organisations?…`).
    static func apiList(_ query: String = "") -> String { apiOrganisations.path() + query }
    static func apiCSV(_ query: String = "") -> String { apiOrganisationsCSV.path() + query }
    static func apiOrganisation(_ slug: String) -> String { apiOrganisationRoute.path(slug) }
}
