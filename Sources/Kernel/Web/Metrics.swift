// Request counters and latency histogram, exposed at /metrics in Prometheus' text format.
import Foundation
import Synchronization
import Vapor

/// A small, lock-protected metrics registry (counters by method and status class, one histogram).
package final class RequestMetrics: Sendable {
    package static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct State {
        var counts: [String: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var durationSum = 0.0
        var durationCount = 0
    }
    private let state = Mutex(State())
    package let started = Date()

    package init() {}

    package func record(method: String, status: UInt, seconds: Double) {
        state.withLock { state in
            state.counts["method=\"\(method)\",status=\"\(status / 100)xx\"", default: 0] += 1
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { state.bucketCounts[index] += 1 }
            state.durationSum += seconds
            state.durationCount += 1
        }
    }

    /// The text exposition format (version 0.0.4).
    package func exposition(extra: [(String, String, Double)] = []) -> String {
        let snapshot = state.withLock { $0 }
        var lines = [
            "# HELP iceda_http_requests_total HTTP requests answered, by method and status class.",
            "# TYPE iceda_http_requests_total counter",
        ]
        for (labels, count) in snapshot.counts.sorted(by: { $0.key < $1.key }) {
            lines.append("iceda_http_requests_total{\(labels)} \(count)")
        }
        lines += [
            "# HELP iceda_http_request_duration_seconds Time to answer HTTP requests.",
            "# TYPE iceda_http_request_duration_seconds histogram",
        ]
        for (index, bound) in Self.buckets.enumerated() {
            lines.append("iceda_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(snapshot.bucketCounts[index])")
        }
        lines.append("iceda_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.durationCount)")
        lines.append("iceda_http_request_duration_seconds_sum \(snapshot.durationSum)")
        lines.append("iceda_http_request_duration_seconds_count \(snapshot.durationCount)")
        lines += [
            "# HELP iceda_uptime_seconds Seconds since the process started.",
            "# TYPE iceda_uptime_seconds gauge",
            "iceda_uptime_seconds \(Date().timeIntervalSince(started))",
        ]
        for (name, help, value) in extra {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) gauge", "\(name) \(value)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

package struct MetricsMiddleware: AsyncMiddleware {
    package let metrics: RequestMetrics

    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: request.method.rawValue, status: response.status.code, seconds: seconds)
        return response
    }
    package init(metrics: RequestMetrics) {
        self.metrics = metrics
    }
}
