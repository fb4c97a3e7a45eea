/// A CSV document that cannot be split into records.
public struct CSVParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line where the problem starts.
    public var line: Int
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `line: reason`.
    public var description: String { "\(line): \(reason)" }
}
