extension Grants {
    /// An exact fraction in lowest terms with a positive denominator (scores, shares, means).
    ///
    /// Arithmetic traps on 64-bit overflow like `Int`; the values it carries (scores out of 100,
    /// shares of a budget) stay far below that. Comparison never overflows.
    public struct Ratio: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// The numerator (carries the sign).
        public let numerator: Int64
        /// The denominator, always positive.
        public let denominator: Int64

        /// `numerator / denominator` reduced; `denominator` must not be zero.
        public init(_ numerator: Int64, _ denominator: Int64 = 1) {
            precondition(denominator != 0, "Ratio with a zero denominator")
            let divisor = Swift.max(Grants.gcd(numerator, denominator), 1)
            let sign: Int64 = denominator < 0 ? -1 : 1
            self.numerator = sign * numerator / divisor
            self.denominator = sign * denominator / divisor
        }

        /// Zero.
        public static let zero = Ratio(0)

        /// The sum of two fractions.
        public static func + (a: Ratio, b: Ratio) -> Ratio {
            let common = Grants.lcm(a.denominator, b.denominator)
            return Ratio(a.numerator * (common / a.denominator) + b.numerator * (common / b.denominator), common)
        }

        /// The difference of two fractions.
        public static func - (a: Ratio, b: Ratio) -> Ratio { a + Ratio(-b.numerator, b.denominator) }

        /// The fraction times a whole number.
        public static func * (a: Ratio, b: Int64) -> Ratio {
            let divisor = Swift.max(Grants.gcd(b, a.denominator), 1)
            return Ratio(a.numerator * (b / divisor), a.denominator / divisor)
        }

        /// The fraction divided by a non-zero whole number.
        public static func / (a: Ratio, b: Int64) -> Ratio {
            let divisor = Swift.max(Grants.gcd(a.numerator, b), 1)
            return Ratio(a.numerator / divisor, a.denominator * (b / divisor))
        }

        /// Exact ordering (cross-multiplied in 128 bits).
        public static func < (a: Ratio, b: Ratio) -> Bool {
            let left = a.numerator.multipliedFullWidth(by: b.denominator)
            let right = b.numerator.multipliedFullWidth(by: a.denominator)
            return left.high < right.high || (left.high == right.high && left.low < right.low)
        }

        /// The value in basis points (1/10,000), rounded down (toward minus infinity).
        public var basisPointsRoundedDown: Int64 {
            let scaled = numerator.multipliedFullWidth(by: 10_000)
            let (quotient, remainder) = denominator.dividingFullWidth(scaled)
            return remainder < 0 ? quotient - 1 : quotient
        }

        /// Decimal text with `places` digits, rounded half away from zero, e.g. `"72.33"`.
        public func decimalString(places: Int) -> String {
            var scale: Int64 = 1
            for _ in 0..<places { scale *= 10 }
            let scaled = Grants.divideRoundingHalfAwayFromZero(numerator * scale, by: denominator)
            let sign = scaled < 0 ? "-" : ""
            let magnitude = scaled.magnitude
            let whole = magnitude / UInt64(scale)
            guard places > 0 else { return "\(sign)\(whole)" }
            var fraction = String(magnitude % UInt64(scale))
            while fraction.count < places { fraction = "0" + fraction }
            return "\(sign)\(whole).\(fraction)"
        }

        /// `numerator/denominator`.
        public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
    }

    /// Greatest common divisor (non-negative).
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int64(x)
    }

    /// Least common multiple of two positive numbers.
    static func lcm(_ a: Int64, _ b: Int64) -> Int64 { a / gcd(a, b) * b }
}
