// What handlers read from a request: its language, the signed-in user, the page context, flashes.
import DesignSystem
import Fluent
import Localization
import Vapor

package struct CurrentUserKey: StorageKey { package typealias Value = User 
    package init() {}
}
package struct LocaleKey: StorageKey { package typealias Value = AppLocale 
    package init() {}
}

extension Request {
    /// The language of this request: the path's locale segment, else the negotiated one.
    package var appLocale: AppLocale {
        if let stored = storage[LocaleKey.self] { return stored }
        if let first = url.path.split(separator: "/").first, let locale = AppLocale(tag: String(first)) { return locale }
        return AppLocale.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
    }

    package var t: Translator { Translator(locale: appLocale) }

    /// The signed-in user, if any (loaded by `UserSessionMiddleware`).
    package var currentUser: User? { storage[CurrentUserKey.self] }

    /// The signed-in user, or a redirect to the sign-in page.
    package func requireUser() throws -> User {
        guard let user = currentUser else { throw Redirect(to: signInLink) }
        return user
    }

    /// The sign-in page in this request's language, coming back to this page afterwards.
    package var signInLink: String {
        localLink(KernelURL.signIn) + "?next=" + (url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? "")
    }

    /// The signed-in user if they are staff or admin; 403 otherwise.
    package func requireStaff() throws -> User {
        let user = try requireUser()
        guard user.role.isStaff else { throw Abort(.forbidden) }
        return user
    }

    /// The signed-in admin; 403 otherwise.
    package func requireAdmin() throws -> User {
        let user = try requireUser()
        guard user.role == .admin else { throw Abort(.forbidden) }
        return user
    }

    /// The path after the locale segment, with the query string (for the language switcher).
    package var pathInLocale: String {
        var segments = url.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if let first = segments.first, AppLocale(tag: String(first)) != nil { segments = segments.dropFirst() }
        var path = "/" + segments.joined(separator: "/")
        if let query = url.query, !query.isEmpty { path += "?" + query }
        return path
    }

    /// Everything the layout needs for this request.
    package func pageContext(current: String? = nil) -> PageContext {
        let t = self.t
        let base = "/\(appLocale.rawValue)"
        let entries = NavigationContext(t: t, user: currentUser, current: current, base: base)
        var navigation = [NavItem(label: t("nav.home"), href: base + KernelURL.home.path(), isCurrent: current == "home")]
        for feature in application.features { navigation += feature.navigation(entries) }
        if currentUser?.role.isStaff == true {
            navigation.append(NavItem(label: t("nav.staff"), href: base + KernelURL.staff.path(), isCurrent: current == "staff"))
        }
        return PageContext(
            t: t, pathInLocale: pathInLocale, signedInName: currentUser?.name,
            // Visitors without a session get no token (and no cookie); form pages create the session first.
            csrfToken: (currentUser != nil || hasSession) ? csrfToken() : "", flashes: takeFlashes(), navigation: navigation)
    }

    /// A path in this request's locale, e.g. `/sq/organisations` (does not touch the session).
    package func localLink(_ path: String) -> String {
        "/\(appLocale.rawValue)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    // MARK: flash messages

    package func flash(_ kind: Flash.Kind, _ message: String) {
        var flashes = (session.data["flash"].flatMap { try? JSONDecoder().decode([Flash].self, from: Data($0.utf8)) }) ?? []
        flashes.append(Flash(kind, message))
        session.data["flash"] = String(decoding: try! JSONEncoder().encode(flashes), as: UTF8.self)
    }

    package func takeFlashes() -> [Flash] {
        guard hasSession, let raw = session.data["flash"] else { return [] }
        session.data["flash"] = nil
        return (try? JSONDecoder().decode([Flash].self, from: Data(raw.utf8))) ?? []
    }
}

/// Thrown to send the browser elsewhere (caught by the error middleware as a 303).
package struct Redirect: Error {
    package var to: String
    package init(to: String) {
        self.to = to
    }
}

extension Response {
    /// A 303 See Other, the right answer to a successful form POST.
    package static func seeOther(_ location: String) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: location)
        return response
    }

    /// A CSV download (`CSVWriter` text) with its file name; not cached.
    package static func csv(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// An HTML page with the given status.
    package static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
