import Foundation
import Testing
@testable import Methods

/// Hand-made services and JSON helpers shared by the CPSV-AP tests.
enum CPSVAPFixtures {
    static let base = "https://iceda.example.org"
    static let serviceIRI = "https://iceda.example.org/id/public-service/AL/business-start-up/1.1"
    static let organisationIRI = "https://iceda.example.org/id/public-organisation/AL-QKB"
    static let albaniaIRI = "http://publications.europa.eu/resource/authority/country/ALB"

    /// The Albanian business registration, with every optional part filled.
    static var albanianRegistration: CPSVAP.PublicService {
        CPSVAP.PublicService(
            id: "AL/business-start-up/1.1",
            name: ["en": "Registration of a business", "sq": "Regjistrimi i biznesit"],
            description: ["en": "Registering a sole trader or company.", "sq": "Regjistrimi i personit fizik ose juridik."],
            competentAuthority: CPSVAP.PublicOrganisation(
                id: "AL-QKB", name: ["en": "National Business Centre", "sq": "Qendra Kombëtare e Biznesit"],
                spatial: [.country("AL", name: ["en": "Albania", "sq": "Shqipëria"])]),
            lifeEvents: [.benchmark(.businessStartUp, name: ["sq": "Fillimi i biznesit"])],
            type: .transactional,
            channels: [CPSVAP.Channel(url: "https://e-albania.al")],
            cost: CPSVAP.Cost(amount: 100, currency: "ALL"),
            evidence: [CPSVAP.Evidence(name: ["en": "Identity document", "sq": "Dokument identifikimi"])],
            output: CPSVAP.Output(name: ["en": "Registration certificate", "sq": "Certifikata e regjistrimit"]),
            level: .national,
            spatial: [.country("AL")])
    }

    /// A service with only the mandatory parts.
    static var minimal: CPSVAP.PublicService {
        CPSVAP.PublicService(
            id: "ME/family/2",
            name: ["en": "Child allowance"], description: ["en": "Monthly allowance for children."],
            competentAuthority: CPSVAP.PublicOrganisation(id: "ME-MRSS", name: ["en": "Ministry of Social Welfare"],
                                                          spatial: [.country("ME")]))
    }

    /// A Serbian service named in both scripts.
    static var serbianVehicle: CPSVAP.PublicService {
        CPSVAP.PublicService(
            id: "RS/transport/1",
            name: ["sr-Latn": "Registracija vozila", "sr-Cyrl": "Регистрација возила", "en": "Vehicle registration"],
            description: ["sr-Latn": "Registracija motornog vozila.", "sr-Cyrl": "Регистрација моторног возила."],
            competentAuthority: CPSVAP.PublicOrganisation(
                id: "RS-MUP", name: ["sr-Latn": "Ministarstvo unutrašnjih poslova", "sr-Cyrl": "Министарство унутрашњих послова"],
                spatial: [.country("RS")]),
            lifeEvents: [.benchmark(.transport)],
            type: .informational,
            channels: [CPSVAP.Channel(url: "https://euprava.gov.rs/")],
            cost: .free(),
            level: .national,
            spatial: [.country("RS")])
    }

    /// The parsed document.
    static func document(_ services: [CPSVAP.PublicService], base: String = base) throws -> [String: Any] {
        let data = CPSVAP.jsonLD(services: services, baseURL: base)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The `@graph` nodes of the parsed document.
    static func graph(_ services: [CPSVAP.PublicService], base: String = base) throws -> [[String: Any]] {
        try #require(try document(services, base: base)["@graph"] as? [[String: Any]])
    }

    /// The node with `@id` equal to `iri`.
    static func node(_ iri: String, in graph: [[String: Any]]) -> [String: Any]? {
        graph.first { $0["@id"] as? String == iri }
    }

    /// The `@type` of a node as a set.
    static func types(_ node: [String: Any]?) -> Set<String> {
        if let single = node?["@type"] as? String { return [single] }
        return Set(node?["@type"] as? [String] ?? [])
    }

    /// Language tag → text of a language-tagged property.
    static func texts(_ node: [String: Any]?, _ property: String) -> [String: String] {
        var out: [String: String] = [:]
        for value in node?[property] as? [[String: String]] ?? [] {
            if let language = value["@language"], let text = value["@value"] { out[language] = text }
        }
        return out
    }

    /// The `@id`s a property refers to.
    static func refs(_ node: [String: Any]?, _ property: String) -> [String] {
        (node?[property] as? [[String: String]] ?? []).compactMap { $0["@id"] }
    }
}
