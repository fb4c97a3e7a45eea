extension EGovBenchmark {
    /// A benchmark country code (Eurostat style: `EL` for Greece).
    public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// The two-letter code, upper case.
        public let rawValue: String

        /// The 27 EU member states.
        public static let eu27: Set<CountryCode> = codes(
            "AT BE BG HR CY CZ DK EE FI FR DE EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE")
        /// The 35 benchmark countries: EU27 + IS, NO, CH, TR, ME, RS, AL, MK.
        public static let benchmark: Set<CountryCode> = eu27.union(codes("IS NO CH TR ME RS AL MK"))
        /// Every code accepted in input: the benchmark countries plus `XK` and `BA`, the Western Balkan
        /// countries the benchmark does not cover (the network's own assessments).
        public static let known: Set<CountryCode> = benchmark.union(codes("XK BA"))
        /// Codes accepted in input and what they stand for (ISO `GR` → `EL`).
        public static let aliases: [String: CountryCode] = ["GR": CountryCode(unchecked: "EL")]

        private init(unchecked code: String) { rawValue = code }

        /// Reads a code (trimmed, case-insensitive, `GR` read as `EL`); nil if not a known country.
        public init?(_ text: String) {
            let code = text.trimmed.uppercased()
            if let alias = Self.aliases[code] {
                self = alias
            } else if Self.known.contains(CountryCode(unchecked: code)) {
                rawValue = code
            } else {
                return nil
            }
        }

        /// Whether the country is an EU member state.
        public var isEU27: Bool { Self.eu27.contains(self) }
        /// Whether the country is one of the 35 covered by the benchmark.
        public var isBenchmarkCountry: Bool { Self.benchmark.contains(self) }

        /// The code.
        public var description: String { rawValue }

        /// Orders codes alphabetically.
        public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }

        private static func codes(_ list: String) -> Set<CountryCode> {
            Set(list.split(separator: " ").map { CountryCode(unchecked: String($0)) })
        }
    }
}
