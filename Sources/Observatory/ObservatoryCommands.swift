// `iceda observatory …`: compute benchmark scores and check them against published results, from files.
import Kernel
import ConsoleKit
import Foundation
import Methods
import Vapor

enum ObservatoryCommands {
    static func group() -> any AsyncCommandGroup {
        var commands = AsyncCommands()
        commands.use(BenchmarkScoresCommand(), as: "benchmark-scores")
        commands.use(BenchmarkConsistencyCommand(), as: "benchmark-consistency")
        commands.use(ImportBenchmarkCommand(), as: "import-benchmark")
        commands.use(ImportUNSurveyCommand(), as: "import-un-survey")
        return commands.group(help: "The e-government observatory: benchmark computations from files.")
    }
}

/// Prints the biennial scores of every country in a folder of eGovernment Benchmark CSVs, and the EU27+ mean.
struct BenchmarkScoresCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "Folder with the benchmark CSVs (answers, portals, landscapes).") var from: String?
        @Option(name: "format", help: "Output format: json (the only one so far).") var format: String?
        @Flag(name: "report", help: "Also print the import report (every cleaned value, counted) to standard error.") var report: Bool
        @Flag(name: "timing", help: "Print the time spent parsing and computing to standard error (for scripts/bench).") var timing: Bool
    }
    var help: String { "Computes eGovernment Benchmark scores straight from CSV files, without the database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from else { throw CommandFailure(description: "--from DIR is required") }
        guard (signature.format ?? "json") == "json" else { throw CommandFailure(description: "--format must be json") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(description: "\(from): not a folder")
        }
        let url = URL(fileURLWithPath: from, isDirectory: true)
        do {
            let clock = ContinuousClock()
            let started = clock.now
            let (dataset, report) = try EGovBenchmarkDataset.load(from: url)
            let parsed = clock.now
            if signature.report { FileHandle.standardError.write(Data((report.description + "\n").utf8)) }
            let results = EGovBenchmark.Engine.compute(dataset)
            let computed = clock.now
            if signature.timing {
                let ms = { (d: Duration) in Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
                let line = String(format: "timing: parse_ms=%.1f compute_ms=%.1f countries=%d\n", ms(parsed - started), ms(computed - parsed), results.countries.count)
                FileHandle.standardError.write(Data(line.utf8))
            }
            FileHandle.standardOutput.write(EGovBenchmark.benchmarkScoresJSON(results: results) + Data("\n".utf8))
        } catch {
            throw CommandFailure(description: error.description + "\nNothing was computed.")
        }
    }
}

/// Lists every published cell that the recomputation does not give (published files beside the raw answers).
struct BenchmarkConsistencyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "Folder with the benchmark CSVs and published *-results-XX.csv / scores-XX.csv files.") var from: String?
    }
    var help: String { "Compares published benchmark results with the method's recomputation." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from else { throw CommandFailure(description: "--from DIR is required") }
        do {
            let report = try EGovBenchmark.consistencyReport(from: URL(fileURLWithPath: from, isDirectory: true))
            context.console.print(report.description)
        } catch {
            throw CommandFailure(description: error.description)
        }
    }
}

/// Stores a benchmark edition (raw answers, the service catalogue, every score) in the database.
struct ImportBenchmarkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "Folder with the benchmark CSVs.") var from: String?
    }
    var help: String { "Imports an eGovernment Benchmark edition: all of it or nothing; a published edition never changes." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from else { throw CommandFailure(description: "--from DIR is required") }
        let app = context.application
        try await app.autoMigrate()
        do {
            let outcome = try await BenchmarkImport.run(directory: URL(fileURLWithPath: from, isDirectory: true), on: app.db)
            if outcome.changed {
                context.console.print("Edition \(outcome.edition) imported: \(outcome.services) services, \(outcome.urls) assessed URLs, \(outcome.scores) scores.")
            } else {
                context.console.print("Edition \(outcome.edition) is already imported from the same files; nothing changed.")
            }
        } catch let refused as BenchmarkImport.Refused {
            throw CommandFailure(description: refused.description + "\nNothing was imported.")
        }
    }
}

/// Stores the UN E-Government Survey figures (all years in the folder).
struct ImportUNSurveyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "Folder with the UN E-Government Survey CSVs.") var from: String?
    }
    var help: String { "Imports UN E-Government Survey data: names mapped to ISO codes, mismatches and EGDI checks reported." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from else { throw CommandFailure(description: "--from DIR is required") }
        let app = context.application
        try await app.autoMigrate()
        do {
            let outcome = try await SurveyImport.run(directory: URL(fileURLWithPath: from, isDirectory: true), on: app.db)
            context.console.print(outcome.report.description)
            context.console.print("UN E-Government Survey: \(outcome.added) added, \(outcome.updated) updated, \(outcome.unchanged) unchanged.")
        } catch let refused as SurveyImport.Refused {
            throw CommandFailure(description: refused.description + "\nNothing was imported.")
        }
    }
}
