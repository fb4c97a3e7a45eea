// Organisations to and from CSV (RFC 4180, UTF-8): all-or-nothing import, errors as file:line: reason.
import Kernel
import Fluent
import Foundation
import Localization
import Methods

enum OrganisationCSV {
    static let required = ["name", "kind", "country"]
    static let columns = ["name", "kind", "country", "municipality", "website", "email", "focus_areas"]
        + AppLocale.allCases.map { "description_\($0.rawValue)" }

    /// A row that passed every check, with the line it came from.
    struct Row {
        var line: Int
        var input: OrganisationInput.Valid
        var slug: String
        package init(line: Int, input: OrganisationInput.Valid, slug: String) {
            self.line = line
            self.input = input
            self.slug = slug
        }
    }

    /// Reads a whole file; returns every row or every problem (messages in the reader's language).
    static func parse(_ bytes: [UInt8], fileName: String, t: Translator) -> Result<[Row], ImportFailure> {
        var errors: [String] = []
        func fail(_ line: Int, _ message: String) { errors.append("\(fileName):\(line): \(message)") }

        if let badLine = firstInvalidUTF8Line(bytes) {
            fail(badLine, t("import.error.encoding"))
            return .failure(ImportFailure(errors: errors))
        }
        let table: CSVTable
        do {
            table = try CSVTable(parsing: bytes)
        } catch {
            fail(error.line, t("import.error.csv", ["reason": error.reason]))
            return .failure(ImportFailure(errors: errors))
        }
        // Column names match case-insensitively and are then used in their canonical spelling.
        let canonical = Dictionary(uniqueKeysWithValues: columns.map { ($0.lowercased(), $0) })
        let header = table.header.map { name -> String in
            let cleaned = FormText.line(name)
            return canonical[cleaned.lowercased()] ?? cleaned
        }
        if header.isEmpty || header == [""] {
            fail(1, t("import.error.empty"))
            return .failure(ImportFailure(errors: errors))
        }
        for column in required where !header.contains(column) {
            fail(table.headerLine, t("import.error.missing_column", ["column": column]))
        }
        var seen: Set<String> = []
        for column in header {
            if !columns.contains(column) { fail(table.headerLine, t("import.error.unknown_column", ["column": column, "known": columns.joined(separator: ", ")])) }
            if !seen.insert(column).inserted { fail(table.headerLine, t("import.error.duplicate_column", ["column": column])) }
        }
        guard errors.isEmpty else { return .failure(ImportFailure(errors: errors)) }
        if table.records.isEmpty {
            fail(table.headerLine, t("import.error.no_rows"))
            return .failure(ImportFailure(errors: errors))
        }

        var rows: [Row] = []
        var linesBySlug: [String: Int] = [:]
        for record in table.records {
            guard record.fields.count == header.count else {
                fail(record.line, t("import.error.field_count", ["found": String(record.fields.count), "expected": String(header.count)]))
                continue
            }
            var values: [String: String] = [:]
            for (index, column) in header.enumerated() { values[column] = CSVWriter.unprotect(record.fields[index]) }
            var description: [String: String] = [:]
            for locale in AppLocale.allCases {
                if let text = values["description_\(locale.rawValue)"], !text.isEmpty { description[locale.rawValue] = text }
            }
            let input = OrganisationInput(
                name: values["name"] ?? "", kind: values["kind"] ?? "", country: values["country"] ?? "",
                municipality: values["municipality"] ?? "", website: values["website"] ?? "", email: values["email"] ?? "",
                focusAreas: (values["focus_areas"] ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" }).map(String.init),
                description: description)
            switch input.validate() {
            case .failure(let failure):
                for issue in failure.issues {
                    fail(record.line, "\(issue.field): " + t(issue.key, issue.arguments))
                }
            case .success(let valid):
                let slug = Slug.make(valid.name)
                if let earlier = linesBySlug[slug] {
                    fail(record.line, t("import.error.duplicate_row", ["line": String(earlier)]))
                } else {
                    linesBySlug[slug] = record.line
                    rows.append(Row(line: record.line, input: valid, slug: slug))
                }
            }
        }
        return errors.isEmpty ? .success(rows) : .failure(ImportFailure(errors: errors))
    }

    /// Writes all rows in one transaction: an organisation with the same slug is updated, others are added.
    static func save(_ rows: [Row], on database: Database) async throws -> (created: Int, updated: Int) {
        try await database.transaction { database in
            var created = 0, updated = 0
            var existingBySlug: [String: Organisation] = [:]
            for organisation in try await Organisation.query(on: database).filter(\.$slug ~~ rows.map(\.slug)).all() {
                existingBySlug[organisation.slug] = organisation
            }
            for row in rows {
                if let existing = existingBySlug[row.slug] {
                    // Fluent counts a field as changed when it is set, even to the same value: compare values.
                    let before = OrganisationDTO(existing)
                    existing.apply(row.input)
                    if OrganisationDTO(existing) != before {
                        existing.version += 1
                        try await existing.save(on: database)
                        updated += 1
                    }
                } else {
                    let organisation = Organisation()
                    organisation.slug = row.slug
                    organisation.version = 1
                    organisation.apply(row.input)
                    try await organisation.save(on: database)
                    created += 1
                }
            }
            return (created, updated)
        }
    }

    /// The organisations as CSV with the import's columns, so an export can be imported again.
    static func export(_ organisations: [Organisation]) -> String {
        var text = CSVWriter.row(columns)
        for organisation in organisations {
            let summary = organisation.summary
            var fields = [organisation.name, organisation.kind.rawValue, organisation.countryCode, organisation.municipality,
                          organisation.website, organisation.email, organisation.focusAreas.map(\.rawValue).joined(separator: ";")]
            fields += AppLocale.allCases.map { summary[$0] ?? "" }
            text += CSVWriter.row(fields)
        }
        return text
    }


    /// The 1-based line of the first byte sequence that is not UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            if index + length > bytes.count { return line }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return line }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return line }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return line }
            }
            index += length
        }
        return nil
    }
}

/// Every problem of a file that was not imported.
struct ImportFailure: Error {
    var errors: [String]
    package init(errors: [String]) {
        self.errors = errors
    }
}
