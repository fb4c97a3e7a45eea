extension EGovBenchmark {
    /// A column of a country's (or an average's) score table, as in the published workbook.
    public enum ScoreColumn: Hashable, Sendable, CustomStringConvertible {
        /// The headline: mean of the nine life events (rule 28).
        case biennial
        /// Business life events (rule 29).
        case business
        /// Citizen life events (rule 29).
        case citizen
        /// The yearly average of 2021 or 2022 (rule 27).
        case year(Int)
        /// One life event.
        case lifeEvent(LifeEvent)
        /// Services of one government level pooled over both years (rule 30).
        case level(GovernmentLevel)

        /// Every column of the edition.
        public static let all: [ScoreColumn] =
            [.biennial, .business, .citizen] + EGovBenchmark.years.map(ScoreColumn.year)
            + LifeEvent.allCases.map(ScoreColumn.lifeEvent)
            + [GovernmentLevel.central, .regional, .local].map(ScoreColumn.level)

        /// The published column header, e.g. `Biennial average 2021 + 2022`, `Transport (2021)`.
        public var description: String {
            switch self {
            case .biennial: "Biennial average 2021 + 2022"
            case .business: "Business life events 2021 + 2022"
            case .citizen: "Citizen life events 2021 + 2022"
            case .year(let y): "Average (\(y))"
            case .lifeEvent(let e): "\(e.publishedName) (\(e.year))"
            case .level(let l): l.publishedName
            }
        }

        /// Finds the column a published header names; nil for columns of other editions.
        public init?(publishedHeader header: String) {
            let key = header.trimmed.lowercased()
            guard let match = Self.all.first(where: { $0.description.lowercased() == key }) else { return nil }
            self = match
        }
    }

    /// Every column of scores for one country or average.
    public struct ScoreTable: Sendable, Hashable {
        /// Score sets per column; a column never computed reads as an empty set.
        public var columns: [ScoreColumn: ScoreSet] = [:]

        /// An empty table.
        public init() {}

        /// The score set of `column` (every measure missing if not computed).
        public subscript(column: ScoreColumn) -> ScoreSet {
            get { columns[column] ?? ScoreSet() }
            set { columns[column] = newValue }
        }

        /// The headline biennial scores.
        public var biennial: ScoreSet { self[.biennial] }
    }
}
