extension EGovBenchmark {
    /// A set of Yes/No question columns; `rawValue` indexes an ``AnswerSheet``.
    public protocol QuestionColumn: RawRepresentable<Int>, CaseIterable, Hashable, Sendable {
        /// The column code as it starts the header, e.g. `A1`, `F7_1`.
        var code: String { get }
    }

    /// The Yes/No questions of national service URLs read by the method.
    public enum NationalQuestion: Int, QuestionColumn {
        case a1, a2, a3, c1, c2, c3, c4, c5, c6, c7, f1, f2, f3, f4, f6, f7_1, f7_2, f8, f9
        /// The column code.
        public var code: String { "\(self)".uppercased() }
    }

    /// The Yes/No questions of cross-border service URLs read by the method.
    public enum CrossBorderQuestion: Int, QuestionColumn {
        case g1, g2, i1, i2, i3, i4_1, i4_2
        /// The column code.
        public var code: String { "\(self)".uppercased() }
    }

    /// The Yes/No questions of national portals (D1 and D5 are numeric, kept apart).
    public enum NationalPortalQuestion: Int, QuestionColumn {
        case b1, b2_1, b2_2, b3, b4, b5, b6, b7, d2, d3, d4, e1, e2, e3, e4, f10, f11
        /// The column code.
        public var code: String { "\(self)".uppercased() }
    }

    /// The Yes/No questions of cross-border portals.
    public enum CrossBorderPortalQuestion: Int, QuestionColumn {
        case h1, h2, h3
        /// The column code.
        public var code: String { "\(self)".uppercased() }
    }

    /// The answers of one row to every question of a question set.
    public struct AnswerSheet<Question: QuestionColumn>: Sendable, Hashable {
        private var answers: [Answer]

        /// A sheet with every answer empty.
        public init() {
            answers = Array(repeating: .empty, count: Question.allCases.count)
        }

        /// A sheet with the given values; questions not listed are empty.
        public init(_ values: [Question: AnswerValue]) {
            self.init()
            for (question, value) in values { self[question] = Answer(value) }
        }

        /// The answer to `question`.
        public subscript(question: Question) -> Answer {
            get { answers[question.rawValue] }
            set { answers[question.rawValue] = newValue }
        }
    }
}
