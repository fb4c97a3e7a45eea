// The grant cycle through the web: applicants' drafts, budgets typed in our locales, attachments that lie,
// lost updates, the deadline, idempotent submission; screening, reviewers, conflicts, scores, the aggregate
// and its spread flag, committee decisions, letters and appeals; the ranking; the demo data of every stage.
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

/// A test app with the demo directory, the 2020 call and the whole demo cycle.
private func withCycleDemo(_ body: (Application) async throws -> Void) async throws {
    try await withTestApp { app in
        _ = try await NetworkSeed.seedDemo(on: app.db)
        _ = try await GrantsSeed.seedDemo(on: app.db)
        let added = try #require(try await GrantsCycleSeed.seed(on: app.db))
        #expect(added > 20)
        try await body(app)
    }
}

private func user(_ app: Application, _ email: String, role: GlobalRole, password: String = "user-password-12") async throws -> User {
    let user = User(email: email, name: email.split(separator: "@").first.map(String.init) ?? email, passwordHash: try await app.password.async.hash(password), role: role)
    try await user.save(on: app.db)
    return user
}

private func signedIn(_ app: Application, _ email: String, password: String = "user-password-12") async throws -> Browser {
    let browser = Browser(app)
    try await browser.signIn(email: email, password: password)
    return browser
}

private func organisation(_ app: Application, _ name: String) async throws -> Organisation {
    try #require(try await Organisation.query(on: app.db).filter(\.$name == name).first(), "no organisation \(name)")
}

private func application(_ app: Application, of organisationName: String, call code: String) async throws -> GrantApplication {
    let organisation = try await organisation(app, organisationName)
    let call = try #require(try await GrantCall.query(on: app.db).filter(\.$code == code).first())
    return try #require(try await GrantApplication.query(on: app.db).filter(\.$organisationID == organisation.requireID())
        .filter(\.$callID == call.requireID()).sort(\.$reference).first())
}

private func reload(_ app: Application, _ application: GrantApplication) async throws -> GrantApplication {
    try #require(try await GrantApplication.find(application.id, on: app.db))
}

private func path(_ application: GrantApplication, locale: String = "en", staff: Bool = false, _ rest: String = "") -> String {
    "/\(locale)/\(staff ? "staff/grants" : "grants")/applications/\(application.id!.uuidString.lowercased())\(rest)"
}

/// A valid Lot 1 draft typed in Macedonian notation: 18 × 500,00 + 6.000,50 requested, 1.700,00 co-financed.
/// Requested 9,000.00 + 6,000.50 = 15,000.50; total 16,700.50; co-financing 1,700.00 ÷ 16,700.50 = 10.18 % ≥ 10 %.
private let macedonianDraft: [(String, String)] = [
    ("title", "Центар за е-услуги во Куманово"), ("summary", "Центар што им помага на постарите и на ромските семејства да користат е-услуги."),
    ("duration_months", "18"),
    ("budget_0_category", "staff"), ("budget_0_description", "Вработени"), ("budget_0_unit", "месец"), ("budget_0_quantity", "18"),
    ("budget_0_unit_cost", "500,00"), ("budget_0_requested", "9.000,00"), ("budget_0_co_financing", ""),
    ("budget_1_category", "services"), ("budget_1_description", "Обуки"), ("budget_1_unit", "паушал"), ("budget_1_quantity", "1"),
    ("budget_1_unit_cost", "6.000,50"), ("budget_1_requested", "6.000,50 €"), ("budget_1_co_financing", "0"),
    ("budget_2_category", "administration"), ("budget_2_description", "Простории"), ("budget_2_unit", "паушал"), ("budget_2_quantity", "1"),
    ("budget_2_unit_cost", "1.700"), ("budget_2_requested", ""), ("budget_2_co_financing", "1.700,00"),
    // "No centre yet": the centre's address and visits are typed but hidden, so they are not checked and not submitted.
    ("q_target-groups[]", "elderly"), ("q_target-groups[]", "roma"), ("q_citizens", "500"), ("q_has-centre", "no"),
    ("q_centre-address", "ул. Братство 5"), ("q_approach", "Отворени денови секоја недела."), ("q_start-date", "2027-03-01"), ("q_centre-visits", "300"),
]

private let pdfBytes = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
private let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

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

