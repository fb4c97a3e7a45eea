// CLDR plural rules (cardinal) for the platform's languages.

/// Plural categories as CLDR names them.
public enum PluralCategory: String, Sendable, CaseIterable, Codable {
    case zero, one, two, few, many, other
}

/// CLDR cardinal plural rules (CLDR 46, `plurals.xml`) for English, Albanian, Macedonian and Serbian.
public enum PluralRules {
    public enum Language: Sendable { case english, albanian, macedonian, serbian }

    /// The categories a language distinguishes; catalogs must give a form for each.
    public static func categories(for language: Language) -> [PluralCategory] {
        switch language {
        case .english, .albanian, .macedonian: [.one, .other]
        case .serbian: [.one, .few, .other]
        }
    }

    /// The category of a number given as its decimal digits (e.g. "1", "2.50"), so that visible
    /// trailing zeros count as CLDR's operands require.
    public static func category(for decimal: String, language: Language) -> PluralCategory {
        let operands = Operands(decimal)
        let i = operands.i, v = operands.v, f = operands.f
        switch language {
        case .english:
            // one: i = 1 and v = 0
            return i == 1 && v == 0 ? .one : .other
        case .albanian:
            // one: n = 1
            return operands.n == 1 ? .one : .other
        case .macedonian:
            // one: v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11
            if (v == 0 && i % 10 == 1 && i % 100 != 11) || (f % 10 == 1 && f % 100 != 11) { return .one }
            return .other
        case .serbian:
            // one: v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11
            // few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f % 10 = 2..4 and f % 100 != 12..14
            if (v == 0 && i % 10 == 1 && i % 100 != 11) || (f % 10 == 1 && f % 100 != 11) { return .one }
            if (v == 0 && (2...4).contains(i % 10) && !(12...14).contains(i % 100))
                || ((2...4).contains(f % 10) && !(12...14).contains(f % 100)) { return .few }
            return .other
        }
    }

    /// The category of an integer.
    public static func category(for integer: Int, language: Language) -> PluralCategory {
        category(for: String(integer.magnitude), language: language)
    }

    /// CLDR operands: n absolute value, i integer digits, v count of visible fraction digits, f their value.
    struct Operands {
        var n: Double
        var i: Int
        var v: Int
        var f: Int

        init(_ decimal: String) {
            let trimmed = decimal.hasPrefix("-") ? String(decimal.dropFirst()) : decimal
            let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            i = Int(parts.first ?? "0") ?? 0
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            v = fraction.count
            f = Int(fraction) ?? 0
            n = Double(trimmed) ?? Double(i)
        }
    }
}
