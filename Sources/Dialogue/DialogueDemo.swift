// Demo dialogue: ten public institutions (two per programme country, marked as demo), about forty
// recommendations in every status with dated answers and evidence from the 2023 benchmark, meetings,
// consultations and media items, dated inside the programme (2021–2022).
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network

enum DialogueDemo {
    static let institutions: [(country: String, name: String, town: String)] = [
        ("AL", "Demo National Agency for Information Society", "Tiranë"), ("AL", "Demo Municipality of Shkodër", "Shkodër"),
        ("XK", "Demo Agency for Information Society of Kosovo", "Prishtinë"), ("XK", "Demo Municipality of Prizren", "Prizren"),
        ("ME", "Demo Ministry of Public Administration", "Podgorica"), ("ME", "Demo Municipality of Nikšić", "Nikšić"),
        ("MK", "Demo Ministry of Information Society and Administration", "Skopje"), ("MK", "Demo Municipality of Bitola", "Bitola"),
        ("RS", "Demo Office for IT and eGovernment", "Beograd"), ("RS", "Demo City of Niš", "Niš"),
    ]

    /// Titles by policy area, in the four written languages.
    static let titles: [(area: String, text: [AppLocale: String])] = [
        ("e-services", [.en: "Let citizens finish the most used certificates online, without a visit to the office",
                        .sq: "Lejoni qytetarët të marrin certifikatat më të përdorura në internet, pa shkuar në zyrë",
                        .mk: "Овозможете граѓаните да ги добиваат најкористените потврди на интернет, без одење во канцеларија",
                        .srLatn: "Omogućite građanima da najkorišćenija uverenja dobiju onlajn, bez odlaska u kancelariju"]),
        ("e-government", [.en: "Connect the municipal registries to the national e-government portal",
                          .sq: "Lidhni regjistrat komunalë me portalin kombëtar të e-qeverisjes",
                          .mk: "Поврзете ги општинските регистри со националниот портал за е-влада",
                          .srLatn: "Povežite opštinske registre sa nacionalnim portalom e-uprave"]),
        ("accessibility", [.en: "Make the e-services portal meet the web accessibility standard (WCAG 2.1 AA)",
                           .sq: "Bëni portalin e e-shërbimeve të përmbushë standardin e aksesueshmërisë në ueb (WCAG 2.1 AA)",
                           .mk: "Усогласете го порталот за е-услуги со стандардот за веб-пристапност (WCAG 2.1 AA)",
                           .srLatn: "Uskladite portal e-usluga sa standardom veb-pristupačnosti (WCAG 2.1 AA)"]),
        ("digital-skills", [.en: "Fund digital-skills help desks in rural municipalities",
                            .sq: "Financoni qendra ndihme për aftësitë digjitale në komunat rurale",
                            .mk: "Финансирајте центри за помош за дигитални вештини во руралните општини",
                            .srLatn: "Finansirajte centre za pomoć u digitalnim veštinama u seoskim opštinama"]),
        ("privacy", [.en: "Publish which institutions access citizens' personal data in the base registers",
                     .sq: "Publikoni cilat institucione kanë qasje në të dhënat personale të qytetarëve në regjistrat bazë",
                     .mk: "Објавете кои институции пристапуваат до личните податоци на граѓаните во основните регистри",
                     .srLatn: "Objavite koje institucije pristupaju ličnim podacima građana u osnovnim registrima"]),
        ("open-data", [.en: "Publish the e-services' usage statistics as open data every quarter",
                       .sq: "Publikoni statistikat e përdorimit të e-shërbimeve si të dhëna të hapura çdo tremujor",
                       .mk: "Објавувајте ја статистиката за користењето на е-услугите како отворени податоци секој квартал",
                       .srLatn: "Objavljujte statistiku korišćenja e-usluga kao otvorene podatke svakog kvartala"]),
        ("e-participation", [.en: "Open every draft regulation on e-services to public consultation for at least 20 days",
                             .sq: "Hapni çdo projektrregullore për e-shërbimet për konsultim publik për të paktën 20 ditë",
                             .mk: "Ставете го секој нацрт-пропис за е-услугите на јавна консултација најмалку 20 дена",
                             .srLatn: "Stavite svaki nacrt propisa o e-uslugama na javne konsultacije najmanje 20 dana"]),
        ("cyber-security", [.en: "Warn citizens about look-alike sites of the e-government portal",
                            .sq: "Paralajmëroni qytetarët për faqet që imitojnë portalin e e-qeverisjes",
                            .mk: "Предупредете ги граѓаните за лажните страници што го имитираат порталот за е-влада",
                            .srLatn: "Upozorite građane na lažne sajtove koji imitiraju portal e-uprave"]),
    ]

