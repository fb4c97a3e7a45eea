extension Grants {
    /// What a form question asks for, and so how its answer is read.
    public enum QuestionKind: String, Hashable, Sendable, Codable, CaseIterable {
        /// One line of text, at most `ApplicationForm.shortTextMaximumCharacters` characters.
        case shortText = "short-text"
        /// Free text, limited by words.
        case longText = "long-text"
        /// A whole number, e.g. a count of participants.
        case number
        /// An amount in the call's currency, read by `MoneyParser`.
        case money
        /// A calendar date typed as `YYYY-MM-DD`.
        case date
        /// Exactly one of the question's choices (its id).
        case singleChoice = "single-choice"
        /// Any number of the question's choices (their ids).
        case multipleChoice = "multiple-choice"
        /// An uploaded file (the attachment id given by the caller).
        case file

        /// Whether the answer is one or more of the question's choice ids.
        public var isChoice: Bool { self == .singleChoice || self == .multipleChoice }
    }

    /// One option of a single- or multiple-choice question.
    public struct FormChoice: Hashable, Sendable, Codable {
        /// Stable identifier submitted as the answer (lower-case letters, digits, hyphens).
        public var id: String
        /// Label by locale tag ("en", "sq", "mk", "sr-Latn", "sr-Cyrl").
        public var title: [String: String]

        /// A choice with its labels.
        public init(id: String, title: [String: String]) {
            self.id = id
            self.title = title
        }
    }

    /// Shows a question or section only when an earlier choice question's answer includes a choice.
    public struct FormCondition: Hashable, Sendable, Codable {
        /// The id of the earlier single- or multiple-choice question.
        public var question: String
        /// The choice id that answer must contain.
        public var equals: String

        /// Shown when `question`'s answer contains the choice `equals`.
        public init(question: String, equals: String) {
            self.question = question
            self.equals = equals
        }
    }

    /// One question of a call's application form.
    public struct FormQuestion: Hashable, Sendable, Codable {
        /// Stable identifier, the key of its answer (lower-case letters, digits, hyphens).
        public var id: String
        /// What is asked for.
        public var kind: QuestionKind
        /// The question by locale tag ("en", "sq", "mk", "sr-Latn", "sr-Cyrl"); English is required.
        public var title: [String: String]
        /// Guidance by locale tag; may be empty.
        public var help: [String: String]
        /// Whether a visible question must be answered.
        public var required: Bool
        /// Most words a text answer may have.
        public var maxWords: Int?
        /// Fewest words a non-empty text answer must have.
        public var minWords: Int?
        /// The options of a choice question (empty for other kinds).
        public var choices: [FormChoice]
        /// Smallest whole number accepted by a number question.
        public var minimum: Int64?
        /// Largest whole number accepted by a number question.
        public var maximum: Int64?
        /// Asked only when this condition holds; always asked when nil.
        public var showWhen: FormCondition?

        /// A question; only `id`, `kind` and `title` are needed.
        public init(id: String, kind: QuestionKind, title: [String: String], help: [String: String] = [:],
                    required: Bool = false, maxWords: Int? = nil, minWords: Int? = nil, choices: [FormChoice] = [],
                    minimum: Int64? = nil, maximum: Int64? = nil, showWhen: FormCondition? = nil) {
            self.id = id
            self.kind = kind
            self.title = title
            self.help = help
            self.required = required
            self.maxWords = maxWords
            self.minWords = minWords
            self.choices = choices
            self.minimum = minimum
            self.maximum = maximum
            self.showWhen = showWhen
        }

        /// Decodes a question; `help`, `required` and `choices` may be left out (empty, false, none).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            kind = try container.decode(QuestionKind.self, forKey: .kind)
            title = try container.decode([String: String].self, forKey: .title)
            help = try container.decodeIfPresent([String: String].self, forKey: .help) ?? [:]
            required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
            maxWords = try container.decodeIfPresent(Int.self, forKey: .maxWords)
            minWords = try container.decodeIfPresent(Int.self, forKey: .minWords)
            choices = try container.decodeIfPresent([FormChoice].self, forKey: .choices) ?? []
            minimum = try container.decodeIfPresent(Int64.self, forKey: .minimum)
            maximum = try container.decodeIfPresent(Int64.self, forKey: .maximum)
            showWhen = try container.decodeIfPresent(FormCondition.self, forKey: .showWhen)
        }
    }

    /// A titled group of questions; the whole section can be conditional.
    public struct FormSection: Hashable, Sendable, Codable {
        /// Stable identifier (lower-case letters, digits, hyphens).
        public var id: String
        /// Heading by locale tag; English is required.
        public var title: [String: String]
        /// Shown, with all its questions, only when this condition holds; always when nil.
        public var showWhen: FormCondition?
        /// The questions, in order.
        public var questions: [FormQuestion]

        /// A section of questions.
        public init(id: String, title: [String: String], showWhen: FormCondition? = nil, questions: [FormQuestion]) {
            self.id = id
            self.title = title
            self.showWhen = showWhen
            self.questions = questions
        }
    }

    /// A call's configurable application form: sections of questions, some shown only for some answers.
    ///
    /// Answers are `[question id: [raw values as typed]]`: a choice question's values are choice ids
    /// (several for multiple choice), a file question's value is the attachment id given by the caller.
    /// Answers to questions that are hidden by a condition are neither checked nor submitted (`pruned`).
    public struct ApplicationForm: Hashable, Sendable, Codable {
        /// The sections, in order.
        public var sections: [FormSection]

        /// Most characters a short-text answer may have.
        public static let shortTextMaximumCharacters = 300

        /// A form made of sections.
        public init(sections: [FormSection]) {
            self.sections = sections
        }

        /// Every question, in form order, shown or not.
        public var questions: [FormQuestion] { sections.flatMap(\.questions) }

        /// The question with this id (the first one, should a broken form repeat it).
        public func question(_ id: String) -> FormQuestion? { questions.first { $0.id == id } }

        // MARK: Visibility

        /// The questions asked given these answers, in form order: their section's condition and their own
        /// hold. A condition on a hidden question never holds, so hiding cascades.
        public func visibleQuestions(given answers: [String: [String]]) -> [FormQuestion] {
            var shownValues: [String: [String]] = [:]
            var visible: [FormQuestion] = []
            func holds(_ condition: FormCondition?) -> Bool {
                guard let condition else { return true }
                return shownValues[condition.question]?.contains(condition.equals) ?? false
            }
            for section in sections where holds(section.showWhen) {
                for question in section.questions where holds(question.showWhen) {
                    visible.append(question)
                    if shownValues[question.id] == nil { shownValues[question.id] = Self.values(answers[question.id]) }
                }
            }
            return visible
        }

        /// Only the answers of visible questions, as typed: what is submitted, so that text typed into a
        /// question that a later change of answer hid (or sent for a question the form has not) is dropped.
        public func pruned(_ answers: [String: [String]]) -> [String: [String]] {
            var kept: [String: [String]] = [:]
            for question in visibleQuestions(given: answers) {
                if let values = answers[question.id] { kept[question.id] = values }
            }
            return kept
        }

        // MARK: Checking answers

        /// Every problem with these answers: the visible questions' in form order, then answers to ids the
        /// form does not have (sorted). Hidden questions' answers are not checked.
        /// - Parameters:
        ///   - locale: how the applicant writes numbers (money answers).
        ///   - currency: the call's currency (money answers).
        public func problems(in answers: [String: [String]], locale: AmountLocale, currency: Currency) -> [FormProblem] {
            var problems: [FormProblem] = []
            for question in visibleQuestions(given: answers) {
                problems += Self.problems(of: question, values: Self.values(answers[question.id]),
                                          locale: locale, currency: currency)
            }
            let known = Set(questions.map(\.id))
            problems += answers.keys.filter { !known.contains($0) }.sorted().map(FormProblem.unknownQuestion)
            return problems
        }

        /// The non-blank values, trimmed, in order.
        private static func values(_ raw: [String]?) -> [String] {
            (raw ?? []).map(\.trimmed).filter { !$0.isEmpty }
        }

        private static func problems(of question: FormQuestion, values: [String], locale: AmountLocale,
                                     currency: Currency) -> [FormProblem] {
            let id = question.id
            if values.isEmpty { return question.required ? [.required(question: id)] : [] }
            if question.kind == .singleChoice || !question.kind.isChoice, values.count > 1 {
                return [question.kind == .singleChoice ? .oneChoiceOnly(question: id) : .oneValueOnly(question: id)]
            }
            let value = values[0]
            switch question.kind {
            case .shortText, .longText:
                var found: [FormProblem] = []
                if question.kind == .shortText, value.count > shortTextMaximumCharacters {
                    found.append(.tooLong(question: id, characters: value.count, maximum: shortTextMaximumCharacters))
                }
                let words = wordCount(value)
                if let maximum = question.maxWords, words > maximum {
                    found.append(.tooManyWords(question: id, words: words, maximum: maximum))
                }
                if let minimum = question.minWords, words < minimum {
                    found.append(.tooFewWords(question: id, words: words, minimum: minimum))
                }
                return found
            case .number:
                guard let number = wholeNumber(value) else { return [.notANumber(question: id)] }
                if let minimum = question.minimum, number < minimum {
                    return [.numberOutOfRange(question: id, minimum: question.minimum, maximum: question.maximum)]
                }
                if let maximum = question.maximum, number > maximum {
                    return [.numberOutOfRange(question: id, minimum: question.minimum, maximum: question.maximum)]
                }
                return []
            case .money:
                if case let .failure(error) = MoneyParser.parse(value, locale: locale, currency: currency) {
                    return [.money(question: id, error)]
                }
                return []
            case .date:
                return CalendarDate(iso: value) == nil ? [.notADate(question: id)] : []
            case .singleChoice, .multipleChoice:
                let ids = Set(question.choices.map(\.id))
                var reported = Set<String>()
                return values.filter { !ids.contains($0) && reported.insert($0).inserted }
                    .map { .unknownChoice(question: id, choice: $0) }
            case .file:
                return []
            }
        }

        /// An optional minus sign then ASCII digits only (no grouping, no decimals), within Int64.
        static func wholeNumber(_ text: String) -> Int64? {
            var digits = Substring(text)
            var negative = false
            if let first = digits.first, first == "-" || first == "\u{2212}" {
                negative = true
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            var value: Int64 = 0
            for digit in digits.utf8 {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let delta = Int64(digit - 48)
                let (next, overflow2) = negative ? times10.subtractingReportingOverflow(delta)
                                                 : times10.addingReportingOverflow(delta)
                if overflow1 || overflow2 { return nil }
                value = next
            }
            return value
        }



        // MARK: Words

        /// Words in `text`: runs separated by Unicode whitespace that contain at least one letter or digit,
        /// so a dash or an ellipsis standing alone ("—", "-", "…") is not a word. Any script.
        public static func wordCount(_ text: String) -> Int {
            var count = 0
            var inWord = false
            var wordHasLetter = false
            for character in text {
                if character.isWhitespace {
                    if inWord && wordHasLetter { count += 1 }
                    inWord = false
                    wordHasLetter = false
                } else {
                    inWord = true
                    if character.isLetter || character.isNumber { wordHasLetter = true }
                }
            }
            if inWord && wordHasLetter { count += 1 }
            return count
        }

        // MARK: Checking the definition

        /// Mistakes in the form itself, found before the call opens, in form order.
        public var definitionProblems: [FormDefinitionProblem] {
            var problems: [FormDefinitionProblem] = []
            var earlier: [String: FormQuestion] = [:]
            var sectionIds = Set<String>()
            let allIds = Set(questions.map(\.id))

            func check(_ condition: FormCondition?, of owner: String) {
                guard let condition else { return }
                guard let target = earlier[condition.question] else {
                    problems.append(allIds.contains(condition.question)
                        ? .conditionOnLaterQuestion(owner: owner, question: condition.question)
                        : .conditionOnUnknownQuestion(owner: owner, question: condition.question))
                    return
                }
                if !target.kind.isChoice {
                    problems.append(.conditionOnNonChoiceQuestion(owner: owner, question: condition.question))
                } else if !target.choices.contains(where: { $0.id == condition.equals }) {
                    problems.append(.conditionOnUnknownChoice(owner: owner, question: condition.question,
                                                              choice: condition.equals))
                }
            }

            for section in sections {
                if !Self.isValidId(section.id) { problems.append(.invalidSectionId(section.id)) }
                if !sectionIds.insert(section.id).inserted { problems.append(.duplicateSection(section.id)) }
                if !Self.hasEnglish(section.title) { problems.append(.sectionMissingEnglishTitle(section: section.id)) }
                check(section.showWhen, of: section.id)
                for question in section.questions {
                    let id = question.id
                    if !Self.isValidId(id) { problems.append(.invalidQuestionId(id)) }
                    if earlier[id] != nil { problems.append(.duplicateQuestion(id)) }
                    if !Self.hasEnglish(question.title) { problems.append(.missingEnglishTitle(question: id)) }
                    if question.kind.isChoice {
                        if question.choices.isEmpty { problems.append(.noChoices(question: id)) }
                        var choiceIds = Set<String>()
                        for choice in question.choices {
                            if !Self.isValidId(choice.id) { problems.append(.invalidChoiceId(question: id, choice: choice.id)) }
                            if !choiceIds.insert(choice.id).inserted {
                                problems.append(.duplicateChoice(question: id, choice: choice.id))
                            }
                            if !Self.hasEnglish(choice.title) {
                                problems.append(.choiceMissingEnglishTitle(question: id, choice: choice.id))
                            }
                        }
                    }
                    check(question.showWhen, of: id)
                    if let minimum = question.minWords, let maximum = question.maxWords, minimum > maximum {
                        problems.append(.wordLimitsInverted(question: id, minimum: minimum, maximum: maximum))
                    }
                    if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
                        problems.append(.numberLimitsInverted(question: id, minimum: minimum, maximum: maximum))
                    }
                    if earlier[id] == nil { earlier[id] = question }
                }
            }
            return problems
        }

        /// Non-empty, only lower-case ASCII letters, digits and hyphens.
        static func isValidId(_ id: String) -> Bool {
            !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }

        private static func hasEnglish(_ title: [String: String]) -> Bool {
            !(title["en"] ?? "").trimmed.isEmpty
        }
    }
}
