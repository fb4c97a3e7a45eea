// Citizen guides: the common problems come from the centres' counters for the guide's e-service (counts under 5 left
// out), the official link must be on the country's official domains, and a guide keeps its other languages when
// edited in one; two editors at once do not overwrite each other. Also: a case's e-service is named with its life
// event, since the benchmark numbers services within each life event.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Centres
@testable import IcedaApp
@testable import Kernel
@testable import Localization
@testable import Methods
@testable import Observatory

@Suite struct GuidesTests {
    @Test func aGuideShowsTheCentresMostCommonProblemsForItsService() async throws {
        try await withTestApp { app in
            let centre = try await CentresTests.centre(app)
            // last month: 6 citizens stopped by a missing eID and 3 by a portal error for the birth certificate, 7 by
            // a missing eID for another service
            let lastMonth = CalendarDate(utc: Date()).adding(days: -(CalendarDate(utc: Date()).day + 3))
            func item(_ id: String, service: String, blocker: String) -> CheckedCase {
                var value = CentresTests.checked(id, day: lastMonth)
                value.service = service
                value.blocker = blocker
                return value
            }
            var cases = (0..<6).map { item("e\($0)", service: "family/3.2", blocker: "no-eid") }
            cases += (0..<3).map { item("p\($0)", service: "family/3.2", blocker: "portal-error") }
            cases += (0..<7).map { item("o\($0)", service: "family/3.1", blocker: "no-eid") }
            _ = try await CentresData.write(cases, centre: centre.requireID(), operator: nil, on: app.db)
            #expect(try await GuideRoutes.commonProblems(service: "family/3.2", country: "AL", on: app.db).map { "\($0.blocker)=\($0.count)" } == ["no-eid=6"])
            // staff write a guide in English; a link that only looks official is refused, with the text kept
            let admin = Browser(app)
            try await admin.signIn()
            var form = [("country", "AL"), ("service", ""), ("title", "Birth certificate"), ("summary", ""), ("needs", "An account\nYour ID"),
                        ("steps", "Open the portal\nSign in"), ("fees", "Free"), ("official_url", "https://e-albania.al.example.com/"), ("published", "1"),
                        ("version", "0")]
            let refused = try await admin.post("/en/staff/guides/new", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("official e-government domain") && refused.body.string.contains("Open the portal"))
            // an address without https:// (it would be a relative link on the page) is refused too
            form[7] = ("official_url", "e-albania.al/x")
            #expect(try await admin.post("/en/staff/guides/new", form: form).status == .unprocessableEntity)
            form[7] = ("official_url", "https://e-albania.al/")
            #expect(try await admin.post("/en/staff/guides/new", form: form).status == .seeOther)
            let guide = try #require(try await CitizenGuide.query(on: app.db).first())
            guide.service = "family/3.2"
            try await guide.save(on: app.db)
            let page = try await app.testing().sendRequest(.GET, "/en/guides/\(guide.slug)").body.string
            #expect(page.contains("No electronic ID"))
            #expect(page.contains("6 citizens in the last twelve months") && !page.contains("3 citizens"))
            #expect(page.contains("<li>Open the portal</li>") && page.contains(centre.name))
            // written again in Albanian: the English text stays
            let edit = "/sq/staff/guides/\(guide.slug)/edit"
            var albanian = form
            albanian[2] = ("title", "Certifikata e lindjes")
            albanian[5] = ("steps", "Hapni portalin")
            albanian[1] = ("service", "")
            albanian[9] = ("version", "0")
            #expect(try await admin.post(edit, form: albanian).status == .seeOther)
            let saved = try #require(try await CitizenGuide.find(guide.requireID(), on: app.db))
            #expect(saved.title[.en] == "Birth certificate" && saved.title[.sq] == "Certifikata e lindjes" && saved.version == 1)
            // a form read before that save (version 0) no longer saves: 422 with the text kept, nothing overwritten
            albanian[2] = ("title", "Another title")
            let stale = try await admin.post(edit, form: albanian)
            #expect(stale.status == .unprocessableEntity && stale.body.string.contains("Another title"))
            #expect(try await CitizenGuide.find(guide.requireID(), on: app.db)?.title[.sq] == "Certifikata e lindjes")
        }
    }

    @Test func serviceCodesNameTheLifeEvent() {
        #expect(ServiceCatalogue.Entry(number: "3.2", label: "3.2 Obtain birth certificate", lifeEvent: "family").code == "family/3.2")
        #expect(ServiceCatalogue.parts(of: "family/3.2")! == ("family", "3.2"))
        #expect(ServiceCatalogue.parts(of: "3.2") == nil && ServiceCatalogue.parts(of: "/3.2") == nil)
    }
}
