// Cross-site request forgery protection: a per-session token in every state-changing form.
import Crypto
import Foundation
import Vapor

extension Request {
    /// The session's CSRF token, created on first use.
    package func csrfToken() -> String {
        if let token = session.data["csrf"] { return token }
        let token = SecureToken.make(bytes: 24)
        session.data["csrf"] = token
        return token
    }

    /// Checks the `_csrf` field of a collected form body against the session's token.
    package func verifyCSRF() throws {
        let sent = formFields.first("_csrf")
        guard hasSession, let expected = session.data["csrf"], let sent,
              SecureToken.constantTimeEquals(sent, expected) else {
            throw FormExpired()
        }
    }
}

/// A form arrived without the token of this session (stale page, other site, cookies off): 403.
package struct FormExpired: Error {
    package init() {}
}

extension RoutesBuilder {
    /// The largest form body a route takes unless it says otherwise (uploads name their own `maxSize`).
    package static var defaultFormSize: ByteCount { "256kb" }

    /// Registers a POST handler for an HTML form: collects the body (up to `maxSize`, 256 KB unless given), reads
    /// its fields once (at most `maxFields`; more is a 413), then checks CSRF.
    @discardableResult
    package func form(_ path: PathComponent..., maxSize: ByteCount? = nil, maxFields: Int = Request.defaultFormFieldLimit,
                      use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        form(path: path, maxSize: maxSize, maxFields: maxFields, use: handler)
    }

    /// `form` for a typed route (see `SiteRoute`).
    @discardableResult
    package func form(_ route: SiteRoute, maxSize: ByteCount? = nil, maxFields: Int = Request.defaultFormFieldLimit,
                      use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        form(path: route.components, maxSize: maxSize, maxFields: maxFields, use: handler)
    }

    @discardableResult
    package func form(path: [PathComponent], maxSize: ByteCount? = nil, maxFields: Int = Request.defaultFormFieldLimit,
                      use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let size = maxSize ?? Self.defaultFormSize
        return on(.POST, path, body: .collect(maxSize: size)) { request in
            // A body that arrived whole (tests, some proxies) skips Vapor's streaming limit: check it here too.
            if let bytes = request.body.data?.readableBytes, bytes > size.value { throw Abort(.payloadTooLarge) }
            do { try request.checkFormFields(limit: maxFields) } catch is TooManyFields { throw Abort(.payloadTooLarge) }
            try request.verifyCSRF()
            return try await handler(request)
        }
    }
}

/// Random tokens and their hashes.
package enum SecureToken {
    /// A URL-safe random token of `bytes` random bytes.
    package static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    package static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    package static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
