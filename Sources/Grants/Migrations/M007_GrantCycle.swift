// The grant cycle: call settings and form, applications, reviews, attachments, committee members,
// payments and reports; grants remember their application.
import Kernel
import Network
import Fluent
import FluentSQL
import SQLKit

struct M007_GrantCycle: AsyncMigration {
    /// The name Fluent recorded when this migration shipped in the single IcedaApp target; it must never change.
    var name: String { "IcedaApp.M007_GrantCycle" }

    func prepare(on database: Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        let added: [(String, FieldKey, DatabaseSchema.DataType, SQLExpression?)] = [
            (GrantCall.schema, "minimum_reviews", .int, SQLLiteral.numeric("2")),
            (GrantCall.schema, "spread_threshold", .int, SQLLiteral.numeric("20")),
            (GrantCall.schema, "appeal_days", .int, SQLLiteral.numeric("8")),
            (GrantCall.schema, "ranking_public", .bool, SQLLiteral.boolean(false)),
            (GrantCall.schema, "form", .string, SQLLiteral.string("{\"sections\":[]}")),
            (GrantLot.schema, "tranches", .string, SQLLiteral.string("8000;2000")),
            (GrantLot.schema, "reallocation_bp", .int64, SQLLiteral.numeric("1500")),
            (GrantCall.schema, "version", .int, SQLLiteral.numeric("0")),
            (Organisation.schema, "listed", .bool, SQLLiteral.boolean(true)),
            (GrantLot.schema, "version", .int, SQLLiteral.numeric("0")),
            (Grant.schema, "application_id", .uuid, nil),
            (Grant.schema, "version", .int, SQLLiteral.numeric("0")),
        ]
        for (schema, field, type, defaultValue) in added {
            if let defaultValue {
                try await database.schema(schema).field(field, type, .required, .sql(.default(defaultValue))).update()
            } else {
                try await database.schema(schema).field(field, type).update()
            }
        }
        try await database.schema(GrantApplication.schema)
            .id()
            .field("call_id", .uuid, .required, .references(GrantCall.schema, .id, onDelete: .restrict))
            .field("lot_id", .uuid, .required, .references(GrantLot.schema, .id, onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("country", .string, .required)
            .field("created_by", .uuid, .required)
            .field("reference", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("answers", .string, .required)
            .field("results", .string, .required)
            .field("co_applicants", .string, .required)
            .field("budget", .string, .required)
            .field("requested_minor", .int64)
            .field("duration_months", .int)
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("locale", .string, .required)
            .field("submitted_at", .datetime)
            .field("screening", .string, .required)
            .field("screening_note", .string, .required)
            .field("decision_reason", .string, .required)
            .field("decided_at", .datetime)
            .field("appeal_deadline", .datetime)
            .field("appeal_text", .string, .required)
            .field("appeal_reason", .string, .required)
            .field("valid_reviews", .int, .required)
            .field("score_mean", .string, .required)
            .field("score_spread", .string, .required)
            .field("score_flagged", .bool, .required)
            .field("criterion_points", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.schema(GrantReview.schema)
            .id()
            .field("application_id", .uuid, .required, .references(GrantApplication.schema, .id, onDelete: .cascade))
            .field("reviewer_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("declaration", .string, .required)
            .field("conflict_note", .string, .required)
            .field("scores", .string, .required)
            .field("comment", .string, .required)
            .field("recommendation", .string, .required)
            .field("submitted_at", .datetime)
            .field("assigned_by", .uuid, .required)
            .field("created_at", .datetime)
            .unique(on: "application_id", "reviewer_id")
            .create()
        try await database.schema(GrantAttachment.schema)
            .id()
            .field("application_id", .uuid, .required, .references(GrantApplication.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(GrantCommitteeMember.schema)
            .id()
            .field("call_id", .uuid, .required, .references(GrantCall.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "call_id", "user_id")
            .create()
        try await database.schema(GrantPayment.schema)
            .id()
            .field("grant_id", .uuid, .required, .references(Grant.schema, .id, onDelete: .restrict))
            .field("tranche", .int, .required)
            .field("amount_minor", .int64, .required)
            .field("paid_on", .string, .required)
            .field("note", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(GrantReport.schema)
            .id()
            .field("grant_id", .uuid, .required, .references(Grant.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("narrative", .string, .required)
            .field("spent", .string, .required)
            .field("review_comment", .string, .required)
            .field("submitted_at", .datetime)
            .field("reminded_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(GrantAmendment.schema)
            .id()
            .field("grant_id", .uuid, .required, .references(Grant.schema, .id, onDelete: .restrict))
            .field("budget", .string, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("moved_share", .string, .required)
            .field("approval_reasons", .string, .required)
            .field("decision_note", .string, .required)
            .field("proposed_by", .uuid, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "grant_amendments_grant").on(GrantAmendment.schema).column("grant_id").run()
        // The staff list filters by call, state, lot and country and pages by reference.
        try await sql.create(index: "grant_applications_call_state").on(GrantApplication.schema).column("call_id").column("state").column("reference").run()
        // Without a state filter the list walks the call's applications in reference order and stops at the page's end.
        try await sql.create(index: "grant_applications_call_reference").on(GrantApplication.schema).column("call_id").column("reference").run()
        try await sql.create(index: "grant_applications_organisation").on(GrantApplication.schema).column("organisation_id").run()
        try await sql.create(index: "grant_reviews_reviewer").on(GrantReview.schema).column("reviewer_id").run()
        try await sql.create(index: "grant_attachments_application").on(GrantAttachment.schema).column("application_id").run()
        try await sql.create(index: "grant_payments_grant").on(GrantPayment.schema).column("grant_id").run()
        try await sql.create(index: "grant_reports_grant").on(GrantReport.schema).column("grant_id").run()
        try await sql.create(index: "grants_application").on(Grant.schema).column("application_id").run()
    }

    func revert(on database: Database) async throws {
        for schema in [GrantAmendment.schema, GrantReport.schema, GrantPayment.schema, GrantCommitteeMember.schema, GrantAttachment.schema, GrantReview.schema,
                       GrantApplication.schema] {
            try await database.schema(schema).delete()
        }
        for (schema, field) in [(Grant.schema, "application_id"), (Grant.schema, "version"), (GrantLot.schema, "tranches"), (GrantLot.schema, "reallocation_bp"), (GrantLot.schema, "version"), (GrantCall.schema, "version"), (Organisation.schema, "listed"),
                                (GrantCall.schema, "minimum_reviews"), (GrantCall.schema, "spread_threshold"), (GrantCall.schema, "appeal_days"),
                                (GrantCall.schema, "ranking_public"), (GrantCall.schema, "form")] {
            try await database.schema(schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
