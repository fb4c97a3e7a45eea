// After the award: the grant agreement with its reporting schedule, guarded writes (no lost update) and
// state changes only through the grant state machine, each written into the audit log.
import Kernel
import Network
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

/// A grant with its lot, call, programme, recipient and (when it has one) the application it was awarded on.
struct GrantBundle: Sendable {
    var grant: Grant
    var lot: GrantLot
    var call: GrantCall
    var programme: GrantProgramme
    var organisation: Organisation
    var application: GrantApplication?

    var currency: Grants.Currency { programme.currency }
    var award: Grants.Money { Grants.Money(minorUnits: grant.amountMinor, currency: currency) }
    var id: String { grant.id?.uuidString.lowercased() ?? "" }
}

/// What a grant's report is: interim (narrative and financial in one record) or final.
enum GrantReportKind: String, CaseIterable, Sendable {
    case interim, final
}

extension GrantReport {
    /// A report the schedule owes, not yet written.
    convenience init(scheduledFor grant: UUID, kind: GrantReportKind, due: CalendarDate) {
        self.init()
        grantID = grant
        self.kind = kind.rawValue
        dueOn = due.iso
        status = GrantReportStatus.scheduled.rawValue
        narrative = ""
        spent = ""
        reviewComment = ""
    }
}

/// Where a report stands.
enum GrantReportStatus: String, CaseIterable, Sendable {
    case scheduled, submitted
    case changesRequested = "changes-requested"
    case accepted
}

/// One tranche of a grant's payment plan with what has been paid against it.
struct TrancheRow: Sendable {
    var number: Int
    var share: Grants.BasisPoints
    var amount: Grants.Money
    var paid: Grants.Money
    /// The tranche amount less its payments, or why that cannot be told (e.g. overpaid).
    var outstanding: Result<Grants.Money, Grants.PaymentProblem>
}

enum AwardStore {
    // MARK: loading

    /// The grant of the request's `:grant` parameter with everything around it; 404 otherwise.
    static func bundle(_ request: Request) async throws -> GrantBundle {
        guard let raw = request.parameters.get("grant"), let id = UUID(uuidString: raw),
              let grant = try await Grant.find(id, on: request.db) else { throw Abort(.notFound) }
        return try await bundle(of: grant, on: request.db)
    }

    static func bundle(of grant: Grant, on database: Database) async throws -> GrantBundle {
        guard let lot = try await GrantLot.find(grant.lotID, on: database),
              let call = try await GrantCall.find(lot.callID, on: database),
              let programme = try await GrantProgramme.find(call.programmeID, on: database),
              let organisation = try await Organisation.find(grant.organisationID, on: database) else { throw Abort(.notFound) }
        var application: GrantApplication?
        if let applicationID = grant.applicationID { application = try await GrantApplication.find(applicationID, on: database) }
        return GrantBundle(grant: grant, lot: lot, call: call, programme: programme, organisation: organisation, application: application)
    }

    static func payments(of grant: Grant, on database: Database) async throws -> [GrantPayment] {
        try await GrantPayment.query(on: database).filter(\.$grantID == grant.requireID()).sort(\.$paidOn).sort(\.$createdAt).all()
    }

    static func reports(of grant: Grant, on database: Database) async throws -> [GrantReport] {
        try await GrantReport.query(on: database).filter(\.$grantID == grant.requireID()).sort(\.$dueOn).all()
    }

    /// The role a signed-in staff member or admin acts in on grants.
    static func officeRole(_ user: User) -> Grants.Role { user.role == .admin ? .admin : .staff }

    // MARK: money

    static func money(_ payments: [GrantPayment], currency: Grants.Currency) -> [Grants.Money] {
        payments.map { Grants.Money(minorUnits: $0.amountMinor, currency: currency) }
    }

    /// The tranches of the award by the lot's shares, each with its payments; or why the plan cannot be used.
    static func tranches(_ bundle: GrantBundle, payments: [GrantPayment]) -> Result<[TrancheRow], Grants.PaymentProblem> {
        let shares = bundle.lot.trancheShares
        switch Grants.tranches(of: bundle.award, shares: shares) {
        case let .failure(problem): return .failure(problem)
        case let .success(amounts):
            return .success(amounts.enumerated().map { index, amount in
                let own = money(payments.filter { $0.tranche == index + 1 }, currency: bundle.currency)
                let paid = Grants.Money(minorUnits: own.reduce(Int64(0)) { $0 &+ $1.minorUnits }, currency: bundle.currency)
                return TrancheRow(number: index + 1, share: shares[index], amount: amount, paid: paid,
                                  outstanding: Grants.outstanding(award: amount, payments: own))
            })
        }
    }

    /// What is left to pay of the whole award.
    static func outstanding(_ bundle: GrantBundle, payments: [GrantPayment]) -> Result<Grants.Money, Grants.PaymentProblem> {
        Grants.outstanding(award: bundle.award, payments: money(payments, currency: bundle.currency))
    }

    // MARK: dates

