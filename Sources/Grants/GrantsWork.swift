// The grants' waiting work on a person's account page: staff see applications to screen and reports to review,
// reviewers their unfinished reviews, applicants their drafts and the reports their grants owe.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Methods
import Network
import Vapor

enum GrantsWork {
    static func items(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        let t = context.t
        let database = request.db
        var items: [WorkItem] = []
        let userID = try user.requireID()
        if user.role.isStaff {
            let screening = try await GrantApplication.query(on: database).filter(\.$stateRaw == Grants.ApplicationState.submitted.rawValue).count()
            if screening > 0 {
                items.append(WorkItem(t.plural("work.grants.to_screen", count: screening),
                                      href: context.link(GrantsURL.staffApplications(["state": Grants.ApplicationState.submitted.rawValue]))))
            }
            let reports = try await GrantReport.query(on: database).filter(\.$status == "submitted").count()
            if reports > 0 { items.append(WorkItem(t.plural("work.grants.reports_to_review", count: reports), href: context.link(GrantsURL.awarded()))) }
        }
        let reviews = try await GrantReview.query(on: database).filter(\.$reviewerID == userID).filter(\.$submittedAt == nil).count()
        if reviews > 0 { items.append(WorkItem(t.plural("work.grants.reviews", count: reviews), href: context.link(GrantsURL.reviews()))) }
        let roles = try await OrganisationRole.query(on: database).filter(\.$userID == userID).all()
        let organisations = Set(roles.filter { $0.role == .member || $0.role == .focalPoint }.map(\.organisationID))
        guard !organisations.isEmpty else { return items }
        let drafts = try await GrantApplication.query(on: database).filter(\.$organisationID ~~ organisations)
            .filter(\.$stateRaw == Grants.ApplicationState.draft.rawValue).count()
        if drafts > 0 { items.append(WorkItem(t.plural("work.grants.drafts", count: drafts), href: context.link(GrantsURL.myApplications()))) }
        let grants = try await Grant.query(on: database).filter(\.$organisationID ~~ organisations).all()
        let titles = Dictionary(grants.compactMap { grant in grant.id.map { ($0, grant.title) } }, uniquingKeysWith: { first, _ in first })
        if !titles.isEmpty {
            // reports not yet accepted or sent, due within 60 days (or overdue), soonest first
            let horizon = CalendarDate(utc: Date()).adding(days: 60).iso
            let due = try await GrantReport.query(on: database).filter(\.$grantID ~~ Array(titles.keys))
                .filter(\.$status ~~ ["scheduled", "changes-requested"]).filter(\.$dueOn <= horizon).sort(\.$dueOn).limit(5).all()
            for report in due {
                let day = CalendarDate(iso: report.dueOn).map { t.date($0.noonUTC) } ?? report.dueOn
                items.append(WorkItem(t("work.grants.report_due", ["kind": t("grants.report.kind.\(report.kind)"), "date": day, "grant": titles[report.grantID] ?? ""]),
                                      href: context.link(GrantsURL.granteeGrant(report.grantID.uuidString.lowercased()))))
            }
        }
        return items
    }
}
