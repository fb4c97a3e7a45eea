import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

@Suite struct DirectoryPageTests {
    @Test func theSixConsortiumPartnersAreSeeded() async throws {
        try await withTestApp { app in
            let partners = try await Organisation.query(on: app.db).filter(\.$kind == .partner).all()
            #expect(Set(partners.map(\.countryCode)) == ["MK", "EE", "RS", "ME", "XK", "AL"])
            // seeding again adds nothing
            try await NetworkSeed.seedReference(on: app.db)
            #expect(try await Organisation.query(on: app.db).count() == 6)
        }
    }

    @Test func filtersSearchAndProfile() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/en/organisations?country=MK") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Metamorphosis Foundation"))
                #expect(!response.body.string.contains("Open Data Kosovo"))
                #expect(response.body.string.contains("1 organisation found."))
            }
            try await app.testing().test(.GET, "/en/organisations?q=MJAFT") { response in
                #expect(response.body.string.contains("Lëvizja Mjaft!"))
                #expect(response.body.string.contains("1 organisation found."))
            }
            // accents and script do not matter: "levizja" finds Lëvizja, "тирана" (Cyrillic) finds Tiranë, "beograd" CRTA's town
            for query in ["levizja", "%D1%82%D0%B8%D1%80%D0%B0%D0%BD", "TIRANE"] {
                try await app.testing().test(.GET, "/en/organisations?q=\(query)") { response in
                    #expect(response.body.string.contains("Lëvizja Mjaft!"), "\(query)")
                    #expect(response.body.string.contains("1 organisation found."), "\(query)")
                }
            }
            try await app.testing().test(.GET, "/en/organisations?q=%D0%91%D0%B5%D0%BE%D0%B3%D1%80%D0%B0%D0%B4") { response in // "Београд"
                #expect(response.body.string.contains(">CRTA<"))
            }
            try await app.testing().test(.GET, "/en/organisations?focus=open-data&sort=-name") { response in
                let body = response.body.string
                // open-data partners: e-Governance Academy, CRTA, Open Data Kosovo; descending by name
                let kosovo = try #require(body.range(of: "Open Data Kosovo")).lowerBound
                let academy = try #require(body.range(of: "e-Governance Academy")).lowerBound
                let crta = try #require(body.range(of: ">CRTA<")).lowerBound
                #expect(kosovo < academy && academy < crta)
                #expect(body.contains("3 organisations found."))
            }
            // unknown filter values are ignored, not errors
            try await app.testing().test(.GET, "/en/organisations?country=ZZ&kind=nope&page=-4&sort=evil") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("6 organisations found."))
            }
            try await app.testing().test(.GET, "/sq/organisations/levizja-mjaft") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Partner i konsorciumit në Shqipëri."))
            }
            try await app.testing().test(.GET, "/en/organisations/no-such-org") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func csvAndJSONExports() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/organisations.csv?country=XK") { response in
                #expect(response.status == .ok)
                let lines = response.body.string.split(separator: "\r\n")
                #expect(lines.first == "name,kind,country,municipality,website,email,focus_areas,description_en,description_sq,description_mk,description_sr-Latn,description_sr-Cyrl")
                #expect(lines.count == 2)
                #expect(lines[1].hasPrefix("Open Data Kosovo,partner,XK,Prishtinë,https://opendatakosovo.org,,open-data;e-government;digital-literacy,"))
            }
            try await app.testing().test(.GET, "/api/v1/organisations?per_page=2&page=2") { response in
                struct Page: Decodable { var items: [OrganisationDTO]; var page: Int; var perPage: Int; var total: Int }
                let page = try response.content.decode(Page.self)
                #expect(page.total == 6 && page.items.count == 2 && page.page == 2 && page.perPage == 2)
            }
        }
    }
}

