// The grants slice: demo seed with the real figures, public pages in five locales, the register,
// the 360Giving export (API and CLI) and strict API parameters.
import ConsoleKit
import Foundation
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

/// A test app with the demo directory and the demo grants.
private func withGrantsDemo(_ body: (Application) async throws -> Void) async throws {
    try await withTestApp { app in
        _ = try await NetworkSeed.seedDemo(on: app.db)
        let added = try await GrantsSeed.seedDemo(on: app.db)
        #expect(added == 8)
        try await body(app)
    }
}

private func body(_ app: Application, _ path: String, status: HTTPStatus = .ok) async throws -> String {
    let response = try await app.testing().sendRequest(.GET, path)
    #expect(response.status == status, "\(path): \(response.status)")
    return response.body.string
}

@Suite struct GrantsSeedTests {
    @Test func theDemoCallHasBothRealLots() async throws {
        try await withGrantsDemo { app in
            let calls = try await GrantsData.publicCalls(on: app.db)
            try #require(calls.count == 1)
            let call = calls[0]
            #expect(call.programme.currencyCode == "EUR" && call.programme.donor == "European Union")
            #expect(call.call.title[.en] == "Small grants for the Digital Agenda")
            #expect(call.call.timeZoneIdentifier == "Europe/Skopje")
            try #require(call.lots.map(\.code) == ["lot-1", "lot-2"])
            let lot1 = call.lots[0], lot2 = call.lots[1]
            // Lot 1: 15 grants of EUR 13,000–17,000 for 18 months, three per country, in the five countries.
            #expect(lot1.minAmountMinor == 1_300_000 && lot1.maxAmountMinor == 1_700_000)
            #expect(lot1.durationMonths == 18 && lot1.maxGrants == 15 && lot1.maxGrantsPerCountry == 3)
            #expect(lot1.eligibleCountries == ["AL", "XK", "ME", "MK", "RS"])
            #expect(lot1.envelopeMinor == nil)
            // Lot 2: EUR 75,000 for grants of EUR 3,000–7,000 over 6 months, at least two of five results.
            #expect(lot2.envelopeMinor == 7_500_000)
            #expect(lot2.minAmountMinor == 300_000 && lot2.maxAmountMinor == 700_000 && lot2.durationMonths == 6)
            #expect(lot2.minimumResults == 2 && lot2.resultsMenu.map(\.id) == ["policy-change", "recommendations", "e-service", "citizens-plus-20", "media-15"])
            #expect(lot2.criteria.map(\.weight).reduce(0, +) == 100)
            // every demo grant lies within its lot's range, and is marked as demo
            let rows = try await GrantsData.register(on: app.db)
            #expect(rows.count == 8)
            for row in rows {
                #expect((row.lot.minAmountMinor...row.lot.maxAmountMinor).contains(row.grant.amountMinor), "\(row.grant.identifier)")
                #expect(row.grant.title.hasPrefix("Demo") && row.grant.identifier.hasPrefix("360G-iceda-"))
            }
            // a second run adds nothing
            #expect(try await GrantsSeed.seedDemo(on: app.db) == nil)
        }
    }
}

