// The trainings' tables (issue 12).
import Fluent
import FluentSQL
import SQLKit

struct M011_Trainings: AsyncMigration {
    func prepare(on database: Database) async throws {
        var events = database.schema(TrainingEvent.schema).id().field("created_at", .datetime).field("version", .int, .required)
        for text in ["slug", "series", "title", "description", "audience", "level", "topics", "format", "venue", "country", "town", "time_zone",
                     "languages", "competences", "trainer_name", "starts_on", "month"] {
            events = events.field(FieldKey(stringLiteral: text), .string, .required)
        }
        try await events.field("capacity", .int, .required).field("organiser_id", .uuid).field("trainer_id", .uuid)
            .field("open", .bool, .required).field("published", .bool, .required).field("min_attendance", .int, .required)
            .unique(on: "slug").create()
        try await database.schema(TrainingSession.schema).id()
            .field("event_id", .uuid, .required, .references(TrainingEvent.schema, .id, onDelete: .cascade))
            .field("position", .int, .required).field("day", .string, .required).field("starts", .string, .required).field("ends", .string, .required)
            .create()
        try await database.schema(TrainingRegistrationRecord.schema).id().field("created_at", .datetime)
            .field("event_id", .uuid, .required, .references(TrainingEvent.schema, .id, onDelete: .cascade))
            .field("code", .string, .required).field("user_id", .uuid).field("name", .string, .required).field("contact", .string, .required)
            .field("contact_key", .string, .required).field("language", .string, .required).field("gender", .string, .required)
            .field("needs", .string, .required).field("state", .string, .required).field("position", .int, .required)
            .field("token_hash", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(TrainingAttendance.schema).id()
            .field("registration_id", .uuid, .required, .references(TrainingRegistrationRecord.schema, .id, onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(TrainingSession.schema, .id, onDelete: .cascade))
            .unique(on: "registration_id", "session_id")
            .create()
        try await database.schema(TrainingCertificate.schema).id()
            .field("registration_id", .uuid, .required, .references(TrainingRegistrationRecord.schema, .id, onDelete: .restrict))
            .field("event_id", .uuid, .required, .references(TrainingEvent.schema, .id, onDelete: .restrict))
            .field("holder_name", .string, .required).field("issued_at", .datetime, .required).field("jwt", .string, .required)
            .field("revoked_at", .datetime).field("revoked_reason", .string, .required)
            .unique(on: "registration_id")
            .create()
        try await database.schema(SelfCheck.schema).id().field("created_at", .datetime)
            .field("country", .string, .required).field("levels", .string, .required)
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "training_events_month").on(TrainingEvent.schema).column("published").column("month").run()
        try await sql.create(index: "training_registrations_event").on(TrainingRegistrationRecord.schema).column("event_id").column("contact_key").run()
    }

    func revert(on database: Database) async throws {
        for schema in [SelfCheck.schema, TrainingCertificate.schema, TrainingAttendance.schema, TrainingRegistrationRecord.schema, TrainingSession.schema,
                       TrainingEvent.schema] {
            try await database.schema(schema).delete()
        }
    }
}
