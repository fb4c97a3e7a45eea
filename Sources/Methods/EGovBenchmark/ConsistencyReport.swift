import Foundation

extension EGovBenchmark {
    /// Published cells that the recomputation does not give.
    public struct ConsistencyReport: Sendable, CustomStringConvertible {
        /// One published cell that differs from the recomputation.
        public struct Discrepancy: Sendable, Hashable, CustomStringConvertible {
            /// The published file.
            public var file: String
            /// The published line.
            public var line: Int
            /// What the cell is, e.g. `AL Business Start-up 2.1 national eID`.
            public var subject: String
            /// The published value (nil = `.` or empty).
            public var published: Double?
            /// The recomputed value (nil = no score).
            public var recomputed: Double?

            /// `file:line: subject: published X, recomputed Y`.
            public var description: String {
                func text(_ x: Double?) -> String { x.map { "\($0)" } ?? "no score" }
                return "\(file):\(line): \(subject): published \(text(published)), recomputed \(text(recomputed))"
            }
        }

        /// How many published cells were compared.
        public var comparedCells = 0
        /// The cells that differ by more than the tolerance, or are present on one side only.
        public var discrepancies: [Discrepancy] = []
        /// Per file, columns or rows not compared (other editions, unknown labels).
        public var skipped: [String: [String]] = [:]

        /// Compares published cells with results; values differing by more than `tolerance`, or present on
        /// one side only, are discrepancies.
        public init(results: Results, published: PublishedResults, tolerance: Double = 1e-6) {
            skipped = published.skipped
            func check<S>(_ cell: PublishedCell<S>, _ subject: String, _ recomputed: Double?) {
                comparedCells += 1
                let same = switch (cell.value, recomputed) {
                case (nil, nil): true
                case let (a?, b?): abs(a - b) <= tolerance
                default: false
                }
                if !same {
                    discrepancies.append(Discrepancy(file: cell.file, line: cell.line, subject: subject,
                                                     published: cell.value, recomputed: recomputed))
                }
            }
            for cell in published.serviceCells {
                let s = cell.subject
                let recomputed: Double? = switch s.scope {
                case .national: results.nationalServices[s.key].flatMap { s.measure.value(in: $0) }
                case .crossBorder: results.crossBorderServices[s.key].flatMap { s.measure.value(in: $0) }
                }
                let scope = s.scope == .national ? "national" : "cross-border"
                check(cell, "\(s.key) \(scope) \(s.measure.rawValue)", recomputed)
            }
            for cell in published.scoreCells {
                let s = cell.subject
                let recomputed = results.countries[s.country]?[s.column][s.measure]
                check(cell, "\(s.country) \(s.measure.number) \(s.measure), \(s.column)", recomputed)
            }
        }

        /// One line per discrepancy, then a summary.
        public var description: String {
            (discrepancies.map(\.description)
                + ["\(discrepancies.count) discrepancies in \(comparedCells) published cells compared"])
                .joined(separator: "\n")
        }
    }

    /// Loads the raw data and any published results in `directory`, recomputes, and compares.
    public static func consistencyReport(from directory: URL) throws(ImportError) -> ConsistencyReport {
        let (dataset, _) = try EGovBenchmarkDataset.load(from: directory)
        return ConsistencyReport(results: Engine.compute(dataset), published: try PublishedResults.load(from: directory))
    }
}
