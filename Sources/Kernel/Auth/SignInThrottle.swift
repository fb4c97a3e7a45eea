// Limits failed sign-ins per account and per network address, counted in the database.
// An attempt is recorded before it is checked, then counted: parallel guesses cannot all slip under the limit
// (each one's count includes every attempt recorded before it). Password and second-factor attempts are counted
// apart: a right password clears the password's failures only.
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
            return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(100))
        }
        return request.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Records one attempt of `kind` for `key` (an e-mail address) and says whether it may go on: false once the
    /// key has made more than `perAccount` attempts of that kind, or the address more than `perAddress`, within the window.
    package static func admit(_ kind: SignInAttempt.Kind, key: String, request: Request, perKey: Int = perAccount,
                              perAddress: Int = perAddress, now: Date = Date()) async throws -> Bool {
        let address = address(of: request)
        try await SignInAttempt(email: key, address: address, at: now, kind: kind).save(on: request.db)
        let since = now.addingTimeInterval(-window)
        let byKey = try await SignInAttempt.query(on: request.db).filter(\.$email == key).filter(\.$kind == kind).filter(\.$at > since).count()
        if byKey > perKey { return false }
        let byAddress = try await SignInAttempt.query(on: request.db).filter(\.$address == address).filter(\.$kind == kind)
            .filter(\.$at > since).count()
        return byAddress <= perAddress
    }

    /// Forgets the attempts of `kind` for `key` (after a right password, a right code, or a password reset).
    package static func clear(_ kind: SignInAttempt.Kind, key: String, on database: Database) async throws {
        try await SignInAttempt.query(on: database).filter(\.$email == key).filter(\.$kind == kind).delete()
    }
}
