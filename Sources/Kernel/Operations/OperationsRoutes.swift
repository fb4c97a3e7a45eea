// Health, readiness, metrics and the stylesheet.
import DesignSystem
import Fluent
import SQLKit
import Vapor

package enum OperationsRoutes {
    /// `/metrics` tells how busy the platform is and how many e-mails wait: with `ICEDA_METRICS_TOKEN` set it asks for
    /// that bearer token; without, it answers only connections made from this machine directly (not through a proxy,
    /// which adds `X-Forwarded-For` or `Forwarded`).
    package static func mayReadMetrics(_ request: Request) -> Bool {
        if let token = request.application.iceda.config.metricsToken {
            guard let sent = request.headers.bearerAuthorization?.token else { return false }
            return SecureToken.constantTimeEquals(sent, token)
        }
        guard request.headers.first(name: "X-Forwarded-For") == nil, request.headers.first(name: "Forwarded") == nil else { return false }
        // No address at all only happens in-process (tests); a network peer always has one.
        guard let address = request.remoteAddress?.ipAddress else { return request.remoteAddress == nil }
        return address == "127.0.0.1" || address == "::1" || address.hasPrefix("127.")
    }

    package static func register(_ app: Application) {
        app.get("healthz") { _ -> Response in
            Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: "ok\n")
        }
        app.get("readyz") { request async -> Response in
            do {
                guard let sql = request.db as? SQLDatabase else { throw Abort(.internalServerError) }
                try await sql.raw("SELECT 1").run()
                return Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: "ready\n")
            } catch {
                request.logger.error("readiness check failed: \(String(describing: error))")
                return Response(status: .serviceUnavailable, headers: ["Content-Type": "text/plain; charset=utf-8"], body: "database unreachable\n")
            }
        }
        app.get("metrics") { request async throws -> Response in
            guard mayReadMetrics(request) else {
                return Response(status: request.application.iceda.config.metricsToken == nil ? .forbidden : .unauthorized,
                                headers: ["Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": "Bearer"],
                                body: "metrics: set ICEDA_METRICS_TOKEN and send it as a bearer token, or read them from this machine\n")
            }
            let queued = try await Job.query(on: request.db).filter(\.$state == .queued).count()
            let unsent = try await OutboxMessage.query(on: request.db).filter(\.$sentAt == nil).count()
            let text = request.application.iceda.metrics.exposition(extra: [
                ("iceda_jobs_queued", "Jobs waiting in the queue.", Double(queued)),
                ("iceda_outbox_unsent", "E-mails not yet delivered.", Double(unsent)),
            ])
            return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"], body: .init(string: text))
        }
        app.get("static", "app.css") { request -> Response in
            Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable"],
                     body: .init(string: request.application.iceda.stylesheet))
        }
        let offlineCases = (try? String(contentsOf: DesignSystemResources.offlineCasesScriptURL, encoding: .utf8)) ?? ""
        let offlineWorker = (try? String(contentsOf: DesignSystemResources.offlineWorkerURL, encoding: .utf8)) ?? ""
        app.get("static", "offline-cases.js") { _ -> Response in
            Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable"],
                     body: .init(string: offlineCases))
        }
        // not cached for long: browsers check a service worker for updates, and it must be served as itself
        app.get("offline-worker.js") { _ -> Response in
            Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache", "Service-Worker-Allowed": "/"],
                     body: .init(string: offlineWorker))
        }
        app.get("static", "autosave.js") { request -> Response in
            Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable"],
                     body: .init(string: request.application.iceda.autosaveScript))
        }
    }
}
