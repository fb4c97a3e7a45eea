extension UNEGovSurvey {
    /// A record whose published EGDI differs from mean(OSI, HCI, TII) by more than ``consistencyTolerance``.
    public struct Inconsistency: Sendable, Equatable, CustomStringConvertible {
        /// A pattern that accounts for the difference.
        public enum Explanation: String, Sendable, Equatable {
            /// EGDI matches 0.34·OSI + 0.33·HCI + 0.33·TII within the tolerance: the weighting the 2010
            /// published values fit (found in the data, not stated in the method doc).
            case weightedOSI
            /// EGDI published as 0 while the components are not all 0: a placeholder, not a computed value.
            case publishedZero

            /// One line for reports.
            public var text: String {
                switch self {
                case .weightedOSI: "fits 0.34·OSI + 0.33·HCI + 0.33·TII"
                case .publishedZero: "EGDI published as 0 (placeholder, not the mean)"
                }
            }
        }

        /// Where the record was read from.
        public var source: SourceLine
        /// The record's year.
        public var year: Int
        /// The record's ISO alpha-3 code.
        public var alpha3: String
        /// The published EGDI.
        public var egdi: Double
        /// mean(OSI, HCI, TII).
        public var componentMean: Double
        /// A pattern that accounts for the difference; nil when none does.
        public var explanation: Explanation?

        /// Creates an inconsistency.
        public init(source: SourceLine, year: Int, alpha3: String, egdi: Double, componentMean: Double,
                    explanation: Explanation?) {
            self.source = source
            self.year = year
            self.alpha3 = alpha3
            self.egdi = egdi
            self.componentMean = componentMean
            self.explanation = explanation
        }

        /// |EGDI − mean(OSI, HCI, TII)|.
        public var difference: Double { abs(egdi - componentMean) }

        /// `file:line: ALB 2010: EGDI 0.45192 ≠ mean 0.45335 (|Δ| 0.00143); fits …`.
        public var description: String {
            let base = "\(source): \(alpha3) \(year): EGDI \(egdi) ≠ mean(OSI, HCI, TII) \(rounded(componentMean)) "
                + "(|Δ| \(rounded(difference)))"
            return explanation.map { "\(base); \($0.text)" } ?? base
        }

        private func rounded(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }
    }

    /// The outcome of checking one record's EGDI against the mean of its components (importer internals).
    enum ConsistencyCheck: Equatable {
        case consistent
        case uncheckable(Finding)
        case inconsistent(Inconsistency)
    }

    /// Checks a record's EGDI against the mean of its components.
    static func checkConsistency(_ record: Record) -> ConsistencyCheck {
        guard let osi = record.osi, let hci = record.hci, let tii = record.tii, let mean = record.componentMean else {
            let missing = [("OSI", record.osi), ("HCI", record.hci), ("TII", record.tii)]
                .filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
            return .uncheckable(Finding(source: record.source, kind: .consistencyUncheckable,
                                    reason: "\(record.alpha3) \(record.year): \(missing) blank, EGDI \(record.egdi) not checkable"))
        }
        let limit = consistencyTolerance + toleranceSlack
        guard abs(record.egdi - mean) > limit else { return .consistent }
        let explanation: Inconsistency.Explanation? =
            if record.egdi == 0 && mean > 0 {
                .publishedZero
            } else if abs(record.egdi - (0.34 * osi + 0.33 * hci + 0.33 * tii)) <= limit {
                .weightedOSI
            } else {
                nil
            }
        return .inconsistent(Inconsistency(source: record.source, year: record.year, alpha3: record.alpha3,
                                      egdi: record.egdi, componentMean: mean, explanation: explanation))
    }
}
