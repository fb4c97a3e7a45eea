// Settings, read only from the environment (and an optional .env file), validated all at once.
import Foundation

/// Every setting of the platform. See the README's table of environment variables.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var dataDirectory: String
    public var database: Database
    public var adminEmail: String?
    public var adminPassword: String?
    /// The public address, used in e-mails; `http://` turns off the cookie's `Secure` flag for local use.
    public var baseURL: String
    /// A sendmail-compatible command (`/usr/sbin/sendmail -t`); without it e-mails wait in the outbox.
    public var sendmailCommand: String?
    public var mailFrom: String
    public var cookieSecure: Bool
    /// Run the jobs worker inside the server process.
    public var runWorkerInServer: Bool
    public var bcryptCost: Int
    public var seedDemo: Bool
    /// Take the client's address from `X-Forwarded-For` (only behind a reverse proxy that sets it).
    public var trustForwardedFor: Bool = false
    /// How long anonymous visitors may be served a cached public page (0 turns the cache off).
    public var pageCacheSeconds: Int = 10
    /// How long a session read or written by this instance is served from memory (0: read the database every time).
    public var sessionCacheSeconds: Int = 2
    /// Days an admin, staff or researcher account may be used without two-factor sign-in after it was created;
    /// afterwards every page leads to the set-up first (issue 9).
    public var twoFactorGraceDays: Int = 14
    /// The bearer token `/metrics` asks for; without one, `/metrics` answers only direct connections from this machine.
    public var metricsToken: String?
    /// How long the kernel keeps security and delivery records (`Retention`).
    package var retention = RetentionPeriods()
    /// Where `--demo` looks for the eGovernment Benchmark CSVs.
    public var benchmarkDirectory: String = "../shared/data/egov-benchmark-2023"
    /// Where `--demo` looks for the UN E-Government Survey CSVs.
    public var unSurveyDirectory: String = "../shared/data/un-egov-survey"

    /// Problems found while reading the environment; all reported at once.
    public struct Invalid: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String {
            "The configuration has \(problems.count) problem(s):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
        package init(problems: [String]) {
            self.problems = problems
        }
    }

    /// Reads the settings from `environment`; throws `Invalid` listing every problem.
    public static func from(environment: [String: String]) throws -> AppConfig {
        var problems: [String] = []
        let env = environment.filter { !$0.value.isEmpty }

        let dataDirectory = env["ICEDA_DATA_DIR"] ?? "./iceda-data"
        var database = Database.sqliteFile((dataDirectory as NSString).appendingPathComponent("iceda.sqlite"))
        if let url = env["DATABASE_URL"] {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else if url == "sqlite::memory:" {
                database = .sqliteMemory
            } else if url.hasPrefix("sqlite://") {
                database = .sqliteFile(String(url.dropFirst("sqlite://".count)))
            } else {
                problems.append("DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got \(url.prefix(12))…)")
            }
        }

        let adminEmail = env["ICEDA_ADMIN_EMAIL"]
        if let adminEmail, !EmailAddress.isValid(adminEmail) {
            problems.append("ICEDA_ADMIN_EMAIL is not an e-mail address: \(adminEmail)")
        }
        let adminPassword = env["ICEDA_ADMIN_PASSWORD"]
        if let adminPassword, adminPassword.count < PasswordPolicy.minimumLength {
            problems.append("ICEDA_ADMIN_PASSWORD must have at least \(PasswordPolicy.minimumLength) characters")
        }
        if let adminPassword, PasswordPolicy.isTooLong(adminPassword) {
            problems.append("ICEDA_ADMIN_PASSWORD must have at most \(PasswordPolicy.maximumBytes) bytes (bcrypt ignores the rest)")
        }
        if adminPassword != nil, adminEmail == nil {
            problems.append("ICEDA_ADMIN_PASSWORD is set but ICEDA_ADMIN_EMAIL is not")
        }

        let baseURL = env["ICEDA_BASE_URL"] ?? "http://127.0.0.1:8080"
        if URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            problems.append("ICEDA_BASE_URL must be an http:// or https:// address (got \(baseURL))")
        }

        var cookieSecure = baseURL.hasPrefix("https://")
        if let value = env["ICEDA_COOKIE_SECURE"] {
            if let flag = Self.bool(value) { cookieSecure = flag } else {
                problems.append("ICEDA_COOKIE_SECURE must be true or false (got \(value))")
            }
        }
        var runWorker = true
        if let value = env["ICEDA_WORKER_IN_SERVER"] {
            if let flag = Self.bool(value) { runWorker = flag } else {
                problems.append("ICEDA_WORKER_IN_SERVER must be true or false (got \(value))")
            }
        }
        var seedDemo = false
        if let value = env["ICEDA_DEMO"] {
            if let flag = Self.bool(value) { seedDemo = flag } else {
                problems.append("ICEDA_DEMO must be true or false (got \(value))")
            }
        }
        var bcryptCost = 12
        if let value = env["ICEDA_BCRYPT_COST"] {
            if let cost = Int(value), (4...31).contains(cost) { bcryptCost = cost } else {
                problems.append("ICEDA_BCRYPT_COST must be a whole number from 4 to 31 (got \(value))")
            }
        }
        var trustForwardedFor = false
        if let value = env["ICEDA_TRUST_FORWARDED_FOR"] {
            if let flag = Self.bool(value) { trustForwardedFor = flag } else {
                problems.append("ICEDA_TRUST_FORWARDED_FOR must be true or false (got \(value))")
            }
        }
        var pageCacheSeconds = 10
        if let value = env["ICEDA_PAGE_CACHE_SECONDS"] {
            if let seconds = Int(value), (0...3600).contains(seconds) { pageCacheSeconds = seconds } else {
                problems.append("ICEDA_PAGE_CACHE_SECONDS must be a whole number from 0 to 3600 (got \(value))")
            }
        }
        var sessionCacheSeconds = 2
        if let value = env["ICEDA_SESSION_CACHE_SECONDS"] {
            if let seconds = Int(value), (0...60).contains(seconds) { sessionCacheSeconds = seconds } else {
                problems.append("ICEDA_SESSION_CACHE_SECONDS must be a whole number from 0 to 60 (got \(value))")
            }
        }
        var twoFactorGraceDays = 14
        if let value = env["ICEDA_TWO_FACTOR_GRACE_DAYS"] {
            if let days = Int(value), (0...365).contains(days) { twoFactorGraceDays = days } else {
                problems.append("ICEDA_TWO_FACTOR_GRACE_DAYS must be a whole number from 0 to 365 (got \(value))")
            }
        }
        let metricsToken = env["ICEDA_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let metricsToken, metricsToken.count < 16 {
            problems.append("ICEDA_METRICS_TOKEN must be at least 16 characters long")
        }
        var retention = RetentionPeriods()
        for (name, range, keyPath) in [("ICEDA_KEEP_SIGN_IN_ATTEMPTS_DAYS", 1...3650, \RetentionPeriods.signInAttemptDays),
                                       ("ICEDA_KEEP_SENT_MAIL_DAYS", 1...3650, \RetentionPeriods.sentMailDays),
                                       ("ICEDA_KEEP_AUDIT_ADDRESSES_DAYS", 1...3650, \RetentionPeriods.auditAddressDays),
                                       ("ICEDA_SESSION_DAYS", 1...90, \RetentionPeriods.sessionDays)] {
            guard let value = env[name] else { continue }
            if let days = Int(value), range.contains(days) { retention[keyPath: keyPath] = days } else {
                problems.append("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \(value))")
            }
        }
        let mailFrom = env["ICEDA_MAIL_FROM"] ?? "ICEDA Platform <no-reply@localhost>"

        guard problems.isEmpty else { throw Invalid(problems: problems) }
        return AppConfig(
            dataDirectory: dataDirectory, database: database, adminEmail: adminEmail, adminPassword: adminPassword,
            baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL, sendmailCommand: env["ICEDA_SENDMAIL"],
            mailFrom: mailFrom, cookieSecure: cookieSecure, runWorkerInServer: runWorker, bcryptCost: bcryptCost, seedDemo: seedDemo,
            trustForwardedFor: trustForwardedFor, pageCacheSeconds: pageCacheSeconds,
            benchmarkDirectory: env["ICEDA_BENCHMARK_DIR"] ?? "../shared/data/egov-benchmark-2023",
            unSurveyDirectory: env["ICEDA_UN_SURVEY_DIR"] ?? "../shared/data/un-egov-survey", sessionCacheSeconds: sessionCacheSeconds,
            twoFactorGraceDays: twoFactorGraceDays, metricsToken: metricsToken, retention: retention)
    }

    /// The process environment with an optional `.env` file underneath (the environment wins).
    public static func processEnvironment(dotEnvPath: String = ".env") -> [String: String] {
        var values = (try? String(contentsOfFile: dotEnvPath, encoding: .utf8)).map(parseDotEnv) ?? [:]
        for (key, value) in ProcessInfo.processInfo.environment { values[key] = value }
        return values
    }

    /// Parses `KEY=value` lines; `#` comments, blank lines and surrounding quotes are allowed.
    package static func parseDotEnv(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            var key = line[..<equals].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("export ") { key = String(key.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }

    package static func bool(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "1", "true", "yes", "on": true
        case "0", "false", "no", "off": false
        default: nil
        }
    }
    package init(dataDirectory: String, database: Database, adminEmail: String? = nil, adminPassword: String? = nil, baseURL: String, sendmailCommand: String? = nil, mailFrom: String, cookieSecure: Bool, runWorkerInServer: Bool, bcryptCost: Int, seedDemo: Bool, trustForwardedFor: Bool = false, pageCacheSeconds: Int = 10, benchmarkDirectory: String = "../shared/data/egov-benchmark-2023", unSurveyDirectory: String = "../shared/data/un-egov-survey", sessionCacheSeconds: Int = 2, twoFactorGraceDays: Int = 14, metricsToken: String? = nil, retention: RetentionPeriods = RetentionPeriods()) {
        self.metricsToken = metricsToken
        self.retention = retention
        self.sessionCacheSeconds = sessionCacheSeconds
        self.twoFactorGraceDays = twoFactorGraceDays
        self.dataDirectory = dataDirectory
        self.database = database
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.baseURL = baseURL
        self.sendmailCommand = sendmailCommand
        self.mailFrom = mailFrom
        self.cookieSecure = cookieSecure
        self.runWorkerInServer = runWorkerInServer
        self.bcryptCost = bcryptCost
        self.seedDemo = seedDemo
        self.trustForwardedFor = trustForwardedFor
        self.pageCacheSeconds = pageCacheSeconds
        self.benchmarkDirectory = benchmarkDirectory
        self.unSurveyDirectory = unSurveyDirectory
    }
}

/// Rules for passwords chosen by people.
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// bcrypt reads the first 72 bytes of a password and ignores the rest, so a longer one is refused with a clear
    /// message rather than silently shortened (pre-hashing would have changed every stored hash).
    public static let maximumBytes = 72

    /// Whether bcrypt would ignore part of the password.
    public static func isTooLong(_ password: String) -> Bool { password.utf8.count > maximumBytes }
}

/// A pragmatic e-mail address check: one `@`, something before, a dotted domain after, no spaces.
public enum EmailAddress {
    /// Works on Unicode scalars, not characters: a dot followed by a combining mark is still a dot.
    public static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 254, let at = scalars.firstIndex(of: "@"), at > 0 else { return false }
        let domain = scalars[(at + 1)...]
        guard domain.contains("."), !domain.contains("@"), domain.first != ".", domain.last != "." else { return false }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "<>,;\""))
        return !scalars.contains(where: { forbidden.contains($0) })
    }

    public static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
