// The trainings' writes that must hold under load: a registration decided under a lock on the event (never over
// capacity, a contact registered once), a cancellation that moves the wait list up, attendance counted once,
// certificates issued to those who met the event's rule and signed.
import Fluent
import Foundation
import Kernel
import Methods
import SQLKit
import Vapor

enum TrainingsData {
    /// Locks the event's row for the rest of the transaction (PostgreSQL row lock; SQLite's write lock).
    static func lock(_ eventID: UUID, on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw("UPDATE training_events SET version = version WHERE id = \(bind: eventID)").run()
    }

    static func registrations(of eventID: UUID, on database: Database) async throws -> [TrainingRegistrationRecord] {
        try await TrainingRegistrationRecord.query(on: database).filter(\.$eventID == eventID).sort(\.$position).all()
    }

    static func rules(_ records: [TrainingRegistrationRecord]) -> [Registration] {
        records.map { Registration(id: $0.code, contactKey: $0.contactKey, state: RegistrationState(rawValue: $0.state) ?? .cancelled, order: $0.position) }
    }

    struct NewRegistration {
        var name: String
        var contact: String
        var language: String
        var gender: String
        var needs: String
        var userID: UUID?
    }

    enum Outcome {
        case registered(TrainingRegistrationRecord, token: String)
        case already(TrainingRegistrationRecord)
    }

    static func register(_ input: NewRegistration, event: TrainingEvent, on database: Database) async throws -> Outcome {
        let eventID = try event.requireID()
        let key = TrainingRegistration.contactKey(input.contact)
        return try await database.transaction { database in
            try await lock(eventID, on: database)
            let existing = try await registrations(of: eventID, on: database)
            let decision = TrainingRegistration.decide(contactKey: key, capacity: event.capacity > 0 ? event.capacity : nil, registrations: rules(existing))
            let state: RegistrationState
            switch decision {
            case .alreadyRegistered(let code, _):
                guard let record = existing.first(where: { $0.code == code }) else { throw Abort(.internalServerError) }
                return .already(record)
            case .confirmed: state = .confirmed
            case .waitlisted: state = .waitlisted
            }
            let token = SecureToken.make(bytes: 24)
            let record = TrainingRegistrationRecord()
            record.eventID = eventID
            record.code = try await uniqueCode(on: database)
            record.userID = input.userID
            record.name = input.name
            record.contact = input.contact
            record.contactKey = key
            record.language = input.language
            record.gender = input.gender
            record.needs = input.needs
            record.state = state.rawValue
            record.position = (existing.map(\.position).max() ?? 0) + 1
            record.tokenHash = SecureToken.sha256(token)
            record.feedbackGiven = false
            try await record.save(on: database)
            return .registered(record, token: token)
        }
    }

