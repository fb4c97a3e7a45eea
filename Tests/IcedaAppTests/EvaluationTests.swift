// Evaluation through the web: screening, reviewers, conflicts, scores, the aggregate and its spread flag,
// committee decisions, letters and appeals.
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
