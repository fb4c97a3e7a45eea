extension Grants {
    /// A non-negative budget quantity with at most two decimals (e.g. 1.5 months, 12 days).
    public struct Quantity: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
        /// The quantity in hundredths: 150 is 1.5.
        public let hundredths: Int64

        /// A quantity given in hundredths.
        public init(hundredths: Int64) { self.hundredths = hundredths }

        /// A whole quantity.
        public init(_ whole: Int64) { self.hundredths = whole * 100 }

        /// Reads a quantity typed in a locale ("1,5" in mk, "1.5" in en), with the same rules as amounts.
        public static func parse(_ text: String, locale: AmountLocale) -> Result<Quantity, AmountParseError> {
            switch DecimalParser.parse(text, locale: locale) {
            case let .success(hundredths): .success(Quantity(hundredths: hundredths))
            case let .failure(error): .failure(error)
            }
        }

        /// Orders by size.
        public static func < (a: Quantity, b: Quantity) -> Bool { a.hundredths < b.hundredths }

        /// Plain text with a dot, without trailing zero decimals: `1.5`, `12`.
        public var description: String { Ratio(hundredths, 100).decimalString(places: hundredths % 100 == 0 ? 0 : (hundredths % 10 == 0 ? 1 : 2)) }
    }
}
