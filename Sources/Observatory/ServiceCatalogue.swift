// The e-service catalogue as other features see it (Centres names the e-service a citizen was helped with):
// the services of the newest published edition that covers a country, by their benchmark number.
import Fluent
import Foundation
import Kernel

package enum ServiceCatalogue {
    package struct Entry: Sendable, Equatable {
        /// The benchmark's number, e.g. `3.2`: stable within an edition, what a case stores.
        package var code: String
        package var label: String
        package var lifeEvent: String
    }

    /// The country's services in the newest published edition that has any for it, in the benchmark's order.
    package static func services(country: String, on database: Database) async throws -> [Entry] {
        let editions = try await Edition.query(on: database).filter(\.$published == true).sort(\.$period, .descending).all()
        for edition in editions {
            let services = try await PublicService.query(on: database).filter(\.$editionID == edition.requireID())
                .filter(\.$country == country).filter(\.$applicable == true).all()
            guard !services.isEmpty else { continue }
            func order(_ number: String) -> [Int] { number.split(separator: ".").map { Int($0) ?? 0 } }
            return services.sorted { order($0.number).lexicographicallyPrecedes(order($1.number)) }.map {
                Entry(code: $0.number, label: $0.label, lifeEvent: $0.lifeEvent)
            }
        }
        return []
    }
}
