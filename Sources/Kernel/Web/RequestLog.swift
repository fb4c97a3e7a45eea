// The access log line of every request, without the secrets some addresses carry: the `:token` segment of a
// password-reset, invitation, registration or appointment link is written as `:token` (Vapor's own
// RouteLoggingMiddleware writes the whole path, so a log reader could reset a password).
import Vapor

package struct RequestLogMiddleware: AsyncMiddleware {
    package let level: Logger.Level

    package init(level: Logger.Level = .info) { self.level = level }

    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        request.logger.log(level: level, "\(request.method) \(Self.loggedPath(request.url.path, route: request.route?.path))")
        return try await next.respond(to: request)
    }

    /// `path` with every segment that the route names `:token` replaced by `:token`.
    package static func loggedPath(_ path: String, route: [PathComponent]?) -> String {
        let decoded = path.removingPercentEncoding ?? path
        guard let route, route.contains(where: { if case .parameter("token") = $0 { true } else { false } }) else { return decoded }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // segments[0] is "" (the path starts with "/"); route components follow it one for one.
        for (index, component) in route.enumerated() where index + 1 < segments.count {
            if case .parameter("token") = component { segments[index + 1] = ":token" }
        }
        return segments.joined(separator: "/")
    }
}
