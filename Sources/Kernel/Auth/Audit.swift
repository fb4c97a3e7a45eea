// Writes the audit log of privileged actions.
import Fluent
import Foundation

package enum Audit {
    /// Records who did what; `before`/`after` are stored as sorted JSON.
    package static func record<B: Encodable, A: Encodable>(
        on database: Database, actor: User?, action: String, targetType: String, targetID: String?, before: B?, after: A?
    ) async throws {
        let encoder = JSONEncoder.sorted
        encoder.dateEncodingStrategy = .iso8601
        let entry = AuditEntry(
            actorID: actor?.id, actorLabel: actor?.email ?? "system", action: action, targetType: targetType, targetID: targetID,
            before: try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) },
            after: try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) })
        try await entry.save(on: database)
    }

    package static func record<A: Encodable>(on database: Database, actor: User?, action: String, targetType: String, targetID: String?, after: A?) async throws {
        try await record(on: database, actor: actor, action: action, targetType: targetType, targetID: targetID, before: String?.none, after: after)
    }
}
