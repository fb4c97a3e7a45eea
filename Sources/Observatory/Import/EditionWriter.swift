// Stores one measurement (an imported benchmark edition or a published wave of our own) in the database:
// the edition, its public services with their scores, every assessed URL with its answers, every figure.
import Kernel
import Fluent
import Foundation
import Methods

enum EditionWriter {
    typealias B = EGovBenchmark

    /// What the edition says about itself.
    struct Metadata: Sendable {
        var name: String
        var origin: Edition.Origin
        var source: String
        var methodVersion: String
        var period: String
        var contentHash: String
    }

    /// Which figures to keep. A wave of our own is not the benchmark's two-year cycle, so its yearly
    /// columns would mislead, and its EU averages would only repeat its own country.
    struct Options: Sendable {
        var yearColumns = true
        var averages = true

        static let benchmark = Options()
        static let networkWave = Options(yearColumns: false, averages: false)
    }

    struct Written: Sendable {
        var edition: Edition
        var services: Int
        var urls: Int
        var scores: Int
    }

    /// Writes everything on `database`; call it inside a transaction so that it is all or nothing.
    static func write(_ metadata: Metadata, dataset: EGovBenchmarkDataset, results: B.Results, options: Options = .benchmark,
                      on database: Database) async throws -> Written {
        let edition = Edition()
        edition.name = metadata.name
        edition.origin = metadata.origin
        edition.source = metadata.source
        edition.methodVersion = metadata.methodVersion
        edition.period = metadata.period
        edition.contentHash = metadata.contentHash
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
                if case .year = column, !options.yearColumns { continue }
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
        for (country, table) in results.countries.sorted(by: { $0.key < $1.key }) { addTable(table, country: country.rawValue) }
        if options.averages {
            addTable(results.eu27Plus, country: "EU27+")
            addTable(results.eu27, country: "EU27")
        }

        try await insert(services, on: database)
        try await insert(urls, on: database)
        try await insert(scores, on: database)
        return Written(edition: edition, services: services.count, urls: urls.count, scores: scores.count)
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
}
