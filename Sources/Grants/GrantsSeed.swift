// Demo data of the grants scheme: the ICEDA programme, its small-grants call with the two real lots
// (PRODUCT.md), and a handful of invented awards to demo organisations, checked with the pure rules.
import Kernel
import Network
import Fluent
import Foundation
import Localization
import Methods

enum GrantsSeed {
    static let callCode = "iceda-sg-2020"
    static let countries = ["AL", "XK", "ME", "MK", "RS"]

    /// The four criteria of the demo call: weights 30 + 25 + 20 + 25 = 100.
    static let criteria: [GrantCriterion] = [
        .init(id: "relevance", title: LocalizedText([.en: "Relevance", .sq: "Rëndësia", .mk: "Релевантност", .srLatn: "Relevantnost"]), weight: 30, maxScore: 10),
        .init(id: "feasibility", title: LocalizedText([.en: "Feasibility", .sq: "Realizueshmëria", .mk: "Изводливост", .srLatn: "Izvodljivost"]), weight: 25, maxScore: 5),
        .init(id: "capacity", title: LocalizedText([.en: "Capacity", .sq: "Kapaciteti", .mk: "Капацитет", .srLatn: "Kapacitet"]), weight: 20, maxScore: 20),
        .init(id: "cost", title: LocalizedText([.en: "Cost-effectiveness", .sq: "Efektiviteti i kostos", .mk: "Исплатливост", .srLatn: "Isplativost"]), weight: 25, maxScore: 25),
    ]

    /// Lot 2's results menu (PRODUCT.md): each grant delivers at least two.
    static let lot2Results: [GrantResultOption] = [
        .init(id: "policy-change", title: LocalizedText([.en: "A policy, law or strategy change", .sq: "Një ndryshim politike, ligji ose strategjie",
                                                         .mk: "Промена на политика, закон или стратегија", .srLatn: "Promena politike, zakona ili strategije"])),
        .init(id: "recommendations", title: LocalizedText([.en: "At least 3 policy recommendations", .sq: "Të paktën 3 rekomandime për politika",
                                                           .mk: "Најмалку 3 препораки за политики", .srLatn: "Najmanje 3 preporuke za politike"])),
        .init(id: "e-service", title: LocalizedText([.en: "At least 1 e-service improved", .sq: "Të paktën 1 e-shërbim i përmirësuar",
                                                     .mk: "Најмалку 1 подобрена е-услуга", .srLatn: "Najmanje 1 unapređena e-usluga"])),
        .init(id: "citizens-plus-20", title: LocalizedText([.en: "+20% citizens using e-services", .sq: "+20% qytetarë që përdorin e-shërbime",
                                                            .mk: "+20% граѓани што користат е-услуги", .srLatn: "+20% građana koji koriste e-usluge"])),
        .init(id: "media-15", title: LocalizedText([.en: "At least 15 media covering the issue", .sq: "Të paktën 15 media që e mbulojnë çështjen",
                                                    .mk: "Најмалку 15 медиуми што известуваат за прашањето", .srLatn: "Najmanje 15 medija koji izveštavaju o temi"])),
    ]

