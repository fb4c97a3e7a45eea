// The kernel's commands: create-user, backup, worker (the app adds migrate and seed, features their own).
import ConsoleKit
import Fluent
import Foundation
import Localization
import SQLKit
import Vapor

/// A command failed in a way the user can fix; printed without a stack trace, exit status 1.
package struct CommandFailure: Error, CustomStringConvertible {
    package var description: String
    package init(description: String) {
        self.description = description
    }
}

package struct CreateUserCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address (the sign-in name).") package var email: String?
        @Option(name: "name", help: "Display name.") package var name: String?
        @Option(name: "role", help: "member, trainer, reviewer, researcher, staff or admin (default member).") package var role: String?
        @Option(name: "password", help: "Password; a random one is printed when omitted.") package var password: String?
        @Flag(name: "token", help: "Also create an API token for write calls and print it.") package var token: Bool
        package init() {}
    }
    package var help: String { "Creates a user (and optionally an API token)." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var problems: [String] = []
        let email = EmailAddress.normalised(signature.email ?? "")
        if !EmailAddress.isValid(email) { problems.append("--email must be an e-mail address") }
        let role = GlobalRole(rawValue: signature.role ?? "member")
        if role == nil { problems.append("--role must be one of: " + GlobalRole.allCases.map(\.rawValue).joined(separator: ", ")) }
        if let password = signature.password, password.count < PasswordPolicy.minimumLength {
            problems.append("--password must have at least \(PasswordPolicy.minimumLength) characters")
        }
        if let password = signature.password, PasswordPolicy.isTooLong(password) {
            problems.append("--password must have at most \(PasswordPolicy.maximumBytes) bytes (bcrypt ignores the rest)")
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
    package init() {}
}

package struct BackupCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "to", help: "Where to write the copy (default: the data folder, with a timestamp).") package var to: String?
        package init() {}
    }
    package var help: String { "Writes a consistent copy of the SQLite database (for PostgreSQL use pg_dump; see the README)." }

    package func run(using context: CommandContext, signature: Signature) async throws {
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
    package init() {}
}

package struct WorkerCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Flag(name: "once", help: "Run the periodic work (report reminders) and the due jobs, deliver e-mail once, then exit.") package var once: Bool
        package init() {}
    }
    package var help: String { "Runs background jobs and e-mail delivery (the server also does, unless ICEDA_WORKER_IN_SERVER=false)." }

    package func run(using context: CommandContext, signature: Signature) async throws {
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
    package init() {}
}
