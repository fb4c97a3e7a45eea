// A pre- or post-test scored automatically: single- and multiple-choice questions with their right answers. Only
// ids here; the question and option texts live in the question bank in several languages.

/// One question of a test.
public struct TestQuestion: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// One option is right and one may be chosen.
        case single
        /// Several options may be right; the chosen set must equal the right set.
        case multiple
    }

    public var id: String
    public var kind: Kind
    /// The option ids, in the order they are shown.
    public var options: [String]
    /// The right option ids.
    public var right: Set<String>
    /// What the question is worth (1 unless the bank says otherwise).
    public var points: Int

    public init(id: String, kind: Kind, options: [String], right: Set<String>, points: Int = 1) {
        self.id = id
        self.kind = kind
        self.options = options
        self.right = right
        self.points = points
    }
}

/// A problem of a question in the bank, e.g. `no-right-answer`; found by `TrainingTest.problems()`.
public struct TestQuestionProblem: Sendable, Equatable {
    public var questionID: String
    /// `duplicate-id`, `too-few-options`, `no-right-answer`, `single-with-several-right`, `right-not-an-option`, `points`.
    public var code: String

    public init(questionID: String, code: String) {
        self.questionID = questionID
        self.code = code
    }
}

/// A person's result: points out of the maximum.
public struct TestScore: Sendable, Equatable {
    public var points: Int
    public var maximum: Int

    public init(points: Int, maximum: Int) {
        self.points = points
        self.maximum = maximum
    }

    /// Percent of the maximum rounded down (0 for a test worth nothing), for display.
    public var percent: Int { maximum > 0 ? points * 100 / maximum : 0 }

    /// The score as a fraction of the maximum, 0…1 (0 for a test worth nothing): what `LearningGain` takes.
    public var fraction: Double { maximum > 0 ? Double(points) / Double(maximum) : 0 }

    /// Whether the score reaches `threshold` percent, in whole numbers (points × 100 ≥ threshold × maximum), so
    /// 6 of 10 passes a 60 % threshold. A test worth nothing is never passed.
    public func passed(threshold: Int) -> Bool {
        maximum > 0 && points * 100 >= threshold * maximum
    }
}

public struct TrainingTest: Sendable, Equatable {
    public var questions: [TestQuestion]

    public init(questions: [TestQuestion]) {
        self.questions = questions
    }

    /// The questions that cannot be scored fairly; an empty list means the test can be used.
    public func problems() -> [TestQuestionProblem] {
        var problems: [TestQuestionProblem] = []
        var seen: Set<String> = []
        for question in questions {
            func add(_ code: String) { problems.append(TestQuestionProblem(questionID: question.id, code: code)) }
            if !seen.insert(question.id).inserted { add("duplicate-id") }
            if Set(question.options).count < 2 || Set(question.options).count != question.options.count { add("too-few-options") }
            if question.right.isEmpty { add("no-right-answer") }
            if question.kind == .single && question.right.count > 1 { add("single-with-several-right") }
            if !question.right.isSubset(of: Set(question.options)) { add("right-not-an-option") }
            if question.points < 1 { add("points") }
        }
        return problems
    }

    /// Scores a person's answers: question id → the chosen option ids. A question scores its points only when the
    /// chosen set equals its right set: an unanswered question, a partly right multiple choice, or two options
    /// chosen on a single-choice question score nothing. Answers to ids not in the test are ignored.
    public func score(_ answers: [String: Set<String>]) -> TestScore {
        var points = 0
        var maximum = 0
        for question in questions {
            let worth = max(question.points, 0)
            maximum += worth
            if let chosen = answers[question.id], !chosen.isEmpty, chosen == question.right { points += worth }
        }
        return TestScore(points: points, maximum: maximum)
    }
}
