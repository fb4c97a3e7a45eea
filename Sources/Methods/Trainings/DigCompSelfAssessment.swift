// The citizens' digital-skills self-check: a public, anonymous, short questionnaire structured by DigComp 2.2
// (Vuorikari, Kluzer and Punie, 2022, EUR 31006 EN), three questions per area, and a level per area. Only ids and
// codes here: a question's text is the catalog key `trainings.selfcheck.q.<id>`, the answers' labels
// `trainings.selfcheck.scale.<0…3>`, and the next steps `trainings.selfcheck.next.<area>.<level>`.

/// The five DigComp 2.2 competence areas.
public enum DigCompArea: Int, Sendable, Equatable, CaseIterable {
    case informationAndDataLiteracy = 1
    case communicationAndCollaboration = 2
    case digitalContentCreation = 3
    case safety = 4
    case problemSolving = 5

    /// The area's number in DigComp ("1" … "5").
    public var code: String { String(rawValue) }

    /// A stable slug for catalog keys and URLs.
    public var slug: String {
        switch self {
        case .informationAndDataLiteracy: "information"
        case .communicationAndCollaboration: "communication"
        case .digitalContentCreation: "content"
        case .safety: "safety"
        case .problemSolving: "problem-solving"
        }
    }

    /// The framework's English name (the page shows the catalog's translation).
    public var name: String {
        switch self {
        case .informationAndDataLiteracy: "Information and data literacy"
        case .communicationAndCollaboration: "Communication and collaboration"
        case .digitalContentCreation: "Digital content creation"
        case .safety: "Safety"
        case .problemSolving: "Problem solving"
        }
    }
}

/// One question of the self-check: what it asks about is the DigComp competence `competence` (e.g. "1.2").
public struct DigCompQuestion: Sendable, Equatable {
    /// The id in catalog keys and form fields, e.g. `information-evaluate`.
    public var id: String
    public var area: DigCompArea
    /// The DigComp 2.2 competence the question is written for.
    public var competence: String
}

/// The level of one area, from the sum of its answers.
///
/// Each answer is 0 = "I can't", 1 = "with help", 2 = "on my own", 3 = "I can help others"; an area has three
/// questions, so its sum is 0…9. The bands follow DigComp's proficiency levels, which grow by autonomy:
///
/// | sum | mean answer | level | DigComp 2.2 proficiency levels |
/// |-----|-------------|-------|--------------------------------|
/// | 0–3 | ≤ 1 (with help at most) | foundation | 1–2: simple tasks, with guidance or some autonomy |
/// | 4–6 | over 1, up to 2 (on my own) | intermediate | 3–4: well-defined and non-routine tasks on my own |
/// | 7–9 | over 2 (helping others) | advanced | 5–6: guiding others, adapting in complex contexts |
///
/// DigComp's highly specialised levels (7–8: solving complex problems, leading and proposing new ideas) are not
/// claimed by a short self-check. A self-assessment says how confident a person feels, not what they can show.
public enum DigCompLevel: String, Sendable, Equatable, CaseIterable {
    case foundation, intermediate, advanced

    /// The level of an area's sum (0…9).
    public init(sum: Int) {
        switch sum {
        case ...3: self = .foundation
        case 4...6: self = .intermediate
        default: self = .advanced
        }
    }

    /// The DigComp 2.2 proficiency levels the band stands for.
    public var proficiencyLevels: ClosedRange<Int> {
        switch self {
        case .foundation: 1...2
        case .intermediate: 3...4
        case .advanced: 5...6
        }
    }
}

/// The result of one area.
public struct DigCompAreaResult: Sendable, Equatable {
    public var area: DigCompArea
    /// The sum of the area's answers.
    public var sum: Int
    /// The highest possible sum (3 per question).
    public var maximum: Int
    public var level: DigCompLevel

    /// The catalog key of the next steps for this area and level.
    public var nextStepsKey: String { "trainings.selfcheck.next.\(area.slug).\(level.rawValue)" }
}

