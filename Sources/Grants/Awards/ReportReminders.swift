// Reminds grantees of reports that fall due soon: one e-mail per report, in the language of the application,
// to the person who created it; an active grant moves to `report-due` through the state machine.
import Kernel
import Network
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

enum ReportReminders {
    /// How many days before its due date a report is reminded of.
    static let leadDays = 14

    /// The states of a grant whose reports are reminded of.
    static let remindedStates: Set<Grants.GrantState> = [.signed, .active, .reportDue, .reportSubmitted, .changesRequested]

    /// Another run (another worker) reminded of the report first.
    private struct AlreadyReminded: Error {}

    /// Queues a reminder for every scheduled report due within `leadDays` days of `now` (or overdue) that has not
    /// been reminded of; returns how many e-mails were queued. Safe to run from several workers at once: each
    /// report is claimed by setting `reminded_at` only where it is still empty.
    @discardableResult
    static func run(on database: Database, now: Date = Date(), baseURL: String? = nil, logger: Logger? = nil) async throws -> Int {
        let limit = AwardStore.utcDate(now.addingTimeInterval(Double(leadDays) * 86_400)).iso
        let due = try await GrantReport.query(on: database)
            .filter(\.$status == GrantReportStatus.scheduled.rawValue)
            .filter(\.$remindedAt == nil)
            .filter(\.$dueOn <= limit)
            .sort(\.$dueOn).all()
        var sent = 0
        for report in due {
            do {
                if try await remind(report, now: now, baseURL: baseURL, on: database) { sent += 1 }
            } catch is AwardStore.Changed {
                // The grant changed while we looked: the next run tries again.
                logger?.info("report reminder for grant \(report.grantID) postponed: the grant changed meanwhile")
            }
        }
        return sent
    }

    /// Reminds of one report; true when an e-mail was queued.
    static func remind(_ report: GrantReport, now: Date, baseURL: String?, on database: Database) async throws -> Bool {
        // Drafted, suspended, closing and ended grants get no reminder (a suspended one gets it once resumed).
        guard let grant = try await Grant.find(report.grantID, on: database), remindedStates.contains(grant.state) else { return false }
        var application: GrantApplication?
        if let id = grant.applicationID { application = try await GrantApplication.find(id, on: database) }
        var creatorEmail: String?
        if let application, let creator = try await User.find(application.createdBy, on: database), creator.active { creatorEmail = creator.email }
        let recipient = creatorEmail
        let locale = application?.appLocale ?? .en
        let t = Translator(locale: locale)
        let path = try "/\(locale.rawValue)" + GrantsURL.granteeGrant(grant.requireID().uuidString.lowercased())
        let kind = GrantReportKind(rawValue: report.kind) ?? .final
        let dueText = GrantsPages.calendarDate(CalendarDate(iso: report.dueOn), t: t)
        let subject = t("grants.report.reminder_subject", ["identifier": grant.identifier])
        let body = t("grants.report.reminder_body", [
            "title": grant.title, "identifier": grant.identifier, "kind": t("grants.report.kind.\(kind.rawValue)"),
            "due": dueText.isEmpty ? report.dueOn : dueText,
            "link": (baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "") + path,
        ])
        let reportID = try report.requireID()
        let claim: @Sendable (Database) async throws -> Bool = { database in
            guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
            let claimed = try await sql.update(GrantReport.schema)
                .set("reminded_at", to: now)
                .where("id", .equal, reportID)
                .where(SQLIdentifier("reminded_at"), .is, SQLLiteral.null)
                .returning("id")
                .all()
            guard claimed.count == 1 else { return false }
            if let recipient { try await Outbox.enqueue(on: database, to: recipient, subject: subject, body: body, locale: locale) }
            return true
        }
        if grant.state == .active {
            do {
                try await AwardStore.transition(grant, .markReportDue, by: .staff, actor: nil, expectedVersion: grant.version,
                                                note: "reminder: \(kind.rawValue) report due \(report.dueOn)", on: database) { _, database in
                    guard try await claim(database) else { throw AlreadyReminded() }
                }
            } catch is AlreadyReminded {
                return false
            }
            return recipient != nil
        }
        let claimed = try await database.transaction { database in try await claim(database) }
        return claimed && recipient != nil
    }
}
