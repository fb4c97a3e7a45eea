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
        public static func benchmark(_ event: EGovBenchmark.LifeEvent, name: [String: String] = [:]) -> LifeEventRef {
            LifeEventRef(id: event.pathSegment, name: ["en": event.englishName].merging(name) { _, new in new },
                         kind: event.isBusiness ? .business : .life)
        }
    }
}

extension EGovBenchmark.LifeEvent {
    /// The event's IRI path segment in the service catalogue: `business-start-up`, `regular-business-operations`, `family`.
    public var pathSegment: String {
        var out = ""
        for character in rawValue {
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
        return out
    }

    /// The English name as a title in sentence case, e.g. "Business start-up" (the published tables write
    /// "Business Start-up", see `publishedName`).
    public var englishName: String { publishedName.prefix(1) + publishedName.dropFirst().lowercased() }
}
