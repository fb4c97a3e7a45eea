extension UNEGovSurvey {
    /// A UN member state with its ISO 3166-1 codes and the names it is published under.
    public struct MemberState: Sendable, Hashable, CustomStringConvertible {
        /// ISO 3166-1 alpha-3 code, e.g. `MKD`.
        public let alpha3: String
        /// ISO 3166-1 alpha-2 code, e.g. `MK`.
        public let alpha2: String
        /// The current UN name, e.g. `North Macedonia`.
        public let name: String
        /// Other names found in Survey data and common references (`The former Yugoslav Republic of Macedonia`).
        public let variants: [String]

        init(alpha3: String, alpha2: String, name: String, variants: [String]) {
            self.alpha3 = alpha3
            self.alpha2 = alpha2
            self.name = name
            self.variants = variants
        }

        /// The member state with ISO alpha-3 `code` (trimmed, case-insensitive); nil if not a member.
        public init?(alpha3 code: String) {
            guard let state = Self.byAlpha3[code.trimmed.uppercased()] else { return nil }
            self = state
        }

        /// The member state with ISO alpha-2 `code` (trimmed, case-insensitive); nil if not a member.
        public init?(alpha2 code: String) {
            guard let state = Self.byAlpha2[code.trimmed.uppercased()] else { return nil }
            self = state
        }

        /// The member state published as `name` (compared by ``UNEGovSurvey/nameKey(_:)``); nil if unknown.
        public init?(name: String) {
            guard let state = Self.byName[UNEGovSurvey.nameKey(name)] else { return nil }
            self = state
        }

        /// All 193 UN member states, by alpha-3 code.
        public static let all: [MemberState] = table

        /// Names of territories that are not UN member states and have no EGDI, by name key.
        static let nonMembers: Set<String> = Set([
            "Kosovo", "Kosovo (under UNSCR 1244)", "State of Palestine", "Palestine", "Holy See", "Vatican City",
            "Taiwan", "Western Sahara", "Cook Islands", "Niue",
        ].map(UNEGovSurvey.nameKey))

        /// Whether `name` is a known territory that is not a UN member state (e.g. Kosovo).
        public static func isKnownNonMember(_ name: String) -> Bool {
            nonMembers.contains(UNEGovSurvey.nameKey(name))
        }

        /// `name (ALPHA3)`.
        public var description: String { "\(name) (\(alpha3))" }

        private static let byAlpha3 = Dictionary(uniqueKeysWithValues: all.map { ($0.alpha3, $0) })
        private static let byAlpha2 = Dictionary(uniqueKeysWithValues: all.map { ($0.alpha2, $0) })
        private static let byName: [String: MemberState] = {
            var result: [String: MemberState] = [:]
            for state in all {
                for name in [state.name] + state.variants { result[UNEGovSurvey.nameKey(name)] = state }
            }
            return result
        }()
    }
}
