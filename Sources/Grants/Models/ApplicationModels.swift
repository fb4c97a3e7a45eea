// The grant cycle's working records: applications with their reviews and attachments, committee members
// of a call, and after the award the payments and reports of a grant (issue 4, second slice).
import Kernel
import Network
import Fluent
import Foundation
import Localization
import Methods

/// One budget line as the applicant typed it: kept as text so that nothing typed is lost, read with
/// `Grants.MoneyParser` in the applicant's locale when totals are shown or the application is checked.
struct BudgetRowInput: Codable, Hashable, Sendable {
    var category: String = ""
    var description: String = ""
    var unit: String = ""
    var quantity: String = ""
    var unitCost: String = ""
    var requested: String = ""
    var coFinancing: String = ""

    var isBlank: Bool {
        [category, description, unit, quantity, unitCost, requested, coFinancing].allSatisfy { $0.allSatisfy(\.isWhitespace) }
            || [description, unit, quantity, unitCost, requested, coFinancing].allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}

/// An application to a lot of a call by an organisation of the directory. Its state changes only through
/// `Grants.ApplicationLifecycle` (see `ApplicationTransitions`); `version` guards against lost updates.
final class GrantApplication: Model, @unchecked Sendable {
    static let schema = "grant_applications"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "lot_id") var lotID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    /// The applicant's country, copied from the organisation when the draft is made (for filters).
    @Field(key: "country") var country: String
    @Field(key: "created_by") var createdBy: UUID
    /// Short reference shown to people, e.g. `SG20-0007`.
    @Field(key: "reference") var reference: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// JSON `[String: [String]]` of the call's form questions.
    @Field(key: "answers") var answersJSON: String
    /// Chosen results wrapped in semicolons.
    @Field(key: "results") var resultCodes: String
    /// Co-applicants as the applicant typed them, one per line: a directory address (slug) or an exact name.
    @Field(key: "co_applicants") var coApplicantsText: String
    /// JSON array of `BudgetRowInput`.
    @Field(key: "budget") var budgetJSON: String
    /// The requested total in minor units when the budget could be read (for lists and sorting).
    @OptionalField(key: "requested_minor") var requestedMinor: Int64?
    @OptionalField(key: "duration_months") var durationMonths: Int?
    /// A `Grants.ApplicationState` raw value.
    @Field(key: "state") var stateRaw: String
    /// Raised by every write; a form carries the version it was rendered from.
    @Field(key: "version") var version: Int
    /// The language the applicant works in: receipts and letters are written in it.
    @Field(key: "locale") var locale: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// JSON `[String: Bool]` of the screening checklist, plus the screener's note.
    @Field(key: "screening") var screeningJSON: String
    @Field(key: "screening_note") var screeningNote: String
    /// The committee's reasons for its decision (shown in the letter).
    @Field(key: "decision_reason") var decisionReason: String
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// The first instant at which an appeal is late.
    @OptionalField(key: "appeal_deadline") var appealDeadline: Date?
    @Field(key: "appeal_text") var appealText: String
    @Field(key: "appeal_reason") var appealReason: String
    /// The review aggregate, stored whenever a review changes so that lists and rankings read no reviews:
    /// valid reviews, exact mean and spread as `n/d` (empty without a valid review), the spread flag, and the
    /// mean points per criterion as `id=n/d;…`.
    @Field(key: "valid_reviews") var validReviews: Int
    @Field(key: "score_mean") var scoreMean: String
    @Field(key: "score_spread") var scoreSpread: String
    @Field(key: "score_flagged") var scoreFlagged: Bool
    @Field(key: "criterion_points") var criterionPoints: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// A new, empty draft of `organisation` for `lot` of `call` (the only way applications are made).
    init(draftFor call: UUID, lot: UUID, organisation: Organisation, author: UUID, reference: String, locale: String, durationMonths: Int?) throws {
        id = UUID()
        callID = call
        lotID = lot
        organisationID = try organisation.requireID()
        country = organisation.countryCode
        createdBy = author
        self.reference = reference
        title = ""
        summary = ""
        answersJSON = "{}"
        resultCodes = ""
        coApplicantsText = ""
        budgetJSON = "[]"
        self.durationMonths = durationMonths
        stateRaw = Grants.ApplicationLifecycle.initialState.rawValue
        version = 0
        self.locale = locale
        screeningJSON = "{}"
        screeningNote = ""
        decisionReason = ""
        appealText = ""
        appealReason = ""
        validReviews = 0
        scoreMean = ""
        scoreSpread = ""
        scoreFlagged = false
        criterionPoints = ""
    }

    var state: Grants.ApplicationState { Grants.ApplicationState(rawValue: stateRaw) ?? .draft }

