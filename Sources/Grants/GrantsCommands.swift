// `iceda export grants`: the register of awarded grants as a 360Giving package or CSV on standard output.
import Kernel
import Network
import ConsoleKit
import Foundation
import Vapor

struct ExportGrantsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format", help: "360giving (default) or csv") var format: String?
    }
    var help: String { "Prints the awarded grants as a 360Giving 1.4 data package (JSON) or as CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let data = try await Self.export(app, format: signature.format ?? "360giving")
        FileHandle.standardOutput.write(data)
    }

    /// What the command prints, so tests can read it.
    static func export(_ app: Application, format: String) async throws -> Data {
        guard format == "360giving" || format == "csv" else { throw CommandFailure(description: "--format must be 360giving or csv") }
        try await app.autoMigrate()
        if format == "csv" { return Data(GrantsExport.csv(try await GrantsData.register(on: app.db)).utf8) }
        do {
            return try await GrantsExport.threeSixtyGivingData(on: app.db, baseURL: app.iceda.config.baseURL)
        } catch let nothing as GrantsExport.NothingToPublish {
            throw CommandFailure(description: "No 360Giving package can be written:\n" + nothing.description)
        }
    }
}
