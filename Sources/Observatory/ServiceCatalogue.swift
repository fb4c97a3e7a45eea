// The e-service catalogue as other features see it (Centres names the e-service a citizen was helped with):
// the services of the newest published edition that covers a country, by their benchmark number.
import Fluent
import Foundation
import Kernel
import Synchronization

package enum ServiceCatalogue {
    package struct Entry: Sendable, Equatable {
        /// What a case stores: the life event and the benchmark's number, e.g. `family/3.2`. The number alone is not
        /// enough: the benchmark numbers services within each life event, so `1.1` is a service of every life event.
        package var code: String { lifeEvent + "/" + number }
        /// The benchmark's number within its life event, e.g. `3.2`.
        package var number: String
        package var label: String
        package var lifeEvent: String
    }

    /// The life event and the number of a case's service code (`family/3.2` → `("family", "3.2")`); nil for anything else.
    package static func parts(of code: String) -> (lifeEvent: String, number: String)? {
        let parts = code.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The country's services in the newest published edition that has any for it, in the benchmark's order.
    package static func services(country: String, on database: Database) async throws -> [Entry] {
        let editions = try await Edition.query(on: database).filter(\.$published == true).sort(\.$period, .descending).all()
        for edition in editions {
            let key = try "\(edition.requireID()) \(country)"
            // A published edition never changes: its list is read once (a case form and every case saved ask for it).
            if let cached = cache.withLock({ $0[key] }) {
                if cached.isEmpty { continue }
                return cached
            }
            let services = try await PublicService.query(on: database).filter(\.$editionID == edition.requireID())
                .filter(\.$country == country).filter(\.$applicable == true).all()
            func order(_ number: String) -> [Int] { number.split(separator: ".").map { Int($0) ?? 0 } }
            let entries = services.sorted {
                $0.lifeEvent != $1.lifeEvent ? $0.lifeEvent < $1.lifeEvent : order($0.number).lexicographicallyPrecedes(order($1.number))
            }.map {
                Entry(number: $0.number, label: $0.label, lifeEvent: $0.lifeEvent)
            }
            cache.withLock { cache in
                if cache.count >= 1_000 { cache.removeAll() }
                cache[key] = entries
            }
            if !entries.isEmpty { return entries }
        }
        return []
    }

    /// Published editions' lists by "edition-id country" (an edition's id is never reused, so entries never go stale).
    private static let cache = Mutex([String: [Entry]]())
}
