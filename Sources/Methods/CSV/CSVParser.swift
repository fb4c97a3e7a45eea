/// RFC 4180 CSV parser: comma-separated, `"` quoting with `""` escapes, CRLF, LF or CR line ends,
/// newlines inside quoted fields, and a leading UTF-8 byte-order mark.
///
/// Lenient where RFC 4180 is silent or strict: a `"` inside an unquoted field, and text after a
/// closing quote, are kept literally; completely empty lines are skipped; invalid UTF-8 is
/// replaced by U+FFFD. The only error is a quoted field left open at the end of the input.
public enum CSVParser {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses UTF-8 text into records carrying their 1-based starting line numbers.
    public static func parse(_ text: String) throws(CSVParseError) -> [CSVRecord] {
        try parse(Array(text.utf8))
    }

    /// Parses UTF-8 bytes into records carrying their 1-based starting line numbers.
    public static func parse(_ bytes: [UInt8]) throws(CSVParseError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldQuoted = false
        var inQuotes = false
        var quoteLine = 0
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldQuoted = false
        }
        func finishRecord() {
            let empty = fields.isEmpty && field.isEmpty && !fieldQuoted
            if !empty {
                finishField()
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < n, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                    } else {
                        inQuotes = false
                        i += 1
                    }
                    continue
                }
                if b == lf || (b == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case comma:
                finishField()
                i += 1
            case quote where field.isEmpty && !fieldQuoted:
                inQuotes = true
                fieldQuoted = true
                quoteLine = line
                i += 1
            case cr, lf:
                finishRecord()
                i += (b == cr && i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                line += 1
                recordLine = line
            default:
                field.append(b)
                i += 1
            }
        }
        if inQuotes {
            throw CSVParseError(line: quoteLine, reason: "quoted field is never closed")
        }
        finishRecord()
        return records
    }
}
