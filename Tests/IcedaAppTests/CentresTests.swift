// The centres feature over HTTP and SQL: a case sent twice is stored once, paper sheets are all-or-nothing with
// file:line errors, the counters agree with the log, public figures hide small cells, operators see only their
// centre and their own follow-ups, appointments respect capacity, and the metrics count by hand-worked figures.
import Fluent
import Foundation
import Localization
import SQLKit
import Testing
import VaporTesting
@testable import Centres
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network

@Suite struct CentresTests {
    /// A centre run by a consortium partner, opened a year ago.
    static func centre(_ app: Application, municipality: String = "Shkodër", country: String = "AL", capacity: Int = 2,
                       latitude: Double? = 42.07, longitude: Double? = 19.51) async throws -> Centre {
        let partner = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "levizja-mjaft").first())
        let centre = Centre()
        centre.version = 1
        centre.slug = "centre-" + Slug.make(municipality)
        centre.name = "Help Desk \(municipality)"
        centre.organisationID = try partner.requireID()
        centre.grantReference = ""
        centre.country = country
        centre.municipality = municipality
        centre.area = ""
        centre.address = "Main street 1"
        centre.latitude = latitude
        centre.longitude = longitude
        centre.weekdays = "1,2,3,4,5"
        centre.opens = 9
        centre.closes = 12
        centre.slotCapacity = capacity
        centre.languages = "sq"
        centre.stepFree = true
        centre.signLanguage = false
        centre.easyRead = false
        centre.channels = "in-person,phone"
        centre.summary = LocalizedText()
        centre.openedOn = CalendarDate(utc: Date()).adding(days: -365).iso
        centre.closedOn = ""
        centre.yearlyTarget = 1_000
        try await centre.save(on: app.db)
        return centre
    }

    static func operatorOf(_ app: Application, _ centre: Centre, email: String) async throws -> Browser {
        let person = try await user(app, email, role: .member)
        try await CentreOperator(centreID: centre.requireID(), userID: person.requireID()).save(on: app.db)
        return try await signedIn(app, email)
    }

    static var today: CalendarDate { CalendarDate(utc: Date()) }

    static func checked(_ id: String, channel: String = "in-person", groups: [String] = [], day: CalendarDate = today) -> CheckedCase {
        CheckedCase(clientID: id, day: day, channel: channel, service: "", task: "certificate", outcome: "completed", blocker: "none",
                    ageBand: "45-64", gender: "female", groups: groups, firstTime: false, level: "national", followUp: false, flags: [])
    }

    static func clientID(in html: String) throws -> String {
        let range = try #require(html.range(of: #"name="client_id" value=""#))
        let rest = html[range.upperBound...]
        return String(rest[..<rest.firstIndex(of: "\"")!])
    }

    static func caseForm(_ clientID: String, _ extra: [(String, String)] = []) -> [(String, String)] {
        [("client_id", clientID), ("day", today.iso), ("channel", "phone"), ("task", "tax"), ("outcome", "completed"), ("blocker", "none"),
         ("age_band", "65-plus"), ("gender", "male"), ("groups[]", "elderly"), ("level", "national")] + extra
    }

    @Test func aCaseSentTwiceIsStoredOnce() async throws {
        try await withTestApp { app in
            let centre = try await Self.centre(app)
            let operatorBrowser = try await Self.operatorOf(app, centre, email: "operator@example.org")
            let form = try await operatorBrowser.get("/en/centres/\(centre.slug)/cases/new")
            #expect(form.status == .ok)
            let id = try Self.clientID(in: form.body.string)
            let first = try await operatorBrowser.post("/en/centres/\(centre.slug)/cases", form: Self.caseForm(id), csrfFrom: "/en/centres/\(centre.slug)/cases/new")
            #expect(first.status == .seeOther)
            // the form comes back with the day and channel kept for the next person in the queue
            #expect(first.headers.first(name: .location) == "/en/centres/\(centre.slug)/cases/new?channel=phone&day=\(Self.today.iso)")
            let again = try await operatorBrowser.post("/en/centres/\(centre.slug)/cases", form: Self.caseForm(id), csrfFrom: "/en/centres/\(centre.slug)/cases/new")
            #expect(again.status == .seeOther)
            #expect(try await AssistanceCase.query(on: app.db).count() == 1)
            let next = try await operatorBrowser.get(again.headers.first(name: .location)!)
            #expect(next.body.string.contains("This case was already saved"))
            let statistics = try await CentresData.statistics(centres: [centre.requireID()], from: "2000-01", to: "2100-12", on: app.db)
            #expect(statistics.total == 1)
            #expect(statistics.counts["group"] == ["elderly": 1])
        }
    }

    @Test func aRefusedCaseKeepsWhatWasTyped() async throws {
        try await withTestApp { app in
            let centre = try await Self.centre(app)
            let operatorBrowser = try await Self.operatorOf(app, centre, email: "operator@example.org")
            let response = try await operatorBrowser.post("/en/centres/\(centre.slug)/cases",
                                                          form: Self.caseForm("c-1").filter { $0.0 != "task" } + [("outcome", "not-completed"), ("follow_up", "1")],
                                                          csrfFrom: "/en/centres/\(centre.slug)/cases/new")
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            for message in ["Choose one.", "Enter a phone number or an e-mail address for the follow-up.", "A contact is kept only with the citizen"] {
                #expect(page.contains(message), "\(message)")
            }
            #expect(page.contains(#"value="65-plus" checked"#))
            #expect(try await AssistanceCase.query(on: app.db).count() == 0)
        }
    }

    @Test func aPaperSheetIsStoredWholeOrNotAtAll() async throws {
        try await withTestApp { app in
            let centre = try await Self.centre(app)
            let operatorBrowser = try await Self.operatorOf(app, centre, email: "operator@example.org")
            let day = Self.today.adding(days: -3).iso
            let bad = "date,channel,task,outcome\n\(day),phone,tax,completed\n\(day),in-person,health,partly\n\(day),carrier-pigeon,tax,completed\n"
            let refused = try await operatorBrowser.upload("/en/centres/\(centre.slug)/cases/upload", fileField: "file", fileName: "week.csv",
                                                           content: Array(bad.utf8), formPage: "/en/centres/\(centre.slug)/cases/upload")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("week.csv:4: Channel: \"carrier-pigeon\" is not one of the choices."))
            #expect(try await AssistanceCase.query(on: app.db).count() == 0)
            let good = "date,channel,task,outcome\n\(day),phone,tax,completed\n\(day),in-person,health,partly\n\(day),in-person,tax,completed\n"
            for _ in 1...2 {
                let stored = try await operatorBrowser.upload("/en/centres/\(centre.slug)/cases/upload", fileField: "file", fileName: "week.csv",
                                                              content: Array(good.utf8), formPage: "/en/centres/\(centre.slug)/cases/upload")
                #expect(stored.status == .seeOther)
            }
            // the same file twice: stored once (ids from the file's digest and the line)
            #expect(try await AssistanceCase.query(on: app.db).count() == 3)
            let statistics = try await CentresData.statistics(centres: [centre.requireID()], from: "2000-01", to: "2100-12", on: app.db)
            #expect(statistics.counts["channel"] == ["phone": 1, "in-person": 2])
        }
    }

    @Test func theCountersAgreeWithTheLog() async throws {
        try await withTestApp { app in
            let centre = try await Self.centre(app)
            let stored = try await CentresDemo.generate(for: centre, count: 700, from: Self.today.adding(days: -200), to: Self.today, seed: 9, on: app.db)
            #expect(stored == 700)
            let statistics = try await CentresData.statistics(centres: [centre.requireID()], from: "2000-01", to: "2100-12", on: app.db)
            let sql = try #require(app.db as? SQLDatabase)
            // counted again straight from the log, by an independent query per dimension
            for column in ["channel", "outcome", "task", "age_band", "gender"] {
                let rows = try await sql.raw("SELECT \(ident: column) AS code, COUNT(*) AS n FROM centre_cases GROUP BY \(ident: column)").all()
                var expected: [String: Int] = [:]
                for row in rows { expected[try row.decode(column: "code", as: String.self)] = try row.decode(column: "n", as: Int.self) }
                #expect(statistics.counts[column] == expected, "\(column)")
            }
            for (code, column) in CentresData.groupColumns {
                let n = try await sql.raw("SELECT COUNT(*) AS n FROM centre_cases WHERE \(ident: column) = 1").first()!.decode(column: "n", as: Int.self)
                #expect((statistics.counts["group"]?[code] ?? 0) == n, "\(code)")
            }
            let months = try await sql.raw("SELECT month, COUNT(*) AS n FROM centre_cases GROUP BY month").all()
            for row in months {
                #expect(statistics.byMonth[try row.decode(column: "month", as: String.self)] == (try row.decode(column: "n", as: Int.self)))
            }
            #expect(statistics.total == 700)
        }
    }

    @Test func publicFiguresHideSmallCellsAndOperatorsSeeThemWhole() async throws {
        try await withTestApp { app in
            let centre = try await Self.centre(app)
            // public figures cover closed months only: the cases are dated in the month before this one
            let lastMonth = Self.today.adding(days: -Self.today.day)
            let cases = (1...6).map { Self.checked("p\($0)", day: lastMonth) } + [Self.checked("p7", channel: "phone", day: lastMonth)]
            _ = try await CentresData.write(cases, centre: centre.requireID(), operator: nil, on: app.db)
            let page = try await app.testing().sendRequest(.GET, "/en/centres/\(centre.slug)").body.string
            // 7 in all is shown; the channels are 6 and 1: the 1 is hidden, and the 6 with it (7 − 1 would give it away)
            #expect(page.contains(#"<dt>Citizens assisted</dt><dd>7</dd>"#))
            // first-time users: 0 of 7, the pair (0, 7) hides nothing, and the figure comes from that pair
            #expect(page.contains(#"<dt>First-time users of e-services</dt><dd>0</dd>"#))
            // a case of this month is not on public pages yet (a running month would give single cases away)
            _ = try await CentresData.write([Self.checked("now")], centre: centre.requireID(), operator: nil, on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/en/centres/\(centre.slug)").body.string.contains(#"<dt>Citizens assisted</dt><dd>7</dd>"#))
            #expect(page.contains(#"<th scope="row">In person</th><td class="num">not shown</td>"#))
            #expect(page.contains(#"<th scope="row">Phone</th><td class="num">not shown</td>"#))
            let operatorBrowser = try await Self.operatorOf(app, centre, email: "operator@example.org")
            let dashboard = try await operatorBrowser.get("/en/centres/\(centre.slug)/dashboard").body.string
            // operators see this month too: 6 + the case of today
            #expect(dashboard.contains(#"<th scope="row">In person</th><td class="num">7</td>"#))
            #expect(dashboard.contains(#"<th scope="row">Phone</th><td class="num">1</td>"#))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/centres/statistics")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any])
            #expect(json["total"] as? Int == 7)
            let channels = try #require((json["breakdowns"] as? [String: Any])?["channel"] as? [[String: Any]])
            #expect(channels.map { $0["citizens"] as? Int } == [nil, nil, 0, 0])
        }
    }

    @Test func operatorsSeeOnlyTheirCentreAndContactsOnlyTheirOwner() async throws {
        try await withTestApp { app in
            let shkoder = try await Self.centre(app)
            let nis = try await Self.centre(app, municipality: "Niš", country: "RS", latitude: 43.32, longitude: 21.9)
            let visitor = try await app.testing().sendRequest(.GET, "/en/centres/\(shkoder.slug)/cases/new")
            #expect(visitor.status == .seeOther)
            #expect(visitor.headers.first(name: .location)?.hasPrefix("/en/sign-in?next=") == true)
            let other = try await Self.operatorOf(app, nis, email: "nis@example.org")
            #expect(try await other.get("/en/centres/\(shkoder.slug)/dashboard").status == .forbidden)
            #expect(try await other.get("/en/centres/\(shkoder.slug)/cases.csv").status == .forbidden)
            #expect(try await other.get("/en/centres/\(nis.slug)/dashboard").status == .ok)
            let owner = try await Self.operatorOf(app, shkoder, email: "shkoder@example.org")
            let saved = try await owner.post("/en/centres/\(shkoder.slug)/cases",
                                             form: Self.caseForm("f-1", [("follow_up", "1"), ("contact", "+355 69 000 1111"), ("consent", "1")]),
                                             csrfFrom: "/en/centres/\(shkoder.slug)/cases/new")
            #expect(saved.status == .seeOther)
            #expect(try await owner.get("/en/centres/\(shkoder.slug)/follow-ups").body.string.contains("+355 69 000 1111"))
            let admin = Browser(app)
            try await admin.signIn()
            #expect(try await admin.get("/en/centres/\(shkoder.slug)/dashboard").status == .ok)
            #expect(!(try await admin.get("/en/centres/\(shkoder.slug)/follow-ups").body.string.contains("+355 69 000 1111")))
            // the contact is deleted once its retention time (90 days by default) has passed, by the worker's periodic run
            try await CentresFeature().periodic(app, now: Date().addingTimeInterval(89 * 86_400))
            #expect(try await FollowUp.query(on: app.db).count() == 1)
            try await CentresFeature().periodic(app, now: Date().addingTimeInterval(92 * 86_400))
            #expect(try await FollowUp.query(on: app.db).count() == 0)
            #expect(try await AssistanceCase.query(on: app.db).count() == 1)
            // offboarding: a removed operator loses the centre, and their follow-ups go with their access
            let again = try await owner.post("/en/centres/\(shkoder.slug)/cases",
                                             form: Self.caseForm("f-2", [("follow_up", "1"), ("contact", "+355 69 000 2222"), ("consent", "1")]),
                                             csrfFrom: "/en/centres/\(shkoder.slug)/cases/new")
            #expect(again.status == .seeOther)
            let ownerID = try #require(try await User.query(on: app.db).filter(\.$email == "shkoder@example.org").first()?.requireID())
            let removed = try await admin.post("/en/staff/centres/\(shkoder.slug)/operators/\(ownerID.uuidString.lowercased())/remove", form: [],
                                               csrfFrom: "/en/staff/centres/\(shkoder.slug)/edit")
            #expect(removed.status == .seeOther)
            #expect(try await owner.get("/en/centres/\(shkoder.slug)/cases/new").status == .forbidden)
            #expect(try await FollowUp.query(on: app.db).count() == 0)
        }
    }

    @Test func appointmentsRespectTheSlotsCapacityAndCanBeCancelled() async throws {
        try await withTestApp { app in
            let centre = try await Self.centre(app, capacity: 1)
            var day = Self.today.adding(days: 1)
            while day.isoWeekday > 5 { day = day.adding(days: 1) }
            let form = [("day", day.iso), ("hour", "10"), ("name", "Drita"), ("contact", "+355 68 111 2222"), ("task", "health"), ("consent", "1")]
            let first = Browser(app)
            let booked = try await first.post("/en/centres/\(centre.slug)/book", form: form)
            #expect(booked.status == .seeOther)
            let appointmentPath = try #require(booked.headers.first(name: .location))
            #expect(try await first.get(appointmentPath).body.string.contains("Your visit is booked"))
            let second = Browser(app)
            let full = try await second.post("/en/centres/\(centre.slug)/book", form: form)
            #expect(full.status == .unprocessableEntity)
            #expect(full.body.string.contains("That time is fully booked"))
            #expect(full.body.string.contains(#"value="Drita""#))
            let cancelled = try await first.post(appointmentPath + "/cancel", form: [], csrfFrom: appointmentPath)
            #expect(cancelled.status == .seeOther)
            #expect(try await second.post("/en/centres/\(centre.slug)/book", form: form).status == .seeOther)
            // a phone number gets no e-mail; an e-mail address gets the confirmation with the cancel link, in the booker's language
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            var byMail = form
            byMail[1] = ("hour", "11")
            byMail[3] = ("contact", " Drita@Example.org ")
            let mailed = try await Browser(app).post("/sq/centres/\(centre.slug)/book", form: byMail)
            #expect(mailed.status == .seeOther)
            let message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.recipient == "drita@example.org" && message.locale == "sq")
            #expect(message.body.contains("/sq/centres/appointments/") && message.body.contains("11:00") && message.subject.contains(centre.name))
            // a Saturday, an hour outside the opening and an absurd hour are refused with a message, never a crash
            var saturday = Self.today.adding(days: 1)
            while saturday.isoWeekday != 6 { saturday = saturday.adding(days: 1) }
            let closed = try await Browser(app).post("/en/centres/\(centre.slug)/book", form: [("day", saturday.iso)] + form.dropFirst())
            #expect(closed.status == .unprocessableEntity && closed.body.string.contains("The centre is closed on that day."))
            let absurd = try await Browser(app).post("/en/centres/\(centre.slug)/book", form: [("day", day.iso), ("hour", "99999999999999999999")] + form.dropFirst(2))
            #expect(absurd.status == .unprocessableEntity)
            // a centre that takes no appointments has no booking form
            let noBooking = try await Self.centre(app, municipality: "Durrës", capacity: 0)
            let noForm = try await app.testing().sendRequest(.GET, "/en/centres/\(noBooking.slug)/book")
            #expect(noForm.status == .notFound, "\(noForm.status) \(noBooking.slug)")
        }
    }

    @Test func metricsCountCitizensByCountryAndGroup() async throws {
        try await withTestApp { app in
            let tirane = try await Self.centre(app, municipality: "Tiranë")
            let belgrade = try await Self.centre(app, municipality: "Beograd", country: "RS")
            _ = try await CentresData.write([Self.checked("a1", groups: ["elderly"]), Self.checked("a2", groups: ["elderly"]),
                                             Self.checked("a3", groups: ["elderly", "rural"])], centre: tirane.requireID(), operator: nil, on: app.db)
            _ = try await CentresData.write([Self.checked("b1", groups: ["rural"]), Self.checked("b2", channel: "phone")],
                                            centre: belgrade.requireID(), operator: nil, on: app.db)
            // a case outside the period does not count
            _ = try await CentresData.write([Self.checked("old", day: Self.today.adding(days: -40))], centre: belgrade.requireID(), operator: nil, on: app.db)
            let period = MetricPeriod(start: Self.today.adding(days: -7), end: Self.today)
            let metric = CentresMetrics.citizensAssisted
            #expect(try await metric.values(period, [], app.db) == [MetricValue(5)])
            #expect(try await metric.values(period, ["country"], app.db) == [MetricValue(3, ["country": "AL"]), MetricValue(2, ["country": "RS"])])
            // elderly: a1, a2, a3; rural: a3, b1
            #expect(try await metric.values(period, ["group"], app.db) == [MetricValue(3, ["group": "elderly"]), MetricValue(2, ["group": "rural"])])
            #expect(try await metric.values(period, ["country", "channel"], app.db) == [
                MetricValue(3, ["country": "AL", "channel": "in-person"]), MetricValue(1, ["country": "RS", "channel": "in-person"]),
                MetricValue(1, ["country": "RS", "channel": "phone"]),
            ])
            #expect(try await CentresMetrics.active.values(period, ["country"], app.db) == [MetricValue(1, ["country": "AL"]), MetricValue(1, ["country": "RS"])])
        }
    }

    @Test func theFinderForgivesAccentsAndScript() async throws {
        try await withTestApp { app in
            _ = try await Self.centre(app)
            _ = try await Self.centre(app, municipality: "Niš", country: "RS", latitude: 43.32, longitude: 21.9)
            let plain = try await app.testing().sendRequest(.GET, "/en/centres?q=shkoder").body.string
            #expect(plain.contains("Help Desk Shkodër") && !plain.contains("Help Desk Niš"))
            let cyrillic = try await app.testing().sendRequest(.GET, "/sr-Cyrl/centres?q=%D0%9D%D0%B8%D1%88").body.string // "Ниш"
            #expect(cyrillic.contains("Help Desk Niš") && !cyrillic.contains("Help Desk Shkodër"))
            let all = try await app.testing().sendRequest(.GET, "/en/centres?country=ZZ").body.string
            #expect(all.contains("Help Desk Niš") && all.contains("Help Desk Shkodër"))
        }
    }

    @Test func theOfficialSiteCheckAndTheAPIRefuseBadInputClearly() async throws {
        try await withTestApp { app in
            let check = try await app.testing().sendRequest(.GET, "/en/centres/check-link?url=https%3A%2F%2Fe-albania.al.login-secure.example%2F")
            #expect(check.status == .ok)
            #expect(check.body.string.contains("Careful: e-albania.al.login-secure.example imitates e-albania.al"))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/centres?country=al").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/centres/statistics?year=1999").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/centres/statistics?year=99999999999999999999999").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/en/centres/statistics?year=99999999999999999999999").status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/en/centres/no-such-centre").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/en/centres/appointments/forged-token").status == .notFound)
        }
    }
}
