// The benchmark questionnaire as the answer form shows it, how a submitted sheet is read and checked,
// where two researchers differ, and how reconciled answers become the method engine's dataset.
// Plain Swift, no database.
import Foundation

public enum Questionnaire {
    public typealias B = EGovBenchmark

    public enum Kind: Sendable { case yesNo, number }

    public struct Question: Sendable, Hashable {
        public var code: String
        public var kind: Kind = .yesNo
        /// The form field of the question.
        public var field: String { "q_" + code }
        /// The catalog key of the question's text.
        public var key: String { "assess.q." + code.lowercased() }
        public init(code: String, kind: Kind = .yesNo) {
            self.code = code
            self.kind = kind
        }
    }

    /// Questions shown together in a fieldset.
    public struct Group: Sendable {
        public var id: String
        public var questions: [Question]
        public var legendKey: String { "assess.group." + id }
        public init(id: String, questions: [Question]) {
            self.id = id
            self.questions = questions
        }
    }

    /// The code of the Mobile Friendliness test result, as the benchmark's answers and stored URLs write it.
    public static let mobileFriendliness = "MF"

    public static func yesNo(_ codes: String) -> [Question] { codes.split(separator: " ").map { Question(code: String($0)) } }

    /// National services: every question the method reads (B.NationalQuestion) and the mobile test.
    public static let national: [Group] = [
        Group(id: "availability", questions: yesNo("A1 A2 A3")),
        Group(id: "delivery", questions: yesNo("C1 C2 C3 C4 C5 C6 C7")),
        Group(id: "eid", questions: yesNo("F1 F2 F3 F4")),
        Group(id: "edocuments", questions: yesNo("F6 F7_1 F7_2")),
        Group(id: "prefilled", questions: yesNo("F8 F9")),
        Group(id: "mobile", questions: [Question(code: mobileFriendliness, kind: .number)]),
    ]

    /// Cross-border services: every question the method reads (B.CrossBorderQuestion).
    public static let crossBorder: [Group] = [
        Group(id: "cb_availability", questions: yesNo("G1 G2")),
        Group(id: "cb_eid", questions: yesNo("I1 I2")),
        Group(id: "cb_edocuments", questions: yesNo("I3 I4_1 I4_2")),
    ]

    public static func groups(scope: String) -> [Group] { scope == "cross-border" ? crossBorder : national }
    public static func questions(scope: String) -> [Question] { groups(scope: scope).flatMap(\.questions) }

    /// Stored answer values: Yes, No, Not relevant, no answer.
    public static let answerValues = ["Y", "N", "NR", ""]

    /// Reads a number typed with a decimal point or comma; nil when it is not one.
    public static func number(_ raw: String) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// How a number is stored (the benchmark import writes Mobile Friendliness the same way).
    public static func numberCode(_ value: Double) -> String { String(format: "%g", value) }

    // MARK: a submitted sheet

    /// What a researcher typed for one URL, before checking.
    public struct SheetInput: Sendable, Equatable {
        /// Question code → the value sent (radio value, or the typed number).
        public var answers: [String: String] = [:]
        public var note = ""
        public var observedOn = ""

        public init(answers: [String: String] = [:], note: String = "", observedOn: String = "") {
            self.answers = answers
            self.note = note
            self.observedOn = observedOn
        }
    }

    /// A problem with one field of a sheet; `key` is the message's catalog key.
    public struct Problem: Sendable, Equatable {
        public var field: String
        public var key: String
        public init(field: String, key: String) {
            self.field = field
            self.key = key
        }
    }

    /// The stored answers of a valid sheet (code → Y/N/NR/"" or a number), or what is wrong with it.
    public static func check(_ input: SheetInput, scope: String) -> (answers: [String: String], problems: [Problem]) {
        var answers: [String: String] = [:]
        var problems: [Problem] = []
        for question in questions(scope: scope) {
            let raw = input.answers[question.code] ?? ""
            switch question.kind {
            case .yesNo:
                if answerValues.contains(raw) { answers[question.code] = raw } else {
                    problems.append(Problem(field: question.field, key: "assess.error.answer_value"))
                }
            case .number:
                if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    answers[question.code] = ""
                } else if let value = number(raw), (0...100).contains(value) {
                    answers[question.code] = numberCode(value)
                } else {
                    problems.append(Problem(field: question.field, key: "assess.error.mobile_number"))
                }
            }
        }
        if input.note.count > 4_000 { problems.append(Problem(field: "note", key: "assess.error.note_long")) }
        if !CalendarDate.isValid(input.observedOn) {
            problems.append(Problem(field: "observed_on", key: input.observedOn.isEmpty ? "assess.error.date_missing" : "assess.error.date_invalid"))
        }
        return (answers, problems)
    }
}

