extension UNEGovSurvey {
    /// Something the importer reports without stopping, as `file:line: reason`.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// What was found.
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            /// A country name in the table of none of the 193 member states, with no code to fall back on; row skipped.
            case unmappedName
            /// A known member-state code whose name is unknown or another country's; row kept under its code.
            case nameNotMatchingCode
            /// A code that is not a member state's; row kept under its name's code if that maps, else skipped.
            case unknownCode
            /// A row whose rank and index cells are all blank (not assessed that year); row skipped.
            case notAssessed
            /// A record lacking OSI, HCI or TII, so its EGDI cannot be checked against their mean.
            case consistencyUncheckable

            /// Whether this kind is a country-name/code mismatch.
            public var isMismatch: Bool { self == .unmappedName || self == .nameNotMatchingCode || self == .unknownCode }
        }

        /// Where.
        public var source: SourceLine
        /// What kind.
        public var kind: Kind
        /// A human-readable reason.
        public var reason: String

        /// Creates a finding.
        public init(source: SourceLine, kind: Kind, reason: String) {
            self.source = source
            self.kind = kind
            self.reason = reason
        }

        /// `file:line: reason`.
        public var description: String { "\(source): \(reason)" }
    }
}
