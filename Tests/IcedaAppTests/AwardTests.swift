// After the award: the agreement and its reporting schedule, tranches and payments typed in the reader's
// notation, no lost update, report reminders, and the report cycle between grantee and staff.
import Fluent
import Foundation
import Localization
import Testing
import Vapor
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

/// The demo scheme, a grantee who belongs to "Demo Digital Rights Skopje", an outsider, and an awarded
/// application of that organisation to lot 1 (EUR 15,000 requested, 18 months, written in Macedonian).
private struct AwardFixture {
    var application: GrantApplication
    var lot: GrantLot
    var grantee: User
    var outsider: User
}

private let granteeEmail = "grantee@example.org"
private let granteePassword = "grantee-password-1"
private let outsiderEmail = "outsider@example.org"

private func withAwardFixture(durationMonths: Int = 18, _ body: (Application, AwardFixture) async throws -> Void) async throws {
    try await withTestApp { app in
        _ = try await NetworkSeed.seedDemo(on: app.db)
        _ = try await GrantsSeed.seedDemo(on: app.db)
        let db = app.db
        let call = try #require(try await GrantCall.query(on: db).filter(\.$code == GrantsSeed.callCode).first())
        let lot = try #require(try await GrantLot.query(on: db).filter(\.$callID == call.requireID()).filter(\.$code == "lot-1").first())
        let organisation = try #require(try await Organisation.query(on: db).filter(\.$name == "Demo Digital Rights Skopje").first())
        let grantee = User(email: granteeEmail, name: "Grantee", passwordHash: try Bcrypt.hash(granteePassword, cost: 4), role: .member, preferredLocale: "mk")
        try await grantee.save(on: db)
        try await OrganisationRole(userID: grantee.requireID(), organisationID: organisation.requireID(), role: .member).save(on: db)
        let outsider = User(email: outsiderEmail, name: "Outsider", passwordHash: try Bcrypt.hash(granteePassword, cost: 4), role: .member)
        try await outsider.save(on: db)

        let application = try GrantApplication(draftFor: try call.requireID(), lot: try lot.requireID(), organisation: organisation,
                                               author: try grantee.requireID(), reference: "SG20-0042", locale: "mk", durationMonths: durationMonths)
        application.title = "Citizens' e-service desk in Skopje"
        application.summary = String(repeating: "The desk helps citizens use e-services. ", count: 20)
        application.requestedMinor = 1_500_000
        application.stateRaw = Grants.ApplicationState.awarded.rawValue
        application.version = 3
        try await application.save(on: db)
        try await body(app, AwardFixture(application: application, lot: lot, grantee: grantee, outsider: outsider))
    }
}

/// Another awarded application of the same organisation (reference SG20-0043).
private func secondApplication(of fixture: AwardFixture, on db: Database) async throws -> GrantApplication {
    let application = try #require(try await GrantApplication.find(fixture.application.id, on: db))
    application.id = nil
    application.$id.exists = false
    application.reference = "SG20-0043"
    try await application.save(on: db)
    return application
}

/// 27 November 2026, 08:00 UTC.
private let fixedNow = Date(timeIntervalSince1970: 1_795_766_400)

private func fresh(_ grant: Grant, on db: Database) async throws -> Grant {
    try #require(try await Grant.find(grant.id, on: db))
}

/// Moves the grant through `events` as staff would (audited, version-guarded).
private func move(_ grant: Grant, _ events: [Grants.GrantEvent], on db: Database) async throws {
    for event in events {
        let current = try await fresh(grant, on: db)
        try await AwardStore.transition(current, event, by: .staff, actor: nil, expectedVersion: current.version, on: db)
    }
}

