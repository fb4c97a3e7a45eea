// Every route of the observatory, declared once: the public pages, the staff pages of the network's assessment
// waves and the open-data API. The routes are registered from these and every link is built from them.
import Kernel
import Vapor

/// The observatory's routes and the links to them. Page links are paths without the locale (`PageContext.link`
/// or `Request.localLink` adds it); API links are absolute (`/api/v1/observatory/…`). Identifiers are passed as
/// they appear in the path: UUIDs lower-case (`id.uuidString.lowercased()`).
enum ObservatoryURL {
    // Public pages (under /{locale})
    static let homeRoute = SiteRoute("observatory")
    static let methodologyRoute = SiteRoute("observatory", "methodology")
    static let countryRoute = SiteRoute("observatory", "countries", ":country")
    static let countryServicesRoute = SiteRoute("observatory", "countries", ":country", "services")
    static let serviceRoute = SiteRoute("observatory", "services", ":id")
    static let unSurveyRoute = SiteRoute("observatory", "un-survey")
    // Staff pages of the assessment waves (under /{locale})
    static let assessmentsRoute = SiteRoute("staff", "observatory")
    static let newWaveRoute = SiteRoute("staff", "observatory", "waves", "new")
    static let waveRoute = SiteRoute("staff", "observatory", "waves", ":wave")
    static let editWaveRoute = SiteRoute("staff", "observatory", "waves", ":wave", "edit")
    static let waveServicesRoute = SiteRoute("staff", "observatory", "waves", ":wave", "services")
    static let copyServicesRoute = SiteRoute("staff", "observatory", "waves", ":wave", "services", "copy")
    static let addURLRoute = SiteRoute("staff", "observatory", "waves", ":wave", "urls")
    static let answersRoute = SiteRoute("staff", "observatory", "waves", ":wave", "urls", ":url")
    static let deleteURLRoute = SiteRoute("staff", "observatory", "waves", ":wave", "urls", ":url", "delete")
    static let disagreementsRoute = SiteRoute("staff", "observatory", "waves", ":wave", "disagreements")
    static let reconcileRoute = SiteRoute("staff", "observatory", "waves", ":wave", "reconcile")
    static let waveStateRoute = SiteRoute("staff", "observatory", "waves", ":wave", "state")
    static let fileRoute = SiteRoute("staff", "observatory", "files", ":sha")
    // API (under /api/v1)
    static let apiEditionsRoute = SiteRoute.api("observatory", "editions")
    static let apiScoresRoute = SiteRoute.api("observatory", "scores")
    static let apiScoresCSVRoute = SiteRoute.api("observatory", "scores.csv")
    static let apiServicesRoute = SiteRoute.api("observatory", "services")
    static let apiServicesJSONLDRoute = SiteRoute.api("observatory", "services.jsonld")
    static let apiWavesRoute = SiteRoute.api("observatory", "waves")
    static let apiProgressRoute = SiteRoute.api("observatory", "progress")
    static let apiProgressCSVRoute = SiteRoute.api("observatory", "progress.csv")
    static let apiUNSurveyRoute = SiteRoute.api("observatory", "un-survey")
    static let apiUNSurveyCSVRoute = SiteRoute.api("observatory", "un-survey.csv")

    // MARK: public pages

    static func home() -> String { homeRoute.path() }
    static func methodology() -> String { methodologyRoute.path() }
    /// A country's page, e.g. `/observatory/countries/AL`.
    static func country(_ country: String) -> String { countryRoute.path(country) }
    /// A country's services: `?page=N` when paging, then `&edition=…` when the edition is not the newest benchmark
    /// edition (a wave's), e.g. `/observatory/countries/XK/services?edition=Kosovo%202026`.
    static func countryServices(_ country: String, page: String? = nil, edition: String? = nil) -> String {
        countryServicesRoute.path(country) + query(["page": page, "edition": edition])
    }
    static func service(_ id: String) -> String { serviceRoute.path(id) }
    static func unSurvey() -> String { unSurveyRoute.path() }

    // MARK: staff pages of the waves

    /// The list of waves.
    static func assessments() -> String { assessmentsRoute.path() }
    static func newWave() -> String { newWaveRoute.path() }
    static func wave(_ wave: String) -> String { waveRoute.path(wave) }
    /// A wave's page at one of its services (the service's row has the id `service-{id}`).
    static func waveService(_ wave: String, _ service: String) -> String { waveRoute.path(wave) + "#service-" + service }
    static func editWave(_ wave: String) -> String { editWaveRoute.path(wave) }
    static func waveServices(_ wave: String) -> String { waveServicesRoute.path(wave) }
    static func copyServices(_ wave: String) -> String { copyServicesRoute.path(wave) }
    /// Where the form that adds a URL to a wave posts.
    static func addURL(_ wave: String) -> String { addURLRoute.path(wave) }
    /// The answers of the signed-in researcher for one URL of a wave.
    static func answers(_ wave: String, _ url: String) -> String { answersRoute.path(wave, url) }
    static func deleteURL(_ wave: String, _ url: String) -> String { deleteURLRoute.path(wave, url) }
    static func disagreements(_ wave: String) -> String { disagreementsRoute.path(wave) }
    static func reconcile(_ wave: String) -> String { reconcileRoute.path(wave) }
    /// Where the form that moves a wave to its next state posts.
    static func waveState(_ wave: String) -> String { waveStateRoute.path(wave) }
    /// An evidence file (a screenshot) by its SHA-256.
    static func file(_ sha: String) -> String { fileRoute.path(sha) }

    // MARK: API

    /// The scores of an edition (JSON), filtered by column and country, e.g.
    /// `/api/v1/observatory/scores?edition=eGovernment%20Benchmark%202024&column=biennial`.
    static func apiScores(edition: String, column: String? = nil, country: String? = nil) -> String {
        apiScoresRoute.path() + query(["edition": edition, "column": column, "country": country])
    }
    /// `apiScores` as CSV.
    static func apiScoresCSV(edition: String, column: String? = nil, country: String? = nil) -> String {
        apiScoresCSVRoute.path() + query(["edition": edition, "column": column, "country": country])
    }
    /// The service catalogue of a country in an edition (JSON).
    static func apiServices(edition: String, country: String) -> String {
        apiServicesRoute.path() + query(["edition": edition, "country": country])
    }
    static func apiWaves() -> String { apiWavesRoute.path() }
    /// A country's published waves with the changes between them (JSON).
    static func apiProgress(country: String) -> String { apiProgressRoute.path() + QueryString.encode(["country": country]) }
    /// `apiProgress` as CSV.
    static func apiProgressCSV(country: String) -> String { apiProgressCSVRoute.path() + QueryString.encode(["country": country]) }
    static func apiUNSurvey() -> String { apiUNSurveyRoute.path() }
    static func apiUNSurveyCSV() -> String { apiUNSurveyCSVRoute.path() }

    /// `?a=1&b=2` with the pairs in the order given and those without a value left out, each value encoded as by
    /// `QueryString.encode`, which would sort the keys: the observatory's links have always written `page` before
    /// `edition`, and `edition` before `column` and `country`.
    private static func query(_ pairs: KeyValuePairs<String, String?>) -> String {
        let encoded = pairs.compactMap { pair in pair.value.map { QueryString.encode([pair.key: $0]).dropFirst() } }
        return encoded.isEmpty ? "" : "?" + encoded.joined(separator: "&")
    }
}
