// Demo trainings: the series "Digital Agenda for CSOs 2021" with regional, national and local events in the five
// countries (three sessions each), registrations beyond capacity (a wait list), attendance, and certificates
// signed for those who met the rule; two upcoming events open for registration.
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Vapor

enum TrainingsDemo {
    static let plans: [(country: String, town: String, zone: String, audience: String, level: String, topics: String, title: [AppLocale: String])] = [
        ("MK", "Skopje", "Europe/Skopje", "csos", "regional", ";e-government;open-data;", [.en: "Digital Agenda for CSOs: monitoring e-services", .mk: "Дигитална агенда за граѓанските организации: следење на е-услугите"]),
        ("AL", "Tiranë", "Europe/Tirane", "media", "national", ";online-safety;privacy;", [.en: "Reporting on e-government for local media", .sq: "Raportimi për e-qeverisjen për mediat lokale"]),
        ("AL", "Shkodër", "Europe/Tirane", "citizens", "local", ";digital-skills;online-safety;", [.en: "Safe online: e-services for everyone", .sq: "I sigurt në internet: e-shërbime për të gjithë"]),
        ("XK", "Prishtinë", "Europe/Belgrade", "csos", "national", ";e-government;accessibility;", [.en: "Accessible e-services: what CSOs can ask for", .sq: "E-shërbime të aksesueshme: çfarë mund të kërkojnë OSHC-të"]),
        ("XK", "Prizren", "Europe/Belgrade", "citizens", "local", ";digital-skills;", [.en: "Your first e-service account", .sq: "Llogaria juaj e parë për e-shërbime"]),
        ("ME", "Podgorica", "Europe/Podgorica", "institutions", "national", ";open-data;e-government;", [.en: "Open data for better e-services", .srLatn: "Otvoreni podaci za bolje e-usluge"]),
        ("ME", "Nikšić", "Europe/Podgorica", "citizens", "local", ";online-safety;", [.en: "Recognising fake government sites", .srLatn: "Kako prepoznati lažne sajtove institucija"]),
        ("MK", "Bitola", "Europe/Skopje", "citizens", "local", ";digital-skills;privacy;", [.en: "E-services and your personal data", .mk: "Е-услугите и вашите лични податоци"]),
        ("RS", "Beograd", "Europe/Belgrade", "media", "regional", ";online-safety;privacy;", [.en: "Trust and safety online: a regional workshop for journalists", .srLatn: "Poverenje i bezbednost na internetu: regionalna radionica za novinare"]),
        ("RS", "Niš", "Europe/Belgrade", "citizens", "local", ";digital-skills;online-safety;", [.en: "E-government in practice: health and social services", .srLatn: "E-uprava u praksi: zdravstvene i socijalne usluge"]),
    ]

    static let names = ["Ana", "Besa", "Dritan", "Elena", "Goran", "Ilir", "Jelena", "Kaltrina", "Luan", "Marija", "Nikola", "Olivera", "Petar",
                        "Rina", "Sara", "Teuta", "Uroš", "Valbona", "Zoran", "Ardit", "Bojana", "Dea", "Emir", "Fatjona", "Gjergj", "Hana", "Ivana", "Jovan"]

