// What every page needs to know about the request it answers.
import Localization

/// A flash message shown once at the top of the next page.
public struct Flash: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case success, info, warning }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// A navigation entry of the site header.
public struct NavItem: Sendable {
    public var label: String
    public var href: String
    public var isCurrent: Bool
    public init(label: String, href: String, isCurrent: Bool = false) {
        self.label = label
        self.href = href
        self.isCurrent = isCurrent
    }
}

/// Per-request facts a layout needs: language, where we are, who is signed in, the CSRF token.
public struct PageContext: Sendable {
    public var t: Translator
    /// The path after the locale segment, with its query, e.g. `/organisations?country=MK`.
    public var pathInLocale: String
    public var signedInName: String?
    public var csrfToken: String
    public var flashes: [Flash]
    public var navigation: [NavItem]

    public init(t: Translator, pathInLocale: String, signedInName: String? = nil, csrfToken: String = "",
                flashes: [Flash] = [], navigation: [NavItem] = []) {
        self.t = t
        self.pathInLocale = pathInLocale
        self.signedInName = signedInName
        self.csrfToken = csrfToken
        self.flashes = flashes
        self.navigation = navigation
    }

    public var locale: AppLocale { t.locale }

    /// A text of several languages in the reader's language or the nearest one, marked with `lang` when it is in
    /// another (so screen readers switch voice); `fallback` when it has none.
    public func text(_ value: LocalizedText, fallback: String = "") -> Node {
        guard let resolved = value.resolve(for: locale) else { return .text(fallback) }
        return resolved.locale == locale ? .text(resolved.text) : el("span", .lang(resolved.locale.rawValue)) { resolved.text }
    }

    /// A link inside the current locale: `link("/organisations")` → `/sq/organisations`.
    public func link(_ path: String) -> String {
        "/\(locale.rawValue)\(path.hasPrefix("/") ? path : "/" + path)"
    }
}
