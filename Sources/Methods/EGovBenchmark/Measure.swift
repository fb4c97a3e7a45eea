extension EGovBenchmark {
    /// The 14 indicators; `rawValue` is the JSON key.
    public enum Indicator: String, CaseIterable, Sendable, Hashable {
        /// 1.1, 1.2, 1.3 (user centricity).
        case onlineAvailability, mobileFriendliness, userSupport
        /// 2.1, 2.2, 2.3 (transparency).
        case serviceDelivery, personalData, serviceDesign
        /// 3.1, 3.2, 3.3, 3.4 (key enablers).
        case eID, eDocuments, prefilledForms, digitalPost
        /// 4.1, 4.2, 4.3, 4.4 (cross-border services).
        case crossBorderOnlineAvailability, crossBorderUserSupport, crossBorderEID, crossBorderEDocuments

        /// The indicator's number, e.g. `1.1`.
        public var number: String {
            switch self {
            case .onlineAvailability: "1.1"
            case .mobileFriendliness: "1.2"
            case .userSupport: "1.3"
            case .serviceDelivery: "2.1"
            case .personalData: "2.2"
            case .serviceDesign: "2.3"
            case .eID: "3.1"
            case .eDocuments: "3.2"
            case .prefilledForms: "3.3"
            case .digitalPost: "3.4"
            case .crossBorderOnlineAvailability: "4.1"
            case .crossBorderUserSupport: "4.2"
            case .crossBorderEID: "4.3"
            case .crossBorderEDocuments: "4.4"
            }
        }

        /// Whether the indicator is computed from service scores (and so exists per government level).
        public var isServiceBased: Bool {
            switch self {
            case .userSupport, .personalData, .serviceDesign, .digitalPost, .crossBorderUserSupport: false
            default: true
            }
        }
    }

    /// The four key dimensions; `rawValue` is the JSON key.
    public enum KeyDimension: String, CaseIterable, Sendable, Hashable {
        /// 1, 2, 3 and 4.
        case userCentricity, transparency, keyEnablers, crossBorder

        /// The dimension's number, e.g. `1`.
        public var number: String {
            switch self {
            case .userCentricity: "1"
            case .transparency: "2"
            case .keyEnablers: "3"
            case .crossBorder: "4"
            }
        }
    }

    /// One published figure: the overall score, a key dimension or an indicator.
    public enum Measure: Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// The overall score (rule 26).
        case overall
        /// A key dimension (rules 22–25).
        case dimension(KeyDimension)
        /// One of the 14 indicators (rules 15–21).
        case indicator(Indicator)

        /// Overall, the four dimensions, then the 14 indicators.
        public static let allCases: [Measure] =
            [.overall] + KeyDimension.allCases.map(Measure.dimension) + Indicator.allCases.map(Measure.indicator)

        /// Dense index into ``ScoreSet``.
        var index: Int {
            switch self {
            case .overall: 0
            case .dimension(let d): 1 + KeyDimension.allCases.firstIndex(of: d)!
            case .indicator(let i): 5 + Indicator.allCases.firstIndex(of: i)!
            }
        }

        /// The published row number: `0` for overall, `1`…`4` for dimensions, `1.1`… for indicators.
        public var number: String {
            switch self {
            case .overall: "0"
            case .dimension(let d): d.number
            case .indicator(let i): i.number
            }
        }

        /// Finds the measure whose number starts a published row label (e.g. `1.1 Online availability`).
        public init?(publishedLabel: String) {
            guard var token = ServiceKey.number(ofLabel: publishedLabel) else { return nil }
            if token.hasSuffix(".") { token.removeLast() }
            guard let match = Self.allCases.first(where: { $0.number == token }) else { return nil }
            self = match
        }

        /// The JSON key, e.g. `overall`, `userCentricity`, `eID`.
        public var description: String {
            switch self {
            case .overall: "overall"
            case .dimension(let d): d.rawValue
            case .indicator(let i): i.rawValue
            }
        }
    }

    /// Values of all 19 measures for one cell column (a life event, a year, the biennial, …); nil = missing.
    public struct ScoreSet: Sendable, Hashable {
        private var values: [Double?] = Array(repeating: nil, count: Measure.allCases.count)

        /// An empty set: every measure missing.
        public init() {}

        /// The value of `measure`.
        public subscript(measure: Measure) -> Double? {
            get { values[measure.index] }
            set { values[measure.index] = newValue }
        }

        /// The value of `indicator`.
        public subscript(indicator: Indicator) -> Double? {
            get { self[.indicator(indicator)] }
            set { self[.indicator(indicator)] = newValue }
        }

        /// The value of `dimension`.
        public subscript(dimension: KeyDimension) -> Double? {
            get { self[.dimension(dimension)] }
            set { self[.dimension(dimension)] = newValue }
        }

        /// The overall score.
        public var overall: Double? {
            get { self[.overall] }
            set { self[.overall] = newValue }
        }
    }
}
