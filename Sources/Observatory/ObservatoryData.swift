// Queries of the observatory, shared by its pages and its API.
import Kernel
import Fluent
import Foundation
import Methods

/// Names of what the benchmark measures, in the order pages show them.
enum BenchmarkVocabulary {
    static let dimensions = EGovBenchmark.KeyDimension.allCases.map(\.rawValue)
    static let indicators = EGovBenchmark.Indicator.allCases.map(\.rawValue)
    static let lifeEvents = EGovBenchmark.LifeEvent.allCases
    static func indicatorNumber(_ name: String) -> String {
        EGovBenchmark.Indicator(rawValue: name)?.number ?? ""
    }
    /// The programme's countries first, then the comparison averages.
    static let westernBalkans = ["AL", "BA", "XK", "ME", "MK", "RS"]
    static let averages = ["EU27+", "EU27"]
}

enum ObservatoryData {
    /// The newest published edition of the EU benchmark, if any was imported (the network's own waves
    /// are editions too, with origin `network`, and never count as the benchmark's newest).
    static func latestEdition(on database: Database) async throws -> Edition? {
        try await Edition.query(on: database).filter(\.$published == true).filter(\.$origin == .published)
            .sort(\.$name, .descending).first()
    }

    static func edition(named name: String?, on database: Database) async throws -> Edition? {
        guard let name else { return try await latestEdition(on: database) }
        return try await Edition.query(on: database).filter(\.$name == name).first()
    }

    static func services(edition: Edition, country: String, on database: Database) async throws -> [PublicService] {
        let id = try edition.requireID()
        return try await PublicService.query(on: database).filter(\.$editionID == id).filter(\.$country == country).all()
            .sorted { lhs, rhs in
                let l = lifeEventOrder(lhs.lifeEvent), r = lifeEventOrder(rhs.lifeEvent)
                if l != r { return l < r }
                if lhs.scope != rhs.scope { return lhs.scope == "national" }
                return lhs.number.compare(rhs.number, options: .numeric) == .orderedAscending
            }
    }

    static func lifeEventOrder(_ raw: String) -> Int {
        BenchmarkVocabulary.lifeEvents.firstIndex { $0.rawValue == raw } ?? 99
    }

    /// Countries that have scores in the edition (without the averages).
    static func countries(edition: Edition, on database: Database) async throws -> [String] {
        let id = try edition.requireID()
        let rows = try await BenchmarkScore.query(on: database).filter(\.$editionID == id)
            .filter(\.$column == "biennial").filter(\.$measure == "overall").all()
        return rows.map(\.country).filter { !BenchmarkVocabulary.averages.contains($0) }.sorted()
    }
}
