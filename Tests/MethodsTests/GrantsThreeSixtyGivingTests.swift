import Foundation
import Testing
@testable import Methods

private typealias F = GrantsFixtures
private typealias G360 = Grants.ThreeSixtyGiving

@Suite("Grants: 360Giving 1.4.3 data package")
struct GrantsThreeSixtyGivingTests {
    /// Identifiers below are examples in the org-id.guide format, not real registrations.
    static let publication = Grants.ThreeSixtyGiving.Publication(
        title: "ICEDA small grants 2020", identifier: "iceda-small-grants-2020",
        publisher: .init(id: "MK-CRM-0000000", name: "Metamorphosis Foundation", website: "https://metamorphosis.org.mk"),
        funder: .init(id: "MK-CRM-0000000", name: "Metamorphosis Foundation"),
        license: "https://creativecommons.org/licenses/by/4.0/", issued: CalendarDate(2020, 11, 2)!,
        identifierPrefix: "360G-iceda-")

    static let lot2Programme = Grants.ThreeSixtyGiving.Programme(code: "iceda-sg-2020-lot-2", title: "ICEDA small grants, Lot 2: digital-agenda advocacy")

    static let grants: [Grants.ThreeSixtyGiving.AwardedGrant] = [
        .init(localId: "L2-001", title: "Open budgets for Kumanovo", description: "Advocacy for e-services in Kumanovo.",
              amountAwarded: F.eur(5_000), amountAppliedFor: F.eur(5_500), awardDate: .init(2020, 10, 20)!,
              recipient: .init(id: "MK-CRM-0000001", name: "Example Association \"Civic\" Kumanovo", countryCode: "MK"),
              plannedStart: .init(2020, 11, 1)!, durationMonths: 6, programme: lot2Programme),
        .init(localId: "L2-002", title: "Digital Prishtina", description: "Citizen feedback on e-Kosova.",
              amountAwarded: F.eur(6_999, 50), awardDate: .init(2020, 10, 20)!,
              recipient: .init(id: "XK-KBRA-0000002", name: "Example NGO Prishtinë", countryCode: "XK"),
              plannedStart: .init(2020, 11, 1)!, durationMonths: 6, programme: lot2Programme),
        .init(localId: "L1-003", title: "E-government support centre Shkodër", description: "A centre that helps citizens use e-Albania.",
              amountAwarded: F.eur(13_333, 33), awardDate: .init(2020, 9, 15)!,
              recipient: .init(id: "AL-QKB-0000003", name: "Example Centre Shkodër", countryCode: "AL"),
              plannedStart: .init(2020, 10, 1)!, durationMonths: 18),
    ]

