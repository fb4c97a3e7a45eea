extension EGovBenchmark {
    /// Everything the engine computes from a dataset.
    public struct Results: Sendable {
        /// Scores of every national landscape service (all nil when not applicable).
        public var nationalServices: [ServiceKey: NationalServiceScores] = [:]
        /// Scores of every cross-border landscape service (all nil when not applicable).
        public var crossBorderServices: [ServiceKey: CrossBorderServiceScores] = [:]
        /// Portal indicators per (country, life event) with portal rows.
        public var portals: [LifeEventKey: PortalScores] = [:]
        /// Every column of every country in the data.
        public var countries: [CountryCode: ScoreTable] = [:]
        /// EU27+: cell-wise plain mean over the 35 benchmark countries present (rule 31).
        public var eu27Plus = ScoreTable()
        /// EU27: cell-wise plain mean over the EU member states present (rule 31).
        public var eu27 = ScoreTable()

        /// Creates empty results.
        public init() {}
    }
}
