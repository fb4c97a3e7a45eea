// Trainings over HTTP and SQL: the wait list under concurrent registrations (never over capacity), a contact
// registered once, attendance counted once, certificates signed with the platform's key and verified — a
// changed or revoked one reported as such — the anonymous self-check, the iCalendar feed and the metrics.
import Crypto
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import IcedaApp
@testable import Kernel
@testable import Localization
@testable import Methods
@testable import Trainings

@Suite struct TrainingsTests {
    /// A published event with `capacity` places and three sessions from 15 March 2027, 10:00–13:00 in Skopje.
    static func event(_ app: Application, capacity: Int) async throws -> TrainingEvent {
        let event = TrainingEvent()
        event.version = 0
        event.slug = "test-event"
        event.series = ""
        event.title = LocalizedText([.en: "Online safety"])
        event.summary = LocalizedText([.en: "A test."])
        event.audience = "citizens"
        event.level = "local"
        event.topics = ";online-safety;"
        event.format = "in-person"
        event.venue = "Library"
        event.country = "MK"
        event.town = "Skopje"
        event.timeZone = "Europe/Skopje"
        event.capacity = capacity
        event.languages = "mk"
        event.competences = "4.1"
        event.trainerName = "T."
        event.isOpen = true
        event.published = true
        event.minAttendance = 80
        event.passPercent = 0
        event.startsOn = "2027-03-15"
        event.month = "2027-03"
        try await event.save(on: app.db)
        for position in 1...3 {
            let session = TrainingSession()
            session.eventID = try event.requireID()
            session.position = position
            session.day = CalendarDate(2027, 3, 15)!.adding(days: (position - 1) * 7).iso
            session.starts = "10:00"
            session.ends = "13:00"
            try await session.save(on: app.db)
        }
        return event
    }

    static func person(_ number: Int) -> TrainingsData.NewRegistration {
        TrainingsData.NewRegistration(name: "Person \(number)", contact: "person\(number)@example.org", language: "en", gender: number % 2 == 0 ? "female" : "male",
                                      needs: "", userID: nil)
    }

