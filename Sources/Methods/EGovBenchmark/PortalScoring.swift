extension EGovBenchmark {
    /// The portal indicators of one (country, life event); nil = missing.
    public struct PortalScores: Sendable, Hashable {
        /// 1.3 user support.
        public var userSupport: Double?
        /// 2.2 transparency of personal data.
        public var personalData: Double?
        /// 2.3 transparency of service design.
        public var serviceDesign: Double?
        /// 3.4 digital post.
        public var digitalPost: Double?
        /// 4.2 cross-border user support.
        public var crossBorderUserSupport: Double?

        /// Creates scores.
        public init(userSupport: Double? = nil, personalData: Double? = nil, serviceDesign: Double? = nil,
                    digitalPost: Double? = nil, crossBorderUserSupport: Double? = nil) {
            self.userSupport = userSupport
            self.personalData = personalData
            self.serviceDesign = serviceDesign
            self.digitalPost = digitalPost
            self.crossBorderUserSupport = crossBorderUserSupport
        }
    }

    /// Portal indicators (rules 15–17).
    enum PortalScoring {
        /// Rule 16: the Y/N answers of all rows (NR and BLANK ignored); none → dropped; any Y → 100, else 0.
        static func yesNo(_ answers: [AnswerValue]) -> Double? {
            let decided = answers.filter { $0 == .yes || $0 == .no }
            if decided.isEmpty { return nil }
            return decided.contains(.yes) ? 100 : 0
        }

        /// Rule 16 for a numeric question: max over the rows / scale × 100; none → dropped.
        static func scaled(_ values: [Double?], maximum: Double) -> Double? {
            values.compactMap { $0 }.max().map { $0 / maximum * 100 }
        }

        /// Rule 17 on the national portal rows (B2 pools B2_1 and B2_2); no rows → all missing.
        static func national(_ rows: [NationalPortalRow]) -> PortalScores {
            func q(_ questions: NationalPortalQuestion...) -> Double? {
                yesNo(rows.flatMap { row in questions.map { row.answers[$0].value } })
            }
            return PortalScores(
                userSupport: Stats.mean([q(.b1), q(.b2_1, .b2_2), q(.b3), q(.b4), q(.b5), q(.b6), q(.b7)]),
                personalData: Stats.mean([scaled(rows.map(\.d1), maximum: 3), q(.d2), q(.d3), q(.d4),
                                          scaled(rows.map(\.d5), maximum: 5)]),
                serviceDesign: Stats.mean([q(.e1), q(.e2), q(.e3), q(.e4)]),
                digitalPost: Stats.mean([q(.f10), q(.f11)]))
        }

        /// Rule 17, 4.2 on the cross-border portal rows; no rows → missing.
        static func crossBorderUserSupport(_ rows: [CrossBorderPortalRow]) -> Double? {
            let questions: [CrossBorderPortalQuestion] = [.h1, .h2, .h3]
            return Stats.mean(questions.map { q in yesNo(rows.map { $0.answers[q].value }) })
        }
    }
}
