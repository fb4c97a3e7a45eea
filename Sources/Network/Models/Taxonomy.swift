// The network's fixed vocabularies: organisation kinds, focus areas, country groups.

/// What kind of organisation an entry of the directory is.
public enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case cso, media, publicInstitution = "public-institution", partner, donor
    public var labelKey: String { "org.kind.\(rawValue)" }
}

/// The digital-agenda topics an organisation works on.
public enum FocusArea: String, Codable, CaseIterable, Sendable {
    case eGovernment = "e-government", digitalLiteracy = "digital-literacy", cyberSecurity = "cyber-security",
         privacy, accessibility, connectivity, openData = "open-data", eParticipation = "e-participation",
         ai, digitalEconomy = "digital-economy"
    public var labelKey: String { "focus.\(rawValue)" }
}