@Suite struct EvaluationTests {
    @Test func screeningReviewersConflictsScoresAndTheCommitteeDecision() async throws {
        try await withCycleDemo { app in
            let staff = Browser(app)
            try await staff.signIn()
            // Demo: Skopje's 2026 application is eligible, waiting for reviewers; the applicant wrote in Macedonian.
            var target = try await application(app, of: "Demo Digital Rights Skopje", call: GrantsCycleSeed.evaluationCallCode)
            #expect(target.state == .eligible && target.locale == "mk")
            let page = path(target, staff: true)

            // Starting the review without two reviewers is refused.
            let early = try await staff.post(path(target, staff: true, "/transition"), form: [("event", "start-review"), ("version", String(target.version))], csrfFrom: page)
            #expect(early.status == .conflict)

            // A member of the applicant is never assigned.
            let insider = try await user(app, "insider@example.org", role: .reviewer)
            try await OrganisationRole(userID: insider.requireID(), organisationID: target.organisationID, role: .member).save(on: app.db)
            let refused = try await staff.post(path(target, staff: true, "/reviewers"), form: [("reviewer", insider.id!.uuidString)], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity)

            var reviewers: [User] = []
            for name in ["one", "two", "three"] {
                let reviewer = try await user(app, "reviewer.\(name)@example.org", role: .reviewer)
                reviewers.append(reviewer)
                if name != "three" {
                    let assigned = try await staff.post(path(target, staff: true, "/reviewers"), form: [("reviewer", reviewer.id!.uuidString)], csrfFrom: page)
                    #expect(assigned.status == .seeOther)
                }
            }
            target = try await reload(app, target)
            #expect(try await staff.post(path(target, staff: true, "/transition"), form: [("event", "start-review"), ("version", String(target.version))], csrfFrom: page).status == .seeOther)
            #expect(try await reload(app, target).state == .inReview)

            func review(_ reviewer: User) async throws -> GrantReview {
                try #require(try await GrantReview.query(on: app.db).filter(\.$reviewerID == reviewer.requireID()).filter(\.$applicationID == target.requireID()).first())
            }
            let scores: [(String, String)] = [("score_relevance", "8"), ("score_feasibility", "4"), ("score_capacity", "15"), ("score_cost", "20"),
                                              ("comment", "Solid plan."), ("recommendation", "fund")]
            // Reviewer one may not score before declaring; then declares no conflict and scores: 24 + 20 + 15 + 20 = 79.
            let one = try await signedIn(app, "reviewer.one@example.org")
            let reviewOne = "/en/staff/grants/reviews/\(try await review(reviewers[0]).id!.uuidString.lowercased())"
            #expect(try await one.post(reviewOne, form: scores, csrfFrom: reviewOne).status == .conflict)
            #expect(try await one.post(reviewOne + "/declaration", form: [("declaration", "no-conflict")], csrfFrom: reviewOne).status == .seeOther)
            #expect(try await one.post(reviewOne, form: scores, csrfFrom: reviewOne).status == .seeOther)
            // A score above the criterion's maximum is refused with the typed values kept.
            let tooHigh = try await one.post(reviewOne, form: [("score_relevance", "11")] + scores.dropFirst(), csrfFrom: reviewOne)
            #expect(tooHigh.status == .unprocessableEntity)

            // Reviewer two declares a conflict: the review is blocked.
            let two = try await signedIn(app, "reviewer.two@example.org")
            let reviewTwo = "/en/staff/grants/reviews/\(try await review(reviewers[1]).id!.uuidString.lowercased())"
            #expect(try await two.post(reviewTwo + "/declaration", form: [("declaration", "conflict")], csrfFrom: reviewTwo).status == .unprocessableEntity)
            #expect(try await two.post(reviewTwo + "/declaration", form: [("declaration", "conflict"), ("conflict_note", "I chair its board.")], csrfFrom: reviewTwo).status == .seeOther)
            #expect(try await two.post(reviewTwo, form: scores, csrfFrom: reviewTwo).status == .conflict)

            // One valid review is not enough to close the review.
            target = try await reload(app, target)
            #expect(try await staff.post(path(target, staff: true, "/transition"), form: [("event", "complete-review"), ("version", String(target.version))], csrfFrom: page).status == .conflict)

            // Reviewer three: 30×2/10 + 25×1/5 + 20×4/20 + 25×5/25 = 6 + 5 + 4 + 5 = 20. Mean (79 + 20) / 2 = 49.5; spread 59 > 20: flagged.
            #expect(try await staff.post(path(target, staff: true, "/reviewers"), form: [("reviewer", reviewers[2].id!.uuidString)], csrfFrom: page).status == .seeOther)
            let three = try await signedIn(app, "reviewer.three@example.org")
            let reviewThree = "/en/staff/grants/reviews/\(try await review(reviewers[2]).id!.uuidString.lowercased())"
            #expect(try await three.post(reviewThree + "/declaration", form: [("declaration", "no-conflict")], csrfFrom: reviewThree).status == .seeOther)
            let low: [(String, String)] = [("score_relevance", "2"), ("score_feasibility", "1"), ("score_capacity", "4"), ("score_cost", "5"),
                                           ("comment", "Weak."), ("recommendation", "reject")]
            #expect(try await three.post(reviewThree, form: low, csrfFrom: reviewThree).status == .seeOther)
            target = try await reload(app, target)
            #expect(target.validReviews == 2 && target.scoreFlagged)
            #expect(ApplicationStore.ratio(Substring(target.scoreMean))?.decimalString(places: 2) == "49.50")
            #expect(ApplicationStore.ratio(Substring(target.scoreSpread))?.decimalString(places: 2) == "59.00")
            let flagged = try await staff.get("/en/staff/grants/applications?call=\(GrantsCycleSeed.evaluationCallCode)&flagged=1")
            #expect(flagged.body.string.contains(target.reference))

            #expect(try await staff.post(path(target, staff: true, "/transition"), form: [("event", "complete-review"), ("version", String(target.version))], csrfFrom: page).status == .seeOther)
            target = try await reload(app, target)
            #expect(target.state == .reviewed)

            // The admin is on the demo committee; off it, staff cannot award.
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@example.org").first())
            try await GrantCommitteeMember.query(on: app.db).filter(\.$userID == admin.requireID()).filter(\.$callID == target.callID).delete()
            let notCommittee = try await staff.post(path(target, staff: true, "/transition"),
                                                    form: [("event", "award"), ("version", String(target.version)), ("note_award", "Good.")], csrfFrom: page)
            #expect(notCommittee.status == .conflict)
            try await GrantCommitteeMember(callID: target.callID, userID: admin.requireID()).save(on: app.db)
            let noReason = try await staff.post(path(target, staff: true, "/transition"), form: [("event", "award"), ("version", String(target.version))], csrfFrom: page)
            #expect(noReason.status == .unprocessableEntity)
            let awarded = try await staff.post(path(target, staff: true, "/transition"),
                                               form: [("event", "award"), ("version", String(target.version)), ("note_award", "Strong local partnerships.")], csrfFrom: page)
            #expect(awarded.status == .seeOther)
            target = try await reload(app, target)
            #expect(target.state == .awarded && target.decisionReason == "Strong local partnerships.")
            let grant = try #require(try await Grant.query(on: app.db).filter(\.$applicationID == target.requireID()).first())
            #expect(grant.amountMinor == 1_700_000 && grant.status == "agreement-drafted")
            #expect(grant.identifier == "360G-iceda-" + target.reference.lowercased())
            // The letter goes out in Macedonian, the language the applicant wrote in.
            let letter = try #require(try await OutboxMessage.query(on: app.db).filter(\.$subject == Translator(locale: .mk)("grants.letter.subject", ["reference": target.reference])).first())
            #expect(letter.locale == "mk" && letter.body.contains("Strong local partnerships."))
            // Every transition is in the audit log, in order.
            let actions = try await AuditEntry.query(on: app.db).filter(\.$targetID == target.id!.uuidString).sort(\.$at).all().map(\.action)
                .filter { $0.hasPrefix("grants.application.") }
            #expect(actions == ["grants.application.create", "grants.application.submit", "grants.application.mark-eligible",
                                "grants.application.start-review", "grants.application.complete-review", "grants.application.award"])
        }
    }

    @Test func appealsAreTakenWithinTheWindowOnly() async throws {
        try await withCycleDemo { app in
            let staff = Browser(app)
            try await staff.signIn()
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@example.org").first())
            for name in ["Demo Digital Rights Durrës", "Demo Digital Rights Novi Sad"] {
                var target = try await application(app, of: name, call: GrantsCycleSeed.evaluationCallCode)
                #expect(target.state == .reviewed)
                let rejected = try await staff.post(path(target, staff: true, "/transition"),
                                                    form: [("event", "reject"), ("version", String(target.version)), ("note_reject", "Below the funding line.")],
                                                    csrfFrom: path(target, staff: true))
                #expect(rejected.status == .seeOther)
                target = try await reload(app, target)
                #expect(target.state == .rejected)
                // Eight days in the call's time zone.
                let deadline = try #require(target.appealDeadline)
                #expect(abs(deadline.timeIntervalSince(try #require(target.decidedAt)) - 8 * 86_400) < 3_700)
                try await OrganisationRole(userID: admin.requireID(), organisationID: target.organisationID, role: .member).save(on: app.db)
            }
            // The decision letter, printable, in the reader's language with the committee's reasons and the appeal deadline.
            let rejectedDurres = try await application(app, of: "Demo Digital Rights Durrës", call: GrantsCycleSeed.evaluationCallCode)
            let letter = try await staff.get(path(rejectedDurres, locale: "sq", "/letter"))
            #expect(letter.status == .ok && letter.body.string.contains("Below the funding line."))
            let deadline = GrantsPages.instant(try #require(rejectedDurres.appealDeadline), in: TimeZone(identifier: "Europe/Skopje")!, t: Translator(locale: .sq))
            #expect(letter.body.string.contains(deadline.htmlEscaped))
            let undecided = try await application(app, of: "Demo Digital Rights Skopje", call: GrantsCycleSeed.evaluationCallCode)
            #expect(try await staff.get(path(undecided, "/letter")).status == .notFound)
            let inTime = try await application(app, of: "Demo Digital Rights Durrës", call: GrantsCycleSeed.evaluationCallCode)
            let lodged = try await staff.post(path(inTime, "/appeal"), form: [("version", String(inTime.version)), ("appeal_text", "The reviewers missed our partner.")],
                                              csrfFrom: path(inTime))
            #expect(lodged.status == .seeOther)
            #expect(try await reload(app, inTime).state == .appealed)

            let late = try await application(app, of: "Demo Digital Rights Novi Sad", call: GrantsCycleSeed.evaluationCallCode)
            late.appealDeadline = Date().addingTimeInterval(-60)
            try await late.save(on: app.db)
            let tooLate = try await staff.post(path(late, "/appeal"), form: [("version", String(late.version)), ("appeal_text", "Please reconsider our budget.")],
                                               csrfFrom: path(late))
            #expect(tooLate.status == .conflict)
            #expect(tooLate.body.string.contains("Please reconsider our budget."))
            #expect(try await reload(app, late).state == .rejected)
        }
    }

    @Test func theRankingFollowsTheMeanScores() async throws {
        try await withCycleDemo { app in
            let staff = Browser(app)
            try await staff.signIn()
            // Lot 2 of the 2026 demo call: Novi Sad (80 + 77) / 2 = 78.5; Durrës (61 + 64) / 2 = 62.5; Tetovo (93 + 28) / 2 = 60.5, spread 65: flagged.
            let page = try await staff.get("/en/staff/grants/calls/\(GrantsCycleSeed.evaluationCallCode)/ranking?lot=lot-2").body.string
            var references: [String] = []
            for name in ["Demo Digital Rights Novi Sad", "Demo Digital Rights Durrës", "Demo Media Tetovo"] {
                references.append(try await application(app, of: name, call: GrantsCycleSeed.evaluationCallCode).reference)
            }
            let positions = references.compactMap { page.range(of: ">\($0)<")?.lowerBound }
            #expect(positions.count == 3 && positions == positions.sorted())
            for score in ["78.50", "62.50", "60.50"] { #expect(page.contains(">\(score)<")) }
            #expect(page.contains("65.00 " + Translator(locale: .en)("grants.ranking.flagged")))
            // The ranking is cached per lot until one of its applications changes: a decision shows at once.
            let durres = try await application(app, of: "Demo Digital Rights Durrës", call: GrantsCycleSeed.evaluationCallCode)
            let rejected = try await staff.post(path(durres, staff: true, "/transition"),
                                                form: [("event", "reject"), ("version", String(durres.version)), ("note_reject", "Below the line.")], csrfFrom: path(durres, staff: true))
            #expect(rejected.status == .seeOther)
            let after = try await staff.get("/en/staff/grants/calls/\(GrantsCycleSeed.evaluationCallCode)/ranking?lot=lot-2").body.string
            let row = try #require(after.range(of: ">\(durres.reference)<").map { String(after[$0.lowerBound...].prefix(1_200)) })
            #expect(row.contains(">" + Translator(locale: .en)("grants.state.rejected") + "<"))
        }
    }
}

@Suite struct PublishedRankingTests {
    @Test func theRankingIsPublishedWhenTheCallSaysSoWithoutNamingTheUnfunded() async throws {
        try await withCycleDemo { app in
            let page = try await app.testing().sendRequest(.GET, "/en/grants/calls/\(GrantsSeed.callCode)/ranking")
            #expect(page.status == .ok)
            let html = page.body.string
            // Funded and reserve list are named; rejected, appealed and closed ones only counted.
            for name in ["Demo Digital Rights Podgorica", "Demo Digital Rights Bitola", "Demo Media Tetovo"] { #expect(html.contains(name), "\(name)") }
            for name in ["Demo Media Shkodër", "Demo Digital Rights Prizren", "Demo Media Niš"] { #expect(!html.contains(name), "\(name)") }
            let t = Translator(locale: .en)
            // Ranked but not funded: lot 1 Prizren (rejected, appealed); lot 2 Shkodër (rejected), Niš (appeal upheld), Tetovo's second application
            // (closed). Bar (screened out, never reviewed) is not ranked at all.
            #expect(html.contains(t.plural("grants.public_ranking.not_listed", count: 1)))
            #expect(html.contains(t.plural("grants.public_ranking.not_listed", count: 3)))
            // The call of 2026 does not publish its ranking.
            #expect(try await app.testing().sendRequest(.GET, "/en/grants/calls/\(GrantsCycleSeed.evaluationCallCode)/ranking").status == .notFound)
        }
    }

    @Test func theCallsAreOpenDataWithTheirRules() async throws {
        try await withCycleDemo { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/grants/calls")
            #expect(response.status == .ok)
            let calls = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            // Newest deadline first: the open 2027 call, the 2026 call under evaluation, the decided 2020 call.
            #expect(calls.compactMap { $0["code"] as? String } == [GrantsCycleSeed.openCallCode, GrantsCycleSeed.evaluationCallCode, GrantsSeed.callCode])
            #expect(calls.compactMap { $0["acceptingApplications"] as? Bool } == [true, false, false])
            let lots = try #require(calls.last?["lots"] as? [[String: Any]])
            // PRODUCT.md: Lot 1 publishes no envelope, 13,000–17,000; Lot 2 EUR 75,000, 3,000–7,000, at least two results.
            #expect(lots[0]["envelope"] is NSNull && lots[0]["minimumAmount"] as? String == "13000.00" && lots[0]["maximumAmount"] as? String == "17000.00")
            #expect(lots[1]["envelope"] as? String == "75000.00" && lots[1]["minimumResults"] as? Int == 2)
            #expect(lots[0]["minimumCoFinancingPercent"] as? String == "10" && lots[0]["tranchesPercent"] as? [String] == ["80", "20"])
            #expect((lots[0]["criteria"] as? [[String: Any]])?.compactMap { $0["weight"] as? Int } == [30, 25, 20, 25])
        }
    }

    @Test func staffListTheAwardedGrantsByState() async throws {
        try await withCycleDemo { app in
            let staff = Browser(app)
            try await staff.signIn()
            // Demo: four of the eight 2020 grants are closed (see GrantsCycleSeed.afterAward).
            let page = try await staff.get("/en/staff/grants/awarded?state=closed")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(Translator(locale: .en).plural("grants.award.count", count: 4)))
            let anonymous = try await app.testing().sendRequest(.GET, "/en/staff/grants/awarded")
            #expect(anonymous.status == .seeOther)
        }
    }
}

@Suite struct EvaluationAccessTests {
    @Test func committeeMembersSeeTheirCallsOnlyAndNeverDecideOnTheirOwnOrganisation() async throws {
        try await withCycleDemo { app in
            let member = try await user(app, "committee.only@example.org", role: .member)
            let call2026 = try #require(try await GrantCall.query(on: app.db).filter(\.$code == GrantsCycleSeed.evaluationCallCode).first())
            try await GrantCommitteeMember(callID: call2026.requireID(), userID: member.requireID()).save(on: app.db)
            let browser = try await signedIn(app, "committee.only@example.org")
            let list = try await browser.get("/en/staff/grants/applications").body.string
            let ownCall = try await application(app, of: "Demo Digital Rights Durrës", call: GrantsCycleSeed.evaluationCallCode)
            let draft = try await application(app, of: "Demo Digital Rights Prishtinë", call: GrantsCycleSeed.openCallCode)
            let other = try await application(app, of: "Demo Media Shkodër", call: GrantsSeed.callCode)
            #expect(list.contains(ownCall.reference) && !list.contains(draft.reference) && !list.contains(other.reference))
            #expect(try await browser.get(path(other, staff: true)).status == .forbidden)

            // A member of the applicant cannot decide on it, even on the committee.
            try await OrganisationRole(userID: member.requireID(), organisationID: ownCall.organisationID, role: .member).save(on: app.db)
            let decided = try await browser.post(path(ownCall, staff: true, "/transition"),
                                                 form: [("event", "award"), ("version", String(ownCall.version)), ("note_award", "Good.")], csrfFrom: path(ownCall, staff: true))
            #expect(decided.status == .conflict)
            #expect(decided.body.string.contains(Translator(locale: .en)("grants.decision.error.conflict", ["organisation": "Demo Digital Rights Durrës"]).htmlEscaped))
            #expect(try await reload(app, ownCall).state == .reviewed)
        }
    }

    @Test func reviewersSeeNoFileBeforeDeclaringAndPaymentsStayWithinTheirTranche() async throws {
        try await withCycleDemo { app in
            // A reviewer assigned but not yet declared cannot download the application's files.
            let target = try await application(app, of: "Demo Digital Rights Podgorica", call: GrantsCycleSeed.evaluationCallCode)
            let file = GrantAttachment()
            file.applicationID = try target.requireID()
            file.fileName = "registration.pdf"
            file.kind = "pdf"
            file.size = 10
            file.sha256 = String(repeating: "a", count: 64)
            file.uploadedBy = target.createdBy
            try await file.save(on: app.db)
            let undeclared = try #require(try await GrantReview.query(on: app.db).filter(\.$applicationID == target.requireID()).filter(\.$submittedAt == nil).first())
            let reviewer = try #require(try await User.find(undeclared.reviewerID, on: app.db))
            reviewer.passwordHash = try await app.password.async.hash("user-password-12")
            try await reviewer.save(on: app.db)
            let browser = try await signedIn(app, reviewer.email)
            #expect(try await browser.get(path(target, "/attachments/\(file.id!.uuidString.lowercased())")).status == .forbidden)

            // Beograd's grant: tranche 1 (11.400,00) is paid in full; 100,00 more on it is refused although the award has 2.850,00 left.
            let staff = Browser(app)
            try await staff.signIn()
            let grant = try #require(try await Grant.query(on: app.db).filter(\.$identifier == "360G-iceda-sg2020-lot1-005").first())
            let page = "/en/staff/grants/awarded/\(grant.id!.uuidString.lowercased())"
            let refused = try await staff.post(page + "/payments", form: [("tranche", "1"), ("amount", "100.00"), ("paid_on", "2021-01-10"), ("note", ""),
                                                                           ("version", String(grant.version))], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await GrantPayment.query(on: app.db).filter(\.$grantID == grant.requireID()).count() == 1)
        }
    }
}

@Suite struct CycleDemoTests {
    @Test func theDemoShowsEveryStageReachedThroughTheMachine() async throws {
        try await withCycleDemo { app in
            let applications = try await GrantApplication.query(on: app.db).all()
            #expect(Set(applications.map(\.state)) == Set(Grants.ApplicationState.allCases))
            // Replaying each application's audited events through the machine ends in its stored state.
            for application in applications {
                let entries = try await AuditEntry.query(on: app.db).filter(\.$targetID == application.id!.uuidString).sort(\.$at).all()
                var tracked = Grants.Tracked<Grants.ApplicationLifecycle>()
                for entry in entries {
                    guard let rest = entry.action.split(separator: ".").last, let event = Grants.ApplicationEvent(rawValue: String(rest)),
                          let after = entry.after, let role = ["applicant", "staff", "admin", "committee"].first(where: { after.contains("\"role\":\"\($0)\"") }) else { continue }
                    guard case .success = tracked.apply(event, by: Grants.Role(rawValue: role)!) else { Issue.record("\(application.reference) \(event)"); continue }
                }
                #expect(tracked.state == application.state, "\(application.reference)")
            }
            // The demo grants of 2020 point to their applications, and show the stages after the award.
            let grants = try await Grant.query(on: app.db).all()
            #expect(grants.allSatisfy { $0.applicationID != nil })
            #expect(Set(grants.map(\.state)).isSuperset(of: [.agreementDrafted, .signed, .reportDue, .changesRequested, .closed]))
            for grant in grants {
                var tracked = Grants.Tracked<Grants.GrantLifecycle>()
                for entry in try await AuditEntry.query(on: app.db).filter(\.$targetID == grant.id!.uuidString).filter(\.$targetType == "grant").sort(\.$at).all() {
                    guard let event = entry.action.split(separator: ".").last.flatMap({ Grants.GrantEvent(rawValue: String($0)) }),
                          let after = entry.after, let role = ["applicant", "staff"].first(where: { after.contains("\"role\":\"\($0)\"") }) else { continue }
                    guard case .success = tracked.apply(event, by: Grants.Role(rawValue: role)!) else { Issue.record("\(grant.identifier) \(event)"); continue }
                }
                #expect(tracked.state == grant.state, "\(grant.identifier)")
                // Closed grants were paid in full (80 % + 20 %), never more.
                let paid = try await GrantPayment.query(on: app.db).filter(\.$grantID == grant.requireID()).all().map(\.amountMinor).reduce(0, +)
                #expect(paid <= grant.amountMinor)
                if grant.state == .closed { #expect(paid == grant.amountMinor) }
            }
            #expect(try await GrantsCycleSeed.seed(on: app.db) == nil)
        }
    }
}

extension String {
    var htmlEscaped: String {
        Node.text(self).render()
    }
}

@Suite struct AmendmentTests {
    /// Beograd's demo grant (report due): staff 18 × 475,00 = 8.550,00, services 5.700,00, co-financed premises
    /// 1.584,00 (10 % of the total, rounded up to the euro); total 15.834,00 of which 14.250,00 requested.
    private func rows(staffUnitCost: String, staffTotal: String, services: String) -> [(String, String)] {
        [("budget_0_category", "staff"), ("budget_0_description", "Centre staff"), ("budget_0_unit", "month"), ("budget_0_quantity", "18"),
         ("budget_0_unit_cost", staffUnitCost), ("budget_0_requested", staffTotal), ("budget_0_co_financing", ""),
         ("budget_1_category", "services"), ("budget_1_description", "Training and outreach"), ("budget_1_unit", "lump sum"), ("budget_1_quantity", "1"),
         ("budget_1_unit_cost", services), ("budget_1_requested", services), ("budget_1_co_financing", ""),
         ("budget_2_category", "administration"), ("budget_2_description", "Premises and utilities"), ("budget_2_unit", "lump sum"), ("budget_2_quantity", "1"),
         ("budget_2_unit_cost", "1.584,00"), ("budget_2_requested", ""), ("budget_2_co_financing", "1.584,00")]
    }

    @Test func smallMovesApplyAtOnceLargerOnesWaitForStaff() async throws {
        try await withCycleDemo { app in
            let grant = try #require(try await Grant.query(on: app.db).filter(\.$identifier == "360G-iceda-sg2020-lot1-005").first())
            #expect(grant.state == .reportDue)
            let page = "/en/grants/awarded/\(grant.id!.uuidString.lowercased())/budget"
            let browser = Browser(app)
            try await browser.signIn()
            #expect(try await browser.get(page).body.string.contains("8.550,00"))

            // No reason, and an unreadable amount: refused with everything typed kept.
            let bad = try await browser.post(page, form: rows(staffUnitCost: "530,00", staffTotal: "9.540,00", services: "4.7100,00") + [("reason", "")], csrfFrom: page)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("4.7100,00"))

            // 8.550 → 9.540 on staff and 5.700 → 4.710 on services moves 990,00 of 15.834,00 = 6,25 % ≤ 15 %: in force at once.
            let small = try await browser.post(page, form: rows(staffUnitCost: "530,00", staffTotal: "9.540,00", services: "4.710,00")
                                                + [("reason", "More staff hours.")], csrfFrom: page)
            #expect(small.status == .seeOther)
            var amendments = try await GrantAmendment.query(on: app.db).filter(\.$grantID == grant.requireID()).all()
            #expect(amendments.count == 1 && amendments[0].status == "applied" && amendments[0].approvalReasons.isEmpty)
            #expect(ApplicationStore.ratio(Substring(amendments[0].movedShare)) == Grants.Ratio(990, 15_834))

            // 9.540 → 12.600 on staff, services down to 1.650: 3.060,00 of 15.834,00 = 19,3 % > 15 %: waits for staff.
            let large = try await browser.post(page, form: rows(staffUnitCost: "700,00", staffTotal: "12.600,00", services: "1.650,00")
                                                + [("reason", "The municipality asked for longer opening hours.")], csrfFrom: page)
            #expect(large.status == .seeOther)
            let pending = try #require(try await GrantAmendment.query(on: app.db).filter(\.$grantID == grant.requireID()).filter(\.$status == "pending").first())
            #expect(pending.approvalReasons == "grants.amendment.reallocation-above-threshold")
            // A second proposal while one waits is refused.
            #expect(try await browser.post(page, form: rows(staffUnitCost: "530,00", staffTotal: "9.540,00", services: "4.710,00") + [("reason", "Again.")],
                                           csrfFrom: page).status == .conflict)

            let staffPage = "/en/staff/grants/awarded/\(grant.id!.uuidString.lowercased())/budget"
            let decide = "/en/staff/grants/awarded/\(grant.id!.uuidString.lowercased())/amendments/\(pending.id!.uuidString.lowercased())"
            #expect(try await browser.post(decide, form: [("decision", "refuse")], csrfFrom: staffPage).status == .unprocessableEntity)
            #expect(try await browser.post(decide, form: [("decision", "approve")], csrfFrom: staffPage).status == .seeOther)
            #expect(try await browser.post(decide, form: [("decision", "approve")], csrfFrom: staffPage).status == .conflict)
            amendments = try await GrantAmendment.query(on: app.db).filter(\.$grantID == grant.requireID()).all()
            #expect(amendments.allSatisfy { $0.status == "applied" })
            #expect(try await browser.get(page).body.string.contains("12.600,00"))
            // Another large move, refused with a note the grantee reads.
            #expect(try await browser.post(page, form: rows(staffUnitCost: "300,00", staffTotal: "5.400,00", services: "8.850,00") + [("reason", "Fewer staff.")],
                                           csrfFrom: page).status == .seeOther)
            let second = try #require(try await GrantAmendment.query(on: app.db).filter(\.$grantID == grant.requireID()).filter(\.$status == "pending").first())
            let decideSecond = "/en/staff/grants/awarded/\(grant.id!.uuidString.lowercased())/amendments/\(second.id!.uuidString.lowercased())"
            let refusal = try await browser.post(decideSecond, form: [("decision", "refuse"), ("note_\(second.id!.uuidString.lowercased())", "Staff costs are the core of the centre.")],
                                                 csrfFrom: staffPage)
            #expect(refusal.status == .seeOther)
            let refused = try #require(try await GrantAmendment.find(second.id, on: app.db))
            #expect(refused.status == "refused" && refused.decisionNote == "Staff costs are the core of the centre.")
            #expect(try await browser.get(page).body.string.contains("Staff costs are the core of the centre."))
            // Audited: one applied at once, two proposed, one approved, one refused.
            #expect(try await AuditEntry.query(on: app.db)
                .filter(\.$action ~~ ["grants.amendment.apply", "grants.amendment.propose", "grants.amendment.approve", "grants.amendment.refuse"]).count() == 5)

        }
    }
}

