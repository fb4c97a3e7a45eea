// Citizen guides: step by step, per e-service and country, in the local languages — what you need (eID,
// documents, fees), the official link (checked against the country's official domains), the problems the centres'
// assistance log shows most for that service, and the help centres of the country. Light pages for old phones:
// no images, no script. Staff write a guide in their language and add the others by editing in those.
import DesignSystem
import Fluent
import FluentSQL
import Foundation
import Kernel
import Localization
import Methods
import Network
import Observatory
import SQLKit
import Vapor

public final class CitizenGuide: Model, @unchecked Sendable {
    public static let schema = "citizen_guides"
    @ID(key: .id) public var id: UUID?
    @Field(key: "version") public var version: Int
    @Field(key: "slug") public var slug: String
    @Field(key: "country") public var country: String
    /// The e-service of the catalogue, as cases name it (`family/3.2`), or empty.
    @Field(key: "service") public var service: String
    @Field(key: "title") public var titleJSON: String
    @Field(key: "summary") public var summaryJSON: String
    /// One item per line, per language.
    @Field(key: "needs") public var needsJSON: String
    @Field(key: "steps") public var stepsJSON: String
    @Field(key: "fees") public var feesJSON: String
    @Field(key: "official_url") public var officialURL: String
    @Field(key: "updated_on") public var updatedOn: String
    @Field(key: "published") public var published: Bool
    public init() {}

    public var title: LocalizedText { get { LocalizedText(column: titleJSON) } set { titleJSON = newValue.columnText } }
    public var summary: LocalizedText { get { LocalizedText(column: summaryJSON) } set { summaryJSON = newValue.columnText } }
    public var needs: LocalizedText { get { LocalizedText(column: needsJSON) } set { needsJSON = newValue.columnText } }
    public var steps: LocalizedText { get { LocalizedText(column: stepsJSON) } set { stepsJSON = newValue.columnText } }
    public var fees: LocalizedText { get { LocalizedText(column: feesJSON) } set { feesJSON = newValue.columnText } }
}

struct M014_CitizenGuides: AsyncMigration {
    func prepare(on database: Database) async throws {
        var schema = database.schema(CitizenGuide.schema).id().field("version", .int, .required)
        for text in ["slug", "country", "service", "title", "summary", "needs", "steps", "fees", "official_url", "updated_on"] {
            schema = schema.field(FieldKey(stringLiteral: text), .string, .required)
        }
        try await schema.field("published", .bool, .required).unique(on: "slug").create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "citizen_guides_country").on(CitizenGuide.schema).column("country").column("published").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CitizenGuide.schema).delete()
    }
}

enum GuidesURL {
    static let listRoute = SiteRoute("guides")
    static let guideRoute = SiteRoute("guides", ":slug")
    static let staffRoute = SiteRoute("staff", "guides")
    static let newRoute = SiteRoute("staff", "guides", "new")
    static let editRoute = SiteRoute("staff", "guides", ":slug", "edit")

    static func list(_ query: [String: String] = [:]) -> String { listRoute.path() + QueryString.encode(query) }
    static func guide(_ slug: String) -> String { guideRoute.path(slug) }
    static func staff() -> String { staffRoute.path() }
    static func new() -> String { newRoute.path() }
    static func edit(_ slug: String) -> String { editRoute.path(slug) }
}

