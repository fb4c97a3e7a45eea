// The writes and reads of tests, feedback and sheets: a test taken once per phase, feedback given once and stored
// without the person, a paper sign-in sheet applied all at once (walk-ins become confirmed registrations).
import Fluent
import Foundation
import Kernel
import Methods
import SQLKit
import Vapor

enum LearningData {
    /// At most this many questions make an event's test.
    static let maximumQuestions = 10

    /// The event's test: its topics' questions from the bank, in the topics' order and the bank's order.
    static func questions(for event: TrainingEvent, on database: Database) async throws -> [TrainingQuestion] {
        let topics = event.topicList
        guard event.passPercent > 0, !topics.isEmpty else { return [] }
        let items = try await TrainingQuestion.query(on: database).filter(\.$topic ~~ topics).sort(\.$position).all()
        return items.sorted { (topics.firstIndex(of: $0.topic) ?? 0, $0.position) < (topics.firstIndex(of: $1.topic) ?? 0, $1.position) }
            .prefix(maximumQuestions).map { $0 }
    }

    static func results(of registration: UUID, on database: Database) async throws -> [String: TrainingTestResult] {
        Dictionary(try await TrainingTestResult.query(on: database).filter(\.$registrationID == registration).all().map { ($0.phase, $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Stores a test once per person and phase; nil when that phase was already taken (the first one counts).
    static func saveTest(registration: TrainingRegistrationRecord, phase: String, questions: [TrainingQuestion], answers: [String: Set<String>],
                         on database: Database) async throws -> TestScore? {
        let score = TrainingTest(questions: questions.map(\.rule)).score(answers)
        let text = questions.map { question in
            let id = question.id!.uuidString.lowercased()
            return id + ":" + (answers[id] ?? []).sorted().joined(separator: ",")
        }.joined(separator: ";")
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.insert(into: TrainingTestResult.schema)
            .columns("id", "created_at", "registration_id", "event_id", "phase", "points", "maximum", "answers")
            .values(SQLBind(UUID()), SQLBind(Date()), SQLBind(registration.requireID()), SQLBind(registration.eventID), SQLBind(phase),
                    SQLBind(score.points), SQLBind(score.maximum), SQLBind(text))
            .ignoringConflicts(with: ["registration_id", "phase"])
            .returning("id").all()
        return rows.isEmpty ? nil : score
    }

    /// Records feedback once per registration; false when it was already given. The answer row holds the event,
    /// the satisfaction and the comment only.
    static func giveFeedback(registration: TrainingRegistrationRecord, satisfaction: Int, comment: String, on database: Database) async throws -> Bool {
        try await database.transaction { database in
            guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
            let claimed = try await sql.raw("""
                UPDATE training_registrations SET feedback_given = \(bind: true) WHERE id = \(bind: registration.requireID()) AND feedback_given = \(bind: false) RETURNING id
                """).all()
            guard !claimed.isEmpty else { return false }
            let feedback = TrainingFeedback()
            feedback.eventID = registration.eventID
            feedback.satisfaction = satisfaction
            feedback.comment = comment
            try await feedback.create(on: database)
            return true
        }
    }

    /// Applies a read sign-in sheet: walk-ins become confirmed registrations (one per name), then every mark is set,
    /// all in one transaction. Returns the marks set present and the walk-ins added.
    static func applySheet(_ marks: [AttendanceMark], event: TrainingEvent, sessions: [TrainingSession], on database: Database) async throws -> (present: Int, walkIns: Int) {
        let eventID = try event.requireID()
        return try await database.transaction { database in
            try await TrainingsData.lock(eventID, on: database)
            guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
            var people = try await TrainingsData.registrations(of: eventID, on: database)
            var walkIns = 0
            func registrationID(_ attendee: Attendee) async throws -> UUID? {
                switch attendee {
                case .registration(let code):
                    return people.first { $0.code == code }?.id
                case .walkIn(let name):
                    let key = "walk-in:" + name.lowercased()
                    if let known = people.first(where: { $0.contactKey == key }) { return known.id }
                    let record = TrainingRegistrationRecord()
                    record.eventID = eventID
                    record.code = try await TrainingsData.uniqueCode(on: database)
                    record.name = name
                    record.contact = ""
                    record.contactKey = key
                    record.language = event.languages.split(separator: ",").first.map(String.init) ?? "en"
                    record.gender = "unknown"
                    record.needs = ""
                    record.state = RegistrationState.confirmed.rawValue
                    record.position = (people.map(\.position).max() ?? 0) + 1
                    record.tokenHash = SecureToken.sha256(SecureToken.make(bytes: 24))
                    record.feedbackGiven = false
                    try await record.create(on: database)
                    people.append(record)
                    walkIns += 1
                    return record.id
                }
            }
            var present = 0
            for mark in marks {
                // a walk-in marked absent is nobody to register
                if case .walkIn(let name) = mark.attendee, !mark.present, !people.contains(where: { $0.contactKey == "walk-in:" + name.lowercased() }) { continue }
                guard mark.session >= 1, mark.session <= sessions.count, let person = try await registrationID(mark.attendee) else { continue }
                let session = try sessions[mark.session - 1].requireID()
                if mark.present {
                    try await sql.insert(into: TrainingAttendance.schema).columns("id", "registration_id", "session_id")
                        .values(SQLBind(UUID()), SQLBind(person), SQLBind(session))
                        .ignoringConflicts(with: ["registration_id", "session_id"]).run()
                    present += 1
                } else {
                    try await TrainingAttendance.query(on: database).filter(\.$sessionID == session).filter(\.$registrationID == person).delete()
                }
            }
            return (present, walkIns)
        }
    }
}
