// Reference data (the consortium partners) and demo data of the network directory.
import Kernel
import Fluent
import Foundation
import Localization

enum NetworkSeed {
    static let network = "ICEDA"

    /// The six consortium partners of the ICEDA programme (02/2020–01/2023).
    static let partners: [OrganisationInput] = [
        OrganisationInput(name: "Metamorphosis Foundation for Internet and Society", kind: "partner", country: "MK", municipality: "Skopje",
                          website: "https://metamorphosis.org.mk", focusAreas: ["e-government", "digital-literacy", "privacy", "e-participation"],
                          description: ["en": "Lead partner of the ICEDA consortium.", "mk": "Водечки партнер на конзорциумот ИЦЕДА.",
                                        "sq": "Partneri udhëheqës i konsorciumit ICEDA.", "sr-Latn": "Vodeći partner konzorcijuma ICEDA."]),
        OrganisationInput(name: "e-Governance Academy", kind: "partner", country: "EE", municipality: "Tallinn",
                          website: "https://ega.ee", focusAreas: ["e-government", "cyber-security", "open-data"],
                          description: ["en": "Consortium partner bringing Estonia's e-government experience."]),
        OrganisationInput(name: "CRTA", kind: "partner", country: "RS", municipality: "Beograd",
                          website: "https://crta.rs", focusAreas: ["e-participation", "open-data"],
                          description: ["en": "Center for Research, Transparency and Accountability.", "sr-Latn": "Centar za istraživanje, transparentnost i odgovornost."]),
        OrganisationInput(name: "NGO 35mm", kind: "partner", country: "ME", municipality: "Podgorica",
                          focusAreas: ["digital-literacy", "e-participation"],
                          description: ["en": "Consortium partner in Montenegro.", "sr-Latn": "Partner konzorcijuma u Crnoj Gori."]),
        OrganisationInput(name: "Open Data Kosovo", kind: "partner", country: "XK", municipality: "Prishtinë",
                          website: "https://opendatakosovo.org", focusAreas: ["open-data", "e-government", "digital-literacy"],
                          description: ["en": "Consortium partner in Kosovo.", "sq": "Partner i konsorciumit në Kosovë."]),
        OrganisationInput(name: "Lëvizja Mjaft!", kind: "partner", country: "AL", municipality: "Tiranë",
                          focusAreas: ["e-participation", "e-government"],
                          description: ["en": "Consortium partner in Albania.", "sq": "Partner i konsorciumit në Shqipëri."]),
    ]

    /// Adds the partners that are missing; running it again changes nothing.
    static func seedReference(on database: Database) async throws {
        let joined = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2020, month: 2, day: 1).date!
        let left = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2023, month: 1, day: 31).date!
        for input in partners {
            guard case .success(let valid) = input.validate() else { preconditionFailure("seed data is invalid: \(input.name)") }
            guard let organisation = try await insertIfMissing(valid, on: database) else { continue }
            try await Membership(organisationID: organisation.requireID(), network: network, joinedOn: joined, leftOn: left).save(on: database)
        }
    }

    /// Stores an organisation unless one with its slug exists; returns it when it was added.
    static func insertIfMissing(_ valid: OrganisationInput.Valid, on database: Database) async throws -> Organisation? {
        let slug = Slug.make(valid.name)
        guard try await Organisation.query(on: database).filter(\.$slug == slug).count() == 0 else { return nil }
        let organisation = Organisation()
        organisation.slug = slug
        organisation.version = 1
        organisation.apply(valid)
        try await organisation.save(on: database)
        return organisation
    }

    /// Invented organisations so that a newcomer sees a populated directory; marked as demo in their descriptions.
    static func seedDemo(on database: Database) async throws -> Int {
        let towns: [(String, [String])] = [
            ("AL", ["Tiranë", "Durrës", "Shkodër"]), ("XK", ["Prishtinë", "Prizren", "Pejë"]), ("ME", ["Podgorica", "Nikšić", "Bar"]),
            ("MK", ["Skopje", "Bitola", "Tetovo"]), ("RS", ["Beograd", "Novi Sad", "Niš"]), ("BA", ["Sarajevo", "Mostar", "Tuzla"]),
        ]
        let areas = FocusArea.allCases
        var created = 0
        for (countryIndex, (country, places)) in towns.enumerated() {
            for (index, town) in places.enumerated() {
                let kind: OrganisationKind = index == 2 ? .media : .cso
                let input = OrganisationInput(
                    name: "Demo \(kind == .media ? "Media" : "Digital Rights") \(town)", kind: kind.rawValue, country: country, municipality: town,
                    focusAreas: [areas[(countryIndex + index) % areas.count].rawValue, areas[(countryIndex * 3 + index + 1) % areas.count].rawValue],
                    description: ["en": "Demo organisation, invented for trying the platform.", "sq": "Organizatë demonstruese, e shpikur për të provuar platformën.",
                                  "mk": "Демонстративна организација, измислена за пробување на платформата.", "sr-Latn": "Demo organizacija, izmišljena za isprobavanje platforme."])
                guard case .success(let valid) = input.validate(), try await insertIfMissing(valid, on: database) != nil else { continue }
                created += 1
            }
        }
        return created
    }
}
