// The dialogue's waiting work on a focal point's account page: recommendations to their institution that wait
// for an answer or for news of the implementation.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Methods
import Network
import Vapor

enum DialogueWork {
    static func items(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        let roles = try await OrganisationRole.query(on: request.db).filter(\.$userID == user.requireID()).filter(\.$role == .focalPoint).all()
        guard !roles.isEmpty else { return [] }
        let institutions = try await Organisation.query(on: request.db).filter(\.$id ~~ roles.map(\.organisationID)).filter(\.$kind == .publicInstitution).all()
        guard !institutions.isEmpty else { return [] }
        let ids = try await RecommendationAddressee.query(on: request.db).filter(\.$organisationID ~~ institutions.compactMap(\.id)).all().map(\.recommendationID)
        guard !ids.isEmpty else { return [] }
        let waiting = try await Recommendation.query(on: request.db).filter(\.$id ~~ ids)
            .filter(\.$state ~~ [RecommendationState.published.rawValue, RecommendationState.acknowledged.rawValue]).all()
        guard !waiting.isEmpty else { return [] }
        let t = context.t
        let overdue = waiting.filter { !$0.responseDue.isEmpty && $0.responseDue < CalendarDate(utc: Date()).iso }.count
        var text = t.plural("work.dialogue.to_answer", count: waiting.count)
        if overdue > 0 { text += " " + t.plural("work.dialogue.overdue", count: overdue) }
        return [WorkItem(text, href: context.link(DialogueURL.inbox()))]
    }
}
