// Registration for a training event, without a server: whether a new registration gets a place or waits, who is
// already registered under the same contact, and who moves up from the wait list when places free up. The server
// calls these under a lock on the event's row, so fifty people registering in the same second are decided one after
// the other against the list as it stands, and the event is never over capacity.

/// Where a registration stands.
public enum RegistrationState: String, Sendable, Equatable, CaseIterable {
    /// Has a place.
    case confirmed
    /// Waits for a place; moves up in registration order.
    case waitlisted
    /// Cancelled by the person or by staff; keeps no place and no position.
    case cancelled
}

/// One registration as stored.
public struct Registration: Sendable, Equatable {
    public var id: String
    /// The contact normalised by `TrainingRegistration.contactKey(_:)`; empty when the person gave no usable contact.
    public var contactKey: String
    public var state: RegistrationState
    /// The registration's number in the event, in the order registrations arrived (smaller is earlier).
    public var order: Int

    public init(id: String, contactKey: String, state: RegistrationState, order: Int) {
        self.id = id
        self.contactKey = contactKey
        self.state = state
        self.order = order
    }
}

public enum TrainingRegistration {
    /// What happens to a new registration.
    public enum Decision: Sendable, Equatable {
        case confirmed
        /// On the wait list; `position` 1 is next to move up.
        case waitlisted(position: Int)
        /// The same contact already holds a registration that is not cancelled (its id and state); nothing is added.
        case alreadyRegistered(id: String, state: RegistrationState)
    }

    /// Decides a new registration. `capacity` nil means no limit; a negative capacity counts as 0.
    ///
    /// A place goes to the newcomer only when there are more free places than people already waiting, so nobody
    /// jumps the wait list even when a promotion has not been stored yet. An empty contact key never matches
    /// another registration (two people without a contact are not the same person).
    public static func decide(contactKey: String, capacity: Int?, registrations: [Registration]) -> Decision {
        if !contactKey.isEmpty,
           let existing = registrations.filter({ $0.contactKey == contactKey && $0.state != .cancelled }).min(by: { $0.order < $1.order }) {
            return .alreadyRegistered(id: existing.id, state: existing.state)
        }
        let waiting = registrations.filter { $0.state == .waitlisted }.count
        guard let capacity else { return .confirmed }
        let confirmed = registrations.filter { $0.state == .confirmed }.count
        let free = max(capacity, 0) - confirmed
        return waiting < free ? .confirmed : .waitlisted(position: waiting + 1)
    }

    /// The waitlisted registrations that get a place now, earliest first: as many as there are free places. Call it
    /// after storing a cancellation (or after raising the capacity), in the same transaction.
    public static func promotions(capacity: Int?, registrations: [Registration]) -> [String] {
        let waiting = registrations.filter { $0.state == .waitlisted }.sorted { $0.order < $1.order }
        guard let capacity else { return waiting.map(\.id) }
        let free = max(capacity, 0) - registrations.filter { $0.state == .confirmed }.count
        return free > 0 ? waiting.prefix(free).map(\.id) : []
    }

    /// Who moves up when registration `id` is cancelled: `registrations` is the list before the cancellation. A
    /// cancelled waitlisted registration frees no place, so nobody moves up for it.
    public static func promotions(afterCancelling id: String, capacity: Int?, registrations: [Registration]) -> [String] {
        let after = registrations.map { registration in
            var registration = registration
            if registration.id == id { registration.state = .cancelled }
            return registration
        }
        return promotions(capacity: capacity, registrations: after)
    }

    /// A contact as compared between registrations. An e-mail address (the text holds `@`) is trimmed and
    /// lowercased; anything else is read as a phone number and keeps its ASCII digits and a leading `+`, so
    /// "+355 69 000 1111" and "+35569 0001111" are the same key. A phone number without digits gives "".
    /// "00355…" and "+355…" stay different keys: the platform does not guess a country's dialling rules.
    public static func contactKey(_ text: String) -> String {
        let trimmed = text.trimmed
        if trimmed.contains("@") { return trimmed.lowercased() }
        let digits = String(trimmed.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if digits.isEmpty { return "" }
        return (trimmed.hasPrefix("+") ? "+" : "") + digits
    }
}