enum GuideRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GuidesURL.listRoute, use: list)
        site.get(GuidesURL.guideRoute, use: guide)
        site.get(GuidesURL.staffRoute, use: staffList)
        site.get(GuidesURL.newRoute, use: newForm)
        site.form(GuidesURL.newRoute, use: save)
        site.get(GuidesURL.editRoute, use: editForm)
        site.form(GuidesURL.editRoute, use: save)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        let country = (try? request.query.get(String.self, at: "country")).flatMap { CentrePublicRoutes.countries.contains($0) ? $0 : nil } ?? ""
        var query = CitizenGuide.query(on: request.db).filter(\.$published == true)
        if !country.isEmpty { query = query.filter(\.$country == country) }
        let guides = try await query.sort(\.$country).sort(\.$slug).limit(500).all()
        return .html(GuidePages.list(guides, country: country, context: request.pageContext(current: "centres")))
    }

    /// The blockers the centres of `country` logged most for `service` over the last twelve months, largest first;
    /// counts under 5 are left out (they could point to a person in a small town).
    static func commonProblems(service: String, country: String, on database: Database) async throws -> [(blocker: String, count: Int)] {
        guard !service.isEmpty else { return [] }
        let centres = try await Centre.query(on: database).filter(\.$country == country).all().compactMap(\.id)
        guard !centres.isEmpty else { return [] }
        // closed months only, as on the public statistics page
        let months = CentreMonths.closed(nil, today: Date())
        let statistics = try await CentresData.statistics(centres: centres, from: months.first ?? "", to: months.last ?? "", on: database)
        return (statistics.counts["service-blocker"] ?? [:]).compactMap { code, count -> (String, Int)? in
            let parts = code.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == service, SmallCells.publish(count) != nil else { return nil }
            return (parts[1], count)
        }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(5).map { $0 }
    }

    @Sendable static func guide(request: Request) async throws -> Response {
        guard let slug = request.parameters.get("slug"), slug.count <= 100,
              let guide = try await CitizenGuide.query(on: request.db).filter(\.$slug == slug).filter(\.$published == true).first() else {
            throw Abort(.notFound)
        }
        let problems = try await commonProblems(service: guide.service, country: guide.country, on: request.db)
        let day = CentrePublicRoutes.today()
        let centres = try await Centre.query(on: request.db).filter(\.$country == guide.country).sort(\.$municipality).all()
            .filter { CentrePublicRoutes.isOpen($0, on: day) }
        let service = guide.service.isEmpty ? nil : try await ServiceCatalogue.services(country: guide.country, on: request.db).first { $0.code == guide.service }
        return .html(GuidePages.guide(guide, service: service, problems: problems, centres: centres, context: request.pageContext(current: "centres")))
    }

    // MARK: staff

    @Sendable static func staffList(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let guides = try await CitizenGuide.query(on: request.db).sort(\.$country).sort(\.$slug).limit(1_000).all()
        return .html(GuidePages.staffList(guides, context: request.pageContext(current: "staff")))
    }

    struct Input {
        var country = ""
        var service = ""
        var title = ""
        var summary = ""
        var needs = ""
        var steps = ""
        var fees = ""
        var officialURL = ""
        var published = true
        var version = 0
    }

    /// The languages' texts are kept apart: the form edits the text of the page's language (Serbian Latin for a
    /// reader of Cyrillic, whose pages show it transliterated).
    static func locale(_ request: Request) -> AppLocale { request.appLocale == .srCyrl ? .srLatn : request.appLocale }

    static func input(of guide: CitizenGuide, locale: AppLocale) -> Input {
        Input(country: guide.country, service: guide.service, title: guide.title[locale] ?? "", summary: guide.summary[locale] ?? "",
              needs: guide.needs[locale] ?? "", steps: guide.steps[locale] ?? "", fees: guide.fees[locale] ?? "", officialURL: guide.officialURL,
              published: guide.published, version: guide.version)
    }

    static func services(on database: Database) async throws -> [ServiceCatalogue.Entry] {
        var seen = Set<String>()
        var all: [ServiceCatalogue.Entry] = []
        for country in CentrePublicRoutes.countries {
            for entry in try await ServiceCatalogue.services(country: country, on: database) where seen.insert(entry.code).inserted { all.append(entry) }
        }
        return all
    }

    static func render(_ request: Request, guide: CitizenGuide?, input: Input, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        _ = request.csrfToken()
        return .html(GuidePages.form(guide, input: input, services: try await services(on: request.db), errors: errors,
                                     context: request.pageContext(current: "staff")), status: status)
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        return try await render(request, guide: nil, input: Input(), errors: [])
    }

    static func find(_ request: Request) async throws -> CitizenGuide? {
        guard let slug = request.parameters.get("slug") else { return nil }
        guard slug.count <= 100, let guide = try await CitizenGuide.query(on: request.db).filter(\.$slug == slug).first() else { throw Abort(.notFound) }
        return guide
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let guide = try await find(request)!
        return try await render(request, guide: guide, input: input(of: guide, locale: locale(request)), errors: [])
    }

    @Sendable static func save(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let guide = try await find(request)
        let t = request.t
        var input = Input(country: request.formLine("country"), service: String(request.formLine("service").prefix(60)),
                          title: String(request.formLine("title").prefix(200)), summary: String(request.formText("summary").prefix(1_000)),
                          needs: String(request.formText("needs").prefix(3_000)), steps: String(request.formText("steps").prefix(5_000)),
                          fees: String(request.formText("fees").prefix(500)), officialURL: String(request.formLine("official_url").prefix(500)),
                          published: request.formLine("published") == "1")
        let versionText = request.formLine("version")
        input.version = versionText.count <= 9 ? Int(versionText) ?? -1 : -1
        var errors: [FieldError] = []
        if !CentrePublicRoutes.countries.contains(input.country) { errors.append(FieldError(field: "country", message: t("guides.error.country"))) }
        if input.title.isEmpty { errors.append(FieldError(field: "title", message: t("guides.error.title"))) }
        if input.steps.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append(FieldError(field: "steps", message: t("guides.error.steps"))) }
        if !input.service.isEmpty, !(try await services(on: request.db)).contains(where: { $0.code == input.service }) {
            errors.append(FieldError(field: "service", message: t("guides.error.service")))
        }
        if !input.officialURL.isEmpty {
            let verdict = OfficialDomains.check(input.officialURL)
            // written out in full with https://, so that the page links exactly what was checked
            if !input.officialURL.lowercased().hasPrefix("https://") || input.officialURL.contains(where: { $0.isWhitespace || $0 == "\\" })
                || verdict.verdict != .official || verdict.country != input.country {
                errors.append(FieldError(field: "official_url", message: t("guides.error.official_url")))
            }
        }
        if let guide, input.version != guide.version { errors.append(FieldError(field: "title", message: t("guides.error.changed"))) }
        guard errors.isEmpty else { return try await render(request, guide: guide, input: input, errors: errors, status: .unprocessableEntity) }
        let locale = locale(request)
        let record = guide ?? CitizenGuide()
        if guide == nil {
            record.version = 0
            (record.title, record.summary, record.needs, record.steps, record.fees) = (LocalizedText(), LocalizedText(), LocalizedText(), LocalizedText(), LocalizedText())
            var slug = Slug.make(input.country + " " + input.title)
            if slug == "organisation" { slug = "guide" }
            var candidate = slug, number = 2
            while try await CitizenGuide.query(on: request.db).filter(\.$slug == candidate).count() > 0 { candidate = "\(slug)-\(number)"; number += 1 }
            record.slug = candidate
        }
        record.country = input.country
        record.service = input.service
        var title = record.title, summary = record.summary, needs = record.needs, steps = record.steps, fees = record.fees
        title[locale] = input.title
        summary[locale] = input.summary
        needs[locale] = input.needs
        steps[locale] = input.steps
        fees[locale] = input.fees
        record.title = title
        record.summary = summary
        record.needs = needs
        record.steps = steps
        record.fees = fees
        record.officialURL = input.officialURL
        record.published = input.published
        record.updatedOn = CentrePublicRoutes.today().iso
        let saved = try await request.db.transaction { database -> Bool in
            if let guide {
                // saved only if nobody saved it meanwhile (the version read with the form), in the same transaction
                guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
                let rows = try await sql.raw("UPDATE citizen_guides SET version = version + 1 WHERE id = \(bind: guide.requireID()) AND version = \(bind: guide.version) RETURNING id").all()
                guard !rows.isEmpty else { return false }
                record.version = guide.version + 1
            }
            try await record.save(on: database)
            return true
        }
        guard saved else {
            return try await render(request, guide: guide, input: input, errors: [FieldError(field: "title", message: t("guides.error.changed"))], status: .conflict)
        }
        request.flash(.success, t("guides.saved"))
        return .seeOther(request.localLink(record.published ? GuidesURL.guide(record.slug) : GuidesURL.staff()))
    }
}