@Suite struct GrantsPageTests {
    @Test func theGrantsPageFormatsAmountsPerLocale() async throws {
        try await withGrantsDemo { app in
            // (locale, EUR 13,000 – 17,000 as the locale writes it, EUR 75,000, the call's title, the deadline; Serbian
            // dates take the month's genitive, CLDR's format context: "15. juna 2020.")
            let expected: [(String, String, String, String, String)] = [
                ("en", "€13,000.00 – €17,000.00", "€75,000.00", "Small grants for the Digital Agenda", "15 June 2020, 16:00 (Europe/Skopje)"),
                ("sq", "13\u{00A0}000,00\u{00A0}€ – 17\u{00A0}000,00\u{00A0}€", "75\u{00A0}000,00\u{00A0}€", "Grante të vogla për Agjendën Dixhitale", "15 qershor 2020, 16:00 (Europe/Skopje)"),
                ("mk", "13.000,00\u{00A0}€ – 17.000,00\u{00A0}€", "75.000,00\u{00A0}€", "Мали грантови за Дигиталната агенда", "15 јуни 2020, 16:00 (Europe/Skopje)"),
                ("sr-Latn", "13.000,00\u{00A0}€ – 17.000,00\u{00A0}€", "75.000,00\u{00A0}€", "Mali grantovi za Digitalnu agendu", "15. juna 2020., 16:00 (Europe/Skopje)"),
                ("sr-Cyrl", "13.000,00\u{00A0}€ – 17.000,00\u{00A0}€", "75.000,00\u{00A0}€", "Мали грантови за Дигиталну агенду", "15. јуна 2020., 16:00 (Europe/Skopje)"),
            ]
            for (locale, lot1Range, lot2Envelope, title, deadline) in expected {
                let html = try await body(app, "/\(locale)/grants")
                #expect(html.contains(lot1Range), "\(locale): Lot 1 range")
                #expect(html.contains(lot2Envelope), "\(locale): Lot 2 envelope")
                #expect(html.contains(title), "\(locale): title")
                #expect(html.contains(deadline), "\(locale): deadline")
                #expect(html.contains("href=\"/\(locale)/grants\""), "\(locale): navigation")
                #expect(html.contains("<caption>"))
                let call = try await body(app, "/\(locale)/grants/calls/iceda-sg-2020")
                #expect(call.contains(title) && call.contains(lot1Range), "\(locale): call page")
                let register = try await body(app, "/\(locale)/grants/register")
                #expect(register.contains("<caption>"), "\(locale): register")
            }
            // EUR 13,000 in en and mk, as the brief writes it
            #expect(try await body(app, "/en/grants").contains("13,000"))
            #expect(try await body(app, "/mk/grants").contains("13.000"))
        }
    }

