extension EGovBenchmark {
    /// The nine life events of the 2023 edition.
    public enum LifeEvent: String, CaseIterable, Hashable, Comparable, Sendable {
        case businessStartUp, family, career, studying
        case regularBusinessOperations, transport, justice, moving, health

        /// The data-collection year: 2022 for the even-year events, 2021 for the odd-year ones.
        public var year: Int {
            switch self {
            case .businessStartUp, .family, .career, .studying: 2022
            default: 2021
            }
        }

        /// Whether the event counts as a business life event (rule 29).
        public var isBusiness: Bool { self == .businessStartUp || self == .regularBusinessOperations }

        /// The name used in published tables, e.g. "Regular business operations".
        public var publishedName: String {
            switch self {
            case .businessStartUp: "Business Start-up"
            case .family: "Family"
            case .career: "Career"
            case .studying: "Studying"
            case .regularBusinessOperations: "Regular business operations"
            case .transport: "Transport"
            case .justice: "Justice"
            case .moving: "Moving"
            case .health: "Health"
            }
        }

        /// Reads a life-event name as written in the data ("Economic" is Regular business operations).
        public init?(name: String) {
            let key = name.trimmed.lowercased()
            if key == "economic" {
                self = .regularBusinessOperations
                return
            }
            guard let match = Self.allCases.first(where: { $0.publishedName.lowercased() == key }) else {
                return nil
            }
            self = match
        }

        /// Orders life events as in the published tables (2022 events first).
        public static func < (lhs: LifeEvent, rhs: LifeEvent) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }
}
