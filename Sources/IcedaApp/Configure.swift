// Builds the application: database, sessions, middleware, then every feature's migrations, routes and commands.
import DesignSystem
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Kernel
import Localization
import Vapor

/// Configures `app` from `config`. Tests call this with their own database.
/// `createDataDirectory: false` is for commands that never open the database (e.g. `observatory`).
public func configure(_ app: Application, config: AppConfig, createDataDirectory: Bool = true) async throws {
    let stylesheetURL = DesignSystemResources.stylesheetURL
    let stylesheet = try String(contentsOf: stylesheetURL, encoding: .utf8)
    let autosaveScript = try String(contentsOf: DesignSystemResources.autosaveScriptURL, encoding: .utf8)
    let dummyHash = try Bcrypt.hash(SecureToken.make(bytes: 16), cost: config.bcryptCost)
    app.iceda = IcedaStorage(config: config, metrics: RequestMetrics(), stylesheet: stylesheet, autosaveScript: autosaveScript, dummyPasswordHash: dummyHash)
    app.features = Features.all

    switch config.database {
    case .sqliteFile(let path):
        let directory = (path as NSString).deletingLastPathComponent
        if createDataDirectory, !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        app.lifecycle.use(SQLiteWriteAheadLog())
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema = DatabaseSchemaOverride.current { postgres.searchPath = [schema] }
        app.databases.use(.postgres(configuration: postgres, sqlLogLevel: .trace), as: .psql)
    }

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.routes.defaultMaxBodySize = "1mb"

    // Sessions live in the database (any instance can serve any request) and are written only when they changed.
    app.sessionCache = SessionCache(ttl: .seconds(config.sessionCacheSeconds))
    app.sessions.use { app in ChangeAwareSessions(base: app.fluent.sessions.driver(), cache: app.sessionCache) }
    app.sessions.configuration.cookieName = "iceda_session"
    let secure = config.cookieSecure
    app.sessions.configuration.cookieFactory = { sessionID in
        // Max-Age rather than Expires: the same 14 days, without formatting a date for every response (Vapor builds a
        // DateFormatter per cookie: 16 % of a signed-in request's time, issue 10).
        HTTPCookies.Value(string: sessionID.string, expires: nil, maxAge: 60 * 60 * 24 * config.retention.sessionDays,
                          domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware(level: .info))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(MetricsMiddleware(metrics: app.iceda.metrics))
    app.middleware.use(IcedaErrorMiddleware())
    app.exports = ExportCache()
    app.middleware.use(ExportCacheMiddleware(cache: app.exports))
    if config.pageCacheSeconds > 0 {
        app.middleware.use(PageCacheMiddleware(cache: PageCache(ttl: .seconds(config.pageCacheSeconds)), cookieName: "iceda_session"))
    }
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(UserSessionMiddleware())

    // The kernel's migrations first, then each feature's in the order of `Features.all`; never edit one that shipped.
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(M001_Platform())
    for feature in app.features {
        try feature.prepare(app)
        for migration in feature.migrations { app.migrations.add(migration) }
    }
    // Kernel changes that shipped after the features' first migrations come after them.
    app.migrations.add(M016_KernelHardening())
    try routes(app)
    Commands.register(on: app)
}

/// Lets tests put each PostgreSQL test in its own schema.
public enum DatabaseSchemaOverride {
    @TaskLocal public static var current: String?
}

/// A SQLite file is switched to its write-ahead log once (the mode is kept in the file): readers no longer wait
/// for a writer nor a writer for readers, and a commit appends to the log instead of rewriting pages through a
/// rollback journal. Durability stays SQLite's default (`synchronous = FULL`: a commit is on disk when it returns).
struct SQLiteWriteAheadLog: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard let sql = application.db(.sqlite) as? SQLDatabase else { return }
        let mode = try await sql.raw("PRAGMA journal_mode = WAL").first()?.decode(column: "journal_mode", as: String.self)
        if mode?.lowercased() != "wal" { application.logger.warning("SQLite stays in journal mode \(mode ?? "?"): the write-ahead log could not be turned on") }
    }
}
