// A training certificate as an Open Badges 3.0 credential: the `OpenBadgeCredential` (a W3C Verifiable Credential,
// data model 2.0) and the JOSE header and JWT payload the server signs with the platform's Ed25519 key (VC-JWT).
// Signing and base64url are the server's; here only the JSON, written deterministically by `JSONNode`.

import Foundation

/// The organisation that awards the certificate (an Open Badges `Profile`).
public struct CredentialIssuer: Sendable, Equatable {
    /// A URL (or DID) for the issuer; it is also the JWT's `iss`.
    public var id: String
    public var name: String
    /// The issuer's home page, if any.
    public var url: String?

    public init(id: String, name: String, url: String? = nil) {
        self.id = id
        self.name = name
        self.url = url
    }
}

/// The person who earned the certificate (the `AchievementSubject`). Open Badges 3.0 asks for an `id` or at least
/// one identifier; the platform gives both where it can: an id of its own for the person (e.g. `urn:uuid:…`), which is
/// the JWT's `sub`, and the name as printed on the certificate, as a plain-text `IdentityObject` of type `name`.
public struct CredentialHolder: Sendable, Equatable {
    public var id: String?
    public var name: String?

    public init(id: String?, name: String?) {
        self.id = id
        self.name = name
    }
}

/// What was achieved (the `Achievement`): the training, with the rule the person met as its criteria.
public struct CredentialAchievement: Sendable, Equatable {
    /// A URL (or `urn:uuid:`) for the training's achievement, the same for everyone certified by it.
    public var id: String
    public var name: String
    public var description: String
    /// The rule in words, e.g. "Attended at least 80 % of the sessions and passed the post-test."
    public var criteria: String

    public init(id: String, name: String, description: String, criteria: String) {
        self.id = id
        self.name = name
        self.description = description
        self.criteria = criteria
    }
}

/// One certificate to be issued.
public struct CertificateCredential: Sendable, Equatable {
    /// The credential's id: `urn:uuid:…` or the public verification URL; it is also the JWT's `jti`.
    public var id: String
    /// The credential's name (usually the achievement's).
    public var name: String
    public var issuer: CredentialIssuer
    public var holder: CredentialHolder
    public var achievement: CredentialAchievement
    /// When the certificate becomes valid (`validFrom`, the JWT's `nbf`); whole seconds are kept.
    public var validFrom: Date
    /// When it stops being valid (`validUntil`, the JWT's `exp`); nil for a certificate that does not expire.
    public var validUntil: Date?

