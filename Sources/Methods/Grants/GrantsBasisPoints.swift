extension Grants {
    /// A share in basis points: 10,000 = 100 %, 1,000 = 10 %, 1 = 0.01 %.
    public struct BasisPoints: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
        /// The share in 1/10,000.
        public let value: Int64

        /// A share given in basis points.
        public init(_ value: Int64) { self.value = value }

        /// A share given in whole percent, e.g. `.percent(10)`.
        public static func percent(_ percent: Int64) -> BasisPoints { BasisPoints(percent * 100) }

        /// 100 %.
        public static let whole = BasisPoints(10_000)

        /// The same share as an exact fraction.
        public var ratio: Ratio { Ratio(value, 10_000) }

        /// Orders by size.
        public static func < (a: BasisPoints, b: BasisPoints) -> Bool { a.value < b.value }

        /// Percent text such as `10.00%`.
        public var description: String { "\((ratio * 100).decimalString(places: 2))%" }
    }
}
