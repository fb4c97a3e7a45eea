// Reading and writing applications: who acts in which role, the budget as typed, every check before
// submission, guarded writes (no lost update) and state changes only through the application state machine.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

/// An application with its call, lot, programme and applicant.
struct ApplicationBundle: Sendable {
    var application: GrantApplication
    var call: GrantCall
    var lot: GrantLot
    var programme: GrantProgramme
    var organisation: Organisation

    var currency: Grants.Currency { programme.currency }
    var lotRules: Grants.Lot { lot.rules(currency: currency) }
    var criteria: [Grants.Criterion] { lot.criteria.map { Grants.Criterion(id: $0.id, title: $0.title.values["en"] ?? $0.id, weight: $0.weight, maxScore: $0.maxScore) } }
}

/// The budget table read from what the applicant typed.
struct BudgetReading: Sendable {
    /// The table, when every non-blank row could be read.
    var table: Grants.BudgetTable?
    /// Problems of single cells, attached to their inputs.
    var errors: [FieldError]
    var totals: Grants.BudgetTotals? { try? table?.totals() }
}

enum ApplicationStore {
    static let budgetCategories: [Grants.BudgetCategory] = [.staff, .travel, .equipment, .services, .communication, .administration, .other]
    /// Rows the budget form offers (blank rows are ignored).
    static let budgetRows = 8
    static let titleLimit = 200
    static let summaryWordLimit = 300
    /// The largest amount one budget cell may hold (100 million in major units): far above any small grant, and
    /// small enough that totals, shares and percentages of eight lines never overflow 64-bit arithmetic.
    static let largestCellMinor: Int64 = 10_000_000_000

    /// The application of the request's `:application` parameter with everything around it; 404 otherwise.
    static func bundle(_ request: Request) async throws -> ApplicationBundle {
        guard let raw = request.parameters.get("application"), let id = UUID(uuidString: raw),
              let application = try await GrantApplication.find(id, on: request.db) else { throw Abort(.notFound) }
        return try await bundle(of: application, on: request.db)
    }

    static func bundle(of application: GrantApplication, on database: Database) async throws -> ApplicationBundle {
        guard let call = try await GrantCall.find(application.callID, on: database),
              let lot = try await GrantLot.find(application.lotID, on: database),
              let programme = try await GrantProgramme.find(call.programmeID, on: database),
              let organisation = try await Organisation.find(application.organisationID, on: database) else { throw Abort(.notFound) }
        return ApplicationBundle(application: application, call: call, lot: lot, programme: programme, organisation: organisation)
    }

    // MARK: roles

    /// The roles `user` holds towards this application (possibly none).
    static func roles(of user: User?, in bundle: ApplicationBundle, on database: Database) async throws -> Set<Grants.Role> {
        guard let user, user.active, let userID = user.id else { return [] }
        var roles: Set<Grants.Role> = []
        if user.role == .admin { roles.insert(.admin) }
        if user.role == .staff { roles.insert(.staff) }
        if try await isApplicantMember(userID, organisation: bundle.application.organisationID, on: database) { roles.insert(.applicant) }
        if try await GrantReview.query(on: database).filter(\.$applicationID == bundle.application.requireID())
            .filter(\.$reviewerID == userID).count() > 0 { roles.insert(.reviewer) }
        if try await GrantCommitteeMember.query(on: database).filter(\.$callID == bundle.call.requireID()).filter(\.$userID == userID).count() > 0 {
            roles.insert(.committee)
        }
        return roles
    }

    static func isApplicantMember(_ userID: UUID, organisation: UUID, on database: Database) async throws -> Bool {
        try await OrganisationRole.query(on: database).filter(\.$userID == userID).filter(\.$organisationID == organisation)
            .filter(\.$role ~~ [.member, .focalPoint]).count() > 0
    }

    /// The first of `organisations` that `userID` is a member (or focal point) of: a conflict of interest. One query.
    static func memberOrganisation(_ userID: UUID, of organisations: [Organisation], on database: Database) async throws -> Organisation? {
        let ids = organisations.compactMap(\.id)
        guard !ids.isEmpty else { return nil }
        let member = Set(try await OrganisationRole.query(on: database).filter(\.$userID == userID).filter(\.$organisationID ~~ ids)
            .filter(\.$role ~~ [.member, .focalPoint]).all().map(\.organisationID))
        return organisations.first { $0.id.map(member.contains) ?? false }
    }

