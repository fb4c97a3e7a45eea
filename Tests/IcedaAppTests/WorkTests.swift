// Each role's waiting work on the account page, where signing in leads: gathered from the features.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Centres
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Network
@testable import Trainings

@Suite struct WorkTests {
    @Test func aVisitorWhoStartsAnApplicationCanSignInOrRegisterTheOrganisation() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            _ = try await GrantsSeed.seedDemo(on: app.db)
            let page = try await app.testing().sendRequest(.GET, "/sq/grants/calls/iceda-sg-2020/apply")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"href="/sq/sign-in?next=/sq/grants/calls/iceda-sg-2020/apply""#))
            #expect(html.contains(#"href="/sq/grants/register-organisation""#) && html.contains("Regjistroni organizatën tuaj"))
        }
    }

    @Test func theAccountPageListsEachRolesWaitingWork() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.signIn()
            #expect(try await admin.get("/en/account").body.string.contains("Nothing is waiting for you at the moment."))
            // a network organisation reports a session: staff have one to approve
            let partner = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "levizja-mjaft").first())
            let session = OutreachSession()
            session.organisationID = try partner.requireID()
            session.day = "2026-11-20"
            session.country = "AL"
            session.town = "Elbasan"
            session.topic = "online-safety"
            (session.women, session.men, session.otherGender, session.youth, session.adults, session.older) = (3, 2, 0, 0, 0, 0)
            (session.groups, session.summary, session.evidence, session.state, session.decisionNote) = ("", "", "", "pending", "")
            try await session.create(on: app.db)
            let page = try await admin.get("/en/account").body.string
            #expect(page.contains(#"<a href="/en/staff/outreach">1 session reported by a network organisation to approve</a>"#))
            // a centre's operator: the centre's case form; a promised follow-up is counted
            let centre = try await CentresTests.centre(app)
            let operatorBrowser = try await CentresTests.operatorOf(app, centre, email: "operator@example.org")
            let operatorPage = try await operatorBrowser.get("/en/account").body.string
            #expect(operatorPage.contains("Help Desk Shkodër: log a case") && !operatorPage.contains("to approve"))
            // in Serbian, two waiting sessions take the "few" form
            let second = OutreachSession()
            second.organisationID = session.organisationID
            (second.day, second.country, second.town, second.topic) = ("2026-11-21", "AL", "Berat", "privacy")
            (second.women, second.men, second.otherGender, second.youth, second.adults, second.older) = (1, 1, 0, 0, 0, 0)
            (second.groups, second.summary, second.evidence, second.state, second.decisionNote) = ("", "", "", "pending", "")
            try await second.create(on: app.db)
            #expect(try await admin.get("/sr-Latn/account").body.string.contains("2 sesije koje su prijavile organizacije iz mreže čekaju odobrenje"))
        }
    }
}
