// The assistance log's rules, without a server: the vocabularies a case is written in, the check of one case
// (from the form, the offline queue or a paper sheet), codes renamed since a case was written, and the flags a
// case is stored with when something about it needs a second look (a device clock days off, a day before the
// centre opened). A flagged case is kept as it was sent: never lost, never silently changed.

import Foundation

/// The names a case is written in. Codes are stable (stored, exported, used in CSV files); labels come from the
/// catalogs (`centres.<vocabulary>.<code>`).
public enum CaseVocabulary {
    public static let channels = ["in-person", "phone", "email", "mobile"]
    public static let tasks = ["account", "certificate", "civil-registry", "health", "tax", "social-benefit", "education", "property",
                               "business", "other"]
    public static let outcomes = ["completed", "partly", "referred", "not-completed"]
    public static let blockers = ["none", "no-eid", "no-device", "no-email", "digital-skills", "portal-error", "missing-document",
                                  "paper-only", "language", "disability", "fee", "other"]
    public static let ageBands = ["under-18", "18-29", "30-44", "45-64", "65-plus", "unknown"]
    public static let genders = ["female", "male", "other", "unknown"]
    /// Vulnerable groups; a case may name several or none.
    public static let groups = ["elderly", "roma", "disability", "rural", "low-income", "youth", "unemployed", "returnee"]
    /// Who provides the e-service.
    public static let levels = ["national", "local"]

    /// Codes that were renamed: the old code → the code it is now. A case that still uses an old code (an offline
    /// queue, an old paper sheet) is stored under the new code and flagged `renamed:<field>:<old>`.
    public static let renamed: [String: [String: String]] = [
        "blocker": ["no-id": "no-eid", "no-internet": "no-device", "offline-only": "paper-only"],
        "task": ["e-account": "account", "health-card": "health"],
        "channel": ["email-or-chat": "email", "outreach": "mobile"],
    ]

    static func list(_ field: String) -> [String] {
        switch field {
        case "channel": channels
        case "task": tasks
        case "outcome": outcomes
        case "blocker": blockers
        case "age_band": ageBands
        case "gender": genders
        case "groups": groups
        case "level": levels
        default: []
        }
    }
}

/// A case as sent, every value still text.
public struct CaseDraft: Sendable, Equatable {
    /// The id the form or the offline queue made for this case, so that a case sent twice is stored once.
    public var clientID: String = ""
    public var day: String = ""
    public var channel: String = ""
    /// The e-service of the catalogue (its code), or empty when the case was about none of them.
    public var service: String = ""
    public var task: String = ""
    public var outcome: String = ""
    public var blocker: String = ""
    public var ageBand: String = ""
    public var gender: String = ""
    public var groups: [String] = []
    public var firstTime: Bool = false
    public var level: String = ""
    public var followUp: Bool = false

    public init() {}
}

/// A case that passed the check: codes known (renamed ones already replaced), the day a real date.
public struct CheckedCase: Sendable, Equatable {
    public var clientID: String
    public var day: CalendarDate
    public var channel: String
    public var service: String
    public var task: String
    public var outcome: String
    public var blocker: String
    public var ageBand: String
    public var gender: String
    public var groups: [String]
    public var firstTime: Bool
    public var level: String
    public var followUp: Bool
    /// Why the case needs a second look, e.g. `future-day`, `before-opening`, `renamed:blocker:no-id`.
    public var flags: [String]

    public init(clientID: String, day: CalendarDate, channel: String, service: String, task: String, outcome: String, blocker: String,
                ageBand: String, gender: String, groups: [String], firstTime: Bool, level: String, followUp: Bool, flags: [String]) {
        self.clientID = clientID
        self.day = day
        self.channel = channel
        self.service = service
        self.task = task
        self.outcome = outcome
        self.blocker = blocker
        self.ageBand = ageBand
        self.gender = gender
        self.groups = groups
        self.firstTime = firstTime
        self.level = level
        self.followUp = followUp
        self.flags = flags
    }
}

/// Why a case was refused: the field and a catalog key with its arguments.
public struct CaseProblem: Sendable, Equatable {
    public var field: String
    public var key: String
    public var arguments: [String: String]

    public init(field: String, key: String, arguments: [String: String] = [:]) {
        self.field = field
        self.key = key
        self.arguments = arguments
    }
}

/// Every problem of one case.
public struct CaseProblems: Error, Sendable, Equatable {
    public var problems: [CaseProblem]
}

