// The benchmark questionnaire as the answer form shows it, how a submitted sheet is read and checked,
// where two researchers differ, and how reconciled answers become the method engine's dataset.
// Plain Swift, no database.
import Kernel
import Foundation
import Methods

enum Questionnaire {
    typealias B = EGovBenchmark

    enum Kind: Sendable { case yesNo, number }

    struct Question: Sendable, Hashable {
        var code: String
        var kind: Kind = .yesNo
        /// The form field of the question.
        var field: String { "q_" + code }
        /// The catalog key of the question's text.
        var key: String { "assess.q." + code.lowercased() }
    }

    /// Questions shown together in a fieldset.
    struct Group: Sendable {
        var id: String
        var questions: [Question]
        var legendKey: String { "assess.group." + id }
    }

    /// The code of the Mobile Friendliness test result, as the benchmark's answers and stored URLs write it.
    static let mobileFriendliness = "MF"

    static func yesNo(_ codes: String) -> [Question] { codes.split(separator: " ").map { Question(code: String($0)) } }

    /// National services: every question the method reads (B.NationalQuestion) and the mobile test.
    static let national: [Group] = [
        Group(id: "availability", questions: yesNo("A1 A2 A3")),
        Group(id: "delivery", questions: yesNo("C1 C2 C3 C4 C5 C6 C7")),
        Group(id: "eid", questions: yesNo("F1 F2 F3 F4")),
        Group(id: "edocuments", questions: yesNo("F6 F7_1 F7_2")),
        Group(id: "prefilled", questions: yesNo("F8 F9")),
        Group(id: "mobile", questions: [Question(code: mobileFriendliness, kind: .number)]),
    ]

    /// Cross-border services: every question the method reads (B.CrossBorderQuestion).
    static let crossBorder: [Group] = [
        Group(id: "cb_availability", questions: yesNo("G1 G2")),
        Group(id: "cb_eid", questions: yesNo("I1 I2")),
        Group(id: "cb_edocuments", questions: yesNo("I3 I4_1 I4_2")),
    ]

    static func groups(scope: String) -> [Group] { scope == "cross-border" ? crossBorder : national }
    static func questions(scope: String) -> [Question] { groups(scope: scope).flatMap(\.questions) }

    /// Stored answer values: Yes, No, Not relevant, no answer.
    static let answerValues = ["Y", "N", "NR", ""]

    /// Reads a number typed with a decimal point or comma; nil when it is not one.
    static func number(_ raw: String) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// How a number is stored (the benchmark import writes Mobile Friendliness the same way).
    static func numberCode(_ value: Double) -> String { String(format: "%g", value) }

    // MARK: a submitted sheet

    /// What a researcher typed for one URL, before checking.
    struct SheetInput: Sendable, Equatable {
        /// Question code → the value sent (radio value, or the typed number).
        var answers: [String: String] = [:]
        var note = ""
        var observedOn = ""
    }

    /// A problem with one field of a sheet; `key` is the message's catalog key.
    struct Problem: Sendable, Equatable {
        var field: String
        var key: String
    }

    /// The stored answers of a valid sheet (code → Y/N/NR/"" or a number), or what is wrong with it.
    static func check(_ input: SheetInput, scope: String) -> (answers: [String: String], problems: [Problem]) {
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
enum Reconciliation {
    struct Disagreement: Sendable, Hashable {
        var question: String
        /// The two researchers' values, in the order of their sheets.
        var values: [String]
    }

    /// Questions whose stored values differ (a missing answer counts as no answer).
    static func disagreements(_ first: [String: String], _ second: [String: String], scope: String) -> [Disagreement] {
        Questionnaire.questions(scope: scope).compactMap { question in
            let a = first[question.code] ?? "", b = second[question.code] ?? ""
            return a == b ? nil : Disagreement(question: question.code, values: [a, b])
        }
    }

    /// The values a reconciler may choose: any answer for Yes/No questions, one of the two for numbers.
    static func choices(for disagreement: Disagreement) -> [String] {
        disagreement.question == Questionnaire.mobileFriendliness ? disagreement.values : Questionnaire.answerValues
    }

    /// The reconciled answers: the agreed ones, and the chosen value where the two differ; nil while a
    /// disagreement has no (valid) choice.
    static func reconciled(_ first: [String: String], _ second: [String: String], choices: [String: String], scope: String) -> [String: String]? {
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
enum AssessmentScoring {
    typealias B = EGovBenchmark

    struct URLAnswers: Sendable, Equatable {
        var url: String
        /// Question code → Y/N/NR/"" (and "MF" → a number or "").
        var answers: [String: String]
    }

    struct Service: Sendable {
        var scope: B.ServiceScope
        var lifeEvent: B.LifeEvent
        var number: String
        var label: String
        var type: B.ServiceType
        var level: B.GovernmentLevel
        var applicable: Bool
        var proactive: Bool
        var urls: [URLAnswers]
    }

    static func answer(_ code: String?) -> B.Answer {
        switch code {
        case "Y": B.Answer(.yes)
        case "N": B.Answer(.no)
        case "NR": B.Answer(.notRelevant)
        default: .empty
        }
    }

    static func dataset(country: B.CountryCode, services: [Service]) -> EGovBenchmarkDataset {
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