@Suite struct RegistrationTests {
    @Test func anOrganisationRegistersProvesItsAddressAppliesAndWaitsToBeListed() async throws {
        try await withCycleDemo { app in
            let visitor = Browser(app)
            let page = "/mk/grants/register-organisation"
            #expect(try await visitor.get(page).status == .ok)
            // Nothing but a name: every problem at once, the name kept.
            let incomplete = try await visitor.post(page, form: [("name", "Центар Куманово"), ("kind", "cso")], csrfFrom: page)
            #expect(incomplete.status == .unprocessableEntity && incomplete.body.string.contains("Центар Куманово"))
            let mk = Translator(locale: .mk)
            #expect(incomplete.body.string.contains(mk("grants.registration.error.confirm").htmlEscaped))

            let fields = [("name", "Центар Куманово"), ("kind", "cso"), ("country", "MK"), ("municipality", "Куманово"), ("website", ""),
                          ("organisation_email", ""), ("description", "Помош за е-услуги."), ("person_name", "Ана Петрова"),
                          ("person_email", "ana@kumanovo.example"), ("confirm", "1")]
            let registered = try await visitor.post(page, form: fields, csrfFrom: page)
            #expect(registered.status == .created)
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Центар Куманово").first())
            let person = try #require(try await User.query(on: app.db).filter(\.$email == "ana@kumanovo.example").first())
            #expect(!organisation.listed && !person.active && person.passwordHash == nil)
            #expect(try await ApplicationStore.isApplicantMember(person.requireID(), organisation: organisation.requireID(), on: app.db))
            // Not public until staff list it: page, API and directory.
            #expect(try await app.testing().sendRequest(.GET, "/en/organisations/\(organisation.slug)").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/organisations/\(organisation.slug)").status == .notFound)
            #expect(!(try await app.testing().sendRequest(.GET, "/en/organisations?q=Куманово").body.string.contains("Центар Куманово")))

            // The e-mail link proves the address and sets the password; then the person applies for the organisation.
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "ana@kumanovo.example").first())
            let link = try #require(mail.body.split(whereSeparator: \.isWhitespace).first { $0.contains("/invitation/") }.map(String.init))
            let start = try #require(link.range(of: "/mk/invitation/"))
            let invitation = String(link[start.lowerBound...])
            let accepted = try await visitor.post(invitation, form: [("password", "kumanovo-password-1"), ("confirm", "kumanovo-password-1")], csrfFrom: invitation)
            #expect(accepted.status == .seeOther)
            let applicant = try await signedIn(app, "ana@kumanovo.example", password: "kumanovo-password-1")
            let applyPage = try await applicant.get("/mk/grants/calls/\(GrantsCycleSeed.openCallCode)/apply")
            #expect(applyPage.body.string.contains("Центар Куманово"))

            // Staff list it: now public.
            let staff = Browser(app)
            try await staff.signIn()
            #expect(try await staff.get("/en/staff/organisations/unlisted").body.string.contains("Центар Куманово"))
            #expect(try await staff.post("/en/staff/organisations/\(organisation.slug)/list", form: [], csrfFrom: "/en/staff/organisations/unlisted").status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/en/organisations/\(organisation.slug)").status == .ok)
        }
    }
}
