extension UNEGovSurvey {
    /// A cleaning step the importer applied to the input (the data files are never changed).
    public enum Cleaning: String, CaseIterable, Sendable, Hashable, Comparable {
        /// A country name with leading, trailing or repeated whitespace, trimmed and collapsed.
        case nameWhitespace
        /// A number cell with surrounding whitespace, trimmed.
        case numberWhitespace
        /// A rank written as a whole decimal (`136.0`), read as the integer.
        case decimalRank
        /// A blank rank or component cell (OSI, HCI, TII, EPI, LOSI), read as missing.
        case blankValue
        /// A row whose cells are all blank (e.g. a trailing `,,,`), skipped.
        case blankRow

        /// Orders as declared.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What one input file held.
    public struct FileSummary: Sendable, Equatable {
        /// The file name.
        public var file: String
        /// The layout recognised from its header.
        public var layout: Layout
        /// Data rows (after the header).
        public var rows: Int
        /// Records imported from it.
        public var records: Int
        /// The years of its records, ascending.
        public var years: [Int]
    }

    /// What the importer found besides the records: mismatches, skipped rows, EGDI consistency, cleaning.
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        /// One summary per file, in reading order.
        public internal(set) var files: [FileSummary] = []
        /// Mismatches, skipped rows and uncheckable records, in reading order.
        public internal(set) var findings: [Finding] = []
        /// Records whose EGDI differs from mean(OSI, HCI, TII) by more than the tolerance, in reading order.
        public internal(set) var inconsistencies: [Inconsistency] = []
        /// How often each cleaning step was applied.
        public internal(set) var cleaned: [Cleaning: Int] = [:]
        /// Records imported per year.
        public internal(set) var recordsPerYear: [Int: Int] = [:]

        /// An empty report.
        public init() {}

        /// Country-name/code mismatches (unmapped names, names not matching their code, unknown codes).
        public var mismatches: [Finding] { findings.filter(\.kind.isMismatch) }

        /// Findings of one kind.
        public func findings(_ kind: Finding.Kind) -> [Finding] { findings.filter { $0.kind == kind } }

        /// One line per file, cleaning step, finding and inconsistency.
        public var description: String {
            var lines = files.map { "\($0.file): \($0.layout.rawValue), \($0.rows) rows, \($0.records) records, years \($0.years)" }
            lines += recordsPerYear.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) records" }
            lines += cleaned.sorted { $0.key < $1.key }.map { "cleaned \($0.key.rawValue): \($0.value)" }
            lines += findings.map { "\($0.kind.rawValue) \($0)" }
            lines += inconsistencies.map { "inconsistent \($0)" }
            return lines.joined(separator: "\n")
        }
    }
}
