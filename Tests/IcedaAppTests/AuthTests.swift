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

@Suite struct AuthTests {
    @Test func signInWithWrongPasswordKeepsTheEmailAndSaysSo() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let response = try await browser.post("/en/sign-in", form: [("email", "admin@example.org"), ("password", "wrong-password")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("The e-mail address or the password is not right"))
            #expect(response.body.string.contains(#"value="admin@example.org""#))
        }
    }

    @Test func signInSetsAHardenedCookieOnANewSession() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            _ = try await browser.get("/en/sign-in")
            let before = browser.cookie
            try await browser.signIn()
            #expect(browser.cookie != nil && browser.cookie != before)
            let page = try await browser.get("/en/staff")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Signed in as Administrator"))
        }
    }

    @Test func cookieFlags() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/en/sign-in") { response in
                let cookie = response.headers[.setCookie].first ?? ""
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
            }
        }
    }

    @Test func formsWithoutTheTokenAreRefusedWith403() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let response = try await browser.post("/en/sign-in", form: [("email", "admin@example.org"), ("password", "admin-password-1")], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("The form had expired"))
            let wrong = try await browser.post("/sq/sign-in", form: [("email", "a@b.org"), ("password", "x"), ("_csrf", "forged")], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(wrong.body.string.contains("<html lang=\"sq\">"))
        }
    }

    @Test func repeatedFailuresAreThrottled() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            for _ in 0..<SignInThrottle.perAccount {
                let response = try await browser.post("/en/sign-in", form: [("email", "admin@example.org"), ("password", "nope")])
                #expect(response.status == .unprocessableEntity)
            }
            // even the right password is refused while the account is throttled
            let response = try await browser.post("/en/sign-in", form: [("email", "admin@example.org"), ("password", "admin-password-1")])
            #expect(response.status == .tooManyRequests)
        }
    }

    @Test func signOutEverywhereEndsOtherSessions() async throws {
        try await withTestApp { app in
            let laptop = Browser(app), phone = Browser(app)
            try await laptop.signIn()
            try await phone.signIn()
            let out = try await laptop.post("/en/sign-out-everywhere", form: [], csrfFrom: "/en/account")
            #expect(out.status == .seeOther)
            let phonePage = try await phone.get("/en/staff")
            #expect(phonePage.status == .seeOther)
        }
    }

    @Test func twoFactorSignIn() async throws {
        try await withTestApp { app in
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@example.org").first())
            let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            admin.totpSecret = secret
            admin.totpEnabled = true
            let codes = TwoFactor.newRecoveryCodes()
            admin.recoveryCodes = TwoFactor.hashRecoveryCodes(codes)
            try await admin.save(on: app.db)

            let browser = Browser(app)
            let first = try await browser.post("/en/sign-in", form: [("email", "admin@example.org"), ("password", "admin-password-1")])
            #expect(first.headers.first(name: .location) == "/en/sign-in/two-factor")
            #expect(try await browser.get("/en/staff").status == .seeOther) // not yet signed in
            let wrong = try await browser.post("/en/sign-in/two-factor", form: [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity)
            let right = try await browser.post("/en/sign-in/two-factor", form: [("code", codes[0])])
            #expect(right.status == .seeOther)
            #expect(try await browser.get("/en/staff").status == .ok)
        }
    }

    @Test func passwordResetThroughTheOutbox() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let response = try await browser.post("/mk/password-reset", form: [("email", "admin@example.org")])
            #expect(response.status == .ok)
            let unknown = try await browser.post("/mk/password-reset", form: [("email", "nobody@example.org")])
            #expect(unknown.body.string == response.body.string)
            let messages = try await OutboxMessage.query(on: app.db).all()
            #expect(messages.count == 1)
            let body = try #require(messages.first?.body)
            let link = try #require(body.split(separator: "\n").first { $0.contains("/password-reset/") })
            let path = String(link[link.range(of: "/en/password-reset/")!.lowerBound...])
            let set = try await browser.post(path, form: [("password", "a-brand-new-password"), ("confirm", "a-brand-new-password")])
            #expect(set.status == .seeOther)
            // the link works once
            #expect(try await browser.get(path).status == .notFound)
            let other = Browser(app)
            try await other.signIn(password: "a-brand-new-password")
        }
    }
}

