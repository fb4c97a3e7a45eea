extension EGovBenchmark {
    /// A Yes/No answer as the method reads it (rule 1).
    public enum AnswerValue: Sendable, Hashable {
        /// `yes`.
        case yes
        /// `no`.
        case no
        /// `nr`: not relevant.
        case notRelevant
        /// Anything else: empty, `.`, `NR*`, `Yyes`, free text.
        case blank
    }

    /// One answer cell: its value plus whether the cell was empty (rule 14 treats `.` and empty apart).
    public struct Answer: Sendable, Hashable {
        /// The value per rule 1.
        public var value: AnswerValue
        /// Whether the trimmed cell was empty (only then `value` is `.blank` too).
        public var isEmpty: Bool

        /// Creates an answer; `isEmpty` is only meaningful for `.blank`.
        public init(_ value: AnswerValue, isEmpty: Bool = false) {
            self.value = value
            self.isEmpty = value == .blank && isEmpty
        }

        /// An empty cell.
        public static let empty = Answer(.blank, isEmpty: true)
    }

    /// How a raw cell was read, for the import report.
    public enum CellReading: Sendable, Hashable {
        /// Exactly `Yes`, `No`, `NR`, or a plain number.
        case canonical
        /// Recognised only after trimming surrounding whitespace.
        case padded
        /// A Yes/No/NR answer spelled in another case, e.g. `NO`, `yes`, `Nr`.
        case caseVariant
        /// An empty cell.
        case empty
        /// A `.` cell.
        case dot
        /// Any other text, read as BLANK or as a missing number.
        case unreadable
    }
}

extension EGovBenchmark.Answer {
    /// Reads a raw cell (rule 1) and says how canonical it was.
    public static func read(_ raw: String) -> (answer: EGovBenchmark.Answer, reading: EGovBenchmark.CellReading) {
        switch raw {
        case "Yes": return (Self(.yes), .canonical)
        case "No": return (Self(.no), .canonical)
        case "NR": return (Self(.notRelevant), .canonical)
        case "": return (.empty, .empty)
        default: break
        }
        let text = raw.trimmed
        let value: EGovBenchmark.AnswerValue
        switch text.lowercased() {
        case "yes": value = .yes
        case "no": value = .no
        case "nr": value = .notRelevant
        case "": return (.empty, .empty)
        case ".": return (Self(.blank), text == raw ? .dot : .padded)
        default: return (Self(.blank), .unreadable)
        }
        let canonicalSpelling: String = switch value {
        case .yes: "Yes"
        case .no: "No"
        default: "NR"
        }
        if text == canonicalSpelling { return (Self(value), .padded) }
        return (Self(value), .caseVariant)
    }

    /// Reads a numeric cell (Mobile Friendliness, D1, D5): empty or `.` is missing (rule 1).
    public static func readNumber(_ raw: String) -> (number: Double?, reading: EGovBenchmark.CellReading) {
        let text = raw.trimmed
        if text.isEmpty { return (nil, .empty) }
        if text == "." { return (nil, .dot) }
        guard let number = Double(text), number.isFinite else { return (nil, .unreadable) }
        return (number, text == raw ? .canonical : .padded)
    }
}
