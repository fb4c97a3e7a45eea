// Maps the catalogue's services to CPSV-AP 3.2 public services.
import Kernel
import Foundation
import Methods

enum CatalogueExport {
    static func cpsv(_ service: PublicService, urls: [String]) -> CPSVAP.PublicService {
        let lifeEvent = EGovBenchmark.LifeEvent.allCases.first { $0.rawValue.lowercased() == service.lifeEvent.lowercased() }
        let country = CPSVAP.Location.country(service.country)
        // The benchmark's landscape names services, not their authorities: the competent authority is the
        // country's public administration until researchers record the actual body.
        let authority = CPSVAP.PublicOrganisation(
            id: "\(service.country)/public-administration",
            name: ["en": "Public administration of \(service.country)"], spatial: [country])
        let scopeSegment = service.scope == "national" ? "" : "cross-border/"
        return CPSVAP.PublicService(
            id: "\(service.country)/\(lifeEvent?.pathSegment ?? service.lifeEvent)/\(scopeSegment)\(service.number)",
            name: ["en": service.label],
            description: ["en": "\(service.label) (\(lifeEvent?.englishName ?? service.lifeEvent), \(service.scope) service, as catalogued by the EU eGovernment Benchmark)"],
            competentAuthority: authority,
            lifeEvents: lifeEvent.map { [CPSVAP.LifeEventRef.benchmark($0)] } ?? [],
            type: CPSVAP.ServiceType(rawValue: service.serviceType),
            channels: Array(Set(urls)).sorted().map { CPSVAP.Channel(url: $0) },
            level: CPSVAP.GovernmentLevel(rawValue: service.level),
            spatial: [country])
    }
}
