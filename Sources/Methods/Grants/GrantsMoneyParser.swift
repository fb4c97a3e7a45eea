extension Grants {
    /// Reads amounts as people type them in our five locales, refusing what it cannot read safely.
    ///
    /// Accepts the number rules of `DecimalParser` plus, before or after the number (not both), the
    /// expected currency's ISO code or symbol in any case: "€ 1.234", "1.234 €", "EUR 1,234.56",
    /// "1.234,56 ден.". Another currency's upper-case ISO code or known symbol is refused as a currency
    /// mismatch; any other text as unexpected text.
    public enum MoneyParser {
        /// The amount in `currency`, or the reason it was refused.
        public static func parse(_ text: String, locale: AmountLocale, currency: Currency) -> Result<Money, AmountParseError> {
            let parts: DecimalParser.Parts
            switch DecimalParser.split(text) {
            case let .success(split): parts = split
            case let .failure(error): return .failure(error)
            }
            if !parts.prefix.isEmpty && !parts.suffix.isEmpty {
                return .failure(.unexpectedText(parts.prefix + " … " + parts.suffix))
            }
            let around = parts.prefix.isEmpty ? parts.suffix : parts.prefix
            if !around.isEmpty, let error = currencyError(around, expected: currency) { return .failure(error) }
            switch DecimalParser.readCore(parts.core, locale: locale) {
            case let .success(minorUnits): return .success(Money(minorUnits: minorUnits, currency: currency))
            case let .failure(error): return .failure(error)
            }
        }

        /// Nil when `text` names `expected`; otherwise why it does not.
        static func currencyError(_ text: String, expected: Currency) -> AmountParseError? {
            let lowered = text.lowercased()
            if lowered == expected.code.lowercased() || expected.symbols.contains(lowered) { return nil }
            if text == text.uppercased(), let other = Currency(text), other != expected {
                return .currencyMismatch(expected: expected, found: other.code)
            }
            for other in knownCurrencies where other != expected && other.symbols.contains(lowered) {
                return .currencyMismatch(expected: expected, found: text)
            }
            return DecimalParser.surroundingTextError(text)
        }

        private static let knownCurrencies: [Currency] = [.eur, .mkd, .all, .rsd, .usd, Currency("GBP")!, Currency("CHF")!]
    }
}
