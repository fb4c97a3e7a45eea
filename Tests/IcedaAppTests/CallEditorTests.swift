// Staff set up a call and its lots in the browser: what is typed is checked with the pure rules, comes back on
// a refusal, and the new call is what applicants see; a lot's rules freeze once applications are submitted.
import Fluent
import Foundation
import Localization
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

@Suite struct CallEditorTests {
    private let callFields: [(String, String)] = [
        ("code", "iceda-sg-2028"), ("title_en", "Small grants 2028"), ("title_sq", "Grante të vogla 2028"), ("title_mk", "Мали грантови 2028"),
        ("title_sr-Latn", "Mali grantovi 2028"), ("text_en", "Support for local e-service centres."),
        ("opens_date", "2028-02-01"), ("opens_time", "09:00"), ("deadline_date", "2028-03-15"), ("deadline_time", "16:00"),
        ("time_zone", "Europe/Tirane"), ("status", "draft"), ("minimum_reviews", "3"), ("spread_threshold", "25"), ("appeal_days", "10"),
    ]

    private func lotFields(criteria: String, minimum: String = "10 000") -> [(String, String)] {
        [("code", "lot-a"), ("position", "1"), ("title_en", "Support centres"), ("envelope", "60.000,00"), ("minimum", minimum),
         ("maximum", "15.000,00"), ("duration", "12"), ("co_financing", "12,5"), ("countries[]", "AL"), ("countries[]", "XK"), ("kinds[]", "cso"),
         ("minimum_results", "0"), ("criteria", criteria), ("max_grants", "4"), ("tranches", "70; 30"), ("reallocation", "15")]
    }

    @Test func aCallAndItsLotAreSetUpCheckedAndOpened() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            _ = try await GrantsSeed.seedDemo(on: app.db)
            let programme = try #require(try await GrantProgramme.query(on: app.db).first())
            let staff = Browser(app)
            try await staff.signIn()
            let t = Translator(locale: .en)

