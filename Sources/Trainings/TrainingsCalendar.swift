// The public calendar's page model, from SQL: the coming events (soonest first, at most `upcomingLimit`) and one
// page of past events (newest first), each list counted by the database with the same filters, and the number of
// sessions of the events shown. The page's cost follows what it shows, not how many events the programme has held
// (index `training_events_published_start`).
import Fluent
import Foundation
import Kernel
import Methods
import SQLKit

struct CalendarPage {
    var upcoming: [TrainingEvent]
    var upcomingTotal: Int
    var past: [TrainingEvent]
    var pastTotal: Int
    var page: Int
    var sessionCounts: [UUID: Int]

    var pastPages: Int { max(1, (pastTotal + TrainingsCalendar.pastPerPage - 1) / TrainingsCalendar.pastPerPage) }
}

enum TrainingsCalendar {
    static let upcomingLimit = 50
    static let pastPerPage = 20

    static func filtered(_ query: TrainingsRoutes.CalendarQuery, on database: Database) -> QueryBuilder<TrainingEvent> {
        var builder = TrainingEvent.query(on: database).filter(\.$published == true)
        if let country = query.country { builder = builder.filter(\.$country == country) }
        if let audience = query.audience { builder = builder.filter(\.$audience == audience) }
        if let level = query.level { builder = builder.filter(\.$level == level) }
        if let topic = query.topic { builder = builder.filter(\.$topics ~~ ";\(topic);") }
        if let month = query.month { builder = builder.filter(\.$month == month) }
        return builder
    }

    static func page(_ query: TrainingsRoutes.CalendarQuery, today: CalendarDate, on database: Database) async throws -> CalendarPage {
        let upcomingTotal = try await filtered(query, on: database).filter(\.$startsOn >= today.iso).count()
        let upcoming = try await filtered(query, on: database).filter(\.$startsOn >= today.iso)
            .sort(\.$startsOn).sort(\.$slug).limit(upcomingLimit).all()
        let pastTotal = try await filtered(query, on: database).filter(\.$startsOn < today.iso).count()
        let pages = max(1, (pastTotal + pastPerPage - 1) / pastPerPage)
        let page = min(query.page, pages)
        let past = try await filtered(query, on: database).filter(\.$startsOn < today.iso)
            .sort(\.$startsOn, .descending).sort(\.$slug).range((page - 1) * pastPerPage..<page * pastPerPage).all()
        return CalendarPage(upcoming: upcoming, upcomingTotal: upcomingTotal, past: past, pastTotal: pastTotal, page: page,
                            sessionCounts: try await sessionCounts(of: (upcoming + past).compactMap(\.id), on: database))
    }

    /// Sessions per event, counted by the database.
    static func sessionCounts(of events: [UUID], on database: Database) async throws -> [UUID: Int] {
        guard !events.isEmpty, let sql = database as? SQLDatabase else { return [:] }
        let rows = try await sql.select().column("event_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(TrainingSession.schema).where("event_id", .in, events).groupBy("event_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows { counts[try row.decode(column: "event_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }
}

/// The index the calendar's two lists read in order: published events by first day.
struct M015_TrainingsCalendarIndex: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "training_events_published_start").on(TrainingEvent.schema).column("published").column("starts_on").run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.drop(index: "training_events_published_start").run()
    }
}
