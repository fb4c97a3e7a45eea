// Observatory figures as other features cite them (Dialogue's evidence): a benchmark score of a country, or an
// e-service's score, in a named edition — nil when the edition, country or figure does not exist.
import Fluent
import Foundation
import Kernel

package enum ObservatoryFigures {
    /// The published editions' names, newest first.
    package static func editions(on database: Database) async throws -> [String] {
        try await Edition.query(on: database).filter(\.$published == true).sort(\.$period, .descending).all().map(\.name)
    }

    /// A stored score, e.g. edition `2023`, country `AL`, column `biennial`, measure `overall` or `eID`.
    package static func score(edition: String, country: String, column: String, measure: String, on database: Database) async throws -> Double? {
        guard let edition = try await Edition.query(on: database).filter(\.$name == edition).filter(\.$published == true).first() else { return nil }
        return try await BenchmarkScore.query(on: database).filter(\.$editionID == edition.requireID()).filter(\.$country == country)
            .filter(\.$column == column).filter(\.$measure == measure).first()?.value
    }

    /// An e-service of the catalogue by its number, with its mean score in that edition.
    package static func service(edition: String, country: String, number: String, on database: Database) async throws -> (label: String, score: Double?)? {
        guard let edition = try await Edition.query(on: database).filter(\.$name == edition).filter(\.$published == true).first(),
              let service = try await PublicService.query(on: database).filter(\.$editionID == edition.requireID()).filter(\.$country == country)
                .filter(\.$number == number).first() else { return nil }
        return (service.label, service.meanScore)
    }
}
