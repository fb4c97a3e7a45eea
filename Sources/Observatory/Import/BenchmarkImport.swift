// Imports an eGovernment Benchmark edition into the database: all or nothing, and immutable once published.
import Kernel
import Crypto
import Fluent
import Foundation
import Methods

enum BenchmarkImport {
    typealias B = EGovBenchmark

    struct Outcome: Sendable {
        var edition: String
        var changed: Bool
        var services: Int
        var urls: Int
        var scores: Int
        var report: String
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static let source = "European Commission, DG CONNECT, eGovernment Benchmark 2023 — final results (CC BY 4.0)"
    static let methodVersion = "eGovernment Benchmark method paper 2020–2023, 2nd ed. (Feb 2023), as in docs/methods/egov-benchmark.md"

    /// Reads the folder, computes every score, and stores the edition in one transaction.
    static func run(directory: URL, on database: Database) async throws -> Outcome {
        let (dataset, report): (EGovBenchmarkDataset, B.ImportReport)
        do {
            (dataset, report) = try EGovBenchmarkDataset.load(from: directory)
        } catch {
            throw Refused(description: error.description)
        }
        let hash = try contentHash(directory)
        let name = B.edition
        if let existing = try await Edition.query(on: database).filter(\.$name == name).first() {
            if existing.contentHash == hash {
                return Outcome(edition: name, changed: false, services: 0, urls: 0, scores: 0, report: report.description)
            }
            throw Refused(description: "Edition \(name) is published and cannot change; these files differ from the ones it was imported from.")
        }
        let results = B.Engine.compute(dataset)
        let metadata = EditionWriter.Metadata(
            name: name, origin: .published, source: source, methodVersion: methodVersion,
            period: B.years.map(String.init).joined(separator: "+"), contentHash: hash)
        let written = try await database.transaction { database in
            try await EditionWriter.write(metadata, dataset: dataset, results: results, options: .benchmark, on: database)
        }
        return Outcome(edition: name, changed: true, services: written.services, urls: written.urls, scores: written.scores,
                       report: report.description)
    }

    /// SHA-256 over the names and bytes of the folder's CSV files, in name order.
    static func contentHash(_ directory: URL) throws -> String {
        var hasher = SHA256()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }.sorted()
        for name in names {
            hasher.update(data: Data(name.utf8))
            hasher.update(data: try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// How score columns are written in the database and URLs.
enum ScoreKey {
    static func column(_ column: EGovBenchmark.ScoreColumn) -> String {
        switch column {
        case .biennial: "biennial"
        case .business: "business"
        case .citizen: "citizen"
        case .year(let year): "year-\(year)"
        case .lifeEvent(let event): "life-event-\(event.rawValue)"
        case .level(let level): "level-\(level.rawValue)"
        }
    }
}
