extension Grants {
    /// One applied transition, as the audit log records it.
    public struct TransitionRecord<State: Hashable & Sendable, Event: Hashable & Sendable>: Hashable, Sendable {
        /// The state before.
        public var from: State
        /// The event.
        public var event: Event
        /// The state after.
        public var to: State
        /// Who triggered it.
        public var role: Role
    }

    /// A record's state that changes only through its machine's transitions, each returned for the audit log.
    public struct Tracked<Machine: StateMachine>: Hashable, Sendable {
        /// The current state.
        public private(set) var state: Machine.State

        /// A new record in the machine's initial state.
        public init() { state = Machine.initialState }

        /// A record loaded from storage in the state it was saved in (the only way in other than `apply`).
        public init(restoring state: Machine.State) { self.state = state }

        /// Applies `event` by `role`; on success the state changes and the transition is returned for the audit log.
        public mutating func apply(
            _ event: Machine.Event, by role: Role
        ) -> Result<TransitionRecord<Machine.State, Machine.Event>, TransitionError<Machine.State, Machine.Event>> {
            switch Machine.transition(from: state, on: event, by: role) {
            case let .failure(error):
                return .failure(error)
            case let .success(next):
                let record = TransitionRecord(from: state, event: event, to: next, role: role)
                state = next
                return .success(record)
            }
        }

        /// The events `role` may trigger now.
        public func allowedEvents(for role: Role) -> [Machine.Event] { Machine.allowedEvents(in: state, for: role) }
    }
}
