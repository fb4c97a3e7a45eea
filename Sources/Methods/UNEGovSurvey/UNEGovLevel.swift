extension UNEGovSurvey {
    /// The Survey's EGDI level bands, as worded in `docs/methods/un-egdi.md`:
    /// Very high > 0.75; High 0.50–0.75; Middle 0.25–0.50; Low < 0.25.
    ///
    /// Boundaries: "> 0.75" and "< 0.25" are strict, so 0.75 is High and 0.25 is Middle; the two
    /// ranges that share 0.50 give it to the higher band (the Survey's ranges start inclusively), so
    /// Low [0, 0.25), Middle [0.25, 0.50), High [0.50, 0.75], Very high (0.75, 1].
    public enum Level: String, CaseIterable, Sendable, Hashable, Comparable {
        /// EGDI < 0.25.
        case low
        /// 0.25 ≤ EGDI < 0.50.
        case middle
        /// 0.50 ≤ EGDI ≤ 0.75.
        case high
        /// EGDI > 0.75.
        case veryHigh

        /// The band of `egdi`; nil when it is not a number in [0, 1].
        public init?(egdi: Double) {
            guard egdi.isFinite, egdi >= 0, egdi <= 1 else { return nil }
            if egdi > 0.75 {
                self = .veryHigh
            } else if egdi >= 0.50 {
                self = .high
            } else if egdi >= 0.25 {
                self = .middle
            } else {
                self = .low
            }
        }

        /// The band's name as the Survey writes it.
        public var title: String {
            switch self {
            case .low: "Low"
            case .middle: "Middle"
            case .high: "High"
            case .veryHigh: "Very high"
            }
        }

        /// Orders from Low to Very high.
        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }
}
