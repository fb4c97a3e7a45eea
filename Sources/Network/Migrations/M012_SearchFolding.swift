// The directory's search text folded (no accents, Cyrillic as Latin) for the organisations stored before. Plain
// SQL on the three columns it needs: the model has columns that later migrations add.
import Fluent
import Foundation
import SQLKit

struct M012_SearchFolding: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        let rows = try await sql.select().column("id").column("name").column("municipality").column("search_text").from("organisations").all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let folded = SearchFolding.fold(try row.decode(column: "name", as: String.self) + " " + (try row.decode(column: "municipality", as: String.self)))
            if try row.decode(column: "search_text", as: String.self) != folded {
                try await sql.update("organisations").set("search_text", to: folded).where("id", .equal, id).run()
            }
        }
    }

    func revert(on database: Database) async throws {}
}
