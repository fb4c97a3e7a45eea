// Editions of measurements, the public-service catalogue, assessed URLs and stored scores.
import Kernel
import Fluent
import Foundation

/// One published measurement: an edition of the EU eGovernment Benchmark, or a wave of our own.
public final class Edition: Model, @unchecked Sendable {
    public static let schema = "observatory_editions"
    public enum Origin: String, Codable, Sendable { case published, network }

    @ID(key: .id) public var id: UUID?
    /// Short public name, e.g. "2023" or "Kosovo 2026".
    @Field(key: "name") public var name: String
    @Field(key: "origin") public var origin: Origin
    /// Who measured and under which licence, shown next to every figure.
    @Field(key: "source") public var source: String
    @Field(key: "method_version") public var methodVersion: String
    /// The years the biennial covers, e.g. "2021+2022".
    @Field(key: "period") public var period: String
    /// SHA-256 of the imported files: re-importing the same files changes nothing.
    @Field(key: "content_hash") public var contentHash: String
    @Field(key: "published") public var published: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A public service of the catalogue (CPSV-AP's PublicService), as the benchmark's landscape lists it.
public final class PublicService: Model, @unchecked Sendable {
    public static let schema = "public_services"

    @ID(key: .id) public var id: UUID?
    @Field(key: "edition_id") public var editionID: UUID
    @Field(key: "country") public var country: String
    /// `national` or `cross-border`.
    @Field(key: "scope") public var scope: String
    @Field(key: "life_event") public var lifeEvent: String
    @Field(key: "number") public var number: String
    @Field(key: "label") public var label: String
    /// `informational` or `transactional`.
    @Field(key: "service_type") public var serviceType: String
    @Field(key: "level") public var level: String
    @Field(key: "applicable") public var applicable: Bool
    @Field(key: "proactive") public var proactive: Bool
    /// The service's scores as JSON (`{"onlineAvailability": 100, …}`), missing scores left out.
    @Field(key: "scores") public var scoresJSON: String
    /// Mean of the service's scores, for "strongest and weakest" lists; nil when it has none.
    @OptionalField(key: "mean_score") public var meanScore: Double?

    public init() {}

    public var scores: [String: Double] {
        JSONColumn.decode([String: Double].self, from: scoresJSON, fallback: [:])
    }
}

/// One assessed web address of a service with the researcher's answers (JSON: question code → value).
public final class AssessedURL: Model, @unchecked Sendable {
    public static let schema = "assessed_urls"

    @ID(key: .id) public var id: UUID?
    @Field(key: "service_id") public var serviceID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "url") public var url: String
    @Field(key: "answers") public var answersJSON: String

    public init() {}

    public var answers: [String: String] {
        JSONColumn.decode([String: String].self, from: answersJSON, fallback: [:])
    }
}

/// One figure of a country (or average) table: edition, country, column, measure → value.
public final class BenchmarkScore: Model, @unchecked Sendable {
    public static let schema = "benchmark_scores"

    @ID(key: .id) public var id: UUID?
    @Field(key: "edition_id") public var editionID: UUID
    /// ISO code, or `EU27+` / `EU27` for the averages.
    @Field(key: "country") public var country: String
    /// `biennial`, `business`, `citizen`, `year-2022`, `life-event-health`, `level-central`.
    @Field(key: "column") public var column: String
    /// `overall`, a key dimension or an indicator (the Methods names, e.g. `userCentricity`, `eID`).
    @Field(key: "measure") public var measure: String
    @Field(key: "value") public var value: Double

    public init() {}
}
