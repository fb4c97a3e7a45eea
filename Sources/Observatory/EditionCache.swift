// Published editions never change, so their scores and services are read from the database once.
import Kernel
import Fluent
import Foundation
import Synchronization
import Vapor

final class EditionCache: Sendable {
    /// country → column → measure → value
    typealias Scores = [String: [String: [String: Double]]]

    private let scores = Mutex([UUID: Scores]())
    private let services = Mutex([String: [PublicService]]())

    /// Every score of a published edition (loaded once); unpublished editions are always read afresh.
    func scores(of edition: Edition, on database: Database) async throws -> Scores {
        let id = try edition.requireID()
        if edition.published, let cached = scores.withLock({ $0[id] }) { return cached }
        var table: Scores = [:]
        for row in try await BenchmarkScore.query(on: database).filter(\.$editionID == id).all() {
            table[row.country, default: [:]][row.column, default: [:]][row.measure] = row.value
        }
        if edition.published { scores.withLock { $0[id] = table } }
        return table
    }

    /// The services of a country in a published edition, in page order (loaded once). Read-only.
    func services(of edition: Edition, country: String, on database: Database) async throws -> [PublicService] {
        let key = try "\(edition.requireID()) \(country)"
        if edition.published, let cached = services.withLock({ $0[key] }) { return cached }
        let list = try await ObservatoryData.services(edition: edition, country: country, on: database)
        if edition.published { services.withLock { $0[key] = list } }
        return list
    }
}

struct EditionCacheKey: StorageKey { typealias Value = EditionCache }

extension Application {
    /// Set by the feature's `prepare` before any route runs.
    var editionCache: EditionCache {
        get { storage[EditionCacheKey.self]! }
        set { storage[EditionCacheKey.self] = newValue }
    }
}

extension Request {
    var editionCache: EditionCache { application.editionCache }
}