    @Test func theCallPageShowsResultsCriteriaAndFallsBack() async throws {
        try await withGrantsDemo { app in
            let en = try await body(app, "/en/grants/calls/iceda-sg-2020")
            for text in ["Digital-agenda advocacy", "E-government support centres", "At least 3 policy recommendations",
                         "Each grant delivers at least 2 of these results:", "Relevance", "Cost-effectiveness", "18 months", "6 months",
                         "Albania, Kosovo, Montenegro, North Macedonia, Serbia", "not published", "10%"] {
                #expect(en.contains(text), "missing: \(text)")
            }
            let mk = try await body(app, "/mk/grants/calls/iceda-sg-2020")
            #expect(mk.contains("Најмалку 3 препораки за политики") && mk.contains("18 месеци") && mk.contains("Релевантност"))
            try await app.testing().test(.GET, "/en/grants/calls/no-such-call") { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/en/grants/calls/BAD%20CODE") { #expect($0.status == .notFound) }
        }
    }

    @Test func theRegisterListsTheDemoGrantsSortedAndPaged() async throws {
        try await withGrantsDemo { app in
            let html = try await body(app, "/en/grants/register")
            for name in ["Demo Digital Rights Tiranë", "Demo Digital Rights Prishtinë", "Demo Digital Rights Podgorica", "Demo Digital Rights Skopje",
                         "Demo Digital Rights Beograd", "Demo Digital Rights Durrës", "Demo Media Tetovo", "Demo Digital Rights Novi Sad"] {
                #expect(html.contains(name), "missing \(name)")
            }
            #expect(html.contains("8 grants awarded."))
            #expect(html.contains("href=\"/en/organisations/demo-media-tetovo\""))
            #expect(html.contains("€17,000.00") && html.contains("€3,000.00"))
            #expect(html.contains("/api/v1/grants/360giving.json") && html.contains("/api/v1/grants.csv"))
            // by amount, largest first: 17,000 before 16,500 before 3,000
            let sorted = try await body(app, "/en/grants/register?sort=-amount")
            let positions = ["€17,000.00", "€16,500.00", "€3,000.00"].map { sorted.range(of: $0)!.lowerBound }
            #expect(positions[0] < positions[1] && positions[1] < positions[2])
            #expect(sorted.contains("aria-sort=\"descending\""))
            // pages of three: page 3 holds the last two
            let page3 = try await body(app, "/en/grants/register?per_page=3&page=3")
            #expect(page3.contains("Page 3 of 3"))
            // filters: Lot 2 in North Macedonia
            let filtered = try await body(app, "/en/grants/register?lot=lot-2&country=MK")
            #expect(filtered.contains("1 grant awarded.") && filtered.contains("Demo Media Tetovo"))
            // unknown values are ignored by the page
            try await app.testing().test(.GET, "/en/grants/register?sort=nonsense&page=0&country=zz") { #expect($0.status == .ok) }
        }
    }

    @Test func anEmptySchemeShowsEmptyPages() async throws {
        try await withTestApp { app in
            #expect(try await body(app, "/en/grants").contains("No call is open at the moment."))
            #expect(try await body(app, "/en/grants/register").contains("0 grants awarded."))
            try await app.testing().test(.GET, "/api/v1/grants/360giving.json") { #expect($0.status == .notFound) }
        }
    }
}

@Suite struct GrantsExportTests {
    static let expectedAmounts: [String: String] = [
        "360G-iceda-sg2020-lot1-001": "15000.00", "360G-iceda-sg2020-lot1-002": "16500.00", "360G-iceda-sg2020-lot1-003": "13000.00",
        "360G-iceda-sg2020-lot1-004": "17000.00", "360G-iceda-sg2020-lot1-005": "14250.00",
        "360G-iceda-sg2020-lot2-001": "5000.00", "360G-iceda-sg2020-lot2-002": "7000.00", "360G-iceda-sg2020-lot2-003": "3000.00",
    ]

    @Test func theAPIServesOne360GivingGrantPerAwardedGrant() async throws {
        try await withGrantsDemo { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/grants/360giving.json")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description.hasPrefix("application/json") == true)
            let text = response.body.string
            let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(package["version"] as? String == "1.4")
            let grants = try #require(package["grants"] as? [[String: Any]])
            #expect(grants.count == 8)
            for grant in grants {
                let id = try #require(grant["id"] as? String)
                #expect(grant["currency"] as? String == "EUR")
                let expected = try #require(Self.expectedAmounts[id], "unexpected grant \(id)")
                #expect((grant["amountAwarded"] as? NSNumber).map { String(format: "%.2f", $0.doubleValue) } == expected, "\(id)")
            }
            // exact numbers in the text, written as every machine output writes money (two decimals, a dot)
            #expect(text.contains("\"amountAwarded\": 14250.00,"))
            let first = try #require(grants.first { $0["id"] as? String == "360G-iceda-sg2020-lot1-001" })
            let planned = try #require((first["plannedDates"] as? [[String: Any]])?.first)
            #expect(planned["startDate"] as? String == "2020-10-01" && planned["endDate"] as? String == "2022-03-31" && planned["duration"] as? Int == 18)
            #expect(((first["recipientOrganization"] as? [[String: Any]])?.first?["name"] as? String) == "Demo Digital Rights Tiranë")
        }
    }

    @Test func theCLIExportPrintsTheSamePackage() async throws {
        try await withGrantsDemo { app in
            let api = try await app.testing().sendRequest(.GET, "/api/v1/grants/360giving.json").body.string
            let cli = try await ExportGrantsCommand.export(app, format: "360giving")
            #expect(String(decoding: cli, as: UTF8.self) == api)
            let csv = String(decoding: try await ExportGrantsCommand.export(app, format: "csv"), as: UTF8.self)
            #expect(csv.hasPrefix("identifier,title,recipient,recipient_country,call,lot,currency,amount,"))
            #expect(csv.contains(",EUR,14250.00,2020-09-15,2020-10-01,2022-03-31,18,closed\r\n"))
            #expect(csv.split(separator: "\r\n").count == 9)
            // the command itself runs through the export group (it prints to standard output)
            var context = CommandContext(console: app.console, input: CommandInput(arguments: ["iceda", "export", "grants", "--format", "360giving"]))
            context.application = app
            try await app.asyncCommands.group().run(using: &context)
            await #expect(throws: CommandFailure.self) { try await ExportGrantsCommand.export(app, format: "xml") }
        }
    }

    @Test func theCLIRefusesAnEmptyPackage() async throws {
        try await withTestApp { app in
            await #expect(throws: CommandFailure.self) { try await ExportGrantsCommand.export(app, format: "360giving") }
        }
    }

    /// The demo's eight amounts (GrantsSeed.demoAwards) by amount, largest first: 17,000 Skopje, 16,500 Prishtinë,
    /// 15,000 Tiranë, 14,250 Beograd, 13,000 Podgorica, 7,000 Tetovo, 5,000 Durrës, 3,000 Novi Sad; the register
    /// pages them in the database.
    @Test func theRegisterIsSortedAndPagedByTheDatabase() async throws {
        try await withGrantsDemo { app in
            func amounts(_ query: String) async throws -> (total: Int?, amounts: [String]) {
                let response = try await app.testing().sendRequest(.GET, "/api/v1/grants?\(query)")
                let page = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                return (page["total"] as? Int, (page["items"] as? [[String: Any]] ?? []).compactMap { $0["amount"] as? String })
            }
            let second = try await amounts("sort=-amount&per_page=3&page=2")
            #expect(second.total == 8 && second.amounts == ["14250.00", "13000.00", "7000.00"])
            let last = try await amounts("sort=amount&per_page=3&page=3")
            #expect(last.amounts == ["16500.00", "17000.00"])
            let beyond = try await amounts("sort=amount&per_page=3&page=4")
            #expect(beyond.total == 8 && beyond.amounts.isEmpty)
            // Lot 2 by recipient (Durrës, Novi Sad, Tetovo), compared by the normalised name
            let lot2 = try await app.testing().sendRequest(.GET, "/api/v1/grants?lot=lot-2&sort=recipient")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(lot2.body.readableBytesView)) as? [String: Any])["items"] as? [[String: Any]]
            #expect(items?.compactMap { $0["recipient"] as? String }
                    == ["Demo Digital Rights Durrës", "Demo Digital Rights Novi Sad", "Demo Media Tetovo"])
            // the page shows the same order as the API
            let html = try await app.testing().sendRequest(.GET, "/en/grants/register?sort=-amount").body.string
            let skopje = try #require(html.range(of: "Demo Digital Rights Skopje")), novi = try #require(html.range(of: "Demo Digital Rights Novi Sad"))
            #expect(skopje.lowerBound < novi.lowerBound)
        }
    }

    @Test func theRegisterAPIFiltersAndRefusesBadParameters() async throws {
        try await withGrantsDemo { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/grants?lot=lot-1&sort=-amount&per_page=2")
            #expect(response.status == .ok)
            let page = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(page["total"] as? Int == 5)
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.map { $0["amount"] as? String } == ["17000.00", "16500.00"])
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/grants.csv?country=RS")
            #expect(csv.status == .ok && csv.body.string.split(separator: "\r\n").count == 3)
            for bad in ["page=0", "page=x", "per_page=101", "sort=name", "sort=--amount", "country=rs", "country=SRB", "country=%C3%89U",
                        "call=Bad!", "lot=", "lot=\(String(repeating: "a", count: 61))"] {
                try await app.testing().test(.GET, "/api/v1/grants?\(bad)") { #expect($0.status == .badRequest, "\(bad)") }
                try await app.testing().test(.GET, "/api/v1/grants.csv?\(bad)") { #expect($0.status == .badRequest, "csv \(bad)") }
            }
        }
    }
}
