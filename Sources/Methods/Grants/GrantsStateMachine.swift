extension Grants {
    /// One allowed transition: in state `from`, `event` by one of `roles` leads to `to`.
    public struct TransitionRule<State: Hashable & Sendable, Event: Hashable & Sendable>: Hashable, Sendable {
        /// The state the event applies in.
        public var from: State
        /// The event.
        public var event: Event
        /// The state after the event (equal to `from` for events that record something without moving).
        public var to: State
        /// The roles allowed to trigger the event in this state.
        public var roles: Set<Role>

        /// A rule.
        public init(_ from: State, _ event: Event, _ to: State, _ roles: Set<Role>) {
            self.from = from
            self.event = event
            self.to = to
            self.roles = roles
        }
    }

    /// Why a transition was refused.
    public enum TransitionError<State: Hashable & Sendable & RawRepresentable, Event: Hashable & Sendable & RawRepresentable>:
        Error, Hashable, Sendable, ReasonCoded where State.RawValue == String, Event.RawValue == String
    {
        /// The state is terminal: nothing happens any more.
        case terminalState(State)
        /// The event does not apply in this state.
        case eventNotAllowed(state: State, event: Event)
        /// The event applies, but not for this role.
        case roleNotPermitted(state: State, event: Event, role: Role)

        /// Stable reason code.
        public var code: String {
            switch self {
            case .terminalState: "grants.transition.terminal-state"
            case .eventNotAllowed: "grants.transition.event-not-allowed"
            case .roleNotPermitted: "grants.transition.role-not-permitted"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .terminalState(state): ["state": .text(state.rawValue)]
            case let .eventNotAllowed(state, event): ["state": .text(state.rawValue), "event": .text(event.rawValue)]
            case let .roleNotPermitted(state, event, role):
                ["state": .text(state.rawValue), "event": .text(event.rawValue), "role": .text(role.rawValue)]
            }
        }
    }

    /// An explicit state machine given by a table of rules; states change only through `transition`.
    public protocol StateMachine {
        /// The states.
        associatedtype State: CaseIterable, Hashable, Sendable, RawRepresentable where State.RawValue == String
        /// The events.
        associatedtype Event: CaseIterable, Hashable, Sendable, RawRepresentable where Event.RawValue == String
        /// The state every record starts in.
        static var initialState: State { get }
        /// Every allowed transition; at most one rule per (state, event).
        static var rules: [TransitionRule<State, Event>] { get }
    }
}

extension Grants.StateMachine {
    /// The state after `event` by `role` in `state`, or why the event is refused.
    public static func transition(
        from state: State, on event: Event, by role: Grants.Role
    ) -> Result<State, Grants.TransitionError<State, Event>> {
        if isTerminal(state) { return .failure(.terminalState(state)) }
        guard let rule = rules.first(where: { $0.from == state && $0.event == event }) else {
            return .failure(.eventNotAllowed(state: state, event: event))
        }
        guard rule.roles.contains(role) else { return .failure(.roleNotPermitted(state: state, event: event, role: role)) }
        return .success(rule.to)
    }

    /// The events `role` may trigger in `state`, in the order of `Event.allCases`.
    public static func allowedEvents(in state: State, for role: Grants.Role) -> [Event] {
        Event.allCases.filter { event in rules.contains { $0.from == state && $0.event == event && $0.roles.contains(role) } }
    }

    /// Whether no event applies in `state`.
    public static func isTerminal(_ state: State) -> Bool { !rules.contains { $0.from == state } }
}