    static func seed(_ app: Application) async throws -> (Int, Int)? {
        let database = app.db
        guard try await TrainingEvent.query(on: database).count() == 0 else { return nil }
        let organisers = try await Organisation.query(on: database).filter(\.$kind == .partner).all()
        let signer = try app.credentialSigner
        try await seedQuestions(on: database)
        var certificates = 0
        let today = CalendarDate(utc: Date())
        for (index, plan) in plans.enumerated() {
            let first = index < 8 ? CalendarDate(2021, 4, 12)!.adding(days: index * 45) : today.adding(days: 20 + index * 7)
            let past = first < today
            let event = TrainingEvent()
            event.version = 0
            event.slug = "demo-" + Slug.make(plan.title[.en] ?? "training") + "-" + first.iso
            event.series = "Digital Agenda for CSOs 2021"
            event.title = LocalizedText(plan.title)
            event.summary = LocalizedText([.en: "Demo training, invented for trying the platform.", .sq: "Trajnim demonstrues, i shpikur për të provuar platformën.",
                                           .mk: "Демонстративна обука, измислена за пробување на платформата.", .srLatn: "Demo obuka, izmišljena za isprobavanje platforme."])
            event.audience = plan.audience
            event.level = plan.level
            event.topics = plan.topics
            event.format = index % 4 == 1 ? "hybrid" : "in-person"
            event.venue = "Demo venue"
            event.country = plan.country
            event.town = plan.town
            event.timeZone = plan.zone
            event.capacity = 20
            event.languages = plan.country == "MK" ? "mk" : plan.country == "RS" || plan.country == "ME" ? "sr-Latn" : "sq"
            event.competences = plan.topics.contains("online-safety") ? "4.1,4.2" : "1.1,2.1"
            event.organiserID = organisers.first { $0.countryCode == plan.country }?.id
            event.trainerID = nil
            event.trainerName = "Demo trainer"
            event.isOpen = true
            event.published = true
            event.minAttendance = 80
            // the events on online safety and e-government test what people learned
            event.passPercent = plan.topics.contains("online-safety") || plan.topics.contains("e-government") ? 60 : 0
            event.startsOn = first.iso
            event.month = String(first.iso.prefix(7))
            try await event.save(on: database)
            let eventID = try event.requireID()
            var sessions: [TrainingSession] = []
            for position in 1...3 {
                let session = TrainingSession()
                session.eventID = eventID
                session.position = position
                session.day = first.adding(days: (position - 1) * 7).iso
                session.starts = "10:00"
                session.ends = "13:00"
                try await session.save(on: database)
                sessions.append(session)
            }
            guard past else { continue }
            // 23 people for 20 places: three wait, one cancels and the first waiting moves up
            var registered: [TrainingRegistrationRecord] = []
            for person in 0..<23 {
                let name = names[(person + index * 3) % names.count] + " " + String(UnicodeScalar(UInt8(65 + person % 26)))  + "."
                let outcome = try await TrainingsData.register(TrainingsData.NewRegistration(
                    name: name, contact: "demo-\(index)-\(person)@example.org", language: event.languages, gender: person % 2 == 0 ? "female" : "male",
                    needs: "", userID: nil), event: event, on: database)
                if case .registered(let record, _) = outcome { registered.append(record) }
            }
            if let leaving = registered.first(where: { $0.state == "confirmed" }) { _ = try await TrainingsData.cancel(leaving, event: event, on: database) }
            let confirmed = try await TrainingsData.registrations(of: eventID, on: database).filter { $0.state == "confirmed" }
            for (sessionIndex, session) in sessions.enumerated() {
                // everyone but every seventh person at each session, and every fifth misses the last one
                let present = confirmed.enumerated().filter { item in item.offset % 7 != sessionIndex && !(sessionIndex == 2 && item.offset % 5 == 4) }.compactMap(\.element.id)
                try await TrainingsData.setAttendance(session: session.requireID(), present: Set(present), registrations: confirmed.compactMap(\.id), on: database)
            }
            try await seedLearning(event: event, confirmed: confirmed, index: index, on: database)
            certificates += try await TrainingsData.issueCertificates(event: event, signer: signer, baseURL: app.iceda.config.baseURL,
                                                                       now: sessions.last.flatMap { CalendarDate(iso: $0.day)?.noonUTC } ?? Date(), on: database)
        }
        try await seedOutreach(organisers: organisers, today: today, on: database)
        return (plans.count, certificates)
    }

    typealias Text = [AppLocale: String]

