// A paper sign-in sheet typed into CSV and uploaded: one mark per row, all-or-nothing. Every problem is reported as
// `file:line: reason`, and a file with a problem stores nothing.

/// The kinds of problem in an attendance sheet.
public enum AttendanceSheetProblem: Sendable, Equatable {
    /// Not valid CSV (the parser's reason is in the error's `reason`).
    case unreadable
    case missingColumn(String)
    case unknownColumn(String)
    case repeatedColumn(String)
    /// Neither a registration code nor a name on the row.
    case nobody
    /// A registration code that is not one of the event's.
    case unknownRegistration(String)
    /// The session is not a whole number from 1 to the number of sessions.
    case sessionOutOfRange(String)
    /// `present` holds something other than yes or no.
    case notYesNo(String)
    case tooManyRows(Int)
}

/// Every problem of an attendance sheet.
public struct AttendanceSheetErrors: Error, Sendable, Equatable {
    public var errors: [FileImportError<AttendanceSheetProblem>]
}

/// Who a mark is for.
public enum Attendee: Sendable, Hashable {
    /// A registered person, by the registration's short code as the event knows it (e.g. `R-7K3Q`).
    case registration(String)
    /// A walk-in, by the name written on the sheet (spaces collapsed); the same name in another case is the same walk-in.
    case walkIn(String)
}

/// One mark read from a sheet.
public struct AttendanceMark: Sendable, Equatable {
    public var attendee: Attendee
    /// 1-based session number.
    public var session: Int
    public var present: Bool
    /// The first line of the sheet with this attendee and session.
    public var line: Int

    public init(attendee: Attendee, session: Int, present: Bool, line: Int) {
        self.attendee = attendee
        self.session = session
        self.present = present
        self.line = line
    }
}

public enum AttendanceSheet {
    /// The columns of the sheet, in the order of the printable template.
    public static let columns = ["registration", "name", "session", "present"]
    /// More rows than this in one file are refused (a sign-in sheet is far shorter).
    public static let maxRows = 10_000
    /// The words read as yes and as no (English, Albanian, Macedonian and Serbian, Cyrillic and Latin), any case.
    public static let yesWords: Set<String> = ["yes", "po", "да", "da"]
    public static let noWords: Set<String> = ["no", "jo", "не", "ne"]

    /// Reads a sheet of an event with `sessions` sessions whose registrations have the short codes `codes`.
    ///
    /// A row names a registration (its code, any case) or, for a walk-in, a name; when both are written the code is
    /// used. The same attendee and session on several rows is one mark, not an error: present when any of the rows
    /// says present (someone who signed was there). Blank rows are skipped.
    public static func read(_ bytes: [UInt8], file: String, sessions: Int, codes: Set<String>) -> Result<[AttendanceMark], AttendanceSheetErrors> {
        let table: CSVTable
        do { table = try CSVTable(parsing: bytes) } catch {
            return .failure(AttendanceSheetErrors(errors: [FileImportError(file: file, line: error.line, kind: .unreadable, reason: error.reason)]))
        }
        var errors: [FileImportError<AttendanceSheetProblem>] = []
        var index: [String: Int] = [:]
        for (position, name) in table.header.enumerated() {
            let key = name.trimmed.lowercased()
            if key.isEmpty { continue }
            let shown = String(name.trimmed.prefix(40))
            if columns.contains(key), index[key] != nil {
                errors.append(FileImportError(file: file, line: table.headerLine, kind: .repeatedColumn(key), reason: "the column \"\(key)\" appears twice"))
            } else if columns.contains(key) {
                index[key] = position
            } else {
                errors.append(FileImportError(file: file, line: table.headerLine, kind: .unknownColumn(shown),
                                              reason: "unknown column \"\(shown)\"; the columns are: \(columns.joined(separator: ", "))"))
            }
        }
        for name in ["session", "present"] where index[name] == nil {
            errors.append(FileImportError(file: file, line: table.headerLine, kind: .missingColumn(name), reason: "the column \"\(name)\" is missing"))
        }
        if index["registration"] == nil && index["name"] == nil {
            errors.append(FileImportError(file: file, line: table.headerLine, kind: .missingColumn("registration"),
                                          reason: "the column \"registration\" (or \"name\" for walk-ins) is missing"))
        }
        guard errors.isEmpty else { return .failure(AttendanceSheetErrors(errors: errors)) }
        guard table.records.count <= maxRows else {
            return .failure(AttendanceSheetErrors(errors: [FileImportError(file: file, line: nil, kind: .tooManyRows(maxRows), reason: "more than \(maxRows) rows; split the file")]))
        }
        var known: [String: String] = [:]
        for code in codes { known[code.trimmed.uppercased()] = code }
        var marks: [AttendanceMark] = []
        var seen: [String: [Int: Int]] = [:] // attendee (walk-in names in any case) → session → index in marks
        for record in table.records {
            if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            func value(_ name: String) -> String {
                guard let position = index[name], position < record.fields.count else { return "" }
                return record.fields[position].trimmed
            }
            func fail(_ kind: AttendanceSheetProblem, _ reason: String) {
                errors.append(FileImportError(file: file, line: record.line, kind: kind, reason: reason))
            }
            var attendee: Attendee?
            let code = value("registration")
            let name = value("name").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !code.isEmpty {
                if let stored = known[code.uppercased()] { attendee = .registration(stored) } else {
                    let shown = String(code.prefix(40))
                    fail(.unknownRegistration(shown), "no registration \"\(shown)\" for this event")
                }
            } else if !name.isEmpty {
                attendee = .walkIn(String(name.prefix(200)))
            } else {
                fail(.nobody, "write the registration code, or the name of a walk-in")
            }
            let sessionText = value("session")
            var session: Int?
            if let number = Int(sessionText), number >= 1, number <= sessions {
                session = number
            } else {
                fail(.sessionOutOfRange(String(sessionText.prefix(20))),
                     sessions >= 1 ? "session: write a number from 1 to \(sessions)" : "the event has no sessions")
            }
            let presentText = value("present").lowercased()
            var present: Bool?
            if yesWords.contains(presentText) { present = true } else if noWords.contains(presentText) { present = false } else {
                fail(.notYesNo(String(presentText.prefix(20))), "present: write yes or no (po/jo, да/не, da/ne)")
            }
            guard let attendee, let session, let present else { continue }
            let key: String
            switch attendee {
            case let .registration(code): key = "r:" + code
            case let .walkIn(name): key = "w:" + name.lowercased()
            }
            if let earlier = seen[key]?[session] {
                marks[earlier].present = marks[earlier].present || present
            } else {
                seen[key, default: [:]][session] = marks.count
                marks.append(AttendanceMark(attendee: attendee, session: session, present: present, line: record.line))
            }
        }
        return errors.isEmpty ? .success(marks) : .failure(AttendanceSheetErrors(errors: errors))
    }
}
