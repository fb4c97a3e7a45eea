// The observatory's tables.
import Kernel
import Fluent

struct M003_Observatory: AsyncMigration {
    /// The name Fluent recorded when this migration shipped in the single IcedaApp target; it must never change.
    var name: String { "IcedaApp.M003_Observatory" }

    func prepare(on database: Database) async throws {
        try await database.schema(Edition.schema)
            .id()
            .field("name", .string, .required)
            .field("origin", .string, .required)
            .field("source", .string, .required)
            .field("method_version", .string, .required)
            .field("period", .string, .required)
            .field("content_hash", .string, .required)
            .field("published", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
        try await database.schema(PublicService.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, .id, onDelete: .cascade))
            .field("country", .string, .required)
            .field("scope", .string, .required)
            .field("life_event", .string, .required)
            .field("number", .string, .required)
            .field("label", .string, .required)
            .field("service_type", .string, .required)
            .field("level", .string, .required)
            .field("applicable", .bool, .required)
            .field("proactive", .bool, .required)
            .field("scores", .string, .required)
            .field("mean_score", .double)
            .unique(on: "edition_id", "country", "scope", "life_event", "number")
            .create()
        try await database.schema(AssessedURL.schema)
            .id()
            .field("service_id", .uuid, .required, .references(PublicService.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("url", .string, .required)
            .field("answers", .string, .required)
            .create()
        try await database.schema(BenchmarkScore.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, .id, onDelete: .cascade))
            .field("country", .string, .required)
            .field("column", .string, .required)
            .field("measure", .string, .required)
            .field("value", .double, .required)
            .unique(on: "edition_id", "country", "column", "measure")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "public_services_country").on(PublicService.schema).column("edition_id").column("country").run()
        try await sql.create(index: "assessed_urls_service").on(AssessedURL.schema).column("service_id").run()
        try await sql.create(index: "benchmark_scores_country").on(BenchmarkScore.schema).column("edition_id").column("country").run()
    }

    func revert(on database: Database) async throws {
        for schema in [BenchmarkScore.schema, AssessedURL.schema, PublicService.schema, Edition.schema] {
            try await database.schema(schema).delete()
        }
    }
}

import SQLKit
