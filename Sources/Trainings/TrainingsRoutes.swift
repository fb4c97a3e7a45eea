// The trainings' pages: the public calendar (filters, iCalendar), an event with registration (no account
// needed), the registration's own page with its cancel link, the digital-skills self-check, certificate
// verification; for trainers and staff: events, attendance per session and certificates.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Vapor

enum TrainingsRoutes {
    static func register(site: RoutesBuilder, api: RoutesBuilder) {
        site.get(TrainingsURL.calendarRoute, use: calendar)
        site.get(TrainingsURL.icsRoute, use: ics)
        site.get(TrainingsURL.selfCheckRoute, use: selfCheckForm)
        site.form(TrainingsURL.selfCheckRoute, use: selfCheck)
        site.get(TrainingsURL.verifyRoute, use: verify)
        site.get(TrainingsURL.certificateRoute, use: certificate)
        site.get(TrainingsURL.registrationRoute, use: registration)
        site.form(TrainingsURL.cancelRoute, use: cancel)
        site.get(TrainingsURL.eventRoute, use: event)
        site.form(TrainingsURL.eventRoute, use: registerPerson)
        site.get(TrainingsURL.staffRoute, use: staffList)
        site.get(TrainingsURL.newEventRoute, use: newEventForm)
        site.form(TrainingsURL.newEventRoute, use: createEvent)
        site.get(TrainingsURL.manageRoute, use: manage)
        site.form(TrainingsURL.attendanceRoute, use: attendance)
        site.form(TrainingsURL.issueRoute, use: issue)
        site.form(TrainingsURL.revokeRoute, use: revoke)
        api.get(TrainingsURL.apiJWKSRoute, use: jwks)
        api.get(TrainingsURL.apiCertificateRoute, use: apiCertificate)
    }

    static func today() -> CalendarDate { CalendarDate(utc: Date()) }

    // MARK: calendar

    struct CalendarQuery: Equatable {
        var country: String?
        var audience: String?
        var topic: String?
        var level: String?
        var month: String?

        init(_ request: Request) {
            func value(_ name: String, in allowed: [String]) -> String? {
                (try? request.query.get(String.self, at: name)).flatMap { allowed.contains($0) ? $0 : nil }
            }
            country = value("country", in: TrainingsVocabulary.countries)
            audience = value("audience", in: TrainingsVocabulary.audiences)
            topic = value("topic", in: TrainingsVocabulary.topics)
            level = value("level", in: TrainingsVocabulary.levels)
            month = (try? request.query.get(String.self, at: "month")).flatMap { text in
                text.count == 7 && CalendarDate(iso: text + "-01") != nil ? text : nil
            }
        }

        var parameters: [String: String] {
            var values: [String: String] = [:]
            values["country"] = country
            values["audience"] = audience
            values["topic"] = topic
            values["level"] = level
            values["month"] = month
            return values
        }
    }

    static func events(_ query: CalendarQuery, on database: Database) async throws -> [TrainingEvent] {
        var builder = TrainingEvent.query(on: database).filter(\.$published == true)
        if let country = query.country { builder = builder.filter(\.$country == country) }
        if let audience = query.audience { builder = builder.filter(\.$audience == audience) }
        if let level = query.level { builder = builder.filter(\.$level == level) }
        if let topic = query.topic { builder = builder.filter(\.$topics ~~ ";\(topic);") }
        if let month = query.month { builder = builder.filter(\.$month == month) }
        return try await builder.sort(\.$startsOn, .descending).sort(\.$slug).limit(200).all()
    }

    @Sendable static func calendar(request: Request) async throws -> Response {
        let query = CalendarQuery(request)
        let items = try await events(query, on: request.db)
        let sessions = try await sessions(of: items, on: request.db)
        return .html(TrainingsPages.calendar(items, sessions: sessions, query: query, today: today(), context: request.pageContext(current: "trainings")))
    }

    static func sessions(of events: [TrainingEvent], on database: Database) async throws -> [UUID: [TrainingSession]] {
        let ids = events.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        return Dictionary(grouping: try await TrainingSession.query(on: database).filter(\.$eventID ~~ ids).sort(\.$position).all(), by: \.eventID)
    }

