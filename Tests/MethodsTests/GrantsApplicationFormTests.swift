import Foundation
import Testing
@testable import Methods

private typealias Form = Grants.ApplicationForm
private typealias Q = Grants.FormQuestion
private typealias P = Grants.FormProblem
private typealias D = Grants.FormDefinitionProblem

/// A small call form: a partner section shown only with a partner, a rural section only for the rural topic,
/// and a question inside the partner section that depends on another one there (hiding cascades).
private let form = Form(sections: [
    .init(id: "about", title: ["en": "About the project", "sq": "Rreth projektit", "mk": "За проектот"], questions: [
        Q(id: "org-name", kind: .shortText, title: ["en": "Organisation"], required: true),
        Q(id: "summary", kind: .longText, title: ["en": "Summary"], required: true, maxWords: 10, minWords: 3),
        Q(id: "participants", kind: .number, title: ["en": "Participants"], minimum: 1, maximum: 500),
        Q(id: "amount", kind: .money, title: ["en": "Amount requested"], required: true),
        Q(id: "start", kind: .date, title: ["en": "Start date"]),
        Q(id: "has-partner", kind: .singleChoice, title: ["en": "Do you have a partner?"], required: true,
          choices: [.init(id: "yes", title: ["en": "Yes"]), .init(id: "no", title: ["en": "No"])]),
        Q(id: "partner-name", kind: .shortText, title: ["en": "Partner's name"], required: true,
          showWhen: .init(question: "has-partner", equals: "yes")),
        Q(id: "topics", kind: .multipleChoice, title: ["en": "Topics"],
          choices: [.init(id: "digital", title: ["en": "Digital"]), .init(id: "youth", title: ["en": "Youth"]),
                    .init(id: "rural", title: ["en": "Rural"])]),
        Q(id: "workplan", kind: .file, title: ["en": "Work plan"]),
    ]),
    .init(id: "partner", title: ["en": "Partner"], showWhen: .init(question: "has-partner", equals: "yes"), questions: [
        Q(id: "partner-role", kind: .longText, title: ["en": "Partner's role"], required: true, maxWords: 5),
        Q(id: "partner-country", kind: .singleChoice, title: ["en": "Partner's country"], required: true,
          choices: [.init(id: "al", title: ["en": "Albania"]), .init(id: "mk", title: ["en": "North Macedonia"])]),
        Q(id: "partner-mk-registry", kind: .shortText, title: ["en": "Central Registry number"], required: true,
          showWhen: .init(question: "partner-country", equals: "mk")),
    ]),
    .init(id: "rural", title: ["en": "Rural areas"], showWhen: .init(question: "topics", equals: "rural"), questions: [
        Q(id: "rural-plan", kind: .longText, title: ["en": "How will you reach rural areas?"], required: true),
    ]),
])

/// Everything required, well formed, without a partner.
private let complete: [String: [String]] = [
    "org-name": ["Qendra për Qeverisje të Mirë"],
    "summary": ["Training forty young people in e-services"],
    "participants": [" 250 "],
    "amount": ["15.000 €"],
    "start": ["2024-02-29"],
    "has-partner": ["no"],
    "topics": ["digital", "youth"],
    "workplan": ["att-42"],
]

private func problems(_ answers: [String: [String]], _ locale: Grants.AmountLocale = .mk) -> [P] {
    form.problems(in: answers, locale: locale, currency: .eur)
}

private func with(_ changes: [String: [String]]) -> [String: [String]] {
    complete.merging(changes) { _, new in new }
}

@Suite("Grants: application form answers")
struct GrantsFormAnswerTests {
    @Test func completeAnswersHaveNoProblem() {
        #expect(problems(complete) == [])
        #expect(problems(complete.merging(["amount": ["€ 15,000"]]) { _, new in new }, .en) == [])
    }