    /// The calendar day of `instant` in UTC.
    static func utcDate(_ instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) ?? CalendarDate(1970, 1, 1)!
    }

    /// The reports a project of `months` months starting on `start` owes: for projects longer than six months an
    /// interim report due at the end of the middle month, and always a final report due one month after the end.
    static func reportSchedule(start: CalendarDate, months: Int) -> [(kind: GrantReportKind, due: CalendarDate)] {
        let months = max(1, months)
        var schedule: [(kind: GrantReportKind, due: CalendarDate)] = []
        if months > 6 { schedule.append((.interim, start.endOfPeriod(months: (months + 1) / 2))) }
        schedule.append((.final, start.endOfPeriod(months: months).addingMonths(1)))
        return schedule
    }

    // MARK: the agreement

    /// Why an agreement cannot be drafted.
    enum AgreementError: Error, Equatable {
        /// Neither an amount was given nor could the application's budget be read.
        case noAmount
        /// The amount is zero or negative.
        case amountNotPositive
        /// The amount is not in the programme's currency.
        case currencyMismatch(expected: String, found: String)
    }

    struct AgreementAudit: Encodable {
        var identifier: String
        var application: String
        var amountMinor: Int64
        var plannedStart: String
        var durationMonths: Int
        var reports: [String]
    }

    /// Drafts the grant agreement for an awarded application (the committee's award decision calls this):
    /// a `Grant` in `agreement-drafted` with identifier `360G-iceda-<reference>`, the application's title, the
    /// first 500 characters of its summary, `amount` (by default the requested total), awarded today (UTC),
    /// starting on the first day of next month for the application's duration (else the lot's), plus the
    /// reporting schedule. Idempotent: an application that already has a grant gets that grant back.
    @discardableResult
    static func createAgreement(
        for application: GrantApplication, bundle: ApplicationBundle? = nil, amount: Grants.Money? = nil, actor: User? = nil,
        now: Date = Date(), on database: Database
    ) async throws -> Grant {
        let applicationID = try application.requireID()
        let info: ApplicationBundle
        if let bundle { info = bundle } else { info = try await ApplicationStore.bundle(of: application, on: database) }
        let currency = info.currency
        let minor: Int64
        if let amount {
            guard amount.currency == currency else { throw AgreementError.currencyMismatch(expected: currency.code, found: amount.currency.code) }
            minor = amount.minorUnits
        } else if let requested = application.requestedMinor {
            minor = requested
        } else {
            throw AgreementError.noAmount
        }
        guard minor > 0 else { throw AgreementError.amountNotPositive }
        let today = utcDate(now)
        let start = CalendarDate(today.year, today.month, 1)!.addingMonths(1)
        let months = application.durationMonths ?? info.lot.durationMonths
        return try await database.transaction { database in
            if let existing = try await Grant.query(on: database).filter(\.$applicationID == applicationID).first() { return existing }
            let grant = Grant()
            grant.lotID = application.lotID
            grant.organisationID = application.organisationID
            grant.title = application.title.isEmpty ? application.reference : application.title
            grant.summary = String(application.summary.prefix(500))
            grant.amountMinor = minor
            grant.awardDate = today.iso
            grant.plannedStart = start.iso
            grant.durationMonths = max(1, months)
            grant.identifier = GrantsExport.identifierPrefix + application.reference.lowercased()
            grant.status = Grants.GrantLifecycle.initialState.rawValue
            grant.applicationID = applicationID
            grant.version = 0
            try await grant.save(on: database)
            let schedule = reportSchedule(start: start, months: grant.durationMonths)
            for item in schedule {
                try await GrantReport(scheduledFor: grant.requireID(), kind: item.kind, due: item.due).save(on: database)
            }
            try await Audit.record(on: database, actor: actor, action: "grants.grant.create", targetType: "grant", targetID: grant.id?.uuidString,
                                   after: AgreementAudit(identifier: grant.identifier, application: application.reference, amountMinor: minor,
                                                         plannedStart: grant.plannedStart, durationMonths: grant.durationMonths,
                                                         reports: schedule.map { "\($0.kind.rawValue) \($0.due.iso)" }))
            return grant
        }
    }

    // MARK: guarded writes

    typealias Changed = RecordChanged
    typealias Refused = TransitionRefused<Grants.GrantLifecycle>

    /// See `GuardedRecords.write`.
    static func write<T: Sendable>(_ grant: Grant, expectedVersion: Int, on database: Database,
                                   _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        try await GuardedRecords.write(grant, expectedVersion: expectedVersion, on: database, body)
    }

    /// See `GuardedRecords.transition` (audit action `grants.grant.<event>`; `actor` nil is the jobs queue).
    @discardableResult
    static func transition(
        _ grant: Grant, _ event: Grants.GrantEvent, by role: Grants.Role, actor: User?, expectedVersion: Int,
        note: String = "", on database: Database, change: @escaping @Sendable (Grant, Database) async throws -> Void = { _, _ in }
    ) async throws -> Grants.TransitionRecord<Grants.GrantState, Grants.GrantEvent> {
        try await GuardedRecords.transition(grant, event, by: role, actor: actor, expectedVersion: expectedVersion, note: note, on: database, change: change)
    }
}