    public init(id: String, name: String, issuer: CredentialIssuer, holder: CredentialHolder, achievement: CredentialAchievement,
                validFrom: Date, validUntil: Date? = nil) {
        self.id = id
        self.name = name
        self.issuer = issuer
        self.holder = holder
        self.achievement = achievement
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

public enum CredentialClaims {
    /// The W3C Verifiable Credentials 2.0 context, first as the data model requires.
    public static let credentialsContext = "https://www.w3.org/ns/credentials/v2"
    /// The Open Badges 3.0.3 context.
    public static let openBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

    /// What a certificate lacks to be a valid Open Badges credential: `id`, `issuer.id`, `issuer.name`, `name`,
    /// `holder` (neither id nor name), `achievement.id`, `achievement.name`, `achievement.description`,
    /// `achievement.criteria`, `validUntil` (not after `validFrom`). Empty means it can be issued.
    public static func problems(_ certificate: CertificateCredential) -> [String] {
        var problems: [String] = []
        func need(_ value: String?, _ field: String) { if (value?.trimmed ?? "").isEmpty { problems.append(field) } }
        need(certificate.id, "id")
        need(certificate.issuer.id, "issuer.id")
        need(certificate.issuer.name, "issuer.name")
        need(certificate.name, "name")
        if (certificate.holder.id?.trimmed ?? "").isEmpty && (certificate.holder.name?.trimmed ?? "").isEmpty { problems.append("holder") }
        need(certificate.achievement.id, "achievement.id")
        need(certificate.achievement.name, "achievement.name")
        need(certificate.achievement.description, "achievement.description")
        need(certificate.achievement.criteria, "achievement.criteria")
        if let until = certificate.validUntil, seconds(until) <= seconds(certificate.validFrom) { problems.append("validUntil") }
        return problems
    }

    /// The `OpenBadgeCredential`, members in the order of the standard's basic example.
    public static func credential(_ certificate: CertificateCredential) -> JSONNode {
        var issuer: [(String, JSONNode)] = [
            ("id", .string(certificate.issuer.id)), ("type", .array([.string("Profile")])), ("name", .string(certificate.issuer.name)),
        ]
        if let url = certificate.issuer.url { issuer.append(("url", .string(url))) }
        var subject: [(String, JSONNode)] = []
        if let id = certificate.holder.id, !id.trimmed.isEmpty { subject.append(("id", .string(id))) }
        subject.append(("type", .array([.string("AchievementSubject")])))
        if let name = certificate.holder.name, !name.trimmed.isEmpty {
            subject.append(("identifier", .array([.object([
                ("type", .string("IdentityObject")), ("identityHash", .string(name)), ("identityType", .string("name")), ("hashed", .bool(false)),
            ])])))
        }
        subject.append(("achievement", .object([
            ("id", .string(certificate.achievement.id)),
            ("type", .array([.string("Achievement")])),
            ("name", .string(certificate.achievement.name)),
            ("description", .string(certificate.achievement.description)),
            ("criteria", .object([("narrative", .string(certificate.achievement.criteria))])),
        ])))
        var members: [(String, JSONNode)] = [
            ("@context", .array([.string(credentialsContext), .string(openBadgesContext)])),
            ("id", .string(certificate.id)),
            ("type", .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")])),
            ("issuer", .object(issuer)),
            ("validFrom", .string(dateTime(certificate.validFrom))),
        ]
        if let until = certificate.validUntil { members.append(("validUntil", .string(dateTime(until)))) }
        members.append(("name", .string(certificate.name)))
        members.append(("credentialSubject", .object(subject)))
        return .object(members)
    }

    /// The JWT payload. Open Badges 3.0 with the VC data model 2.0 (its "JWT Payload Format", which refers to
    /// VC-JOSE-COSE) makes the payload the credential itself, its members at the top level, plus the registered
    /// claims `iss` (issuer.id), `jti` (id), `nbf` (validFrom), `sub` (credentialSubject.id) and `exp` (validUntil,
    /// when set) — not the VC data model 1.1 form that nests the credential in a `vc` claim. `sub` is left out when
    /// the holder has no id (the standard marks it required, so the server should always give the holder an id).
    /// NumericDates are whole seconds since 1970, so they equal `validFrom`/`validUntil` as written.
    public static func jwtPayload(_ certificate: CertificateCredential) -> JSONNode {
        guard case var .object(members) = credential(certificate) else { return .null }
        members.append(("iss", .string(certificate.issuer.id)))
        members.append(("jti", .string(certificate.id)))
        members.append(("nbf", .integer(seconds(certificate.validFrom))))
        if let id = certificate.holder.id, !id.trimmed.isEmpty { members.append(("sub", .string(id))) }
        if let until = certificate.validUntil { members.append(("exp", .integer(seconds(until)))) }
        return .object(members)
    }

    /// The JOSE header for an Ed25519 signature: `alg` `EdDSA` (RFC 8037), `kid` a URL that gives the public key as a
    /// JWK, `typ` `JWT` (Open Badges 3.0 allows only these headers, and `typ`, when present, must be `JWT`). The
    /// standard's minimum algorithm is RS256; EdDSA is allowed but some verifiers may not accept it.
    public static func joseHeader(keyID: String) -> JSONNode {
        .object([("alg", .string("EdDSA")), ("kid", .string(keyID)), ("typ", .string("JWT"))])
    }

    /// ISO 8601 date-time in UTC with whole seconds and `Z`, e.g. `2026-12-02T09:30:00Z` (seconds are cut, not rounded).
    public static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds(date)))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// Whole seconds since 1970-01-01T00:00:00Z, rounded down (a NumericDate).
    static func seconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }
}