    var answers: [String: [String]] {
        get { JSONColumn.decode([String: [String]].self, from: answersJSON, fallback: [:]) }
        set { answersJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
    var results: [String] {
        get { resultCodes.split(separator: ";").map(String.init) }
        set { resultCodes = newValue.isEmpty ? "" : ";" + newValue.joined(separator: ";") + ";" }
    }
    var coApplicantLines: [String] {
        coApplicantsText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    var budget: [BudgetRowInput] {
        get { JSONColumn.decode([BudgetRowInput].self, from: budgetJSON, fallback: []) }
        set { budgetJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
    var screening: [String: Bool] {
        get { JSONColumn.decode([String: Bool].self, from: screeningJSON, fallback: [:]) }
        set { screeningJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
    var appLocale: AppLocale { AppLocale(tag: locale) ?? .en }
}

/// A reviewer assigned to an application: the conflict declaration, then scores per criterion.
final class GrantReview: Model, @unchecked Sendable {
    static let schema = "grant_reviews"
    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    /// A `Grants.ConflictDeclaration` raw value.
    @Field(key: "declaration") var declarationRaw: String
    @Field(key: "conflict_note") var conflictNote: String
    /// JSON `[String: Int64]` of scores per criterion id.
    @Field(key: "scores") var scoresJSON: String
    @Field(key: "comment") var comment: String
    /// `fund`, `reserve` or `reject`, or empty before the review is submitted.
    @Field(key: "recommendation") var recommendation: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "assigned_by") var assignedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var declaration: Grants.ConflictDeclaration { Grants.ConflictDeclaration(rawValue: declarationRaw) ?? .notDeclared }
    var scores: [String: Int64] {
        get { JSONColumn.decode([String: Int64].self, from: scoresJSON, fallback: [:]) }
        set { scoresJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    static let recommendations = ["fund", "reserve", "reject"]
}

/// A file attached to an application; the bytes are stored by SHA-256 like assessment evidence.
final class GrantAttachment: Model, @unchecked Sendable {
    static let schema = "grant_attachments"
    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "file_name") var fileName: String
    /// The name as shown and offered for download: controls and format characters removed (a stored U+202E would make
    /// "cod.exe" read as "exe.doc"); names are cleaned when stored, this also covers rows stored before.
    var shownName: String { FormText.line(fileName) }
    /// A `Grants.AttachmentType` raw value, read from the bytes.
    @Field(key: "kind") var kind: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A member of a call's evaluation committee: the only people who decide awards and appeals.
final class GrantCommitteeMember: Model, @unchecked Sendable {
    static let schema = "grant_committee_members"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "user_id") var userID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(callID: UUID, userID: UUID) {
        self.callID = callID
        self.userID = userID
    }
}

/// A payment made under a grant (a tranche, or part of one).
final class GrantPayment: Model, @unchecked Sendable {
    static let schema = "grant_payments"
    @ID(key: .id) var id: UUID?
    @Field(key: "grant_id") var grantID: UUID
    @Field(key: "tranche") var tranche: Int
    @Field(key: "amount_minor") var amountMinor: Int64
    /// `YYYY-MM-DD`.
    @Field(key: "paid_on") var paidOn: String
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A report a grantee owes: interim or final, due on a date; narrative and financial parts.
final class GrantReport: Model, @unchecked Sendable {
    static let schema = "grant_reports"
    @ID(key: .id) var id: UUID?
    @Field(key: "grant_id") var grantID: UUID
    /// `interim` or `final`.
    @Field(key: "kind") var kind: String
    /// `YYYY-MM-DD`.
    @Field(key: "due_on") var dueOn: String
    /// `scheduled`, `submitted`, `changes-requested` or `accepted`.
    @Field(key: "status") var status: String
    @Field(key: "narrative") var narrative: String
    @Field(key: "spent") var spent: String
    @Field(key: "review_comment") var reviewComment: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// When the reminder was queued (nil: not yet).
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A grantee's proposed change to the budget of a grant. `Grants.assessAmendment` decides whether staff must
/// approve it (more than the lot's reallocation share moved between headings, a new grand total, or more asked
/// from the grant); otherwise it applies at once. The grant's current budget is the newest applied amendment's.
final class GrantAmendment: Model, @unchecked Sendable {
    static let schema = "grant_amendments"
    @ID(key: .id) var id: UUID?
    @Field(key: "grant_id") var grantID: UUID
    /// JSON array of `BudgetRowInput`: the revised budget as typed.
    @Field(key: "budget") var budgetJSON: String
    @Field(key: "reason") var reason: String
    /// `pending`, `applied` or `refused`.
    @Field(key: "status") var status: String
    /// The share moved between headings, `n/d`.
    @Field(key: "moved_share") var movedShare: String
    /// Why approval was needed, reason codes separated by spaces (empty: applied at once).
    @Field(key: "approval_reasons") var approvalReasons: String
    @Field(key: "decision_note") var decisionNote: String
    @Field(key: "proposed_by") var proposedBy: UUID
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var budget: [BudgetRowInput] {
        get { JSONColumn.decode([BudgetRowInput].self, from: budgetJSON, fallback: []) }
        set { budgetJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
}
