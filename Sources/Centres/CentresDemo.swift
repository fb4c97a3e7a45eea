// Demo centres (three per programme country, run by the demo organisations of their towns) with a year of
// generated cases whose shape follows the real programme: about 31,770 citizens in two years across the
// centres, mostly in person, many elderly and rural, two in three helped to the end. `iceda centres bench-data`
// writes many more cases the same way for scripts/bench.
import ConsoleKit
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Observatory
import Vapor

enum CentresDemo {
    struct Town {
        var country: String
        var name: String
        var latitude: Double
        var longitude: Double
        var languages: String
    }

    static let towns: [Town] = [
        Town(country: "AL", name: "Tiranë", latitude: 41.3275, longitude: 19.8187, languages: "sq,en"),
        Town(country: "AL", name: "Durrës", latitude: 41.3231, longitude: 19.4414, languages: "sq"),
        Town(country: "AL", name: "Shkodër", latitude: 42.0683, longitude: 19.5126, languages: "sq,rom"),
        Town(country: "XK", name: "Prishtinë", latitude: 42.6629, longitude: 21.1655, languages: "sq,sr,en"),
        Town(country: "XK", name: "Prizren", latitude: 42.2139, longitude: 20.7397, languages: "sq,tr,bs"),
        Town(country: "XK", name: "Pejë", latitude: 42.6593, longitude: 20.2887, languages: "sq,rom"),
        Town(country: "ME", name: "Podgorica", latitude: 42.4304, longitude: 19.2594, languages: "sr,sq,en"),
        Town(country: "ME", name: "Nikšić", latitude: 42.7731, longitude: 18.9445, languages: "sr"),
        Town(country: "ME", name: "Bar", latitude: 42.0931, longitude: 19.1003, languages: "sr,sq"),
        Town(country: "MK", name: "Skopje", latitude: 41.9973, longitude: 21.4280, languages: "mk,sq,rom"),
        Town(country: "MK", name: "Bitola", latitude: 41.0297, longitude: 21.3292, languages: "mk"),
        Town(country: "MK", name: "Tetovo", latitude: 42.0069, longitude: 20.9715, languages: "mk,sq"),
        Town(country: "RS", name: "Beograd", latitude: 44.7866, longitude: 20.4489, languages: "sr,en,rom"),
        Town(country: "RS", name: "Novi Sad", latitude: 45.2671, longitude: 19.8335, languages: "sr"),
        Town(country: "RS", name: "Niš", latitude: 43.3209, longitude: 21.8958, languages: "sr,rom"),
    ]

    /// The demo centres and a year of cases, into a database without centres; nil when there is nothing to do.
    static func seed(on database: Database, now: Date = Date()) async throws -> (centres: Int, cases: Int)? {
        guard try await Centre.query(on: database).count() == 0 else { return nil }
        var centres: [Centre] = []
        let today = CalendarDate(utc: now)
        for (index, town) in towns.enumerated() {
            let slugs = ["demo-digital-rights-\(Slug.make(town.name))", "demo-media-\(Slug.make(town.name))"]
            guard let organisation = try await Organisation.query(on: database).filter(\.$slug ~~ slugs).first() else { continue }
            let centre = Centre()
            centre.version = 1
            centre.slug = "centre-\(Slug.make(town.name))"
            centre.name = "e-Services Help Desk \(town.name)"
            centre.organisationID = try organisation.requireID()
            centre.grantReference = index % 3 == 2 ? "" : "ICEDA-L1-\(town.country)-\(index % 3 + 1)"
            centre.country = town.country
            centre.municipality = town.name
            centre.area = ""
            centre.address = "\(town.name), \(index % 2 == 0 ? "Rruga/Ulica 1" : "Post office, ground floor")"
            centre.latitude = town.latitude
            centre.longitude = town.longitude
            centre.weekdays = index % 4 == 0 ? "1,2,3,4,5,6" : "1,2,3,4,5"
            centre.opens = 9
            centre.closes = index % 2 == 0 ? 17 : 15
            centre.slotCapacity = index % 5 == 4 ? 0 : 2
            centre.languages = town.languages
            centre.stepFree = index % 3 != 1
            centre.signLanguage = index % 5 == 0
            centre.easyRead = index % 2 == 0
            centre.channels = index % 3 == 0 ? "in-person,phone,email,mobile" : "in-person,phone,email"
            centre.summary = LocalizedText([.en: "Demo centre, invented for trying the platform.", .sq: "Qendër demonstruese, e shpikur për të provuar platformën.",
                                            .mk: "Демонстративен центар, измислен за пробување на платформата.",
                                            .srLatn: "Demo centar, izmišljen za isprobavanje platforme."])
            // opened for the programme's second year (the real centres opened in early 2021)
            centre.openedOn = CalendarDate(2021, 1, 11)!.adding(days: index).iso
            centre.closedOn = ""
            centre.yearlyTarget = 1_000
            try await centre.save(on: database)
            centres.append(centre)
        }
        guard !centres.isEmpty else { return nil }
        if let admin = try await User.query(on: database).filter(\.$role == .admin).sort(\.$createdAt).first() {
            try await CentreOperator(centreID: centres[0].requireID(), userID: admin.requireID()).save(on: database)
        }
        var total = 0
        for (index, centre) in centres.enumerated() {
            // the programme's two years of centres (Feb 2021 – Jan 2023): 31,770 citizens in all, 2,118 per centre
            total += try await generate(for: centre, count: 31_770 / 15, from: CalendarDate(2021, 2, 1)!, to: CalendarDate(2023, 1, 31)!,
                                        seed: UInt64(100 + index), on: database)
            // and the last twelve months, so that the dashboards show the present
            total += try await generate(for: centre, count: 1_000 + (index * 37) % 130, from: today.adding(days: -364), to: today, seed: UInt64(index + 1), on: database)
        }
        return (centres.count, total)
    }