    @Test func thePackageCarriesTheRequiredFields() throws {
        let package = try G360.package(Self.grants, publication: Self.publication).get()
        #expect(package["version"] == .string("1.4"))
        #expect(package["issued"] == .string("2020-11-02"))
        #expect(package["publisher"]?["name"] == .string("Metamorphosis Foundation"))
        let grants = try #require(package["grants"])
        #expect(grants[0]?["id"] == .string("360G-iceda-L1-003"))   // sorted by identifier
        #expect(grants[1]?["id"] == .string("360G-iceda-L2-001"))
        #expect(grants[2]?["id"] == .string("360G-iceda-L2-002"))
        #expect(grants[3] == nil)
        let centre = try #require(grants[0])
        #expect(centre["currency"] == .string("EUR"))
        #expect(centre["amountAwarded"] == .number("13333.33"))
        #expect(centre["amountAppliedFor"] == nil)
        #expect(centre["awardDate"] == .string("2020-09-15"))
        // 2020-10-01 + 18 months − 1 day = 2022-03-31
        #expect(centre["plannedDates"]?[0] == .object([
            ("startDate", .string("2020-10-01")), ("endDate", .string("2022-03-31")), ("duration", .number("18")),
        ]))
        #expect(centre["recipientOrganization"]?[0] == .object([
            ("id", .string("AL-QKB-0000003")), ("name", .string("Example Centre Shkodër")), ("addressCountry", .string("Albania")),
            ("location", .array([.object([("countryCode", .string("AL")), ("name", .string("Albania"))])])),
        ]))
        #expect(centre["fundingOrganization"]?[0] == .object([("id", .string("MK-CRM-0000000")), ("name", .string("Metamorphosis Foundation"))]))
        #expect(centre["grantProgramme"] == nil)
        #expect(centre["fromOpenCall"] == .string("Yes"))
        let advocacy = try #require(grants[1])
        #expect(advocacy["amountAwarded"] == .number("5000.00") && advocacy["amountAppliedFor"] == .number("5500.00"))
        #expect(advocacy["plannedDates"]?[0]?["endDate"] == .string("2021-04-30"))
        #expect(advocacy["grantProgramme"]?[0]?["code"] == .string("iceda-sg-2020-lot-2"))
        // Kosovo: XK is not in the standard's ISO 3166-1 list, so the location has a name only.
        let kosovo = try #require(grants[2])
        #expect(kosovo["amountAwarded"] == .number("6999.50"))
        #expect(kosovo["recipientOrganization"]?[0]?["location"] == .array([.object([("name", .string("Kosovo"))])]))
    }

    /// The text is valid JSON (read back by JSONSerialization) with numbers, not strings, for amounts.
    /// With GRANTS_360GIVING_OUT set, it is also written there for scripts/360giving-check.py.
    @Test func theTextIsValidJSON() throws {
        let text = try G360.package(Self.grants, publication: Self.publication).get().serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let grants = try #require(object["grants"] as? [[String: Any]])
        #expect(grants.count == 3)
        #expect((grants[0]["amountAwarded"] as? NSNumber)?.stringValue == "13333.33")
        #expect((grants[1]["recipientOrganization"] as? [[String: Any]])?.first?["name"] as? String == "Example Association \"Civic\" Kumanovo")
        if let path = ProcessInfo.processInfo.environment["GRANTS_360GIVING_OUT"], !path.isEmpty {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func everyProblemIsReportedAtOnce() {
        var publication = Self.publication
        publication.identifierPrefix = "iceda-"
        var grants = Self.grants
        grants[1].localId = "L2-001"
        grants[2].title = " "
        grants[2].amountAwarded = Grants.Money(minorUnits: -1, currency: .eur)
        grants[2].plannedEnd = CalendarDate(2020, 9, 30)
        grants[0].recipient.countryCode = "mk"
        #expect(G360.package(grants, publication: publication) == .failure(.init(problems: [
            .invalidPrefix("iceda-"),
            .invalidCountryCode(grant: "iceda-L2-001", code: "mk"),
            .duplicateIdentifier("iceda-L2-001"),
            .missingText(grant: "iceda-L1-003", field: "title"),
            .negativeAmount(grant: "iceda-L1-003"),
            .invalidPlannedDates(grant: "iceda-L1-003"),
        ])))
        #expect(G360.package([], publication: Self.publication) == .failure(.init(problems: [.noGrants])))
        #expect(G360.Problem.invalidPrefix("x").code == "grants.360giving.invalid-prefix")
    }

    @Test func stringsAreEscaped() {
        let node = JSONNode.object([("a\"b", .string("line\nbreak\t\u{1}\\ Ёж")), ("n", .null), ("t", .bool(true)), ("e", .array([]))])
        #expect(node.serialized(pretty: false) == #"{"a\"b":"line\nbreak\t\u0001\\ Ёж","n":null,"t":true,"e":[]}"#)
        #expect(JSONNode.amount(F.eur(0, 5)) == .number("0.05"))
        #expect(JSONNode.amount(F.eur(100, 10)) == .number("100.10"))
        #expect(JSONNode.amount(F.eur(17_000)) == .number("17000.00"))
    }
}
