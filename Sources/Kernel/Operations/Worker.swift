// The background worker: takes queued jobs from the database and delivers the outbox.
import Fluent
import Foundation
import SQLKit
import Vapor

package enum Worker {
    /// How long a claim lasts. A job still `running` after its lease (its worker was killed, or its machine went away)
    /// is due again and the next worker takes it; handlers are written to be run again safely.
    package static let lease: TimeInterval = 10 * 60

    /// Claims one due job: a queued one whose time has come, or a running one whose lease has ended. On PostgreSQL
    /// several workers share the queue (`FOR UPDATE SKIP LOCKED`); on SQLite there is one writer, so the one
    /// statement is enough.
    package static func claim(on database: Database, now: Date = Date()) async throws -> Job? {
        guard let sql = database as? SQLDatabase else { return nil }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = \(bind: now.addingTimeInterval(lease))
            WHERE id = (SELECT id FROM jobs
                        WHERE (state = 'queued' AND run_at <= \(bind: now))
                           OR (state = 'running' AND (lease_until IS NULL OR lease_until < \(bind: now)))
                        ORDER BY run_at LIMIT 1\(lock))
            RETURNING id
            """).all()
        guard let row = rows.first, let id = try? row.decode(column: "id", as: UUID.self) else { return nil }
        return try await Job.find(id, on: database)
    }

    /// Runs due jobs until none is left, then delivers e-mail. Returns how many jobs ran.
    @discardableResult
    package static func runOnce(app: Application) async throws -> Int {
        var handlers: [String: JobHandler] = [:]
        for feature in app.features { handlers.merge(feature.jobs) { first, _ in first } }
        var ran = 0
        while let job = try await claim(on: app.db) {
            do {
                guard let handler = handlers[job.kind] else { throw Abort(.notImplemented, reason: "no handler for job kind \(job.kind)") }
                try await handler(job.payload, app.db, app.logger)
                job.state = .done
                job.lastError = nil
            } catch {
                job.lastError = String(describing: error)
                if job.attempts < 5 {
                    job.state = .queued
                    job.runAt = Date().addingTimeInterval(Double(30 << job.attempts))
                } else {
                    job.state = .failed
                }
                app.logger.warning("job \(job.kind) failed: \(error)")
            }
            job.leaseUntil = nil
            try await job.save(on: app.db)
            ran += 1
        }
        let config = app.iceda.config
        _ = try await Outbox.deliver(on: app.db, command: config.sendmailCommand, from: config.mailFrom, logger: app.logger)
        return ran
    }

    /// How often `loop` runs the periodic work.
    package static let periodicInterval: Duration = .seconds(15 * 60)

    /// Periodic work that is not a queued job: each feature's `periodic` (e.g. the grant report reminders). Each
    /// must be safe to run from several workers at once and to repeat (it claims what it does, like `claim` above).
    /// `loop` calls this at start and then every `periodicInterval`; `iceda worker --once` calls it once.
    package static func runPeriodic(app: Application, now: Date = Date()) async throws {
        let report = try await Retention.run(on: app.db, periods: app.iceda.config.retention, now: now)
        if report != Retention.Report() { app.logger.info("retention: \(report)") }
        for feature in app.features { try await feature.periodic(app, now: now) }
    }

    /// Polls every `interval` seconds until the task is cancelled; runs the periodic work every `periodicInterval`.
    package static func loop(app: Application, interval: Duration = .seconds(5)) async {
        let clock = ContinuousClock()
        var lastPeriodic: ContinuousClock.Instant?
        while !Task.isCancelled {
            if lastPeriodic.map({ clock.now - $0 >= periodicInterval }) ?? true {
                lastPeriodic = clock.now
                do { try await runPeriodic(app: app) } catch { app.logger.error("worker (periodic): \(error)") }
            }
            do { try await runOnce(app: app) } catch { app.logger.error("worker: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}

/// Starts the worker inside the server process and stops it at shutdown.
package final class InServerWorker: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    package init() {}

    package func didBootAsync(_ application: Application) async throws {
        task = Task { await Worker.loop(app: application) }
    }

    package func shutdownAsync(_ application: Application) async {
        task?.cancel()
        _ = await task?.value
    }
}
