extension Grants {
    /// The five interface locales and how each writes numbers.
    public enum AmountLocale: String, CaseIterable, Hashable, Sendable, Codable {
        /// English: `1,234.56`.
        case en
        /// Albanian: `1 234,56` (no-break space groups).
        case sq
        /// Macedonian: `1.234,56`.
        case mk
        /// Serbian, Latin script: `1.234,56`.
        case srLatn = "sr-Latn"
        /// Serbian, Cyrillic script: `1.234,56`.
        case srCyrl = "sr-Cyrl"

        /// The decimal separator this locale writes.
        public var decimalSeparator: Character {
            switch self {
            case .en: "."
            case .sq, .mk, .srLatn, .srCyrl: ","
            }
        }

        /// The digit-group separator this locale writes (U+00A0 no-break space for Albanian).
        public var groupingSeparator: Character {
            switch self {
            case .en: ","
            case .sq: "\u{00A0}"
            case .mk, .srLatn, .srCyrl: "."
            }
        }

        /// Whether the currency goes before the number when formatting (`€1,234.56` vs `1.234,56 €`).
        public var currencyBeforeNumber: Bool { self == .en }
    }
}
