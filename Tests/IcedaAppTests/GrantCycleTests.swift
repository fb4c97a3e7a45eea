// Applicants through the web: drafts, budgets typed in our locales, attachments that lie, lost updates, the
// deadline, idempotent submission.
import DesignSystem
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

@Suite struct ApplicantJourneyTests {
    /// Starts a draft for `organisationName` in the open demo call, in `locale`, as the signed-in admin (a member of it in the demo).
    private func start(_ app: Application, _ browser: Browser, organisationName: String, locale: String) async throws -> GrantApplication {
        let organisation = try await organisation(app, organisationName)
        let response = try await browser.post("/\(locale)/grants/calls/\(GrantsCycleSeed.openCallCode)/apply",
                                              form: [("organisation", organisation.slug), ("lot", "lot-1")])
        #expect(response.status == .seeOther)
        let draft = try #require(try await GrantApplication.query(on: app.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$stateRaw == "draft").filter(\.$title == "").first())
        #expect(response.headers.first(name: .location) == path(draft, locale: locale))
        #expect(draft.locale == locale)
        return draft
    }

    @Test func aDraftTypedInMacedonianIsReadCheckedAttachedAndSubmittedOnce() async throws {
        try await withCycleDemo { app in
            let browser = Browser(app)
            try await browser.signIn()
            let draft = try await start(app, browser, organisationName: "Demo Digital Rights Prishtinë", locale: "mk")
            let saved = try await browser.post(path(draft, locale: "mk"), form: [("version", "0"), ("action", "save")] + macedonianDraft, csrfFrom: path(draft, locale: "mk"))
            #expect(saved.status == .seeOther)
            var stored = try await reload(app, draft)
            #expect(stored.requestedMinor == 1_500_050)
            #expect(stored.version == 1 && stored.title == "Центар за е-услуги во Куманово")
            #expect(stored.answers["target-groups"] == ["elderly", "roma"])
            #expect(stored.answers["centre-visits"] == ["300"])  // the draft keeps everything typed

            // The only problem left is the missing registration certificate, named in Macedonian.
            let mk = Translator(locale: .mk)
            let preview = try await browser.get(path(draft, locale: "mk", "/preview"))
            #expect(preview.body.string.contains(mk("grants.form.required", ["question": "Потврда за регистрација"]).htmlEscaped))
            #expect(!preview.body.string.contains("/submit\""))

            // A PNG named .pdf is refused with the reason, and nothing is stored.
            let lying = try await browser.multipart(path(draft, locale: "mk", "/attachments"), fields: [("question", "registration")],
                                                    file: ("file_registration", "registration.pdf", "application/pdf", pngBytes), csrfFrom: path(draft, locale: "mk"))
            #expect(lying.status == .unprocessableEntity)
            #expect(lying.body.string.contains(mk("grants.attachment.extension-mismatch", ["declared": "pdf", "actual": "png"]).htmlEscaped))
            #expect(try await GrantAttachment.query(on: app.db).count() == 0)
            let real = try await browser.multipart(path(draft, locale: "mk", "/attachments"), fields: [("question", "registration")],
                                                   file: ("file_registration", "registration.pdf", "application/pdf", pdfBytes), csrfFrom: path(draft, locale: "mk"))
            #expect(real.status == .seeOther)
            #expect(try await GrantAttachment.query(on: app.db).count() == 1)

            stored = try await reload(app, draft)
            let ready = try await browser.get(path(draft, locale: "mk", "/preview"))
            #expect(ready.body.string.contains(path(draft, locale: "mk", "/submit")))
            let submitted = try await browser.post(path(draft, locale: "mk", "/submit"), form: [("version", String(stored.version))],
                                                   csrfFrom: path(draft, locale: "mk", "/preview"))
            #expect(submitted.status == .seeOther)
            #expect(submitted.headers.first(name: .location) == path(draft, locale: "mk", "/receipt"))
            stored = try await reload(app, draft)
            #expect(stored.state == .submitted && stored.submittedAt != nil)
            // Hidden questions' answers stay out of the submission (they were saved with the draft).
            #expect(stored.answers["centre-visits"] == nil && stored.answers["centre-address"] == nil && stored.answers["has-centre"] == ["no"])
            let receipts = try await OutboxMessage.query(on: app.db).filter(\.$subject == mk("grants.email.receipt_subject", ["reference": stored.reference])).all()
            #expect(receipts.count == 1 && receipts.first?.locale == "mk")

            // Submitting again (a double click, a replayed form) lands on the receipt and sends nothing more.
            let again = try await browser.post(path(draft, locale: "mk", "/submit"), form: [("version", String(stored.version - 1))], csrfFrom: path(draft, locale: "mk"))
            #expect(again.status == .seeOther && again.headers.first(name: .location) == path(draft, locale: "mk", "/receipt"))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$subject == mk("grants.email.receipt_subject", ["reference": stored.reference])).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "grants.application.submit").filter(\.$targetID == stored.id!.uuidString).count() == 1)
            // Submitted: the form is gone, the status page says so.
            let status = try await browser.get(path(draft, locale: "en"))
            #expect(status.body.string.contains(Translator(locale: .en)("grants.state_explained.submitted").htmlEscaped))
        }
    }

