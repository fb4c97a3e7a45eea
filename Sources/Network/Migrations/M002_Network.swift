// The network directory's tables.
import Kernel
import Fluent
import SQLKit

struct M002_Network: AsyncMigration {
    /// The name Fluent recorded when this migration shipped in the single IcedaApp target; it must never change.
    var name: String { "IcedaApp.M002_Network" }

    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("country_code", .string, .required)
            .field("municipality", .string, .required)
            .field("website", .string, .required)
            .field("email", .string, .required)
            .field("focus_areas", .string, .required)
            .field("description", .string, .required)
            .field("search_text", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(Membership.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("network", .string, .required)
            .field("joined_on", .date, .required)
            .field("left_on", .date)
            .create()
        try await database.schema(Person.schema)
            .id()
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .setNull))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("position", .string, .required)
            .field("consent_scope", .string, .required)
            .field("consent_given_at", .datetime, .required)
            .field("consent_withdrawn_at", .datetime)
            .field("created_at", .datetime)
            .create()
        // The directory sorts by search_text and filters by country and kind on every page.
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "organisations_search_text").on(Organisation.schema).column("search_text").run()
        try await sql.create(index: "organisations_country").on(Organisation.schema).column("country_code").column("search_text").run()
        try await sql.create(index: "organisations_kind").on(Organisation.schema).column("kind").column("search_text").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Person.schema).delete()
        try await database.schema(Membership.schema).delete()
        try await database.schema(Organisation.schema).delete()
    }
    package init() {}
}
