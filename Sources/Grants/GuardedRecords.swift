// Applications and grants are written the same way: a write first claims the row at the version the form was
// rendered from (`UPDATE … SET version = v + 1 WHERE id = ? AND version = v`), so of two writes from the same
// version the second is refused and nothing is overwritten; a state changes only through its machine, and every
// transition lands in the audit log in the same transaction.
import Kernel
import Network
import Fluent
import Foundation
import Methods
import SQLKit
import Vapor

/// A record with a version against lost updates and a state owned by one state machine.
protocol GuardedRecord: Model, Sendable where IDValue == UUID {
    associatedtype Machine: Grants.StateMachine
    var version: Int { get set }
    /// The stored state; only `GuardedRecords.transition` sets it.
    var machineState: Machine.State { get set }
    /// The audit log's target type and action prefix, e.g. `grant_application` and `grants.application`.
    static var auditTarget: (type: String, action: String) { get }
    /// How people name the record in the audit log, e.g. its reference.
    var auditName: String { get }
}

/// A state change the machine refuses.
struct TransitionRefused<Machine: Grants.StateMachine>: Error {
    var error: Grants.TransitionError<Machine.State, Machine.Event>
}

enum GuardedRecords {
    /// Runs `body` in a transaction that first claims `record`'s row at `expectedVersion` and raises the version.
    static func write<R: GuardedRecord, T: Sendable>(_ record: R, expectedVersion: Int, on database: Database,
                                                    _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        let id = try record.requireID()
        return try await VersionClaim.write(R.schema, id: id, expectedVersion: expectedVersion, on: database) { database in
            record.version = expectedVersion + 1
            return try await body(database)
        }
    }

    /// Inside a transaction: raises the row's version from `expectedVersion`, or throws `RecordChanged` when
    /// someone else wrote it since (on PostgreSQL the update also locks the row until the transaction ends).
    static func claim(_ schema: String, id: UUID, expectedVersion: Int, on database: Database) async throws {
        try await VersionClaim.claim(schema, id: id, expectedVersion: expectedVersion, on: database)
    }

    struct TransitionAudit: Encodable {
        var reference: String
        var from: String
        var event: String
        var to: String
        var role: String
        var note: String
    }

    /// Applies `event` by `role` through the record's machine, lets `change` record what goes with it, saves and
    /// writes the transition into the audit log (`<prefix>.<event>`), all in one transaction. `actor` nil is the system.
    @discardableResult
    static func transition<R: GuardedRecord>(
        _ record: R, _ event: R.Machine.Event, by role: Grants.Role, actor: User?, expectedVersion: Int, note: String = "",
        on database: Database, change: @escaping @Sendable (R, Database) async throws -> Void = { _, _ in }
    ) async throws -> Grants.TransitionRecord<R.Machine.State, R.Machine.Event> {
        var tracked = Grants.Tracked<R.Machine>(restoring: record.machineState)
        let applied: Grants.TransitionRecord<R.Machine.State, R.Machine.Event>
        switch tracked.apply(event, by: role) {
        case let .failure(error): throw TransitionRefused<R.Machine>(error: error)
        case let .success(transition): applied = transition
        }
        let next = tracked.state
        try await write(record, expectedVersion: expectedVersion, on: database) { database in
            record.machineState = next
            try await change(record, database)
            try await record.save(on: database)
            try await Audit.record(on: database, actor: actor, action: "\(R.auditTarget.action).\(event.rawValue)", targetType: R.auditTarget.type,
                                   targetID: record.id?.uuidString,
                                   after: TransitionAudit(reference: record.auditName, from: applied.from.rawValue, event: event.rawValue,
                                                          to: applied.to.rawValue, role: role.rawValue, note: note))
        }
        return applied
    }
}

extension GrantApplication: GuardedRecord {
    typealias Machine = Grants.ApplicationLifecycle
    var machineState: Grants.ApplicationState {
        get { state }
        set { stateRaw = newValue.rawValue }
    }
    static var auditTarget: (type: String, action: String) { ("grant_application", "grants.application") }
    var auditName: String { reference }
}

extension Grant: GuardedRecord {
    typealias Machine = Grants.GrantLifecycle
    var machineState: Grants.GrantState {
        get { state }
        set { status = newValue.rawValue }
    }
    static var auditTarget: (type: String, action: String) { ("grant", "grants.grant") }
    var auditName: String { identifier }
}
