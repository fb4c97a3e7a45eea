import Foundation
import Testing
@testable import Methods

@Suite("CPSV-AP JSON-LD determinism, escaping and problems")
struct CPSVAPRobustnessTests {
    typealias F = CPSVAPFixtures

    @Test func outputIsDeterministic() {
        let services = [F.albanianRegistration, F.minimal, F.serbianVehicle]
        let once = CPSVAP.jsonLD(services: services, baseURL: F.base)
        #expect(CPSVAP.jsonLD(services: services, baseURL: F.base) == once)
        #expect(CPSVAP.jsonLD(services: services.reversed(), baseURL: F.base) == once)
        #expect(CPSVAP.jsonLD(services: services, baseURL: F.base + "/") == once)
    }

    @Test func channelAndEvidenceOrderDoesNotMatter() {
        var a = F.albanianRegistration
        a.channels = [.init(url: "https://e-albania.al"), .init(url: "https://qkb.gov.al"), .init(url: "https://e-albania.al")]
        a.evidence = [.init(name: ["en": "B"]), .init(name: ["en": "A"])]
        var b = a
        b.channels.reverse()
        b.evidence.reverse()
        #expect(CPSVAP.jsonLD(services: [a], baseURL: F.base) == CPSVAP.jsonLD(services: [b], baseURL: F.base))
        let text = CPSVAP.jsonLDString(services: [a], baseURL: F.base)
        #expect(text.contains(F.serviceIRI + "/channel/2"))
        #expect(!text.contains(F.serviceIRI + "/channel/3"))
    }

    @Test func hostileStringsAreEscapedAndRoundTrip() throws {
        let hostile = "Quote \" backslash \\ slash / </script><script>alert(1)</script> & tab\t nl\n cr\r nul\u{0} "
            + "bell\u{7} del\u{7F} ls\u{2028} ps\u{2029} emoji 🇦🇱 rtl \u{202E}cba combining e\u{301} {\"@id\": \"x\"}"
        var service = F.minimal
        service.name = ["en": hostile]
        service.description = ["en": "}\"],\"@graph\":[{\"@id\":\"evil\"}"]
        service.competentAuthority.name = ["en": "\\u0000"]
        let text = CPSVAP.jsonLDString(services: [service], baseURL: F.base)
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{7F}" })
        #expect(text.contains("\\u003C/script\\u003E"))
        let graph = try F.graph([service])
        let node = F.node(F.base + "/id/public-service/ME/family/2", in: graph)
        #expect(F.texts(node, "dct:title")["en"] == hostile)
        #expect(F.texts(node, "dct:description")["en"] == "}\"],\"@graph\":[{\"@id\":\"evil\"}")
        #expect(graph.count == 3)
        #expect(F.texts(F.node(F.base + "/id/public-organisation/ME-MRSS", in: graph), "skos:prefLabel")["en"] == "\\u0000")
    }

    @Test func identifiersAndURLsArePercentEncoded() throws {
        var service = F.minimal
        service.id = "AL/moving/ñ a?b#c/../1"
        service.channels = [.init(url: " https://e-albania.al/sherbime?q=a b&x=<1> ")]
        let graph = try F.graph([service])
        let iri = F.base + "/id/public-service/AL/moving/%C3%B1%20a%3Fb%23c/%2E%2E/1"
        let node = try #require(F.node(iri, in: graph))
        #expect(node["dct:identifier"] as? [String] == [iri])
        #expect(F.refs(F.node(iri + "/channel/1", in: graph), "foaf:page") == ["https://e-albania.al/sherbime?q=a%20b&x=%3C1%3E"])
    }

