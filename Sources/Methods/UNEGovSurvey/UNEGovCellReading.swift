extension UNEGovSurvey {
    /// Reads the cells of one data row, counting cleaning steps (importer internals).
    struct CellReading {
        let file: String
        let record: CSVRecord
        let columns: [Field: Int]
        var cleaned: [Cleaning: Int] = [:]
        /// Trimmed cell text per field the layout has.
        private let texts: [Field: String]

        /// Reads `record` of `file` whose fields sit in `columns`, counting padded number cells.
        init(file: String, record: CSVRecord, columns: [Field: Int]) {
            self.file = file
            self.record = record
            self.columns = columns
            var texts: [Field: String] = [:]
            var padded = 0
            for (field, column) in columns where field != .name {
                let raw = record.fields[column]
                let text = raw.trimmed
                if text != raw, !text.isEmpty { padded += 1 }
                texts[field] = text
            }
            self.texts = texts
            if padded > 0 { cleaned[.numberWhitespace] = padded }
        }

        /// The trimmed text of `field`'s cell ("" when the layout lacks the field).
        func text(_ field: Field) -> String { texts[field] ?? "" }

        /// Whether every rank and index cell of the row is blank.
        var valuesAreBlank: Bool {
            [Field.rank, .egdi, .epi, .osi, .hci, .tii, .losi].allSatisfy { text($0).isEmpty }
        }

        /// The country name, whitespace collapsed; blank is an error.
        mutating func name() throws(ImportError) -> String {
            guard let column = columns[.name] else { return "" }
            let raw = record.fields[column]
            let name = UNEGovSurvey.collapsedWhitespace(raw)
            guard !name.isEmpty else { throw error(.missingValue, "country name is blank") }
            if name != raw { cleaned[.nameWhitespace, default: 0] += 1 }
            return name
        }

        /// A year cell: a whole number in 2000...2100.
        func year() throws(ImportError) -> Int {
            let text = text(.year)
            guard !text.isEmpty else { throw error(.missingValue, "year is blank") }
            guard let year = Int(text), (2000...2100).contains(year) else {
                throw error(.badNumber, "year '\(text)' is not a Survey year")
            }
            return year
        }

        /// The rank: a whole number ≥ 1 (`136.0` accepted as 136); nil when blank.
        mutating func rank() throws(ImportError) -> Int? {
            let text = text(.rank)
            if text.isEmpty {
                cleaned[.blankValue, default: 0] += 1
                return nil
            }
            if let rank = Int(text) { return try positive(rank, text) }
            guard let number = Self.number(text), number == number.rounded(), abs(number) < 1e9 else {
                throw error(.badNumber, "rank '\(text)' is not a whole number")
            }
            cleaned[.decimalRank, default: 0] += 1
            return try positive(Int(number), text)
        }

        /// An index in [0, 1]; nil when blank.
        mutating func index(_ field: Field) throws(ImportError) -> Double? {
            let text = text(field)
            if text.isEmpty {
                if columns[field] != nil { cleaned[.blankValue, default: 0] += 1 }
                return nil
            }
            guard let value = Self.number(text) else {
                throw error(.badNumber, "\(field.label) '\(text)' is not a number")
            }
            guard (0...1).contains(value) else { throw error(.outOfRange, "\(field.label) \(text) is outside [0, 1]") }
            return value
        }

        /// The EGDI: an index that must be present.
        mutating func egdi() throws(ImportError) -> Double {
            guard !text(.egdi).isEmpty, let value = try index(.egdi) else {
                throw error(.missingValue, "EGDI is blank while other values are present")
            }
            return value
        }

        /// An error at this row.
        func error(_ kind: ImportErrorKind, _ reason: String) -> ImportError {
            ImportError(file: file, line: record.line, kind: kind, reason: reason)
        }

        private func positive(_ rank: Int, _ text: String) throws(ImportError) -> Int {
            guard rank >= 1 else { throw error(.outOfRange, "rank '\(text)' is below 1") }
            return rank
        }

        /// A plain decimal number (digits, one optional point, optional sign and exponent); nil otherwise,
        /// so `nan`, `inf`, hexadecimal and `1,5` are rejected.
        static func number(_ text: String) -> Double? {
            let allowed = Set("0123456789.eE+-")
            guard !text.isEmpty, text.allSatisfy(allowed.contains), text.contains(where: \.isNumber),
                  let value = Double(text), value.isFinite else { return nil }
            return value
        }
    }
}
