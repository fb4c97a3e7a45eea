extension EGovBenchmark {
    /// National or cross-border.
    public enum ServiceScope: String, Sendable, Hashable, CaseIterable {
        /// National services and portals; cross-border services and portals.
        case national, crossBorder
    }

    /// Informational or transactional.
    public enum ServiceType: String, Sendable, Hashable {
        /// Information only; information plus an online transaction.
        case informational, transactional

        /// Reads `Informational` / `Transactional` case-insensitively.
        public init?(name: String) {
            switch name.trimmed.lowercased() {
            case "informational": self = .informational
            case "transactional": self = .transactional
            default: return nil
            }
        }
    }

    /// Government level (rule 3): only `central` is scored as central.
    public enum GovernmentLevel: String, Sendable, Hashable, CaseIterable {
        /// The three levels of the published split.
        case central, regional, local
        /// Any other value (`.`, `0`, empty): scored as non-central, in no level split.
        case unspecified

        /// Reads a level case-insensitively.
        public init(name: String) {
            self = Self(rawValue: name.trimmed.lowercased()) ?? .unspecified
        }

        /// The published column name, e.g. `Central`.
        public var publishedName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// The landscape flags of a service (rule 3).
    public struct ServiceFlags: Sendable, Hashable {
        /// Informational or transactional.
        public var type: ServiceType
        /// Applicable: the flag reads "yes".
        public var applicable: Bool
        /// Proactive (automated): the flag reads "yes".
        public var proactive: Bool
        /// The government level.
        public var level: GovernmentLevel

        /// Creates flags.
        public init(type: ServiceType, applicable: Bool = true, proactive: Bool = false,
                    level: GovernmentLevel = .central) {
            self.type = type
            self.applicable = applicable
            self.proactive = proactive
            self.level = level
        }

        /// Whether the service is scored as central (BEST) rather than regional/local (SHARE).
        public var isCentral: Bool { level == .central }
        /// Whether the service is transactional.
        public var isTransactional: Bool { type == .transactional }
    }

    /// One landscape row: a service and its flags.
    public struct LandscapeService: Sendable, Hashable {
        /// The service.
        public var key: ServiceKey
        /// National or cross-border.
        public var scope: ServiceScope
        /// The full label, e.g. `2.1 Obtain certificate of no outstanding charges`.
        public var label: String
        /// The flags.
        public var flags: ServiceFlags
        /// The landscape file's line.
        public var line: Int

        /// Creates a landscape service.
        public init(key: ServiceKey, scope: ServiceScope, label: String, flags: ServiceFlags, line: Int) {
            self.key = key
            self.scope = scope
            self.label = label
            self.flags = flags
            self.line = line
        }
    }
}
