extension EGovBenchmark {
    /// Country figures from life-event sets and pooled services (rules 27–30).
    enum CountryAggregation {
        /// Cell-wise mean of score sets, each measure over the sets that have it.
        static func mean(_ sets: [ScoreSet]) -> ScoreSet {
            var result = ScoreSet()
            for measure in Measure.allCases {
                result[measure] = Stats.mean(sets.map { $0[measure] })
            }
            return result
        }

        /// Rules 27–29: yearly, biennial, business and citizen columns from the life-event columns.
        static func summaryColumns(into table: inout ScoreTable) {
            let events = LifeEvent.allCases
            func sets(_ include: (LifeEvent) -> Bool) -> [ScoreSet] {
                events.filter(include).map { table[.lifeEvent($0)] }
            }
            for year in EGovBenchmark.years {
                table[.year(year)] = mean(sets { $0.year == year })
            }
            table[.biennial] = mean(sets { _ in true })
            table[.business] = mean(sets { $0.isBusiness })
            table[.citizen] = mean(sets { !$0.isBusiness })
        }

        /// Rule 30: service-based indicators of one government level's services pooled over both years.
        /// 1.1 needs transactional and informational; 4.1 needs transactional and renormalises without
        /// informational; the others are plain means.
        static func level(_ services: [ScoredService]) -> ScoreSet {
            var set = ScoreSet()
            LifeEventScoring.serviceIndicators(services, into: &set)
            let applicable = services.filter(\.flags.applicable)
            func onlineAvailability(_ pick: (ScoredService) -> Double?, transactional: Bool) -> Double? {
                Stats.mean(applicable.filter { $0.flags.isTransactional == transactional }.compactMap(pick))
            }
            let t = onlineAvailability({ $0.national?.onlineAvailability }, transactional: true)
            let i = onlineAvailability({ $0.national?.onlineAvailability }, transactional: false)
            set[.onlineAvailability] = if let t, let i { 0.8 * t + 0.2 * i } else { nil }
            let cbT = onlineAvailability({ $0.crossBorder?.onlineAvailability }, transactional: true)
            let cbI = onlineAvailability({ $0.crossBorder?.onlineAvailability }, transactional: false)
            set[.crossBorderOnlineAvailability] =
                if let cbT { Stats.weightedMean([(0.8, cbT), (0.2, cbI)]) } else { nil }
            return set
        }
    }
}
