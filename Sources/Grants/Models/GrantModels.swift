// The grants scheme's records: programmes, calls, lots and awarded grants (issue 4, first slice).
import Kernel
import Network
import Fluent
import Foundation
import Localization
import Methods

/// A funding programme, e.g. ICEDA (EU-funded, in euros).
final class GrantProgramme: Model, @unchecked Sendable {
    static let schema = "grant_programmes"
    @ID(key: .id) var id: UUID?
    /// Stable short code, e.g. `iceda`.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// The donor's name, e.g. "European Union".
    @Field(key: "donor") var donor: String
    /// The donor's org-id.guide identifier (the 360Giving funder id).
    @Field(key: "donor_identifier") var donorIdentifier: String
    /// ISO 4217 code of every amount in the programme.
    @Field(key: "currency") var currencyCode: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var currency: Grants.Currency { Grants.Currency(currencyCode) ?? .eur }
}

/// Where a call stands; the public pages show every call that is not a draft.
enum GrantCallStatus: String, Codable, CaseIterable, Sendable {
    case draft, open, closed
}

/// A call for proposals of a programme, with texts in several languages and a deadline in its time zone.
final class GrantCall: Model, @unchecked Sendable {
    static let schema = "grant_calls"
    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    /// Stable code used in addresses, e.g. `iceda-sg-2020`.
    @Field(key: "code") var code: String
    /// JSON of `LocalizedText`.
    @Field(key: "title") var titleJSON: String
    /// JSON of `LocalizedText`.
    @Field(key: "text") var textJSON: String
    @Field(key: "opens_at") var opensAt: Date
    /// The first instant at which submissions are refused.
    @Field(key: "deadline") var deadline: Date
    /// IANA time zone in which the call states its times, e.g. `Europe/Skopje`.
    @Field(key: "time_zone") var timeZoneIdentifier: String
    @Field(key: "status") var status: GrantCallStatus
    /// Raised by every edit, against lost updates between two staff.
    @Field(key: "version") var version: Int
    /// Valid reviews an application needs before it is ranked (at least two).
    @Field(key: "minimum_reviews") var minimumReviews: Int
    /// Reviewers' totals further apart than this many points out of 100 flag the application.
    @Field(key: "spread_threshold") var spreadThreshold: Int
    /// Days after the decision letter during which an appeal is accepted.
    @Field(key: "appeal_days") var appealDays: Int
    /// Whether the ranking is published once the committee has decided.
    @Field(key: "ranking_public") var rankingPublic: Bool
    /// JSON of `Grants.ApplicationForm`: the call's own questions.
    @Field(key: "form") var formJSON: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var form: Grants.ApplicationForm {
        get { JSONColumn.decode(Grants.ApplicationForm.self, from: formJSON, fallback: Grants.ApplicationForm(sections: [])) }
        set { formJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{\"sections\":[]}".utf8), as: UTF8.self) }
    }

    var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    var text: LocalizedText {
        get { LocalizedText(column: textJSON) }
        set { textJSON = newValue.columnText }
    }
    var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }
    var window: Grants.SubmissionWindow { Grants.SubmissionWindow(opensAt: opensAt, deadline: deadline, timeZone: timeZone) }
}

/// One entry of a lot's results menu.
struct GrantResultOption: Codable, Hashable, Sendable {
    var id: String
    var title: LocalizedText
}

/// An evaluation criterion: points out of 100 and the highest score a reviewer gives.
struct GrantCriterion: Codable, Hashable, Sendable {
    var id: String
    var title: LocalizedText
    var weight: Int64
    var maxScore: Int64
}

/// A lot of a call: envelope, amount range, duration, co-financing, who may apply, results menu, criteria.
final class GrantLot: Model, @unchecked Sendable {
    static let schema = "grant_lots"
    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    /// Stable code within the call, e.g. `lot-1`.
    @Field(key: "code") var code: String
    @Field(key: "position") var position: Int
    /// JSON of `LocalizedText`.
    @Field(key: "title") var titleJSON: String
    /// The lot's budget in minor units; nil when the call did not publish one.
    @OptionalField(key: "envelope_minor") var envelopeMinor: Int64?
    @Field(key: "min_amount_minor") var minAmountMinor: Int64
    @Field(key: "max_amount_minor") var maxAmountMinor: Int64
    @Field(key: "duration_months") var durationMonths: Int
    /// Minimum co-financing in basis points (1,000 = 10 %).
    @Field(key: "min_cofinancing_bp") var minCoFinancingBasisPoints: Int64
    /// Country codes wrapped in semicolons, e.g. `;AL;XK;ME;MK;RS;`.
    @Field(key: "eligible_countries") var eligibleCountryCodes: String
    /// Applicant kinds wrapped in semicolons, e.g. `;cso;media;`.
    @Field(key: "applicant_kinds") var applicantKindCodes: String
    /// JSON array of `GrantResultOption`.
    @Field(key: "results_menu") var resultsMenuJSON: String
    @Field(key: "minimum_results") var minimumResults: Int
    /// JSON array of `GrantCriterion`.
    @Field(key: "criteria") var criteriaJSON: String
    @OptionalField(key: "max_grants") var maxGrants: Int?
    @OptionalField(key: "max_grants_per_country") var maxGrantsPerCountry: Int?
    /// Payment tranches as basis points separated by semicolons, e.g. `8000;2000` (80 % pre-financing, 20 % final).
    @Field(key: "tranches") var trancheCodes: String
    /// The share of a grant's budget (basis points) that may move between headings without approval.
    @Field(key: "reallocation_bp") var reallocationBasisPoints: Int64
    /// Raised by every edit, against lost updates between two staff.
    @Field(key: "version") var version: Int

