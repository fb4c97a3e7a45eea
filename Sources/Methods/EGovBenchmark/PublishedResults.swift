import Foundation

extension EGovBenchmark {
    /// A per-service score as published in a results file.
    public enum ServiceMeasure: String, Sendable, Hashable, CaseIterable {
        case onlineAvailability, mobileFriendliness, serviceDelivery, eID, eDocuments, prefilledForms

        /// The recomputed value of this measure for a national service.
        public func value(in scores: NationalServiceScores) -> Double? {
            switch self {
            case .onlineAvailability: scores.onlineAvailability
            case .mobileFriendliness: scores.mobileFriendliness
            case .serviceDelivery: scores.serviceDelivery
            case .eID: scores.eID
            case .eDocuments: scores.eDocuments
            case .prefilledForms: scores.prefilledForms
            }
        }

        /// The recomputed value of this measure for a cross-border service (nil for national-only measures).
        public func value(in scores: CrossBorderServiceScores) -> Double? {
            switch self {
            case .onlineAvailability: scores.onlineAvailability
            case .eID: scores.eID
            case .eDocuments: scores.eDocuments
            default: nil
            }
        }
    }

    /// One published cell, where it was read, and what it says (nil = `.` or empty).
    public struct PublishedCell<Subject: Hashable & Sendable>: Sendable, Hashable {
        /// What the cell scores.
        public var subject: Subject
        /// The published value; nil when the cell is `.` or empty.
        public var value: Double?
        /// The file name.
        public var file: String
        /// The 1-based line.
        public var line: Int
        /// The column header.
        public var column: String
    }

    /// Published results found beside the raw data: per-service results files and score tables.
    public struct PublishedResults: Sendable {
        /// A published service score: which service, which scope, which measure.
        public struct ServiceSubject: Sendable, Hashable {
            /// The service.
            public var key: ServiceKey
            /// National or cross-border.
            public var scope: ServiceScope
            /// The measure.
            public var measure: ServiceMeasure
        }

        /// A published score-table cell: which country, column and measure.
        public struct ScoreSubject: Sendable, Hashable {
            /// The country.
            public var country: CountryCode
            /// The column.
            public var column: ScoreColumn
            /// The measure.
            public var measure: Measure
        }

        /// Published per-service scores.
        public var serviceCells: [PublishedCell<ServiceSubject>] = []
        /// Published score-table cells of the columns the engine computes.
        public var scoreCells: [PublishedCell<ScoreSubject>] = []
        /// Per file, the columns (or rows) not compared because they belong to other editions or are unknown.
        public var skipped: [String: [String]] = [:]
        /// The files read.
        public var files: [String] = []

        /// An empty set of published results.
        public init() {}

        /// Reads every `national-services-results-XX.csv`, `cross-border-services-results-XX.csv` and
        /// `scores-XX.csv` in `directory` (any country XX; none is fine).
        public static func load(from directory: URL) throws(ImportError) -> PublishedResults {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() } catch {
                throw ImportError(file: directory.path, line: nil, kind: .unreadableFile, reason: "cannot list: \(error)")
            }
            var published = PublishedResults()
            for name in names where name.hasSuffix(".csv") {
                if name.hasPrefix("national-services-results-") {
                    try published.readServices(TableReader.open(name, in: directory), scope: .national)
                } else if name.hasPrefix("cross-border-services-results-") {
                    try published.readServices(TableReader.open(name, in: directory), scope: .crossBorder)
                } else if name.hasPrefix("scores-") {
                    try published.readScores(TableReader.open(name, in: directory))
                } else {
                    continue
                }
                published.files.append(name)
            }
            return published
        }
    }
}
