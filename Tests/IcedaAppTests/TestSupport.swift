// One fresh application and database per test: in-memory SQLite, or a PostgreSQL schema of its own
// when TEST_DATABASE_URL is set.
import Fluent
import Foundation
import NIOCore
import SQLKit
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Runs `body` with a configured, migrated and seeded app (first admin: admin@example.org / admin-password-1).
func withTestApp(environment extra: [String: String] = [:], _ body: (Application) async throws -> Void) async throws {
    var environment = ["ICEDA_BCRYPT_COST": "4", "ICEDA_ADMIN_EMAIL": "admin@example.org", "ICEDA_ADMIN_PASSWORD": "admin-password-1",
                       "ICEDA_PAGE_CACHE_SECONDS": "0"]
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    if let url = TestDatabase.postgresURL { environment["DATABASE_URL"] = url } else { environment["DATABASE_URL"] = "sqlite::memory:" }
    environment.merge(extra) { $1 }
    let config = try AppConfig.from(environment: environment)
    try await DatabaseSchemaOverride.$current.withValue(TestDatabase.postgresURL == nil ? nil : String(schema)) {
        try await withApp(configure: { app in
            try await configure(app, config: config)
            if TestDatabase.postgresURL != nil, let sql = app.db as? SQLDatabase {
                try await sql.raw("CREATE SCHEMA \(ident: String(schema))").run()
            }
            try await Bootstrap.prepare(app, demo: false, announce: false)
        }) { app in
            do {
                try await body(app)
            } catch {
                try? await dropSchema(app, schema: String(schema))
                throw error
            }
            try await dropSchema(app, schema: String(schema))
        }
    }
}

private func dropSchema(_ app: Application, schema: String) async throws {
    guard TestDatabase.postgresURL != nil, let sql = app.db as? SQLDatabase else { return }
    try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

/// A browser-like client: keeps the session cookie and reads the CSRF token from forms.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookie: String?

    init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = headers
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.testing().sendRequest(.GET, path, headers: headers)
        remember(response)
        return response
    }

    /// Posts a form; `csrf: true` first reads the token from the page at `formPage` (or `path`).
    @discardableResult
    func post(_ path: String, form: [(String, String)], csrfFrom formPage: String? = nil, csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf {
            let page = try await get(formPage ?? path)
            fields.append(("_csrf", try #require(Self.csrfToken(in: page.body.string), "no CSRF token on \(formPage ?? path)")))
        }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Posts a multipart form with one file.
    @discardableResult
    func upload(_ path: String, fileField: String, fileName: String, content: [UInt8], formPage: String) async throws -> TestingHTTPResponse {
        let page = try await get(formPage)
        let token = try #require(Self.csrfToken(in: page.body.string))
        let boundary = "----iceda-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(content)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
        remember(response)
        return response
    }

    /// Posts a multipart form (fields and optionally one file), reading the CSRF token from `csrfFrom`.
    @discardableResult
    func multipart(_ path: String, fields: [(String, String)], file: (field: String, name: String, type: String, content: [UInt8])? = nil,
                   csrfFrom formPage: String) async throws -> TestingHTTPResponse {
        let page = try await get(formPage)
        let token = try #require(Self.csrfToken(in: page.body.string), "no CSRF token on \(formPage)")
        let boundary = "----iceda-test-boundary-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields + [("_csrf", token)] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n")
            body.writeBytes(file.content)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
        remember(response)
        return response
    }

    func signIn(email: String = "admin@example.org", password: String = "admin-password-1") async throws {
        let response = try await post("/en/sign-in", form: [("email", email), ("password", password)])
        #expect(response.status == .seeOther, "sign-in failed: \(response.status)")
    }

    private func remember(_ response: TestingHTTPResponse) {
        for value in response.headers[.setCookie] {
            guard let pair = value.split(separator: ";").first else { continue }
            if value.contains("Expires=Thu, 01 Jan 1970") { cookie = nil } else { cookie = String(pair) }
        }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