    /// Writes `count` generated cases for a centre spread over the days `from…to` (weekdays), through the same
    /// write as the form (so the counters hold). Returns how many were stored.
    static func generate(for centre: Centre, count: Int, from: CalendarDate, to: CalendarDate, seed: UInt64, on database: Database) async throws -> Int {
        var generator = SplitMix64(state: seed &* 7919)
        let services = try await ServiceCatalogue.services(country: centre.country, on: database).prefix(24).map(\.code)
        var days: [CalendarDate] = []
        var day = from
        while day <= to {
            if day.isoWeekday <= 5 { days.append(day) }
            day = day.adding(days: 1)
        }
        guard !days.isEmpty else { return 0 }
        var cases: [CheckedCase] = []
        cases.reserveCapacity(count)
        for number in 0..<count {
            let outcome = generator.pick([("completed", 68), ("partly", 14), ("referred", 10), ("not-completed", 8)])
            let blocker: String
            if outcome == "completed" && generator.permille() < 800 {
                blocker = "none"
            } else {
                blocker = generator.pick([("no-eid", 24), ("digital-skills", 20), ("no-device", 12), ("no-email", 10), ("portal-error", 10),
                                          ("missing-document", 9), ("paper-only", 7), ("language", 4), ("disability", 2), ("fee", 2)])
            }
            var groups: [String] = []
            for (group, share) in [("elderly", 380), ("roma", 90), ("disability", 70), ("rural", 300), ("low-income", 200), ("youth", 120),
                                   ("unemployed", 150), ("returnee", 20)] where generator.permille() < share {
                groups.append(group)
            }
            let ageBand = groups.contains("elderly") ? "65-plus"
                : generator.pick([("18-29", 20), ("30-44", 31), ("45-64", 45), ("under-18", 2), ("unknown", 2)])
            cases.append(CheckedCase(
                clientID: "demo-\(seed)-\(number)", day: days[Int(generator.next() % UInt64(days.count))],
                channel: generator.pick(centre.channelList.contains("mobile") ? [("in-person", 58), ("phone", 24), ("email", 8), ("mobile", 10)]
                                        : [("in-person", 64), ("phone", 27), ("email", 9)]),
                service: services.isEmpty || generator.permille() < 150 ? "" : services[Int(generator.next() % UInt64(services.count))],
                task: generator.pick([("account", 22), ("certificate", 25), ("civil-registry", 10), ("health", 14), ("tax", 8), ("social-benefit", 9),
                                      ("education", 4), ("property", 3), ("business", 2), ("other", 3)]),
                outcome: outcome, blocker: blocker, ageBand: ageBand,
                gender: generator.pick([("female", 52), ("male", 47), ("unknown", 1)]),
                groups: groups, firstTime: generator.permille() < 550,
                level: generator.permille() < 800 ? "national" : "local", followUp: false, flags: []))
        }
        let (outcome, _) = try await CentresData.write(cases, centre: centre.requireID(), operator: nil, on: database)
        return outcome.stored
    }
}

/// `iceda centres bench-data --cases N`: adds N generated cases, spread over the demo centres and the last three
/// years, for scripts/bench (the issue's figure is 1,000,000).
struct CentresBenchDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "cases", help: "How many cases in all (default 1000000).") var cases: Int?
    }
    var help: String { "Adds generated assistance cases to the demo centres for benchmarks (run `iceda seed --demo` first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let total = min(max(signature.cases ?? 1_000_000, 1), 10_000_000)
        let centres = try await Centre.query(on: app.db).sort(\.$slug).all()
        guard !centres.isEmpty else { throw CommandFailure(description: "No centres: run `iceda seed --demo` first.") }
        let today = CalendarDate(utc: Date())
        var stored = 0
        for (index, centre) in centres.enumerated() {
            let share = total / centres.count + (index < total % centres.count ? 1 : 0)
            // In slices, so that memory stays flat whatever the total.
            var done = 0
            var slice = 0
            while done < share {
                let size = min(50_000, share - done)
                stored += try await CentresDemo.generate(for: centre, count: size, from: today.adding(days: -3 * 365), to: today,
                                                         seed: UInt64(1_000 + index * 1_000 + slice), on: app.db)
                done += size
                slice += 1
            }
        }
        context.console.print("Bench cases stored: \(stored).")
    }
}