    @Test func aSecondSaveFromAnOldPageIsRefusedAndKeepsItsText() async throws {
        try await withCycleDemo { app in
            let browser = Browser(app)
            try await browser.signIn()
            let draft = try await start(app, browser, organisationName: "Demo Digital Rights Beograd", locale: "en")
            let first = try await browser.post(path(draft), form: [("version", "0"), ("title", "First title"), ("summary", "One.")], csrfFrom: path(draft))
            #expect(first.status == .seeOther)
            let second = try await browser.post(path(draft), form: [("version", "0"), ("title", "Second title typed meanwhile"), ("summary", "Two.")], csrfFrom: path(draft))
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("Second title typed meanwhile"))
            #expect(second.body.string.contains(Translator(locale: .en)("grants.apply.conflict").htmlEscaped))
            #expect(try await reload(app, draft).title == "First title")
        }
    }

    @Test func autosaveAnswersJSONAndRefusesAStaleVersion() async throws {
        try await withCycleDemo { app in
            let browser = Browser(app)
            try await browser.signIn()
            let draft = try await start(app, browser, organisationName: "Demo Digital Rights Beograd", locale: "en")
            let page = try await browser.get(path(draft))
            #expect(page.body.string.contains(#"<form method="post" action="\#(path(draft))" novalidate data-autosave>"#))
            #expect(page.body.string.contains(Layout.autosaveScriptPath))
            let token = try #require(Browser.csrfToken(in: page.body.string))
            func autosave(version: Int, title: String) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                headers.replaceOrAdd(name: "X-Autosave", value: "1")
                headers.replaceOrAdd(name: .cookie, value: try #require(browser.cookie))
                let body = "_csrf=\(token)&version=\(version)&action=save&title=\(title)"
                return try await app.testing().sendRequest(.POST, path(draft), headers: headers, body: ByteBuffer(string: body))
            }
            let first = try await autosave(version: 0, title: "Autosaved")
            #expect(first.status == .ok && first.body.string.contains(#""saved":true"#) && first.body.string.contains(#""version":1"#))
            let stale = try await autosave(version: 0, title: "Older")
            #expect(stale.status == .conflict && stale.body.string.contains(#""saved":false"#))
            #expect(try await reload(app, draft).title == "Autosaved")
            let script = try await app.testing().sendRequest(.GET, "/static/autosave.js")
            #expect(script.status == .ok && script.headers.contentType?.description.hasPrefix("text/javascript") == true)
        }
    }

    @Test func theDeadlinePassingWhileTypingKeepsTheTextAndRefusesTheSubmission() async throws {
        try await withCycleDemo { app in
            let browser = Browser(app)
            try await browser.signIn()
            let draft = try await start(app, browser, organisationName: "Demo Digital Rights Beograd", locale: "sq")
            let call = try #require(try await GrantCall.query(on: app.db).filter(\.$code == GrantsCycleSeed.openCallCode).first())
            let preview = try await browser.get(path(draft, locale: "sq", "/preview"))
            let token = try #require(Browser.csrfToken(in: preview.body.string))
            call.deadline = Date().addingTimeInterval(-1)
            try await call.save(on: app.db)
            let saved = try await browser.post(path(draft, locale: "sq"), form: [("version", "0"), ("title", "Shkruar pas afatit"), ("_csrf", token)], csrf: false)
            #expect(saved.status == .seeOther)
            let refused = try await browser.post(path(draft, locale: "sq", "/submit"), form: [("version", "1"), ("_csrf", token)], csrf: false)
            #expect(refused.status == .conflict)
            let deadline = GrantsPages.instant(call.deadline, in: call.timeZone, t: Translator(locale: .sq))
            #expect(refused.body.string.contains(Translator(locale: .sq)("grants.apply.late", ["deadline": deadline]).htmlEscaped))
            let stored = try await reload(app, draft)
            #expect(stored.title == "Shkruar pas afatit" && stored.state == .draft && stored.submittedAt == nil)
        }
    }

    @Test func amountsInEveryLocalesNotationAreReadAndAmbiguousOnesRefused() {
        let t = Translator(locale: .en)
        // 1,234.56 (en), 1.234,56 (mk, sr), 1 234,56 (sq): the same 123,456 cents.
        for (locale, text) in [(AppLocale.en, "1,234.56"), (.mk, "1.234,56"), (.srLatn, "1.234,56"), (.sq, "1 234,56"), (.sq, "1234,56 €")] {
            let row = BudgetRowInput(category: "staff", description: "x", unit: "u", quantity: "1", unitCost: text, requested: text, coFinancing: "")
            let reading = ApplicationStore.readBudget([row], locale: locale, currency: .eur, t: t)
            #expect(reading.errors.isEmpty, "\(locale) \(text): \(reading.errors)")
            #expect(reading.totals?.requestedTotal.minorUnits == 123_456, "\(locale) \(text)")
        }
        // Grouping that is not in threes is refused, never read as another number; the typed text is kept.
        let row = BudgetRowInput(category: "staff", description: "x", unit: "u", quantity: "1", unitCost: "12,34,56", requested: "12,34,56", coFinancing: "")
        let reading = ApplicationStore.readBudget([row], locale: .en, currency: .eur, t: t)
        #expect(reading.table == nil)
        #expect(reading.errors.map(\.field) == ["budget_0_unit_cost", "budget_0_requested"])
        // An absurd amount (ten trillion) is refused as too large instead of overflowing the shares computed from it.
        let huge = BudgetRowInput(category: "staff", description: "x", unit: "u", quantity: "1", unitCost: "10000000000000,01", requested: "0,01",
                                  coFinancing: "10000000000000")
        #expect(ApplicationStore.readBudget([huge], locale: .mk, currency: .eur, t: t).errors.map(\.field) == ["budget_0_unit_cost", "budget_0_co_financing"])
        // Another currency is a mismatch, not a number.
        let dollars = BudgetRowInput(category: "staff", description: "x", unit: "u", quantity: "1", unitCost: "USD 100", requested: "100", coFinancing: "")
        #expect(ApplicationStore.readBudget([dollars], locale: .en, currency: .eur, t: t).errors.map(\.field) == ["budget_0_unit_cost"])
    }

    /// A forged version (Int64.max) used to overflow `version + 1` and stop the process; now it is a stale form.
    @Test func aVersionOutOfRangeIsAStaleFormNotACrash() async throws {
        try await withCycleDemo { app in
            let draft = try await application(app, of: "Demo Digital Rights Prishtinë", call: GrantsCycleSeed.openCallCode)
            let admin = Browser(app)
            try await admin.signIn()
            for forged in ["9223372036854775807", "-1", "2147483648", "1e308", "NaN", String(repeating: "9", count: 10_000)] {
                let saved = try await admin.post(path(draft), form: [("version", forged), ("action", "save"), ("title", "Forged \(forged.prefix(5))")],
                                                 csrfFrom: path(draft))
                #expect(saved.status == .conflict, "version \(forged.prefix(20))")
                #expect(saved.body.string.contains("Forged \(forged.prefix(5))"), "the typed title comes back")
            }
            #expect(try await reload(app, draft).version == draft.version)
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
        }
    }

    @Test func othersCannotReadAnApplication() async throws {
        try await withCycleDemo { app in
            let draft = try await application(app, of: "Demo Digital Rights Prishtinë", call: GrantsCycleSeed.openCallCode)
            let anonymous = try await app.testing().sendRequest(.GET, path(draft))
            #expect(anonymous.status == .seeOther)
            _ = try await user(app, "outsider@example.org", role: .member)
            let outsider = try await signedIn(app, "outsider@example.org")
            #expect(try await outsider.get(path(draft)).status == .forbidden)
            #expect(try await outsider.get(path(draft, staff: true)).status == .forbidden)
            #expect(try await outsider.get("/en/staff/grants/applications").status == .forbidden)
        }
    }
}
