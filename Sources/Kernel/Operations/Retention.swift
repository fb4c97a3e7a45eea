// How long the kernel keeps personal data that only serves security or delivery (issue 9, item 15), and the periodic
// job that lets it go. Features keep their own rules (a centre's follow-up contacts, appointments); the grant
// record itself (applications, decisions, payments, their audit entries) is kept as the programme's accounts require.
import Fluent
import Foundation
import Vapor

package struct RetentionPeriods: Sendable, Equatable {
    /// Failed and throttled sign-in and registration attempts (e-mail address and network address).
    package var signInAttemptDays = 30
    /// Used or expired one-time links (password resets, invitations).
    package var oneTimeLinkDays = 30
    /// E-mails already delivered (recipient, subject and body).
    package var sentMailDays = 90
    /// The network address written with each sign-in in the audit log (the entry stays, without the address).
    package var auditAddressDays = 180
    /// A session unchanged for this long is ended (a signed-in person signs in again); an anonymous one after a day.
    package var sessionDays = 14
    package static let anonymousSessionDays = 1

    package init() {}
}

package enum Retention {
    package struct Report: Sendable, Equatable {
        package var signInAttempts = 0, oneTimeLinks = 0, sentMail = 0, auditAddresses = 0, sessions = 0
    }

    /// The key of a session's last write time (Unix seconds), stamped by `ChangeAwareSessions`.
    package static let sessionStamp = "at"

    /// Deletes what is older than its period. Safe to run from several workers at once (each statement is one
    /// delete or update by age).
    @discardableResult
    package static func run(on database: Database, periods: RetentionPeriods, now: Date = Date()) async throws -> Report {
        func before(_ days: Int) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
        var report = Report()
        report.signInAttempts = try await SignInAttempt.query(on: database).filter(\.$at < before(periods.signInAttemptDays)).count()
        try await SignInAttempt.query(on: database).filter(\.$at < before(periods.signInAttemptDays)).delete()

        let links = OneTimeLink.query(on: database).group(.or) {
            $0.filter(\.$expiresAt < before(periods.oneTimeLinkDays)).filter(\.$usedAt < before(periods.oneTimeLinkDays))
        }
        report.oneTimeLinks = try await links.count()
        try await OneTimeLink.query(on: database).group(.or) {
            $0.filter(\.$expiresAt < before(periods.oneTimeLinkDays)).filter(\.$usedAt < before(periods.oneTimeLinkDays))
        }.delete()

        report.sentMail = try await OutboxMessage.query(on: database).filter(\.$sentAt < before(periods.sentMailDays)).count()
        try await OutboxMessage.query(on: database).filter(\.$sentAt < before(periods.sentMailDays)).delete()

        let addresses = AuditEntry.query(on: database).filter(\.$action == "user.sign_in").filter(\.$at < before(periods.auditAddressDays))
            .filter(\.$after != nil)
        report.auditAddresses = try await addresses.count()
        try await AuditEntry.query(on: database).filter(\.$action == "user.sign_in").filter(\.$at < before(periods.auditAddressDays))
            .filter(\.$after != nil).set(\.$after, to: nil).update()

        report.sessions = try await endSessions(on: database, periods: periods, now: now)
        return report
    }

    /// Whether a session's data says it has expired: unchanged for `sessionDays` (a day when nobody is signed in),
    /// or written before sessions were stamped.
    package static func isExpired(_ data: SessionData, periods: RetentionPeriods, now: Date) -> Bool {
        guard let stamp = data[sessionStamp].flatMap(Double.init) else { return true }
        let days = data["uid"] == nil ? RetentionPeriods.anonymousSessionDays : periods.sessionDays
        return now.timeIntervalSince1970 - stamp > Double(days) * 86_400
    }

    private static func endSessions(on database: Database, periods: RetentionPeriods, now: Date) async throws -> Int {
        // Session data is a JSON column whose layout differs between the two databases: read it in pages and decide here.
        var expired: [UUID] = []
        var last: UUID?
        while true {
            var query = SessionRecord.query(on: database).sort(\.$id).limit(1_000)
            if let last { query = query.filter(\.$id > last) }
            let page = try await query.all()
            guard let tail = page.last else { break }
            last = tail.id
            expired += page.filter { isExpired($0.data, periods: periods, now: now) }.compactMap(\.id)
        }
        for start in stride(from: 0, to: expired.count, by: 500) {
            try await SessionRecord.query(on: database).filter(\.$id ~~ Array(expired[start..<min(start + 500, expired.count)])).delete()
        }
        return expired.count
    }
}
