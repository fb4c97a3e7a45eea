// The centres' public side: the finder (by country and municipality, a list and a map), a centre's page with its
// public statistics, the programme's statistics (cells under 5 people hidden), the official-site check and
// appointments booked without an account.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import SQLKit
import Vapor

enum CentrePublicRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(CentresURL.finderRoute, use: finder)
        site.get(CentresURL.statisticsRoute, use: statistics)
        site.get(CentresURL.checkLinkRoute, use: checkLink)
        site.get(CentresURL.centreRoute, use: centre)
        site.get(CentresURL.bookRoute, use: bookForm)
        site.form(CentresURL.bookRoute, use: book)
        site.get(CentresURL.appointmentRoute, use: appointment)
        site.form(CentresURL.cancelAppointmentRoute, use: cancel)
    }

    /// The programme's countries, where centres are.
    static let countries = ["AL", "XK", "ME", "MK", "RS", "BA"]

    /// Text as search compares it (the directory's folding).
    static func folded(_ text: String) -> String { SearchFolding.fold(text) }

    static func today() -> CalendarDate { CalendarDate(utc: Date()) }

    static func isOpen(_ centre: Centre, on day: CalendarDate) -> Bool {
        guard let opened = CalendarDate(iso: centre.openedOn), opened <= day else { return false }
        if let closed = CalendarDate(iso: centre.closedOn), closed < day { return false }
        return true
    }

    @Sendable static func finder(request: Request) async throws -> Response {
        let country = (try? request.query.get(String.self, at: "country")).flatMap { countries.contains($0) ? $0 : nil } ?? ""
        let search = String(((try? request.query.get(String.self, at: "q")) ?? "").prefix(100))
        let needle = folded(FormText.line(search))
        let day = today()
        var centres = try await Centre.query(on: request.db).sort(\.$country).sort(\.$municipality).sort(\.$name).all()
            .filter { isOpen($0, on: day) }
        if !country.isEmpty { centres = centres.filter { $0.country == country } }
        if !needle.isEmpty {
            centres = centres.filter { folded($0.municipality + " " + $0.area + " " + $0.name).contains(needle) }
        }
        let organisations = try await organisationNames(for: centres, on: request.db)
        let page = CentresPages.finder(centres: centres, organisations: organisations, country: country, search: search,
                                       context: request.pageContext(current: "centres"))
        return .html(page)
    }

    static func organisationNames(for centres: [Centre], on database: Database) async throws -> [UUID: String] {
        let ids = Array(Set(centres.map(\.organisationID)))
        guard !ids.isEmpty else { return [:] }
        return try await Dictionary(Organisation.query(on: database).filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0.name) },
                                    uniquingKeysWith: { first, _ in first })
    }

    /// The months a statistics page covers: a calendar year (`?year=`, bounded to 2000…2100) or the last twelve.
    static func months(_ request: Request) -> (months: [String], year: Int?) {
        if let text = try? request.query.get(String.self, at: "year"), text.count <= 4, let year = Int(text), (2000...2100).contains(year) {
            return (CentreMonths.of(year: year), year)
        }
        return (CentreMonths.lastTwelve(today: Date()), nil)
    }

    /// Public figures: a calendar year that has ended, or the last twelve closed months (a month still running
    /// would let anyone tell one day's new cases from the next day's page).
    static func publicMonths(_ request: Request) -> (months: [String], year: Int?) {
        let (months, year) = months(request)
        return (CentreMonths.closed(year == nil ? nil : months, today: Date()), year)
    }

    @Sendable static func statistics(request: Request) async throws -> Response {
        let (months, year) = publicMonths(request)
        let statistics = try await CentresData.statistics(centres: nil, from: months.first!, to: months.last!, on: request.db)
        let centres = try await Centre.query(on: request.db).all()
        let page = CentresPages.statistics(statistics, months: months, year: year, centreCount: centres.filter { isOpen($0, on: today()) }.count,
                                           context: request.pageContext(current: "centres"))
        return .html(page)
    }

    @Sendable static func centre(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let months = publicMonths(request).months
        let statistics = try await CentresData.statistics(centres: [centre.requireID()], from: months.first!, to: months.last!, on: request.db)
        let organisation = try await Organisation.find(centre.organisationID, on: request.db)
        let operates = try await CentreAccess.canOperate(request.currentUser, centre, on: request.db)
        let page = CentresPages.centre(centre, organisation: organisation, statistics: statistics, months: months, operates: operates,
                                       context: request.pageContext(current: "centres"))
        return .html(page)
    }

    @Sendable static func checkLink(request: Request) async throws -> Response {
        let link = String(((try? request.query.get(String.self, at: "url")) ?? "").prefix(2_000))
        let result = link.trimmingCharacters(in: .whitespaces).isEmpty ? nil : OfficialDomains.check(link)
        return .html(CentresPages.checkLink(link: link, result: result, context: request.pageContext(current: "centres")))
    }

    // MARK: appointments

    struct Booking {
        var day = ""
        var hour = ""
        var name = ""
        var contact = ""
        var task = ""
        var consent = false
    }

    static func rules(_ centre: Centre) -> BookingRules {
        BookingRules(hours: Array(max(0, centre.opens)..<max(max(0, centre.opens), min(24, centre.closes))),
                     weekdays: BookingRules.weekdays(from: centre.weekdays), capacity: max(0, centre.slotCapacity))
    }

    /// A centre that takes appointments (open, with places); 404 otherwise, so no form promises what cannot be booked.
    static func bookableCentre(_ request: Request) async throws -> Centre {
        let centre = try await CentreAccess.centre(request)
        guard centre.slotCapacity > 0, centre.closedOn.isEmpty || (CalendarDate(iso: centre.closedOn).map { $0 > today() } ?? false) else {
            throw Abort(.notFound)
        }
        return centre
    }

    @Sendable static func bookForm(request: Request) async throws -> Response {
        let centre = try await bookableCentre(request)
        _ = request.csrfToken()
        var booking = Booking()
        booking.day = today().adding(days: 1).iso
        return .html(CentresPages.book(centre, booking: booking, rules: rules(centre), errors: [], context: request.pageContext(current: "centres")))
    }

    @Sendable static func book(request: Request) async throws -> Response {
        let centre = try await bookableCentre(request)
        let t = request.t
        var booking = Booking(day: String(request.formLine("day").prefix(10)), hour: String(request.formLine("hour").prefix(2)),
                              name: String(request.formLine("name").prefix(120)), contact: String(request.formLine("contact").prefix(200)),
                              task: String(request.formLine("task").prefix(40)), consent: request.formLine("consent") == "1")
        var errors: [FieldError] = []
        let rules = rules(centre)
        let day = CalendarDate(iso: booking.day)
        let hour = Int(booking.hour).flatMap { (0...23).contains($0) ? $0 : nil }
        if day == nil { errors.append(FieldError(field: "day", message: t("centres.book.error.day"))) }
        if hour == nil { errors.append(FieldError(field: "hour", message: t("centres.book.error.hour"))) }
        if booking.name.isEmpty { errors.append(FieldError(field: "name", message: t("centres.book.error.name"))) }
        if booking.contact.count < 5 { errors.append(FieldError(field: "contact", message: t("centres.book.error.contact"))) }
        if !CaseVocabulary.tasks.contains(booking.task) { errors.append(FieldError(field: "task", message: t("centres.book.error.task"))) }
        if !booking.consent { errors.append(FieldError(field: "consent", message: t("centres.book.error.consent"))) }
        let centreID = try centre.requireID()
        if let day, let hour {
            let booked = try await Appointment.query(on: request.db).filter(\.$centreID == centreID).filter(\.$day == day.iso)
                .filter(\.$hour == hour).filter(\.$cancelled == false).count()
            if let closed = CalendarDate(iso: centre.closedOn), day >= closed {
                errors.append(FieldError(field: "day", message: t("centres.book.refusal.closed-day")))
            } else if let refusal = rules.check(day: day, hour: hour, booked: booked, today: today()) {
                errors.append(FieldError(field: refusal == .noSuchSlot || refusal == .full ? "hour" : "day",
                                         message: t("centres.book.refusal.\(refusal.rawValue)")))
            }
        }
        guard errors.isEmpty, let day, let hour else {
            booking.consent = false
            return .html(CentresPages.book(centre, booking: booking, rules: rules, errors: errors, context: request.pageContext(current: "centres")),
                         status: .unprocessableEntity)
        }
        let token = SecureToken.make(bytes: 24)
        let appointment = Appointment()
        appointment.centreID = centreID
        appointment.day = day.iso
        appointment.hour = hour
        appointment.name = booking.name
        appointment.contact = booking.contact
        appointment.task = booking.task
        appointment.tokenHash = SecureToken.sha256(token)
        appointment.cancelled = false
        // The slot is counted again inside the write, with the centre's row locked, so that two people booking its
        // last place at once cannot both get it.
        let capacity = rules.capacity
        let stored = try await request.db.transaction { database -> Bool in
            // A write to the centre's row first: it locks the row on PostgreSQL and takes SQLite's write lock, so
            // the count below cannot be overtaken by another booking's insert.
            if let sql = database as? SQLDatabase {
                try await sql.raw("UPDATE centres SET version = version WHERE id = \(bind: centreID)").run()
            }
            let booked = try await Appointment.query(on: database).filter(\.$centreID == centreID).filter(\.$day == day.iso)
                .filter(\.$hour == hour).filter(\.$cancelled == false).count()
            guard booked < capacity else { return false }
            try await appointment.save(on: database)
            return true
        }
        guard stored else {
            errors.append(FieldError(field: "hour", message: t("centres.book.refusal.full")))
            return .html(CentresPages.book(centre, booking: booking, rules: rules, errors: errors, context: request.pageContext(current: "centres")),
                         status: .conflict)
        }
        // a confirmation with the cancel link, in the booker's language, when the contact is one e-mail address
        let address = EmailAddress.normalised(booking.contact.trimmingCharacters(in: .whitespaces))
        if EmailAddress.isValid(address) {
            let link = request.application.iceda.config.baseURL + request.localLink(CentresURL.appointment(token))
            try await Outbox.enqueue(on: request.db, to: address, subject: t("centres.book.mail.subject", ["centre": centre.name]),
                                     body: t("centres.book.mail.body", ["name": booking.name, "centre": centre.name, "address": centre.address,
                                                                        "date": t.date(day.noonUTC), "hour": String(format: "%02d:00", hour),
                                                                        "task": t("centres.task.\(booking.task)"), "link": link]),
                                     locale: request.appLocale)
        }
        return .seeOther(request.localLink(CentresURL.appointment(token)))
    }

    static func appointment(for request: Request) async throws -> (Appointment, Centre) {
        guard let token = request.parameters.get("token"), token.count <= 100,
              let appointment = try await Appointment.query(on: request.db).filter(\.$tokenHash == SecureToken.sha256(token)).first(),
              let centre = try await Centre.find(appointment.centreID, on: request.db) else { throw Abort(.notFound) }
        return (appointment, centre)
    }

    @Sendable static func appointment(request: Request) async throws -> Response {
        let (appointment, centre) = try await appointment(for: request)
        _ = request.csrfToken()
        return .html(CentresPages.appointment(appointment, centre: centre, token: request.parameters.get("token") ?? "",
                                              context: request.pageContext(current: "centres")))
    }

    @Sendable static func cancel(request: Request) async throws -> Response {
        let (appointment, _) = try await appointment(for: request)
        if !appointment.cancelled {
            appointment.cancelled = true
            try await appointment.save(on: request.db)
        }
        request.flash(.success, request.t("centres.appointment.cancelled"))
        return .seeOther(request.localLink(CentresURL.appointment(request.parameters.get("token") ?? "")))
    }
}
