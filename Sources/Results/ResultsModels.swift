// The results framework: a programme with its partners, its objective tree (overall objective → specific
// objectives → results → activities), indicators with baselines and targets per period, values reported with
// evidence by partners, and the narrative of donor reports.
import Fluent
import Foundation
import Kernel
import Localization

public final class ResultsProgramme: Model, @unchecked Sendable {
    public static let schema = "results_programmes"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int
    @Field(key: "slug") public var slug: String
    /// JSON of `LocalizedText`.
    @Field(key: "title") public var titleJSON: String
    @Field(key: "description") public var descriptionJSON: String
    @Field(key: "donor") public var donor: String
    /// The IATI activity identifier: the reporting organisation's identifier, a hyphen, the programme's own.
    @Field(key: "iati_identifier") public var iatiIdentifier: String
    @Field(key: "reporting_org_name") public var reportingOrgName: String
    @Field(key: "reporting_org_ref") public var reportingOrgRef: String
    /// IATI OrganisationType code of the reporting organisation (22: national NGO).
    @Field(key: "reporting_org_type") public var reportingOrgType: String
    @Field(key: "budget_minor") public var budgetMinor: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    /// `AL:20,XK:20,…` recipient countries with percentages.
    @Field(key: "countries") public var countries: String
    /// `15150:60,22040:40` OECD DAC sectors with percentages.
    @Field(key: "sectors") public var sectors: String
    @Field(key: "published") public var published: Bool
    public init() {}

    public var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    public var summary: LocalizedText {
        get { LocalizedText(column: descriptionJSON) }
        set { descriptionJSON = newValue.columnText }
    }
}

public final class ResultsPartner: Model, @unchecked Sendable {
    public static let schema = "results_partners"
    @ID(key: .id) public var id: UUID?
    @Field(key: "programme_id") public var programmeID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "ref") public var ref: String
    /// IATI OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing.
    @Field(key: "role") public var role: String
    /// IATI OrganisationType code.
    @Field(key: "type") public var type: String
    @Field(key: "position") public var position: Int
    public init() {}
}

/// A node of the objective tree.
public final class ResultsNode: Model, @unchecked Sendable {
    public static let schema = "results_nodes"
    public enum Level: String, Codable, Sendable, CaseIterable { case overall, specific, result, activity }
    @ID(key: .id) public var id: UUID?
    @Field(key: "programme_id") public var programmeID: UUID
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @Field(key: "level") public var level: Level
    /// Short code, e.g. `SO2`, `R3`, `A4`.
    @Field(key: "code") public var code: String
    @Field(key: "title") public var titleJSON: String
    @Field(key: "assumptions") public var assumptionsJSON: String
    /// The partner responsible (a name of `ResultsPartner`), empty when none.
    @Field(key: "partner") public var partner: String
    @Field(key: "position") public var position: Int
    public init() {}

    public var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    public var assumptions: LocalizedText {
        get { LocalizedText(column: assumptionsJSON) }
        set { assumptionsJSON = newValue.columnText }
    }
}

public final class ResultsIndicator: Model, @unchecked Sendable {
    public static let schema = "results_indicators"
    public enum Source: String, Codable, Sendable { case computed, reported }
    @ID(key: .id) public var id: UUID?
    @Field(key: "programme_id") public var programmeID: UUID
    @Field(key: "node_id") public var nodeID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "title") public var titleJSON: String
    @Field(key: "definition") public var definitionJSON: String
    /// What one unit is, e.g. "organisations", "citizens".
    @Field(key: "unit") public var unit: String
    @Field(key: "ascending") public var ascending: Bool
    @Field(key: "source") public var source: Source
    /// For computed indicators: the metric id (e.g. `grants.awarded`).
    @Field(key: "metric") public var metric: String
    /// `total`, or `distinct:<breakdown>` (how many values of the breakdown occur, e.g. countries).
    @Field(key: "aggregate") public var aggregate: String
    /// Breakdowns shown beside the figure, separated by commas (those the metric supports).
    @Field(key: "disaggregations") public var disaggregations: String
    @Field(key: "baseline_value") public var baselineValue: Int
    @Field(key: "baseline_date") public var baselineDate: String
    /// Percent of the distance to the target that may be missing without a note.
    @Field(key: "tolerance") public var tolerance: Int
    @Field(key: "published") public var published: Bool
    @Field(key: "position") public var position: Int
    public init() {}

    public var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    public var definition: LocalizedText {
        get { LocalizedText(column: definitionJSON) }
        set { definitionJSON = newValue.columnText }
    }
}

public final class ResultsTarget: Model, @unchecked Sendable {
    public static let schema = "results_targets"
    @ID(key: .id) public var id: UUID?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "value") public var value: Int
    /// Why the actual misses the target (expected when the gap is beyond the tolerance).
    @Field(key: "note") public var note: String
    public init() {}
}

/// A value a partner reports for what the platform cannot see, with its evidence; counts once staff approve it.
public final class ResultsReportedValue: Model, @unchecked Sendable {
    public static let schema = "results_reported_values"
    public enum State: String, Codable, Sendable { case submitted, approved, rejected }
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "value") public var value: Int
    /// A link to the evidence (a report, a published statistic, a file of the platform).
    @Field(key: "evidence") public var evidence: String
    @Field(key: "note") public var note: String
    /// The partner that delivered the figure.
    @Field(key: "partner") public var partner: String
    @Field(key: "state") public var state: State
    @OptionalField(key: "submitted_by") public var submittedBy: UUID?
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    public init() {}
}

/// The narrative of a donor report for a period.
public final class ResultsNarrative: Model, @unchecked Sendable {
    public static let schema = "results_narratives"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "programme_id") public var programmeID: UUID
    /// `interim` or `final`.
    @Field(key: "kind") public var kind: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "summary") public var summary: String
    @Field(key: "challenges") public var challenges: String
    @Field(key: "next_steps") public var nextSteps: String
    public init() {}
}