    @Test func emptyAnswersListTheVisibleRequiredQuestionsInFormOrder() {
        #expect(problems([:]) == [.required(question: "org-name"), .required(question: "summary"),
                                  .required(question: "amount"), .required(question: "has-partner")])
        // Blanks and whitespace are no answer.
        let blank = with(["org-name": ["  \n\t"], "summary": [""], "amount": []])
        #expect(problems(blank) == [.required(question: "org-name"), .required(question: "summary"),
                                    .required(question: "amount")])
    }

    @Test func choosingAPartnerShowsItsQuestionsAndSection() {
        let answers = with(["has-partner": ["yes"]])
        #expect(problems(answers) == [.required(question: "partner-name"), .required(question: "partner-role"),
                                      .required(question: "partner-country")])
        let ids = form.visibleQuestions(given: answers).map(\.id)
        #expect(ids == ["org-name", "summary", "participants", "amount", "start", "has-partner", "partner-name",
                        "topics", "workplan", "partner-role", "partner-country"])
        let macedonian = with(["has-partner": ["yes"], "partner-name": ["Metamorphosis"],
                               "partner-role": ["Runs the trainings"], "partner-country": ["mk"]])
        #expect(problems(macedonian) == [.required(question: "partner-mk-registry")])
    }

    @Test func hiddenAnswersAreNeitherCheckedNorSubmitted() {
        // A partner was entered, then "no" chosen: the partner answers are invalid but hidden.
        let answers = with(["partner-name": [String(repeating: "x", count: 400)],
                            "partner-role": ["one two three four five six seven"],
                            "partner-country": ["mk", "xx"], "partner-mk-registry": [""],
                            "rural-plan": ["   "]])
        #expect(problems(answers) == [])
        #expect(form.visibleQuestions(given: answers).map(\.id) ==
                ["org-name", "summary", "participants", "amount", "start", "has-partner", "topics", "workplan"])
        #expect(form.pruned(answers) == complete)
    }

    /// "partner-mk-registry" depends on "partner-country", which is hidden: the answer "mk" does not count.
    @Test func hidingCascadesThroughConditions() {
        let answers = with(["has-partner": ["no"], "partner-country": ["mk"], "partner-mk-registry": ["12345"]])
        #expect(!form.visibleQuestions(given: answers).contains { $0.id == "partner-mk-registry" })
        #expect(form.pruned(answers)["partner-mk-registry"] == nil)
        #expect(form.pruned(answers)["partner-country"] == nil)
    }

    @Test func prunedDropsUnknownQuestionsAndKeepsVisibleValuesAsTyped() {
        let answers = with(["rural-plan": ["By bus "], "topics": ["rural"], "nonsense": ["x"]])
        let pruned = form.pruned(answers)
        #expect(pruned["rural-plan"] == ["By bus "])
        #expect(pruned["nonsense"] == nil)
        #expect(pruned.count == 9)
    }

    @Test func shortTextIsLimitedTo300Characters() {
        #expect(problems(with(["org-name": [String(repeating: "ë", count: 300)]])) == [])
        #expect(problems(with(["org-name": [String(repeating: "ë", count: 301)]])) ==
                [.tooLong(question: "org-name", characters: 301, maximum: 300)])
        // Surrounding spaces are not counted.
        #expect(problems(with(["org-name": ["  " + String(repeating: "a", count: 300) + "  "]])) == [])
    }

    @Test func wordLimits() {
        // 10 words is the maximum, 3 the minimum; the dash is not a word.
        #expect(problems(with(["summary": ["one two three four five six seven eight nine ten"]])) == [])
        #expect(problems(with(["summary": ["one two three four five six seven eight nine ten eleven"]])) ==
                [.tooManyWords(question: "summary", words: 11, maximum: 10)])
        #expect(problems(with(["summary": ["two — words"]])) == [.tooFewWords(question: "summary", words: 2, minimum: 3)])
        #expect(problems(with(["summary": ["three short words"]])) == [])
    }

    @Test func numbersAreWholeAndWithinRange() {
        for ok in ["1", "500", " 250 ", "007"] {
            #expect(problems(with(["participants": [ok]])) == [], "\(ok)")
        }
        for bad in ["1.000", "1,000", "1 000", "2.5", "12a", "ten", "+5", "--1", "99999999999999999999"] {
            #expect(problems(with(["participants": [bad]])) == [.notANumber(question: "participants")], "\(bad)")
        }
        for outside in ["0", "501", "-3", "−3"] {
            #expect(problems(with(["participants": [outside]])) ==
                    [.numberOutOfRange(question: "participants", minimum: 1, maximum: 500)], "\(outside)")
        }
    }

    @Test func moneyIsReadByTheMoneyParser() {
        #expect(problems(with(["amount": ["12.000"]]), .en) == [.money(question: "amount", .ambiguousSeparator("."))])
        #expect(problems(with(["amount": ["12.000"]]), .sq) == [])
        #expect(problems(with(["amount": ["100 USD"]])) ==
                [.money(question: "amount", .currencyMismatch(expected: .eur, found: "USD"))])
        #expect(problems(with(["amount": ["-5"]])) == [.money(question: "amount", .negative)])
    }

    @Test func datesAreValidIsoDates() {
        for ok in ["2024-02-29", "2025-12-31", " 2025-01-01 "] {
            #expect(problems(with(["start": [ok]])) == [], "\(ok)")
        }
        for bad in ["2025-02-29", "2024-13-01", "2024-2-3", "+202-01-01", "2024/01/01", "01.02.2024", "0000-01-01",
                    "2024-01-01T00:00"] {
            #expect(problems(with(["start": [bad]])) == [.notADate(question: "start")], "\(bad)")
        }
    }

    @Test func choicesMustBeOfferedAndSingleChoiceTakesOne() {
        #expect(problems(with(["has-partner": ["maybe"]])) == [.unknownChoice(question: "has-partner", choice: "maybe")])
        #expect(problems(with(["has-partner": ["yes", "no"]])).first == .oneChoiceOnly(question: "has-partner"))
        #expect(problems(with(["topics": ["digital", "space", "rural", "space"]])) ==
                [.unknownChoice(question: "topics", choice: "space"), .required(question: "rural-plan")])
    }

    @Test func oneValueForQuestionsThatTakeOne() {
        #expect(problems(with(["org-name": ["A", "B"]])) == [.oneValueOnly(question: "org-name")])
        #expect(problems(with(["org-name": ["A", " "]])) == [])
    }

    @Test func unknownQuestionsComeLastAndSorted() {
        let answers = with(["zeta": ["1"], "alpha": [], "participants": ["0"]])
        #expect(problems(answers) == [.numberOutOfRange(question: "participants", minimum: 1, maximum: 500),
                                      .unknownQuestion("alpha"), .unknownQuestion("zeta")])
    }

    @Test func problemsCarryCodesArgumentsAndTheirQuestion() {
        let tooMany = P.tooManyWords(question: "summary", words: 11, maximum: 10)
        #expect(tooMany.code == "grants.form.too-many-words")
        #expect(tooMany.arguments == ["question": .text("summary"), "words": .integer(11), "maximum": .integer(10)])
        #expect(tooMany.question == "summary")

        let money = P.money(question: "amount", .ambiguousSeparator("."))
        #expect(money.code == "grants.money.ambiguous-separator")
        #expect(money.arguments == ["question": .text("amount"), "separator": .text(".")])
        #expect(money.question == "amount")

        let range = P.numberOutOfRange(question: "n", minimum: nil, maximum: 9)
        #expect(range.arguments == ["question": .text("n"), "maximum": .integer(9)])

        #expect(P.unknownQuestion("x").question == nil)
        #expect(P.unknownQuestion("x").arguments == ["question": .text("x")])

        let codes: [P: String] = [
            .required(question: "q"): "grants.form.required",
            .tooLong(question: "q", characters: 301, maximum: 300): "grants.form.too-long",
            .tooFewWords(question: "q", words: 1, minimum: 2): "grants.form.too-few-words",
            .notANumber(question: "q"): "grants.form.not-a-number",
            .numberOutOfRange(question: "q", minimum: 1, maximum: 2): "grants.form.number-out-of-range",
            .notADate(question: "q"): "grants.form.not-a-date",
            .unknownChoice(question: "q", choice: "c"): "grants.form.unknown-choice",
            .oneChoiceOnly(question: "q"): "grants.form.one-choice-only",
            .oneValueOnly(question: "q"): "grants.form.one-value-only",
            .unknownQuestion("q"): "grants.form.unknown-question",
        ]
        for (problem, code) in codes {
            #expect(problem.code == code)
            if problem != .unknownQuestion("q") { #expect(problem.question == "q") }
        }
    }

    @Test func kindsUseHyphenatedRawValues() {
        #expect(Grants.QuestionKind.allCases.map(\.rawValue) ==
                ["short-text", "long-text", "number", "money", "date", "single-choice", "multiple-choice", "file"])
    }

    @Test func formsDecodeFromJsonWithOptionalKeysLeftOut() throws {
        let json = """
        {"sections": [{"id": "main", "title": {"en": "Main"}, "questions": [
          {"id": "topic", "kind": "single-choice", "title": {"en": "Topic", "sq": "Tema"},
           "choices": [{"id": "a", "title": {"en": "A"}}]},
          {"id": "why", "kind": "long-text", "title": {"en": "Why?"}, "required": true, "maxWords": 200,
           "showWhen": {"question": "topic", "equals": "a"}}
        ]}]}
        """
        let decoded = try JSONDecoder().decode(Form.self, from: Data(json.utf8))
        let expected = Form(sections: [.init(id: "main", title: ["en": "Main"], questions: [
            Q(id: "topic", kind: .singleChoice, title: ["en": "Topic", "sq": "Tema"], choices: [.init(id: "a", title: ["en": "A"])]),
            Q(id: "why", kind: .longText, title: ["en": "Why?"], required: true, maxWords: 200,
              showWhen: .init(question: "topic", equals: "a")),
        ])])
        #expect(decoded == expected)
        #expect(try JSONDecoder().decode(Form.self, from: JSONEncoder().encode(form)) == form)
    }
}

