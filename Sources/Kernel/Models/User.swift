// A person who can sign in, with a global role and optional roles in organisations.
import Fluent
import Foundation

/// Global roles, from the least to the most trusted. Per-organisation roles are in `OrganisationRole`.
public enum GlobalRole: String, Codable, CaseIterable, Sendable {
    case member, trainer, reviewer, researcher, staff, admin

    /// Staff and admins may edit the directory and see the audit log.
    public var isStaff: Bool { self == .staff || self == .admin }

    /// Roles that reach other people's personal data or decide on money: they sign in with a second factor.
    public var needsTwoFactor: Bool { self == .admin || self == .staff || self == .researcher }
}

extension User {
    /// When a person whose role needs two-factor must have set it up: `graceDays` after the account was created.
    public func twoFactorDue(graceDays: Int) -> Date? {
        guard role.needsTwoFactor, !totpEnabled else { return nil }
        return (createdAt ?? Date()).addingTimeInterval(Double(graceDays) * 86_400)
    }
}

public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "password_hash") public var passwordHash: String?
    @Field(key: "role") public var role: GlobalRole
    @Field(key: "preferred_locale") public var preferredLocale: String
    /// Raised by "sign out everywhere": sessions that carry an older epoch are no longer valid.
    @Field(key: "session_epoch") public var sessionEpoch: Int
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    @Field(key: "totp_enabled") public var totpEnabled: Bool
    /// SHA-256 hashes of unused recovery codes, separated by spaces.
    @Field(key: "recovery_codes") public var recoveryCodes: String
    /// The RFC 6238 time step of the last code accepted at sign-in: a code is accepted once.
    @OptionalField(key: "totp_last_step") public var totpLastStep: Int64?
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(id: UUID? = nil, email: String, name: String, passwordHash: String?, role: GlobalRole, preferredLocale: String = "en") {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.preferredLocale = preferredLocale
        self.sessionEpoch = 0
        self.totpSecret = nil
        self.totpEnabled = false
        self.recoveryCodes = ""
        self.active = true
    }
}

/// A role a user holds in one organisation.
public final class OrganisationRole: Model, @unchecked Sendable {
    public static let schema = "organisation_roles"

    public enum Role: String, Codable, CaseIterable, Sendable {
        case member, centreOperator = "centre_operator", focalPoint = "focal_point"
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "role") public var role: Role
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(userID: UUID, organisationID: UUID, role: Role) {
        self.userID = userID
        self.organisationID = organisationID
        self.role = role
    }
}
