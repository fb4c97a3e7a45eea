// What a form, a CSV row or an API call may say about an organisation, and its validation.
import Kernel
import Foundation
import Localization

/// Raw, untrusted organisation data, as typed or imported.
public struct OrganisationInput: Sendable, Codable, Equatable {
    public var name: String
    public var kind: String
    public var country: String
    public var municipality: String
    public var website: String
    public var email: String
    public var focusAreas: [String]
    /// Description per locale tag.
    public var description: [String: String]

    public init(name: String = "", kind: String = "", country: String = "", municipality: String = "", website: String = "",
                email: String = "", focusAreas: [String] = [], description: [String: String] = [:]) {
        self.name = name
        self.kind = kind
        self.country = country
        self.municipality = municipality
        self.website = website
        self.email = email
        self.focusAreas = focusAreas
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case name, kind, country, municipality, website, email, focusAreas, description }

    /// Missing fields read as empty, so that validation (not decoding) says what is wrong.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
        country = try container.decodeIfPresent(String.self, forKey: .country) ?? ""
        municipality = try container.decodeIfPresent(String.self, forKey: .municipality) ?? ""
        website = try container.decodeIfPresent(String.self, forKey: .website) ?? ""
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
        focusAreas = try container.decodeIfPresent([String].self, forKey: .focusAreas) ?? []
        description = try container.decodeIfPresent([String: String].self, forKey: .description) ?? [:]
    }

    /// Input that passed validation, with typed values.
    public struct Valid: Sendable, Equatable {
        public var name: String
        public var kind: OrganisationKind
        public var countryCode: String
        public var municipality: String
        public var website: String
        public var email: String
        public var focusAreas: [FocusArea]
        public var description: LocalizedText
        package init(name: String, kind: OrganisationKind, countryCode: String, municipality: String, website: String, email: String, focusAreas: [FocusArea], description: LocalizedText) {
            self.name = name
            self.kind = kind
            self.countryCode = countryCode
            self.municipality = municipality
            self.website = website
            self.email = email
            self.focusAreas = focusAreas
            self.description = description
        }
    }

    /// A problem with one field: the field's name and a catalog key with its arguments.
    public struct Issue: Sendable, Equatable {
        public var field: String
        public var key: String
        public var arguments: [String: String]
        public init(_ field: String, _ key: String, _ arguments: [String: String] = [:]) {
            self.field = field
            self.key = key
            self.arguments = arguments
        }
    }

    static let maxNameLength = OrganisationSchema.maxName
    static let maxTextLength = OrganisationSchema.maxText

    /// Checks every field and returns either the typed value or every problem at once.
    public func validate() -> Result<Valid, ValidationFailure> {
        var issues: [Issue] = []
        let name = FormText.line(self.name)
        if name.isEmpty { issues.append(Issue("name", "org.error.name_required")) }
        if name.count > Self.maxNameLength { issues.append(Issue("name", "org.error.too_long", ["max": String(Self.maxNameLength)])) }

        let kind = OrganisationKind(rawValue: FormText.line(self.kind).lowercased())
        if kind == nil {
            issues.append(Issue("kind", FormText.line(self.kind).isEmpty ? "org.error.kind_required" : "org.error.kind_unknown",
                                ["value": FormText.line(self.kind)]))
        }
        let countryCode = FormText.line(country).uppercased()
        if CountryInfo.find(countryCode) == nil {
            issues.append(Issue("country", countryCode.isEmpty ? "org.error.country_required" : "org.error.country_unknown", ["value": countryCode]))
        }
        let municipality = FormText.line(self.municipality)
        if municipality.count > Self.maxNameLength { issues.append(Issue("municipality", "org.error.too_long", ["max": String(Self.maxNameLength)])) }

        var website = FormText.line(self.website)
        if !website.isEmpty {
            if !website.contains("://") { website = "https://" + website }
            if !Self.isWebAddress(website) { issues.append(Issue("website", "org.error.website_invalid")) }
        }
        let email = FormText.line(self.email).lowercased()
        if !email.isEmpty, !EmailAddress.isValid(email) || self.email.unicodeScalars.contains(where: FormText.isRemoved) {
            issues.append(Issue("email", "org.error.email_invalid"))
        }

        var areas: [FocusArea] = []
        for raw in focusAreas.map(FormText.line).filter({ !$0.isEmpty }) {
            if let area = FocusArea(rawValue: raw.lowercased()) {
                if !areas.contains(area) { areas.append(area) }
            } else {
                issues.append(Issue("focus_areas", "org.error.focus_unknown", ["value": raw]))
            }
        }
        var text = LocalizedText()
        for (tag, value) in description {
            guard let locale = AppLocale(tag: tag) else {
                issues.append(Issue("description", "org.error.locale_unknown", ["value": tag]))
                continue
            }
            if value.count > Self.maxTextLength {
                issues.append(Issue("description_\(locale.rawValue)", "org.error.too_long", ["max": String(Self.maxTextLength)]))
            }
            text[locale] = FormText.text(value)
        }
        guard issues.isEmpty, let kind else { return .failure(ValidationFailure(issues: issues)) }
        return .success(Valid(name: name, kind: kind, countryCode: countryCode, municipality: municipality, website: website,
                              email: email, focusAreas: areas, description: text))
    }

    /// An http(s) address no longer than the directory allows.
    static func isWebAddress(_ text: String) -> Bool {
        FormText.isWebAddress(text, maxLength: OrganisationSchema.maxWebsite + "https://".count)
    }
}

/// Every problem found in an input.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var issues: [OrganisationInput.Issue]
    package init(issues: [OrganisationInput.Issue]) {
        self.issues = issues
    }
}

/// Makes a URL-safe identifier from a name: "Lëvizja Mjaft!" → "levizja-mjaft".
package enum Slug {
    package static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "ђ": "dj", "е": "e", "ж": "z", "з": "z", "ѕ": "dz",
        "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "ќ": "kj", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
        "ё": "e", "й": "j", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "щ": "sc", "ъ": "", "ь": "",
    ]
    package static func make(_ name: String) -> String {
        let latin = String(name.lowercased().flatMap { cyrillic[$0] ?? String($0) })
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar), scalar.isASCII { slug.unicodeScalars.append(scalar) }
            else if !slug.hasSuffix("-"), !slug.isEmpty { slug += "-" }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "organisation" : String(slug.prefix(80))
    }
}
