// The network's own assessment waves: services, URLs, each researcher's answers, reconciled choices, evidence files.
import Kernel
import Methods
import Fluent
import Foundation

/// A wave of the network's own measurement, e.g. "Kosovo 2026" or "Skopje municipal services".
final class AssessmentWave: Model, @unchecked Sendable {
    static let schema = "assessment_waves"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The benchmark's country code (XK for Kosovo, EL for Greece).
    @Field(key: "country") var country: String
    /// Empty for a national wave, else the municipality's name.
    @Field(key: "municipality") var municipality: String
    /// `YYYY-MM-DD`.
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "method_version") var methodVersion: String
    /// The edition and country whose service definitions were copied.
    @Field(key: "template_edition") var templateEdition: String
    @Field(key: "template_country") var templateCountry: String
    @Field(key: "state") var state: WaveState
    /// The edition written when the wave was published.
    @OptionalField(key: "edition_id") var editionID: UUID?
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    var isNational: Bool { municipality.isEmpty }
}

/// A service of a wave, copied from a template country's catalogue; its flags are the wave's own.
final class WaveService: Model, @unchecked Sendable {
    static let schema = "assessment_services"

    @ID(key: .id) var id: UUID?
    @Field(key: "wave_id") var waveID: UUID
    /// `national` or `cross-border`.
    @Field(key: "scope") var scope: String
    @Field(key: "life_event") var lifeEvent: String
    @Field(key: "number") var number: String
    @Field(key: "label") var label: String
    @Field(key: "service_type") var serviceType: String
    @Field(key: "level") var level: String
    @Field(key: "applicable") var applicable: Bool
    @Field(key: "proactive") var proactive: Bool

    init() {}
}

/// A web address assessed for a wave's service.
final class WaveURL: Model, @unchecked Sendable {
    static let schema = "assessment_urls"

    @ID(key: .id) var id: UUID?
    @Field(key: "wave_id") var waveID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "url") var url: String
    @Field(key: "added_by") var addedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One researcher's answers for one URL, with evidence.
final class AnswerSheetRecord: Model, @unchecked Sendable {
    static let schema = "assessment_sheets"

    @ID(key: .id) var id: UUID?
    @Field(key: "wave_id") var waveID: UUID
    @Field(key: "url_id") var urlID: UUID
    @Field(key: "researcher_id") var researcherID: UUID
    /// JSON: question code → Y/N/NR/"" (MF → a number or "").
    @Field(key: "answers") var answersJSON: String
    @Field(key: "note") var note: String
    /// `YYYY-MM-DD`: when the researcher looked at the page.
    @Field(key: "observed_on") var observedOn: String
    /// SHA-256 of the screenshot, if one was uploaded.
    @OptionalField(key: "screenshot") var screenshot: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var answers: [String: String] {
        get { JSONColumn.decode([String: String].self, from: answersJSON, fallback: [:]) }
        set { answersJSON = EditionWriter.json(newValue) }
    }
}

/// The value a reconciler chose where two researchers differ.
final class ReconciledChoice: Model, @unchecked Sendable {
    static let schema = "assessment_choices"

    @ID(key: .id) var id: UUID?
    @Field(key: "wave_id") var waveID: UUID
    @Field(key: "url_id") var urlID: UUID
    @Field(key: "question") var question: String
    @Field(key: "value") var value: String
    @Field(key: "chosen_by") var chosenBy: UUID
    @Timestamp(key: "chosen_at", on: .update) var chosenAt: Date?

    init() {}
}

/// An uploaded screenshot, stored under the data folder and named by its SHA-256.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "assessment_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct M005_Assessments: AsyncMigration {
    /// The name Fluent recorded when this migration shipped in the single IcedaApp target; it must never change.
    var name: String { "IcedaApp.M005_Assessments" }

    func prepare(on database: Database) async throws {
        try await database.schema(AssessmentWave.schema)
            .id()
            .field("name", .string, .required)
            .field("country", .string, .required)
            .field("municipality", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("method_version", .string, .required)
            .field("template_edition", .string, .required)
            .field("template_country", .string, .required)
            .field("state", .string, .required)
            .field("edition_id", .uuid, .references(Edition.schema, .id, onDelete: .setNull))
            .field("created_by", .uuid, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .field("published_at", .datetime)
            .unique(on: "name")
            .create()
        try await database.schema(WaveService.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(AssessmentWave.schema, .id, onDelete: .cascade))
            .field("scope", .string, .required)
            .field("life_event", .string, .required)
            .field("number", .string, .required)
            .field("label", .string, .required)
            .field("service_type", .string, .required)
            .field("level", .string, .required)
            .field("applicable", .bool, .required)
            .field("proactive", .bool, .required)
            .unique(on: "wave_id", "scope", "life_event", "number")
            .create()
        try await database.schema(WaveURL.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(AssessmentWave.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .required, .references(WaveService.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("url", .string, .required)
            .field("added_by", .uuid, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "service_id", "url")
            .create()
        try await database.schema(AnswerSheetRecord.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(AssessmentWave.schema, .id, onDelete: .cascade))
            .field("url_id", .uuid, .required, .references(WaveURL.schema, .id, onDelete: .cascade))
            .field("researcher_id", .uuid, .required, .references(User.schema, .id))
            .field("answers", .string, .required)
            .field("note", .string, .required)
            .field("observed_on", .string, .required)
            .field("screenshot", .string)
            .field("updated_at", .datetime)
            .unique(on: "url_id", "researcher_id")
            .create()
        try await database.schema(ReconciledChoice.schema)
            .id()
            .field("wave_id", .uuid, .required, .references(AssessmentWave.schema, .id, onDelete: .cascade))
            .field("url_id", .uuid, .required, .references(WaveURL.schema, .id, onDelete: .cascade))
            .field("question", .string, .required)
            .field("value", .string, .required)
            .field("chosen_by", .uuid, .required, .references(User.schema, .id))
            .field("chosen_at", .datetime)
            .unique(on: "url_id", "question")
            .create()
        try await database.schema(EvidenceFile.schema)
            .id()
            .field("sha256", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_by", .uuid, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "sha256")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "assessment_services_wave").on(WaveService.schema).column("wave_id").run()
        try await sql.create(index: "assessment_urls_wave").on(WaveURL.schema).column("wave_id").run()
        try await sql.create(index: "assessment_sheets_wave").on(AnswerSheetRecord.schema).column("wave_id").run()
        try await sql.create(index: "assessment_choices_wave").on(ReconciledChoice.schema).column("wave_id").run()
    }

    func revert(on database: Database) async throws {
        for schema in [EvidenceFile.schema, ReconciledChoice.schema, AnswerSheetRecord.schema, WaveURL.schema, WaveService.schema, AssessmentWave.schema] {
            try await database.schema(schema).delete()
        }
    }
}

import SQLKit