public enum CaseRules {
    /// How many days after the server's today a case's day may lie before it is flagged (time zones, a clock
    /// slightly off); a day further ahead is still stored, flagged `future-day`.
    public static let toleratedDaysAhead = 1
    /// How far back a case may be written at all (paper sheets come late, but not years late).
    public static let oldestYears = 5

    /// Checks a draft. `today` is the server's day; `opened` the centre's opening day (a case before it is flagged);
    /// `services` the e-service codes the centre's country offers (empty: any code is refused but the empty one).
    public static func check(_ draft: CaseDraft, today: CalendarDate, opened: CalendarDate?, services: Set<String>) -> Result<CheckedCase, CaseProblems> {
        var problems: [CaseProblem] = []
        var flags: [String] = []
        let clientID = draft.clientID.trimmed
        if clientID.isEmpty || clientID.count > 64 || !clientID.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_") }) {
            problems.append(CaseProblem(field: "client_id", key: "centres.case.error.client_id"))
        }
        var day: CalendarDate?
        if let parsed = CalendarDate(iso: draft.day.trimmed), (1900...2200).contains(parsed.year) {
            if parsed.year < today.year - oldestYears {
                problems.append(CaseProblem(field: "day", key: "centres.case.error.day_too_old", arguments: ["years": String(oldestYears)]))
            } else {
                day = parsed
                if parsed > today.adding(days: toleratedDaysAhead) { flags.append("future-day") }
                if let opened, parsed < opened { flags.append("before-opening") }
            }
        } else {
            problems.append(CaseProblem(field: "day", key: draft.day.trimmed.isEmpty ? "centres.case.error.day_required" : "centres.case.error.day_invalid"))
        }
        func code(_ field: String, _ value: String, required: Bool = true) -> String {
            var value = value.trimmed.lowercased()
            if let newer = CaseVocabulary.renamed[field]?[value] {
                flags.append("renamed:\(field):\(value)")
                value = newer
            }
            if value.isEmpty {
                if required { problems.append(CaseProblem(field: field, key: "centres.case.error.required")) }
                return ""
            }
            guard CaseVocabulary.list(field).contains(value) else {
                problems.append(CaseProblem(field: field, key: "centres.case.error.unknown_code", arguments: ["code": String(value.prefix(40))]))
                return ""
            }
            return value
        }
        let channel = code("channel", draft.channel)
        let task = code("task", draft.task)
        let outcome = code("outcome", draft.outcome)
        var blocker = code("blocker", draft.blocker, required: false)
        if blocker.isEmpty { blocker = "none" }
        if outcome == "not-completed" && blocker == "none" {
            problems.append(CaseProblem(field: "blocker", key: "centres.case.error.blocker_needed"))
        }
        var ageBand = code("age_band", draft.ageBand, required: false)
        if ageBand.isEmpty { ageBand = "unknown" }
        var gender = code("gender", draft.gender, required: false)
        if gender.isEmpty { gender = "unknown" }
        var level = code("level", draft.level, required: false)
        if level.isEmpty { level = "national" }
        var groups: [String] = []
        for group in draft.groups {
            let value = group.trimmed.lowercased()
            if value.isEmpty { continue }
            guard CaseVocabulary.groups.contains(value) else {
                problems.append(CaseProblem(field: "groups", key: "centres.case.error.unknown_code", arguments: ["code": String(value.prefix(40))]))
                continue
            }
            if !groups.contains(value) { groups.append(value) }
        }
        let service = draft.service.trimmed
        if !service.isEmpty && !services.contains(service) {
            problems.append(CaseProblem(field: "service", key: "centres.case.error.unknown_service", arguments: ["code": String(service.prefix(40))]))
        }
        guard problems.isEmpty, let day else { return .failure(CaseProblems(problems: problems)) }
        return .success(CheckedCase(clientID: clientID, day: day, channel: channel, service: service, task: task, outcome: outcome,
                                    blocker: blocker, ageBand: ageBand, gender: gender,
                                    groups: CaseVocabulary.groups.filter(groups.contains), firstTime: draft.firstTime, level: level,
                                    followUp: draft.followUp, flags: flags))
    }
}

extension CalendarDate {
    /// The day `days` days later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let moved = calendar.date(byAdding: .day, value: days, to: noonUTC)!
        let parts = calendar.dateComponents([.year, .month, .day], from: moved)
        return CalendarDate(parts.year!, parts.month!, parts.day!)!
    }

    /// The day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let weekday = calendar.component(.weekday, from: noonUTC) // 1 = Sunday
        return weekday == 1 ? 7 : weekday - 1
    }

    /// The day of an instant in UTC.
    public init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self = CalendarDate(parts.year!, parts.month!, parts.day!)!
    }
}
