extension Grants {
    /// A locale-neutral value that a translated message interpolates (formatted by the caller).
    public enum Argument: Hashable, Sendable {
        /// Free text (an identifier, a category, a country code …).
        case text(String)
        /// A whole number (a count, a line number, a month count …).
        case integer(Int)
        /// An amount of money.
        case money(Money)
        /// A share, exact.
        case ratio(Ratio)
    }

    /// A problem or refusal with a stable reason code (the key of a translated message) and its arguments.
    public protocol ReasonCoded: Sendable {
        /// Stable dotted key, e.g. `grants.money.ambiguous-separator`.
        var code: String { get }
        /// Named values for the translated message.
        var arguments: [String: Argument] { get }
    }
}
