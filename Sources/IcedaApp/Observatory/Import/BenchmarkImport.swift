// Imports an eGovernment Benchmark edition into the database: all or nothing, and immutable once published.
import Crypto
import Fluent
import Foundation
import Methods
import SQLKit

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
        return try await database.transaction { database in
            let edition = Edition()
            edition.name = name
            edition.origin = .published
            edition.source = source
            edition.methodVersion = methodVersion
            edition.period = B.years.map(String.init).joined(separator: "+")
            edition.contentHash = hash
            edition.published = true
            try await edition.save(on: database)
            let editionID = try edition.requireID()

            var services: [PublicService] = []
            var urls: [AssessedURL] = []
            func add(_ landscape: B.LandscapeService, scores: [String: Double?], rows: [(url: String, answers: [String: String])]) {
                let service = PublicService()
                service.id = UUID()
                service.editionID = editionID
                service.country = landscape.key.country.rawValue
                service.scope = landscape.scope == .national ? "national" : "cross-border"
                service.lifeEvent = landscape.key.lifeEvent.rawValue
                service.number = landscape.key.number
                service.label = landscape.label
                service.serviceType = landscape.flags.type.rawValue
                service.level = landscape.flags.level.rawValue
                service.applicable = landscape.flags.applicable
                service.proactive = landscape.flags.proactive
                let present = scores.compactMapValues { $0 }
                service.scoresJSON = json(present)
                service.meanScore = present.isEmpty ? nil : present.values.reduce(0, +) / Double(present.count)
                services.append(service)
                for (position, row) in rows.enumerated() {
                    let url = AssessedURL()
                    url.serviceID = service.id!
                    url.position = position + 1
                    url.url = row.url
                    url.answersJSON = json(row.answers)
                    urls.append(url)
                }
            }
            for key in dataset.nationalServices.keys.sorted() {
                let landscape = dataset.nationalServices[key]!
                let s = results.nationalServices[key]
                let scores: [String: Double?] = [
                    "onlineAvailability": s?.onlineAvailability, "mobileFriendliness": s?.mobileFriendliness,
                    "serviceDelivery": s?.serviceDelivery, "eID": s?.eID, "eDocuments": s?.eDocuments, "prefilledForms": s?.prefilledForms,
                ]
                let rows = (dataset.nationalAnswers[key] ?? []).map { row in
                    var answers = Dictionary(uniqueKeysWithValues: B.NationalQuestion.allCases.map { ($0.code, code(row[$0])) })
                    answers["MF"] = row.mobileFriendliness.map { String(format: "%g", $0) } ?? ""
                    return (url: row.url, answers: answers)
                }
                add(landscape, scores: scores, rows: rows)
            }
            for key in dataset.crossBorderServices.keys.sorted() {
                let landscape = dataset.crossBorderServices[key]!
                let s = results.crossBorderServices[key]
                let scores: [String: Double?] = ["onlineAvailability": s?.onlineAvailability, "eID": s?.eID, "eDocuments": s?.eDocuments]
                let rows = (dataset.crossBorderAnswers[key] ?? []).map { row in
                    (url: row.url, answers: Dictionary(uniqueKeysWithValues: B.CrossBorderQuestion.allCases.map { ($0.code, code(row[$0])) }))
                }
                add(landscape, scores: scores, rows: rows)
            }

            var scores: [BenchmarkScore] = []
            func addTable(_ table: B.ScoreTable, country: String) {
                for column in B.ScoreColumn.all {
                    let set = table[column]
                    for measure in B.Measure.allCases {
                        guard let value = set[measure], value.isFinite else { continue }
                        let score = BenchmarkScore()
                        score.editionID = editionID
                        score.country = country
                        score.column = ScoreKey.column(column)
                        score.measure = measure.description
                        score.value = value
                        scores.append(score)
                    }
                }
            }
            for (country, table) in results.countries { addTable(table, country: country.rawValue) }
            addTable(results.eu27Plus, country: "EU27+")
            addTable(results.eu27, country: "EU27")

            try await insert(services, on: database)
            try await insert(urls, on: database)
            try await insert(scores, on: database)
            return Outcome(edition: name, changed: true, services: services.count, urls: urls.count, scores: scores.count, report: report.description)
        }
    }

    /// Inserts in batches: one statement per few hundred rows keeps SQLite and PostgreSQL fast.
    static func insert<M: Model>(_ models: [M], on database: Database, batch: Int = 400) async throws {
        var start = 0
        while start < models.count {
            let end = min(start + batch, models.count)
            try await Array(models[start..<end]).create(on: database)
            start = end
        }
    }

    static func code(_ value: B.AnswerValue) -> String {
        switch value {
        case .yes: "Y"
        case .no: "N"
        case .notRelevant: "NR"
        case .blank: ""
        }
    }

    static func json(_ value: some Encodable) -> String {
        String(decoding: (try? JSONEncoder.sorted.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
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
