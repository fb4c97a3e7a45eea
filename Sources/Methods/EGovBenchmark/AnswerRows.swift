extension EGovBenchmark {
    /// One assessed URL of a national service.
    public struct NationalAnswerRow: Sendable, Hashable {
        /// The answers file's line.
        public var line: Int
        /// The URL (or a placeholder such as `Not applicable`, `Proactive`).
        public var url: String
        /// The Yes/No answers.
        public var answers: AnswerSheet<NationalQuestion>
        /// The Mobile Friendliness test value; nil when empty or `.`.
        public var mobileFriendliness: Double?

        /// Creates a row.
        public init(line: Int = 0, url: String = "", answers: AnswerSheet<NationalQuestion>,
                    mobileFriendliness: Double? = nil) {
            self.line = line
            self.url = url
            self.answers = answers
            self.mobileFriendliness = mobileFriendliness
        }

        /// The value answered to `question`.
        public subscript(question: NationalQuestion) -> AnswerValue { answers[question].value }
    }

    /// One assessed URL of a cross-border service.
    public struct CrossBorderAnswerRow: Sendable, Hashable {
        /// The answers file's line.
        public var line: Int
        /// The URL (or a placeholder).
        public var url: String
        /// The Yes/No answers.
        public var answers: AnswerSheet<CrossBorderQuestion>

        /// Creates a row.
        public init(line: Int = 0, url: String = "", answers: AnswerSheet<CrossBorderQuestion>) {
            self.line = line
            self.url = url
            self.answers = answers
        }

        /// The value answered to `question`.
        public subscript(question: CrossBorderQuestion) -> AnswerValue { answers[question].value }
    }

    /// One national portal URL assessed for a life event.
    public struct NationalPortalRow: Sendable, Hashable {
        /// The portals file's line.
        public var line: Int
        /// The Yes/No answers.
        public var answers: AnswerSheet<NationalPortalQuestion>
        /// D1, degree of online access to personal data (0…3); nil when missing.
        public var d1: Double?
        /// D5, monitoring who consulted your data (0…5); nil when missing.
        public var d5: Double?

        /// Creates a row.
        public init(line: Int = 0, answers: AnswerSheet<NationalPortalQuestion>,
                    d1: Double? = nil, d5: Double? = nil) {
            self.line = line
            self.answers = answers
            self.d1 = d1
            self.d5 = d5
        }
    }

    /// One cross-border portal URL assessed for a life event.
    public struct CrossBorderPortalRow: Sendable, Hashable {
        /// The portals file's line.
        public var line: Int
        /// The Yes/No answers.
        public var answers: AnswerSheet<CrossBorderPortalQuestion>

        /// Creates a row.
        public init(line: Int = 0, answers: AnswerSheet<CrossBorderPortalQuestion>) {
            self.line = line
            self.answers = answers
        }
    }
}