    @Test func unusableInputIsLeftOutAndReported() throws {
        var service = F.minimal
        service.name = ["en": "Child allowance", "not a tag": "x", "sq": "   ", "": "y"]
        service.channels = [.init(url: "e-albania.al"), .init(url: "dct:oops"), .init(url: "javascript")]
        service.evidence = [.init(name: [:])]
        service.output = .init(name: ["en": ""])
        service.cost = .init(amount: .nan, currency: "euro")
        service.lifeEvents = [.init(id: " / ", name: ["en": "x"])]
        let graph = try F.graph([service])
        let node = try #require(F.node(F.base + "/id/public-service/ME/family/2", in: graph))
        #expect(F.texts(node, "dct:title") == ["en": "Child allowance"])
        #expect(node["cv:hasChannel"] == nil && node["cpsv:hasInput"] == nil && node["cpsv:produces"] == nil)
        #expect(node["cv:isGroupedBy"] == nil)
        let cost = F.node(F.base + "/id/public-service/ME/family/2/cost", in: graph)
        #expect(cost?["cv:hasValue"] == nil && cost?["cv:currency"] == nil)

        let problems = CPSVAP.problems(services: [service], baseURL: F.base)
        #expect(problems.allSatisfy { $0.severity == .dropped })
        #expect(problems.filter { $0.message.contains("language tag") }.count == 2)
        #expect(problems.filter { $0.message.contains("channel URL") }.count == 3)
        #expect(problems.contains { $0.message.contains("blank") })
        #expect(problems.contains { $0.message.contains("evidence") })
        #expect(problems.contains { $0.message.contains("output") })
        #expect(problems.contains { $0.message.contains("currency") })
        #expect(problems.contains { $0.message.contains("finite") })
        #expect(problems.contains { $0.message.contains("life event") })
    }

    @Test func missingMandatoryPartsAreInvalid() throws {
        var service = F.minimal
        service.name = [:]
        service.description = ["en": " "]
        service.competentAuthority.spatial = []
        service.competentAuthority.name = ["xx yy": "bad"]
        let problems = CPSVAP.problems(services: [service], baseURL: F.base)
        let invalid = problems.filter { $0.severity == .invalid }.map(\.message)
        #expect(invalid.contains("dct:title is mandatory for cpsv:PublicService and missing"))
        #expect(invalid.contains("dct:description is mandatory for cpsv:PublicService and missing"))
        #expect(invalid.contains("skos:prefLabel is mandatory for cv:PublicOrganisation and missing"))
        #expect(invalid.contains("dct:spatial is mandatory for cv:PublicOrganisation and missing"))
        // Still exported, faithfully, so a validator sees the same gap.
        let node = F.node(F.base + "/id/public-service/ME/family/2", in: try F.graph([service]))
        #expect(node?["dct:title"] == nil)

        var orphan = F.minimal
        orphan.competentAuthority.id = ""
        #expect(CPSVAP.problems(services: [orphan], baseURL: F.base).contains {
            $0.severity == .invalid && $0.message.hasPrefix("cv:hasCompetentAuthority")
        })
    }

    @Test func duplicateAndEmptyIdsAndBadBaseURL() {
        var blank = F.minimal
        blank.id = " /"
        let problems = CPSVAP.problems(services: [F.minimal, F.minimal, blank], baseURL: "iceda.example.org")
        #expect(problems.contains { $0.subject == "baseURL" && $0.severity == .invalid })
        #expect(problems.contains { $0.message.contains("same id") })
        #expect(problems.contains { $0.subject == "service #3" })
        #expect(CPSVAP.problems(services: [F.albanianRegistration, F.serbianVehicle], baseURL: F.base).isEmpty)
    }

    @Test func languageTagSyntax() {
        for tag in ["en", "sq", "mk", "sr-Latn", "sr-Cyrl", "sr-Latn-RS", "de-CH-1901", "x-private"] {
            #expect(CPSVAP.Syntax.isLanguageTag(tag), "\(tag)")
        }
        for tag in ["", "en_US", "sr-", "-en", "en us", "toolongtag", "sr-Ćir", "1en"] {
            #expect(!CPSVAP.Syntax.isLanguageTag(tag), "\(tag)")
        }
    }
}