    /// The demo call's own questions: each kind of question, a conditional question and a conditional section.
    static let demoForm: Grants.ApplicationForm = {
        typealias Q = Grants.FormQuestion
        typealias C = Grants.FormChoice
        func words(_ en: String, _ sq: String, _ mk: String, _ sr: String) -> [String: String] { ["en": en, "sq": sq, "mk": mk, "sr-Latn": sr] }
        let yes = C(id: "yes", title: words("Yes", "Po", "Да", "Da"))
        let no = C(id: "no", title: words("No", "Jo", "Не", "Ne"))
        return Grants.ApplicationForm(sections: [
            .init(id: "reach", title: words("Who the project reaches", "Kë arrin projekti", "Кого го опфаќа проектот", "Koga projekat obuhvata"), questions: [
                Q(id: "target-groups", kind: .multipleChoice,
                  title: words("Groups of citizens the project works with", "Grupet e qytetarëve me të cilat punon projekti",
                               "Групи граѓани со кои работи проектот", "Grupe građana sa kojima projekat radi"),
                  required: true, choices: [
                    C(id: "elderly", title: words("Elderly people", "Të moshuarit", "Стари лица", "Stariji ljudi")),
                    C(id: "roma", title: words("Roma communities", "Komunitetet rome", "Ромски заедници", "Romske zajednice")),
                    C(id: "disabled", title: words("People with disabilities", "Personat me aftësi të kufizuara", "Лица со попреченост", "Osobe sa invaliditetom")),
                    C(id: "rural", title: words("Rural residents", "Banorët e zonave rurale", "Жители на рурални средини", "Stanovnici ruralnih sredina")),
                    C(id: "youth", title: words("Young people", "Të rinjtë", "Млади", "Mladi")),
                  ]),
                Q(id: "citizens", kind: .number,
                  title: words("Citizens the project expects to help", "Qytetarët që projekti pret të ndihmojë",
                               "Граѓани на кои проектот очекува да им помогне", "Građani kojima projekat očekuje da pomogne"),
                  required: true, minimum: 1, maximum: 100_000),
                Q(id: "has-centre", kind: .singleChoice,
                  title: words("Does your organisation already run a support centre?", "A drejton tashmë organizata juaj një qendër mbështetëse?",
                               "Дали вашата организација веќе води центар за поддршка?", "Da li vaša organizacija već vodi centar za podršku?"),
                  required: true, choices: [yes, no]),
                Q(id: "centre-address", kind: .shortText,
                  title: words("Address of the centre", "Adresa e qendrës", "Адреса на центарот", "Adresa centra"),
                  required: true, showWhen: .init(question: "has-centre", equals: "yes")),
            ]),
            .init(id: "plan", title: words("The plan", "Plani", "Планот", "Plan"), questions: [
                Q(id: "approach", kind: .longText,
                  title: words("How will you do it?", "Si do ta bëni?", "Како ќе го направите тоа?", "Kako ćete to uraditi?"),
                  help: words("Activities, partners and the e-services you will help citizens use.",
                              "Aktivitetet, partnerët dhe e-shërbimet që do t’i ndihmoni qytetarët të përdorin.",
                              "Активности, партнери и е-услугите што ќе им помогнете на граѓаните да ги користат.",
                              "Aktivnosti, partneri i e-usluge koje ćete pomoći građanima da koriste."),
                  required: true, maxWords: 500),
                Q(id: "start-date", kind: .date,
                  title: words("Planned start", "Fillimi i planifikuar", "Планиран почеток", "Planirani početak"), required: true),
                Q(id: "other-funding", kind: .money,
                  title: words("Other funding already secured", "Financim tjetër i siguruar tashmë", "Друго веќе обезбедено финансирање",
                               "Drugo već obezbeđeno finansiranje")),
            ]),
            .init(id: "centre", title: words("The existing centre", "Qendra ekzistuese", "Постојниот центар", "Postojeći centar"),
                  showWhen: .init(question: "has-centre", equals: "yes"), questions: [
                Q(id: "centre-visits", kind: .number,
                  title: words("Visits to the centre last year", "Vizita në qendër vitin e kaluar", "Посети на центарот минатата година",
                               "Posete centru prošle godine"), required: true, minimum: 0, maximum: 1_000_000),
            ]),
            .init(id: "documents", title: words("Documents", "Dokumentet", "Документи", "Dokumenti"), questions: [
                Q(id: "registration", kind: .file,
                  title: words("Registration certificate", "Certifikata e regjistrimit", "Потврда за регистрација", "Potvrda o registraciji"), required: true),
                Q(id: "budget-sheet", kind: .file,
                  title: words("Detailed budget (spreadsheet)", "Buxheti i detajuar (fletë llogaritëse)", "Детален буџет (табела)", "Detaljan budžet (tabela)")),
            ]),
        ])
    }()

    /// Invented awards: (lot code, recipient name, amount in euros, results chosen for lot 2).
    static let demoAwards: [(lot: String, recipient: String, euros: Int64, results: [String])] = [
        ("lot-1", "Demo Digital Rights Tiranë", 15_000, []),
        ("lot-1", "Demo Digital Rights Prishtinë", 16_500, []),
        ("lot-1", "Demo Digital Rights Podgorica", 13_000, []),
        ("lot-1", "Demo Digital Rights Skopje", 17_000, []),
        ("lot-1", "Demo Digital Rights Beograd", 14_250, []),
        ("lot-2", "Demo Digital Rights Durrës", 5_000, ["policy-change", "recommendations"]),
        ("lot-2", "Demo Media Tetovo", 7_000, ["e-service", "media-15"]),
        ("lot-2", "Demo Digital Rights Novi Sad", 3_000, ["recommendations", "citizens-plus-20"]),
    ]

