extension Grants {
    /// An ISO 4217 currency with two minor-unit digits (EUR, MKD, ALL, RSD, USD, GBP, CHF …).
    public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The three-letter upper-case ISO 4217 code.
        public let code: String

        /// Accepts three ASCII letters (any case); returns nil otherwise.
        public init?(_ code: String) {
            let upper = code.uppercased()
            guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
            self.code = upper
        }

        /// Euro.
        public static let eur = Currency(trusted: "EUR")
        /// Macedonian denar.
        public static let mkd = Currency(trusted: "MKD")
        /// Albanian lek.
        public static let all = Currency(trusted: "ALL")
        /// Serbian dinar.
        public static let rsd = Currency(trusted: "RSD")
        /// US dollar.
        public static let usd = Currency(trusted: "USD")

        /// Minor units per major unit: every supported amount has exactly two decimals.
        public static let minorUnitsPerMajor: Int64 = 100

        /// Symbols people type next to amounts, besides the ISO code (compared case-insensitively).
        public var symbols: [String] {
            switch code {
            case "EUR": ["€"]
            case "MKD": ["ден.", "ден", "den.", "den"]
            case "ALL": ["lekë", "leke", "lek"]
            case "RSD": ["дин.", "дин", "din.", "din"]
            case "USD": ["$", "us$"]
            case "GBP": ["£"]
            case "CHF": ["fr.", "sfr."]
            default: []
            }
        }

        /// The ISO code.
        public var description: String { code }

        /// Decodes the ISO code, refusing anything but three letters.
        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let currency = Currency(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 4217 code: \(text)"))
            }
            self = currency
        }

        /// Encodes the ISO code.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(code)
        }

        private init(trusted code: String) { self.code = code }
    }
}
