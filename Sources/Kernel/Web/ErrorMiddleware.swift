// Turns every error into a page in the user's language (or JSON under /api) with its true status.
import DesignSystem
import Localization
import Vapor

package struct IcedaErrorMiddleware: AsyncMiddleware {
    package func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let redirect as Redirect {
            return .seeOther(redirect.to)
        } catch let abort as AbortError where abort.status == .notFound && request.route == nil {
            // The router found no route (a handler's own 404 has `request.route` set): if the path exists for other
            // methods, the answer is 405.
            let allowed = Self.allowedMethods(for: request)
            guard !allowed.isEmpty else { return Self.response(for: abort, request: request) }
            return Self.response(for: Abort(.methodNotAllowed, headers: ["Allow": allowed.joined(separator: ", ")]), request: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    /// Methods registered for the request's path (with parameters matching anything).
    package static func allowedMethods(for request: Request) -> [String] {
        let segments = request.url.path.split(separator: "/").map(String.init)
        var methods: Set<String> = []
        for route in request.application.routes.all where route.method != request.method {
            if matches(route.path, segments) { methods.insert(route.method.rawValue) }
        }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    package static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return index < segments.count
            case .anything, .parameter:
                guard index < segments.count else { return false }
            case .constant(let value):
                guard index < segments.count, segments[index] == value else { return false }
            }
            index += 1
        }
        return index == segments.count
    }

    package static func response(for error: Error, request: Request) -> Response {
        let status: HTTPStatus
        var reason: String?
        var headers = HTTPHeaders()
        switch error {
        case is FormExpired:
            status = .forbidden
            reason = request.t("error.csrf")
        case let abort as AbortError:
            status = abort.status
            reason = abort.reason == abort.status.reasonPhrase ? nil : abort.reason
            headers = abort.headers
        case is DecodingError:
            status = .badRequest
        default:
            status = .internalServerError
        }
        if status.code >= 500 {
            request.logger.report(error: error)
        } else {
            request.logger.debug("\(status.code): \(String(describing: error))")
        }
        if request.url.path.hasPrefix("/api/") {
            let message = status.code >= 500 ? "Internal server error" : (reason ?? status.reasonPhrase)
            let body = APIError(error: .init(status: Int(status.code), message: message))
            let response = Response(status: status, headers: headers)
            try? response.content.encode(body, as: .json)
            return response
        }
        let page = ErrorPage.render(status: status, detail: status.code >= 500 ? nil : reason, request: request)
        let response = Response.html(page, status: status)
        for (name, value) in headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
    package init() {}
}

/// The JSON error body of the API.
package struct APIError: Content {
    package struct Body: Content {
        package var status: Int
        package var message: String
        package init(status: Int, message: String) {
            self.status = status
            self.message = message
        }
    }
    package var error: Body
    package init(error: Body) {
        self.error = error
    }
}

package enum ErrorPage {
    package static func render(status: HTTPStatus, detail: String?, request: Request) -> String {
        let context = request.pageContext()
        let t = context.t
        let known: Set<UInt> = [400, 403, 404, 405, 413, 415, 422, 429, 500]
        let code = known.contains(status.code) ? status.code : (status.code >= 500 ? 500 : 400)
        return Layout.page(context, title: t("error.\(code).title")) {
            el("h1") { t("error.\(code).title") }
            el("p", .class("lead")) { t("error.\(code).body") }
            if let detail { el("p") { detail } }
            el("p", .class("muted")) { t("error.status", ["code": String(status.code)]) }
            el("p") { el("a", .href(context.link(KernelURL.home))) { t("error.home_link") } }
        }
    }
}
