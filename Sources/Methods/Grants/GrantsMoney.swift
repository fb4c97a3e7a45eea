extension Grants {
    /// An amount in minor units (cents) of one currency; all arithmetic is exact integer arithmetic.
    public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The amount in minor units (1/100 of the currency unit); negative only for differences.
        public let minorUnits: Int64
        /// The currency of the amount.
        public let currency: Currency

        /// An amount given in minor units.
        public init(minorUnits: Int64, currency: Currency) {
            self.minorUnits = minorUnits
            self.currency = currency
        }

        /// An amount given in whole units and cents, e.g. `Money(13_333, cents: 33, .eur)`.
        public init(_ units: Int64, cents: Int64 = 0, _ currency: Currency) {
            self.init(minorUnits: units * Currency.minorUnitsPerMajor + cents, currency: currency)
        }

        /// Zero in a currency.
        public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

        /// Whether the amount is below zero.
        public var isNegative: Bool { minorUnits < 0 }

        /// Plain text such as `13333.33 EUR` (for logs and tests; use `MoneyFormatter` for people).
        public var description: String { "\(machineText) \(currency.code)" }

        /// The amount as every machine-readable output writes it (API, CSV, 360Giving): a dot and always the two
        /// minor digits, no grouping, no currency: `17000.00`, `-0.05`.
        public var machineText: String {
            let sign = minorUnits < 0 ? "-" : ""
            let magnitude = minorUnits.magnitude
            let cents = magnitude % 100
            return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
        }

        /// The sum of two amounts of the same currency.
        public func adding(_ other: Money) throws(MoneyError) -> Money {
            try requireSameCurrency(other)
            let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
            if overflow { throw .overflow }
            return Money(minorUnits: sum, currency: currency)
        }

        /// The difference of two amounts of the same currency.
        public func subtracting(_ other: Money) throws(MoneyError) -> Money {
            try requireSameCurrency(other)
            let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
            if overflow { throw .overflow }
            return Money(minorUnits: difference, currency: currency)
        }

        /// The sum of amounts that must all be in `currency` (zero for an empty list).
        public static func sum(_ amounts: [Money], currency: Currency) throws(MoneyError) -> Money {
            var total = Money.zero(currency)
            for amount in amounts { total = try total.adding(amount) }
            return total
        }

        /// Quantity × this unit cost, rounded half up to the cent (half away from zero).
        public func multiplied(by quantity: Quantity) throws(MoneyError) -> Money {
            let (product, overflow) = minorUnits.multipliedReportingOverflow(by: quantity.hundredths)
            if overflow { throw .overflow }
            return Money(minorUnits: Grants.divideRoundingHalfAwayFromZero(product, by: 100), currency: currency)
        }

        /// Whether both amounts are in the same currency and this one is smaller.
        public func isLess(than other: Money) -> Bool { currency == other.currency && minorUnits < other.minorUnits }

        private func requireSameCurrency(_ other: Money) throws(MoneyError) {
            if other.currency != currency { throw .currencyMismatch(expected: currency, found: other.currency) }
        }
    }

    /// Why money arithmetic failed.
    public enum MoneyError: Error, Hashable, Sendable, ReasonCoded {
        /// Two amounts in different currencies were combined.
        case currencyMismatch(expected: Currency, found: Currency)
        /// The result does not fit in 64 bits of minor units.
        case overflow

        /// Stable reason code.
        public var code: String {
            switch self {
            case .currencyMismatch: "grants.money.currency-mismatch"
            case .overflow: "grants.money.too-large"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .currencyMismatch(expected, found): ["expected": .text(expected.code), "found": .text(found.code)]
            case .overflow: [:]
            }
        }
    }

    /// `value / divisor` rounded half away from zero (divisor > 0).
    static func divideRoundingHalfAwayFromZero(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        let remainder = value % divisor
        if remainder.magnitude * 2 >= divisor.magnitude { return quotient + (value < 0 ? -1 : 1) }
        return quotient
    }
}
