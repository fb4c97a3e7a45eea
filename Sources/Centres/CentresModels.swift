// The records of the centres: a centre, who operates it, the assistance log, follow-up contacts (kept apart and
// deleted after the retention time) and appointments.
import Fluent
import Foundation
import Kernel
import Localization

public final class Centre: Model, @unchecked Sendable {
    public static let schema = "centres"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "version") public var version: Int
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    /// The network member that runs the centre.
    @Field(key: "organisation_id") public var organisationID: UUID
    /// The reference of the grant that funds it (e.g. `ICEDA-L1-AL-01`), empty when none.
    @Field(key: "grant_reference") public var grantReference: String
    @Field(key: "country") public var country: String
    @Field(key: "municipality") public var municipality: String
    /// The towns and villages it serves besides its own, one line.
    @Field(key: "area") public var area: String
    @Field(key: "address") public var address: String
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    /// Days open, `1,2,3,4,5` (1 = Monday).
    @Field(key: "weekdays") public var weekdays: String
    /// Opening and closing hour (0…24).
    @Field(key: "opens") public var opens: Int
    @Field(key: "closes") public var closes: Int
    /// Appointments per hour.
    @Field(key: "slot_capacity") public var slotCapacity: Int
    /// Languages served, locale codes separated by commas (`sq,sr-Latn`).
    @Field(key: "languages") public var languages: String
    @Field(key: "step_free") public var stepFree: Bool
    @Field(key: "sign_language") public var signLanguage: Bool
    @Field(key: "easy_read") public var easyRead: Bool
    /// Channels, codes of `CaseVocabulary.channels` separated by commas.
    @Field(key: "channels") public var channels: String
    /// JSON of `LocalizedText`: outreach days and anything else the centre says about itself.
    @Field(key: "description") public var descriptionJSON: String
    @Field(key: "opened_on") public var openedOn: String
    @Field(key: "closed_on") public var closedOn: String
    /// Citizens the centre aims to assist per year.
    @Field(key: "yearly_target") public var yearlyTarget: Int

    public init() {}

    public var summary: LocalizedText {
        get { LocalizedText(column: descriptionJSON) }
        set { descriptionJSON = newValue.columnText }
    }
    public var channelList: [String] { channels.split(separator: ",").map(String.init) }
    public var languageList: [String] { languages.split(separator: ",").map(String.init) }
}

/// A person who writes the assistance log of a centre.
public final class CentreOperator: Model, @unchecked Sendable {
    public static let schema = "centre_operators"
    @ID(key: .id) public var id: UUID?
    @Field(key: "centre_id") public var centreID: UUID
    @Field(key: "user_id") public var userID: UUID
    public init() {}
    public init(centreID: UUID, userID: UUID) {
        self.centreID = centreID
        self.userID = userID
    }
}

/// One citizen helped once: no name, no contact (see `FollowUp`).
public final class AssistanceCase: Model, @unchecked Sendable {
    public static let schema = "centre_cases"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "centre_id") public var centreID: UUID
    /// Made by the form or the offline queue; unique per centre, so a case sent twice is stored once.
    @Field(key: "client_id") public var clientID: String
    /// `YYYY-MM-DD` and `YYYY-MM`: text, so that both databases compare and group them alike.
    @Field(key: "day") public var day: String
    @Field(key: "month") public var month: String
    @Field(key: "channel") public var channel: String
    @Field(key: "service") public var service: String
    @Field(key: "task") public var task: String
    @Field(key: "outcome") public var outcome: String
    @Field(key: "blocker") public var blocker: String
    @Field(key: "age_band") public var ageBand: String
    @Field(key: "gender") public var gender: String
    /// Vulnerable groups as one 0/1 column each (`g_elderly`, …), so one pass of SUMs counts them all.
    @Field(key: "g_elderly") public var elderly: Int
    @Field(key: "g_roma") public var roma: Int
    @Field(key: "g_disability") public var disability: Int
    @Field(key: "g_rural") public var rural: Int
    @Field(key: "g_low_income") public var lowIncome: Int
    @Field(key: "g_youth") public var youth: Int
    @Field(key: "g_unemployed") public var unemployed: Int
    @Field(key: "g_returnee") public var returnee: Int
    @Field(key: "first_time") public var firstTime: Int
    @Field(key: "level") public var level: String
    @Field(key: "follow_up") public var followUp: Int
    /// Why the case needs a second look, separated by spaces; empty when none.
    @Field(key: "flags") public var flags: String
    @OptionalField(key: "operator_id") public var operatorID: UUID?

    public init() {}
}

/// Contact details a citizen gave for a follow-up, with their consent; deleted on `delete_after`.
public final class FollowUp: Model, @unchecked Sendable {
    public static let schema = "centre_follow_ups"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "centre_id") public var centreID: UUID
    /// The operator who owns the follow-up: the only person who can see the contact.
    @Field(key: "operator_id") public var operatorID: UUID
    @Field(key: "contact") public var contact: String
    @Field(key: "note") public var note: String
    @Field(key: "delete_after") public var deleteAfter: String
    @Field(key: "done") public var done: Bool
    public init() {}
}

/// A slot booked by a citizen, without an account.
public final class Appointment: Model, @unchecked Sendable {
    public static let schema = "centre_appointments"
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "centre_id") public var centreID: UUID
    @Field(key: "day") public var day: String
    @Field(key: "hour") public var hour: Int
    @Field(key: "name") public var name: String
    @Field(key: "contact") public var contact: String
    @Field(key: "task") public var task: String
    /// SHA-256 of the cancel link's token.
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "cancelled") public var cancelled: Bool
    public init() {}
}
