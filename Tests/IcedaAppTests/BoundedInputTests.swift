// Client-supplied values are read into what the server can handle: numbers into bounded ranges (a page far beyond
// the last one, a forged version), redirect targets into our own pages, names into what cleaning keeps.
import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import IcedaApp
@testable import Kernel
@testable import Network

@Suite struct BoundedInputTests {
    @Test func hugePageNumbersAreClamped() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.signIn()
            // `page * 50` with this page overflowed Int64 before pages were bounded
            for page in ["200000000000000000", "9223372036854775807", "-5", "0", "abc", "1e9"] {
                #expect(try await admin.get("/en/staff/audit?page=\(page)").status == .ok, "audit page \(page)")
                #expect(try await app.testing().sendRequest(.GET, "/en/organisations?page=\(page)").status == .ok, "directory page \(page)")
                #expect(try await app.testing().sendRequest(.GET, "/en/grants/register?page=\(page)").status == .ok, "register page \(page)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
        }
    }

    @Test func formNumbersOutsideTheirRangeAreAbsent() async throws {
        try await withTestApp { app in
            let request = Request(application: app, method: .POST, url: "/", on: app.eventLoopGroup.next())
            request.headers.contentType = .urlEncodedForm
            try request.content.encode(["version": "9223372036854775807", "n": "42", "big": "99999999999999999999999"], as: .urlEncodedForm)
            #expect(request.formVersion() == -1)
            #expect(request.formInt("n", in: 0...100) == 42)
            #expect(request.formInt("n", in: 0...10) == nil)
            #expect(request.formInt("big", in: 0...Int.max) == nil)
            #expect(request.formInt("missing", in: 0...10) == nil)
        }
    }
}

@Suite struct SafeNextTests {
    /// Where sign-in may send the browser afterwards: only our own pages in one of our locales.
    @Test func onlyLocalPagesInALocaleAreFollowed() {
        let fallback = "/en/account"
        for accepted in ["/en/grants", "/sq/staff/grants/applications?call=iceda-sg-2026&page=2", "/sr-Cyrl/", "/mk", "/en/organisations#list"] {
            #expect(AuthRoutes.safeNext(accepted, locale: .en) == accepted, "\(accepted)")
        }
        for refused in ["/%09/evil.example/x", "//evil.example", "/\t/evil.example", "https://evil.example/en/", "/en/%2F%2Fevil.example",
                        "/\\evil.example", "/xx/grants", "/grants", "", "en/grants", "/en/ grants", "/en/\u{202E}", "/%2Fevil.example", "/en/%5Cx"] {
            #expect(AuthRoutes.safeNext(refused, locale: .en) == fallback, "\(refused.debugDescription)")
        }
        #expect(AuthRoutes.safeNext(nil, locale: .sq) == "/sq/account")
    }
}

@Suite struct CleaningContractTests {
    /// A name the API's schema accepts must not be empty once cleaned: schemathesis sent "\u{00AD}" (a soft hyphen,
    /// removed by cleaning), which the schema allowed and the server refused.
    @Test func theNamePatternRefusesWhatCleaningRemoves() {
        for invisible in ["\u{00AD}", "\u{200B}", "\u{202E}", "\u{FEFF}", " \u{2060} ", "\u{0085}", "\t"] {
            #expect(!OrganisationSchema.matches(invisible, OrganisationSchema.somethingVisible), "\(invisible.debugDescription)")
            #expect(FormText.line(invisible).isEmpty, "\(invisible.debugDescription)")
        }
        for visible in ["a", " Ёж ", "Lëvizja Mjaft!", "35mm", "\u{00AD}x"] {
            #expect(OrganisationSchema.matches(visible, OrganisationSchema.somethingVisible), "\(visible.debugDescription)")
            #expect(!FormText.line(visible).isEmpty, "\(visible.debugDescription)")
        }
        #expect(FormText.line("ab\u{202E}fdp.exe") == "abfdp.exe")
        #expect(FormText.text(" line one\r\nline two\u{200B} ") == "line one\nline two")
    }

    @Test func anInvisibleNameIsRefusedByTheSchemaCheck() async throws {
        try await withTestApp { app in
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@example.org").first())
            let token = "test-token-value"
            try await APIToken(userID: admin.requireID(), tokenHash: SecureToken.sha256(token), label: "test").save(on: app.db)
            let headers: HTTPHeaders = ["Content-Type": "application/json", "Authorization": "Bearer \(token)"]
            let body = #"{"name": "\u00ad", "kind": "partner", "country": "LI", "website": "", "focusAreas": ["ai"]}"#
            let response = try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("OrganisationInput schema"))
        }
    }
}
