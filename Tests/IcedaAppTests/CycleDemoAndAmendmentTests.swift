// The demo data of every stage, and budget amendments after the award.
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

@Suite struct AmendmentTests {
    /// Beograd's demo grant (report due): staff 18 × 475,00 = 8.550,00, services 5.700,00, co-financed premises
    /// 1.584,00 (10 % of the total, rounded up to the euro); total 15.834,00 of which 14.250,00 requested.
    static func rows(staffUnitCost: String, staffTotal: String, services: String) -> [(String, String)] {
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
            let bad = try await browser.post(page, form: Self.rows(staffUnitCost: "530,00", staffTotal: "9.540,00", services: "4.7100,00") + [("reason", "")], csrfFrom: page)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("4.7100,00"))

            // 8.550 → 9.540 on staff and 5.700 → 4.710 on services moves 990,00 of 15.834,00 = 6,25 % ≤ 15 %: in force at once.
            let small = try await browser.post(page, form: Self.rows(staffUnitCost: "530,00", staffTotal: "9.540,00", services: "4.710,00")
                                                + [("reason", "More staff hours.")], csrfFrom: page)
            #expect(small.status == .seeOther)
            var amendments = try await GrantAmendment.query(on: app.db).filter(\.$grantID == grant.requireID()).all()
            #expect(amendments.count == 1 && amendments[0].status == "applied" && amendments[0].approvalReasons.isEmpty)
            #expect(ApplicationStore.ratio(Substring(amendments[0].movedShare)) == Grants.Ratio(990, 15_834))

            // 9.540 → 12.600 on staff, services down to 1.650: 3.060,00 of 15.834,00 = 19,3 % > 15 %: waits for staff.
            let large = try await browser.post(page, form: Self.rows(staffUnitCost: "700,00", staffTotal: "12.600,00", services: "1.650,00")
                                                + [("reason", "The municipality asked for longer opening hours.")], csrfFrom: page)
            #expect(large.status == .seeOther)
            let pending = try #require(try await GrantAmendment.query(on: app.db).filter(\.$grantID == grant.requireID()).filter(\.$status == "pending").first())
            #expect(pending.approvalReasons == "grants.amendment.reallocation-above-threshold")
            // A second proposal while one waits is refused.
            #expect(try await browser.post(page, form: Self.rows(staffUnitCost: "530,00", staffTotal: "9.540,00", services: "4.710,00") + [("reason", "Again.")],
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
            #expect(try await browser.post(page, form: Self.rows(staffUnitCost: "300,00", staffTotal: "5.400,00", services: "8.850,00") + [("reason", "Fewer staff.")],
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
