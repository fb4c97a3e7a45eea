extension CPSVAP {
    /// A life or business event grouping services (one `cv:LifeEvent` or `cv:BusinessEvent` node, also `cv:Event`).
    public struct LifeEventRef: Sendable, Hashable {
        /// Citizen life event or business event.
        public enum Kind: String, Sendable, Hashable {
            /// `cv:LifeEvent`; `cv:BusinessEvent`.
            case life, business
        }

        /// Path under `{baseURL}/id/event/`, e.g. `business-start-up`.
        public var id: String
        /// Name by language tag (`dct:title`, mandatory).
        public var name: [String: String]
        /// Life event or business event.
        public var kind: Kind
        /// Optional concept IRI from a controlled vocabulary (`dct:type`), e.g. the EU Life Events table.
        public var typeIRI: String?

        /// Creates an event reference.
        public init(id: String, name: [String: String], kind: Kind = .life, typeIRI: String? = nil) {
            self.id = id
            self.name = name
            self.kind = kind
            self.typeIRI = typeIRI
        }

        /// One of the nine eGovernment Benchmark life events; `name` adds or overrides translations of the English name.
        public static func benchmark(_ event: BenchmarkLifeEvent, name: [String: String] = [:]) -> LifeEventRef {
            LifeEventRef(id: event.rawValue, name: ["en": event.englishName].merging(name) { _, new in new },
                         kind: event.isBusiness ? .business : .life)
        }
    }

    /// The nine life events of the EU eGovernment Benchmark; the raw value is the IRI path segment.
    public enum BenchmarkLifeEvent: String, Sendable, Hashable, CaseIterable {
        /// The 2022 (even-year) events.
        case businessStartUp = "business-start-up", family, career, studying
        /// The 2021 (odd-year) events.
        case regularBusinessOperations = "regular-business-operations", transport, justice, moving, health

        /// The English name, e.g. "Business start-up".
        public var englishName: String {
            switch self {
            case .businessStartUp: "Business start-up"
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

        /// Whether the event concerns businesses (exported as `cv:BusinessEvent`).
        public var isBusiness: Bool { self == .businessStartUp || self == .regularBusinessOperations }
    }
}
