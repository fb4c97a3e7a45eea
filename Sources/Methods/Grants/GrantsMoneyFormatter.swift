extension Grants {
    /// Writes amounts the way each locale does: en `1,234.56`, sq `1 234,56` (U+00A0), mk/sr `1.234,56`.
    public enum MoneyFormatter {
        /// The number with grouping and always two decimals; a leading `-` for negative differences.
        public static func format(_ money: Money, locale: AmountLocale) -> String {
            let magnitude = money.minorUnits.magnitude
            let digits = Array(String(magnitude / 100))
            var grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(locale.groupingSeparator) }
                grouped.append(digit)
            }
            let cents = magnitude % 100
            let sign = money.isNegative ? "-" : ""
            return "\(sign)\(grouped)\(locale.decimalSeparator)\(cents < 10 ? "0" : "")\(cents)"
        }

        /// The number with its currency: `€1,234.56` in en, `1.234,56 €` elsewhere (ISO code when no symbol).
        public static func formatWithCurrency(_ money: Money, locale: AmountLocale) -> String {
            let number = format(money, locale: locale)
            let symbol = money.currency == .eur ? "€" : money.currency.code
            if locale.currencyBeforeNumber { return symbol == "€" ? "€\(number)" : "\(symbol) \(number)" }
            return "\(number)\u{00A0}\(symbol)"
        }
    }
}
