// Programme staff: every centre with its year against its target, the programme's full dashboard (no cells
// hidden), a centre's settings and its operators.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Vapor

enum StaffCentreRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(CentresURL.staffRoute, use: list)
        site.get(CentresURL.newCentreRoute, use: newForm)
        site.form(CentresURL.newCentreRoute, use: create)
        site.get(CentresURL.editCentreRoute, use: editForm)
        site.form(CentresURL.editCentreRoute, use: update)
        site.form(CentresURL.operatorsRoute, use: addOperator)
        site.form(CentresURL.removeOperatorRoute, use: removeOperator)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let (months, year) = CentrePublicRoutes.months(request)
        let centres = try await Centre.query(on: request.db).sort(\.$country).sort(\.$municipality).all()
        let totals = try await CentresData.totalsPerCentre(from: months.first!, to: months.last!, on: request.db)
        let statistics = try await CentresData.statistics(centres: nil, from: months.first!, to: months.last!, on: request.db)
        return .html(CentresPages.staffList(centres: centres, totals: totals, statistics: statistics, months: months, year: year,
                                            context: request.pageContext(current: "staff")))
    }

    /// What the centre form holds, as typed.
    struct CentreInput {
        var name = ""
        var organisation = ""
        var grantReference = ""
        var country = ""
        var municipality = ""
        var area = ""
        var address = ""
        var latitude = ""
        var longitude = ""
        var weekdays: Set<String> = ["1", "2", "3", "4", "5"]
        var opens = "9"
        var closes = "16"
        var slotCapacity = "2"
        var languages: Set<String> = []
        var stepFree = false
        var signLanguage = false
        var easyRead = false
        var channels: Set<String> = ["in-person"]
        var description = ""
        var openedOn = ""
        var closedOn = ""
        var yearlyTarget = "1000"
        var version = 0

        init() {}

        init(_ centre: Centre, organisationSlug: String, locale: AppLocale) {
            name = centre.name
            organisation = organisationSlug
            grantReference = centre.grantReference
            country = centre.country
            municipality = centre.municipality
            area = centre.area
            address = centre.address
            latitude = centre.latitude.map { String($0) } ?? ""
            longitude = centre.longitude.map { String($0) } ?? ""
            weekdays = Set(centre.weekdays.split(separator: ",").map(String.init))
            opens = String(centre.opens)
            closes = String(centre.closes)
            slotCapacity = String(centre.slotCapacity)
            languages = Set(centre.languageList)
            stepFree = centre.stepFree
            signLanguage = centre.signLanguage
            easyRead = centre.easyRead
            channels = Set(centre.channelList)
            description = centre.summary[locale] ?? ""
            openedOn = centre.openedOn
            closedOn = centre.closedOn
            yearlyTarget = String(centre.yearlyTarget)
            version = centre.version
        }
    }

    static let languages = ["sq", "mk", "sr", "bs", "en", "rom", "tr"]

    static func input(from request: Request) -> CentreInput {
        var input = CentreInput()
        func line(_ name: String, _ limit: Int = 200) -> String { String(request.formLine(name).prefix(limit)) }
        func set(_ name: String) -> Set<String> { Set((request.formValues(name)).prefix(20).map { String(FormText.line($0).prefix(20)) }) }
        input.name = line("name")
        input.organisation = line("organisation", 100)
        input.grantReference = line("grant_reference", 60)
        input.country = line("country", 2)
        input.municipality = line("municipality", 100)
        input.area = line("area", 300)
        input.address = line("address", 300)
        input.latitude = line("latitude", 20)
        input.longitude = line("longitude", 20)
        input.weekdays = set("weekdays")
        input.opens = line("opens", 2)
        input.closes = line("closes", 2)
        input.slotCapacity = line("slot_capacity", 3)
        input.languages = set("languages")
        let access = set("access")
        input.stepFree = access.contains("step_free")
        input.signLanguage = access.contains("sign_language")
        input.easyRead = access.contains("easy_read")
        input.channels = set("channels")
        input.description = String(request.formText("description").prefix(2_000))
        input.openedOn = line("opened_on", 10)
        input.closedOn = line("closed_on", 10)
        input.yearlyTarget = line("yearly_target", 7)
        input.version = request.formVersion()
        return input
    }

    /// Checks the input and copies it onto the centre; returns the problems (nothing is copied when there are any).
    static func apply(_ input: CentreInput, to centre: Centre, request: Request) async throws -> [FieldError] {
        let t = request.t
        var errors: [FieldError] = []
        if input.name.isEmpty { errors.append(FieldError(field: "name", message: t("centres.form.error.name"))) }
        let organisation = input.organisation.isEmpty ? nil : try await Organisation.query(on: request.db).filter(\.$slug == input.organisation).first()
        if organisation == nil { errors.append(FieldError(field: "organisation", message: t("centres.form.error.organisation"))) }
        if !CentrePublicRoutes.countries.contains(input.country) { errors.append(FieldError(field: "country", message: t("centres.form.error.country"))) }
        if input.municipality.isEmpty { errors.append(FieldError(field: "municipality", message: t("centres.form.error.municipality"))) }
        func coordinate(_ text: String, _ range: ClosedRange<Double>, field: String) -> Double?? {
            if text.isEmpty { return .some(nil) }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, range.contains(value) else {
                errors.append(FieldError(field: field, message: t("centres.form.error.coordinate")))
                return nil
            }
            return .some(value)
        }
        let latitude = coordinate(input.latitude, -90...90, field: "latitude")
        let longitude = coordinate(input.longitude, -180...180, field: "longitude")
        let weekdays = input.weekdays.compactMap { Int($0) }.filter { (1...7).contains($0) }.sorted()
        let opens = Int(input.opens).flatMap { (0...23).contains($0) ? $0 : nil }
        let closes = Int(input.closes).flatMap { (1...24).contains($0) ? $0 : nil }
        if opens == nil || closes == nil || (opens ?? 0) >= (closes ?? 0) {
            errors.append(FieldError(field: "opens", message: t("centres.form.error.hours")))
        }
        let capacity = Int(input.slotCapacity).flatMap { (0...50).contains($0) ? $0 : nil }
        if capacity == nil { errors.append(FieldError(field: "slot_capacity", message: t("centres.form.error.capacity"))) }
        let target = Int(input.yearlyTarget).flatMap { (0...1_000_000).contains($0) ? $0 : nil }
        if target == nil { errors.append(FieldError(field: "yearly_target", message: t("centres.form.error.target"))) }
        let opened = CalendarDate(iso: input.openedOn).flatMap { (2000...2100).contains($0.year) ? $0 : nil }
        if opened == nil { errors.append(FieldError(field: "opened_on", message: t("centres.form.error.opened"))) }
        var closed: CalendarDate?
        if !input.closedOn.isEmpty {
            closed = CalendarDate(iso: input.closedOn).flatMap { (2000...2100).contains($0.year) ? $0 : nil }
            if closed == nil || (opened.map { closed! < $0 } ?? false) {
                errors.append(FieldError(field: "closed_on", message: t("centres.form.error.closed")))
            }
        }
        let channels = CaseVocabulary.channels.filter(input.channels.contains)
        if channels.isEmpty { errors.append(FieldError(field: "channels[]", message: t("centres.form.error.channels"))) }
        guard errors.isEmpty, let organisation, let latitude, let longitude, let opens, let closes, let capacity, let target, let opened else {
            return errors
        }
        centre.name = input.name
        centre.organisationID = try organisation.requireID()
        centre.grantReference = input.grantReference
        centre.country = input.country
        centre.municipality = input.municipality
        centre.area = input.area
        centre.address = input.address
        centre.latitude = latitude
        centre.longitude = longitude
        centre.weekdays = weekdays.map(String.init).joined(separator: ",")
        centre.opens = opens
        centre.closes = closes
        centre.slotCapacity = capacity
        centre.languages = languages.filter(input.languages.contains).joined(separator: ",")
        centre.stepFree = input.stepFree
        centre.signLanguage = input.signLanguage
        centre.easyRead = input.easyRead
        centre.channels = channels.joined(separator: ",")
        var summary = centre.id == nil ? LocalizedText() : centre.summary
        let locale = request.appLocale == .srCyrl ? AppLocale.srLatn : request.appLocale
        summary.values[locale.rawValue] = input.description.isEmpty ? nil : input.description
        centre.summary = summary
        centre.openedOn = opened.iso
        centre.closedOn = closed?.iso ?? ""
        centre.yearlyTarget = target
        return []
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        var input = CentreInput()
        input.openedOn = CentrePublicRoutes.today().iso
        return .html(CentresPages.centreForm(nil, input: input, operators: [], errors: [], context: request.pageContext(current: "staff")))
    }

    @Sendable static func create(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let input = input(from: request)
        let centre = Centre()
        centre.version = 1
        let errors = try await apply(input, to: centre, request: request)
        guard errors.isEmpty else {
            return .html(CentresPages.centreForm(nil, input: input, operators: [], errors: errors, context: request.pageContext(current: "staff")),
                         status: .unprocessableEntity)
        }
        var slug = Slug.make(centre.name)
        // words the centres' own routes use cannot be a centre's address
        if slug == "organisation" || ["statistics", "check-link", "appointments"].contains(slug) { slug = "centre-" + slug }
        var candidate = slug, number = 2
        while try await Centre.query(on: request.db).filter(\.$slug == candidate).count() > 0 {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        centre.slug = candidate
        try await centre.save(on: request.db)
        request.flash(.success, request.t("centres.form.created"))
        return .seeOther(request.localLink(CentresURL.editCentre(centre.slug)))
    }

    static func operators(of centre: Centre, on database: Database) async throws -> [User] {
        let ids = try await CentreOperator.query(on: database).filter(\.$centreID == centre.requireID()).all().map(\.userID)
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: database).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let centre = try await CentreAccess.centre(request)
        let organisation = try await Organisation.find(centre.organisationID, on: request.db)
        let input = CentreInput(centre, organisationSlug: organisation?.slug ?? "", locale: request.appLocale == .srCyrl ? .srLatn : request.appLocale)
        return .html(CentresPages.centreForm(centre, input: input, operators: try await operators(of: centre, on: request.db), errors: [],
                                             context: request.pageContext(current: "staff")))
    }

    @Sendable static func update(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let centre = try await CentreAccess.centre(request)
        let input = input(from: request)
        var errors = try await apply(input, to: centre, request: request)
        var status = HTTPStatus.unprocessableEntity
        if errors.isEmpty {
            // A form opened before someone else's save is refused, not written over theirs.
            do {
                centre.version = input.version + 1
                try await VersionClaim.write(Centre.schema, id: centre.requireID(), expectedVersion: input.version, on: request.db) { database in
                    try await centre.update(on: database)
                }
                request.flash(.success, request.t("centres.form.saved"))
                return .seeOther(request.localLink(CentresURL.editCentre(centre.slug)))
            } catch is RecordChanged {
                errors.append(FieldError(field: "name", message: request.t("centres.form.error.changed")))
                status = .conflict
            }
        }
        return .html(CentresPages.centreForm(centre, input: input, operators: try await operators(of: centre, on: request.db), errors: errors,
                                             context: request.pageContext(current: "staff")), status: status)
    }

    /// Offboarding: the person no longer writes or reads this centre's log; their open follow-ups are deleted with
    /// their access (nobody else may read those contacts).
    @Sendable static func removeOperator(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let centre = try await CentreAccess.centre(request)
        guard let userID = request.parameters.get("user").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let centreID = try centre.requireID()
        try await request.db.transaction { database in
            try await CentreOperator.query(on: database).filter(\.$centreID == centreID).filter(\.$userID == userID).delete()
            try await FollowUp.query(on: database).filter(\.$centreID == centreID).filter(\.$operatorID == userID).delete()
        }
        request.flash(.success, request.t("centres.operators.removed"))
        return .seeOther(request.localLink(CentresURL.editCentre(centre.slug)))
    }

    @Sendable static func addOperator(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let centre = try await CentreAccess.centre(request)
        let email = EmailAddress.normalised(request.formLine("email"))
        guard let user = try await User.query(on: request.db).filter(\.$email == email).first() else {
            request.flash(.warning, request.t("centres.operators.unknown"))
            return .seeOther(request.localLink(CentresURL.editCentre(centre.slug)))
        }
        if try await !CentreAccess.isOperator(user, centre, on: request.db) {
            try await CentreOperator(centreID: centre.requireID(), userID: user.requireID()).save(on: request.db)
        }
        request.flash(.success, request.t("centres.operators.added", ["name": user.name]))
        return .seeOther(request.localLink(CentresURL.editCentre(centre.slug)))
    }
}
