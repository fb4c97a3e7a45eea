import Foundation
import Testing
@testable import Methods

@Suite("CPSV-AP JSON-LD structure")
struct CPSVAPStructureTests {
    typealias F = CPSVAPFixtures

    @Test func documentHasInlineContextAndSortedGraph() throws {
        let document = try F.document([F.albanianRegistration, F.minimal])
        #expect(Set(document.keys) == ["@context", "@graph"])
        let context = try #require(document["@context"] as? [String: String])
        // The namespaces CPSV-AP 3.2 and the vocabularies it reuses publish.
        #expect(context == [
            "cpsv": "http://purl.org/vocab/cpsv#", "cv": "http://data.europa.eu/m8g/", "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/", "locn": "http://www.w3.org/ns/locn#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        ])
        let ids = try F.graph([F.albanianRegistration, F.minimal]).compactMap { $0["@id"] as? String }
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(ids).count == ids.count)
    }

    @Test func serviceHasMandatoryPropertiesWithLanguageTags() throws {
        let graph = try F.graph([F.albanianRegistration])
        let service = try #require(F.node(F.serviceIRI, in: graph))
        #expect(F.types(service) == ["cpsv:PublicService"])
        #expect(service["dct:identifier"] as? [String] == [F.serviceIRI])
        #expect(F.texts(service, "dct:title") == ["en": "Registration of a business", "sq": "Regjistrimi i biznesit"])
        #expect(F.texts(service, "dct:description")["sq"] == "Regjistrimi i personit fizik ose juridik.")
        #expect(F.refs(service, "cv:hasCompetentAuthority") == [F.organisationIRI])
        #expect(F.refs(service, "dct:spatial") == [F.albaniaIRI])
    }

    @Test func competentAuthorityIsPublicOrganisationWithLocation() throws {
        let graph = try F.graph([F.albanianRegistration])
        let organisation = try #require(F.node(F.organisationIRI, in: graph))
        #expect(F.types(organisation) == ["cv:PublicOrganisation"])
        #expect(organisation["dct:identifier"] as? [String] == ["AL-QKB"])
        #expect(F.texts(organisation, "skos:prefLabel") == ["en": "National Business Centre", "sq": "Qendra Kombëtare e Biznesit"])
        #expect(F.texts(organisation, "dct:title") == F.texts(organisation, "skos:prefLabel"))
        #expect(F.refs(organisation, "dct:spatial") == [F.albaniaIRI])
        let country = try #require(F.node(F.albaniaIRI, in: graph))
        #expect(F.types(country) == ["dct:Location"])
        #expect(F.texts(country, "locn:geographicName") == ["en": "Albania", "sq": "Shqipëria"])
    }

    @Test func serbianScriptsKeepTheirTags() throws {
        let graph = try F.graph([F.serbianVehicle])
        let service = try #require(F.node(F.base + "/id/public-service/RS/transport/1", in: graph))
        #expect(F.texts(service, "dct:title") == [
            "sr-Latn": "Registracija vozila", "sr-Cyrl": "Регистрација возила", "en": "Vehicle registration",
        ])
        let organisation = try #require(F.node(F.base + "/id/public-organisation/RS-MUP", in: graph))
        #expect(F.texts(organisation, "skos:prefLabel")["sr-Cyrl"] == "Министарство унутрашњих послова")
        #expect(F.refs(organisation, "dct:spatial") == ["http://publications.europa.eu/resource/authority/country/SRB"])
    }

    @Test func lifeEventsAreTypedEvents() throws {
        let graph = try F.graph([F.albanianRegistration, F.serbianVehicle])
        let service = try #require(F.node(F.serviceIRI, in: graph))
        let startUp = F.base + "/id/event/business-start-up"
        #expect(F.refs(service, "cv:isGroupedBy") == [startUp])
        let business = try #require(F.node(startUp, in: graph))
        #expect(F.types(business) == ["cv:BusinessEvent", "cv:Event"])
        #expect(business["dct:identifier"] as? [String] == [startUp])
        #expect(F.texts(business, "dct:title") == ["en": "Business start-up", "sq": "Fillimi i biznesit"])
        let transport = try #require(F.node(F.base + "/id/event/transport", in: graph))
        #expect(F.types(transport) == ["cv:Event", "cv:LifeEvent"])
    }

    @Test func typeAndLevelAreConceptsOfOwnSchemes() throws {
        let graph = try F.graph([F.albanianRegistration])
        let service = try #require(F.node(F.serviceIRI, in: graph))
        let transactional = F.base + "/id/concept/service-type/transactional"
        let national = F.base + "/id/concept/government-level/national"
        #expect(Set(F.refs(service, "cv:isClassifiedBy")) == [transactional, national])
        let concept = try #require(F.node(transactional, in: graph))
        #expect(F.types(concept) == ["skos:Concept"])
        #expect(F.texts(concept, "skos:prefLabel") == ["en": "Transactional"])
        #expect(F.refs(concept, "skos:inScheme") == [F.base + "/id/concept-scheme/service-type"])
        #expect(F.types(F.node(F.base + "/id/concept-scheme/service-type", in: graph)) == ["skos:ConceptScheme"])
    }

    @Test func channelCostEvidenceAndOutput() throws {
        let graph = try F.graph([F.albanianRegistration])
        let service = try #require(F.node(F.serviceIRI, in: graph))

        let channelIRI = F.serviceIRI + "/channel/1"
        #expect(F.refs(service, "cv:hasChannel") == [channelIRI])
        let channel = try #require(F.node(channelIRI, in: graph))
        #expect(F.types(channel) == ["cv:Channel"])
        #expect(channel["dct:identifier"] as? [String] == [channelIRI])
        #expect(F.refs(channel, "foaf:page") == ["https://e-albania.al"])
        #expect(F.refs(channel, "dct:type") == [F.base + "/id/concept/channel-type/website"])

        let cost = try #require(F.node(F.serviceIRI + "/cost", in: graph))
        #expect(F.types(cost) == ["cv:Cost"])
        #expect(cost["cv:hasValue"] as? [[String: String]] == [["@type": "xsd:double", "@value": "100.0"]])
        let currency = "http://publications.europa.eu/resource/authority/currency/ALL"
        #expect(F.refs(cost, "cv:currency") == [currency])
        #expect(F.types(F.node(currency, in: graph)) == ["skos:Concept"])

        let evidenceIRI = F.serviceIRI + "/evidence/1"
        #expect(F.refs(service, "cpsv:hasInput") == [evidenceIRI])
        let evidence = try #require(F.node(evidenceIRI, in: graph))
        #expect(F.types(evidence) == ["cv:Evidence"])
        #expect(F.texts(evidence, "dct:title")["en"] == "Identity document")

        #expect(F.refs(service, "cpsv:produces") == [F.serviceIRI + "/output"])
        let output = try #require(F.node(F.serviceIRI + "/output", in: graph))
        #expect(F.types(output) == ["cv:Output"])
        #expect(F.texts(output, "dct:title")["sq"] == "Certifikata e regjistrimit")
    }

    @Test func freeCostIsZeroWithoutCurrency() throws {
        let graph = try F.graph([F.serbianVehicle])
        let cost = try #require(F.node(F.base + "/id/public-service/RS/transport/1/cost", in: graph))
        #expect(cost["cv:hasValue"] as? [[String: String]] == [["@type": "xsd:double", "@value": "0.0"]])
        #expect(cost["cv:currency"] == nil)
        #expect(CPSVAP.Cost.free().isFree)
    }

    @Test func emptyOptionalPartsAreOmitted() throws {
        let graph = try F.graph([F.minimal])
        let service = try #require(F.node(F.base + "/id/public-service/ME/family/2", in: graph))
        #expect(Set(service.keys) == [
            "@id", "@type", "dct:identifier", "dct:title", "dct:description", "cv:hasCompetentAuthority",
        ])
        let types = graph.reduce(into: Set<String>()) { $0.formUnion(F.types($1)) }
        #expect(types == ["cpsv:PublicService", "cv:PublicOrganisation", "dct:Location"])
        let country = try #require(F.node("http://publications.europa.eu/resource/authority/country/MNE", in: graph))
        #expect(Set(country.keys) == ["@id", "@type"])
        #expect(CPSVAP.problems(services: [F.minimal], baseURL: F.base).isEmpty)
    }

    @Test func emptyCatalogueIsAnEmptyGraph() throws {
        #expect(try F.graph([]).isEmpty)
    }

    @Test func kosovoAndMunicipalitiesGetMintedLocations() throws {
        var service = F.minimal
        service.id = "MK/family/kindergarten"
        service.spatial = [.country("MK"), .municipality(country: "mk", id: "Skopje", name: ["mk": "Скопје", "en": "Skopje"])]
        service.competentAuthority = CPSVAP.PublicOrganisation(id: "XK-ARBK", name: ["sq": "ARBK"], spatial: [.country("xk")])
        let graph = try F.graph([service])
        let node = try #require(F.node(F.base + "/id/public-service/MK/family/kindergarten", in: graph))
        #expect(Set(F.refs(node, "dct:spatial")) == [
            "http://publications.europa.eu/resource/authority/country/MKD", F.base + "/id/location/MK/Skopje",
        ])
        #expect(F.texts(F.node(F.base + "/id/location/MK/Skopje", in: graph), "locn:geographicName")["mk"] == "Скопје")
        let organisation = F.node(F.base + "/id/public-organisation/XK-ARBK", in: graph)
        #expect(F.refs(organisation, "dct:spatial") == [F.base + "/id/location/XK"])
        #expect(F.types(F.node(F.base + "/id/location/XK", in: graph)) == ["dct:Location"])
    }

    @Test func sharedNodesAppearOnceAndMergeLanguages() throws {
        var first = F.minimal
        var second = F.minimal
        second.id = "ME/family/3"
        first.competentAuthority.name = ["en": "Ministry of Social Welfare"]
        second.competentAuthority.name = ["en": "Other spelling", "sr-Latn": "Ministarstvo socijalnog staranja"]
        let graph = try F.graph([second, first])
        let organisations = graph.filter { F.types($0).contains("cv:PublicOrganisation") }
        #expect(organisations.count == 1)
        // Services are processed in IRI order: ME/family/2 first, so its English name wins.
        #expect(F.texts(organisations.first, "skos:prefLabel") == [
            "en": "Ministry of Social Welfare", "sr-Latn": "Ministarstvo socijalnog staranja",
        ])
        #expect(organisations.first?["dct:identifier"] as? [String] == ["ME-MRSS"])
    }
}

@Suite struct BenchmarkLifeEventNamesTests {
    /// The catalogue's event IRIs and titles, written out by hand for the nine events of the 2023 edition.
    @Test func eachEventHasItsPathAndTitle() {
        let expected: [(EGovBenchmark.LifeEvent, String, String)] = [
            (.businessStartUp, "business-start-up", "Business start-up"), (.family, "family", "Family"), (.career, "career", "Career"),
            (.studying, "studying", "Studying"), (.regularBusinessOperations, "regular-business-operations", "Regular business operations"),
            (.transport, "transport", "Transport"), (.justice, "justice", "Justice"), (.moving, "moving", "Moving"), (.health, "health", "Health"),
        ]
        #expect(expected.count == EGovBenchmark.LifeEvent.allCases.count)
        for (event, path, title) in expected {
            #expect(event.pathSegment == path)
            #expect(event.englishName == title)
        }
    }
}
