// At most one budget amendment waits for a decision per grant (issue 9: two proposals sent at once both waited).
// A partial unique index, which SQLite and PostgreSQL both support; the proposal's insert fails on the second.
import Fluent
import SQLKit

struct M017_OnePendingAmendment: AsyncMigration {
    var name: String { "Grants.M017_OnePendingAmendment" }

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw("CREATE UNIQUE INDEX grant_amendments_one_pending ON grant_amendments (grant_id) WHERE status = 'pending'").run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw("DROP INDEX grant_amendments_one_pending").run()
    }
}