@Suite struct APITests {
    @Test func writeNeedsAStaffToken() async throws {
        try await withTestApp { app in
            let body = ByteBuffer(string: #"{"name": "API Org", "kind": "cso", "country": "ME"}"#)
            try await app.testing().test(.POST, "/api/v1/organisations", headers: ["Content-Type": "application/json"], body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer")
            }
            let admin = try #require(try await User.query(on: app.db).first())
            let token = "test-token-value"
            try await APIToken(userID: admin.requireID(), tokenHash: SecureToken.sha256(token), label: "test").save(on: app.db)
            let headers: HTTPHeaders = ["Content-Type": "application/json", "Authorization": "Bearer \(token)"]
            try await app.testing().test(.POST, "/api/v1/organisations", headers: headers, body: body) { response in
                #expect(response.status == .created)
                #expect(response.headers.first(name: .location) == "/api/v1/organisations/api-org")
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: headers, body: ByteBuffer(string: #"{"name": "", "kind": "x"}"#)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains(#""field":"country""#))
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: headers, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: headers, body: body) { response in
                #expect(response.status == .conflict)
            }
        }
    }

    @Test func unknownQueryValuesAre400AndOtherMethods405() async throws {
        try await withTestApp { app in
            for query in ["sort=AAA", "country=ZZ", "country=mk", "page=0", "per_page=101", "kind=x", "focus=y", "q=" + String(repeating: "a", count: 201)] {
                try await app.testing().test(.GET, "/api/v1/organisations?\(query)") { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.body.string.contains("\"status\":400"))
                }
            }
            try await app.testing().test(.GET, "/api/v1/countries?locale=xx") { response in
                #expect(response.status == .badRequest)
            }
            try await app.testing().test(.GET, "/api/v1/countries?locale=sq") { response in
                #expect(response.body.string.contains(#""name":"Maqedonia e Veriut""#))
            }
            try await app.testing().test(.TRACE, "/api/v1/countries") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: "Allow") == "GET, HEAD")
            }
            try await app.testing().test(.DELETE, "/en/organisations") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.body.string.contains("<html lang=\"en\">"))
            }
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        try await withTestApp { app in
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/openapi.json") { response in
                document = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1/") else { continue }
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in the OpenAPI document")
            }
        }
    }
}

@Suite struct PasswordLengthTests {
    /// bcrypt reads 72 bytes: "é" is 2 bytes in UTF-8, so 37 of them (74 bytes, 37 characters) are refused while
    /// 72 ASCII letters are accepted.
    @Test func passwordsLongerThanBcryptReadsAreRefused() async throws {
        #expect(PasswordPolicy.isTooLong(String(repeating: "é", count: 37)))
        #expect(!PasswordPolicy.isTooLong(String(repeating: "a", count: 72)))
        #expect(PasswordPolicy.isTooLong(String(repeating: "a", count: 73)))
        try await withTestApp { app in
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@example.org").first())
            let token = try await OneTimeLinks.issue(for: admin, purpose: .passwordReset, lifetime: 3600, on: app.db)
            let browser = Browser(app)
            let long = String(repeating: "é", count: 37)
            let refused = try await browser.post("/en/password-reset/\(token)", form: [("password", long), ("confirm", long)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Use at most 72 bytes"))
            let fine = String(repeating: "a", count: 72)
            let accepted = try await browser.post("/en/password-reset/\(token)", form: [("password", fine), ("confirm", fine)])
            #expect(accepted.status == .seeOther)
        }
        #expect(throws: (any Error).self) { try AppConfig.from(environment: ["ICEDA_ADMIN_PASSWORD": String(repeating: "ж", count: 40)]) }
    }
}