    /// The organisations `user` may apply for.
    static func applicantOrganisations(of user: User, on database: Database) async throws -> [Organisation] {
        let ids = try await OrganisationRole.query(on: database).filter(\.$userID == user.requireID()).filter(\.$role ~~ [.member, .focalPoint]).all()
            .map(\.organisationID)
        guard !ids.isEmpty else { return [] }
        return try await Organisation.query(on: database).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    // MARK: budget

    /// Reads the typed rows; blank rows are skipped, each unreadable cell gets its own message.
    static func readBudget(_ rows: [BudgetRowInput], locale: AppLocale, currency: Grants.Currency, t: Translator) -> BudgetReading {
        let amountLocale = GrantsPages.amountLocale(locale)
        var lines: [Grants.BudgetLine] = []
        var errors: [FieldError] = []
        for (index, row) in rows.enumerated() where !row.isBlank {
            let field = { (name: String) in "budget_\(index)_\(name)" }
            let category = Grants.BudgetCategory(rawValue: row.category)
            if !budgetCategories.contains(category) {
                errors.append(FieldError(field: field("category"), message: t("grants.apply.error.category", ["line": String(index + 1)])))
            }
            func money(_ text: String, _ name: String) -> Grants.Money? {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty && name != "unit_cost" { return .zero(currency) }
                switch Grants.MoneyParser.parse(trimmed, locale: amountLocale, currency: currency) {
                case let .success(value) where value.minorUnits > largestCellMinor:
                    errors.append(FieldError(field: field(name), message: t("grants.apply.error.cell", ["line": String(index + 1), "problem": t("grants.money.too-large")])))
                    return nil
                case let .success(value): return value
                case let .failure(error):
                    errors.append(FieldError(field: field(name), message: t("grants.apply.error.cell", ["line": String(index + 1), "problem": GrantsMessages.text(error, t: t, locale: t.locale)])))
                    return nil
                }
            }
            var quantity: Grants.Quantity?
            switch Grants.Quantity.parse(row.quantity.trimmingCharacters(in: .whitespaces), locale: amountLocale) {
            case let .success(value) where value.hundredths > 1_000_000_00:
                errors.append(FieldError(field: field("quantity"), message: t("grants.apply.error.cell", ["line": String(index + 1), "problem": t("grants.money.too-large")])))
            case let .success(value): quantity = value
            case let .failure(error):
                errors.append(FieldError(field: field("quantity"), message: t("grants.apply.error.cell", ["line": String(index + 1), "problem": GrantsMessages.text(error, t: t, locale: t.locale)])))
            }
            let unitCost = money(row.unitCost, "unit_cost"), requested = money(row.requested, "requested"), coFinancing = money(row.coFinancing, "co_financing")
            if let quantity, let unitCost, let requested, let coFinancing {
                lines.append(Grants.BudgetLine(category: category, description: row.description, unit: row.unit, quantity: quantity,
                                               unitCost: unitCost, requested: requested, coFinancing: coFinancing))
            }
        }
        return BudgetReading(table: errors.isEmpty ? Grants.BudgetTable(currency: currency, lines: lines) : nil, errors: errors)
    }

    // MARK: checks before submission

    /// Every reason the application cannot be submitted as it stands, each attached to a field of the form.
    static func problems(_ bundle: ApplicationBundle, attachments: [GrantAttachment], coApplicants: [Organisation], t: Translator) -> [FieldError] {
        let application = bundle.application
        let locale = t.locale
        var errors: [FieldError] = []
        if application.title.allSatisfy(\.isWhitespace) { errors.append(FieldError(field: "title", message: t("grants.apply.error.title"))) }
        let words = Grants.ApplicationForm.wordCount(application.summary)
        if words == 0 {
            errors.append(FieldError(field: "summary", message: t("grants.apply.error.summary")))
        } else if words > summaryWordLimit {
            errors.append(FieldError(field: "summary", message: t("grants.apply.error.summary_words", ["words": t.integer(words), "maximum": t.integer(summaryWordLimit)])))
        }
        if application.durationMonths == nil { errors.append(FieldError(field: "duration_months", message: t("grants.apply.error.duration"))) }
        let reading = readBudget(application.budget, locale: application.appLocale, currency: bundle.currency, t: t)
        errors += reading.errors
        let facts = Grants.ApplicationFacts(
            applicantCountry: bundle.organisation.countryCode, applicantKind: Grants.ApplicantKind(rawValue: bundle.organisation.kind.rawValue),
            coApplicantCountries: coApplicants.map(\.countryCode), requested: nil, durationMonths: application.durationMonths,
            chosenResults: application.results, budget: reading.errors.isEmpty ? reading.table : nil)
        for problem in Grants.eligibilityProblems(facts, lot: bundle.lotRules) {
            errors.append(FieldError(field: field(of: problem), message: GrantsMessages.text(problem, t: t, locale: locale)))
        }
        let attachmentIDs = Set(attachments.compactMap { $0.id?.uuidString.lowercased() })
        for problem in bundle.call.form.problems(in: application.answers, locale: GrantsPages.amountLocale(application.appLocale), currency: bundle.currency) {
            let title = problem.question.flatMap { bundle.call.form.question($0) }.map { ApplicantPages.text($0.title, locale) }
            errors.append(FieldError(field: problem.question.map { "q_\($0)" } ?? "title",
                                     message: GrantsMessages.text(problem, t: t, locale: locale, overrides: title.map { ["question": $0] } ?? [:])))
        }
        for question in bundle.call.form.visibleQuestions(given: application.answers) where question.kind == .file {
            for value in application.answers[question.id] ?? [] where !attachmentIDs.contains(value) {
                errors.append(FieldError(field: "q_\(question.id)", message: t("grants.apply.error.attachment_gone")))
            }
        }
        return errors
    }

    /// The form field a lot-rule problem belongs to.
    static func field(of problem: Grants.ApplicationProblem) -> String {
        switch problem {
        case .countryNotEligible, .applicantKindNotEligible: "organisation"
        case .coApplicantCountryNotEligible: "co_applicants[]"
        case .durationOutOfRange: "duration_months"
        case .tooFewResults, .unknownResult, .duplicateResult: "results[]"
        default: "budget_0_description"
        }
    }

    // MARK: guarded writes

    typealias Changed = RecordChanged
    typealias Refused = TransitionRefused<Grants.ApplicationLifecycle>
    typealias TransitionAudit = GuardedRecords.TransitionAudit

    /// See `GuardedRecords.write`.
    static func write<T: Sendable>(_ application: GrantApplication, expectedVersion: Int, on database: Database,
                                   _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        try await GuardedRecords.write(application, expectedVersion: expectedVersion, on: database, body)
    }

    /// See `GuardedRecords.transition`.
    @discardableResult
    static func transition(
        _ application: GrantApplication, _ event: Grants.ApplicationEvent, by role: Grants.Role, actor: User?, expectedVersion: Int,
        note: String = "", on database: Database, change: @escaping @Sendable (GrantApplication, Database) async throws -> Void = { _, _ in }
    ) async throws -> Grants.TransitionRecord<Grants.ApplicationState, Grants.ApplicationEvent> {
        try await GuardedRecords.transition(application, event, by: role, actor: actor, expectedVersion: expectedVersion, note: note, on: database, change: change)
    }

    /// The next free reference of a call, e.g. `SG20-0007` for the seventh application to `iceda-sg-2020`.
    static func nextReference(call: GrantCall, on database: Database) async throws -> String {
        let prefix = referencePrefix(call)
        let count = try await GrantApplication.query(on: database).filter(\.$callID == call.requireID()).count()
        var number = count + 1
        while try await GrantApplication.query(on: database).filter(\.$reference == prefix + String(format: "%04d", number)).count() > 0 { number += 1 }
        return prefix + String(format: "%04d", number)
    }

    static func referencePrefix(_ call: GrantCall) -> String {
        let digits = call.code.filter(\.isNumber)
        let letters = call.code.split(separator: "-").dropFirst().first.map { String($0).uppercased() } ?? "APP"
        return "\(letters.prefix(4))\(digits.suffix(2))-"
    }

    // MARK: reviews and ranking

    static func rulesReview(_ review: GrantReview) -> Grants.Review {
        Grants.Review(reviewerId: review.reviewerID.uuidString.lowercased(), declaration: review.submittedAt == nil && review.declaration == .noConflict ? .notDeclared : review.declaration,
                      scores: review.submittedAt == nil ? [:] : review.scores)
    }

    /// The aggregate of an application's submitted reviews against its lot's criteria and the call's settings.
    static func aggregate(_ application: GrantApplication, reviews: [GrantReview], criteria: [Grants.Criterion], call: GrantCall) -> Grants.AggregateScore {
        let usable = reviews.filter { $0.submittedAt != nil || $0.declaration == .conflict }
        return Grants.ReviewAggregation.aggregate(
            applicationId: application.reference, reviews: usable.map(rulesReview), criteria: criteria,
            minimumReviews: max(2, call.minimumReviews), spreadThreshold: Grants.Ratio(Int64(call.spreadThreshold)))
    }
}

/// The review aggregate as stored on the application row.
extension ApplicationStore {
    static func ratioText(_ ratio: Grants.Ratio?) -> String { ratio.map { "\($0.numerator)/\($0.denominator)" } ?? "" }