    @Test func manyRegisteringAtOnceNeverExceedTheCapacity() async throws {
        try await withTestApp { app in
            let event = try await Self.event(app, capacity: 3)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<8 {
                    group.addTask { _ = try await TrainingsData.register(Self.person(number), event: event, on: app.db) }
                }
                try await group.waitForAll()
            }
            let all = try await TrainingsData.registrations(of: event.requireID(), on: app.db)
            #expect(all.filter { $0.state == "confirmed" }.count == 3)
            #expect(all.filter { $0.state == "waitlisted" }.count == 5)
            // the same contact again (written differently): recognised, nothing added
            var again = Self.person(3)
            again.contact = "  PERSON3@example.org "
            guard case .already = try await TrainingsData.register(again, event: event, on: app.db) else { Issue.record("registered twice"); return }
            #expect(try await TrainingsData.registrations(of: event.requireID(), on: app.db).count == 8)
            // a confirmed person cancels: the earliest waiting person moves up, still 3 confirmed
            let leaving = try #require(all.first { $0.state == "confirmed" })
            let earliestWaiting = try #require(all.filter { $0.state == "waitlisted" }.min { $0.position < $1.position })
            #expect(try await TrainingsData.cancel(leaving, event: event, on: app.db) == [earliestWaiting.code])
            let after = try await TrainingsData.registrations(of: event.requireID(), on: app.db)
            #expect(after.filter { $0.state == "confirmed" }.count == 3)
        }
    }

    @Test func registrationOverHTTPKeepsWhatWasTypedAndAttendanceCountsOnce() async throws {
        try await withTestApp { app in
            let event = try await Self.event(app, capacity: 1)
            let visitor = Browser(app)
            let refused = try await visitor.post("/en/trainings/test-event", form: [("name", "Mira"), ("contact", "mira@example.org"), ("gender", "female")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"value="mira@example.org""#))
            // a list of addresses is not one contact (it would go into a To: header)
            let list = try await visitor.post("/en/trainings/test-event", form: [("name", "Mira"), ("contact", "a@x.org, b@y.org"), ("consent", "1")])
            #expect(list.status == .unprocessableEntity)
            let done = try await visitor.post("/en/trainings/test-event", form: [("name", "Mira"), ("contact", "mira@example.org"), ("gender", "female"), ("consent", "1")])
            #expect(done.status == .seeOther)
            let page = try await visitor.get(try #require(done.headers.first(name: .location))).body.string
            #expect(page.contains("Confirmed"))
            let second = try await Browser(app).post("/en/trainings/test-event", form: [("name", "Lum"), ("contact", "+389 70 111 222"), ("consent", "1")])
            let waiting = try await visitor.get(try #require(second.headers.first(name: .location))).body.string
            #expect(waiting.contains("On the wait list, number 1"))
            // attendance marked twice counts once
            let mira = try #require(try await TrainingRegistrationRecord.query(on: app.db).filter(\.$name == "Mira").first())
            let session = try #require(try await TrainingSession.query(on: app.db).filter(\.$eventID == event.requireID()).filter(\.$position == 1).first())
            for _ in 1...2 {
                try await TrainingsData.setAttendance(session: session.requireID(), present: [try mira.requireID()], registrations: [try mira.requireID()], on: app.db)
            }
            #expect(try await TrainingAttendance.query(on: app.db).count() == 1)
        }
    }

    @Test func certificatesAreSignedVerifiableAndRevocable() async throws {
        try await withTestApp { app in
            let event = try await Self.event(app, capacity: 0)
            for number in 0..<3 { _ = try await TrainingsData.register(Self.person(number), event: event, on: app.db) }
            let people = try await TrainingsData.registrations(of: event.requireID(), on: app.db)
            let sessions = try await TrainingSession.query(on: app.db).filter(\.$eventID == event.requireID()).sort(\.$position).all()
            // person 0 at 3 of 3 sessions (100 %), person 1 at 2 of 3 (66 %: under 80 %), person 2 at none
            for (index, session) in sessions.enumerated() {
                let present = index < 2 ? [people[0].id!, people[1].id!] : [people[0].id!]
                try await TrainingsData.setAttendance(session: session.requireID(), present: Set(present), registrations: people.compactMap(\.id), on: app.db)
            }
            let signer = try app.credentialSigner
            #expect(try await TrainingsData.issueCertificates(event: event, signer: signer, baseURL: "https://iceda.example", on: app.db) == 1)
            // issuing again adds nothing
            #expect(try await TrainingsData.issueCertificates(event: event, signer: signer, baseURL: "https://iceda.example", on: app.db) == 0)
            let certificate = try #require(try await TrainingCertificate.query(on: app.db).first())
            #expect(certificate.holderName == "Person 0")
            // the signature checks out against the published key, read back from the JWK Set
            let jwks = try await app.testing().sendRequest(.GET, "/api/v1/credentials/jwks.json")
            let keys = try #require((try JSONSerialization.jsonObject(with: Data(jwks.body.readableBytesView)) as? [String: Any])?["keys"] as? [[String: Any]])
            #expect(keys.first?["kty"] as? String == "OKP" && keys.first?["crv"] as? String == "Ed25519")
            let xText = try #require(keys.first?["x"] as? String)
            let x = try #require(CredentialSigner.decodeBase64url(Substring(xText)))
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: x)
            let parts = certificate.jwt.split(separator: ".")
            #expect(parts.count == 3)
            let signature = try #require(CredentialSigner.decodeBase64url(parts[2]))
            #expect(publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8)))
            let payloadData = try #require(CredentialSigner.decodeBase64url(parts[1]))
            let payload = try #require(try JSONSerialization.jsonObject(with: payloadData) as? [String: Any])
            #expect(payload["type"] as? [String] == ["VerifiableCredential", "OpenBadgeCredential"])
            #expect((payload["@context"] as? [String])?.first == "https://www.w3.org/ns/credentials/v2")
            // the verification page: valid; a changed payload: reported as tampered
            let path = "/en/certificates/\(certificate.id!.uuidString.lowercased())"
            #expect(try await app.testing().sendRequest(.GET, path).body.string.contains("Valid: issued by the ICEDA Platform and not revoked."))
            let forgedPayload = CredentialSigner.base64url(Data(String(decoding: payloadData, as: UTF8.self)
                .replacingOccurrences(of: "Person 0", with: "Person 9").utf8))
            let forged = parts[0] + "." + forgedPayload + "." + parts[2]
            let checked = try await app.testing().sendRequest(.GET, "/en/certificates?jwt=" + forged.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(checked.body.string.contains("Not valid: the credential was changed after it was signed"))
            // a credential signed by another key, however well formed, is not ours
            let stranger = CredentialSigner(key: Curve25519.Signing.PrivateKey())
            let foreign = try stranger.sign(header: CredentialClaims.joseHeader(keyID: stranger.keyID), payload: .object([("jti", .string(path))]))
            #expect(signer.verify(foreign) == .badSignature)
            // revoked by staff, with the reason shown and given by the API
            let admin = Browser(app)
            try await admin.signIn()
            let revoked = try await admin.post("/en/staff/trainings/test-event/certificates/\(certificate.id!.uuidString.lowercased())/revoke",
                                               form: [("reason", "issued by mistake")], csrfFrom: "/en/staff/trainings/test-event")
            #expect(revoked.status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, path).body.string.contains("Revoked: issued by mistake"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/certificates/\(certificate.id!.uuidString.lowercased())")
            #expect((try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any])?["status"] as? String == "revoked")
            // the metric: the people who attended at least one session of an event starting in March 2027: persons 0 and 1
            let period = MetricPeriod(start: CalendarDate(2027, 3, 1)!, end: CalendarDate(2027, 3, 31)!)
            #expect(try await TrainingsMetrics.trained.values(period, [], app.db) == [MetricValue(2)])
            #expect(try await TrainingsMetrics.trained.values(period, ["gender"], app.db) == [MetricValue(1, ["gender": "female"]), MetricValue(1, ["gender": "male"])])
        }
    }

    @Test func theSelfCheckIsAnonymousAndTheCalendarExportsSessionsInUTC() async throws {
        try await withTestApp { app in
            _ = try await Self.event(app, capacity: 5)
            let browser = Browser(app)
            var answers = DigCompSelfAssessment.questionIDs.map { ("q-\($0)", "2") }
            let missing = try await browser.post("/en/self-check", form: Array(answers.dropFirst()) + [("country", "AL")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Choose one answer."))
            answers[0].1 = "3"
            let result = try await browser.post("/en/self-check", form: answers + [("country", "AL")])
            #expect(result.status == .ok)
            // 3 + 2 + 2 = 7 in the first area: advanced (7–9); 2 + 2 + 2 = 6 elsewhere: intermediate (4–6)
            #expect(result.body.string.contains("Advanced") && result.body.string.contains("Intermediate"))
            let stored = try #require(try await SelfCheck.query(on: app.db).first())
            #expect(stored.country == "AL" && stored.levels.hasPrefix("1:advanced;2:intermediate"))
            // Skopje is on CET (UTC+1) on 15 March 2027: 10:00 local is 09:00 UTC
            let ics = try await app.testing().sendRequest(.GET, "/en/trainings/calendar.ics").body.string
            #expect(ics.contains("DTSTART:20270315T090000Z") && ics.contains("DTEND:20270315T120000Z"))
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 3)
        }
    }
}

@Suite struct TrainingsCalendarTests {
    /// A published (or not) event starting on `day` in `country`, with two sessions.
    static func event(_ app: Application, slug: String, day: CalendarDate, country: String, published: Bool = true) async throws {
        let event = TrainingEvent()
        event.version = 0
        event.slug = slug
        event.series = ""
        event.title = LocalizedText([.en: slug])
        event.summary = LocalizedText([.en: "A test."])
        event.audience = "citizens"; event.level = "local"; event.topics = ";digital-skills;"; event.format = "in-person"; event.venue = "Library"
        event.country = country; event.town = "Town"; event.timeZone = "Europe/Skopje"; event.capacity = 10; event.languages = "en"; event.competences = "1.1"
        event.trainerName = "T."; event.isOpen = true; event.published = published; event.minAttendance = 80; event.passPercent = 0
        event.startsOn = day.iso
        event.month = String(day.iso.prefix(7))
        try await event.save(on: app.db)
        for position in 1...2 {
            let session = TrainingSession()
            session.eventID = try event.requireID()
            session.position = position
            session.day = day.adding(days: (position - 1) * 7).iso
            session.starts = "10:00"
            session.ends = "12:00"
            try await session.save(on: app.db)
        }
    }

    @Test func upcomingSoonestFirstAndPastPagedNewestFirstCountedWithTheFilters() async throws {
        try await withTestApp { app in
            let today = CalendarDate(2027, 1, 1)!
            // 25 past events, 1 to 25 November 2026; every fifth (days 1, 6, 11, 16, 21) in Albania, the rest in North Macedonia
            for index in 0..<25 {
                try await Self.event(app, slug: String(format: "past-%02d", index), day: CalendarDate(2026, 11, 1)!.adding(days: index),
                                     country: index % 5 == 0 ? "AL" : "MK")
            }
            // three coming events (one today, which counts as coming) and an unpublished one that no list shows
            try await Self.event(app, slug: "soon-b", day: CalendarDate(2027, 2, 10)!, country: "MK")
            try await Self.event(app, slug: "soon-a", day: today, country: "MK")
            try await Self.event(app, slug: "soon-c", day: CalendarDate(2027, 1, 20)!, country: "MK")
            try await Self.event(app, slug: "hidden", day: CalendarDate(2027, 1, 5)!, country: "MK", published: false)

            var query = TrainingsRoutes.CalendarQuery(Request(application: app, on: app.eventLoopGroup.next()))
            let first = try await TrainingsCalendar.page(query, today: today, on: app.db)
            #expect(first.upcomingTotal == 3)
            #expect(first.upcoming.map(\.slug) == ["soon-a", "soon-c", "soon-b"])
            #expect(first.pastTotal == 25)
            #expect(first.pastPages == 2)  // 20 per page: 20 + 5
            // newest first: 25 November (index 24) down to 6 November (index 5)
            #expect(first.past.map(\.slug) == (5...24).reversed().map { String(format: "past-%02d", $0) })
            #expect(first.sessionCounts.count == 23 && first.sessionCounts.values.allSatisfy { $0 == 2 })

            query.page = 2
            let second = try await TrainingsCalendar.page(query, today: today, on: app.db)
            #expect(second.past.map(\.slug) == ["past-04", "past-03", "past-02", "past-01", "past-00"])
            query.page = 99  // past the end: the last page
            #expect(try await TrainingsCalendar.page(query, today: today, on: app.db).page == 2)

            query.page = 1
            query.country = "AL"
            let albania = try await TrainingsCalendar.page(query, today: today, on: app.db)
            #expect(albania.upcomingTotal == 0 && albania.pastTotal == 5)
            #expect(albania.past.map(\.slug) == ["past-20", "past-15", "past-10", "past-05", "past-00"])
        }
    }

    @Test func aPageNumberThatIsNoNumberOrTooLargeIsTheFirstPage() async throws {
        try await withTestApp { app in
            for page in ["abc", "0", "-3", "99999999999999999999", "10001"] {
                let response = try await app.testing().sendRequest(.GET, "/en/trainings?page=\(page)")
                #expect(response.status == .ok)
            }
        }
    }
}
