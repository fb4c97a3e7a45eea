// Looks up messages and formats numbers and dates for one locale.
import Foundation

/// Everything a page needs to speak one language. Cheap to copy.
public struct Translator: Sendable {
    public let locale: AppLocale
    let catalogs: CatalogSet

    public init(locale: AppLocale, catalogs: CatalogSet = .shipped) {
        self.locale = locale
        self.catalogs = catalogs
    }

    /// The message for `key` with `{name}` placeholders filled; English, then the key, if missing.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        let entry = catalogs.entries[locale]?[key] ?? catalogs.entries[.en]?[key]
        let text: String
        switch entry {
        case .text(let value)?: text = value
        case .plural(let forms)?: text = forms[.other] ?? key
        case nil: text = key
        }
        return Self.fill(text, arguments)
    }

    /// The plural form of `key` for `count`; `{count}` is filled with the formatted number.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        let entry = catalogs.entries[locale]?[key] ?? catalogs.entries[.en]?[key]
        var arguments = arguments
        arguments["count"] = integer(count)
        guard case .plural(let forms)? = entry else { return self(key, arguments) }
        let category = PluralRules.category(for: count, language: locale.pluralLanguage)
        return Self.fill(forms[category] ?? forms[.other] ?? key, arguments)
    }

    /// Whether the catalog has the key (in this locale or English).
    public func has(_ key: String) -> Bool {
        catalogs.entries[locale]?[key] != nil || catalogs.entries[.en]?[key] != nil
    }

    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var result = text
        for (name, value) in arguments {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }

    // MARK: numbers

    /// Grouping and decimal separators (CLDR `latn` symbols of each language).
    public var separators: (group: String, decimal: String) {
        switch locale {
        case .en: (",", ".")
        case .sq: ("\u{00A0}", ",")
        case .mk, .srLatn, .srCyrl: (".", ",")
        }
    }

    /// An integer with the locale's grouping, e.g. 31770 → "31,770" (en), "31.770" (mk).
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let grouped = Self.group(digits, separator: separators.group)
        return value < 0 ? "−" + grouped : grouped
    }

    /// A decimal number rounded half away from zero to `fractionDigits` places, with locale separators.
    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        let factor = pow(10.0, Double(fractionDigits))
        let scaled = (value.magnitude * factor).rounded(.toNearestOrAwayFromZero)
        let integerPart = Int(scaled / factor)
        let fractionPart = Int(scaled - Double(integerPart) * factor + 0.5)
        var text = Self.group(String(integerPart), separator: separators.group)
        if fractionDigits > 0 {
            let fraction = String(fractionPart)
            text += separators.decimal + String(repeating: "0", count: max(0, fractionDigits - fraction.count)) + fraction
        }
        return (value < 0 && scaled > 0 ? "−" : "") + text
    }

    static func group(_ digits: String, separator: String) -> String {
        guard digits.count > 3 else { return digits }
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += separator }
            result.append(character)
        }
        return result
    }

    // MARK: dates

    /// A calendar date written out the way the locale writes it, e.g. "27 November 2026", "27. novembar 2026.".
    public func date(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return self("date.long", [
            "day": String(parts.day ?? 1),
            // the month as it stands inside a date (CLDR's format context): Serbian takes the genitive, "31. januara 2027."
            "month": self("month.format.\(parts.month ?? 1)"),
            "year": String(parts.year ?? 1970),
        ])
    }

    /// An ISO 8601 calendar date (for `datetime` attributes and machine-readable output).
    public static func isoDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", p.year ?? 1970, p.month ?? 1, p.day ?? 1)
    }
}
