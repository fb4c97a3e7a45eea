// Cases written on paper and typed into a CSV sheet: one case per row, all-or-nothing. Every problem is reported
// as `file:line: reason`, and a file with a problem stores nothing.

/// The kinds of problem in a paper-cases file.
public enum PaperCaseProblem: Sendable, Equatable {
    /// Not valid CSV (the parser's reason is in the error's `reason`).
    case unreadable
    case missingColumn(String)
    case unknownColumn(String)
    case repeatedColumn(String)
    /// A yes/no column holds something else.
    case notYesNo(String)
    case tooManyRows(Int)
    /// The case id is also on an earlier line.
    case duplicateID(String, earlierLine: Int)
}

/// Every problem of a paper-cases file.
public struct PaperCaseErrors: Error, Sendable, Equatable {
    public var errors: [FileImportError<PaperCaseProblem>]
}

public enum PaperCases {
    /// The columns of the sheet, in the order of the template.
    public static let columns = ["case_id", "date", "channel", "service", "task", "outcome", "blocker", "age_band", "gender", "groups",
                                 "first_time", "level", "follow_up"]
    public static let required = ["date", "channel", "task", "outcome"]
    /// More rows than this in one file are refused (split the file).
    public static let maxRows = 200_000

    /// Reads the sheet into drafts. A row without `case_id` gets `paper-<file digest>-<line>`, so the same
    /// file uploaded twice is stored once. Yes/no columns take `yes`/`no`, `1`/`0`, `true`/`false`, `x`/empty.
    public static func read(_ bytes: [UInt8], file: String, fileDigest: String) -> Result<[(line: Int, draft: CaseDraft)], PaperCaseErrors> {
        let table: CSVTable
        do { table = try CSVTable(parsing: bytes) } catch {
            return .failure(PaperCaseErrors(errors: [FileImportError(file: file, line: error.line, kind: .unreadable, reason: error.reason)]))
        }
        var errors: [FileImportError<PaperCaseProblem>] = []
        var index: [String: Int] = [:]
        for (position, name) in table.header.enumerated() {
            let key = name.trimmed.lowercased()
            if key.isEmpty { continue }
            if columns.contains(key), index[key] != nil {
                errors.append(FileImportError(file: file, line: table.headerLine, kind: .repeatedColumn(key), reason: "the column \"\(key)\" appears twice"))
            } else if columns.contains(key) { index[key] = position } else {
                errors.append(FileImportError(file: file, line: table.headerLine, kind: .unknownColumn(String(name.trimmed.prefix(40))),
                                              reason: "unknown column \"\(String(name.trimmed.prefix(40)))\"; the columns are: \(columns.joined(separator: ", "))"))
            }
        }
        for name in required where index[name] == nil {
            errors.append(FileImportError(file: file, line: table.headerLine, kind: .missingColumn(name), reason: "the column \"\(name)\" is missing"))
        }
        guard errors.isEmpty else { return .failure(PaperCaseErrors(errors: errors)) }
        guard table.records.count <= maxRows else {
            return .failure(PaperCaseErrors(errors: [FileImportError(file: file, line: nil, kind: .tooManyRows(maxRows), reason: "more than \(maxRows) rows; split the file")]))
        }
        var drafts: [(line: Int, draft: CaseDraft)] = []
        drafts.reserveCapacity(table.records.count)
        var seen: [String: Int] = [:]
        for record in table.records {
            if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            func value(_ name: String) -> String {
                guard let position = index[name], position < record.fields.count else { return "" }
                return record.fields[position]
            }
            var yesNoError = false
            func yesNo(_ name: String) -> Bool {
                switch value(name).trimmed.lowercased() {
                case "yes", "y", "1", "true", "x", "po", "да", "da": return true
                case "", "no", "n", "0", "false", "jo", "не", "ne": return false
                default:
                    errors.append(FileImportError(file: file, line: record.line, kind: .notYesNo(name), reason: "\(name): write yes or no"))
                    yesNoError = true
                    return false
                }
            }
            var draft = CaseDraft()
            let id = value("case_id").trimmed
            draft.clientID = id.isEmpty ? "paper-\(fileDigest.prefix(16))-\(record.line)" : id
            draft.day = value("date")
            draft.channel = value("channel")
            draft.service = value("service")
            draft.task = value("task")
            draft.outcome = value("outcome")
            draft.blocker = value("blocker")
            draft.ageBand = value("age_band")
            draft.gender = value("gender")
            draft.groups = value("groups").split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" }).map(String.init)
            draft.firstTime = yesNo("first_time")
            draft.level = value("level")
            draft.followUp = yesNo("follow_up")
            if yesNoError { continue }
            if let earlier = seen[draft.clientID] {
                errors.append(FileImportError(file: file, line: record.line, kind: .duplicateID(String(draft.clientID.prefix(64)), earlierLine: earlier), reason: "case_id \"\(String(draft.clientID.prefix(64)))\" is also on line \(earlier)"))
                continue
            }
            seen[draft.clientID] = record.line
            drafts.append((record.line, draft))
        }
        return errors.isEmpty ? .success(drafts) : .failure(PaperCaseErrors(errors: errors))
    }
}
