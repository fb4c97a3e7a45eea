// The trainings' public pages: the calendar (filters, iCalendar), an event with registration (no account
// needed), the registration's own page with its cancel link, the digital-skills self-check, certificate
// verification. The trainers' and staff's pages are in TrainingsStaffRoutes.swift.
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
        site.form(TrainingsURL.attendanceRoute, maxSize: "1mb", maxFields: 5_010, use: attendance)
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
        /// The page of past events (1 to 10,000; anything else is the first page).
        var page = 1

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
            page = (try? request.query.get(String.self, at: "page")).flatMap { Int($0.prefix(6)) }.flatMap { (1...10_000).contains($0) ? $0 : nil } ?? 1
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

    /// The iCalendar feed's events: the newest 200 with the calendar's filters.
    static func events(_ query: CalendarQuery, on database: Database) async throws -> [TrainingEvent] {
        try await TrainingsCalendar.filtered(query, on: database).sort(\.$startsOn, .descending).sort(\.$slug).limit(200).all()
    }

    @Sendable static func calendar(request: Request) async throws -> Response {
        let query = CalendarQuery(request)
        let page = try await TrainingsCalendar.page(query, today: today(), on: request.db)
        return .html(TrainingsPages.calendar(page, query: query, context: request.pageContext(current: "trainings")))
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
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