            // A deadline before the opening and a form that is not JSON: both reported, everything typed kept.
            let broken = try await staff.post("/en/staff/grants/calls/new",
                                              form: callFields.map { $0.0 == "deadline_date" ? ($0.0, "2028-01-15") : $0 }
                                                + [("programme", programme.id!.uuidString), ("form", "{\"sections\": [")],
                                              csrfFrom: "/en/staff/grants/calls/new")
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.body.string.contains(t("grants.call.deadline-not-after-opening").htmlEscaped))
            #expect(broken.body.string.contains(t("grants.callform.error.json").htmlEscaped))
            #expect(broken.body.string.contains("Мали грантови 2028"))

            // A form whose condition points at a later question is refused with the definition rule's reason.
            let later = #"{"sections":[{"id":"a","title":{"en":"A"},"questions":[{"id":"why","kind":"short-text","title":{"en":"Why?"},"showWhen":{"question":"centre","equals":"yes"}},{"id":"centre","kind":"single-choice","title":{"en":"Centre?"},"choices":[{"id":"yes","title":{"en":"Yes"}}]}]}]}"#
            let badForm = try await staff.post("/en/staff/grants/calls/new", form: callFields + [("programme", programme.id!.uuidString), ("form", later)],
                                               csrfFrom: "/en/staff/grants/calls/new")
            #expect(badForm.status == .unprocessableEntity)
            #expect(badForm.body.string.contains(t("grants.form-definition.condition-later-question", ["owner": "why", "question": "centre"]).htmlEscaped))

            let created = try await staff.post("/en/staff/grants/calls/new", form: callFields + [("programme", programme.id!.uuidString), ("form", "")],
                                               csrfFrom: "/en/staff/grants/calls/new")
            #expect(created.status == .seeOther)
            let call = try #require(try await GrantCall.query(on: app.db).filter(\.$code == "iceda-sg-2028").first())
            // 16:00 in Tirana on 15 March 2028 (CET, UTC+1) is 15:00 UTC.
            #expect(ISO8601DateFormatter().string(from: call.deadline) == "2028-03-15T15:00:00Z")
            #expect(call.minimumReviews == 3 && call.spreadThreshold == 25 && call.appealDays == 10 && call.status == .draft)
            #expect(call.title[.mk] == "Мали грантови 2028")

            // "10.000" on an English page could be ten or ten thousand: refused, never guessed.
            let lotPage = "/en/staff/grants/calls/iceda-sg-2028/lots/new"
            let ambiguous = try await staff.post(lotPage, form: lotFields(criteria: "relevance | 100 | 10 | Relevance", minimum: "10.000"), csrfFrom: lotPage)
            #expect(ambiguous.status == .unprocessableEntity)
            #expect(ambiguous.body.string.contains(t("grants.money.ambiguous-separator", ["separator": "."]).htmlEscaped))
            #expect(ambiguous.body.string.contains("value=\"10.000\""))
            // Criteria whose weights add up to 90 are refused by the call rules; the lines typed stay.
            let ninety = "relevance | 50 | 10 | Relevance\ncost | 40 | 5 | Cost"
            let refused = try await staff.post(lotPage, form: lotFields(criteria: ninety), csrfFrom: lotPage)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(t("grants.call.weights-not-100", ["sum": "90"]).htmlEscaped))
            #expect(refused.body.string.contains("cost | 40 | 5 | Cost"))

            let good = "relevance | 60 | 10 | Relevance | Rëndësia\ncost | 40 | 5 | Cost"
            #expect(try await staff.post(lotPage, form: lotFields(criteria: good), csrfFrom: lotPage).status == .seeOther)
            let lot = try #require(try await GrantLot.query(on: app.db).filter(\.$callID == call.requireID()).first())
            // 60.000,00 (both marks: the comma is the decimal one), 10 000 (a space only groups), 12,5 % is 1,250 basis points.
            #expect(lot.envelopeMinor == 6_000_000 && lot.minAmountMinor == 1_000_000 && lot.maxAmountMinor == 1_500_000)
            #expect(lot.minCoFinancingBasisPoints == 1_250 && lot.trancheCodes == "7000;3000" && lot.maxGrants == 4)
            #expect(lot.eligibleCountries == ["AL", "XK"] && lot.criteria.map(\.weight) == [60, 40])
            #expect(lot.criteria.first?.title[.sq] == "Rëndësia")

            // Opened, the call is on the public page with its lot.
            let editPage = "/en/staff/grants/calls/iceda-sg-2028/edit"
            // A form opened before another save is refused, the typed title kept.
            let stale = try await staff.post(editPage, form: callFields.map { $0.0 == "title_en" ? ($0.0, "Stale title") : $0 }
                                                + [("programme", programme.id!.uuidString), ("version", "7")], csrfFrom: editPage)
            #expect(stale.status == .conflict && stale.body.string.contains("Stale title"))
            let open = try await staff.post(editPage, form: callFields.map { $0.0 == "status" ? ($0.0, "open") : $0 } + [("programme", programme.id!.uuidString), ("version", "0")],
                                            csrfFrom: editPage)
            #expect(open.status == .seeOther)
            let publicPage = try await app.testing().sendRequest(.GET, "/en/grants/calls/iceda-sg-2028")
            #expect(publicPage.status == .ok && publicPage.body.string.contains("Support centres"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["grants.call.create", "grants.call.update", "grants.lot.create"]).count() == 3)
        }
    }

    @Test func aLotsRulesFreezeOnceApplicationsAreSubmitted() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            _ = try await GrantsSeed.seedDemo(on: app.db)
            _ = try await GrantsCycleSeed.seed(on: app.db)
            let staff = Browser(app)
            try await staff.signIn()
            let page = "/en/staff/grants/calls/\(GrantsCycleSeed.evaluationCallCode)/lots/lot-1/edit"
            let form = try await staff.get(page)
            #expect(form.status == .ok && form.body.string.contains(Translator(locale: .en)("grants.lotform.frozen_notice").htmlEscaped))
            let call = try #require(try await GrantCall.query(on: app.db).filter(\.$code == GrantsCycleSeed.evaluationCallCode).first())
            let lot = try #require(try await GrantLot.query(on: app.db).filter(\.$callID == call.requireID()).filter(\.$code == "lot-1").first())
            var input = CallRoutes.input(of: lot, currency: .eur, locale: .en)
            // A new title is allowed; a new maximum amount is not.
            input.titles["en"] = "E-government support centres (renamed)"
            func fields(_ input: LotInput) -> [(String, String)] {
                [("position", input.position), ("title_en", input.titles["en"] ?? ""), ("envelope", input.envelope), ("minimum", input.minimum),
                 ("maximum", input.maximum), ("duration", input.duration), ("co_financing", input.coFinancing), ("results", input.results),
                 ("minimum_results", input.minimumResults), ("criteria", input.criteria), ("max_grants", input.maxGrants),
                 ("max_per_country", input.maxPerCountry), ("tranches", input.tranches), ("reallocation", input.reallocation), ("version", String(input.version))]
                    + input.countries.sorted().map { ("countries[]", $0) } + input.kinds.sorted().map { ("kinds[]", $0) }
            }
            // The form shows the lot as stored: 10 % co-financing, tranches 80; 20 (hand-written from the demo seed).
            #expect(input.coFinancing == "10" && input.tranches == "80; 20")
            #expect(try await staff.post(page, form: fields(input), csrfFrom: page).status == .seeOther)
            input.version += 1
            input.maximum = "20,000.00"
            let frozen = try await staff.post(page, form: fields(input), csrfFrom: page)
            #expect(frozen.status == .conflict)
            let stored = try #require(try await GrantLot.find(lot.id, on: app.db))
            #expect(stored.maxAmountMinor == 1_700_000 && stored.title[.en] == "E-government support centres (renamed)")
        }
    }
}

@Suite struct ProgrammeEditorTests {
    @Test func staffAddAProgrammeAndCannotChangeTheCurrencyOfOneWithCalls() async throws {
        try await withTestApp { app in
            _ = try await NetworkSeed.seedDemo(on: app.db)
            _ = try await GrantsSeed.seedDemo(on: app.db)
            let staff = Browser(app)
            try await staff.signIn()
            let page = "/en/staff/grants/programmes"
            let bad = try await staff.post(page, form: [("code", "balkan-digital"), ("name", "Balkan Digital Fund"), ("donor", "A Foundation"),
                                                        ("donor_identifier", "not an id"), ("currency", "EUR")], csrfFrom: page)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Balkan Digital Fund"))
            let good = try await staff.post(page, form: [("code", "balkan-digital"), ("name", "Balkan Digital Fund"), ("donor", "A Foundation"),
                                                         ("donor_identifier", "GB-CHC-1234567"), ("currency", "CHF")], csrfFrom: page)
            #expect(good.status == .seeOther)
            #expect(try await GrantProgramme.query(on: app.db).filter(\.$code == "balkan-digital").first()?.currencyCode == "CHF")
            // ICEDA has calls with amounts in euros: its currency stays.
            let frozen = try await staff.post(page, form: [("code", "iceda"), ("name", "ICEDA"), ("donor", "European Union"),
                                                           ("donor_identifier", "XI-IATI-EC_NEAR"), ("currency", "USD")], csrfFrom: page)
            #expect(frozen.status == .unprocessableEntity)
            #expect(try await GrantProgramme.query(on: app.db).filter(\.$code == "iceda").first()?.currencyCode == "EUR")
        }
    }
}
