// Why an application form or its answers were refused: every problem is reported at once, each with a reason code.
extension Grants {
    /// Why an answer to an application form was refused; all are reported at once.
    public enum FormProblem: Error, Hashable, Sendable, ReasonCoded {
        /// A visible required question has no answer (or only blanks).
        case required(question: String)
        /// A short text has more characters than allowed.
        case tooLong(question: String, characters: Int, maximum: Int)
        /// A text has more words than the question allows.
        case tooManyWords(question: String, words: Int, maximum: Int)
        /// A text has fewer words than the question asks for.
        case tooFewWords(question: String, words: Int, minimum: Int)
        /// A number question's answer is not a whole number written with digits only.
        case notANumber(question: String)
        /// A whole number outside the question's range (either bound may be absent).
        case numberOutOfRange(question: String, minimum: Int64?, maximum: Int64?)
        /// A money answer that `MoneyParser` refused; the code is the wrapped error's.
        case money(question: String, AmountParseError)
        /// A date question's answer is not a valid `YYYY-MM-DD` date.
        case notADate(question: String)
        /// A choice id the question does not offer.
        case unknownChoice(question: String, choice: String)
        /// Several choices for a single-choice question.
        case oneChoiceOnly(question: String)
        /// Several values for a question that takes one (text, number, money, date, file).
        case oneValueOnly(question: String)
        /// An answer to a question id the form does not have.
        case unknownQuestion(String)

        /// The form question the problem belongs to (nil for an answer to a question the form has not).
        public var question: String? {
            switch self {
            case let .required(id), let .tooLong(id, _, _), let .tooManyWords(id, _, _), let .tooFewWords(id, _, _),
                let .notANumber(id), let .numberOutOfRange(id, _, _), let .money(id, _), let .notADate(id),
                let .unknownChoice(id, _), let .oneChoiceOnly(id), let .oneValueOnly(id):
                id
            case .unknownQuestion: nil
            }
        }

        /// Stable reason code.
        public var code: String {
            switch self {
            case .required: "grants.form.required"
            case .tooLong: "grants.form.too-long"
            case .tooManyWords: "grants.form.too-many-words"
            case .tooFewWords: "grants.form.too-few-words"
            case .notANumber: "grants.form.not-a-number"
            case .numberOutOfRange: "grants.form.number-out-of-range"
            case let .money(_, error): error.code
            case .notADate: "grants.form.not-a-date"
            case .unknownChoice: "grants.form.unknown-choice"
            case .oneChoiceOnly: "grants.form.one-choice-only"
            case .oneValueOnly: "grants.form.one-value-only"
            case .unknownQuestion: "grants.form.unknown-question"
            }
        }

        /// Message arguments; always "question" (the id), plus the values the message needs.
        public var arguments: [String: Argument] {
            switch self {
            case let .required(id), let .notANumber(id), let .notADate(id), let .oneChoiceOnly(id),
                let .oneValueOnly(id), let .unknownQuestion(id):
                return ["question": .text(id)]
            case let .tooLong(id, characters, maximum):
                return ["question": .text(id), "characters": .integer(characters), "maximum": .integer(maximum)]
            case let .tooManyWords(id, words, maximum):
                return ["question": .text(id), "words": .integer(words), "maximum": .integer(maximum)]
            case let .tooFewWords(id, words, minimum):
                return ["question": .text(id), "words": .integer(words), "minimum": .integer(minimum)]
            case let .numberOutOfRange(id, minimum, maximum):
                var arguments: [String: Argument] = ["question": .text(id)]
                if let minimum { arguments["minimum"] = .integer(Int(minimum)) }
                if let maximum { arguments["maximum"] = .integer(Int(maximum)) }
                return arguments
            case let .money(id, error):
                return error.arguments.merging(["question": .text(id)]) { _, new in new }
            case let .unknownChoice(id, choice):
                return ["question": .text(id), "choice": .text(choice)]
            }
        }
    }

