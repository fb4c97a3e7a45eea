// An organisation of the directory: CSO, media, public institution, partner or donor.
import Kernel
import Fluent
import Foundation
import Localization

public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    /// Raised on every edit; a form that carries an older version is refused instead of overwriting.
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: OrganisationKind
    @Field(key: "country_code") public var countryCode: String
    @Field(key: "municipality") public var municipality: String
    @Field(key: "website") public var website: String
    @Field(key: "email") public var email: String
    /// Focus area codes wrapped in semicolons (`;e-government;open-data;`) so one LIKE finds one code.
    @Field(key: "focus_areas") public var focusAreaCodes: String
    /// JSON of `LocalizedText`.
    @Field(key: "description") public var descriptionJSON: String
    /// Name and municipality folded (`SearchFolding`), for search that forgives accents and script and behaves alike
    /// on SQLite and PostgreSQL.
    @Field(key: "search_text") public var searchText: String
    /// Whether the public directory shows it: organisations that registered themselves wait for staff.
    @Field(key: "listed") public var listed: Bool

    /// New organisations are listed unless they registered themselves (see `RegistrationRoutes`).
    public init() { listed = true }

    public var focusAreas: [FocusArea] {
        get { focusAreaCodes.split(separator: ";").compactMap { FocusArea(rawValue: String($0)) } }
        set { focusAreaCodes = newValue.isEmpty ? "" : ";" + newValue.map(\.rawValue).joined(separator: ";") + ";" }
    }

    public var summary: LocalizedText {
        get { LocalizedText(column: descriptionJSON) }
        set { descriptionJSON = newValue.columnText }
    }

    /// Copies validated input onto the record.
    package func apply(_ input: OrganisationInput.Valid) {
        name = input.name
        kind = input.kind
        countryCode = input.countryCode
        municipality = input.municipality
        website = input.website
        email = input.email
        focusAreas = input.focusAreas
        summary = input.description
        searchText = SearchFolding.fold(input.name + " " + input.municipality)
    }
}

/// A period of membership in the programme's network.
public final class Membership: Model, @unchecked Sendable {
    public static let schema = "memberships"
    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "network") public var network: String
    @Field(key: "joined_on") public var joinedOn: Date
    @OptionalField(key: "left_on") public var leftOn: Date?

    public init() {}
    public init(organisationID: UUID, network: String, joinedOn: Date, leftOn: Date? = nil) {
        self.organisationID = organisationID
        self.network = network
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }
}

/// A contact person, kept only with a recorded consent.
public final class Person: Model, @unchecked Sendable {
    public static let schema = "people"
    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "email") public var email: String
    @Field(key: "position") public var position: String
    /// What the person agreed to, e.g. "directory-listing", "newsletter".
    @Field(key: "consent_scope") public var consentScope: String
    @Field(key: "consent_given_at") public var consentGivenAt: Date
    @OptionalField(key: "consent_withdrawn_at") public var consentWithdrawnAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

