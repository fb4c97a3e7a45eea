extension UNEGovSurvey {
    /// A column layout of the Survey's CSV files, recognised from the header (never from the file name).
    public enum Layout: String, CaseIterable, Sendable, Hashable {
        /// `country-code,country-name,e-gov-rank,e-gov-index,e-pat-index,osi,hci,tii`
        /// (2010–2018 as republished by UNU-EGOV; no year column, the year comes from the file name).
        case codedIndices
        /// `Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,
        /// Online Service Index,Human Capital Index,Telecommunication Infrastructure Index` (UN DESA data center, 2022).
        case dataCenterLongNames
        /// `Survey Year,Country,Rank,E_Index,E_Participation,Online_Service,Human_Capital,Tele_Infra`
        /// (UN DESA data center, 2024).
        case dataCenterShortNames

        /// The layout whose column names best match `header` (at least three of them, compared trimmed
        /// and case-insensitively); nil when no layout matches.
        public init?(header: [String]) {
            let keys = Set(header.map(Self.headerKey))
            var best: (layout: Layout, matches: Int)?
            for layout in Self.allCases {
                let matches = Field.allCases.count { field in
                    layout.headers(for: field).contains { keys.contains(Self.headerKey($0)) }
                }
                if matches >= 3, matches > best?.matches ?? 0 { best = (layout, matches) }
            }
            guard let best else { return nil }
            self = best.layout
        }

        /// The header names of a field in this layout (empty when the layout lacks it).
        func headers(for field: Field) -> [String] {
            switch (self, field) {
            case (_, .losi): ["LOSI", "Local Online Service Index", "Local_Online_Service"]
            case (.codedIndices, .year): []
            case (.codedIndices, .code): ["country-code"]
            case (.codedIndices, .name): ["country-name"]
            case (.codedIndices, .rank): ["e-gov-rank"]
            case (.codedIndices, .egdi): ["e-gov-index"]
            case (.codedIndices, .epi): ["e-pat-index"]
            case (.codedIndices, .osi): ["osi"]
            case (.codedIndices, .hci): ["hci"]
            case (.codedIndices, .tii): ["tii"]
            case (.dataCenterLongNames, .year), (.dataCenterShortNames, .year): ["Survey Year"]
            case (.dataCenterLongNames, .code), (.dataCenterShortNames, .code): []
            case (.dataCenterLongNames, .name): ["Country Name"]
            case (.dataCenterLongNames, .rank): ["E-Government Rank"]
            case (.dataCenterLongNames, .egdi): ["E-Government Index"]
            case (.dataCenterLongNames, .epi): ["E-Participation Index"]
            case (.dataCenterLongNames, .osi): ["Online Service Index"]
            case (.dataCenterLongNames, .hci): ["Human Capital Index"]
            case (.dataCenterLongNames, .tii): ["Telecommunication Infrastructure Index"]
            case (.dataCenterShortNames, .name): ["Country"]
            case (.dataCenterShortNames, .rank): ["Rank"]
            case (.dataCenterShortNames, .egdi): ["E_Index"]
            case (.dataCenterShortNames, .epi): ["E_Participation"]
            case (.dataCenterShortNames, .osi): ["Online_Service"]
            case (.dataCenterShortNames, .hci): ["Human_Capital"]
            case (.dataCenterShortNames, .tii): ["Tele_Infra"]
            }
        }

        /// Whether a missing column of `field` stops the import (EPI and LOSI are optional).
        func requires(_ field: Field) -> Bool {
            field != .epi && field != .losi && !headers(for: field).isEmpty
        }

        /// A header cell compared trimmed, whitespace-collapsed and case-insensitively.
        static func headerKey(_ cell: String) -> String { UNEGovSurvey.collapsedWhitespace(cell).lowercased() }
    }

    /// A value a layout may carry in a column (importer internals).
    enum Field: String, CaseIterable, Sendable {
        case year, code, name, rank, egdi, epi, osi, hci, tii, losi

        /// The field's name in messages.
        var label: String {
            switch self {
            case .year: "year"
            case .code: "country code"
            case .name: "country name"
            case .rank: "rank"
            default: rawValue.uppercased()
            }
        }
    }
}