@Suite struct StaffEditingTests {
    @Test func staffPagesNeedSignIn() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/en/staff/organisations/new") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/en/sign-in?next=") == true)
            }
        }
    }

    @Test func invalidFormKeepsWhatWasTypedAndSaysWhatIsWrong() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let response = try await browser.post("/en/staff/organisations/new", form: [
                ("name", "Qendra <b>Digjitale</b>"), ("kind", "alien"), ("country", "MK"), ("website", "not a url"),
                ("description_sq", "Përshkrim i ruajtur"),
            ])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains(#"value="Qendra &lt;b&gt;Digjitale&lt;/b&gt;""#))
            #expect(body.contains("Përshkrim i ruajtur"))
            #expect(body.contains(##"<a href="#f-kind">"##))
            #expect(body.contains(##"<a href="#f-website">"##))
            #expect(try await Organisation.query(on: app.db).count() == 6)
        }
    }

    @Test func createThenEditWithOptimisticLocking() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let created = try await browser.post("/en/staff/organisations/new", form: [
                ("name", "Qendra Digjitale Tetovo"), ("kind", "cso"), ("country", "mk"), ("municipality", "Tetovo"),
                ("website", "qendra.example.org"), ("focus_areas[]", "e-government"), ("focus_areas[]", "accessibility"),
            ], csrfFrom: "/en/staff/organisations/new")
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == "/en/organisations/qendra-digjitale-tetovo")
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "qendra-digjitale-tetovo").first())
            #expect(organisation.website == "https://qendra.example.org")
            #expect(organisation.focusAreas == [.eGovernment, .accessibility])
            #expect(organisation.version == 1)

            // a second editor saves first; the first editor's stale form is refused with 409 and keeps the text
            let editPath = "/en/staff/organisations/qendra-digjitale-tetovo/edit"
            let first = try await browser.post(editPath, form: [("name", "Qendra Digjitale Tetovo"), ("kind", "cso"), ("country", "MK"), ("version", "1")])
            #expect(first.status == .seeOther)
            let stale = try await browser.post(editPath, form: [("name", "Stale edit"), ("kind", "cso"), ("country", "MK"), ("version", "1")])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains(#"value="Stale edit""#))
            let reloaded = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "qendra-digjitale-tetovo").first())
            #expect(reloaded.version == 2)
            #expect(reloaded.name == "Qendra Digjitale Tetovo")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ "organisation.").all()
            #expect(audit.map(\.action).sorted() == ["organisation.create", "organisation.update"])
        }
    }

    @Test func injectionStringsAreStoredAsTextAndEscaped() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let hostile = "'; DROP TABLE organisations; -- <script>alert(1)</script>"
            let response = try await browser.post("/en/staff/organisations/new", form: [("name", hostile), ("kind", "media"), ("country", "RS")])
            #expect(response.status == .seeOther)
            let page = try await browser.get(try #require(response.headers.first(name: .location)))
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.string.contains("<script>alert(1)"))
            #expect(try await Organisation.query(on: app.db).count() == 7)
        }
    }
}

@Suite struct CSVImportTests {
    static let valid = #"""
    name,kind,country,municipality,website,focus_areas,description_en
    Qendra për Informim,cso,AL,Shkodër,https://qendra.example.org,e-government;open-data,"Helps citizens, also with ""e-Albania"""
    Roma Digital Inclusion,cso,RS,Niš,,digital-literacy,