    static func ratio(_ text: Substring) -> Grants.Ratio? {
        guard let slash = text.firstIndex(of: "/"), let numerator = Int64(text[..<slash]),
              let denominator = Int64(text[text.index(after: slash)...]), denominator > 0 else { return nil }
        return Grants.Ratio(numerator, denominator)
    }

    /// Writes `aggregate` (nil: no review yet) into the application's stored figures.
    static func storeAggregate(_ aggregate: Grants.AggregateScore?, in application: GrantApplication) {
        application.validReviews = aggregate?.reviews.count ?? 0
        application.scoreMean = ratioText(aggregate?.mean)
        application.scoreSpread = ratioText(aggregate?.spread)
        application.scoreFlagged = aggregate?.spreadFlagged ?? false
        application.criterionPoints = (aggregate?.meanPoints ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\(ratioText($0.value))" }.joined(separator: ";")
    }

    /// The stored figures read back as an aggregate (without the per-review details).
    static func storedAggregate(reference: String, validReviews: Int, mean: String, spread: String, flagged: Bool, points: String,
                                minimumReviews: Int) -> Grants.AggregateScore {
        var meanPoints: [String: Grants.Ratio] = [:]
        for part in points.split(separator: ";") {
            guard let equals = part.firstIndex(of: "="), let value = ratio(part[part.index(after: equals)...]) else { continue }
            meanPoints[String(part[..<equals])] = value
        }
        return Grants.AggregateScore(applicationId: reference, mean: ratio(Substring(mean)), meanPoints: meanPoints, spread: ratio(Substring(spread)),
                                     spreadFlagged: flagged, isComplete: validReviews >= max(2, minimumReviews))
    }

    /// Recomputes and stores the aggregate of an application from its reviews (inside the caller's transaction).
    static func refreshAggregate(_ application: GrantApplication, criteria: [Grants.Criterion], call: GrantCall, on database: Database) async throws {
        let reviews = try await GrantReview.query(on: database).filter(\.$applicationID == application.requireID()).all()
        storeAggregate(aggregate(application, reviews: reviews, criteria: criteria, call: call), in: application)
    }
}

/// Turns reason-coded problems of the pure rules into sentences in the reader's language.
enum GrantsMessages {
    static func text(_ problem: some Grants.ReasonCoded, t: Translator, locale: AppLocale, overrides: [String: String] = [:]) -> String {
        var arguments: [String: String] = [:]
        for (name, value) in problem.arguments {
            switch value {
            case let .text(text): arguments[name] = (name == "country" || name == "found" && text.count == 2) ? t("country.\(text)") : text
            case let .integer(number): arguments[name] = t.integer(number)
            case let .money(money): arguments[name] = Grants.MoneyFormatter.formatWithCurrency(money, locale: GrantsPages.amountLocale(locale))
            case let .ratio(ratio): arguments[name] = percent(ratio, t: t)
            }
        }
        return t(problem.code, arguments.merging(overrides) { _, new in new })
    }

    /// A share as a percentage with up to two decimals in the reader's notation, e.g. "9,5 %" or "9.5%".
    static func percent(_ ratio: Grants.Ratio, t: Translator) -> String {
        t("grants.percent", ["value": trimmedDecimal(ratio * 100).replacingOccurrences(of: ".", with: t.separators.decimal)])
    }

    /// Up to two decimals without trailing zeros, with a point: 10 → "10", 25/2 → "12.5", 1205/100 → "12.05".
    static func trimmedDecimal(_ ratio: Grants.Ratio) -> String {
        var digits = ratio.decimalString(places: 2)
        while digits.contains(".") && (digits.hasSuffix("0") || digits.hasSuffix(".")) { digits.removeLast() }
        return digits
    }

    /// A score out of 100 with two decimals in the reader's notation.
    static func points(_ ratio: Grants.Ratio?, t: Translator) -> String {
        guard let ratio else { return "–" }
        return ratio.decimalString(places: 2).replacingOccurrences(of: ".", with: t.separators.decimal)
    }
}
