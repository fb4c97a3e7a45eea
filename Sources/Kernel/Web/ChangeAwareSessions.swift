// Sessions in the database, written only when their data changed. Vapor's SessionsMiddleware asks the driver to
// update every session it read, on every request; with sessions in the database that was a read and a write per
// signed-in request (about 2.5 ms, issue 10). This driver remembers what it read and skips the write when the data
// is the same at the end of the request.
//
// It also keeps what it read or wrote for a moment (`SessionCache`, `ICEDA_SESSION_CACHE_SECONDS`, 2 s by default):
// a signed-in person's next requests within that time read their session from memory instead of the database.
// Every write and delete this instance makes goes through the cache too, so on one instance nothing is ever stale;
// with several instances a change made on another one (a sign-out, a flash message) shows here within that time.
// Set it to 0 to read the database on every request.
import Fluent
import Synchronization
import Vapor

package struct ChangeAwareSessions: SessionDriver {
    /// The session data as read at the start of the request.
    struct LoadedKey: StorageKey { typealias Value = SessionData }

    let base: any SessionDriver
    let cache: SessionCache

    package init(base: any SessionDriver, cache: SessionCache) {
        self.base = base
        self.cache = cache
    }

    /// The data with the time of this write (`Retention.sessionStamp`): sessions unchanged for too long are ended.
    static func stamped(_ data: SessionData) -> SessionData {
        var data = data
        data[Retention.sessionStamp] = String(Int(Date().timeIntervalSince1970))
        return data
    }

    package func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let data = Self.stamped(data)
        return base.createSession(data, for: request).map { id in
            cache.put(id.string, data)
            return id
        }
    }

    package func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        if let data = cache.get(sessionID.string) {
            request.storage[LoadedKey.self] = data
            return request.eventLoop.makeSucceededFuture(data)
        }
        let periods = request.application.iceda.config.retention
        return base.readSession(sessionID, for: request).map { data in
            // Older than its period (the retention job deletes it later): as if there were none. Sessions written
            // before they were stamped are read as before and go at the next run of the retention job.
            if let data, data[Retention.sessionStamp] != nil, Retention.isExpired(data, periods: periods, now: Date()) { return nil }
            if let data {
                request.storage[LoadedKey.self] = data
                cache.put(sessionID.string, data)
            }
            return data
        }
    }

    package func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if let loaded = request.storage[LoadedKey.self], loaded == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        let data = Self.stamped(data)
        cache.remove(sessionID.string)
        return base.updateSession(sessionID, to: data, for: request).map { id in
            cache.put(id.string, data)
            return id
        }
    }

    package func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        cache.remove(sessionID.string)
        return base.deleteSession(sessionID, for: request)
    }
}

/// Sessions read or written in the last `ttl`, by session id (at most `capacity`; past it, everything goes).
package final class SessionCache: Sendable {
    private struct Entry {
        var data: SessionData
        var stored: ContinuousClock.Instant
    }

    private let entries = Mutex([String: Entry]())
    package let ttl: Duration
    package let capacity: Int

    package init(ttl: Duration, capacity: Int = 20_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    package func get(_ id: String) -> SessionData? {
        guard ttl > .zero else { return nil }
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[id] else { return nil }
            guard now - entry.stored < ttl else {
                entries[id] = nil
                return nil
            }
            return entry.data
        }
    }

    package func put(_ id: String, _ data: SessionData) {
        guard ttl > .zero else { return }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = Entry(data: data, stored: .now)
        }
    }

    package func remove(_ id: String) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }
}

package struct SessionCacheKey: StorageKey { package typealias Value = SessionCache }

extension Application {
    /// The sessions read or written a moment ago (set up by `configure`).
    package var sessionCache: SessionCache {
        get { storage[SessionCacheKey.self]! }
        set { storage[SessionCacheKey.self] = newValue }
    }
}
