// Typed URLs: a route is declared once, as a `SiteRoute`, and both registered from it and linked to through it,
// so a renamed path cannot leave a dead link. Each feature keeps its routes in one `…URL` enum (e.g. NetworkURL)
// with a function per link that takes the route's parameters in order.
import DesignSystem
import Foundation
import Localization
import Vapor

package struct SiteRoute: Sendable {
    /// `""` for a page under `/{locale}`, `"/api/v1"` for the API.
    package let prefix: String
    /// The route's pattern, e.g. `organisations`, `:slug`, `edit`.
    package let components: [PathComponent]

    /// A page under `/{locale}`; no components is the home page.
    package init(_ components: PathComponent...) {
        self.prefix = ""
        self.components = components
    }

    /// An API route under `/api/v1`.
    package static func api(_ components: PathComponent...) -> SiteRoute { SiteRoute(prefix: "/api/v1", components: components) }

    private init(prefix: String, components: [PathComponent]) {
        self.prefix = prefix
        self.components = components
    }

    /// The path with the route's parameters filled in order (each percent-encoded as one segment), e.g.
    /// `/organisations/levizja-mjaft`; for a page the locale is added by `PageContext.link(_:)`.
    package func path(_ values: String...) -> String { path(values: values) }

    /// `path(_:)` with the values as an array.
    package func path(values: [String]) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#"))
        var remaining = values[...]
        var segments: [String] = []
        for component in components {
            switch component {
            case .constant(let text): segments.append(text)
            case .parameter, .catchall, .anything:
                guard let value = remaining.popFirst() else { preconditionFailure("\(components.string): missing parameter") }
                segments.append(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
            }
        }
        precondition(remaining.isEmpty, "\(components.string): too many parameters")
        return prefix + "/" + segments.joined(separator: "/")
    }
}

extension RoutesBuilder {
    /// Registers a GET handler at a typed route.
    @discardableResult
    package func get<Response: AsyncResponseEncodable>(_ route: SiteRoute, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        get(route.components, use: handler)
    }
}

extension PageContext {
    /// A page's path in this context's locale.
    package func link(_ route: SiteRoute, _ values: String...) -> String {
        precondition(route.prefix.isEmpty, "API routes are not in a locale")
        return link(route.path(values: values))
    }
}

/// The kernel's own pages: registered from these routes and linked through them (features link to `home`, `staff`,
/// `signIn` and `account`).
package enum KernelURL {
    package static let home = SiteRoute()
    package static let signIn = SiteRoute("sign-in")
    package static let signInTwoFactor = SiteRoute("sign-in", "two-factor")
    package static let signOut = SiteRoute("sign-out")
    package static let signOutEverywhere = SiteRoute("sign-out-everywhere")
    package static let passwordReset = SiteRoute("password-reset")
    package static let passwordResetToken = SiteRoute("password-reset", ":token")
    package static let invitation = SiteRoute("invitation", ":token")
    package static let account = SiteRoute("account")
    package static let twoFactorSetup = SiteRoute("account", "two-factor")
    package static let staff = SiteRoute("staff")
    package static let staffUsers = SiteRoute("staff", "users")
    package static let staffUserRoute = SiteRoute("staff", "users", ":user")
    package static func staffUser(_ id: String) -> String { staffUserRoute.path(id) }
    package static let staffAudit = SiteRoute("staff", "audit")
    package static let staffOutbox = SiteRoute("staff", "outbox")

    /// The absolute address of an invitation link, for e-mails: `{base}/{locale}/invitation/{token}`.
    package static func invitationLink(baseURL: String, locale: AppLocale, token: String) -> String {
        "\(baseURL)/\(locale.rawValue)\(invitation.path(token))"
    }

    /// The absolute address of a password-reset link, for e-mails.
    package static func passwordResetLink(baseURL: String, locale: AppLocale, token: String) -> String {
        "\(baseURL)/\(locale.rawValue)\(passwordResetToken.path(token))"
    }
}

extension Request {
    /// A kernel or feature page in this request's locale.
    package func localLink(_ route: SiteRoute, _ values: String...) -> String {
        precondition(route.prefix.isEmpty, "API routes are not in a locale")
        return localLink(route.path(values: values))
    }
}
