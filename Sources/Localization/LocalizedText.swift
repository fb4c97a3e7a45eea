// Text that users write in one or more languages, read back with a fallback order.

/// User-written content in several languages (stored as a JSON object keyed by locale tag).
public struct LocalizedText: Sendable, Codable, Equatable, Hashable {
    public var values: [String: String]

    public init(_ values: [AppLocale: String] = [:]) {
        self.values = Dictionary(uniqueKeysWithValues: values.compactMap { key, value in
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : (key.rawValue, trimmed)
        })
    }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    public subscript(locale: AppLocale) -> String? {
        get { values[locale.rawValue] }
        set {
            let trimmed = newValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            values[locale.rawValue] = trimmed.isEmpty ? nil : trimmed
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The best text for `locale` and the locale it is really in (so pages can mark `lang` on it).
    /// Serbian Latin text is shown transliterated to readers of Cyrillic rather than in another language.
    public func resolve(for locale: AppLocale, transliterator: SerbianTransliterator = CatalogSet.shipped.transliterator) -> (text: String, locale: AppLocale)? {
        for candidate in locale.contentFallbacks {
            guard let text = values[candidate.rawValue] else { continue }
            if locale == .srCyrl, candidate == .srLatn {
                return (transliterator.toCyrillic(text), .srCyrl)
            }
            return (text, candidate)
        }
        return nil
    }
}

import Foundation
