// Small platform records: API tokens, audit entries, sign-in attempts, one-time links.
import Fluent
import Foundation

/// A bearer token for write calls of the API; only its SHA-256 hash is stored.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "label") public var label: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
    public init(userID: UUID, tokenHash: String, label: String) {
        self.userID = userID
        self.tokenHash = tokenHash
        self.label = label
    }
}

/// Who did what to which record, when, with the record before and after (JSON).
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "at", on: .create) public var at: Date?
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "action") public var action: String
    @Field(key: "target_type") public var targetType: String
    @OptionalField(key: "target_id") public var targetID: String?
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}
    public init(actorID: UUID?, actorLabel: String, action: String, targetType: String, targetID: String?, before: String?, after: String?) {
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.before = before
        self.after = after
    }
}

/// One failed sign-in, kept for throttling per account and per address.
public final class SignInAttempt: Model, @unchecked Sendable {
    public static let schema = "sign_in_attempts"
    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "address") public var address: String
    @Field(key: "at") public var at: Date
    @Field(key: "kind") public var kind: Kind

    /// What was tried: a password, a second-factor code, or a registration (which e-mails an address).
    public enum Kind: String, Codable, Sendable { case password, secondFactor = "second_factor", registration }

    public init() {}
    public init(email: String, address: String, at: Date, kind: Kind = .password) {
        self.email = email
        self.address = address
        self.at = at
        self.kind = kind
    }
}

/// A one-time link for an invitation or a password reset; only the token's hash is stored.
public final class OneTimeLink: Model, @unchecked Sendable {
    public static let schema = "one_time_links"
    public enum Purpose: String, Codable, Sendable { case invitation, passwordReset = "password_reset" }
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "purpose") public var purpose: Purpose
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(userID: UUID, purpose: Purpose, tokenHash: String, expiresAt: Date) {
        self.userID = userID
        self.purpose = purpose
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}

/// An e-mail waiting to be sent (or kept for admins when no sendmail command is configured).
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"
    @ID(key: .id) public var id: UUID?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "locale") public var locale: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?

    public init() {}
    public init(recipient: String, subject: String, body: String, locale: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.locale = locale
        self.attempts = 0
    }
}

/// A unit of background work, picked by the worker in order of `run_at`.
public final class Job: Model, @unchecked Sendable {
    public static let schema = "jobs"
    public enum State: String, Codable, Sendable { case queued, running, done, failed }
    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "payload") public var payload: String
    @Field(key: "state") public var state: State
    @Field(key: "run_at") public var runAt: Date
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    /// While running: when the worker's claim ends. A job still `running` after it was taken again (its worker died).
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
    public init(kind: String, payload: String, runAt: Date = Date()) {
        self.kind = kind
        self.payload = payload
        self.state = .queued
        self.runAt = runAt
        self.attempts = 0
    }
}
