import Foundation

/// One CSV record (row) with the 1-based physical line on which it starts.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line number of the record's first character.
    public var line: Int
    /// The record's fields, unquoted.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV document whose first record is the header.
public struct CSVTable: Sendable, Equatable {
    /// The header's fields.
    public var header: [String]
    /// The header's physical line number.
    public var headerLine: Int
    /// The records after the header.
    public var records: [CSVRecord]

    /// The index of the first column whose trimmed header equals `name` case-insensitively.
    public func columnIndex(_ name: String) -> Int? {
        let wanted = name.lowercased()
        return header.firstIndex { $0.trimmed.lowercased() == wanted }
    }

    /// Parses UTF-8 `data` and splits off the header record.
    public init(parsing data: Data) throws(CSVParseError) {
        try self.init(parsing: [UInt8](data))
    }

    /// Parses `data` and splits off the header record; an empty document has an empty header.
    public init(parsing data: [UInt8]) throws(CSVParseError) {
        var all = try CSVParser.parse(data)
        if all.isEmpty {
            header = []
            headerLine = 1
            records = []
        } else {
            let first = all.removeFirst()
            header = first.fields
            headerLine = first.line
            records = all
        }
    }
}
