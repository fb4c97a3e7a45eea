// The CLI: migrate, seed, create-user, import, export, backup, worker (serve is Vapor's).
import ConsoleKit
import Fluent
import Foundation
import Localization
import SQLKit
import Vapor

enum Commands {
    static func register(on app: Application) {
        app.asyncCommands.use(MigrateAndSeedCommand(), as: "migrate")
        app.asyncCommands.use(SeedCommand(), as: "seed")
        app.asyncCommands.use(CreateUserCommand(), as: "create-user")
        var importGroup = AsyncCommands()
        importGroup.use(ImportOrganisationsCommand(), as: "organisations")
        app.asyncCommands.use(importGroup.group(help: "Imports data from files."), as: "import")
        var exportGroup = AsyncCommands()
        exportGroup.use(ExportOrganisationsCommand(), as: "organisations")
        exportGroup.use(ExportGrantsCommand(), as: "grants")
        app.asyncCommands.use(exportGroup.group(help: "Exports data to standard output."), as: "export")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(WorkerCommand(), as: "worker")
        app.asyncCommands.use(ObservatoryCommands.group(), as: "observatory")
        var grantsGroup = AsyncCommands()
        grantsGroup.use(GrantsBenchDataCommand(), as: "bench-data")
        app.asyncCommands.use(grantsGroup.group(help: "Grants tools."), as: "grants")
    }
}

/// A command failed in a way the user can fix; printed without a stack trace, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

struct MigrateAndSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Migrates the database to the current schema and seeds reference data (no prompt)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        try await NetworkSeed.seedReference(on: context.application.db)
        context.console.print("Database migrated; reference data present.")
    }
}

struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Also add demo data (only into a database without other organisations).")
        var demo: Bool
    }
    var help: String { "Migrates, seeds reference data and the first admin; --demo adds demo data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Bootstrap.prepare(app, demo: false)
        guard signature.demo else {
            context.console.print("Reference data present.")
            return
        }
        guard let created = try await Bootstrap.seedDemoIfEmpty(app) else {
            throw CommandFailure(description: "The database already holds organisations of its own; demo data is only added to an empty database.")
        }
        let grants = try await GrantsSeed.seedDemo(on: app.db) ?? 0
        let applications = try await GrantsCycleSeed.seed(on: app.db) ?? 0
        context.console.print("Demo data added: \(created) organisations, \(grants) awarded grants, \(applications) applications in every stage.")
    }
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address (the sign-in name).") var email: String?
        @Option(name: "name", help: "Display name.") var name: String?
        @Option(name: "role", help: "member, trainer, reviewer, researcher, staff or admin (default member).") var role: String?
        @Option(name: "password", help: "Password; a random one is printed when omitted.") var password: String?
        @Flag(name: "token", help: "Also create an API token for write calls and print it.") var token: Bool
    }
    var help: String { "Creates a user (and optionally an API token)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var problems: [String] = []
        let email = EmailAddress.normalised(signature.email ?? "")
        if !EmailAddress.isValid(email) { problems.append("--email must be an e-mail address") }
        let role = GlobalRole(rawValue: signature.role ?? "member")
        if role == nil { problems.append("--role must be one of: " + GlobalRole.allCases.map(\.rawValue).joined(separator: ", ")) }
        if let password = signature.password, password.count < PasswordPolicy.minimumLength {
            problems.append("--password must have at least \(PasswordPolicy.minimumLength) characters")
        }
        guard problems.isEmpty, let role else { throw CommandFailure(description: problems.joined(separator: "\n")) }
        try await app.autoMigrate()
        if try await User.query(on: app.db).filter(\.$email == email).count() > 0 {
            throw CommandFailure(description: "A user with the e-mail \(email) exists already.")
        }
        let password = signature.password ?? SecureToken.make(bytes: 12)
        let user = User(email: email, name: signature.name ?? email, passwordHash: try await app.password.async.hash(password), role: role)
        try await user.save(on: app.db)
        try await Audit.record(on: app.db, actor: nil, action: "user.create", targetType: "user", targetID: email, after: ["role": role.rawValue])
        context.console.print("User \(email) created with role \(role.rawValue).")
        if signature.password == nil { context.console.print("Password (shown only now): \(password)") }
        if signature.token {
            let token = SecureToken.make(bytes: 32)
            try await APIToken(userID: user.requireID(), tokenHash: SecureToken.sha256(token), label: "cli").save(on: app.db)
            context.console.print("API token (shown only now): \(token)")
        }
    }
}

struct ImportOrganisationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV file (UTF-8, RFC 4180) with the directory's columns.") var file: String
    }
    var help: String { "Imports organisations from CSV: all rows or none, errors as file:line: reason." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure(description: "\(signature.file): cannot be read")
        }
        guard data.count <= 50 * 1024 * 1024 else { throw CommandFailure(description: "\(signature.file): larger than 50 MB") }
        try await app.autoMigrate()
        let t = Translator(locale: .en)
        switch OrganisationCSV.parse(Array(data), fileName: signature.file, t: t) {
        case .failure(let failure):
            throw CommandFailure(description: failure.errors.joined(separator: "\n") + "\nNothing was imported.")
        case .success(let rows):
            let result = try await OrganisationCSV.save(rows, on: app.db)
            try await Audit.record(on: app.db, actor: nil, action: "organisation.import", targetType: "organisation", targetID: nil,
                                   after: ["file": signature.file, "created": String(result.created), "updated": String(result.updated)])
            context.console.print("Imported \(rows.count) rows: \(result.created) new, \(result.updated) updated.")
        }
    }
}

struct ExportOrganisationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format", help: "csv (default) or json") var format: String?
    }
    var help: String { "Prints all organisations as CSV or JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let organisations = try await Organisation.query(on: app.db).sort(\.$name).all()
        switch signature.format ?? "csv" {
        case "csv":
            FileHandle.standardOutput.write(Data(OrganisationCSV.export(organisations).utf8))
        case "json":
            let encoder = JSONEncoder.sorted
            encoder.outputFormatting.insert(.prettyPrinted)
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(try encoder.encode(organisations.map(OrganisationDTO.init)) + Data("\n".utf8))
        default:
            throw CommandFailure(description: "--format must be csv or json")
        }
    }
}

struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "Where to write the copy (default: the data folder, with a timestamp).") var to: String?
    }
    var help: String { "Writes a consistent copy of the SQLite database (for PostgreSQL use pg_dump; see the README)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard case .sqliteFile = app.iceda.config.database, let sql = app.db as? SQLDatabase else {
            throw CommandFailure(description: "backup copies SQLite databases. For PostgreSQL run: pg_dump --format=custom --file=iceda.dump \"$DATABASE_URL\"")
        }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        let target = signature.to ?? (app.iceda.config.dataDirectory as NSString).appendingPathComponent("backup-\(stamp).sqlite")
        guard !FileManager.default.fileExists(atPath: target) else { throw CommandFailure(description: "\(target) exists already") }
        // VACUUM INTO writes a transactionally consistent copy while the server keeps running.
        try await sql.raw("VACUUM INTO \(bind: target)").run()
        context.console.print("Backup written to \(target)")
    }
}

struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "once", help: "Run the periodic work (report reminders) and the due jobs, deliver e-mail once, then exit.") var once: Bool
    }
    var help: String { "Runs background jobs and e-mail delivery (the server also does, unless ICEDA_WORKER_IN_SERVER=false)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if signature.once {
            try await Worker.runPeriodic(app: app)
            let ran = try await Worker.runOnce(app: app)
            context.console.print("Ran \(ran) jobs.")
        } else {
            await Worker.loop(app: app)
        }
    }
}