/// Pages are valid enough to check by hand: no duplicate ids, every visible input, select and textarea labelled,
/// every table captioned, no untranslated key of this slice left in the text.
private func checkPage(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let ids = matches(#" id="([^"]+)""#, in: html)
    #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })", sourceLocation: sourceLocation)
    let labelled = Set(matches(#"<label for="([^"]+)""#, in: html))
    for control in matches(#"<(?:input|select|textarea)([^>]*)>"#, in: html) where !control.contains(#"type="hidden""#) {
        let id = matches(#"id="([^"]+)""#, in: control).first ?? ""
        #expect(labelled.contains(id) || control.contains("aria-label"), "unlabelled control: \(control)", sourceLocation: sourceLocation)
    }
    #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "<caption>").count, "a table without caption",
            sourceLocation: sourceLocation)
    for prefix in ["grants.award.", "grants.report.", "grants.payment.", "grants.grant_state.", "grants.grant_event."] {
        #expect(!html.contains(prefix), "untranslated key \(prefix)…", sourceLocation: sourceLocation)
    }
}

private func matches(_ pattern: String, in text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}

@Suite struct AwardAgreementTests {
    @Test func theAgreementTakesTheApplicationAndSchedulesTheReports() async throws {
        try await withAwardFixture { app, fixture in
            let grant = try await AwardStore.createAgreement(for: fixture.application, now: fixedNow, on: app.db)
            #expect(grant.identifier == "360G-iceda-sg20-0042")
            #expect(grant.title == "Citizens' e-service desk in Skopje")
            #expect(grant.summary.count == 500 && fixture.application.summary.hasPrefix(grant.summary))
            #expect(grant.amountMinor == 1_500_000)
            #expect(grant.awardDate == "2026-11-27" && grant.plannedStart == "2026-12-01" && grant.durationMonths == 18)
            #expect(grant.status == "agreement-drafted" && grant.version == 0 && grant.applicationID == fixture.application.id)
            // 18 months from 1 December 2026 end on 31 May 2028; the middle (9th) month is August 2027.
            let reports = try await AwardStore.reports(of: grant, on: app.db)
            #expect(reports.map(\.kind) == ["interim", "final"])
            #expect(reports.map(\.dueOn) == ["2027-08-31", "2028-06-30"])
            #expect(reports.allSatisfy { $0.status == "scheduled" && $0.remindedAt == nil })
            // a second decision on the same application drafts nothing new
            let again = try await AwardStore.createAgreement(for: fixture.application, now: fixedNow, on: app.db)
            #expect(again.id == grant.id)
            #expect(try await Grant.query(on: app.db).filter(\.$applicationID == fixture.application.requireID()).count() == 1)
            #expect(try await GrantReport.query(on: app.db).filter(\.$grantID == grant.requireID()).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "grants.grant.create").count() == 1)
        }
    }

    @Test func shortProjectsOweOnlyTheFinalReport() {
        // 6 months from 1 March 2027 end on 31 August 2027: final report one month later, no interim report.
        let schedule = AwardStore.reportSchedule(start: CalendarDate(2027, 3, 1)!, months: 6)
        #expect(schedule.map(\.kind) == [.final] && schedule.map(\.due.iso) == ["2027-09-30"])
        // 7 months end on 30 September 2027: interim at the end of the 4th month (June 2027), final on 30 October 2027
        let seven = AwardStore.reportSchedule(start: CalendarDate(2027, 3, 1)!, months: 7)
        #expect(seven.map(\.due.iso) == ["2027-06-30", "2027-10-30"])
    }

    @Test func anAmountInAnotherCurrencyIsRefused() async throws {
        try await withAwardFixture { app, fixture in
            await #expect(throws: AwardStore.AgreementError.currencyMismatch(expected: "EUR", found: "MKD")) {
                try await AwardStore.createAgreement(for: fixture.application, amount: Grants.Money(minorUnits: 100, currency: .mkd), on: app.db)
            }
            let grants = try await Grant.query(on: app.db).filter(\.$applicationID == fixture.application.requireID()).count()
            #expect(grants == 0)
        }
    }
}

@Suite struct AwardPaymentTests {
    @Test func tranchesAndPaymentsTypedInMacedonian() async throws {
        try await withAwardFixture { app, fixture in
            let grant = try await AwardStore.createAgreement(for: fixture.application, now: fixedNow, on: app.db)
            let id = grant.id!.uuidString.lowercased()
            let today = AwardStore.utcDate(Date()).iso
            // EUR 15,000 at 80 % / 20 %: 12,000.00 and 3,000.00 (by hand)
            #expect(fixture.lot.trancheShares.map(\.value) == [8_000, 2_000])
            let amounts = try Grants.tranches(of: Grants.Money(minorUnits: 1_500_000, currency: .eur), shares: fixture.lot.trancheShares).get()
            #expect(amounts.map(\.minorUnits) == [1_200_000, 300_000])

            let staff = Browser(app)
            try await staff.signIn()
            let page = try await staff.get("/en/staff/grants/awarded/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("€12,000.00") && page.body.string.contains("€3,000.00") && page.body.string.contains("€15,000.00"))
            checkPage(page.body.string)
            // no payment before the agreement is signed
            #expect(!page.body.string.contains(#"name="amount""#))

            try await move(grant, [.sign, .activate], on: app.db)
            let version = try await fresh(grant, on: app.db).version
            #expect(version == 2)
            let path = "/mk/staff/grants/awarded/\(id)/payments"
            let paid = try await staff.post(path, form: [("tranche", "1"), ("amount", "12.000,00"), ("paid_on", today), ("note", "прв транш"),
                                                         ("version", String(version))], csrfFrom: "/mk/staff/grants/awarded/\(id)")
            #expect(paid.status == .seeOther)
            let payments = try await AwardStore.payments(of: grant, on: app.db)
            #expect(payments.map(\.amountMinor) == [1_200_000] && payments.map(\.tranche) == [1] && payments.map(\.paidOn) == [today])
            let afterPayment = try await fresh(grant, on: app.db)
            #expect(afterPayment.status == "active" && afterPayment.version == 3)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "grants.grant.record-payment").count() == 1)

            // 3,500 more would exceed the award by 500: refused, what was typed stays in the form
            let over = try await staff.post(path, form: [("tranche", "2"), ("amount", "3.500,00"), ("paid_on", today), ("note", ""),
                                                         ("version", "3")], csrfFrom: "/mk/staff/grants/awarded/\(id)")
            #expect(over.status == .unprocessableEntity)
            #expect(over.body.string.contains(#"value="3.500,00""#) && over.body.string.contains(#"value="\#(today)""#))
            #expect(over.body.string.contains("500,00\u{00A0}€"), "the excess in Macedonian notation")
            checkPage(over.body.string)
            // unreadable amount and date: 422 with a message each, no 500
            let garbage = try await staff.post(path, form: [("tranche", "9"), ("amount", "1,2,3"), ("paid_on", "31.12.2026"), ("version", "3")],
                                               csrfFrom: "/mk/staff/grants/awarded/\(id)")
            #expect(garbage.status == .unprocessableEntity)
            #expect(garbage.body.string.contains(##"href="#f-amount""##) && garbage.body.string.contains(##"href="#f-paid_on""##)
                    && garbage.body.string.contains(##"href="#f-tranche""##))
            #expect(try await AwardStore.payments(of: grant, on: app.db).count == 1)

            // the rest of the award is accepted, and the page then shows nothing outstanding
            let rest = try await staff.post("/en/staff/grants/awarded/\(id)/payments",
                                            form: [("tranche", "2"), ("amount", "EUR 3,000"), ("paid_on", today), ("version", "3")],
                                            csrfFrom: "/en/staff/grants/awarded/\(id)")
            #expect(rest.status == .seeOther)
            let full = try await staff.get("/en/staff/grants/awarded/\(id)")
            #expect(full.body.string.contains("€0.00"))
        }
    }

    @Test func aStaleVersionIsRefusedWith409() async throws {
        try await withAwardFixture { app, fixture in
            let grant = try await AwardStore.createAgreement(for: fixture.application, now: fixedNow, on: app.db)
            let id = grant.id!.uuidString.lowercased()
            let today = AwardStore.utcDate(Date()).iso
            let staff = Browser(app)
            try await staff.signIn()
            let page = "/en/staff/grants/awarded/\(id)"
            let signed = try await staff.post(page + "/events", form: [("event", "sign"), ("version", "0")], csrfFrom: page)
            #expect(signed.status == .seeOther)
            #expect(try await fresh(grant, on: app.db).status == "signed")
            // a second tab still holds version 0: refused, nothing overwritten
            let stale = try await staff.post(page + "/events", form: [("event", "terminate"), ("version", "0")], csrfFrom: page)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Someone changed this grant"))
            checkPage(stale.body.string)
            let after = try await fresh(grant, on: app.db)
            #expect(after.status == "signed" && after.version == 1)
            // the payment form with a stale version keeps what was typed
            let payment = try await staff.post(page + "/payments", form: [("tranche", "1"), ("amount", "1,000.00"), ("paid_on", today),
                                                                         ("version", "0")], csrfFrom: page)
            #expect(payment.status == .conflict && payment.body.string.contains(#"value="1,000.00""#))
            #expect(try await AwardStore.payments(of: grant, on: app.db).isEmpty)
            // an event the machine refuses in this state: 409 too; an unknown event: 422
            let refused = try await staff.post(page + "/events", form: [("event", "close"), ("version", "1")], csrfFrom: page)
            #expect(refused.status == .conflict)
            let unknown = try await staff.post(page + "/events", form: [("event", "explode"), ("version", "1")], csrfFrom: page)
            #expect(unknown.status == .unprocessableEntity)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["grants.grant.sign", "grants.grant.terminate", "grants.grant.close"]).count() == 1)
        }
    }
}

@Suite struct AwardReportTests {
    @Test func remindersGoOutOnceForReportsDueWithinTwoWeeks() async throws {
        try await withAwardFixture { app, fixture in
            let grant = try await AwardStore.createAgreement(for: fixture.application, now: fixedNow, on: app.db)
            try await move(grant, [.sign, .activate], on: app.db)
            let other = try await secondApplication(of: fixture, on: app.db)
            let reports = try await AwardStore.reports(of: grant, on: app.db)
            let now = Date()
            reports[0].dueOn = AwardStore.utcDate(now.addingTimeInterval(10 * 86_400)).iso
            reports[1].dueOn = AwardStore.utcDate(now.addingTimeInterval(30 * 86_400)).iso
            for report in reports { try await report.save(on: app.db) }

            // a grant whose agreement is not signed yet gets no reminder
            let drafted = try await AwardStore.createAgreement(for: other, now: fixedNow, on: app.db)
            #expect(drafted.id != grant.id && drafted.identifier == "360G-iceda-sg20-0043" && drafted.status == "agreement-drafted")
            let draftedReports = try await AwardStore.reports(of: drafted, on: app.db)
            draftedReports[0].dueOn = reports[0].dueOn
            try await draftedReports[0].save(on: app.db)

            #expect(try await ReportReminders.run(on: app.db, now: now) == 1)
            let mail = try await OutboxMessage.query(on: app.db).filter(\.$recipient == granteeEmail).all()
            #expect(mail.count == 1)
            #expect(mail.first?.locale == "mk" && mail.first?.body.contains("/mk/grants/awarded/\(grant.id!.uuidString.lowercased())") == true)
            let after = try await AwardStore.reports(of: grant, on: app.db)
            #expect(after[0].remindedAt != nil && after[1].remindedAt == nil)
            #expect(try await fresh(grant, on: app.db).status == "report-due")
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "grants.grant.mark-report-due").first())
            #expect(audit.actorID == nil && audit.actorLabel == "system")
            // not twice
            #expect(try await ReportReminders.run(on: app.db, now: now) == 0)
            #expect(try await GrantReport.find(draftedReports[0].id, on: app.db)?.remindedAt == nil)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == granteeEmail).count() == 1)
            // the 30-day report is reminded of once it is within two weeks; the grant is already report-due
            #expect(try await ReportReminders.run(on: app.db, now: now.addingTimeInterval(20 * 86_400)) == 1)
            #expect(try await fresh(grant, on: app.db).status == "report-due")
        }
    }

    @Test func theGranteeReportsAndStaffAcceptTheFinalReport() async throws {
        try await withAwardFixture(durationMonths: 6) { app, fixture in
            let grant = try await AwardStore.createAgreement(for: fixture.application, now: fixedNow, on: app.db)
            let id = grant.id!.uuidString.lowercased()
            let reports = try await AwardStore.reports(of: grant, on: app.db)
            try #require(reports.map(\.kind) == ["final"])
            let report = reports[0].id!.uuidString.lowercased()
            let page = "/en/grants/awarded/\(id)"

            // only members of the recipient organisation and staff may read; anonymous visitors sign in first
            #expect(try await app.testing().sendRequest(.GET, page).status == .seeOther)
            let outsider = Browser(app)
            try await outsider.signIn(email: outsiderEmail, password: granteePassword)
            #expect(try await outsider.get(page).status == .forbidden)

            let grantee = Browser(app)
            try await grantee.signIn(email: granteeEmail, password: granteePassword)
            let drafted = try await grantee.get(page)
            #expect(drafted.status == .ok && !drafted.body.string.contains(#"name="narrative""#))
            checkPage(drafted.body.string)

            try await move(grant, [.sign, .activate], on: app.db)
            let open = try await grantee.get(page)
            #expect(open.body.string.contains(#"name="narrative""#))
            checkPage(open.body.string)
            // an empty narrative and an unreadable amount: 422, both kept
            let refused = try await grantee.post(page + "/reports/\(report)", form: [("narrative", " "), ("spent", "lots"), ("version", "2")], csrfFrom: page)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains(#"value="lots""#))
            let sent = try await grantee.post(page + "/reports/\(report)",
                                              form: [("narrative", "Two hundred citizens helped."), ("spent", "14,250.50"), ("version", "2")], csrfFrom: page)
            #expect(sent.status == .seeOther)
            let submitted = try #require(try await GrantReport.find(reports[0].id, on: app.db))
            #expect(submitted.status == "submitted" && submitted.spent == "1425050" && submitted.submittedAt != nil)
            #expect(try await fresh(grant, on: app.db).status == "report-submitted")
            // the outsider cannot submit either
            #expect(try await outsider.post(page + "/reports/\(report)", form: [("narrative", "x"), ("spent", "1"), ("version", "3")], csrfFrom: "/en/").status
                    == .forbidden)

            let staff = Browser(app)
            try await staff.signIn()
            let staffPage = "/en/staff/grants/awarded/\(id)"
            let review = try await staff.get(staffPage)
            #expect(review.body.string.contains("Two hundred citizens helped.") && review.body.string.contains("€14,250.50"))
            checkPage(review.body.string)
            // asking for changes needs a comment
            let bare = try await staff.post(staffPage + "/reports/\(report)/review", form: [("decision", "request-changes"), ("comment", ""), ("version", "3")],
                                            csrfFrom: staffPage)
            #expect(bare.status == .unprocessableEntity)
            let changes = try await staff.post(staffPage + "/reports/\(report)/review",
                                               form: [("decision", "request-changes"), ("comment", "Add the list of events."), ("version", "3")], csrfFrom: staffPage)
            #expect(changes.status == .seeOther)
            #expect(try await fresh(grant, on: app.db).status == "changes-requested")

            let back = try await grantee.get(page)
            #expect(back.body.string.contains("Add the list of events.") && back.body.string.contains(#"name="narrative""#))
            // the amount may be written in either notation when it is unambiguous
            let resent = try await grantee.post(page + "/reports/\(report)",
                                                form: [("narrative", "Two hundred citizens helped; events listed."), ("spent", "14.250,50 €"), ("version", "4")],
                                                csrfFrom: page)
            #expect(resent.status == .seeOther)
            #expect(try await GrantReport.find(reports[0].id, on: app.db)?.spent == "1425050")

            let accepted = try await staff.post(staffPage + "/reports/\(report)/review", form: [("decision", "accept"), ("comment", ""), ("version", "5")],
                                                csrfFrom: staffPage)
            #expect(accepted.status == .seeOther)
            let closing = try await fresh(grant, on: app.db)
            #expect(closing.status == "closing" && closing.version == 6)
            #expect(try await GrantReport.find(reports[0].id, on: app.db)?.status == "accepted")
            // every step is in the audit log
            let actions = try await AuditEntry.query(on: app.db).filter(\.$targetType == "grant").all().map(\.action).sorted()
            #expect(actions == ["grants.grant.accept-final-report", "grants.grant.activate", "grants.grant.create", "grants.grant.request-changes",
                                "grants.grant.sign", "grants.grant.submit-report", "grants.grant.submit-report"])
            // no report is open any more; the grantee is told the state
            let done = try await grantee.get(page)
            #expect(done.status == .ok && !done.body.string.contains(#"name="narrative""#))
            checkPage(done.body.string)
        }
    }
}
