extension EGovBenchmark {
    /// A (country, life event) pair: the unit of portal rows and life-event scores.
    public struct LifeEventKey: Hashable, Comparable, Sendable {
        /// The country.
        public var country: CountryCode
        /// The life event.
        public var lifeEvent: LifeEvent

        /// Creates a key.
        public init(country: CountryCode, lifeEvent: LifeEvent) {
            self.country = country
            self.lifeEvent = lifeEvent
        }

        /// Orders by country, then life event.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.country, lhs.lifeEvent) < (rhs.country, rhs.lifeEvent)
        }
    }

    /// A service: (country, life event, service number), rule 2.
    public struct ServiceKey: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// The country.
        public var country: CountryCode
        /// The life event.
        public var lifeEvent: LifeEvent
        /// The service number: the first token of the label, e.g. `2.1`.
        public var number: String

        /// Creates a key.
        public init(country: CountryCode, lifeEvent: LifeEvent, number: String) {
            self.country = country
            self.lifeEvent = lifeEvent
            self.number = number
        }

        /// The service number of a label (its first whitespace-separated token), nil if the label is blank.
        public static func number(ofLabel label: String) -> String? {
            label.split(whereSeparator: { $0.isWhitespace }).first.map(String.init)
        }

        /// The (country, life event) the service belongs to.
        public var lifeEventKey: LifeEventKey { LifeEventKey(country: country, lifeEvent: lifeEvent) }

        /// E.g. `AL Business Start-up 2.1`.
        public var description: String { "\(country) \(lifeEvent.publishedName) \(number)" }

        /// Orders by country, life event, then service number compared numerically part by part.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.lifeEventKey != rhs.lifeEventKey { return lhs.lifeEventKey < rhs.lifeEventKey }
            let l = lhs.number.split(separator: "."), r = rhs.number.split(separator: ".")
            for (a, b) in zip(l, r) where a != b {
                if let x = Int(a), let y = Int(b) { return x < y }
                return a < b
            }
            return l.count < r.count
        }
    }
}
