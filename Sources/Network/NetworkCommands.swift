// `iceda import organisations FILE` and `iceda export organisations [--format csv|json]`.
import ConsoleKit
import Fluent
import Foundation
import Kernel
import Localization
import Vapor

struct ImportOrganisationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV file (UTF-8, RFC 4180) with the directory's columns.") var file: String
        package init() {}
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
    package init() {}
}

struct ExportOrganisationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format", help: "csv (default) or json") var format: String?
        package init() {}
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
    package init() {}
}