@Suite("Grants: application form word counts")
struct GrantsFormWordCountTests {
    @Test func englishAlbanianAndMacedonianSentences() {
        // The(1) project(2) trains(3) 40(4) young(5) people(6) — in(7) Tirana,(8) Skopje(9) and(10) Belgrade…(11)
        #expect(Form.wordCount("The project trains 40 young people — in Tirana, Skopje and Belgrade…") == 11)
        // Projekti(1) ynë(2) përfshin(3) të(4) rinjtë(5) e(6) Shkodrës(7) dhe(8) Korçës.(9)
        #expect(Form.wordCount("Projekti ynë përfshin të rinjtë e Shkodrës dhe Korçës.") == 9)
        // Проектот(1) ќе(2) обучи(3) 40(4) млади(5) луѓе(6) од(7) Скопје(8) и(9) Битола(10) - во(11) две(12) години.(13)
        #expect(Form.wordCount("Проектот ќе обучи 40 млади луѓе од Скопје и Битола - во две години.") == 13)
    }

    @Test func anyWhitespaceSeparatesAndPunctuationAloneIsNoWord() {
        #expect(Form.wordCount("") == 0)
        #expect(Form.wordCount("   \n\t ") == 0)
        #expect(Form.wordCount("— … - –") == 0)
        #expect(Form.wordCount("  one\ttwo\nthree\u{00A0}four\u{202F}five\r\nsix  ") == 6)
        #expect(Form.wordCount("e-mail, co-financing; 2024–2026") == 3)
        // "ë" written as e + combining diaeresis is still one letter.
        #expect(Form.wordCount("nje\u{0308} dy") == 2)
    }
}