    /// Adds the programme, call and lots, and the demo awards, only into a database without grants data.
    /// Returns the number of grants added, or nil when the database already had grants data.
    @discardableResult
    static func seedDemo(on database: Database) async throws -> Int? {
        guard try await GrantProgramme.query(on: database).count() == 0, try await Grant.query(on: database).count() == 0 else { return nil }
        return try await database.transaction { database in
            let programme = GrantProgramme()
            programme.code = "iceda"
            programme.name = "ICEDA: Increasing Civic Engagement in the Digital Agenda"
            programme.donor = "European Union"
            programme.donorIdentifier = "XI-IATI-EC_NEAR"
            programme.currencyCode = "EUR"
            try await programme.save(on: database)

            let skopje = TimeZone(identifier: "Europe/Skopje")!
            let call = GrantCall()
            call.programmeID = try programme.requireID()
            call.code = callCode
            call.title = LocalizedText([.en: "Small grants for the Digital Agenda", .sq: "Grante të vogla për Agjendën Dixhitale",
                                        .mk: "Мали грантови за Дигиталната агенда", .srLatn: "Mali grantovi za Digitalnu agendu"])
            call.text = LocalizedText([
                .en: "Civil-society organisations of Albania, Kosovo, Montenegro, North Macedonia and Serbia may apply for small grants in two lots: local e-government support centres that help citizens use e-services (Lot 1), and advocacy for the digital agenda (Lot 2). Demo call: the figures are those of the real ICEDA scheme, the dates are illustrative.",
                .sq: "Organizatat e shoqërisë civile të Shqipërisë, Kosovës, Malit të Zi, Maqedonisë së Veriut dhe Serbisë mund të aplikojnë për grante të vogla në dy lote: qendra lokale mbështetëse për e-qeverisjen që i ndihmojnë qytetarët të përdorin e-shërbimet (Loti 1) dhe avokim për agjendën dixhitale (Loti 2). Thirrje demonstruese: shifrat janë ato të skemës së vërtetë ICEDA, datat janë ilustruese.",
                .mk: "Граѓанските организации од Албанија, Косово, Црна Гора, Северна Македонија и Србија можат да аплицираат за мали грантови во два лота: локални центри за поддршка за е-влада што им помагаат на граѓаните да користат е-услуги (Лот 1) и застапување за дигиталната агенда (Лот 2). Демонстративен повик: бројките се од вистинската шема ИЦЕДА, датумите се илустративни.",
                .srLatn: "Organizacije civilnog društva iz Albanije, Kosova, Crne Gore, Severne Makedonije i Srbije mogu da konkurišu za male grantove u dva lota: lokalni centri za podršku e-upravi koji pomažu građanima da koriste e-usluge (Lot 1) i zagovaranje digitalne agende (Lot 2). Demo poziv: iznosi su iz stvarne šeme ICEDA, datumi su ilustrativni.",
            ])
            call.opensAt = Grants.LocalTime.instant(year: 2020, month: 5, day: 4, hour: 9, minute: 0, in: skopje)!
            call.deadline = Grants.LocalTime.instant(year: 2020, month: 6, day: 15, hour: 16, minute: 0, in: skopje)!
            call.timeZoneIdentifier = skopje.identifier
            call.status = .closed
            call.minimumReviews = 2
            call.spreadThreshold = 20
            call.appealDays = 8
            call.rankingPublic = true
            call.version = 0
            call.form = demoForm
            try await call.save(on: database)

            // Lot 1: 15 grants of EUR 13,000–17,000 for 18 months, three per country; PRODUCT.md gives no envelope.
            let lot1 = GrantLot()
            lot1.callID = try call.requireID()
            lot1.code = "lot-1"
            lot1.position = 1
            lot1.title = LocalizedText([.en: "E-government support centres", .sq: "Qendra mbështetëse për e-qeverisjen",
                                        .mk: "Центри за поддршка за е-влада", .srLatn: "Centri za podršku e-upravi"])
            lot1.envelopeMinor = nil
            lot1.minAmountMinor = 13_000_00
            lot1.maxAmountMinor = 17_000_00
            lot1.durationMonths = 18
            lot1.minCoFinancingBasisPoints = 1_000
            lot1.eligibleCountries = countries
            lot1.applicantKinds = ["cso"]
            lot1.resultsMenu = []
            lot1.minimumResults = 0
            lot1.criteria = criteria
            lot1.maxGrants = 15
            lot1.maxGrantsPerCountry = 3
            lot1.trancheCodes = "8000;2000"
            lot1.reallocationBasisPoints = 1_500
            lot1.version = 0
            try await lot1.save(on: database)

            // Lot 2: EUR 75,000 for 15 grants of EUR 3,000–7,000 over 6 months, at least two results from the menu.
            let lot2 = GrantLot()
            lot2.callID = try call.requireID()
            lot2.code = "lot-2"
            lot2.position = 2
            lot2.title = LocalizedText([.en: "Digital-agenda advocacy", .sq: "Avokim për agjendën dixhitale",
                                        .mk: "Застапување за дигиталната агенда", .srLatn: "Zagovaranje digitalne agende"])
            lot2.envelopeMinor = 75_000_00
            lot2.minAmountMinor = 3_000_00
            lot2.maxAmountMinor = 7_000_00
            lot2.durationMonths = 6
            lot2.minCoFinancingBasisPoints = 1_000
            lot2.eligibleCountries = countries
            lot2.applicantKinds = ["cso", "media"]
            lot2.resultsMenu = lot2Results
            lot2.minimumResults = 2
            lot2.criteria = criteria
            lot2.maxGrants = 15
            lot2.maxGrantsPerCountry = nil
            lot2.trancheCodes = "8000;2000"
            lot2.reallocationBasisPoints = 1_500
            lot2.version = 0
            try await lot2.save(on: database)

            return try await addDemoAwards(lots: [lot1, lot2], currency: programme.currency, on: database)
        }
    }

