extension CPSVAP {
    /// A public service as catalogued by the platform (one `cpsv:PublicService` node).
    public struct PublicService: Sendable, Hashable {
        /// Path under `{baseURL}/id/public-service/`, e.g. `AL/business-start-up/1.1` ('/' separates segments).
        public var id: String
        /// Name by language tag (`dct:title`, mandatory).
        public var name: [String: String]
        /// Description by language tag (`dct:description`, mandatory).
        public var description: [String: String]
        /// The organisation responsible for the service (`cv:hasCompetentAuthority`, mandatory).
        public var competentAuthority: PublicOrganisation
        /// The life or business events the service belongs to (`cv:isGroupedBy`).
        public var lifeEvents: [LifeEventRef]
        /// Informational or transactional (`cv:isClassifiedBy`).
        public var type: ServiceType?
        /// Where the service is offered, e.g. the assessed website (`cv:hasChannel`).
        public var channels: [Channel]
        /// What the service costs, or free (`cv:hasCost`).
        public var cost: Cost?
        /// Evidence the applicant must provide (`cpsv:hasInput`).
        public var evidence: [Evidence]
        /// What the service produces (`cpsv:produces`).
        public var output: Output?
        /// National, regional or local (`cv:isClassifiedBy`).
        public var level: GovernmentLevel?
        /// Where the service applies: the country, optionally a municipality (`dct:spatial`).
        public var spatial: [Location]

        /// Creates a service; only the mandatory parts have no default.
        public init(id: String, name: [String: String], description: [String: String],
                    competentAuthority: PublicOrganisation, lifeEvents: [LifeEventRef] = [],
                    type: ServiceType? = nil, channels: [Channel] = [], cost: Cost? = nil,
                    evidence: [Evidence] = [], output: Output? = nil, level: GovernmentLevel? = nil,
                    spatial: [Location] = []) {
            self.id = id
            self.name = name
            self.description = description
            self.competentAuthority = competentAuthority
            self.lifeEvents = lifeEvents
            self.type = type
            self.channels = channels
            self.cost = cost
            self.evidence = evidence
            self.output = output
            self.level = level
            self.spatial = spatial
        }
    }

    /// Informational or transactional, exported as a `skos:Concept` of the platform's own scheme.
    public enum ServiceType: String, Sendable, Hashable, CaseIterable {
        /// Information only; information plus an online transaction.
        case informational, transactional

        /// The English label of the concept.
        public var label: String { self == .informational ? "Informational" : "Transactional" }
    }

    /// The level of government providing the service, exported as a `skos:Concept` of the platform's own scheme.
    public enum GovernmentLevel: String, Sendable, Hashable, CaseIterable {
        /// Central government; regions; municipalities.
        case national, regional, local

        /// The English label of the concept.
        public var label: String {
            switch self {
            case .national: "National"
            case .regional: "Regional"
            case .local: "Local"
            }
        }
    }
}
