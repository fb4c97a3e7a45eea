extension EGovBenchmark {
    /// Computes every score of the method from a dataset.
    public enum Engine {
        /// Scores services, portals, life events, countries and the EU averages (rules 4–31).
        public static func compute(_ data: EGovBenchmarkDataset) -> Results {
            var results = Results()
            var byLifeEvent: [LifeEventKey: [ScoredService]] = [:]
            var byLevel: [CountryCode: [GovernmentLevel: [ScoredService]]] = [:]
            func add(_ service: ScoredService, key: ServiceKey) {
                byLifeEvent[key.lifeEventKey, default: []].append(service)
                byLevel[key.country, default: [:]][service.flags.level, default: []].append(service)
            }
            // Landscape order, so that sums (and their last bits) do not depend on dictionary order.
            for service in data.nationalServices.values.sorted(by: { $0.line < $1.line }) {
                let key = service.key
                let scores = NationalServiceScoring.scores(flags: service.flags, rows: data.nationalAnswers[key] ?? [])
                results.nationalServices[key] = scores
                add(ScoredService(flags: service.flags, national: scores), key: key)
            }
            for service in data.crossBorderServices.values.sorted(by: { $0.line < $1.line }) {
                let key = service.key
                let scores = CrossBorderServiceScoring.scores(flags: service.flags, rows: data.crossBorderAnswers[key] ?? [])
                results.crossBorderServices[key] = scores
                add(ScoredService(flags: service.flags, crossBorder: scores), key: key)
            }
            let lifeEventKeys = Set(byLifeEvent.keys).union(data.nationalPortals.keys).union(data.crossBorderPortals.keys)
            for key in lifeEventKeys {
                var portal = PortalScores()
                if let rows = data.nationalPortals[key] { portal = PortalScoring.national(rows) }
                if let rows = data.crossBorderPortals[key] {
                    portal.crossBorderUserSupport = PortalScoring.crossBorderUserSupport(rows)
                }
                if data.nationalPortals[key] != nil || data.crossBorderPortals[key] != nil {
                    results.portals[key] = portal
                }
                let set = LifeEventScoring.lifeEvent(services: byLifeEvent[key] ?? [], portal: portal)
                results.countries[key.country, default: ScoreTable()][.lifeEvent(key.lifeEvent)] = set
            }
            for country in results.countries.keys {
                CountryAggregation.summaryColumns(into: &results.countries[country]!)
                for level in [GovernmentLevel.central, .regional, .local] {
                    let services = byLevel[country]?[level] ?? []
                    results.countries[country]![.level(level)] = CountryAggregation.level(services)
                }
            }
            let countries = results.countries.sorted { $0.key < $1.key }
            results.eu27Plus = average(countries.filter { $0.key.isBenchmarkCountry }.map(\.value))
            results.eu27 = average(countries.filter { $0.key.isEU27 }.map(\.value))
            return results
        }

        /// Rule 31: cell-wise plain mean of tables, countries without a value skipped.
        static func average(_ tables: [ScoreTable]) -> ScoreTable {
            var result = ScoreTable()
            for column in ScoreColumn.all {
                result[column] = CountryAggregation.mean(tables.map { $0[column] })
            }
            return result
        }
    }
}
