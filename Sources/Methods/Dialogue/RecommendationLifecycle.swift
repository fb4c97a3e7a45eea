// What can happen to a recommendation the network addressed to an institution, and who may make it happen:
// one table, read by the server for every status change (and by the tests), as the grants' machines are.

public enum RecommendationState: String, Sendable, CaseIterable, Codable {
    case draft, published, acknowledged, answered, accepted
    case partlyAccepted = "partly-accepted"
    case rejected, implemented
    case notImplemented = "not-implemented"

    /// Nothing more happens after these.
    public var isFinal: Bool { self == .rejected || self == .implemented || self == .notImplemented }
    /// The institution has answered (counted as answered in scorecards).
    public var isAnswered: Bool { [.answered, .accepted, .partlyAccepted, .rejected, .implemented, .notImplemented].contains(self) }
    /// The institution accepted it, fully or in part (implemented or not since).
    public var isAccepted: Bool { [.accepted, .partlyAccepted, .implemented, .notImplemented].contains(self) }
}

public enum RecommendationEvent: String, Sendable, CaseIterable, Codable {
    case publish, acknowledge, answer, accept
    case partlyAccept = "partly-accept"
    case reject, implement
    case notImplement = "not-implement"
}

/// Who acts: a network member (drafts), programme staff (publish, and record what came on paper), or a focal
/// point of the addressed institution (acknowledge, answer and decide for its institution).
public enum DialogueRole: String, Sendable, CaseIterable {
    case member, staff, focalPoint = "focal-point"
}

public enum RecommendationLifecycle {
    public struct Rule: Sendable, Hashable {
        public var from: RecommendationState
        public var event: RecommendationEvent
        public var to: RecommendationState
        public var roles: Set<DialogueRole>
    }

    public static let rules: [Rule] = {
        let institution: Set<DialogueRole> = [.staff, .focalPoint]
        var rules: [Rule] = [
            Rule(from: .draft, event: .publish, to: .published, roles: [.staff]),
            Rule(from: .published, event: .acknowledge, to: .acknowledged, roles: institution),
        ]
        for from in [RecommendationState.published, .acknowledged] {
            rules.append(Rule(from: from, event: .answer, to: .answered, roles: institution))
        }
        for (event, to) in [(RecommendationEvent.accept, RecommendationState.accepted), (.partlyAccept, .partlyAccepted), (.reject, .rejected)] {
            rules.append(Rule(from: .answered, event: event, to: to, roles: institution))
        }
        for from in [RecommendationState.accepted, .partlyAccepted] {
            rules.append(Rule(from: from, event: .implement, to: .implemented, roles: institution))
            rules.append(Rule(from: from, event: .notImplement, to: .notImplemented, roles: institution))
        }
        return rules
    }()

    public enum Refusal: Error, Sendable, Equatable {
        case finalState(RecommendationState)
        case notAllowed(RecommendationState, RecommendationEvent)
        case role(RecommendationState, RecommendationEvent, DialogueRole)

        /// A catalog key for the message.
        public var key: String {
            switch self {
            case .finalState: "dialogue.refusal.final"
            case .notAllowed: "dialogue.refusal.not_allowed"
            case .role: "dialogue.refusal.role"
            }
        }
    }

    /// The state after `event` by `role`, or why not.
    public static func apply(_ event: RecommendationEvent, to state: RecommendationState, by role: DialogueRole) -> Result<RecommendationState, Refusal> {
        if state.isFinal { return .failure(.finalState(state)) }
        guard let rule = rules.first(where: { $0.from == state && $0.event == event }) else { return .failure(.notAllowed(state, event)) }
        guard rule.roles.contains(role) else { return .failure(.role(state, event, role)) }
        return .success(rule.to)
    }

    /// The events `role` may trigger in `state`, in the table's order.
    public static func events(in state: RecommendationState, for role: DialogueRole) -> [RecommendationEvent] {
        rules.filter { $0.from == state && $0.roles.contains(role) }.map(\.event)
    }
}

/// An institution's record in numbers: what was addressed to it, answered, how fast, accepted, implemented.
public struct Scorecard: Sendable, Equatable {
    public var addressed: Int
    public var answered: Int
    /// The median of the days from publication to the first answer, over the answered ones; nil when none.
    public var medianDaysToAnswer: Double?
    public var accepted: Int
    public var implemented: Int
    /// Published and unanswered past the response deadline.
    public var overdue: Int

    /// `items`: each published recommendation's state, the days it took to answer (nil when not answered) and
    /// whether it is past its deadline without an answer.
    public static func make(_ items: [(state: RecommendationState, daysToAnswer: Int?, overdue: Bool)]) -> Scorecard {
        let days = items.compactMap(\.daysToAnswer).sorted()
        var median: Double?
        if !days.isEmpty {
            median = days.count % 2 == 1 ? Double(days[days.count / 2]) : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
        }
        return Scorecard(addressed: items.count, answered: items.filter { $0.state.isAnswered }.count, medianDaysToAnswer: median,
                         accepted: items.filter { $0.state.isAccepted }.count, implemented: items.filter { $0.state == .implemented }.count,
                         overdue: items.filter(\.overdue).count)
    }
}