    /// `R-` and four letters or digits without look-alikes, unique.
    static func uniqueCode(on database: Database) async throws -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        for _ in 0..<20 {
            let code = "R-" + String((0..<5).map { _ in alphabet.randomElement()! })
            if try await TrainingRegistrationRecord.query(on: database).filter(\.$code == code).count() == 0 { return code }
        }
        throw Abort(.internalServerError, reason: "no free registration code")
    }

    /// Cancels and moves the earliest waiting people up into the freed places; returns the codes moved up.
    static func cancel(_ record: TrainingRegistrationRecord, event: TrainingEvent, on database: Database) async throws -> [String] {
        let eventID = try event.requireID()
        return try await database.transaction { database in
            try await lock(eventID, on: database)
            guard let fresh = try await TrainingRegistrationRecord.find(record.requireID(), on: database), fresh.state != RegistrationState.cancelled.rawValue else { return [] }
            fresh.state = RegistrationState.cancelled.rawValue
            try await fresh.save(on: database)
            let all = try await registrations(of: eventID, on: database)
            let promoted = TrainingRegistration.promotions(capacity: event.capacity > 0 ? event.capacity : nil, registrations: rules(all))
            for record in all where promoted.contains(record.code) {
                record.state = RegistrationState.confirmed.rawValue
                try await record.save(on: database)
            }
            return promoted
        }
    }

    /// Marks who was present at a session; marking twice counts once, unmarking removes the mark.
    static func setAttendance(session: UUID, present: Set<UUID>, registrations: [UUID], on database: Database) async throws {
        try await database.transaction { database in
            guard let sql = database as? SQLDatabase else { return }
            for registration in registrations where !present.contains(registration) {
                try await TrainingAttendance.query(on: database).filter(\.$sessionID == session).filter(\.$registrationID == registration).delete()
            }
            for registration in present {
                try await sql.insert(into: TrainingAttendance.schema).columns("id", "registration_id", "session_id")
                    .values(SQLBind(UUID()), SQLBind(registration), SQLBind(session))
                    .ignoringConflicts(with: ["registration_id", "session_id"]).run()
            }
        }
    }

    /// Issues the certificates the event owes: to each confirmed person who met its rule and holds none yet.
    static func issueCertificates(event: TrainingEvent, signer: CredentialSigner, baseURL: String, now: Date = Date(), on database: Database) async throws -> Int {
        let eventID = try event.requireID()
        let sessions = try await TrainingSession.query(on: database).filter(\.$eventID == eventID).all()
        guard !sessions.isEmpty else { return 0 }
        let people = try await TrainingRegistrationRecord.query(on: database).filter(\.$eventID == eventID).filter(\.$state == RegistrationState.confirmed.rawValue).all()
        let marks = try await TrainingAttendance.query(on: database).filter(\.$sessionID ~~ sessions.compactMap(\.id)).all()
        let attended = Dictionary(grouping: marks, by: \.registrationID).mapValues(\.count)
        let held = Set(sessions.compactMap(\.id))
        // a pass mark without questions in the bank for the event's topics is no test: attendance decides alone
        let hasTest = try await !LearningData.questions(for: event, on: database).isEmpty
        let rule = CertificateRule(minimumAttendancePercent: min(max(event.minAttendance, 0), 100), requiresPostTest: hasTest,
                                   postTestPassPercent: min(max(event.passPercent, 0), 100))
        let postTests = Dictionary(try await TrainingTestResult.query(on: database).filter(\.$eventID == eventID).filter(\.$phase == "post").all()
            .map { ($0.registrationID, $0.score) }, uniquingKeysWith: { first, _ in first })
        let criteria = "Attended at least \(rule.minimumAttendancePercent) % of the sessions"
            + (rule.requiresPostTest ? " and scored at least \(rule.postTestPassPercent) % in the post-test." : ".")
        return try await database.transaction { database in
            // under the event's lock, so that two clicks on "issue" cannot both issue the same certificate
            try await lock(eventID, on: database)
            let already = Set(try await TrainingCertificate.query(on: database).filter(\.$eventID == eventID).all().map(\.registrationID))
            var issued = 0
            for person in people {
                let personID = try person.requireID()
                guard !already.contains(personID), rule.isEligible(sessionsAttended: attended[personID] ?? 0, sessionsHeld: held.count, postTest: postTests[personID]) else { continue }
                let id = UUID()
                let title = event.title.resolve(for: .en)?.text ?? event.slug
                let credential = CertificateCredential(
                    id: baseURL + "/en" + TrainingsURL.certificate(id), name: "Certificate: " + title,
                    issuer: CredentialIssuer(id: baseURL, name: "ICEDA Platform", url: baseURL),
                    holder: CredentialHolder(id: "urn:uuid:" + personID.uuidString.lowercased(), name: person.name),
                    achievement: CredentialAchievement(id: baseURL + "/en" + TrainingsURL.event(event.slug), name: title,
                                                       description: event.summary.resolve(for: .en)?.text ?? title,
                                                       criteria: criteria),
                    validFrom: now, validUntil: nil)
                guard CredentialClaims.problems(credential).isEmpty else { continue }
                let jwt = try signer.sign(header: CredentialClaims.joseHeader(keyID: signer.keyID),
                                          payload: CredentialClaims.jwtPayload(credential))
                let certificate = TrainingCertificate()
                certificate.id = id
                certificate.registrationID = personID
                certificate.eventID = eventID
                certificate.holderName = person.name
                certificate.issuedAt = now
                certificate.jwt = jwt
                certificate.revokedReason = ""
                try await certificate.create(on: database)
                issued += 1
            }
            return issued
        }
    }
}
