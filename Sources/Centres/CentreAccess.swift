// Who may do what with a centre: the public sees its page and public statistics; its operators and programme
// staff write and read its log; only the operator who owns a follow-up sees the citizen's contact.
import Fluent
import Foundation
import Kernel
import Vapor

enum CentreAccess {
    /// The centre at the route's `:slug`, or 404.
    static func centre(_ request: Request) async throws -> Centre {
        guard let slug = request.parameters.get("slug"), slug.count <= 100,
              let centre = try await Centre.query(on: request.db).filter(\.$slug == slug).first() else { throw Abort(.notFound) }
        return centre
    }

    /// Whether the user writes this centre's log (one of its operators) or is programme staff.
    static func canOperate(_ user: User?, _ centre: Centre, on database: Database) async throws -> Bool {
        guard let user else { return false }
        if user.role.isStaff { return true }
        return try await isOperator(user, centre, on: database)
    }

    static func isOperator(_ user: User, _ centre: Centre, on database: Database) async throws -> Bool {
        try await CentreOperator.query(on: database).filter(\.$centreID == centre.requireID()).filter(\.$userID == user.requireID()).count() > 0
    }

    /// The signed-in operator of this centre or staff; sign-in first, 403 for anyone else.
    static func requireOperator(_ request: Request, _ centre: Centre) async throws -> User {
        let user = try request.requireUser()
        guard try await canOperate(user, centre, on: request.db) else { throw Abort(.forbidden) }
        return user
    }

    /// The centres this user operates.
    static func operated(by user: User, on database: Database) async throws -> [Centre] {
        let ids = try await CentreOperator.query(on: database).filter(\.$userID == user.requireID()).all().map(\.centreID)
        guard !ids.isEmpty else { return [] }
        return try await Centre.query(on: database).filter(\.$id ~~ ids).sort(\.$name).all()
    }
}

/// Months as the dashboards use them.
enum CentreMonths {
    /// `YYYY-MM` of a day.
    static func month(_ day: String) -> String { String(day.prefix(7)) }

    /// The twelve months that end with the month of `today`, oldest first.
    static func lastTwelve(today: Date) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: today)
        var year = parts.year!, month = parts.month!
        var months: [String] = []
        for _ in 0..<12 {
            months.append(String(format: "%04d-%02d", year, month))
            month -= 1
            if month == 0 { month = 12; year -= 1 }
        }
        return months.reversed()
    }

    /// The closed months of `months` (all of a year's that have ended), or the last twelve closed months when nil;
    /// never empty (a year still to come gives the last closed month).
    static func closed(_ months: [String]?, today: Date) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let current = String(format: "%04d-%02d", calendar.component(.year, from: today), calendar.component(.month, from: today))
        let lastMonth = calendar.date(byAdding: .month, value: -1, to: today)!
        let closed = (months ?? lastTwelve(today: lastMonth)).filter { $0 < current }
        return closed.isEmpty ? [lastTwelve(today: lastMonth).last!] : closed
    }

    /// The months of a calendar year.
    static func of(year: Int) -> [String] { (1...12).map { String(format: "%04d-%02d", year, $0) } }
}
