extension EGovBenchmark {
    /// A structural problem in the input that stops the import, reported as `file:line: reason`.
    public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What kind of problem.
        public enum Kind: String, Sendable, Equatable {
            /// File-level: absent, unreadable, not CSV (unclosed quote), header lacks a column.
            case missingFile, unreadableFile, malformedCSV, missingColumn
            /// Row-level: wrong field count, unknown code/name/type, blank label, duplicate landscape row.
            case fieldCount, unknownCountry, unknownLifeEvent, unknownServiceType, missingServiceNumber, duplicateService
            /// An answer row whose (country, life event, service number) is not in the landscape.
            case serviceNotInLandscape
            /// A published results cell that is neither a number, `.` nor empty.
            case unreadableNumber
        }

        /// The file name (without directory).
        public var file: String
        /// The 1-based physical line; nil for problems of the whole file.
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
}
