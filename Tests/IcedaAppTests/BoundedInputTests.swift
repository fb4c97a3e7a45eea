// Numbers from the query string are read into a bounded range: a page far beyond the last one is the last
// page's neighbourhood, never an overflow that stops the process.
import Foundation
import Testing
import VaporTesting
@testable import IcedaApp
@testable import Kernel

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
