// Limits failed sign-ins per account and per network address, counted in the database.
import Fluent
import Foundation
import Vapor

package enum SignInThrottle {
    package static let window: TimeInterval = 15 * 60
    package static let perAccount = 5
    package static let perAddress = 20

    package static func address(of request: Request) -> String {
        if request.application.iceda.config.trustForwardedFor,
           let forwarded = request.headers.first(name: "X-Forwarded-For")?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return request.remoteAddress?.ipAddress ?? "unknown"
    }

    /// True when the account or the address has failed too often within the window.
    package static func isLimited(email: String, request: Request, now: Date = Date()) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let byAccount = try await SignInAttempt.query(on: request.db).filter(\.$email == email).filter(\.$at > since).count()
        if byAccount >= perAccount { return true }
        let byAddress = try await SignInAttempt.query(on: request.db).filter(\.$address == address(of: request)).filter(\.$at > since).count()
        return byAddress >= perAddress
    }

    package static func recordFailure(email: String, request: Request) async throws {
        try await SignInAttempt(email: email, address: address(of: request), at: Date()).save(on: request.db)
    }

    package static func clear(email: String, on database: Database) async throws {
        try await SignInAttempt.query(on: database).filter(\.$email == email).delete()
    }
}
