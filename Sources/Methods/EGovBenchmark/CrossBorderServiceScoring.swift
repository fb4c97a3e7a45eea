extension EGovBenchmark {
    /// The scores of one cross-border service; nil = no score.
    public struct CrossBorderServiceScores: Sendable, Hashable {
        /// Cross-border online availability (rule 13).
        public var onlineAvailability: Double?
        /// Cross-border eID (rule 14).
        public var eID: Double?
        /// Cross-border eDocuments (rule 14).
        public var eDocuments: Double?

        /// Creates scores.
        public init(onlineAvailability: Double? = nil, eID: Double? = nil, eDocuments: Double? = nil) {
            self.onlineAvailability = onlineAvailability
            self.eID = eID
            self.eDocuments = eDocuments
        }
    }

    /// Cross-border service scores (rules 4, 13, 14).
    enum CrossBorderServiceScoring {
        typealias Row = CrossBorderAnswerRow

        /// All scores of a service: none if not applicable; informational → online availability only.
        static func scores(flags: ServiceFlags, rows: [Row]) -> CrossBorderServiceScores {
            guard flags.applicable else { return CrossBorderServiceScores() }
            var s = CrossBorderServiceScores(onlineAvailability: onlineAvailability(flags: flags, rows: rows))
            guard flags.isTransactional else { return s }
            s.eID = eID(flags: flags, rows: rows)
            s.eDocuments = eDocuments(flags: flags, rows: rows)
            return s
        }

        /// Rule 13: proactive → 100; 50·G1 + 50·G2, any-URL for central, per-URL mean otherwise.
        static func onlineAvailability(flags: ServiceFlags, rows: [Row]) -> Double? {
            if flags.proactive { return 100 }
            func points(_ g1: Bool, _ g2: Bool) -> Double { (g1 ? 50 : 0) + (g2 ? 50 : 0) }
            if flags.isCentral {
                return points(rows.contains { $0[.g1] == .yes }, rows.contains { $0[.g2] == .yes })
            }
            return Stats.mean(rows.map { points($0[.g1] == .yes, $0[.g2] == .yes) })
        }

        /// Rule 14: proactive → 100; URLs with I1=Y score 100·[I2=Y]; max/mean; none → no score.
        static func eID(flags: ServiceFlags, rows: [Row]) -> Double? {
            if flags.proactive { return 100 }
            let values = rows.filter { $0[.i1] == .yes }.map { $0[.i2] == .yes ? 100.0 : 0 }
            return Stats.maxOrMean(values, central: flags.isCentral)
        }

        /// Rule 14: proactive → 100; URLs whose I3 is neither N nor empty (`.` counts) score
        /// 100·[I3=Y and (I4_1=Y or I4_2=Y)]; max/mean; none → no score.
        static func eDocuments(flags: ServiceFlags, rows: [Row]) -> Double? {
            if flags.proactive { return 100 }
            let counted = rows.filter { $0[.i3] != .no && !$0.answers[.i3].isEmpty }
            let values = counted.map {
                $0[.i3] == .yes && ($0[.i4_1] == .yes || $0[.i4_2] == .yes) ? 100.0 : 0
            }
            return Stats.maxOrMean(values, central: flags.isCentral)
        }
    }
}
