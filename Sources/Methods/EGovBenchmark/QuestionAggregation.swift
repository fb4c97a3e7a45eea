extension EGovBenchmark {
    /// One question over a service's URLs (rules 5 and 6).
    enum QuestionAggregation {
        /// Rule 5, central: dropped (nil) if every URL says NR; else 100 if any URL says Y, else 0.
        static func best(_ answers: [AnswerValue]) -> Double? {
            if answers.allSatisfy({ $0 == .notRelevant }) { return nil }
            return answers.contains(.yes) ? 100 : 0
        }

        /// Rule 6, regional/local: dropped (nil) if no URL says Y or N; else 100 × #Y / #URLs
        /// (NR and BLANK stay in the denominator).
        static func share(_ answers: [AnswerValue]) -> Double? {
            guard answers.contains(where: { $0 == .yes || $0 == .no }) else { return nil }
            let yes = answers.count(where: { $0 == .yes })
            return 100 * Double(yes) / Double(answers.count)
        }

        /// BEST for a central service, SHARE otherwise.
        static func aggregate(_ answers: [AnswerValue], central: Bool) -> Double? {
            central ? best(answers) : share(answers)
        }
    }
}