    /// A mistake in an application form's definition, found before the call opens.
    public enum FormDefinitionProblem: Error, Hashable, Sendable, ReasonCoded {
        /// Two questions share an id.
        case duplicateQuestion(String)
        /// Two sections share an id.
        case duplicateSection(String)
        /// A question id that is empty or has other characters than a–z, 0–9 and "-".
        case invalidQuestionId(String)
        /// A section id that is empty or has other characters than a–z, 0–9 and "-".
        case invalidSectionId(String)
        /// A choice id that is empty or has other characters than a–z, 0–9 and "-".
        case invalidChoiceId(question: String, choice: String)
        /// A choice question without choices.
        case noChoices(question: String)
        /// A choice question offers the same choice id twice.
        case duplicateChoice(question: String, choice: String)
        /// A condition (of the question or section `owner`) names a question the form does not have.
        case conditionOnUnknownQuestion(owner: String, question: String)
        /// A condition names a question that is not a single- or multiple-choice question.
        case conditionOnNonChoiceQuestion(owner: String, question: String)
        /// A condition names a choice its question does not offer.
        case conditionOnUnknownChoice(owner: String, question: String, choice: String)
        /// A condition names the question itself, or one that comes later (or inside the conditional section).
        case conditionOnLaterQuestion(owner: String, question: String)
        /// The fewest words asked for is above the most allowed.
        case wordLimitsInverted(question: String, minimum: Int, maximum: Int)
        /// The smallest number accepted is above the largest.
        case numberLimitsInverted(question: String, minimum: Int64, maximum: Int64)
        /// A question without an English title.
        case missingEnglishTitle(question: String)
        /// A section without an English title.
        case sectionMissingEnglishTitle(section: String)
        /// A choice without an English title.
        case choiceMissingEnglishTitle(question: String, choice: String)

        /// Stable reason code.
        public var code: String {
            switch self {
            case .duplicateQuestion: "grants.form-definition.duplicate-question"
            case .duplicateSection: "grants.form-definition.duplicate-section"
            case .invalidQuestionId: "grants.form-definition.invalid-question-id"
            case .invalidSectionId: "grants.form-definition.invalid-section-id"
            case .invalidChoiceId: "grants.form-definition.invalid-choice-id"
            case .noChoices: "grants.form-definition.no-choices"
            case .duplicateChoice: "grants.form-definition.duplicate-choice"
            case .conditionOnUnknownQuestion: "grants.form-definition.condition-unknown-question"
            case .conditionOnNonChoiceQuestion: "grants.form-definition.condition-not-a-choice-question"
            case .conditionOnUnknownChoice: "grants.form-definition.condition-unknown-choice"
            case .conditionOnLaterQuestion: "grants.form-definition.condition-later-question"
            case .wordLimitsInverted: "grants.form-definition.word-limits-inverted"
            case .numberLimitsInverted: "grants.form-definition.number-limits-inverted"
            case .missingEnglishTitle: "grants.form-definition.missing-english-title"
            case .sectionMissingEnglishTitle: "grants.form-definition.section-missing-english-title"
            case .choiceMissingEnglishTitle: "grants.form-definition.choice-missing-english-title"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .duplicateQuestion(id), let .invalidQuestionId(id), let .noChoices(id), let .missingEnglishTitle(id):
                ["question": .text(id)]
            case let .duplicateSection(id), let .invalidSectionId(id), let .sectionMissingEnglishTitle(id):
                ["section": .text(id)]
            case let .invalidChoiceId(question, choice), let .duplicateChoice(question, choice),
                let .choiceMissingEnglishTitle(question, choice):
                ["question": .text(question), "choice": .text(choice)]
            case let .conditionOnUnknownQuestion(owner, question), let .conditionOnNonChoiceQuestion(owner, question),
                let .conditionOnLaterQuestion(owner, question):
                ["owner": .text(owner), "question": .text(question)]
            case let .conditionOnUnknownChoice(owner, question, choice):
                ["owner": .text(owner), "question": .text(question), "choice": .text(choice)]
            case let .wordLimitsInverted(question, minimum, maximum):
                ["question": .text(question), "minimum": .integer(minimum), "maximum": .integer(maximum)]
            case let .numberLimitsInverted(question, minimum, maximum):
                ["question": .text(question), "minimum": .integer(Int(minimum)), "maximum": .integer(Int(maximum))]
            }
        }
    }
}
