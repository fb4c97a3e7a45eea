// Trainings: events of a series with their sessions, registrations with a wait list, attendance per session,
// certificates (Open Badges 3.0 credentials signed as VC-JWT) and anonymous digital-skills self-checks.
import Fluent
import Foundation
import Kernel
import Localization

public final class TrainingEvent: Model, @unchecked Sendable {
    public static let schema = "training_events"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "version") public var version: Int
    @Field(key: "slug") public var slug: String
    @Field(key: "series") public var series: String
    @Field(key: "title") public var titleJSON: String
    @Field(key: "description") public var descriptionJSON: String
    /// `csos`, `media`, `institutions` or `citizens`.
    @Field(key: "audience") public var audience: String
    /// `regional`, `national` or `local`.
    @Field(key: "level") public var level: String
    /// Topic codes, `;online-safety;privacy;`.
    @Field(key: "topics") public var topics: String
    /// `in-person`, `online` or `hybrid`.
    @Field(key: "format") public var format: String
    @Field(key: "venue") public var venue: String
    @Field(key: "country") public var country: String
    @Field(key: "town") public var town: String
    @Field(key: "time_zone") public var timeZone: String
    /// Places; 0 = no limit.
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "languages") public var languages: String
    /// DigComp 2.2 competences the event teaches, `1.1,4.2`.
    @Field(key: "competences") public var competences: String
    @OptionalField(key: "organiser_id") public var organiserID: UUID?
    /// The trainer who manages it (besides staff).
    @OptionalField(key: "trainer_id") public var trainerID: UUID?
    @Field(key: "trainer_name") public var trainerName: String
    /// Open for registration by anyone (false: invitation only).
    @Field(key: "open") public var isOpen: Bool
    @Field(key: "published") public var published: Bool
    @Field(key: "min_attendance") public var minAttendance: Int
    /// The post-test's pass mark in percent; 0 = the event has no pre- and post-test.
    @Field(key: "pass_percent") public var passPercent: Int
    /// The first session's day and its month, for the calendar.
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "month") public var month: String
    public init() {}

    public var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    public var summary: LocalizedText {
        get { LocalizedText(column: descriptionJSON) }
        set { descriptionJSON = newValue.columnText }
    }
    public var topicList: [String] { topics.split(separator: ";").map(String.init) }
}

public final class TrainingSession: Model, @unchecked Sendable {
    public static let schema = "training_sessions"
    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "day") public var day: String
    /// `HH:MM` in the event's time zone.
    @Field(key: "starts") public var starts: String
    @Field(key: "ends") public var ends: String
    public init() {}
}

public final class TrainingRegistrationRecord: Model, @unchecked Sendable {
    public static let schema = "training_registrations"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "event_id") public var eventID: UUID
    /// Short code on the confirmation and the sign-in sheet, e.g. `R-7K3Q`.
    @Field(key: "code") public var code: String
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "contact") public var contact: String
    @Field(key: "contact_key") public var contactKey: String
    @Field(key: "language") public var language: String
    @Field(key: "gender") public var gender: String
    @Field(key: "needs") public var needs: String
    /// `confirmed`, `waitlisted` or `cancelled`.
    @Field(key: "state") public var state: String
    @Field(key: "position") public var position: Int
    @Field(key: "token_hash") public var tokenHash: String
    /// Whether the person gave the (anonymous) feedback; the answer itself is not linked to them.
    @Field(key: "feedback_given") public var feedbackGiven: Bool
    public init() {}
}

public final class TrainingAttendance: Model, @unchecked Sendable {
    public static let schema = "training_attendance"
    @ID(key: .id) public var id: UUID?
    @Field(key: "registration_id") public var registrationID: UUID
    @Field(key: "session_id") public var sessionID: UUID
    public init() {}
    public init(registrationID: UUID, sessionID: UUID) {
        self.registrationID = registrationID
        self.sessionID = sessionID
    }
}

public final class TrainingCertificate: Model, @unchecked Sendable {
    public static let schema = "training_certificates"
    /// Public: the verification page's address.
    @ID(key: .id) public var id: UUID?
    @Field(key: "registration_id") public var registrationID: UUID
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "holder_name") public var holderName: String
    @Field(key: "issued_at") public var issuedAt: Date
    /// The signed VC-JWT.
    @Field(key: "jwt") public var jwt: String
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Field(key: "revoked_reason") public var revokedReason: String
    public init() {}
}

/// An anonymous self-check: the country and the level per DigComp area, nothing else.
public final class SelfCheck: Model, @unchecked Sendable {
    public static let schema = "training_self_checks"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "country") public var country: String
    /// `area:level` pairs, `1:foundation;2:advanced;…`.
    @Field(key: "levels") public var levels: String
    public init() {}
}