    /// The calendar as iCalendar (RFC 5545): one VEVENT per session, times in UTC.
    @Sendable static func ics(request: Request) async throws -> Response {
        let items = try await events(CalendarQuery(request), on: request.db)
        let sessions = try await sessions(of: items, on: request.db)
        let base = request.application.iceda.config.baseURL
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ICEDA Platform//Trainings//EN", "CALSCALE:GREGORIAN"]
        func text(_ value: String) -> String {
            value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "")
        }
        for event in items {
            let zone = TimeZone(identifier: event.timeZone) ?? TimeZone(identifier: "UTC")!
            for session in sessions[event.id!] ?? [] {
                guard let start = instant(session.day, session.starts, zone), let end = instant(session.day, session.ends, zone) else { continue }
                lines += ["BEGIN:VEVENT", "UID:\(session.id!.uuidString.lowercased())@iceda", "DTSTAMP:\(stamp(Date()))", "DTSTART:\(stamp(start))", "DTEND:\(stamp(end))",
                          "SUMMARY:" + text(event.title.resolve(for: request.appLocale)?.text ?? event.slug),
                          "LOCATION:" + text(event.format == "online" ? event.venue : "\(event.venue), \(event.town)"),
                          "URL:" + base + request.localLink(TrainingsURL.event(event.slug)), "END:VEVENT"]
            }
        }
        lines.append("END:VCALENDAR")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: lines.map { String($0.prefix(998)) }.joined(separator: "\r\n") + "\r\n"))
    }

    static func instant(_ day: String, _ time: String, _ zone: TimeZone) -> Date? {
        guard let date = CalendarDate(iso: day) else { return nil }
        guard let minutes = minutes(time) else { return nil }
        let parts = [minutes / 60, minutes % 60]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: parts[0], minute: parts[1]))
    }

    /// `HH:MM` (or `H:MM`) as minutes after midnight; nil for anything else.
    static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    // MARK: an event and registration

    static func find(_ request: Request, published: Bool = true) async throws -> TrainingEvent {
        guard let slug = request.parameters.get("slug"), slug.count <= 100,
              let event = try await TrainingEvent.query(on: request.db).filter(\.$slug == slug).first(), event.published || !published else { throw Abort(.notFound) }
        return event
    }

    struct RegistrationInput {
        var name = ""
        var contact = ""
        var gender = "unknown"
        var needs = ""
        var consent = false
    }

    static func renderEvent(_ request: Request, _ event: TrainingEvent, input: RegistrationInput, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        _ = request.csrfToken()
        let sessions = try await TrainingSession.query(on: request.db).filter(\.$eventID == event.requireID()).sort(\.$position).all()
        let confirmed = try await TrainingRegistrationRecord.query(on: request.db).filter(\.$eventID == event.requireID())
            .filter(\.$state == RegistrationState.confirmed.rawValue).count()
        let organiser = try await event.organiserID.asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        return .html(TrainingsPages.event(event, sessions: sessions, confirmed: confirmed, organiser: organiser, input: input, errors: errors,
                                          context: request.pageContext(current: "trainings")), status: status)
    }

    @Sendable static func event(request: Request) async throws -> Response {
        let event = try await find(request)
        var input = RegistrationInput()
        if let user = request.currentUser {
            input.name = user.name
            input.contact = user.email
        }
        return try await renderEvent(request, event, input: input, errors: [])
    }

    @Sendable static func registerPerson(request: Request) async throws -> Response {
        let event = try await find(request)
        let t = request.t
        var input = RegistrationInput(name: String(request.formLine("name").prefix(200)), contact: String(request.formLine("contact").prefix(200)),
                                      gender: request.formLine("gender"), needs: String(request.formText("needs").prefix(1_000)),
                                      consent: request.formLine("consent") == "1")
        var errors: [FieldError] = []
        if !event.isOpen { errors.append(FieldError(field: "name", message: t("trainings.error.invitation_only"))) }
        if input.name.isEmpty { errors.append(FieldError(field: "name", message: t("trainings.error.name"))) }
        // one e-mail address (never a list: it goes into a To: header) or a phone number
        let contact = input.contact.trimmingCharacters(in: .whitespaces)
        let isEmail = contact.contains("@")
        let phoneOK = !isEmail && contact.allSatisfy { $0.isNumber || " +-()/".contains($0) } && contact.filter(\.isNumber).count >= 6
        if isEmail ? !EmailAddress.isValid(EmailAddress.normalised(contact)) : !phoneOK {
            errors.append(FieldError(field: "contact", message: t("trainings.error.contact")))
        }
        if !TrainingsVocabulary.genders.contains(input.gender) { input.gender = "unknown" }
        if !input.consent { errors.append(FieldError(field: "consent", message: t("trainings.error.consent"))) }
        guard errors.isEmpty else { return try await renderEvent(request, event, input: input, errors: errors, status: .unprocessableEntity) }
        let outcome = try await TrainingsData.register(TrainingsData.NewRegistration(name: input.name, contact: input.contact, language: request.appLocale.rawValue,
                                                                                     gender: input.gender, needs: input.needs, userID: request.currentUser?.id),
                                                       event: event, on: request.db)
        switch outcome {
        case .already(let record):
            return try await renderEvent(request, event, input: input,
                                         errors: [FieldError(field: "contact", message: t("trainings.error.already", ["code": record.code]))], status: .conflict)
        case .registered(let record, let token):
            if record.contact.contains("@") {
                let link = request.application.iceda.config.baseURL + request.localLink(TrainingsURL.registration(token))
                try await Outbox.enqueue(on: request.db, to: record.contact, subject: t("trainings.mail.subject", ["code": record.code]),
                                         body: t(record.state == "confirmed" ? "trainings.mail.confirmed" : "trainings.mail.waitlisted",
                                                 ["name": record.name, "event": event.title.resolve(for: request.appLocale)?.text ?? event.slug, "code": record.code, "link": link]),
                                         locale: request.appLocale)
            }
            return .seeOther(request.localLink(TrainingsURL.registration(token)))
        }
    }

    static func registration(for request: Request) async throws -> (TrainingRegistrationRecord, TrainingEvent) {
        guard let token = request.parameters.get("token"), token.count <= 100,
              let record = try await TrainingRegistrationRecord.query(on: request.db).filter(\.$tokenHash == SecureToken.sha256(token)).first(),
              let event = try await TrainingEvent.find(record.eventID, on: request.db) else { throw Abort(.notFound) }
        return (record, event)
    }

    @Sendable static func registration(request: Request) async throws -> Response {
        let (record, event) = try await registration(for: request)
        _ = request.csrfToken()
        let waiting = record.state == RegistrationState.waitlisted.rawValue
            ? try await TrainingRegistrationRecord.query(on: request.db).filter(\.$eventID == event.requireID())
                .filter(\.$state == RegistrationState.waitlisted.rawValue).filter(\.$position <= record.position).count()
            : 0
        let certificate = try await TrainingCertificate.query(on: request.db).filter(\.$registrationID == record.requireID()).first()
        let hasTest = try await !LearningData.questions(for: event, on: request.db).isEmpty
        let results = try await LearningData.results(of: record.requireID(), on: request.db)
        return .html(TrainingsPages.registration(record, event: event, waitingPosition: waiting, certificate: certificate, token: request.parameters.get("token") ?? "",
                                                 learning: LearningPages.RegistrationLearning(hasTest: hasTest, results: results, today: today()),
                                                 context: request.pageContext(current: "trainings")))
    }

    @Sendable static func cancel(request: Request) async throws -> Response {
        let (record, event) = try await registration(for: request)
        _ = try await TrainingsData.cancel(record, event: event, on: request.db)
        request.flash(.success, request.t("trainings.cancelled"))
        return .seeOther(request.localLink(TrainingsURL.registration(request.parameters.get("token") ?? "")))
    }

    // MARK: self-check

    @Sendable static func selfCheckForm(request: Request) async throws -> Response {
        _ = request.csrfToken()
        return .html(TrainingsPages.selfCheck(answers: [:], results: nil, errors: [], country: "", context: request.pageContext(current: "trainings")))
    }

    @Sendable static func selfCheck(request: Request) async throws -> Response {
        var answers: [String: String] = [:]
        for id in DigCompSelfAssessment.questionIDs { answers[id] = String(request.formLine("q-\(id)").prefix(2)) }
        let country = TrainingsVocabulary.countries.contains(request.formLine("country")) ? request.formLine("country") : ""
        switch DigCompSelfAssessment.assess(answers.filter { !$0.value.isEmpty }) {
        case .failure(let failure):
            let errors = failure.problems.map { FieldError(field: "q-\($0.questionID)", message: request.t("trainings.selfcheck.error.answer")) }
            return .html(TrainingsPages.selfCheck(answers: answers, results: nil, errors: errors, country: country, context: request.pageContext(current: "trainings")),
                         status: .unprocessableEntity)
        case .success(let results):
            let check = SelfCheck()
            check.country = country
            check.levels = results.map { "\($0.area.code):\($0.level.rawValue)" }.joined(separator: ";")
            try await check.save(on: request.db)
            let upcoming = try await TrainingEvent.query(on: request.db).filter(\.$published == true).filter(\.$startsOn >= today().iso)
                .filter(\.$audience == "citizens").sort(\.$startsOn).limit(3).all()
            return .html(TrainingsPages.selfCheck(answers: answers, results: results, errors: [], country: country, upcoming: upcoming,
                                                  context: request.pageContext(current: "trainings")))
        }
    }

    // MARK: certificates

    enum CertificateStatus: String {
        case valid, revoked, unknown, tampered, expired, malformed
    }

    static func status(of token: String, signer: CredentialSigner, on database: Database) async throws -> (CertificateStatus, TrainingCertificate?) {
        switch signer.verify(token) {
        case .malformed: return (.malformed, nil)
        case .badSignature: return (.tampered, nil)
        case .expired: return (.expired, nil)
        case .notYetValid: return (.malformed, nil)
        case .valid(let jti, _):
            guard let last = jti.split(separator: "/").last, let id = UUID(uuidString: String(last)),
                  let certificate = try await TrainingCertificate.find(id, on: database) else { return (.unknown, nil) }
            return (certificate.revokedAt == nil ? .valid : .revoked, certificate)
        }
    }

    @Sendable static func certificate(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)), let certificate = try await TrainingCertificate.find(id, on: request.db),
              let event = try await TrainingEvent.find(certificate.eventID, on: request.db) else { throw Abort(.notFound) }
        let (status, _) = try await status(of: certificate.jwt, signer: request.application.credentialSigner, on: request.db)
        return .html(TrainingsPages.certificate(certificate, event: event, status: status, context: request.pageContext(current: "trainings")))
    }

    /// Paste a credential (VC-JWT) to check it: the signature, the dates and the revocation list.
    @Sendable static func verify(request: Request) async throws -> Response {
        let token = String(((try? request.query.get(String.self, at: "jwt")) ?? "").prefix(100_000))
        var result: (CertificateStatus, TrainingCertificate?)?
        if !token.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            result = try await status(of: token, signer: request.application.credentialSigner, on: request.db)
        }
        return .html(TrainingsPages.verify(token: token, status: result?.0, certificate: result?.1, context: request.pageContext(current: "trainings")))
    }

    @Sendable static func jwks(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/jwk-set+json")
        headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return Response(status: .ok, headers: headers, body: .init(string: try request.application.credentialSigner.jwks.compact))
    }

    struct CertificateDTO: Content {
        var id: String
        var status: String
        var revokedReason: String?
        var holder: String
        var event: String
        var issuedAt: String
        var jwt: String
    }

    @Sendable static func apiCertificate(request: Request) async throws -> CertificateDTO {
        guard let text = request.parameters.get("id"), let id = UUID(uuidString: text), let certificate = try await TrainingCertificate.find(id, on: request.db),
              let event = try await TrainingEvent.find(certificate.eventID, on: request.db) else { throw Abort(.notFound) }
        let (status, _) = try await status(of: certificate.jwt, signer: request.application.credentialSigner, on: request.db)
        return CertificateDTO(id: id.uuidString.lowercased(), status: status.rawValue, revokedReason: certificate.revokedAt == nil ? nil : certificate.revokedReason,
                              holder: certificate.holderName, event: event.slug, issuedAt: CredentialClaims.dateTime(certificate.issuedAt), jwt: certificate.jwt)
    }

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
        func set(_ name: String) -> Set<String> { Set(((try? request.content.get([String].self, at: name)) ?? []).prefix(20).map { String(FormText.line($0).prefix(40)) }) }
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
        let present = Set(((try? request.content.get([String].self, at: "present\(session.position)")) ?? []).prefix(5_000).compactMap(UUID.init(uuidString:))).intersection(ids)
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

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
