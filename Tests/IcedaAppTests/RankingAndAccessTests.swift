// The published ranking, and who may use the evaluation pages.
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
