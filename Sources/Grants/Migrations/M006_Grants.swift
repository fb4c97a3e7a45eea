// The grants scheme's tables: programmes, calls, lots, awarded grants.
import Kernel
import Network
import Fluent
import SQLKit

struct M006_Grants: AsyncMigration {
    /// The name Fluent recorded when this migration shipped in the single IcedaApp target; it must never change.
    var name: String { "IcedaApp.M006_Grants" }

    func prepare(on database: Database) async throws {
        try await database.schema(GrantProgramme.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("donor", .string, .required)
            .field("donor_identifier", .string, .required)
            .field("currency", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(GrantCall.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(GrantProgramme.schema, .id, onDelete: .restrict))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("deadline", .datetime, .required)
            .field("time_zone", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(GrantLot.schema)
            .id()
            .field("call_id", .uuid, .required, .references(GrantCall.schema, .id, onDelete: .restrict))
            .field("code", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("envelope_minor", .int64)
            .field("min_amount_minor", .int64, .required)
            .field("max_amount_minor", .int64, .required)
            .field("duration_months", .int, .required)
            .field("min_cofinancing_bp", .int64, .required)
            .field("eligible_countries", .string, .required)
            .field("applicant_kinds", .string, .required)
            .field("results_menu", .string, .required)
            .field("minimum_results", .int, .required)
            .field("criteria", .string, .required)
            .field("max_grants", .int)
            .field("max_grants_per_country", .int)
            .unique(on: "call_id", "code")
            .create()
        try await database.schema(Grant.schema)
            .id()
            .field("lot_id", .uuid, .required, .references(GrantLot.schema, .id, onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("award_date", .string, .required)
            .field("planned_start", .string, .required)
            .field("duration_months", .int, .required)
            .field("identifier", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "identifier")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "grants_lot").on(Grant.schema).column("lot_id").run()
        try await sql.create(index: "grants_organisation").on(Grant.schema).column("organisation_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Grant.schema).delete()
        try await database.schema(GrantLot.schema).delete()
        try await database.schema(GrantCall.schema).delete()
        try await database.schema(GrantProgramme.schema).delete()
    }
}
