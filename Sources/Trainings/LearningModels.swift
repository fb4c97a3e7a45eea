// What people learned and how they judged it: the question bank per topic, each person's pre- and post-test,
// anonymous feedback, and the awareness sessions that network CSOs report in counts.
import Fluent
import Foundation
import Kernel
import Localization
import Methods

/// A question of the bank: single or multiple choice, with its text and options in several languages.
public final class TrainingQuestion: Model, @unchecked Sendable {
    public static let schema = "training_questions"
    @ID(key: .id) public var id: UUID?
    /// A topic of `TrainingsVocabulary.topics`; an event's test holds its topics' questions.
    @Field(key: "topic") public var topic: String
    @Field(key: "position") public var position: Int
    /// `single` or `multiple` (`TestQuestion.Kind`).
    @Field(key: "kind") public var kind: String
    @Field(key: "text") public var textJSON: String
    /// `[{"id":"a","text":{"en":"…"}}, …]`.
    @Field(key: "options") public var optionsJSON: String
    /// The right option ids, `a;c`.
    @Field(key: "right") public var right: String
    @Field(key: "points") public var points: Int
    public init() {}

    public struct Option: Codable, Sendable, Equatable {
        public var id: String
        public var text: LocalizedText
    }

    public var text: LocalizedText {
        get { LocalizedText(column: textJSON) }
        set { textJSON = newValue.columnText }
    }

    public var options: [Option] {
        get { (try? JSONDecoder().decode([Option].self, from: Data(optionsJSON.utf8))) ?? [] }
        set { optionsJSON = (try? JSONEncoder().encode(newValue)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]" }
    }

    /// The question as the scoring rules see it.
    public var rule: TestQuestion {
        TestQuestion(id: id?.uuidString.lowercased() ?? "", kind: TestQuestion.Kind(rawValue: kind) ?? .single, options: options.map(\.id),
                     right: Set(right.split(separator: ";").map(String.init)), points: points)
    }
}

/// One person's pre- or post-test: the score and the answers given.
public final class TrainingTestResult: Model, @unchecked Sendable {
    public static let schema = "training_test_results"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "registration_id") public var registrationID: UUID
    @Field(key: "event_id") public var eventID: UUID
    /// `pre` or `post`.
    @Field(key: "phase") public var phase: String
    @Field(key: "points") public var points: Int
    @Field(key: "maximum") public var maximum: Int
    /// `question:option,option;…`.
    @Field(key: "answers") public var answers: String
    public init() {}

    public var score: TestScore { TestScore(points: points, maximum: maximum) }
}

/// Anonymous feedback: no registration, no time of day; the registration only records that it was given.
public final class TrainingFeedback: Model, @unchecked Sendable {
    public static let schema = "training_feedback"
    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "satisfaction") public var satisfaction: Int
    @Field(key: "comment") public var comment: String
    public init() {}
}

/// An awareness session a member organisation held and reports in counts; it counts once staff approve it.
public final class OutreachSession: Model, @unchecked Sendable {
    public static let schema = "training_outreach"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "organisation_id") public var organisationID: UUID
    @OptionalField(key: "submitted_by") public var submittedBy: UUID?
    @Field(key: "day") public var day: String
    @Field(key: "country") public var country: String
    @Field(key: "town") public var town: String
    @Field(key: "topic") public var topic: String
    @Field(key: "women") public var women: Int
    @Field(key: "men") public var men: Int
    @Field(key: "other_gender") public var otherGender: Int
    @Field(key: "youth") public var youth: Int
    @Field(key: "adults") public var adults: Int
    @Field(key: "older") public var older: Int
    /// `group:count;…`.
    @Field(key: "groups") public var groups: String
    @Field(key: "description") public var summary: String
    /// A link to photos or the scanned sign-in sheet, or where the paper is kept.
    @Field(key: "evidence") public var evidence: String
    /// `pending`, `approved` or `rejected`.
    @Field(key: "state") public var state: String
    @Field(key: "decision_note") public var decisionNote: String
    public init() {}

    public var counts: OutreachCounts {
        var parsed: [String: Int] = [:]
        for pair in groups.split(separator: ";") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let value = Int(parts[1]) { parsed[String(parts[0])] = value }
        }
        return OutreachCounts(women: women, men: men, otherGender: otherGender, youth: youth, adults: adults, older: older, groups: parsed)
    }
}
