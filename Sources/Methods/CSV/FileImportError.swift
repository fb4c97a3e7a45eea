/// A problem in an input file that stops an import, reported as `file:line: reason`: the one error type of the
/// importers (the eGovernment Benchmark's and the UN survey's), each with its own kinds of problem.
public struct FileImportError<Kind: Sendable & Equatable>: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name (without directory).
    public var file: String
    /// The 1-based physical line; nil for problems of a whole file or directory.
    public var line: Int?
    /// The kind of problem.
    public var kind: Kind
    /// A human-readable reason.
    public var reason: String

    /// Creates an error.
    public init(file: String, line: Int?, kind: Kind, reason: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.reason = reason
    }

    /// `file:line: reason` (or `file: reason` without a line).
    public var description: String {
        if let line { "\(file):\(line): \(reason)" } else { "\(file): \(reason)" }
    }
}
