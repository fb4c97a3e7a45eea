// Lost updates are refused the same way everywhere: a write first claims the row at the version its form was
// rendered from (`UPDATE … SET version = v + 1 WHERE id = ? AND version = v`), so of two writes from the same
// version the second is refused and nothing is overwritten. On PostgreSQL the update also locks the row until the
// transaction ends.
import Fluent
import Foundation
import SQLKit
import Vapor

/// The record changed since the form was rendered (or the form's version was not one a record can have).
package struct RecordChanged: Error {
    package init() {}
}

package enum VersionClaim {
    /// Inside a transaction: raises the row's version from `expectedVersion`, or throws `RecordChanged` when someone
    /// else wrote it since. A version outside 0…`Request.maxVersion` is never stored, so it is refused as stale
    /// without any arithmetic on it.
    package static func claim(_ schema: String, id: UUID, expectedVersion: Int, on database: Database) async throws {
        guard (0...Request.maxVersion).contains(expectedVersion) else { throw RecordChanged() }
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        let claimed = try await sql.update(schema)
            .set("version", to: expectedVersion + 1)
            .where("id", .equal, id)
            .where("version", .equal, expectedVersion)
            .returning("id")
            .all()
        guard claimed.count == 1 else { throw RecordChanged() }
    }

    /// Runs `body` in a transaction that first claims the row; the record's own `version` is `expectedVersion + 1`
    /// afterwards, so a save inside `body` keeps it.
    package static func write<T: Sendable>(_ schema: String, id: UUID, expectedVersion: Int, on database: Database,
                                           _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        try await database.transaction { database in
            try await claim(schema, id: id, expectedVersion: expectedVersion, on: database)
            return try await body(database)
        }
    }
}