@Suite("Grants: application form definitions")
struct GrantsFormDefinitionTests {
    @Test func theSampleFormIsSound() {
        #expect(form.definitionProblems == [])
    }

    @Test func everyMistakeIsReportedInFormOrder() {
        let broken = Form(sections: [
            .init(id: "s1", title: ["en": "One"], questions: [
                Q(id: "Bad_Id", kind: .shortText, title: ["sq": "Emri"]),
                Q(id: "kind", kind: .singleChoice, title: ["en": "Kind"]),
                Q(id: "color", kind: .multipleChoice, title: ["en": "Colour"],
                  choices: [.init(id: "red", title: ["en": "Red"]), .init(id: "red", title: ["en": "Red"]),
                            .init(id: "Blue", title: ["mk": "Сина"])]),
                Q(id: "early", kind: .shortText, title: ["en": "Early"], showWhen: .init(question: "later", equals: "x")),
                Q(id: "ghost-dep", kind: .shortText, title: ["en": "G"], showWhen: .init(question: "ghost", equals: "x")),
                Q(id: "text-dep", kind: .shortText, title: ["en": "T"], showWhen: .init(question: "early", equals: "x")),
                Q(id: "color-dep", kind: .shortText, title: ["en": "C"], showWhen: .init(question: "color", equals: "green")),
                Q(id: "words", kind: .longText, title: ["en": "W"], maxWords: 10, minWords: 50),
                Q(id: "count", kind: .number, title: ["en": "N"], minimum: 10, maximum: 1),
                Q(id: "early", kind: .shortText, title: ["en": " "]),
                Q(id: "self", kind: .singleChoice, title: ["en": "S"], choices: [.init(id: "a", title: ["en": "A"])],
                  showWhen: .init(question: "self", equals: "a")),
            ]),
            .init(id: "s1", title: ["sq": "Dy"], showWhen: .init(question: "inside", equals: "a"), questions: [
                Q(id: "inside", kind: .singleChoice, title: ["en": "I"], choices: [.init(id: "a", title: ["en": "A"])]),
            ]),
            .init(id: "Later Section", title: ["en": "Three"], showWhen: .init(question: "color", equals: "red"), questions: [
                Q(id: "later", kind: .singleChoice, title: ["en": "L"], choices: [.init(id: "x", title: ["en": "X"])]),
            ]),
        ])
        let expected: [D] = [
            .invalidQuestionId("Bad_Id"), .missingEnglishTitle(question: "Bad_Id"),
            .noChoices(question: "kind"),
            .duplicateChoice(question: "color", choice: "red"), .invalidChoiceId(question: "color", choice: "Blue"),
            .choiceMissingEnglishTitle(question: "color", choice: "Blue"),
            .conditionOnLaterQuestion(owner: "early", question: "later"),
            .conditionOnUnknownQuestion(owner: "ghost-dep", question: "ghost"),
            .conditionOnNonChoiceQuestion(owner: "text-dep", question: "early"),
            .conditionOnUnknownChoice(owner: "color-dep", question: "color", choice: "green"),
            .wordLimitsInverted(question: "words", minimum: 50, maximum: 10),
            .numberLimitsInverted(question: "count", minimum: 10, maximum: 1),
            .duplicateQuestion("early"), .missingEnglishTitle(question: "early"),
            .conditionOnLaterQuestion(owner: "self", question: "self"),
            .duplicateSection("s1"), .sectionMissingEnglishTitle(section: "s1"),
            .conditionOnLaterQuestion(owner: "s1", question: "inside"),
            .invalidSectionId("Later Section"),
        ]
        #expect(broken.definitionProblems == expected)
        #expect(expected.allSatisfy { $0.code.hasPrefix("grants.form-definition.") })
        #expect(Set(expected.map(\.code)).count == 16)
    }

    @Test func definitionProblemsCarryArguments() {
        #expect(D.conditionOnUnknownChoice(owner: "o", question: "q", choice: "c").arguments ==
                ["owner": .text("o"), "question": .text("q"), "choice": .text("c")])
        #expect(D.numberLimitsInverted(question: "q", minimum: 10, maximum: 1).arguments ==
                ["question": .text("q"), "minimum": .integer(10), "maximum": .integer(1)])
        #expect(D.duplicateSection("s").code == "grants.form-definition.duplicate-section")
        #expect(D.noChoices(question: "q").code == "grants.form-definition.no-choices")
    }
}
