// The one CSV writer of every export: RFC 4180 (CRLF line ends, quotes doubled, a field quoted when it holds a
// comma, a quote or a line break) with a guard against spreadsheet formulas that leaves numbers alone.

package enum CSVWriter {
    /// One field. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`) gets a
    /// leading apostrophe, unless the whole field is a plain number such as `-12.5` or `+3`.
    package static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), !isNumber(value) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, ended by CRLF.
    package static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A header row and the records.
    package static func document(header: [String], rows: [[String]]) -> String {
        var text = row(header)
        for record in rows { text += row(record) }
        return text
    }

    /// Undoes `field`'s formula guard when a file exported here is imported again.
    package static func unprotect(_ field: String) -> String {
        if field.hasPrefix("'"), let second = field.dropFirst().first, "=+-@".contains(second) { return String(field.dropFirst()) }
        return field
    }

    /// A sign, ASCII digits and at most one decimal point with digits on both sides: `-12.5`, `+3`, `0.25`.
    package static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }
}
