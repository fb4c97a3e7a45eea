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
            } else {
                request.session.data["uid"] = nil
            }
        }
        return try await next.respond(to: request)
    }
    package init() {}
}
