// Exports (the 360Giving package, the IATI file, CSV downloads of whole registers) are built once per change of the
// data and served from that copy to everyone, signed in or not.
//
// A copy belongs to the write generation it was built in: every write this instance handles successfully
// (a POST, PUT, PATCH or DELETE answered below 400, counted by `ExportCacheMiddleware`) starts a new generation,
// so the next download builds afresh. Writes this instance cannot see (another instance, a CLI import) are
// picked up when a copy is older than `maxAge`. While one request builds an export, others asking for it wait
// for that build instead of building it too.
import Foundation
import Synchronization
import Vapor

package final class ExportCache: Sendable {
    private struct Entry {
        var value: any Sendable
        var generation: Int
        var built: ContinuousClock.Instant
    }

    private struct Flight {
        var generation: Int
        var task: Task<any Sendable, any Error>
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
        var flights: [String: Flight] = [:]
    }

    private let state = Mutex(State())
    package let maxAge: Duration
    /// Copies kept at most (a filtered CSV is one key per filter): past it, the oldest copy goes.
    package let capacity: Int

    package init(maxAge: Duration = .seconds(300), capacity: Int = 64) {
        self.maxAge = maxAge
        self.capacity = max(capacity, 1)
    }

    package var generation: Int { state.withLock { $0.generation } }

    /// Called after every successful write: every copy is out of date.
    package func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// The export under `key`: the current copy, or one built by `build` (once, however many ask at the same time).
    /// A build that fails is not kept: the next request tries again.
    package func data(_ key: String, build: @escaping @Sendable () async throws -> Data) async throws -> Data {
        try await value(key, build: build)
    }

    /// Any figures built from the whole programme (a report's page model) under the same rules as an export.
    package func value<Value: Sendable>(_ key: String, build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let now = ContinuousClock.now
        let copy = state.withLock { state -> Value? in
            guard let entry = state.entries[key], entry.generation == state.generation, now - entry.built < maxAge else { return nil }
            return entry.value as? Value
        }
        if let copy { return copy }
        let (task, generation) = state.withLock { state -> (Task<any Sendable, any Error>, Int) in
            if let flight = state.flights[key], flight.generation == state.generation { return (flight.task, flight.generation) }
            let task = Task<any Sendable, any Error> { try await build() }
            state.flights[key] = Flight(generation: state.generation, task: task)
            return (task, state.generation)
        }
        do {
            guard let built = try await task.value as? Value else { throw ExportCacheTypeMismatch(key: key) }
            state.withLock { state in
                if state.flights[key]?.generation == generation { state.flights[key] = nil }
                guard state.generation == generation else { return }
                if state.entries[key] == nil, state.entries.count >= capacity,
                   let oldest = state.entries.min(by: { $0.value.built < $1.value.built })?.key {
                    state.entries[oldest] = nil
                }
                state.entries[key] = Entry(value: built, generation: generation, built: .now)
            }
            return built
        } catch {
            state.withLock { state in
                if state.flights[key]?.generation == generation { state.flights[key] = nil }
            }
            throw error
        }
    }
}

/// Two callers used one key for values of different types (a programming error, reported rather than trapped).
package struct ExportCacheTypeMismatch: Error {
    package let key: String
}

/// Starts a new export generation after every write that went through (a refused form changed nothing).
package struct ExportCacheMiddleware: AsyncMiddleware {
    package let cache: ExportCache
    package init(cache: ExportCache) { self.cache = cache }

    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.method != .GET, request.method != .HEAD, response.status.code < 400 { cache.invalidate() }
        return response
    }
}

package struct ExportCacheKey: StorageKey {
    package typealias Value = ExportCache
}

extension Application {
    /// The exports' shared copies (set up by `configure`).
    package var exports: ExportCache {
        get { storage[ExportCacheKey.self]! }
        set { storage[ExportCacheKey.self] = newValue }
    }
}
