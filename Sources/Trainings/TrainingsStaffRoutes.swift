// The trainers' and staff's pages of the trainings: events (list, new), managing one event (attendance per
// session, certificates issued and revoked).
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Vapor

extension TrainingsRoutes {
    // MARK: trainers and staff

    /// Staff manage every event; a trainer their own.
    static func canManage(_ user: User, _ event: TrainingEvent) -> Bool { user.role.isStaff || (user.role == .trainer && event.trainerID == user.id) }

    static func requireTrainer(_ request: Request) throws -> User {
        let user = try request.requireUser()
        guard user.role.isStaff || user.role == .trainer else { throw Abort(.forbidden) }
        return user
    }

    @Sendable static func staffList(request: Request) async throws -> Response {
        let user = try requireTrainer(request)
        var query = TrainingEvent.query(on: request.db).sort(\.$startsOn, .descending)
        if !user.role.isStaff { query = query.filter(\.$trainerID == user.id) }
        return .html(TrainingsPages.staffList(try await query.limit(500).all(), context: request.pageContext(current: "staff")))
    }

    struct EventInput {
        var title = ""
        var description = ""
        var series = ""
        var audience = "csos"
        var level = "national"
        var topics: Set<String> = []
        var format = "in-person"
        var venue = ""
        var country = ""
        var town = ""
        var capacity = "25"
        var competences = ""
        var trainerName = ""
        var sessions = ""
        var isOpen = true
        var minAttendance = "80"
        var passPercent = "0"
    }

    @Sendable static func newEventForm(request: Request) async throws -> Response {
        let user = try requireTrainer(request)
        var input = EventInput()
        input.trainerName = user.name
        input.sessions = "\(today().adding(days: 14).iso) 10:00-13:00"
        return .html(TrainingsPages.eventForm(input, errors: [], context: request.pageContext(current: "staff")))
    }

