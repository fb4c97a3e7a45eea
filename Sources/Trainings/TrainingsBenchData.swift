// `iceda trainings bench-data`: the issue's scale for scripts/bench — 2,000 events, 100,000 registrations and about
// 60,000 certificates by default. Events, sessions, registrations and attendance are written in batches; the
// certificates go through the real issuing path (rule, signature, one row each), event by event. Deterministic:
// the same arguments give the same data. Last, one event of 200 people is issued alone and timed.
import ConsoleKit
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import SQLKit
import Vapor

struct TrainingsBenchDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "events", help: "How many events (default 2000).") var events: Int?
        @Option(name: "registrations", help: "Registrations in all, spread evenly over the events (default 100000).") var registrations: Int?
    }
    var help: String { "Adds generated training events with registrations, attendance and signed certificates for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let events = min(max(signature.events ?? 2_000, 1), 100_000)
        let registrations = min(max(signature.registrations ?? 100_000, events), 10_000_000)
        let outcome = try await TrainingsBenchData.generate(app, events: events, registrations: registrations)
        context.console.print("Bench trainings: \(outcome.events) events, \(outcome.registrations) registrations, \(outcome.certificates) certificates; "
            + "a 200-person event's certificates issued in \(outcome.issueMilliseconds) ms.")
    }
}

enum TrainingsBenchData {
    struct Outcome {
        var events = 0
        var registrations = 0
        var certificates = 0
        var issueMilliseconds = 0
    }

    static func generate(_ app: Application, events total: Int, registrations: Int) async throws -> Outcome {
        guard app.db is SQLDatabase else { throw CommandFailure(description: "The bench data needs an SQL database.") }
        var random = SplitMix64(state: 2_000)
        let signer = try app.credentialSigner
        let base = app.iceda.config.baseURL
        let today = CalendarDate(utc: Date())
        let countries = TrainingsVocabulary.countries
        let zones = ["AL": "Europe/Tirane", "XK": "Europe/Belgrade", "ME": "Europe/Podgorica", "MK": "Europe/Skopje", "RS": "Europe/Belgrade", "BA": "Europe/Sarajevo"]
        let towns = ["AL": "Tiranë", "XK": "Prishtinë", "ME": "Podgorica", "MK": "Skopje", "RS": "Niš", "BA": "Sarajevo"]
        var outcome = Outcome()
        let perEvent = registrations / total
        for index in 0..<total {
            // nine in ten in the last three years, one in ten in the coming six months
            let upcoming = index % 10 == 9
            let first = upcoming ? today.adding(days: 7 + Int(random.next() % 180)) : today.adding(days: -(14 + Int(random.next() % 1_080)))
            let country = countries[Int(random.next() % UInt64(countries.count))]
            let topic = TrainingsVocabulary.topics[Int(random.next() % UInt64(TrainingsVocabulary.topics.count))]
            let event = benchEvent(slug: String(format: "bench-event-%05d", index), series: "Bench series \(index % 20)",
                                   title: [.en: "Bench training \(index) on \(topic)", .sq: "Trajnim prove \(index)"], first: first,
                                   audience: TrainingsVocabulary.audiences[Int(random.next() % 4)], level: TrainingsVocabulary.levels[Int(random.next() % 3)],
                                   topic: topic, format: TrainingsVocabulary.formats[Int(random.next() % 3)],
                                   country: country, town: towns[country] ?? "", zone: zones[country] ?? "UTC", capacity: perEvent)
            let people = perEvent + (index < registrations % total ? 1 : 0)
            let made = try await app.db.transaction { database in
                try await write(event, first: first, people: people, past: !upcoming, seed: UInt64(index), on: database)
            }
            outcome.events += 1
            outcome.registrations += made
            if !upcoming {
                outcome.certificates += try await TrainingsData.issueCertificates(event: event, signer: signer, baseURL: base,
                                                                                 now: first.adding(days: 7).noonUTC, on: app.db)
            }
        }
        // one event of 200 people, every one present at both sessions: its certificates issued alone, timed
        let bigFirst = today.adding(days: -10)
        let big = benchEvent(slug: "bench-event-200", series: "Bench series", title: [.en: "Bench training with 200 people"], first: bigFirst,
                             audience: "citizens", level: "local", topic: "digital-skills", format: "in-person",
                             country: "MK", town: "Skopje", zone: "Europe/Skopje", capacity: 200)
        outcome.registrations += try await app.db.transaction { database in
            try await write(big, first: bigFirst, people: 200, past: true, attendancePermille: 1_000, seed: 0, on: database)
        }
        outcome.events += 1
        let start = DispatchTime.now().uptimeNanoseconds
        outcome.certificates += try await TrainingsData.issueCertificates(event: big, signer: signer, baseURL: base, now: bigFirst.adding(days: 7).noonUTC, on: app.db)
        outcome.issueMilliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return outcome
    }

