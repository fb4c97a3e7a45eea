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
            certificates += try await TrainingsData.issueCertificates(event: event, signer: signer, baseURL: app.iceda.config.baseURL,
                                                                       now: sessions.last.flatMap { CalendarDate(iso: $0.day)?.noonUTC } ?? Date(), on: database)
        }
        return (plans.count, certificates)
    }
}
