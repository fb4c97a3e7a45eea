extension Grants {
    /// Why a typed amount or quantity was refused; never a guess.
    public enum AmountParseError: Error, Hashable, Sendable, ReasonCoded {
        /// Nothing was typed.
        case empty
        /// The text has no digits.
        case noDigits
        /// A minus sign: amounts are never negative.
        case negative
        /// More than two decimals (the count found).
        case tooManyDecimals(Int)
        /// One separator followed by exactly three digits that this locale writes as its decimal
        /// separator, while the same text also reads as a grouped whole number ("1,234" in mk).
        case ambiguousSeparator(Character)
        /// Digit groups that are not 1–3 digits followed by groups of exactly 3, separators in a row,
        /// or two different grouping separators mixed.
        case malformedGrouping
        /// A separator before the first digit or after the last one (".5", "12.").
        case misplacedSeparator
        /// A character that has no place inside a number (letter, apostrophe, other symbol).
        case invalidCharacter(Character)
        /// Text around the number that is neither the expected currency nor one known to us.
        case unexpectedText(String)
        /// The amount names another currency than the one expected.
        case currencyMismatch(expected: Currency, found: String)
        /// More digits than an amount can have.
        case tooLarge

        /// Stable reason code.
        public var code: String {
            switch self {
            case .empty: "grants.money.empty"
            case .noDigits: "grants.money.no-digits"
            case .negative: "grants.money.negative"
            case .tooManyDecimals: "grants.money.too-many-decimals"
            case .ambiguousSeparator: "grants.money.ambiguous-separator"
            case .malformedGrouping: "grants.money.malformed-grouping"
            case .misplacedSeparator: "grants.money.misplaced-separator"
            case .invalidCharacter: "grants.money.invalid-character"
            case .unexpectedText: "grants.money.unexpected-text"
            case .currencyMismatch: "grants.money.currency-mismatch"
            case .tooLarge: "grants.money.too-large"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .tooManyDecimals(count): ["decimals": .integer(count), "maximum": .integer(2)]
            case let .ambiguousSeparator(separator): ["separator": .text(String(separator))]
            case let .invalidCharacter(character): ["character": .text(String(character))]
            case let .unexpectedText(text): ["text": .text(text)]
            case let .currencyMismatch(expected, found): ["expected": .text(expected.code), "found": .text(found)]
            case .empty, .noDigits, .negative, .malformedGrouping, .misplacedSeparator, .tooLarge: [:]
            }
        }
    }
}