    static let body: [AppLocale: String] = [
        .en: "Demo recommendation, invented for trying the platform. Based on the network's assessment and on what citizens told the help centres.",
        .sq: "Rekomandim demonstrues, i shpikur për të provuar platformën. Bazuar në vlerësimin e rrjetit dhe në atë që qytetarët u thanë qendrave të ndihmës.",
        .mk: "Демонстративна препорака, измислена за пробување на платформата. Заснована на проценката на мрежата и на она што граѓаните им го кажаа на центрите за помош.",
        .srLatn: "Demo preporuka, izmišljena za isprobavanje platforme. Zasnovana na proceni mreže i na onome što su građani rekli centrima za pomoć.",
    ]

    /// The path each demo recommendation takes, cycled: the events after publication, each with its delay in days.
    static let paths: [[(RecommendationEvent, Int)]] = [
        [], [(.acknowledge, 6)], [(.acknowledge, 5), (.answer, 24)], [(.answer, 30), (.accept, 45)], [(.acknowledge, 3), (.answer, 18), (.partlyAccept, 40)],
        [(.answer, 60), (.reject, 61)], [(.acknowledge, 4), (.answer, 20), (.accept, 35), (.implement, 280)], [(.answer, 28), (.partlyAccept, 50), (.notImplement, 300)],
    ]

