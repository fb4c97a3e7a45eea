// The five interface languages and how a request picks one.

/// An interface language of the platform. The raw value is the BCP 47 tag used in URLs and `lang`.
public enum AppLocale: String, CaseIterable, Sendable, Codable, Hashable {
    case en
    case sq
    case mk
    case srLatn = "sr-Latn"
    case srCyrl = "sr-Cyrl"

    /// The default when nothing else decides.
    public static let fallback: AppLocale = .en

    /// The language's own name, shown in the language switcher whatever the current language is.
    public var endonym: String {
        switch self {
        case .en: "English"
        case .sq: "Shqip"
        case .mk: "Македонски"
        case .srLatn: "Srpski (latinica)"
        case .srCyrl: "Српски (ћирилица)"
        }
    }

    /// CLDR plural rule family of the language.
    public var pluralLanguage: PluralRules.Language {
        switch self {
        case .en: .english
        case .sq: .albanian
        case .mk: .macedonian
        case .srLatn, .srCyrl: .serbian
        }
    }

    /// Locales to try for user-written content, most wanted first (Serbian scripts stand in for each other).
    public var contentFallbacks: [AppLocale] {
        switch self {
        case .en: [.en, .sq, .mk, .srLatn, .srCyrl]
        case .sq: [.sq, .en, .srLatn, .mk, .srCyrl]
        case .mk: [.mk, .en, .srCyrl, .srLatn, .sq]
        case .srLatn: [.srLatn, .srCyrl, .en, .mk, .sq]
        case .srCyrl: [.srCyrl, .srLatn, .mk, .en, .sq]
        }
    }

    /// Parses a locale tag from a URL segment, case-insensitively (`sr-latn` → `.srLatn`).
    public init?(tag: String) {
        let lowered = tag.lowercased()
        guard let match = AppLocale.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }

    /// Picks the best locale for an `Accept-Language` header value (RFC 9110 §12.5.4), or the fallback.
    public static func negotiate(acceptLanguage header: String?) -> AppLocale {
        guard let header, !header.isEmpty else { return fallback }
        var ranges: [(tag: String, q: Double, order: Int)] = []
        for (index, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { continue }
            var q = 1.0
            for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            if q > 0 { ranges.append((tag.lowercased(), q, index)) }
        }
        ranges.sort { $0.q != $1.q ? $0.q > $1.q : $0.order < $1.order }
        for range in ranges {
            if let locale = match(range.tag) { return locale }
        }
        return fallback
    }

    private static func match(_ tag: String) -> AppLocale? {
        if let exact = AppLocale(tag: tag) { return exact }
        let subtags = tag.split(separator: "-").map(String.init)
        switch subtags.first {
        case "en": return .en
        case "sq", "als": return .sq
        case "mk": return .mk
        case "sr":
            // CLDR likely subtags: sr → sr-Cyrl-RS, but sr-ME (and sr-BA's Latin users) read Latin.
            if subtags.contains("latn") { return .srLatn }
            if subtags.contains("cyrl") { return .srCyrl }
            if subtags.contains("me") { return .srLatn }
            return .srCyrl
        case "sh", "bs", "hr", "cnr":
            // Serbo-Croatian, Bosnian, Croatian and Montenegrin readers get Serbian in Latin script.
            return subtags.contains("cyrl") ? .srCyrl : .srLatn
        default: return nil
        }
    }
}

import Foundation
