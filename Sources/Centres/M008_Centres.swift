// The centres' tables (issue 11).
import Fluent
import FluentSQL
import Kernel
import SQLKit

struct M008_Centres: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Centre.schema)
            .id()
            .field("created_at", .datetime)
            .field("version", .int, .required)
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", .id, onDelete: .restrict))
            .field("grant_reference", .string, .required)
            .field("country", .string, .required)
            .field("municipality", .string, .required)
            .field("area", .string, .required)
            .field("address", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("weekdays", .string, .required)
            .field("opens", .int, .required)
            .field("closes", .int, .required)
            .field("slot_capacity", .int, .required)
            .field("languages", .string, .required)
            .field("step_free", .bool, .required)
            .field("sign_language", .bool, .required)
            .field("easy_read", .bool, .required)
            .field("channels", .string, .required)
            .field("description", .string, .required)
            .field("opened_on", .string, .required)
            .field("closed_on", .string, .required)
            .field("yearly_target", .int, .required)
            .unique(on: "slug")
            .create()
        try await database.schema(CentreOperator.schema)
            .id()
            .field("centre_id", .uuid, .required, .references(Centre.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", .id, onDelete: .cascade))
            .unique(on: "centre_id", "user_id")
            .create()
        var cases = database.schema(AssistanceCase.schema)
            .id()
            .field("created_at", .datetime)
            .field("centre_id", .uuid, .required, .references(Centre.schema, .id, onDelete: .restrict))
            .field("client_id", .string, .required)
            .field("day", .string, .required)
            .field("month", .string, .required)
        for text in ["channel", "service", "task", "outcome", "blocker", "age_band", "gender"] {
            cases = cases.field(FieldKey(stringLiteral: text), .string, .required)
        }
        for flag in ["g_elderly", "g_roma", "g_disability", "g_rural", "g_low_income", "g_youth", "g_unemployed", "g_returnee", "first_time"] {
            cases = cases.field(FieldKey(stringLiteral: flag), .int, .required)
        }
        try await cases
            .field("level", .string, .required)
            .field("follow_up", .int, .required)
            .field("flags", .string, .required)
            .field("operator_id", .uuid)
            .unique(on: "centre_id", "client_id")
            .create()
        try await database.schema(FollowUp.schema)
            .id()
            .field("created_at", .datetime)
            .field("case_id", .uuid, .required, .references(AssistanceCase.schema, .id, onDelete: .cascade))
            .field("centre_id", .uuid, .required)
            .field("operator_id", .uuid, .required)
            .field("contact", .string, .required)
            .field("note", .string, .required)
            .field("delete_after", .string, .required)
            .field("done", .bool, .required)
            .create()
        try await database.schema(Appointment.schema)
            .id()
            .field("created_at", .datetime)
            .field("centre_id", .uuid, .required, .references(Centre.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("hour", .int, .required)
            .field("name", .string, .required)
            .field("contact", .string, .required)
            .field("task", .string, .required)
            .field("token_hash", .string, .required)
            .field("cancelled", .bool, .required)
            .create()
        try await database.schema(CaseCounts.schema)
            .field("centre_id", .uuid, .required, .references(Centre.schema, .id, onDelete: .cascade))
            .field("month", .string, .required)
            .field("dimension", .string, .required)
            .field("code", .string, .required)
            .field("n", .int, .required)
            .unique(on: "centre_id", "month", "dimension", "code")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "centre_cases_centre_day").on(AssistanceCase.schema).column("centre_id").column("day").run()
        try await sql.create(index: "centre_cases_day").on(AssistanceCase.schema).column("day").run()
        try await sql.create(index: "centre_follow_ups_delete").on(FollowUp.schema).column("delete_after").run()
        try await sql.create(index: "centre_appointments_centre_day").on(Appointment.schema).column("centre_id").column("day").column("hour").run()
    }

    func revert(on database: Database) async throws {
        for schema in [CaseCounts.schema, Appointment.schema, FollowUp.schema, AssistanceCase.schema, CentreOperator.schema, Centre.schema] {
            try await database.schema(schema).delete()
        }
    }
}
