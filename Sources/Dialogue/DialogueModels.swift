// The dialogue with institutions: recommendations with their addressees, evidence and dated status history;
// consultations and meetings; media coverage.
import Fluent
import Foundation
import Kernel
import Localization
import Methods

public final class Recommendation: Model, @unchecked Sendable {
    public static let schema = "dialogue_recommendations"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "version") public var version: Int
    /// `REC-2026-014`: stable, in links and citations.
    @Field(key: "code") public var code: String
    @Field(key: "title") public var titleJSON: String
    @Field(key: "text") public var textJSON: String
    @Field(key: "country") public var country: String
    /// `national` or `local`.
    @Field(key: "level") public var level: String
    /// A code of `DialogueVocabulary.areas`.
    @Field(key: "area") public var area: String
    /// E-service numbers of the catalogue, `;1.1;3.2;` (a LIKE finds one).
    @Field(key: "services") public var services: String
    /// Slugs of the authoring organisations, `;levizja-mjaft;crta;`.
    @Field(key: "authors") public var authors: String
    @Field(key: "grant_reference") public var grantReference: String
    @Field(key: "issued_on") public var issuedOn: String
    @Field(key: "response_due") public var responseDue: String
    @Field(key: "state") public var state: String
    /// Day of publication and of the institution's first answer (for the scorecards); empty until then.
    @Field(key: "published_on") public var publishedOn: String
    @Field(key: "answered_on") public var answeredOn: String
    /// Year of `issued_on`, for the tracker's filter.
    @Field(key: "year") public var year: Int
    /// The day the focal points were reminded of an overdue answer; empty until then.
    @Field(key: "reminded_on") public var remindedOn: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    public init() {}

    public var title: LocalizedText {
        get { LocalizedText(column: titleJSON) }
        set { titleJSON = newValue.columnText }
    }
    public var text: LocalizedText {
        get { LocalizedText(column: textJSON) }
        set { textJSON = newValue.columnText }
    }
    public var lifecycleState: RecommendationState { RecommendationState(rawValue: state) ?? .draft }
    public var serviceList: [String] { services.split(separator: ";").map(String.init) }
    public var authorList: [String] { authors.split(separator: ";").map(String.init) }
}

public final class RecommendationAddressee: Model, @unchecked Sendable {
    public static let schema = "dialogue_addressees"
    @ID(key: .id) public var id: UUID?
    @Field(key: "recommendation_id") public var recommendationID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    public init() {}
    public init(recommendationID: UUID, organisationID: UUID) {
        self.recommendationID = recommendationID
        self.organisationID = organisationID
    }
}

/// A piece of evidence, stored as what it points at (never only a URL): a benchmark score of a country, an
/// e-service's score, or a document.
public final class RecommendationEvidence: Model, @unchecked Sendable {
    public static let schema = "dialogue_evidence"
    @ID(key: .id) public var id: UUID?
    @Field(key: "recommendation_id") public var recommendationID: UUID
    /// `benchmark-score`, `service-score` or `document`.
    @Field(key: "kind") public var kind: String
    @Field(key: "edition") public var edition: String
    @Field(key: "country") public var country: String
    /// For a benchmark score: `column/measure`, e.g. `biennial/eID`; for a service score: its number.
    @Field(key: "reference") public var reference: String
    @Field(key: "url") public var url: String
    @Field(key: "label") public var label: String
    @Field(key: "position") public var position: Int
    public init() {}
}

public final class RecommendationChange: Model, @unchecked Sendable {
    public static let schema = "dialogue_changes"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "recommendation_id") public var recommendationID: UUID
    @Field(key: "from_state") public var fromState: String
    @Field(key: "to_state") public var toState: String
    @Field(key: "event") public var event: String
    @Field(key: "day") public var day: String
    /// `platform`, `letter`, `meeting` or `publication`.
    @Field(key: "source") public var source: String
    /// The answer's or the note's text, in `language`.
    @Field(key: "note") public var note: String
    @Field(key: "language") public var language: String
    @OptionalField(key: "user_id") public var userID: UUID?
    /// The institution that answered, when an institution acted.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    public init() {}
}

/// A consultation the network took part in, or a meeting with institutions.
public final class DialogueRecord: Model, @unchecked Sendable {
    public static let schema = "dialogue_records"
    @ID(key: .id) public var id: UUID?
    /// `consultation` or `meeting`.
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "day") public var day: String
    @Field(key: "until") public var until: String
    @Field(key: "country") public var country: String
    @Field(key: "link") public var link: String
    /// Institutions and organisations present or addressed, as written.
    @Field(key: "participants") public var participants: String
    /// The network's submitted comments, or the minutes.
    @Field(key: "summary") public var summary: String
    @Field(key: "outcome") public var outcome: String
    /// Codes of linked recommendations, `;REC-2026-001;`.
    @Field(key: "recommendations") public var recommendations: String
    @Field(key: "public") public var isPublic: Bool
    public init() {}
}

public final class MediaItem: Model, @unchecked Sendable {
    public static let schema = "dialogue_media"
    @ID(key: .id) public var id: UUID?
    @Field(key: "outlet") public var outlet: String
    @OptionalField(key: "outlet_id") public var outletID: UUID?
    @Field(key: "country") public var country: String
    @Field(key: "day") public var day: String
    @Field(key: "url") public var url: String
    @Field(key: "language") public var language: String
    @Field(key: "topic") public var topic: String
    @Field(key: "recommendation_code") public var recommendationCode: String
    @Field(key: "grant_reference") public var grantReference: String
    public init() {}
}
