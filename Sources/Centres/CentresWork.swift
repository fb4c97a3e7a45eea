// The centres' waiting work on an operator's account page: the follow-ups they promised, per centre.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Vapor

enum CentresWork {
    static func items(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        let t = context.t
        let userID = try user.requireID()
        let operated = try await CentreOperator.query(on: request.db).filter(\.$userID == userID).all().map(\.centreID)
        guard !operated.isEmpty else { return [] }
        let centres = try await Centre.query(on: request.db).filter(\.$id ~~ operated).sort(\.$name).all()
        var items: [WorkItem] = []
        for centre in centres {
            let waiting = try await FollowUp.query(on: request.db).filter(\.$centreID == centre.requireID()).filter(\.$operatorID == userID)
                .filter(\.$done == false).count()
            if waiting > 0 {
                items.append(WorkItem(t.plural("work.centres.follow_ups", count: waiting, ["centre": centre.name]), href: context.link(CentresURL.followUps(centre.slug))))
            }
            items.append(WorkItem(t("work.centres.log", ["centre": centre.name]), href: context.link(CentresURL.newCase(centre.slug))))
        }
        return items
    }
}
