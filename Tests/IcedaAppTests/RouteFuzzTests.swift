// Issue 9, beyond the list: every registered route, for a visitor and for an admin, with boundary values in every
// query parameter it might read and in every form field name found on the platform's pages. Nothing may answer
// 5xx, and the server must still answer afterwards (a Swift overflow trap stops the whole test process, so a
// regression of item 1 fails this suite loudly).
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Network

@Suite struct RouteFuzzTests {
    /// What a client can send where a number is expected. Each is written as it goes on the wire (already
    /// URL-encoded): `%FF%FE` is not UTF-8 once decoded.
    static let boundaries = ["-1", "0", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                             "1e308", "NaN", "", String(repeating: "9", count: 10_000), "%FF%FE", "1%2C5", "0x10"]

    /// Query parameters that some list, page or API reads.
    static let queryNames = ["page", "per_page", "size", "limit", "offset", "year", "sort", "order", "q", "country", "wave", "edition",
                             "call", "lot", "status", "state", "kind", "focus", "municipality", "from", "to", "locale", "format", "next"]

    /// Routes that end the session being fuzzed: posting boundary values there would only sign the admin out.
    static let skipped: Set<String> = ["/:locale/sign-out", "/:locale/sign-out-everywhere"]

    @Test func noRouteAnswers5xxToBoundaryValues() async throws {
        try await withCycleDemo { app in
            let samples = try await Self.parameterSamples(app)
            let routes = app.routes.all.filter { $0.method == .GET || $0.method == .POST }
            func path(_ route: Route) -> String {
                "/" + route.path.map { component -> String in
                    switch component {
                    case .constant(let text): return text
                    case .parameter(let name): return samples[name] ?? UUID().uuidString.lowercased()
                    case .anything, .catchall: return "x"
                    }
                }.joined(separator: "/")
            }
            func pattern(_ route: Route) -> String { "/" + route.path.map(\.description).joined(separator: "/") }

            let admin = Browser(app)
            try await admin.signIn()
            // Every field name of every page the admin can open, so that forms are fuzzed with their real names.
            var fieldNames = Set<String>()
            for route in routes where route.method == .GET {
                let page = try await admin.get(path(route))
                #expect(page.status.code < 500, "GET \(path(route)) answered \(page.status.code)")
                for match in page.body.string.matches(of: #/name="([a-zA-Z0-9_\-\[\]]{1,60})"/#) { fieldNames.insert(String(match.output.1)) }
            }
            fieldNames.remove("_csrf")
            #expect(fieldNames.count > 50, "only \(fieldNames.count) field names found")
            let fields = fieldNames.sorted().prefix(900)

            var failures: [String] = []
            var histogram: [UInt: Int] = [:]
            for visitor in [false, true] {
                let browser = visitor ? Browser(app) : admin
                if visitor { _ = try await browser.get("/en/sign-in") } // a session, so that forms pass CSRF and reach the handler
                let token = try #require(Browser.csrfToken(in: try await browser.get(visitor ? "/en/sign-in" : "/en/account").body.string))
                for route in routes where !Self.skipped.contains(pattern(route)) {
                    for value in Self.boundaries {
                        let target = path(route)
                        let response: TestingHTTPResponse
                        var headers = HTTPHeaders()
                        if let cookie = browser.cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
                        if route.method == .GET {
                            let query = Self.queryNames.map { "\($0)=\(value)" }.joined(separator: "&")
                            response = try await app.testing().sendRequest(.GET, target + "?" + query, headers: headers)
                        } else {
                            headers.contentType = .urlEncodedForm
                            let body = (fields.map { "\($0)=\(value)" } + ["_csrf=\(token)"]).joined(separator: "&")
                            response = try await app.testing().sendRequest(.POST, target, headers: headers, body: ByteBuffer(string: body))
                        }
                        histogram[response.status.code, default: 0] += 1
                        if response.status.code >= 500 {
                            failures.append("\(visitor ? "visitor" : "admin") \(route.method) \(target) value \(value.prefix(24)): \(response.status.code)")
                        }
                    }
                }
            }
            #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) answers were 5xx:\n" + failures.prefix(40).joined(separator: "\n")))
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
            // The values reached handlers, not only the router: pages rendered, forms refused or redirected.
            #expect((histogram[200] ?? 0) > 1_000 && (histogram[303] ?? 0) > 1_000 && (histogram[422] ?? 0) > 100)
        }
    }

    /// A real value for each route parameter where the demo has one (so that handlers get past their lookup and
    /// read the fuzzed fields); other parameters get a random UUID.
    static func parameterSamples(_ app: Application) async throws -> [String: String] {
        var samples: [String: String] = ["locale": "en", "slug": "crta", "code": GrantsCycleSeed.openCallCode, "country": "AL", "token": "x", "phase": "pre"]
        if let application = try await GrantApplication.query(on: app.db).filter(\.$stateRaw == "draft").first() {
            samples["application"] = application.id?.uuidString.lowercased()
        }
        if let grant = try await Grant.query(on: app.db).first() { samples["grant"] = grant.id?.uuidString.lowercased() }
        if let review = try await GrantReview.query(on: app.db).first() { samples["review"] = review.id?.uuidString.lowercased() }
        if let user = try await User.query(on: app.db).first() { samples["user"] = user.id?.uuidString.lowercased() }
        return samples
    }
}
