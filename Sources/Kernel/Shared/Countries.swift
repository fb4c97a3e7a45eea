// The countries the platform knows: the programme's region and the comparison groups.

/// Why a country is in the list: the programme's region, or a comparison group.
public enum CountryGroup: String, Codable, CaseIterable, Sendable {
    case westernBalkans = "western-balkans", eu, eea, candidate
}

/// A country the platform knows, with ISO 3166-1 codes (XK is the code in common use for Kosovo).
public struct CountryInfo: Sendable {
    public var code: String
    public var alpha3: String
    public var group: CountryGroup
    public var labelKey: String { "country.\(code)" }

    /// Western Balkans first (the programme's countries), then EU members, EEA, other candidates.
    public static let all: [CountryInfo] = ([
        ("AL", "ALB", .westernBalkans), ("BA", "BIH", .westernBalkans), ("XK", "XKX", .westernBalkans),
        ("ME", "MNE", .westernBalkans), ("MK", "MKD", .westernBalkans), ("RS", "SRB", .westernBalkans),
        ("AT", "AUT", .eu), ("BE", "BEL", .eu), ("BG", "BGR", .eu), ("HR", "HRV", .eu), ("CY", "CYP", .eu),
        ("CZ", "CZE", .eu), ("DK", "DNK", .eu), ("EE", "EST", .eu), ("FI", "FIN", .eu), ("FR", "FRA", .eu),
        ("DE", "DEU", .eu), ("GR", "GRC", .eu), ("HU", "HUN", .eu), ("IE", "IRL", .eu), ("IT", "ITA", .eu),
        ("LV", "LVA", .eu), ("LT", "LTU", .eu), ("LU", "LUX", .eu), ("MT", "MLT", .eu), ("NL", "NLD", .eu),
        ("PL", "POL", .eu), ("PT", "PRT", .eu), ("RO", "ROU", .eu), ("SK", "SVK", .eu), ("SI", "SVN", .eu),
        ("ES", "ESP", .eu), ("SE", "SWE", .eu),
        ("IS", "ISL", .eea), ("LI", "LIE", .eea), ("NO", "NOR", .eea), ("CH", "CHE", .eea),
        ("TR", "TUR", .candidate), ("UA", "UKR", .candidate), ("MD", "MDA", .candidate), ("GE", "GEO", .candidate),
    ] as [(String, String, CountryGroup)]).map { CountryInfo(code: $0.0, alpha3: $0.1, group: $0.2) }

    package static let byCode: [String: CountryInfo] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    public static func find(_ code: String) -> CountryInfo? { byCode[code.uppercased()] }
    package init(code: String, alpha3: String, group: CountryGroup) {
        self.code = code
        self.alpha3 = alpha3
        self.group = group
    }
}