/// Where two researchers' answers for one URL differ, and the answers once the differences are settled.
public enum Reconciliation {
    public struct Disagreement: Sendable, Hashable {
        public var question: String
        /// The two researchers' values, in the order of their sheets.
        public var values: [String]
        public init(question: String, values: [String]) {
            self.question = question
            self.values = values
        }
    }

    /// Questions whose stored values differ (a missing answer counts as no answer).
    public static func disagreements(_ first: [String: String], _ second: [String: String], scope: String) -> [Disagreement] {
        Questionnaire.questions(scope: scope).compactMap { question in
            let a = first[question.code] ?? "", b = second[question.code] ?? ""
            return a == b ? nil : Disagreement(question: question.code, values: [a, b])
        }
    }

    /// The values a reconciler may choose: any answer for Yes/No questions, one of the two for numbers.
    public static func choices(for disagreement: Disagreement) -> [String] {
        disagreement.question == Questionnaire.mobileFriendliness ? disagreement.values : Questionnaire.answerValues
    }

    /// The reconciled answers: the agreed ones, and the chosen value where the two differ; nil while a
    /// disagreement has no (valid) choice.
    public static func reconciled(_ first: [String: String], _ second: [String: String], choices: [String: String], scope: String) -> [String: String]? {
        var answers: [String: String] = [:]
        for question in Questionnaire.questions(scope: scope) {
            let a = first[question.code] ?? "", b = second[question.code] ?? ""
            if a == b {
                answers[question.code] = a
            } else {
                let disagreement = Disagreement(question: question.code, values: [a, b])
                guard let chosen = choices[question.code], Self.choices(for: disagreement).contains(chosen) else { return nil }
                answers[question.code] = chosen
            }
        }
        return answers
    }
}

/// Reconciled answers → the method engine's dataset: the wave's services are the landscape, each URL's
/// reconciled answers one answer row, and there are no portal rows (portal-based indicators stay missing).
public enum AssessmentScoring {
    public typealias B = EGovBenchmark

    public struct URLAnswers: Sendable, Equatable {
        public var url: String
        /// Question code → Y/N/NR/"" (and "MF" → a number or "").
        public var answers: [String: String]
        public init(url: String, answers: [String: String]) {
            self.url = url
            self.answers = answers
        }
    }

    public struct Service: Sendable {
        public var scope: B.ServiceScope
        public var lifeEvent: B.LifeEvent
        public var number: String
        public var label: String
        public var type: B.ServiceType
        public var level: B.GovernmentLevel
        public var applicable: Bool
        public var proactive: Bool
        public var urls: [URLAnswers]
        public init(scope: B.ServiceScope, lifeEvent: B.LifeEvent, number: String, label: String, type: B.ServiceType, level: B.GovernmentLevel, applicable: Bool, proactive: Bool, urls: [URLAnswers]) {
            self.scope = scope
            self.lifeEvent = lifeEvent
            self.number = number
            self.label = label
            self.type = type
            self.level = level
            self.applicable = applicable
            self.proactive = proactive
            self.urls = urls
        }
    }

    public static func answer(_ code: String?) -> B.Answer {
        switch code {
        case "Y": B.Answer(.yes)
        case "N": B.Answer(.no)
        case "NR": B.Answer(.notRelevant)
        default: .empty
        }
    }

    public static func dataset(country: B.CountryCode, services: [Service]) -> EGovBenchmarkDataset {
        var dataset = EGovBenchmarkDataset()
        for (index, service) in services.enumerated() {
            let key = B.ServiceKey(country: country, lifeEvent: service.lifeEvent, number: service.number)
            let flags = B.ServiceFlags(type: service.type, applicable: service.applicable, proactive: service.proactive, level: service.level)
            let landscape = B.LandscapeService(key: key, scope: service.scope, label: service.label, flags: flags, line: index + 1)
            switch service.scope {
            case .national:
                dataset.nationalServices[key] = landscape
                dataset.nationalAnswers[key] = service.urls.enumerated().map { position, url in
                    var sheet = B.AnswerSheet<B.NationalQuestion>()
                    for question in B.NationalQuestion.allCases { sheet[question] = answer(url.answers[question.code]) }
                    let mobile = url.answers[Questionnaire.mobileFriendliness].flatMap(Questionnaire.number)
                    return B.NationalAnswerRow(line: position + 1, url: url.url, answers: sheet, mobileFriendliness: mobile)
                }
            case .crossBorder:
                dataset.crossBorderServices[key] = landscape
                dataset.crossBorderAnswers[key] = service.urls.enumerated().map { position, url in
                    var sheet = B.AnswerSheet<B.CrossBorderQuestion>()
                    for question in B.CrossBorderQuestion.allCases { sheet[question] = answer(url.answers[question.code]) }
                    return B.CrossBorderAnswerRow(line: position + 1, url: url.url, answers: sheet)
                }
            }
        }
        return dataset
    }
}
