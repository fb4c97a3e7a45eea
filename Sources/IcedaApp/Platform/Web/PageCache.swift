// A short-lived cache of public GET responses for visitors without a session.
//
// Public pages are the same for every anonymous visitor, and most of the platform's readers are
// anonymous. Entries live at most `ttl` seconds (so several instances converge quickly) and are
// dropped at once when this instance handles any write (POST, PUT, PATCH, DELETE).
import Foundation
import Synchronization
import Vapor

final class PageCache: Sendable {
    struct Entry {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: ByteBuffer
        var stored: ContinuousClock.Instant
        var generation: Int
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var generation = 0
    }

    private let state = Mutex(State())
    let ttl: Duration
    let capacity: Int
    let maxBodyBytes = 512 * 1024

    var count: Int { state.withLock { $0.entries.count } }

    init(ttl: Duration = .seconds(10), capacity: Int = 2_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func lookup(_ key: String) -> Entry? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[key], entry.generation == state.generation, now - entry.stored < ttl else { return nil }
            return entry
        }
    }

    func store(_ key: String, _ entry: Entry) {
        state.withLock { state in
            guard entry.generation == state.generation else { return }
            if state.entries[key] == nil {
                state.order.append(key)
                if state.order.count > capacity {
                    let excess = state.order.count - capacity
                    for old in state.order.prefix(excess) { state.entries[old] = nil }
                    state.order.removeFirst(excess)
                }
            }
            state.entries[key] = entry
        }
    }

    var generation: Int { state.withLock { $0.generation } }

    /// Forgets everything (called after every write this instance handles).
    func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.entries.removeAll(keepingCapacity: true)
            state.order.removeAll(keepingCapacity: true)
        }
    }
}

struct PageCacheMiddleware: AsyncMiddleware {
    let cache: PageCache
    let cookieName: String

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD else {
            let response = try await next.respond(to: request)
            cache.invalidate()
            return response
        }
        let path = request.url.path
        let cacheable = request.cookies[cookieName] == nil && request.headers.bearerAuthorization == nil
            && !path.hasPrefix("/static/") && path != "/healthz" && path != "/readyz" && path != "/metrics"
            && !path.contains("/staff") && !path.contains("/sign-in") && !path.contains("/account")
        guard cacheable else { return try await next.respond(to: request) }
        let generation = cache.generation
        // A hard reload (Cache-Control: no-cache) renders afresh, and refreshes the entry.
        let revalidate = request.headers[.cacheControl].contains { $0.lowercased().contains("no-cache") }
        let key = request.method.rawValue + " " + request.url.string + "\u{0}" + (request.headers.first(name: .acceptLanguage) ?? "")
        if !revalidate, let entry = cache.lookup(key) {
            var headers = entry.headers
            headers.replaceOrAdd(name: "X-Cache", value: "hit")
            return Response(status: entry.status, headers: headers, body: .init(buffer: entry.body))
        }
        let response = try await next.respond(to: request)
        if response.status == .ok, !response.headers.contains(name: .setCookie), let buffer = response.body.buffer,
           buffer.readableBytes <= cache.maxBodyBytes {
            cache.store(key, .init(status: response.status, headers: response.headers, body: buffer, stored: .now, generation: generation))
        }
        return response
    }
}