    /// The demo awards to the demo organisations that exist; each checked against its lot's rules, and
    /// each lot's total against its envelope, count and country quota.
    private static func addDemoAwards(lots: [GrantLot], currency: Grants.Currency, on database: Database) async throws -> Int {
        var added = 0
        var counters: [String: Int] = [:]
        for lot in lots {
            let rules = lot.rules(currency: currency)
            var awarded: [Grants.Money] = []
            var perCountry: [String: Int] = [:]
            for award in demoAwards where award.lot == lot.code {
                guard let organisation = try await Organisation.query(on: database).filter(\.$name == award.recipient).first() else { continue }
                let amount = Grants.Money(award.euros, .eur)
                let facts = Grants.ApplicationFacts(
                    applicantCountry: organisation.countryCode, applicantKind: Grants.ApplicantKind(rawValue: organisation.kind.rawValue),
                    requested: amount, durationMonths: lot.durationMonths, chosenResults: award.results)
                let problems = Grants.eligibilityProblems(facts, lot: rules)
                precondition(problems.isEmpty, "demo grant breaks the lot's rules: \(award.recipient) \(problems)")
                awarded.append(amount)
                perCountry[organisation.countryCode, default: 0] += 1
                precondition(rules.maximumGrantsPerCountry.map { perCountry[organisation.countryCode]! <= $0 } ?? true)
                precondition(rules.maximumGrants.map { awarded.count <= $0 } ?? true)
                let committed = try Grants.Money.sum(awarded, currency: currency)
                precondition(!rules.budget.isLess(than: committed), "demo grants exceed the envelope")

                counters[lot.code, default: 0] += 1
                let number = counters[lot.code]!
                let grant = Grant()
                grant.lotID = try lot.requireID()
                grant.organisationID = try organisation.requireID()
                let lotTitle = lot.title.values["en"] ?? lot.code
                grant.title = "Demo grant: \(lotTitle) in \(organisation.municipality)"
                grant.summary = "Demo award, invented for trying the platform (\(lotTitle), \(organisation.name))."
                grant.amountMinor = amount.minorUnits
                grant.awardDate = "2020-09-15"
                grant.plannedStart = "2020-10-01"
                grant.durationMonths = lot.durationMonths
                grant.identifier = GrantsExport.identifierPrefix + "sg2020-\(lot.code.replacingOccurrences(of: "-", with: ""))-" + String(format: "%03d", number)
                grant.status = Grants.GrantState.closed.rawValue
                grant.version = 0
                try await grant.save(on: database)
                added += 1
            }
        }
        return added
    }
}