    """#

    @Test func aValidFileIsImportedAndReimportChangesNothing() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let first = try await browser.upload("/en/staff/organisations/import", fileField: "file", fileName: "orgs.csv",
                                                 content: Array(Self.valid.utf8), formPage: "/en/staff/organisations/import")
            #expect(first.status == .seeOther)
            #expect(try await Organisation.query(on: app.db).count() == 8)
            let imported = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "qendra-per-informim").first())
            #expect(imported.summary[.en] == #"Helps citizens, also with "e-Albania""#)
            let page = try await browser.get("/en/organisations")
            #expect(page.body.string.contains("orgs.csv imported: 2 new, 0 updated."))

            _ = try await browser.upload("/en/staff/organisations/import", fileField: "file", fileName: "orgs.csv",
                                         content: Array(Self.valid.utf8), formPage: "/en/staff/organisations/import")
            let again = try await browser.get("/en/organisations")
            #expect(again.body.string.contains("orgs.csv imported: 0 new, 0 updated."))
            #expect(try await Organisation.query(on: app.db).count() == 8)
        }
    }

    @Test(arguments: [
        ("kind,country\ncso,AL\n", "bad.csv:1: the required column “name” is missing"),
        ("name,kind,country,colour\nA,cso,AL,red\n", "bad.csv:1: the column “colour” is not known"),
        ("name,kind,country\nGood,cso,AL\nBad,cso,QQ\n", "bad.csv:3: country: “QQ” is not a country code the platform knows"),
        ("name,kind,country\nSame,cso,AL\nSame,cso,AL\n", "bad.csv:3: the same organisation is already on line 2"),
        ("name,kind,country\nA,cso\n", "bad.csv:2: the row has 2 fields, the header has 3"),
        ("name,kind,country\n\"Open,cso,AL\n", "bad.csv:2: the file is not valid CSV"),
        ("name,kind,country\n", "bad.csv:1: the file has a header but no rows"),
        ("name,kind,country\nMulti\nline,cso,AL\nX,cso,ZZ\n", "bad.csv:4: country:"),
    ])
    func brokenFilesWriteNothingAndSayWhere(_ content: String, _ expected: String) async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let response = try await browser.upload("/en/staff/organisations/import", fileField: "file", fileName: "bad.csv",
                                                    content: Array(content.utf8), formPage: "/en/staff/organisations/import")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(expected), "\(response.body.string.components(separatedBy: "import-errors").last?.prefix(400) ?? "")")
            #expect(try await Organisation.query(on: app.db).count() == 6)
        }
    }

    @Test func wrongEncodingIsRefusedWithItsLine() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            // "Shkodër" in Windows-1252: ë is the single byte 0xEB, which is not UTF-8
            var bytes = Array("name,kind,country,municipality\nA,cso,AL,Tirana\nB,cso,AL,Shkod".utf8)
            bytes += [0xEB, 0x72, 0x0A]
            let response = try await browser.upload("/en/staff/organisations/import", fileField: "file", fileName: "latin1.csv",
                                                    content: bytes, formPage: "/en/staff/organisations/import")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("latin1.csv:3: the file is not UTF-8 text"))
        }
    }

    @Test func oversizedUploadIs413() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let big = [UInt8](repeating: 0x41, count: 11 * 1024 * 1024)
            let response = try await browser.upload("/en/staff/organisations/import", fileField: "file", fileName: "big.csv",
                                                    content: big, formPage: "/en/staff/organisations/import")
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("<html lang=\"en\">"))
        }
    }

    @Test func exportCanBeImportedAgainUnchanged() throws {
        let organisation = Organisation()
        organisation.slug = "x"
        organisation.version = 1
        organisation.apply(try OrganisationInput(name: "=cmd|' /C calc'!A0", kind: "media", country: "BA", municipality: "Mostar, Stari grad",
                                                 focusAreas: ["privacy"], description: ["en": "Line one\nline \"two\""]).validate().get())
        let csv = OrganisationCSV.export([organisation])
        #expect(csv.contains("\r\n'=cmd|' /C calc'!A0,media,BA,\"Mostar, Stari grad\","))
        let rows = try OrganisationCSV.parse(Array(csv.utf8), fileName: "e.csv", t: .init(locale: .en)).get()
        #expect(rows.count == 1)
        #expect(rows[0].input.name == "=cmd|' /C calc'!A0")
        #expect(rows[0].input.municipality == "Mostar, Stari grad")
        #expect(rows[0].input.description[.en] == "Line one\nline \"two\"")
    }
}

@Suite struct OrganisationPeopleTests {
    @Test func contactsNeedConsentAndWithdrawalDeletesThem() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let path = "/en/staff/organisations/crta/people"
            let refused = try await browser.post(path, form: [("name", "Ana Anić"), ("position", "Director"), ("scope", "public-listing")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Confirm that the person has given consent"))
            #expect(refused.body.string.contains(#"value="Ana Anić""#))
            let added = try await browser.post(path, form: [("name", "Ana Anić"), ("position", "Director"), ("scope", "public-listing"), ("consent[]", "yes")])
            #expect(added.status == .seeOther)
            let profile = try await app.testing().sendRequest(.GET, "/en/organisations/crta")
            #expect(profile.body.string.contains("Ana Anić, Director"))
            let person = try #require(try await Person.query(on: app.db).first())
            let withdrawn = try await browser.post("\(path)/\(person.id!.uuidString.lowercased())/withdraw", form: [], csrfFrom: path)
            #expect(withdrawn.status == .seeOther)
            #expect(try await Person.query(on: app.db).count() == 0)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "person.consent_withdrawn").all()
            #expect(audit.count == 1 && !(audit[0].after ?? "").contains("Ana"))
        }
    }

    @Test func anInvitedMemberMayEditOnlyTheirOrganisation() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            try await staff.signIn()
            let invited = try await staff.post("/en/staff/organisations/crta/people/editors", form: [("editor_email", "member@crta.example.org"), ("editor_name", "Member")],
                                               csrfFrom: "/en/staff/organisations/crta/people")
            #expect(invited.status == .seeOther)
            // the invitation link from the outbox sets the password and signs in
            let body = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "member@crta.example.org").first()?.body)
            let line = try #require(body.split(separator: "\n").first { $0.contains("/invitation/") })
            let path = String(line[line.range(of: "/en/invitation/")!.lowerBound...])
            let member = Browser(app)
            let accepted = try await member.post(path, form: [("password", "member-password-1"), ("confirm", "member-password-1")])
            #expect(accepted.status == .seeOther)
            #expect(try await member.get("/en/staff/organisations/crta/edit").status == .ok)
            #expect(try await member.get("/en/staff/organisations/ngo-35mm/edit").status == .forbidden)
            #expect(try await member.get("/en/staff/organisations/new").status == .forbidden)
        }
    }
}

@Suite struct MembershipTests {
    @Test func staffRecordMembershipsWithDatesAndBadDatesAreExplained() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.signIn()
            let path = "/en/staff/organisations/crta/people/memberships"
            let page = "/en/staff/organisations/crta/people"
            let bad = try await browser.post(path, form: [("network", "Digital Rights Network"), ("joined_on", "2024-02-30"), ("left_on", "2023-01-01")], csrfFrom: page)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Enter a date such as 2020-02-01"))
            #expect(bad.body.string.contains(#"value="Digital Rights Network""#))
            let reversed = try await browser.post(path, form: [("network", "X"), ("joined_on", "2024-02-01"), ("left_on", "2023-01-01")], csrfFrom: page)
            #expect(reversed.body.string.contains("The end of the membership must be after its start"))
            let good = try await browser.post(path, form: [("network", "Digital Rights Network"), ("joined_on", "2024-02-29"), ("left_on", "")], csrfFrom: page)
            #expect(good.status == .seeOther)
            let profile = try await app.testing().sendRequest(.GET, "/en/organisations/crta")
            #expect(profile.body.string.contains("Digital Rights Network member since 29 February 2024"))
        }
    }
}
