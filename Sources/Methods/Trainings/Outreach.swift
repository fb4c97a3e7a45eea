// Network CSOs' own awareness sessions, reported as counts without registering each person: the checks a report
// must pass before staff see it, and the anonymous feedback of an event summarised only when enough people answered.

/// The counts of one session a member organisation held: participants by gender, by age band and in each
/// vulnerable group (a person can be in several groups, or in none).
public struct OutreachCounts: Sendable, Equatable {
    public var women: Int
    public var men: Int
    public var otherGender: Int
    /// Age bands: under 30, 30–64, 65 and over. All zero means the ages were not recorded.
    public var youth: Int
    public var adults: Int
    public var older: Int
    /// Vulnerable group code → people, e.g. `roma: 12`.
    public var groups: [String: Int]

    public init(women: Int, men: Int, otherGender: Int, youth: Int = 0, adults: Int = 0, older: Int = 0, groups: [String: Int] = [:]) {
        self.women = women
        self.men = men
        self.otherGender = otherGender
        self.youth = youth
        self.adults = adults
        self.older = older
        self.groups = groups
    }

    /// Everyone at the session: the gender counts added up (every person has one).
    public var total: Int { women + men + otherGender }
}

/// A problem of a session report, by field, e.g. `("youth", "outreach.error.ages_sum")`.
public struct OutreachProblem: Sendable, Equatable {
    public var field: String
    public var key: String

    public init(field: String, key: String) {
        self.field = field
        self.key = key
    }
}

public enum OutreachRules {
    /// More people than this at one awareness session is taken for a typing error.
    public static let maximumParticipants = 5_000
    /// The vulnerable groups a session can count (those of the centres' assistance log).
    public static let groups = ["elderly", "roma", "disability", "rural", "low-income", "youth", "unemployed", "returnee"]

    /// The problems of a report; empty means it can go to staff for approval.
    ///
    /// - at least one participant and at most `maximumParticipants`; no count below zero;
    /// - the age bands, when any is given, add up to the total (someone of no band would be a person counted twice or
    ///   missed);
    /// - no vulnerable group holds more people than came; unknown group codes are refused.
    public static func problems(_ counts: OutreachCounts) -> [OutreachProblem] {
        var problems: [OutreachProblem] = []
        let named: [(String, Int)] = [("women", counts.women), ("men", counts.men), ("other_gender", counts.otherGender),
                                      ("youth", counts.youth), ("adults", counts.adults), ("older", counts.older)]
        for (field, value) in named where value < 0 || value > maximumParticipants {
            problems.append(OutreachProblem(field: field, key: "outreach.error.count"))
        }
        guard problems.isEmpty else { return problems }
        if counts.total < 1 { problems.append(OutreachProblem(field: "women", key: "outreach.error.nobody")) }
        if counts.total > maximumParticipants { problems.append(OutreachProblem(field: "women", key: "outreach.error.too_many")) }
        let ages = counts.youth + counts.adults + counts.older
        if ages > 0 && ages != counts.total { problems.append(OutreachProblem(field: "youth", key: "outreach.error.ages_sum")) }
        for (group, value) in counts.groups.sorted(by: { $0.key < $1.key }) {
            if !groups.contains(group) {
                problems.append(OutreachProblem(field: "group-" + group, key: "outreach.error.group"))
            } else if value < 0 || value > counts.total {
                problems.append(OutreachProblem(field: "group-" + group, key: "outreach.error.group_count"))
            }
        }
        return problems
    }
}

/// The anonymous feedback of an event: satisfaction 1–5 and free text, shown only when at least `minimumAnswers`
/// people answered, so that no single answer can be traced to a participant of a small event.
public struct FeedbackSummary: Sendable, Equatable {
    public static let minimumAnswers = 5

    /// Answers per satisfaction level, index 0 for 1 … index 4 for 5.
    public var counts: [Int]

    /// Summarises the satisfaction answers; values outside 1…5 are not counted.
    public init(satisfaction: [Int]) {
        var counts = [0, 0, 0, 0, 0]
        for value in satisfaction where (1...5).contains(value) { counts[value - 1] += 1 }
        self.counts = counts
    }

    /// From counts already made (e.g. by SQL): answers per level, index 0 for 1 … index 4 for 5; negative counts
    /// are taken as 0 and missing levels as none.
    public init(counts: [Int]) {
        self.counts = (0..<5).map { $0 < counts.count ? max(counts[$0], 0) : 0 }
    }

    public var answers: Int { counts.reduce(0, +) }

    /// Whether the results may be shown.
    public var isShown: Bool { answers >= Self.minimumAnswers }

    /// The mean satisfaction in tenths (43 for 4.3), rounded half up; nil when the results are not shown.
    public var meanTenths: Int? {
        guard isShown else { return nil }
        let sum = counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        // round half up in whole numbers: (10·sum + answers/2) / answers, with 2·(10·sum) + answers over 2·answers
        return (20 * sum + answers) / (2 * answers)
    }
}
