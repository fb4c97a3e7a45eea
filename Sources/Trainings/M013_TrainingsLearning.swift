// Tests, feedback and the CSOs' own sessions (issue 12), and the two columns the events and registrations need for
// them. Each added column has its own statement: SQLite adds one column per ALTER TABLE.
import Fluent
import FluentSQL
import SQLKit

struct M013_TrainingsLearning: AsyncMigration {
    func prepare(on database: Database) async throws {
        // the post-test's pass mark in percent; 0 = the event has no tests
        try await database.schema(TrainingEvent.schema).field("pass_percent", .int, .required, .sql(.default(0))).update()
        try await database.schema(TrainingRegistrationRecord.schema).field("feedback_given", .bool, .required, .sql(.default(false))).update()
        try await database.schema(TrainingQuestion.schema).id()
            .field("topic", .string, .required).field("position", .int, .required).field("kind", .string, .required)
            .field("text", .string, .required).field("options", .string, .required).field("right", .string, .required).field("points", .int, .required)
            .create()
        try await database.schema(TrainingTestResult.schema).id().field("created_at", .datetime)
            .field("registration_id", .uuid, .required, .references(TrainingRegistrationRecord.schema, .id, onDelete: .cascade))
            .field("event_id", .uuid, .required, .references(TrainingEvent.schema, .id, onDelete: .cascade))
            .field("phase", .string, .required).field("points", .int, .required).field("maximum", .int, .required).field("answers", .string, .required)
            .unique(on: "registration_id", "phase")
            .create()
        try await database.schema(TrainingFeedback.schema).id()
            .field("event_id", .uuid, .required, .references(TrainingEvent.schema, .id, onDelete: .cascade))
            .field("satisfaction", .int, .required).field("comment", .string, .required)
            .create()
        var outreach = database.schema(OutreachSession.schema).id().field("created_at", .datetime)
            .field("organisation_id", .uuid, .required).field("submitted_by", .uuid)
        for text in ["day", "country", "town", "topic", "groups", "description", "evidence", "state", "decision_note"] {
            outreach = outreach.field(FieldKey(stringLiteral: text), .string, .required)
        }
        for count in ["women", "men", "other_gender", "youth", "adults", "older"] {
            outreach = outreach.field(FieldKey(stringLiteral: count), .int, .required)
        }
        try await outreach.create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "training_questions_topic").on(TrainingQuestion.schema).column("topic").column("position").run()
        try await sql.create(index: "training_test_results_event").on(TrainingTestResult.schema).column("event_id").run()
        try await sql.create(index: "training_feedback_event").on(TrainingFeedback.schema).column("event_id").run()
        try await sql.create(index: "training_outreach_state").on(OutreachSession.schema).column("state").column("day").run()
    }

    func revert(on database: Database) async throws {
        for schema in [OutreachSession.schema, TrainingFeedback.schema, TrainingTestResult.schema, TrainingQuestion.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(TrainingRegistrationRecord.schema).deleteField("feedback_given").update()
        try await database.schema(TrainingEvent.schema).deleteField("pass_percent").update()
    }
}