/// Why answers were refused: the question id and `missing` or `out-of-range`.
public struct DigCompAnswerProblem: Sendable, Equatable {
    public var questionID: String
    public var code: String

    public init(questionID: String, code: String) {
        self.questionID = questionID
        self.code = code
    }
}

/// Every problem of one set of answers.
public struct DigCompAnswerProblems: Error, Sendable, Equatable {
    public var problems: [DigCompAnswerProblem]
}

public enum DigCompSelfAssessment {
    /// The answers' scale, 0 = "I can't" … 3 = "I can help others".
    public static let scale = 0...3

    /// The questions in the order of the form: three per area, picked for what matters in e-government (is this
    /// site official, taking part through e-services, the eID, personal data).
    public static let questions: [DigCompQuestion] = [
        DigCompQuestion(id: "information-search", area: .informationAndDataLiteracy, competence: "1.1"),
        DigCompQuestion(id: "information-evaluate", area: .informationAndDataLiteracy, competence: "1.2"),
        DigCompQuestion(id: "information-manage", area: .informationAndDataLiteracy, competence: "1.3"),
        DigCompQuestion(id: "communication-interact", area: .communicationAndCollaboration, competence: "2.1"),
        DigCompQuestion(id: "communication-citizenship", area: .communicationAndCollaboration, competence: "2.3"),
        DigCompQuestion(id: "communication-identity", area: .communicationAndCollaboration, competence: "2.6"),
        DigCompQuestion(id: "content-develop", area: .digitalContentCreation, competence: "3.1"),
        DigCompQuestion(id: "content-edit", area: .digitalContentCreation, competence: "3.2"),
        DigCompQuestion(id: "content-copyright", area: .digitalContentCreation, competence: "3.3"),
        DigCompQuestion(id: "safety-devices", area: .safety, competence: "4.1"),
        DigCompQuestion(id: "safety-personal-data", area: .safety, competence: "4.2"),
        DigCompQuestion(id: "safety-wellbeing", area: .safety, competence: "4.3"),
        DigCompQuestion(id: "problem-solving-technical", area: .problemSolving, competence: "5.1"),
        DigCompQuestion(id: "problem-solving-needs", area: .problemSolving, competence: "5.2"),
        DigCompQuestion(id: "problem-solving-gaps", area: .problemSolving, competence: "5.4"),
    ]

    /// The question ids, in the order of the form.
    public static var questionIDs: [String] { questions.map(\.id) }

    /// The level per area, in DigComp's order, from the form's answers (question id → the answer as sent, "0"…"3").
    /// A missing answer and one that is not a whole number in 0…3 are refused by question id, all at once; fields
    /// that are not questions are ignored.
    public static func assess(_ answers: [String: String]) -> Result<[DigCompAreaResult], DigCompAnswerProblems> {
        var problems: [DigCompAnswerProblem] = []
        var sums: [DigCompArea: (sum: Int, maximum: Int)] = [:]
        for question in questions {
            let text = answers[question.id]?.trimmed ?? ""
            if text.isEmpty {
                problems.append(DigCompAnswerProblem(questionID: question.id, code: "missing"))
                continue
            }
            guard let value = Int(text), text.allSatisfy(\.isASCII), scale.contains(value) else {
                problems.append(DigCompAnswerProblem(questionID: question.id, code: "out-of-range"))
                continue
            }
            sums[question.area, default: (0, 0)].sum += value
            sums[question.area, default: (0, 0)].maximum += scale.upperBound
        }
        guard problems.isEmpty else { return .failure(DigCompAnswerProblems(problems: problems)) }
        return .success(DigCompArea.allCases.map { area in
            let total = sums[area] ?? (0, 0)
            return DigCompAreaResult(area: area, sum: total.sum, maximum: total.maximum, level: DigCompLevel(sum: total.sum))
        })
    }
}