    /// A published, open bench event with one topic, every person asked to attend every session (rule: 100 %), no test.
    static func benchEvent(slug: String, series: String, title: [AppLocale: String], first: CalendarDate, audience: String, level: String,
                           topic: String, format: String, country: String, town: String, zone: String, capacity: Int) -> TrainingEvent {
        let event = TrainingEvent()
        event.version = 0
        event.slug = slug
        event.series = series
        event.title = LocalizedText(title)
        event.summary = LocalizedText([.en: "Generated event for the benchmark."])
        event.audience = audience
        event.level = level
        event.topics = ";\(topic);"
        event.format = format
        event.venue = "Bench venue"
        event.country = country
        event.town = town
        event.timeZone = zone
        event.capacity = capacity
        event.languages = "en"
        event.competences = "1.1"
        event.organiserID = nil
        event.trainerID = nil
        event.trainerName = "Bench trainer"
        event.isOpen = true
        event.published = true
        event.minAttendance = 100
        event.passPercent = 0
        event.startsOn = first.iso
        event.month = String(first.iso.prefix(7))
        return event
    }

    /// The event, its two sessions, its registrations (all confirmed) and, for a past event, attendance: each person
    /// is present at a session with the given chance in thousandths (77.5 % each of two sessions by default: about
    /// 60 % present at both, which the events' rule asks for).
    static func write(_ event: TrainingEvent, first: CalendarDate, people: Int, past: Bool, attendancePermille: Int = 775,
                      seed: UInt64, on database: Database) async throws -> Int {
        guard let sql = database as? SQLDatabase else { throw CommandFailure(description: "The bench data needs an SQL database.") }
        var random = SplitMix64(state: seed)
        try await event.create(on: database)
        let eventID = try event.requireID()
        var sessionIDs: [UUID] = []
        for position in 1...2 {
            let session = TrainingSession()
            session.eventID = eventID
            session.position = position
            session.day = first.adding(days: (position - 1) * 7).iso
            session.starts = "10:00"
            session.ends = "13:00"
            try await session.create(on: database)
            sessionIDs.append(try session.requireID())
        }
        var rows: [[any Encodable & Sendable]] = []
        var marks: [[any Encodable & Sendable]] = []
        let created = first.adding(days: -14).noonUTC
        for person in 0..<people {
            let id = UUID()
            let contact = "\(event.slug)-\(person)@example.org"
            rows.append([id, created, eventID, "B-\(event.slug.suffix(5))-\(person)", "Bench Person \(person)", contact,
                         TrainingRegistration.contactKey(contact), "en", person % 2 == 0 ? "female" : "male", "", RegistrationState.confirmed.rawValue,
                         person + 1, SecureToken.sha256(contact), false])
            // 77.5 % per session and two sessions: about 60 % present at both
            if past {
                for session in sessionIDs where random.permille() < attendancePermille { marks.append([UUID(), id, session]) }
            }
        }
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let insert = sql.insert(into: TrainingRegistrationRecord.schema)
                .columns("id", "created_at", "event_id", "code", "name", "contact", "contact_key", "language", "gender", "needs", "state", "position",
                         "token_hash", "feedback_given")
            for row in rows[chunk..<min(chunk + 500, rows.count)] { insert.values(row) }
            try await insert.run()
        }
        for chunk in stride(from: 0, to: marks.count, by: 1_000) {
            let insert = sql.insert(into: TrainingAttendance.schema).columns("id", "registration_id", "session_id")
            for row in marks[chunk..<min(chunk + 1_000, marks.count)] { insert.values(row) }
            try await insert.run()
        }
        return people
    }
}
