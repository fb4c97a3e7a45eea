// UN E-Government Survey figures of one country in one edition of the Survey.
import Kernel
import Fluent
import Foundation
import Methods

public final class SurveyRecord: Model, @unchecked Sendable {
    public static let schema = "un_survey_records"

    @ID(key: .id) public var id: UUID?
    @Field(key: "year") public var year: Int
    @Field(key: "alpha2") public var alpha2: String
    @Field(key: "alpha3") public var alpha3: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "rank") public var rank: Int?
    @Field(key: "egdi") public var egdi: Double
    @OptionalField(key: "osi") public var osi: Double?
    @OptionalField(key: "hci") public var hci: Double?
    @OptionalField(key: "tii") public var tii: Double?
    @OptionalField(key: "epi") public var epi: Double?
    /// `file:line` the figures were read from.
    @Field(key: "source") public var source: String

    public init() {}

    var level: UNEGovSurvey.Level? { UNEGovSurvey.Level(egdi: egdi) }

    /// Copies a record's values; true when anything changed.
    func apply(_ record: UNEGovSurvey.Record) -> Bool {
        // A record not yet stored has no values to compare (reading them would trap).
        let before: [String]? = id == nil ? nil : snapshot
        year = record.year
        alpha2 = record.alpha2
        alpha3 = record.alpha3
        name = record.publishedName
        rank = record.rank
        egdi = record.egdi
        osi = record.osi
        hci = record.hci
        tii = record.tii
        epi = record.epi
        source = record.source.description
        return before != snapshot
    }

    private var snapshot: [String] {
        [String(describing: rank), String(egdi), String(describing: osi), String(describing: hci), String(describing: tii), String(describing: epi), name, source]
    }
}

struct M004_UNSurvey: AsyncMigration {
    /// The name Fluent recorded when this migration shipped in the single IcedaApp target; it must never change.
    var name: String { "IcedaApp.M004_UNSurvey" }

    func prepare(on database: Database) async throws {
        try await database.schema(SurveyRecord.schema)
            .id()
            .field("year", .int, .required)
            .field("alpha2", .string, .required)
            .field("alpha3", .string, .required)
            .field("name", .string, .required)
            .field("rank", .int)
            .field("egdi", .double, .required)
            .field("osi", .double)
            .field("hci", .double)
            .field("tii", .double)
            .field("epi", .double)
            .field("source", .string, .required)
            .unique(on: "year", "alpha3")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SurveyRecord.schema).delete()
    }
}
