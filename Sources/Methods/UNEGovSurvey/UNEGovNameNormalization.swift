import Foundation

extension UNEGovSurvey {
    /// The key under which a country name is looked up: whitespace trimmed and collapsed (including
    /// no-break spaces), lower case, diacritics removed (`Türkiye` → `turkiye`), typographic
    /// apostrophes read as `'`.
    public static func nameKey(_ name: String) -> String {
        let folded = collapsedWhitespace(name).decomposedStringWithCanonicalMapping.lowercased()
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                scalars.append(apostrophes.contains(scalar) ? "'" : scalar)
            }
        }
        return String(scalars)
    }

    /// `name` with leading and trailing whitespace removed and inner runs of whitespace replaced by one space.
    public static func collapsedWhitespace(_ name: String) -> String {
        name.unicodeScalars
            .split(whereSeparator: { $0.properties.isWhitespace })
            .map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }

    /// Characters read as an apostrophe: ’ ‘ ʼ ` ´.
    private static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]
}
