extension EGovBenchmark {
    /// A scored service as the life-event rules see it.
    struct ScoredService {
        var flags: ServiceFlags
        var national: NationalServiceScores?
        var crossBorder: CrossBorderServiceScores?
    }

    /// Life-event indicators, key dimensions and overall (rules 18–26).
    enum LifeEventScoring {
        /// Rule 18 (and 21 for 4.1): wmean(0.8 · mean(transactional), 0.2 · mean(informational)).
        static func onlineAvailability(transactional: [Double], informational: [Double]) -> Double? {
            Stats.weightedMean([(0.8, Stats.mean(transactional)), (0.2, Stats.mean(informational))])
        }

        /// Rules 18–21: the service-based indicators of a set of applicable services.
        static func serviceIndicators(_ services: [ScoredService], into set: inout ScoreSet) {
            let national = services.filter { $0.flags.applicable && $0.national != nil }
            let nationalT = national.filter { $0.flags.isTransactional }.map { $0.national! }
            let nationalI = national.filter { !$0.flags.isTransactional }.map { $0.national! }
            set[.onlineAvailability] = onlineAvailability(
                transactional: nationalT.compactMap(\.onlineAvailability),
                informational: nationalI.compactMap(\.onlineAvailability))
            set[.mobileFriendliness] = Stats.mean(national.compactMap { $0.national!.mobileFriendliness })
            set[.serviceDelivery] = Stats.mean(nationalT.compactMap(\.serviceDelivery))
            set[.eID] = Stats.mean(nationalT.compactMap(\.eID))
            set[.eDocuments] = Stats.mean(nationalT.compactMap(\.eDocuments))
            set[.prefilledForms] = Stats.mean(nationalT.compactMap(\.prefilledForms))

            let crossBorder = services.filter { $0.flags.applicable && $0.crossBorder != nil }
            let crossT = crossBorder.filter { $0.flags.isTransactional }.map { $0.crossBorder! }
            let crossI = crossBorder.filter { !$0.flags.isTransactional }.map { $0.crossBorder! }
            set[.crossBorderOnlineAvailability] = onlineAvailability(
                transactional: crossT.compactMap(\.onlineAvailability),
                informational: crossI.compactMap(\.onlineAvailability))
            set[.crossBorderEID] = Stats.mean(crossT.compactMap(\.eID))
            set[.crossBorderEDocuments] = Stats.mean(crossT.compactMap(\.eDocuments))
        }

        /// Copies the portal indicators into a score set.
        static func portalIndicators(_ portal: PortalScores, into set: inout ScoreSet) {
            set[.userSupport] = portal.userSupport
            set[.personalData] = portal.personalData
            set[.serviceDesign] = portal.serviceDesign
            set[.digitalPost] = portal.digitalPost
            set[.crossBorderUserSupport] = portal.crossBorderUserSupport
        }

        /// Rules 22–26: the key dimensions and the overall score from the indicators.
        static func dimensions(into s: inout ScoreSet) {
            s[.userCentricity] = Stats.weightedMean([
                (2.0 / 3, s[.onlineAvailability]),
                (1.0 / 3, Stats.weightedMean([(2.0 / 3, s[.userSupport]), (1.0 / 3, s[.mobileFriendliness])])),
            ])
            s[.transparency] = Stats.mean([s[.serviceDelivery], s[.personalData], s[.serviceDesign]])
            s[.keyEnablers] = Stats.mean([s[.eID], s[.eDocuments], s[.prefilledForms], s[.digitalPost]])
            s[.crossBorder] = Stats.weightedMean([
                (0.5, s[.crossBorderOnlineAvailability]),
                (0.25, s[.crossBorderUserSupport]),
                (0.25, Stats.mean([s[.crossBorderEID], s[.crossBorderEDocuments]])),
            ])
            s.overall = Stats.mean(KeyDimension.allCases.map { s[$0] })
        }

        /// The full score set of one life event from its services and portal indicators.
        static func lifeEvent(services: [ScoredService], portal: PortalScores) -> ScoreSet {
            var set = ScoreSet()
            serviceIndicators(services, into: &set)
            portalIndicators(portal, into: &set)
            dimensions(into: &set)
            return set
        }
    }
}
