// Grants routes without tests before, each with who may use it: the staff overview, screening, committee
// membership, the reviewer's list, withdrawal by the applicant and removing an attachment from a draft.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network

@Suite struct GrantsStaffPagesTests {
    @Test func theOverviewIsForEvaluatorsOnly() async throws {
        try await withCycleDemo { app in
            #expect(try await app.testing().sendRequest(.GET, "/en/staff/grants").status == .seeOther)
            _ = try await user(app, "member@example.org", role: .member)
            let member = try await signedIn(app, "member@example.org")
            #expect(try await member.get("/en/staff/grants").status == .forbidden)
            _ = try await user(app, "staff@example.org", role: .staff)
            let staff = try await signedIn(app, "staff@example.org")
            let page = try await staff.get("/en/staff/grants")
            #expect(page.status == .ok)
            for code in [GrantsSeed.callCode, GrantsCycleSeed.evaluationCallCode, GrantsCycleSeed.openCallCode] { #expect(page.body.string.contains(code)) }
        }
    }

    /// Screening "Demo Digital Rights Tiranë", submitted to the 2026 call in the demo.
    @Test func screeningNeedsEveryCheckOrAReasonAndStaff() async throws {
        try await withCycleDemo { app in
            let target = try await application(app, of: "Demo Digital Rights Tiranë", call: GrantsCycleSeed.evaluationCallCode)
            #expect(target.state == .submitted)
            let screening = path(target, staff: true, "/screening")
            _ = try await user(app, "member@example.org", role: .member)
            let member = try await signedIn(app, "member@example.org")
            let refused = try await member.post(screening, form: [("outcome", "eligible")], csrfFrom: "/en/account")
            #expect(refused.status == .forbidden)
            let staff = Browser(app)
            try await staff.signIn()
            let partial = try await staff.post(screening, form: [("outcome", "eligible"), ("checks[]", "on-time"), ("checks[]", "co-financing"),
                                                                 ("note", "Budget still to read")], csrfFrom: path(target, staff: true))
            #expect(partial.status == .unprocessableEntity && partial.body.string.contains("Budget still to read"))
            let noReason = try await staff.post(screening, form: [("outcome", "ineligible"), ("note", "   ")], csrfFrom: path(target, staff: true))
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await reload(app, target).state == .submitted)
            let checks = ["on-time", "eligible-applicant", "documents-complete", "budget-consistent", "co-financing"].map { ("checks[]", $0) }
            let eligible = try await staff.post(screening, form: [("outcome", "eligible"), ("version", String(target.version))] + checks,
                                                csrfFrom: path(target, staff: true))
            #expect(eligible.status == .seeOther)
            let screened = try await reload(app, target)
            #expect(screened.state == .eligible && screened.screening.values.allSatisfy { $0 } && screened.screening.count == 5)
        }
    }

    @Test func staffAddCommitteeMembersByAddress() async throws {
        try await withCycleDemo { app in
            let call = try #require(try await GrantCall.query(on: app.db).filter(\.$code == GrantsCycleSeed.evaluationCallCode).first())
            let committee = "/en/staff/grants/calls/\(call.code)/committee"
            let ranking = "/en/staff/grants/calls/\(call.code)/ranking?lot=lot-1"
            let newcomer = try await user(app, "newcomer@example.org", role: .member)
            let member = try await signedIn(app, "newcomer@example.org")
            #expect(try await member.post(committee, form: [("email", "newcomer@example.org")], csrfFrom: "/en/account").status == .forbidden)
            let staff = Browser(app)
            try await staff.signIn()
            let unknown = try await staff.post(committee, form: [("email", "nobody@example.org")], csrfFrom: ranking)
            #expect(unknown.status == .seeOther)
            let added = try await staff.post(committee, form: [("email", " Newcomer@Example.org ")], csrfFrom: ranking)
            #expect(added.status == .seeOther)
            let rows = try await GrantCommitteeMember.query(on: app.db).filter(\.$callID == call.requireID()).filter(\.$userID == newcomer.requireID()).count()
            #expect(rows == 1)
            // adding again changes nothing; the newcomer now sees the call in the overview
            _ = try await staff.post(committee, form: [("email", "newcomer@example.org")], csrfFrom: ranking)
            #expect(try await GrantCommitteeMember.query(on: app.db).filter(\.$userID == newcomer.requireID()).count() == 1)
            let overview = try await member.get("/en/staff/grants")
            #expect(overview.status == .ok && overview.body.string.contains(call.code))
        }
    }

