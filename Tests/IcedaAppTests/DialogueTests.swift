// The dialogue over HTTP: a recommendation drafted by a member, published by staff, answered by the institution's
// focal point (and by nobody else), every change dated in the history; a forbidden change and a lost update
// refused with what was typed kept; evidence checked against the observatory; the tracker's filters, the
// institution's scorecard and the metrics, with expected values worked out by hand.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Dialogue
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network

@Suite struct DialogueTests {
    /// A public institution with a focal point, and a member of a consortium partner (Lëvizja Mjaft!).
    static func setUp(_ app: Application) async throws -> (institution: Organisation, focal: Browser, member: Browser) {
        let institution = Organisation()
        institution.slug = "demo-agency"
        institution.version = 1
        guard case .success(let valid) = OrganisationInput(name: "Demo Agency", kind: "public-institution", country: "AL", municipality: "Tiranë").validate() else {
            throw Abort(.internalServerError)
        }
        institution.apply(valid)
        try await institution.save(on: app.db)
        let focalUser = try await user(app, "focal@example.org", role: .member)
        try await OrganisationRole(userID: focalUser.requireID(), organisationID: institution.requireID(), role: .focalPoint).save(on: app.db)
        let memberUser = try await user(app, "member@example.org", role: .member)
        let partner = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "levizja-mjaft").first())
        try await OrganisationRole(userID: memberUser.requireID(), organisationID: partner.requireID(), role: .member).save(on: app.db)
        return (institution, try await signedIn(app, "focal@example.org"), try await signedIn(app, "member@example.org"))
    }

    static func draft(_ extra: [(String, String)] = []) -> [(String, String)] {
        [("title", "Open the civil registry certificates online"), ("text", "The certificates need a visit today."), ("country", "AL"),
         ("level", "national"), ("area", "e-services"), ("addressees[]", "demo-agency"), ("authors[]", "levizja-mjaft"), ("services", "4.1"),
         ("issued_on", "2026-01-05"), ("response_due", "2026-02-05")] + extra
    }

    @Test func fromDraftToAnswerWithEveryChangeDated() async throws {
        try await withTestApp { app in
            let (_, focal, member) = try await Self.setUp(app)
            let created = try await member.post("/en/dialogue/new", form: Self.draft())
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == "/en/dialogue/recommendations/REC-2026-001")
            let path = "/en/dialogue/recommendations/REC-2026-001"
            // a draft is not public, nor shown to the institution it will address
            #expect(try await app.testing().sendRequest(.GET, path).status == .notFound)
            #expect(try await focal.get(path).status == .notFound)
            // the member cannot publish (staff do): refused by the state machine, the note kept
            let refused = try await member.post(path + "/changes", form: [("event", "publish"), ("day", "2026-01-06"), ("source", "platform"), ("note", "please"), ("version", "0")], csrfFrom: path)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("please"))
            let admin = Browser(app)
            try await admin.signIn()
            #expect(try await admin.post(path + "/changes", form: [("event", "publish"), ("day", "2026-01-06"), ("source", "platform"), ("note", ""), ("version", "0")], csrfFrom: path).status == .seeOther)
            // the focal point answers for the institution; an answer needs its text
            let empty = try await focal.post(path + "/changes", form: [("event", "answer"), ("day", "2026-01-26"), ("source", "platform"), ("note", ""), ("version", "1")], csrfFrom: path)
            #expect(empty.status == .unprocessableEntity)
            #expect(try await focal.post(path + "/changes", form: [("event", "answer"), ("day", "2026-01-26"), ("source", "platform"), ("note", "We will do it by June."), ("version", "1")], csrfFrom: path).status == .seeOther)
            // a second answer from a stale form: the version moved on, 409, text kept
            let stale = try await admin.post(path + "/changes", form: [("event", "accept"), ("day", "2026-01-27"), ("source", "letter"), ("note", "signed letter"), ("version", "1")], csrfFrom: path)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("signed letter"))
            let page = try await app.testing().sendRequest(.GET, path).body.string
            #expect(page.contains("We will do it by June."))
            let recommendation = try #require(try await Recommendation.query(on: app.db).filter(\.$code == "REC-2026-001").first())
            #expect(recommendation.state == "answered" && recommendation.publishedOn == "2026-01-06" && recommendation.answeredOn == "2026-01-26")
            #expect(try await RecommendationChange.query(on: app.db).count() == 2)
            // someone who is neither staff, nor author, nor the institution's focal point cannot act
            _ = try await user(app, "other@example.org", role: .member)
            let other = try await signedIn(app, "other@example.org")
            #expect(try await other.post(path + "/changes", form: [("event", "accept"), ("day", "2026-01-27"), ("source", "platform"), ("version", "2")], csrfFrom: "/en/dialogue").status == .forbidden)
            // the scorecard: 1 addressed, 1 answered in 20 days (6 → 26 January)
            let card = try await app.testing().sendRequest(.GET, "/en/dialogue/institutions/demo-agency").body.string
            #expect(card.contains("<dt>Answered</dt><dd>1</dd>"))
            #expect(card.contains("20.0 days"))
        }
    }

    @Test func evidenceMustPointAtSomethingThatExists() async throws {
        try await withTestApp { app in
            let (_, _, member) = try await Self.setUp(app)
            _ = try await member.post("/en/dialogue/new", form: Self.draft())
            let path = "/en/dialogue/recommendations/REC-2026-001"
            let missing = try await member.post(path + "/evidence", form: [("kind", "benchmark-score"), ("edition", "1999"), ("country", "AL"), ("reference", "biennial/eID")], csrfFrom: path)
            #expect(missing.status == .seeOther)
            #expect(try await RecommendationEvidence.query(on: app.db).count() == 0)
            #expect(try await member.get(path).body.string.contains("1999 AL biennial/eID"))
            let document = try await member.post(path + "/evidence", form: [("kind", "document"), ("url", "https://example.org/report.pdf"), ("label", "Field report")], csrfFrom: path)
            #expect(document.status == .seeOther)
            #expect(try await member.get(path).body.string.contains(#"<a href="https://example.org/report.pdf" rel="nofollow noopener">Field report</a>"#))
        }
    }

    @Test func theTrackerFiltersAndTheMetricsCount() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            let added = try #require(try await DialogueDemo.seed(on: app.db))
            #expect(added == 40)
            // 36 published (the last four stay drafts); eight paths cycled over them: indexes 0…35
            let all = try await app.testing().sendRequest(.GET, "/api/v1/dialogue/recommendations")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(all.body.readableBytesView)) as? [String: Any])
            #expect(body["total"] as? Int == 36)
            // implemented: path 6 → indexes 6, 14, 22, 30 (four)
            let implemented = try await app.testing().sendRequest(.GET, "/api/v1/dialogue/recommendations?status=implemented")
            #expect((try JSONSerialization.jsonObject(with: Data(implemented.body.readableBytesView)) as? [String: Any])?["total"] as? Int == 4)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/dialogue/recommendations?status=draft").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/dialogue/recommendations?page=0").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/en/dialogue?page=99999999999999999999&year=abc").status == .ok)
            // the metric over the whole demo period: 36 published
            let period = MetricPeriod(start: CalendarDate(2020, 1, 1)!, end: CalendarDate(2030, 12, 31)!)
            #expect(try await DialogueMetrics.issued.values(period, [], app.db) == [MetricValue(36)])
            #expect(try await DialogueMetrics.implemented.values(period, [], app.db) == [MetricValue(4)])
            // accepted fully or partly (later implemented or not counts too): paths 3, 4, 6, 7 of every 8; 36 = 4 × 8 + 4,
            // so 4 × 4 from the full cycles and 1 (index 35, path 3) from the last four: 17
            #expect(try await DialogueMetrics.accepted.values(period, [], app.db) == [MetricValue(17)])
            #expect(try await app.testing().sendRequest(.GET, "/en/dialogue/feed.atom").headers.contentType?.description.hasPrefix("application/atom+xml") == true)
        }
    }
}
