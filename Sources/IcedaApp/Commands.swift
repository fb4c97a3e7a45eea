// The CLI: the kernel's commands, migrate and seed (which need every feature), and each feature's commands
// at their paths (`iceda export grants`, `iceda observatory …`). `serve` is Vapor's.
import ConsoleKit
import Fluent
import Foundation
import Kernel
import Vapor

enum Commands {
    static func register(on app: Application) {
        app.asyncCommands.use(MigrateAndSeedCommand(), as: "migrate")
        app.asyncCommands.use(SeedCommand(), as: "seed")
        app.asyncCommands.use(CreateUserCommand(), as: "create-user")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(WorkerCommand(), as: "worker")
        // Commands at a path of one word stand alone; longer paths are gathered into groups by their first word.
        let groupHelp = ["import": "Imports data from files.", "export": "Exports data to standard output."]
        var groups: [String: AsyncCommands] = [:]
        var helps: [String: String] = [:]
        var order: [String] = []
        for command in app.features.flatMap(\.commands) {
            guard let head = command.path.first else { continue }
            if command.path.count == 1 {
                app.asyncCommands.use(command.command, as: head)
                continue
            }
            if groups[head] == nil { groups[head] = AsyncCommands(); order.append(head) }
            groups[head]!.use(command.command, as: command.path[1])
            if let help = command.groupHelp { helps[head] = help }
        }
        for head in order {
            app.asyncCommands.use(groups[head]!.group(help: helps[head] ?? groupHelp[head] ?? ""), as: head)
        }
    }
}

struct MigrateAndSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Migrates the database to the current schema and seeds reference data (no prompt)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        for feature in app.features { try await feature.seedReference(app) }
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
        for feature in app.features {
            if let refusal = try await feature.demoRefusal(app) { throw CommandFailure(description: refusal) }
        }
        let added = try await Bootstrap.seedDemo(app)
        guard !added.isEmpty else {
            throw CommandFailure(description: "The database already holds data of its own; demo data is only added to an empty database.")
        }
        context.console.print((["Demo data added:"] + added.map { "- " + $0 }).joined(separator: "\n"))
    }
}