    /// The demo's question bank: three questions on online safety and three on e-government, in four languages
    /// (Serbian Cyrillic readers see the Serbian Latin text transliterated). The first option id list is the right one.
    static let questions: [(topic: String, kind: String, text: Text, options: [Text], right: String)] = [
        ("online-safety", "single",
         [.en: "A message asks you to confirm a tax refund by typing your card number on a link. What do you do?",
          .sq: "Një mesazh ju kërkon të konfirmoni një rimbursim tatimor duke shkruar numrin e kartës në një lidhje. Çfarë bëni?",
          .mk: "Порака ве бара да потврдите даночен поврат со внесување на бројот на картичката на линк. Што правите?",
          .srLatn: "Poruka traži da potvrdite povraćaj poreza upisivanjem broja kartice na linku. Šta radite?"],
         [[.en: "Type the number quickly before the offer ends", .sq: "E shkruaj numrin shpejt para se të mbarojë oferta", .mk: "Брзо го внесувам бројот пред да истече понудата", .srLatn: "Brzo upišem broj pre nego što ponuda istekne"],
          [.en: "Open the tax office's site myself and check there", .sq: "Hap vetë faqen e administratës tatimore dhe kontrolloj atje", .mk: "Сам ја отворам страницата на Управата за јавни приходи и проверувам таму", .srLatn: "Sam otvorim sajt poreske uprave i proverim tamo"],
          [.en: "Reply with my phone number", .sq: "Përgjigjem me numrin tim të telefonit", .mk: "Одговарам со мојот телефонски број", .srLatn: "Odgovorim svojim brojem telefona"]], "b"),
        ("online-safety", "multiple",
         [.en: "Which signs suggest a fake government website? (Choose all that apply.)",
          .sq: "Cilat shenja tregojnë një faqe të rreme të institucioneve? (Zgjidhni të gjitha që vlejnë.)",
          .mk: "Кои знаци укажуваат на лажна владина страница? (Изберете ги сите што важат.)",
          .srLatn: "Koji znaci ukazuju na lažni sajt institucija? (Izaberite sve što važi.)"],
         [[.en: "The address is not on the country's official domain", .sq: "Adresa nuk është në domenin zyrtar të vendit", .mk: "Адресата не е на официјалниот домен на државата", .srLatn: "Adresa nije na zvaničnom domenu države"],
          [.en: "It asks for bank card details for a free service", .sq: "Kërkon të dhënat e kartës bankare për një shërbim falas", .mk: "Бара податоци од банкарска картичка за бесплатна услуга", .srLatn: "Traži podatke platne kartice za besplatnu uslugu"],
          [.en: "It has a contact page", .sq: "Ka një faqe kontakti", .mk: "Има страница за контакт", .srLatn: "Ima stranicu za kontakt"],
          [.en: "The address has a spelling mistake in the institution's name", .sq: "Adresa ka një gabim drejtshkrimor në emrin e institucionit", .mk: "Адресата има правописна грешка во името на институцијата", .srLatn: "Adresa ima slovnu grešku u nazivu institucije"]], "a;b;d"),
        ("online-safety", "single",
         [.en: "What makes a password strong?", .sq: "Çfarë e bën një fjalëkalim të fortë?", .mk: "Што ја прави лозинката силна?", .srLatn: "Šta lozinku čini jakom?"],
         [[.en: "My date of birth", .sq: "Data ime e lindjes", .mk: "Мојот датум на раѓање", .srLatn: "Moj datum rođenja"],
          [.en: "A long phrase of several unrelated words", .sq: "Një frazë e gjatë me disa fjalë pa lidhje", .mk: "Долга фраза од неколку неповрзани зборови", .srLatn: "Duga fraza od nekoliko nepovezanih reči"],
          [.en: "The same password on every site", .sq: "I njëjti fjalëkalim në çdo faqe", .mk: "Истата лозинка на секоја страница", .srLatn: "Ista lozinka na svakom sajtu"]], "b"),
        ("e-government", "single",
         [.en: "What do you usually need to sign in to a national e-government portal?",
          .sq: "Çfarë ju nevojitet zakonisht për t'u identifikuar në portalin kombëtar të e-qeverisjes?",
          .mk: "Што обично ви треба за да се најавите на националниот портал за е-услуги?",
          .srLatn: "Šta vam obično treba da se prijavite na nacionalni portal e-uprave?"],
         [[.en: "An electronic identity or an account on the portal", .sq: "Një identitet elektronik ose një llogari në portal", .mk: "Електронски идентитет или профил на порталот", .srLatn: "Elektronski identitet ili nalog na portalu"],
          [.en: "Only my name", .sq: "Vetëm emri im", .mk: "Само моето име", .srLatn: "Samo moje ime"],
          [.en: "A paid mobile app", .sq: "Një aplikacion celular me pagesë", .mk: "Платена мобилна апликација", .srLatn: "Plaćena mobilna aplikacija"]], "a"),
        ("e-government", "single",
         [.en: "An e-service shows a portal error. What helps most?", .sq: "Një e-shërbim shfaq një gabim të portalit. Çfarë ndihmon më shumë?",
          .mk: "Е-услугата покажува грешка на порталот. Што најмногу помага?", .srLatn: "E-usluga prikazuje grešku portala. Šta najviše pomaže?"],
         [[.en: "Give up and never try again", .sq: "Heq dorë dhe nuk provoj më", .mk: "Се откажувам и не пробувам повеќе", .srLatn: "Odustanem i više ne pokušavam"],
          [.en: "Note the error, try later and tell the institution or a help centre", .sq: "Shënoj gabimin, provoj më vonë dhe njoftoj institucionin ose një qendër ndihme", .mk: "Ја запишувам грешката, пробувам подоцна и ја известувам институцијата или центар за поддршка", .srLatn: "Zapišem grešku, pokušam kasnije i javim instituciji ili centru za podršku"],
          [.en: "Send a photo of my ID card to whoever answers online", .sq: "Dërgoj foton e letërnjoftimit kujtdo që përgjigjet në internet", .mk: "Праќам фотографија од личната карта на кој било што ќе одговори на интернет", .srLatn: "Pošaljem fotografiju lične karte bilo kome ko odgovori na internetu"]], "b"),
        ("e-government", "multiple",
         [.en: "Which of these are offered as e-services in the region? (Choose all that apply.)",
          .sq: "Cilat nga këto ofrohen si e-shërbime në rajon? (Zgjidhni të gjitha që vlejnë.)",
          .mk: "Кои од овие се нудат како е-услуги во регионот? (Изберете ги сите што важат.)",
          .srLatn: "Koje od ovih se nude kao e-usluge u regionu? (Izaberite sve što važi.)"],
         [[.en: "Requesting a birth certificate", .sq: "Kërkesa për certifikatë lindjeje", .mk: "Барање извод од матична книга на родени", .srLatn: "Zahtev za izvod iz matične knjige rođenih"],
          [.en: "Paying local taxes", .sq: "Pagesa e taksave vendore", .mk: "Плаќање локални даноци", .srLatn: "Plaćanje lokalnih poreza"],
          [.en: "Booking a doctor's appointment", .sq: "Rezervimi i një takimi te mjeku", .mk: "Закажување преглед кај лекар", .srLatn: "Zakazivanje pregleda kod lekara"],
          [.en: "Getting a haircut", .sq: "Prerja e flokëve", .mk: "Шишање", .srLatn: "Šišanje"]], "a;b;c"),
    ]

