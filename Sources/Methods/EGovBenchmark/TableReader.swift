import Foundation

extension EGovBenchmark {
    /// A parsed input file with header lookup and `file:line` errors (importer internals).
    struct TableReader {
        /// The file name, used in errors and the report.
        let file: String
        /// The parsed table.
        let table: CSVTable

        /// Reads and parses `file` in `directory`.
        static func open(_ file: String, in directory: URL) throws(ImportError) -> TableReader {
            let url = directory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ImportError(file: file, line: nil, kind: .missingFile, reason: "file not found in \(directory.path)")
            }
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw ImportError(file: file, line: nil, kind: .unreadableFile, reason: "cannot read: \(error)")
            }
            return try TableReader(file: file, bytes: [UInt8](data))
        }

        /// Parses CSV bytes named `file`, checking that every record has the header's field count.
        init(file: String, bytes: [UInt8]) throws(ImportError) {
            self.file = file
            do { table = try CSVTable(parsing: bytes) } catch {
                throw ImportError(file: file, line: error.line, kind: .malformedCSV, reason: error.reason)
            }
            for record in table.records where record.fields.count != table.header.count {
                throw ImportError(file: file, line: record.line, kind: .fieldCount,
                                  reason: "expected \(table.header.count) fields as in the header, found \(record.fields.count)")
            }
        }

        /// The index of the first column whose header is one of `names` (trimmed, case-insensitive).
        func optionalColumn(_ names: String...) -> Int? {
            let wanted = Set(names.map { $0.lowercased() })
            return table.header.firstIndex { wanted.contains($0.trimmed.lowercased()) }
        }

        /// Like ``optionalColumn(_:)`` but a missing column is an error at the header line.
        func column(_ names: String...) throws(ImportError) -> Int {
            let wanted = Set(names.map { $0.lowercased() })
            guard let index = table.header.firstIndex(where: { wanted.contains($0.trimmed.lowercased()) }) else {
                throw missingColumn(names.map { "'\($0)'" }.joined(separator: " or "))
            }
            return index
        }

        /// The column whose header starts with the question `code` (e.g. `A1: …`, `G3_5 …`).
        func questionColumn(_ code: String) throws(ImportError) -> Int {
            let index = table.header.firstIndex { header in
                let token = header.trimmed.split(whereSeparator: { $0 == ":" || $0.isWhitespace }).first
                return token.map { $0.uppercased() == code.uppercased() } ?? false
            }
            guard let index else { throw missingColumn("question \(code)") }
            return index
        }

        /// Column indices of every question of a question set, in `rawValue` order.
        func questionColumns<Q: QuestionColumn>(_: Q.Type) throws(ImportError) -> [Int] {
            var result: [Int] = []
            for question in Q.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
                result.append(try questionColumn(question.code))
            }
            return result
        }

        /// An error about `record`.
        func error(_ record: CSVRecord, _ kind: ImportErrorKind, _ reason: String) -> ImportError {
            ImportError(file: file, line: record.line, kind: kind, reason: reason)
        }

        private func missingColumn(_ what: String) -> ImportError {
            ImportError(file: file, line: table.headerLine, kind: .missingColumn, reason: "missing required column \(what)")
        }
    }
}
