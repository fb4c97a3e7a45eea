extension EGovBenchmark {
    /// The scores of one national service; nil = no score.
    public struct NationalServiceScores: Sendable, Hashable {
        /// Online availability (rule 7).
        public var onlineAvailability: Double?
        /// Mobile friendliness (rule 8).
        public var mobileFriendliness: Double?
        /// Transparency of service delivery (rule 10).
        public var serviceDelivery: Double?
        /// eID, rounded half up (rule 9).
        public var eID: Double?
        /// eDocuments (rule 11).
        public var eDocuments: Double?
        /// Pre-filled forms (rule 12).
        public var prefilledForms: Double?

        /// Creates scores.
        public init(onlineAvailability: Double? = nil, mobileFriendliness: Double? = nil,
                    serviceDelivery: Double? = nil, eID: Double? = nil,
                    eDocuments: Double? = nil, prefilledForms: Double? = nil) {
            self.onlineAvailability = onlineAvailability
            self.mobileFriendliness = mobileFriendliness
            self.serviceDelivery = serviceDelivery
            self.eID = eID
            self.eDocuments = eDocuments
            self.prefilledForms = prefilledForms
        }
    }

    /// National service scores (rules 4, 7–12).
    enum NationalServiceScoring {
        typealias Row = NationalAnswerRow

        /// All scores of a service per rule 4: none if not applicable; informational → 7 and 8 only.
        static func scores(flags: ServiceFlags, rows: [Row]) -> NationalServiceScores {
            guard flags.applicable else { return NationalServiceScores() }
            var s = NationalServiceScores(
                onlineAvailability: onlineAvailability(flags: flags, rows: rows),
                mobileFriendliness: mobileFriendliness(flags: flags, rows: rows))
            guard flags.isTransactional else { return s }
            s.eID = eID(flags: flags, rows: rows)
            s.serviceDelivery = serviceDelivery(flags: flags, rows: rows)
            s.eDocuments = eDocuments(flags: flags, rows: rows)
            s.prefilledForms = prefilledForms(flags: flags, rows: rows)
            return s
        }

        /// Rule 7: 25·A1 + 50·A2 + 25·A3, any-URL for central, per-URL mean otherwise; proactive → 100.
        static func onlineAvailability(flags: ServiceFlags, rows: [Row]) -> Double? {
            if flags.proactive { return 100 }
            func points(_ a1: Bool, _ a2: Bool, _ a3: Bool) -> Double {
                (a1 ? 25 : 0) + (a2 ? 50 : 0) + (a3 ? 25 : 0)
            }
            if flags.isCentral {
                return points(rows.contains { $0[.a1] == .yes }, rows.contains { $0[.a2] == .yes },
                              rows.contains { $0[.a3] == .yes })
            }
            return Stats.mean(rows.map { points($0[.a1] == .yes, $0[.a2] == .yes, $0[.a3] == .yes) })
        }

        /// Rule 8: proactive → 100; no numeric value → 0; central → max, otherwise mean.
        static func mobileFriendliness(flags: ServiceFlags, rows: [Row]) -> Double? {
            if flags.proactive { return 100 }
            let values = rows.compactMap(\.mobileFriendliness)
            return Stats.maxOrMean(values, central: flags.isCentral) ?? 0
        }

        /// Rule 9: F2–F4 over the F1 scope, BEST/SHARE, mean, rounded half up; no proactive override.
        static func eID(flags: ServiceFlags, rows: [Row]) -> Double? {
            let scope: [Row]
            if flags.isCentral {
                let anyYes = rows.contains { $0[.f1] == .yes }
                let anyNo = rows.contains { $0[.f1] == .no }
                if !anyYes && anyNo { return nil }
                scope = rows
            } else {
                scope = rows.filter { $0[.f1] != .no && $0[.f1] != .notRelevant }
                if scope.isEmpty { return nil }
            }
            let questions: [NationalQuestion] = [.f2, .f3, .f4]
            let mean = Stats.mean(questions.map { q in
                QuestionAggregation.aggregate(scope.map { $0[q] }, central: flags.isCentral)
            })
            return mean.map { ($0 + 0.5).rounded(.down) }
        }

        /// Rule 10: mean over C1…C7 of BEST/SHARE, dropped questions skipped; no proactive override.
        static func serviceDelivery(flags: ServiceFlags, rows: [Row]) -> Double? {
            let questions: [NationalQuestion] = [.c1, .c2, .c3, .c4, .c5, .c6, .c7]
            return Stats.mean(questions.map { q in
                QuestionAggregation.aggregate(rows.map { $0[q] }, central: flags.isCentral)
            })
        }

        /// Rule 11: URLs with F6=Y (all URLs if proactive) score 100 if F7_1 or F7_2 is Y; max/mean.
        static func eDocuments(flags: ServiceFlags, rows: [Row]) -> Double? {
            let counted = flags.proactive ? rows : rows.filter { $0[.f6] == .yes }
            let values = counted.map { $0[.f7_1] == .yes || $0[.f7_2] == .yes ? 100.0 : 0 }
            return Stats.maxOrMean(values, central: flags.isCentral)
        }

        /// Rule 12: proactive → 100; URLs with F8=Y score 100 if F9=Y; max/mean.
        static func prefilledForms(flags: ServiceFlags, rows: [Row]) -> Double? {
            if flags.proactive { return 100 }
            let values = rows.filter { $0[.f8] == .yes }.map { $0[.f9] == .yes ? 100.0 : 0 }
            return Stats.maxOrMean(values, central: flags.isCentral)
        }
    }
}