    static func seed(on database: Database) async throws -> Int? {
        guard try await Recommendation.query(on: database).count() == 0 else { return nil }
        let authors = try await Organisation.query(on: database).filter(\.$kind ~~ [.cso, .partner]).sort(\.$name).all()
        guard !authors.isEmpty else { return nil }
        return try await database.transaction { database in
            var created: [Organisation] = []
            for institution in institutions {
                let input = OrganisationInput(name: institution.name, kind: OrganisationKind.publicInstitution.rawValue, country: institution.country,
                                              municipality: institution.town, focusAreas: ["e-government"],
                                              description: ["en": "Demo institution, invented for trying the platform.", "sq": "Institucion demonstrues, i shpikur për të provuar platformën.",
                                                            "mk": "Демонстративна институција, измислена за пробување на платформата.", "sr-Latn": "Demo institucija, izmišljena za isprobavanje platforme."])
                guard case .success(let valid) = input.validate() else { continue }
                if let existing = try await Organisation.query(on: database).filter(\.$name == valid.name).first() { created.append(existing); continue }
                let organisation = Organisation()
                organisation.slug = try await Organisation.uniqueSlug(forName: valid.name, on: database)
                organisation.version = 1
                organisation.apply(valid)
                try await organisation.save(on: database)
                created.append(organisation)
            }
            var count = 0
            let start = CalendarDate(2021, 3, 1)!
            for index in 0..<40 {
                let institution = created[index % created.count]
                let country = institution.countryCode
                let local = institutions[index % institutions.count].name.contains("Municipality") || institutions[index % institutions.count].name.contains("City")
                let (area, title) = titles[index % titles.count]
                let author = authors.filter { $0.countryCode == country }.first ?? authors[index % authors.count]
                let issued = start.adding(days: index * 13)
                let recommendation = Recommendation()
                recommendation.version = 0
                recommendation.code = String(format: "REC-%04d-%03d", issued.year, index + 1)
                recommendation.title = LocalizedText(title)
                recommendation.text = LocalizedText(body)
                recommendation.country = country
                recommendation.level = local ? "local" : "national"
                recommendation.area = area
                recommendation.services = area == "e-services" ? ";4.1;4.3;" : ""
                recommendation.authors = ";\(author.slug);"
                recommendation.grantReference = ""
                recommendation.issuedOn = issued.iso
                recommendation.responseDue = issued.adding(days: 30).iso
                recommendation.publishedOn = ""
                recommendation.answeredOn = ""
                recommendation.remindedOn = ""
                recommendation.year = issued.year
                // the last four stay drafts
                let draft = index >= 36
                recommendation.state = RecommendationState.draft.rawValue
                try await recommendation.save(on: database)
                let id = try recommendation.requireID()
                try await RecommendationAddressee(recommendationID: id, organisationID: institution.requireID()).save(on: database)
                if country != "XK" {
                    let evidence = RecommendationEvidence()
                    evidence.recommendationID = id
                    evidence.kind = "benchmark-score"
                    evidence.edition = "2023"
                    evidence.country = country
                    evidence.reference = "biennial/eID"
                    evidence.url = ""
                    evidence.label = "eID"
                    evidence.position = 0
                    try await evidence.save(on: database)
                }
                if draft { count += 1; continue }
                var state = RecommendationState.draft
                func record(_ event: RecommendationEvent, day: CalendarDate, note: String, by institutionID: UUID?) async throws {
                    guard case .success(let next) = RecommendationLifecycle.apply(event, to: state, by: institutionID == nil ? .staff : .focalPoint) else { return }
                    let change = RecommendationChange()
                    change.recommendationID = id
                    change.fromState = state.rawValue
                    change.toState = next.rawValue
                    change.event = event.rawValue
                    change.day = day.iso
                    change.source = institutionID == nil ? "platform" : (index % 3 == 0 ? "letter" : "platform")
                    change.note = note
                    change.language = "en"
                    change.organisationID = institutionID
                    try await change.save(on: database)
                    state = next
                    if event == .publish { recommendation.publishedOn = day.iso }
                    if next.isAnswered && recommendation.answeredOn.isEmpty { recommendation.answeredOn = day.iso }
                }
                try await record(.publish, day: issued, note: "", by: nil)
                for (event, delay) in paths[index % paths.count] {
                    try await record(event, day: issued.adding(days: delay), note: event == .answer ? "Demo answer: the institution will look into it with the ministry responsible." : "",
                                     by: try institution.requireID())
                }
                recommendation.state = state.rawValue
                try await recommendation.save(on: database)
                count += 1
            }
            let media = try await Organisation.query(on: database).filter(\.$kind == .media).sort(\.$name).all()
            for index in 0..<24 {
                let item = MediaItem()
                let outlet = media.isEmpty ? nil : media[index % media.count]
                item.outlet = outlet?.name ?? "Demo outlet"
                item.outletID = outlet?.id
                item.country = outlet?.countryCode ?? "AL"
                item.day = start.adding(days: 20 + index * 23).iso
                item.url = "https://example.org/demo-news/\(index + 1)"
                item.language = ["sq", "sr", "mk", "sq", "sr"][index % 5]
                item.topic = "Demo: e-services and the help centres"
                item.recommendationCode = String(format: "REC-%04d-%03d", start.adding(days: (index % 20) * 13).year, index % 20 + 1)
                item.grantReference = ""
                try await item.save(on: database)
            }
            for (index, kind) in ["consultation", "meeting", "meeting", "consultation", "meeting"].enumerated() {
                let record = DialogueRecord()
                record.kind = kind
                record.title = kind == "consultation" ? "Demo: draft law on electronic identification" : "Demo: round table on e-services with the network"
                record.day = start.adding(days: 60 + index * 90).iso
                record.until = kind == "consultation" ? start.adding(days: 80 + index * 90).iso : ""
                record.country = institutions[index * 2].country
                record.link = ""
                record.participants = institutions[index * 2].name
                record.summary = "Demo record, invented for trying the platform."
                record.outcome = ""
                record.recommendations = String(format: ";REC-%04d-%03d;", start.adding(days: index * 2 * 13).year, index * 2 + 1)
                record.isPublic = index != 2
                try await record.save(on: database)
            }
            return count
        }
    }
}
