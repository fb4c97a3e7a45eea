// A short-lived cache of public GET responses for visitors without a session.
//
// Public pages are the same for every anonymous visitor, and most of the platform's readers are
// anonymous. Entries are fresh for `ttl` (so several instances converge quickly) and are dropped at
// once when this instance handles a write that succeeds (POST, PUT, PATCH, DELETE answered below 400). While one request renders a
// page, others asking for it wait for that rendering instead of rendering it too, and an entry that
// has just expired is still served while one request renders its replacement.
import Foundation
import Synchronization
import Localization
import Vapor

package final class PageCache: Sendable {
    package struct Entry: Sendable {
        package var status: HTTPResponseStatus
        package var headers: HTTPHeaders
        package var body: ByteBuffer
        package var stored: ContinuousClock.Instant
        package var generation: Int
        package init(status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer, stored: ContinuousClock.Instant, generation: Int) {
            self.status = status
            self.headers = headers
            self.body = body
            self.stored = stored
            self.generation = generation
        }
    }

    /// What a request should do about a key.
    package enum Plan {
        /// Serve this entry.
        case serve(Entry)
        /// Render the page and `finish` the key afterwards (others may be waiting).
        case render
        /// Another request is rendering it: wait for its result.
        case wait
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var generation = 0
        var rendering: Set<String> = []
        var waiters: [String: [CheckedContinuation<Entry?, Never>]] = [:]
    }

    private let state = Mutex(State())
    package let ttl: Duration
    package let capacity: Int
    package let maxBodyBytes = 512 * 1024

    package var count: Int { state.withLock { $0.entries.count } }

    package init(ttl: Duration = .seconds(10), capacity: Int = 2_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// A fresh entry, if any (without taking part in rendering).
    package func lookup(_ key: String) -> Entry? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[key], entry.generation == state.generation, now - entry.stored < ttl else { return nil }
            return entry
        }
    }

    /// Decides whether to serve, render or wait, and claims the rendering when it is this request's turn.
    package func plan(_ key: String, revalidate: Bool) -> Plan {
        let now = ContinuousClock.now
        return state.withLock { state in
            let current = state.entries[key].flatMap { $0.generation == state.generation ? $0 : nil }
            if let current, !revalidate, now - current.stored < ttl { return .serve(current) }
            if state.rendering.contains(key) {
                // Someone is already rendering: an expired entry is good enough meanwhile.
                if let current, !revalidate { return .serve(current) }
                return .wait
            }
            state.rendering.insert(key)
            return .render
        }
    }

    /// Waits for the request that is rendering `key`; nil when it produced nothing cacheable.
    package func waitForRendering(_ key: String) async -> Entry? {
        await withCheckedContinuation { continuation in
            let ready: Entry?? = state.withLock { state in
                guard state.rendering.contains(key) else { return .some(state.entries[key]) }
                state.waiters[key, default: []].append(continuation)
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Ends a rendering: stores the entry (if any) and hands it to every waiting request.
    package func finish(_ key: String, entry: Entry?) {
        let waiting: [CheckedContinuation<Entry?, Never>] = state.withLock { state in
            state.rendering.remove(key)
            if let entry, entry.generation == state.generation {
                if state.entries[key] == nil {
                    // Entries that expired are dropped as new ones come, oldest first (not only at capacity).
                    let now = ContinuousClock.now
                    while let oldest = state.order.first, state.entries[oldest].map({ now - $0.stored >= ttl }) ?? true {
                        state.entries[oldest] = nil
                        state.order.removeFirst()
                    }
                    state.order.append(key)
                    if state.order.count > capacity {
                        let excess = state.order.count - capacity
                        for old in state.order.prefix(excess) { state.entries[old] = nil }
                        state.order.removeFirst(excess)
                    }
                }
                state.entries[key] = entry
            }
            return state.waiters.removeValue(forKey: key) ?? []
        }
        for continuation in waiting { continuation.resume(returning: entry) }
    }

    /// Stores an entry directly (tests and callers that rendered outside `plan`).
    package func store(_ key: String, _ entry: Entry) {
        _ = state.withLock { $0.rendering.insert(key) }
        finish(key, entry: entry)
    }

    package var generation: Int { state.withLock { $0.generation } }

    /// Forgets everything (called after every write this instance handles).
    package func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.entries.removeAll(keepingCapacity: true)
            state.order.removeAll(keepingCapacity: true)
        }
    }
}

package struct PageCacheMiddleware: AsyncMiddleware {
    package let cache: PageCache
    package let cookieName: String

    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD else {
            let response = try await next.respond(to: request)
            // Only a write that went through empties the cache: a refused form (403 without its token, 422, 409)
            // changed nothing.
            if response.status.code < 400 { cache.invalidate() }
            return response
        }
        let path = request.url.path
        let cacheable = request.cookies[cookieName] == nil && request.headers.bearerAuthorization == nil
            && !path.hasPrefix("/static/") && path != "/healthz" && path != "/readyz" && path != "/metrics"
            && !path.contains("/staff") && !path.contains("/sign-in") && !path.contains("/account")
        guard cacheable else { return try await next.respond(to: request) }
        // A hard reload (Cache-Control: no-cache) renders afresh, and refreshes the entry.
        let revalidate = request.headers[.cacheControl].contains { $0.lowercased().contains("no-cache") }
        // Keyed on the negotiated locale (five values), not the raw Accept-Language header (unbounded).
        let locale = AppLocale.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage))
        let key = request.method.rawValue + " " + request.url.string + "\u{0}" + locale.rawValue

        switch cache.plan(key, revalidate: revalidate) {
        case .serve(let entry):
            return response(from: entry)
        case .wait:
            if let entry = await cache.waitForRendering(key) { return response(from: entry) }
            return try await next.respond(to: request)
        case .render:
            let generation = cache.generation
            let response: Response
            do {
                response = try await next.respond(to: request)
            } catch {
                cache.finish(key, entry: nil)
                throw error
            }
            if response.status == .ok, !response.headers.contains(name: .setCookie), let buffer = response.body.buffer,
               buffer.readableBytes <= cache.maxBodyBytes {
                cache.finish(key, entry: .init(status: response.status, headers: response.headers, body: buffer, stored: .now, generation: generation))
            } else {
                cache.finish(key, entry: nil)
            }
            return response
        }
    }

    private func response(from entry: PageCache.Entry) -> Response {
        var headers = entry.headers
        headers.replaceOrAdd(name: "X-Cache", value: "hit")
        return Response(status: entry.status, headers: headers, body: .init(buffer: entry.body))
    }
    package init(cache: PageCache, cookieName: String) {
        self.cache = cache
        self.cookieName = cookieName
    }
}