    @Test func aReviewerListsTheirOwnReviewsOnly() async throws {
        try await withCycleDemo { app in
            let ana = try #require(try await User.query(on: app.db).filter(\.$email == "reviewer.ana@demo.iceda.invalid").first())
            ana.passwordHash = try await app.password.async.hash("user-password-12")
            try await ana.save(on: app.db)
            let mine = try await GrantReview.query(on: app.db).filter(\.$reviewerID == ana.requireID()).all()
            let others = try await GrantReview.query(on: app.db).filter(\.$reviewerID != ana.requireID()).all()
            #expect(!mine.isEmpty)
            let myApplications = Set(mine.map(\.applicationID))
            let notMine = Set(others.map(\.applicationID)).subtracting(myApplications)
            let browser = try await signedIn(app, "reviewer.ana@demo.iceda.invalid")
            let page = try await browser.get("/en/staff/grants/reviews").body.string
            for id in myApplications {
                let reference = try #require(try await GrantApplication.find(id, on: app.db)?.reference)
                #expect(page.contains(reference))
            }
            for id in notMine {
                let reference = try #require(try await GrantApplication.find(id, on: app.db)?.reference)
                #expect(!page.contains(reference), "\(reference) is another reviewer's")
            }
            // another reviewer's review form is refused
            let foreign = try #require(others.first)
            #expect(try await browser.get("/en/staff/grants/reviews/\(foreign.id!.uuidString.lowercased())").status == .forbidden)
        }
    }

    /// The first admin is a member of "Demo Digital Rights Prishtinë", whose 2027 draft is in the demo.
    @Test func applicantsWithdrawAndRemoveAttachmentsOthersCannot() async throws {
        try await withCycleDemo { app in
            let draft = try await application(app, of: "Demo Digital Rights Prishtinë", call: GrantsCycleSeed.openCallCode)
            let admin = Browser(app)
            try await admin.signIn()
            let uploaded = try await admin.multipart(path(draft, "/attachments"), fields: [("question", "registration")],
                                                     file: ("file_registration", "registration.pdf", "application/pdf", pdfBytes), csrfFrom: path(draft))
            #expect(uploaded.status == .seeOther)
            let attachment = try #require(try await GrantAttachment.query(on: app.db).filter(\.$applicationID == draft.requireID()).first())
            let delete = path(draft, "/attachments/\(attachment.id!.uuidString.lowercased())/delete")
            _ = try await user(app, "outsider@example.org", role: .member)
            let outsider = try await signedIn(app, "outsider@example.org")
            #expect(try await outsider.post(delete, form: [], csrfFrom: "/en/account").status == .forbidden)
            #expect(try await outsider.post(path(draft, "/withdraw"), form: [("version", "0")], csrfFrom: "/en/account").status == .forbidden)
            #expect(try await admin.post(path(draft, "/attachments/\(UUID().uuidString.lowercased())/delete"), form: [], csrfFrom: path(draft)).status == .notFound)
            let removed = try await admin.post(delete, form: [], csrfFrom: path(draft))
            #expect(removed.status == .seeOther)
            #expect(try await GrantAttachment.query(on: app.db).filter(\.$applicationID == draft.requireID()).count() == 0)
            let current = try await reload(app, draft)
            let withdrawn = try await admin.post(path(draft, "/withdraw"), form: [("version", String(current.version))], csrfFrom: path(draft))
            #expect(withdrawn.status == .seeOther)
            #expect(try await reload(app, draft).state == .withdrawn)
            // a withdrawn application cannot be withdrawn again
            let again = try await admin.post(path(draft, "/withdraw"), form: [("version", String(try await reload(app, draft).version))], csrfFrom: path(draft))
            #expect(again.status == .conflict)
        }
    }

    /// U+202E (right-to-left override) in an uploaded name would show "budget‮fdp.exe" as "budgetexe.pdf".
    @Test func attachmentNamesLoseBidirectionalControls() async throws {
        try await withCycleDemo { app in
            let draft = try await application(app, of: "Demo Digital Rights Prishtinë", call: GrantsCycleSeed.openCallCode)
            let admin = Browser(app)
            try await admin.signIn()
            let uploaded = try await admin.multipart(path(draft, "/attachments"), fields: [("question", "registration")],
                                                     file: ("file_registration", "budget\u{202E}fdp.pdf", "application/pdf", pdfBytes), csrfFrom: path(draft))
            #expect(uploaded.status == .seeOther)
            let attachment = try #require(try await GrantAttachment.query(on: app.db).filter(\.$applicationID == draft.requireID()).first())
            #expect(attachment.fileName == "budgetfdp.pdf")
            let page = try await admin.get(path(draft)).body.string
            #expect(page.contains("budgetfdp.pdf") && !page.contains("\u{202E}"))
        }
    }
}
