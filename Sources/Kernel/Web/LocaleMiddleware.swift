// Checks the locale segment of a page's path; an unknown one is a 404 in the negotiated language.
import Localization
import Vapor

package struct LocaleMiddleware: AsyncMiddleware {
    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let tag = request.parameters.get("locale"), let locale = AppLocale(tag: tag) else {
            request.storage[LocaleKey.self] = AppLocale.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage))
            throw Abort(.notFound)
        }
        request.storage[LocaleKey.self] = locale
        return try await next.respond(to: request)
    }
    package init() {}
}

/// Loads the signed-in user from the session (only when the request carries a session cookie).
package struct UserSessionMiddleware: AsyncMiddleware {
    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.hasSession, let raw = request.session.data["uid"], let id = UUID(uuidString: raw) {
            if let user = try await User.find(id, on: request.db), user.active,
               String(user.sessionEpoch) == request.session.data["epoch"] {
                request.storage[CurrentUserKey.self] = user
                if let due = user.twoFactorDue(graceDays: request.application.iceda.config.twoFactorGraceDays), Date() >= due,
                   !Self.allowedBeforeTwoFactor(request) {
                    request.flash(.warning, request.t("auth.two_factor_required"))
                    return .seeOther(request.localLink(KernelURL.twoFactorSetup))
                }
            } else {
                request.session.data["uid"] = nil
            }
        }
        return try await next.respond(to: request)
    }

    /// What a person whose two-factor set-up is overdue may still open: the set-up, the account page, signing out.
    static func allowedBeforeTwoFactor(_ request: Request) -> Bool {
        let path = request.url.path
        let rest = path.split(separator: "/", maxSplits: 1).dropFirst().first.map { "/" + $0 } ?? "/"
        return [KernelURL.twoFactorSetup.path(), KernelURL.account.path(), KernelURL.signOut.path(), KernelURL.signOutEverywhere.path()].contains(rest)
            || path.hasPrefix("/api/") || path == "/healthz" || path.hasPrefix("/static/") || path == "/metrics"
    }

    package init() {}
}