    static func seedQuestions(on database: Database) async throws {
        for (index, item) in questions.enumerated() {
            let question = TrainingQuestion()
            question.topic = item.topic
            question.position = index + 1
            question.kind = item.kind
            question.text = LocalizedText(item.text)
            question.options = item.options.enumerated().map { TrainingQuestion.Option(id: String(UnicodeScalar(UInt8(97 + $0.offset))), text: LocalizedText($0.element)) }
            question.right = item.right
            question.points = 1
            try await question.create(on: database)
        }
    }

    /// Pre- and post-tests for the events with tests (most people answer more right after the event), and feedback
    /// from most of those who came.
    static func seedLearning(event: TrainingEvent, confirmed: [TrainingRegistrationRecord], index: Int, on database: Database) async throws {
        let bank = try await LearningData.questions(for: event, on: database)
        for (offset, person) in confirmed.enumerated() {
            if !bank.isEmpty {
                func answers(right: (Int) -> Bool) -> [String: Set<String>] {
                    Dictionary(uniqueKeysWithValues: bank.enumerated().map { position, question in
                        let correct = Set(question.right.split(separator: ";").map(String.init))
                        let wrong = Set(question.options.map(\.id)).subtracting(correct).prefix(1)
                        return (question.id!.uuidString.lowercased(), right(position) ? correct : Set(wrong))
                    })
                }
                _ = try await LearningData.saveTest(registration: person, phase: "pre", questions: bank,
                                                    answers: answers { ($0 + offset) % 3 == 0 }, on: database)
                if offset % 6 != 5 {
                    _ = try await LearningData.saveTest(registration: person, phase: "post", questions: bank,
                                                        answers: answers { ($0 + offset + index) % 5 != 0 }, on: database)
                }
            }
            if offset % 4 != 3 {
                let comments = ["", "", "Useful examples from our municipality.", "", "More time for practice, please."]
                _ = try await LearningData.giveFeedback(registration: person, satisfaction: [5, 4, 5, 3, 4, 5, 2, 4][(offset + index) % 8], comment: comments[offset % comments.count], on: database)
            }
        }
    }

    /// Awareness sessions that network CSOs reported: most approved, one waiting for staff.
    static func seedOutreach(organisers: [Organisation], today: CalendarDate, on database: Database) async throws {
        let towns = ["AL": "Elbasan", "XK": "Gjilan", "ME": "Bar", "MK": "Tetovo", "RS": "Kragujevac", "BA": "Tuzla"]
        for (index, organisation) in organisers.filter({ towns[$0.countryCode] != nil }).prefix(7).enumerated() {
            let session = OutreachSession()
            session.organisationID = try organisation.requireID()
            session.submittedBy = nil
            session.day = today.adding(days: -30 * (index + 1)).iso
            session.country = organisation.countryCode
            session.town = towns[organisation.countryCode] ?? organisation.municipality
            session.topic = index % 2 == 0 ? "online-safety" : "digital-skills"
            session.women = 14 + index
            session.men = 9 + index % 3
            session.otherGender = 0
            session.youth = 6
            session.adults = 10 + index
            session.older = 7 + index % 3
            session.groups = "elderly:\(7 + index % 3);rural:\(5 + index)"
            session.summary = "Demo session, invented for trying the platform."
            session.evidence = "Sign-in sheet kept at the organisation's office."
            session.state = index == 0 ? "pending" : "approved"
            session.decisionNote = ""
            try await session.create(on: database)
        }
    }
}
