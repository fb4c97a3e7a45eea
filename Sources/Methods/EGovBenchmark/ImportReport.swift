extension EGovBenchmark {
    /// A tolerated deviation from clean input, counted by the importer.
    public enum Deviation: String, CaseIterable, Sendable, Hashable, Comparable {
        /// A Yes/No/NR answer in another spelling (`NO`, `yes`, `YEs`, `nr`, `Nr`), read as such.
        case answerCaseVariant
        /// An answer or number with surrounding whitespace, trimmed.
        case cellPadded
        /// An empty answer cell, read as BLANK.
        case answerEmpty
        /// A `.` answer cell, read as BLANK.
        case answerDot
        /// Any other answer text (`NR*`, `Yyes`, free text), read as BLANK.
        case answerUnreadable
        /// An empty numeric cell, read as missing.
        case numberEmpty
        /// A `.` numeric cell, read as missing.
        case numberDot
        /// Non-numeric text in a numeric cell, read as missing.
        case numberUnreadable
        /// An answer row whose label differs from the landscape's after the (matching) service number.
        case damagedLabel
        /// A landscape government level other than exactly `Central`/`Regional`/`Local`
        /// (`.`, `0`, `central`, empty); read case-insensitively, anything else is non-central.
        case governmentLevelNonCanonical
        /// An answer row whose government level differs from its service's landscape level (landscape used).
        case governmentLevelDisagreement
        /// An answer row whose service type differs from the landscape's (landscape used).
        case serviceTypeDisagreement
        /// A landscape Applicable/Proactive flag other than exactly `Yes`/`No` (read as not "yes").
        case flagNonCanonical
        /// A year column that differs from the life event's data-collection year (life event used).
        case yearMismatch
        /// A country code given by an alias (`GR` read as `EL`).
        case countryAlias
        /// A placeholder answer row (`Not applicable`, `Proactive` instead of a URL), kept.
        case placeholderRow
        /// A URL repeated within one service, kept.
        case duplicateURLRow

        /// Orders as declared.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the importer tolerated, counted per file and deviation.
    public struct ImportReport: Sendable, Equatable, CustomStringConvertible {
        /// Deviation counts per file name.
        public private(set) var counts: [String: [Deviation: Int]] = [:]
        /// Data rows read per file name.
        public internal(set) var rows: [String: Int] = [:]

        /// An empty report.
        public init() {}

        /// Adds `n` occurrences of `deviation` in `file`.
        public mutating func add(_ deviation: Deviation, in file: String, count n: Int = 1) {
            guard n != 0 else { return }
            counts[file, default: [:]][deviation, default: 0] += n
        }

        /// Occurrences of `deviation`, in `file` or in all files.
        public func count(_ deviation: Deviation, in file: String? = nil) -> Int {
            if let file { return counts[file]?[deviation] ?? 0 }
            return counts.values.reduce(0) { $0 + ($1[deviation] ?? 0) }
        }

        /// One line per file and deviation, e.g. `national-services-answers.csv: answerDot 9870`.
        public var description: String {
            var lines: [String] = []
            for file in Set(rows.keys).union(counts.keys).sorted() {
                lines.append("\(file): \(rows[file] ?? 0) rows")
                for (deviation, n) in (counts[file] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    lines.append("  \(deviation.rawValue): \(n)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
