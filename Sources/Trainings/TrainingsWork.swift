// The trainings' waiting work on a person's account page: staff see the CSOs' sessions to approve; trainers (and
// staff) the events of the coming month they manage, with attendance to take.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Methods
import Vapor

enum TrainingsWork {
    static func items(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        let t = context.t
        var items: [WorkItem] = []
        if user.role.isStaff {
            let pending = try await OutreachSession.query(on: request.db).filter(\.$state == "pending").count()
            if pending > 0 { items.append(WorkItem(t.plural("work.trainings.outreach", count: pending), href: context.link(LearningURL.outreachStaff()))) }
        }
        if user.role == .trainer || user.role.isStaff {
            let today = CalendarDate(utc: Date())
            var query = TrainingEvent.query(on: request.db).filter(\.$startsOn >= today.adding(days: -14).iso).filter(\.$startsOn <= today.adding(days: 30).iso)
            if !user.role.isStaff { query = query.filter(\.$trainerID == user.id) }
            for event in try await query.sort(\.$startsOn).limit(5).all() {
                let day = CalendarDate(iso: event.startsOn).map { t.date($0.noonUTC) } ?? event.startsOn
                items.append(WorkItem(t("work.trainings.event", ["event": event.title.resolve(for: context.locale)?.text ?? event.slug, "date": day]),
                                      href: context.link(TrainingsURL.manage(event.slug))))
            }
        }
        return items
    }
}