    @Sendable static func createEvent(request: Request) async throws -> Response {
        let user = try requireTrainer(request)
        let t = request.t
        func set(_ name: String) -> Set<String> { Set((request.formValues(name)).prefix(20).map { String(FormText.line($0).prefix(40)) }) }
        var input = EventInput()
        input.title = String(request.formLine("title").prefix(300))
        input.description = String(request.formText("description").prefix(5_000))
        input.series = String(request.formLine("series").prefix(200))
        input.audience = request.formLine("audience")
        input.level = request.formLine("level")
        input.topics = set("topics")
        input.format = request.formLine("format")
        input.venue = String(request.formLine("venue").prefix(300))
        input.country = request.formLine("country")
        input.town = String(request.formLine("town").prefix(100))
        input.capacity = String(request.formLine("capacity").prefix(6))
        input.competences = String(request.formLine("competences").prefix(100))
        input.trainerName = String(request.formLine("trainer_name").prefix(200))
        input.sessions = String(request.formText("sessions").prefix(2_000))
        input.isOpen = request.formLine("open") == "1"
        input.minAttendance = String(request.formLine("min_attendance").prefix(3))
        input.passPercent = String(request.formLine("pass_percent").prefix(3))
        var errors: [FieldError] = []
        if input.title.isEmpty { errors.append(FieldError(field: "title", message: t("trainings.error.title"))) }
        if !TrainingsVocabulary.audiences.contains(input.audience) { errors.append(FieldError(field: "audience", message: t("trainings.error.choose"))) }
        if !TrainingsVocabulary.levels.contains(input.level) { errors.append(FieldError(field: "level", message: t("trainings.error.choose"))) }
        if !TrainingsVocabulary.formats.contains(input.format) { errors.append(FieldError(field: "format", message: t("trainings.error.choose"))) }
        if !TrainingsVocabulary.countries.contains(input.country) { errors.append(FieldError(field: "country", message: t("trainings.error.choose"))) }
        let capacity = Int(input.capacity).flatMap { (0...100_000).contains($0) ? $0 : nil }
        if capacity == nil { errors.append(FieldError(field: "capacity", message: t("trainings.error.capacity"))) }
        let minimum = Int(input.minAttendance).flatMap { (0...100).contains($0) ? $0 : nil }
        if minimum == nil { errors.append(FieldError(field: "min_attendance", message: t("trainings.error.percent"))) }
        let passMark = Int(input.passPercent.isEmpty ? "0" : input.passPercent).flatMap { (0...100).contains($0) ? $0 : nil }
        if passMark == nil { errors.append(FieldError(field: "pass_percent", message: t("trainings.error.percent"))) }
        // one session per line: `2027-03-15 10:00-13:00`
        var sessions: [(CalendarDate, String, String)] = []
        for (index, line) in input.sessions.split(whereSeparator: \.isNewline).enumerated() where index < 50 {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            let times = parts.count == 2 ? parts[1].split(separator: "-").map(String.init) : []
            guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])), (2000...2100).contains(day.year), times.count == 2,
                  let from = minutes(times[0]), let to = minutes(times[1]), from < to else {
                errors.append(FieldError(field: "sessions", message: t("trainings.error.session", ["line": String(index + 1), "text": String(line.prefix(40))])))
                continue
            }
            sessions.append((day, String(format: "%02d:%02d", from / 60, from % 60), String(format: "%02d:%02d", to / 60, to % 60)))
        }
        if sessions.isEmpty && !errors.contains(where: { $0.field == "sessions" }) { errors.append(FieldError(field: "sessions", message: t("trainings.error.no_session"))) }
        guard errors.isEmpty, let capacity, let minimum, let passMark else {
            return .html(TrainingsPages.eventForm(input, errors: errors, context: request.pageContext(current: "staff")), status: .unprocessableEntity)
        }
        sessions.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        let planned = sessions
        let locale = request.appLocale == .srCyrl ? AppLocale.srLatn : request.appLocale
        let event = TrainingEvent()
        event.version = 0
        event.series = input.series
        event.title = LocalizedText([locale: input.title])
        event.summary = LocalizedText([locale: input.description])
        event.audience = input.audience
        event.level = input.level
        event.topics = input.topics.isEmpty ? "" : ";" + TrainingsVocabulary.topics.filter(input.topics.contains).joined(separator: ";") + ";"
        event.format = input.format
        event.venue = input.venue
        event.country = input.country
        event.town = input.town
        event.timeZone = ["AL": "Europe/Tirane", "XK": "Europe/Belgrade", "ME": "Europe/Podgorica", "MK": "Europe/Skopje", "RS": "Europe/Belgrade", "BA": "Europe/Sarajevo"][input.country] ?? "UTC"
        event.capacity = capacity
        event.languages = locale.rawValue
        event.competences = input.competences
        event.trainerID = user.id
        event.trainerName = input.trainerName
        event.isOpen = input.isOpen
        event.published = true
        event.minAttendance = minimum
        event.passPercent = passMark
        event.startsOn = sessions[0].0.iso
        event.month = String(sessions[0].0.iso.prefix(7))
        var slug = Slug.make(input.title + " " + event.startsOn)
        if slug == "organisation" { slug = "training" }
        var candidate = slug, number = 2
        while try await TrainingEvent.query(on: request.db).filter(\.$slug == candidate).count() > 0 { candidate = "\(slug)-\(number)"; number += 1 }
        event.slug = candidate
        try await request.db.transaction { database in
            try await event.save(on: database)
            for (index, session) in planned.enumerated() {
                let row = TrainingSession()
                row.eventID = try event.requireID()
                row.position = index + 1
                row.day = session.0.iso
                row.starts = session.1
                row.ends = session.2
                try await row.save(on: database)
            }
        }
        request.flash(.success, t("trainings.created"))
        return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
    }

    @Sendable static func manage(request: Request) async throws -> Response {
        let user = try requireTrainer(request)
        let event = try await find(request, published: false)
        guard canManage(user, event) else { throw Abort(.forbidden) }
        return try await renderManage(request, event, sheetProblems: [])
    }

    static func renderManage(_ request: Request, _ event: TrainingEvent, sheetProblems: [String], status: HTTPStatus = .ok) async throws -> Response {
        _ = request.csrfToken()
        let sessions = try await TrainingSession.query(on: request.db).filter(\.$eventID == event.requireID()).sort(\.$position).all()
        let people = try await TrainingsData.registrations(of: event.requireID(), on: request.db)
        let marks = sessions.isEmpty ? [] : try await TrainingAttendance.query(on: request.db).filter(\.$sessionID ~~ sessions.compactMap(\.id)).all()
        let certificates = try await TrainingCertificate.query(on: request.db).filter(\.$eventID == event.requireID()).all()
        return .html(TrainingsPages.manage(event, sessions: sessions, people: people, marks: Set(marks.map { "\($0.registrationID)|\($0.sessionID)" }),
                                           certificates: certificates, sheetProblems: sheetProblems, context: request.pageContext(current: "staff")), status: status)
    }

    @Sendable static func attendance(request: Request) async throws -> Response {
        let user = try requireTrainer(request)
        let event = try await find(request, published: false)
        guard canManage(user, event) else { throw Abort(.forbidden) }
        guard let sessionID = UUID(uuidString: request.formLine("session")), let session = try await TrainingSession.find(sessionID, on: request.db),
              session.eventID == event.id else { throw Abort(.badRequest) }
        let people = try await TrainingsData.registrations(of: event.requireID(), on: request.db).filter { $0.state == RegistrationState.confirmed.rawValue }
        let ids = Set(people.compactMap(\.id))
        let present = Set(request.formValues("present\(session.position)").prefix(5_000).compactMap(UUID.init(uuidString:))).intersection(ids)
        try await TrainingsData.setAttendance(session: sessionID, present: present, registrations: Array(ids), on: request.db)
        request.flash(.success, request.t("trainings.attendance_saved", ["count": request.t.integer(present.count), "session": String(session.position)]))
        return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
    }

    @Sendable static func issue(request: Request) async throws -> Response {
        let user = try requireTrainer(request)
        let event = try await find(request, published: false)
        guard canManage(user, event) else { throw Abort(.forbidden) }
        let issued = try await TrainingsData.issueCertificates(event: event, signer: request.application.credentialSigner,
                                                               baseURL: request.application.iceda.config.baseURL, on: request.db)
        request.flash(.success, request.t("trainings.certificates_issued", ["count": request.t.integer(issued)]))
        return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
    }

    @Sendable static func revoke(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let event = try await find(request, published: false)
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)), let certificate = try await TrainingCertificate.find(id, on: request.db),
              certificate.eventID == event.id else { throw Abort(.notFound) }
        let reason = String(request.formLine("reason").prefix(300))
        guard !reason.isEmpty else {
            request.flash(.warning, request.t("trainings.error.reason"))
            return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
        }
        if certificate.revokedAt == nil {
            certificate.revokedAt = Date()
            certificate.revokedReason = reason
            try await certificate.save(on: request.db)
        }
        request.flash(.success, request.t("trainings.revoked"))
        return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
    }
}