    init() {}

    var trancheShares: [Grants.BasisPoints] { trancheCodes.split(separator: ";").compactMap { Int64($0) }.map(Grants.BasisPoints.init) }

    var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    var eligibleCountries: [String] {
        get { eligibleCountryCodes.split(separator: ";").map(String.init) }
        set { eligibleCountryCodes = newValue.isEmpty ? "" : ";" + newValue.joined(separator: ";") + ";" }
    }
    var applicantKinds: [String] {
        get { applicantKindCodes.split(separator: ";").map(String.init) }
        set { applicantKindCodes = newValue.isEmpty ? "" : ";" + newValue.joined(separator: ";") + ";" }
    }
    var resultsMenu: [GrantResultOption] {
        get { JSONColumn.decode([GrantResultOption].self, from: resultsMenuJSON, fallback: []) }
        set { resultsMenuJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
    var criteria: [GrantCriterion] {
        get { JSONColumn.decode([GrantCriterion].self, from: criteriaJSON, fallback: []) }
        set { criteriaJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }

    /// The lot as the pure rules see it. Without a published envelope the most the lot could commit
    /// (maximum grants × maximum amount) stands in for it.
    func rules(currency: Grants.Currency) -> Grants.Lot {
        let fallbackEnvelope = Int64(maxGrants ?? 1) * maxAmountMinor
        return Grants.Lot(
            id: code, title: title.values["en"] ?? code,
            budget: Grants.Money(minorUnits: envelopeMinor ?? fallbackEnvelope, currency: currency),
            minimumAmount: Grants.Money(minorUnits: minAmountMinor, currency: currency),
            maximumAmount: Grants.Money(minorUnits: maxAmountMinor, currency: currency),
            durationMonths: 1...max(1, durationMonths), minimumCoFinancing: Grants.BasisPoints(minCoFinancingBasisPoints),
            eligibleCountries: Set(eligibleCountries), eligibleApplicantKinds: Set(applicantKinds.map(Grants.ApplicantKind.init(rawValue:))),
            resultsMenu: resultsMenu.map { Grants.ResultOption(id: $0.id, title: $0.title.values["en"] ?? $0.id) },
            minimumResults: minimumResults, maximumGrants: maxGrants, maximumGrantsPerCountry: maxGrantsPerCountry)
    }
}

/// An awarded grant: a lot, a recipient from the directory, the amount and the planned period.
final class Grant: Model, @unchecked Sendable {
    static let schema = "grants"
    @ID(key: .id) var id: UUID?
    @Field(key: "lot_id") var lotID: UUID
    /// The recipient, an organisation of the directory.
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "title") var title: String
    @Field(key: "description") var summary: String
    @Field(key: "amount_minor") var amountMinor: Int64
    /// `YYYY-MM-DD`.
    @Field(key: "award_date") var awardDate: String
    /// `YYYY-MM-DD`.
    @Field(key: "planned_start") var plannedStart: String
    @Field(key: "duration_months") var durationMonths: Int
    /// The published 360Giving identifier, `360G-iceda-…`.
    @Field(key: "identifier") var identifier: String
    /// A `Grants.GrantState` raw value.
    @Field(key: "status") var status: String
    /// The application the grant was awarded on (nil for grants recorded without one).
    @OptionalField(key: "application_id") var applicationID: UUID?
    /// Raised by every write, against lost updates.
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var state: Grants.GrantState { Grants.GrantState(rawValue: status) ?? .agreementDrafted }

    var awardCalendarDate: CalendarDate? { CalendarDate(iso: awardDate) }
    var plannedStartDate: CalendarDate? { CalendarDate(iso: plannedStart) }
    var plannedEndDate: CalendarDate? { plannedStartDate?.endOfPeriod(months: durationMonths) }
}
