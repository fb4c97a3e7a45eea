extension UNEGovSurvey {
    /// Reads Survey files one after another into records and a report (importer internals).
    struct SurveyImport {
        private var records: [Record] = []
        private var report = Report()
        private var seen: [YearCountry: SourceLine] = [:]

        private struct YearCountry: Hashable {
            var year: Int
            var alpha3: String
        }

        /// Reads one file: recognises its layout, checks its columns, imports its rows.
        mutating func read(file: String, bytes: [UInt8]) throws(ImportError) {
            let table: CSVTable
            do {
                table = try CSVTable(parsing: bytes)
            } catch {
                throw ImportError(file: file, line: error.line, kind: .malformedCSV, reason: error.reason)
            }
            let columns = try Self.columns(of: table, file: file)
            let fileYear = columns.map[.year] == nil ? try Self.year(fromFileName: file, line: table.headerLine) : nil
            var summary = FileSummary(file: file, layout: columns.layout, rows: table.records.count, records: 0, years: [])
            var years = Set<Int>()
            for row in table.records {
                guard row.fields.count == table.header.count else {
                    throw ImportError(file: file, line: row.line, kind: .fieldCount,
                                      reason: "expected \(table.header.count) fields as in the header, found \(row.fields.count)")
                }
                guard let record = try readRow(row, file: file, columns: columns.map, fileYear: fileYear) else { continue }
                records.append(record)
                years.insert(record.year)
                summary.records += 1
            }
            summary.years = years.sorted()
            report.files.append(summary)
        }

        /// The records sorted by year and alpha-3 code, and the report.
        func finish() -> (records: [Record], report: Report) {
            var report = report
            for record in records { report.recordsPerYear[record.year, default: 0] += 1 }
            let sorted = records.sorted { ($0.year, $0.alpha3) < ($1.year, $1.alpha3) }
            return (sorted, report)
        }

        /// The layout of `table`'s header and the column of each of its fields; a header matching no layout,
        /// or lacking a required column, is an error at the header line.
        private static func columns(of table: CSVTable, file: String) throws(ImportError)
            -> (layout: Layout, map: [Field: Int]) {
            let line = table.headerLine
            guard !table.header.allSatisfy({ $0.trimmed.isEmpty }) else {
                throw ImportError(file: file, line: line, kind: .unknownLayout, reason: "empty file: no header")
            }
            guard let layout = Layout(header: table.header) else {
                throw ImportError(file: file, line: line, kind: .unknownLayout,
                                  reason: "header matches no known layout: \(table.header.joined(separator: ","))")
            }
            let keys = table.header.map(Layout.headerKey)
            var map: [Field: Int] = [:]
            for field in Field.allCases {
                let names = layout.headers(for: field)
                if let index = keys.firstIndex(where: { key in names.contains { Layout.headerKey($0) == key } }) {
                    map[field] = index
                } else if layout.requires(field) {
                    throw ImportError(file: file, line: line, kind: .missingColumn,
                                      reason: "missing required column '\(names[0])' (\(field.label)) of layout \(layout.rawValue)")
                }
            }
            return (layout, map)
        }

        /// The one year (2000–2100) written in `file`'s name, for layouts without a year column.
        static func year(fromFileName file: String, line: Int) throws(ImportError) -> Int {
            let runs = file.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
            let years = Set(runs.compactMap { $0.count == 4 ? Int($0) : nil }.filter { (2000...2100).contains($0) })
            guard years.count == 1, let year = years.first else {
                throw ImportError(file: file, line: line, kind: .missingYear,
                                  reason: "layout has no year column and the file name does not carry exactly one year")
            }
            return year
        }

        /// Imports one data row; nil when the row is skipped (blank, not assessed, or not mapped to a member state).
        private mutating func readRow(_ row: CSVRecord, file: String, columns: [Field: Int], fileYear: Int?)
            throws(ImportError) -> Record? {
            let source = SourceLine(file: file, line: row.line)
            if row.fields.allSatisfy({ $0.trimmed.isEmpty }) {
                report.cleaned[.blankRow, default: 0] += 1
                return nil
            }
            var cells = CellReading(file: file, record: row, columns: columns)
            defer { report.cleaned.merge(cells.cleaned, uniquingKeysWith: +) }
            let year = if let fileYear { fileYear } else { try cells.year() }
            let name = try cells.name()
            if cells.valuesAreBlank {
                report.findings.append(Finding(source: source, kind: .notAssessed,
                                               reason: "\(name) \(year): rank and index cells all blank (not assessed); row skipped"))
                return nil
            }
            let rank = try cells.rank()
            let egdi = try cells.egdi()
            let (osi, hci, tii) = (try cells.index(.osi), try cells.index(.hci), try cells.index(.tii))
            let (epi, losi) = (try cells.index(.epi), try cells.index(.losi))
            let code = columns[.code] == nil ? nil : cells.text(.code)
            guard let state = memberState(name: name, code: code, source: source) else { return nil }

            let key = YearCountry(year: year, alpha3: state.alpha3)
            if let first = seen[key] {
                throw ImportError(file: file, line: row.line, kind: .duplicateCountry,
                                  reason: "duplicate country \(state.alpha3) (\(state.name)) in \(year): '\(name)' already at \(first)")
            }
            seen[key] = source

            let record = Record(year: year, alpha2: state.alpha2, alpha3: state.alpha3, publishedName: name, rank: rank,
                                egdi: egdi, osi: osi, hci: hci, tii: tii, epi: epi, losi: losi, source: source)
            switch UNEGovSurvey.checkConsistency(record) {
            case .consistent: break
            case .uncheckable(let finding): report.findings.append(finding)
            case .inconsistent(let inconsistency): report.inconsistencies.append(inconsistency)
            }
            return record
        }

        /// The member state of a row by its code (when the layout has one) or name, reporting mismatches;
        /// nil when neither maps (the row is skipped).
        private mutating func memberState(name: String, code: String?, source: SourceLine) -> MemberState? {
            let byName = MemberState(name: name)
            if let code, !code.isEmpty {
                if let byCode = MemberState(alpha3: code) {
                    if byName != byCode {
                        let what = byName.map { "is \($0.description)" } ?? "matches no UN member state"
                        report.findings.append(Finding(source: source, kind: .nameNotMatchingCode,
                                                       reason: "name '\(name)' \(what), but code \(code) is \(byCode); kept under \(byCode.alpha3)"))
                    }
                    return byCode
                }
                if let byName {
                    report.findings.append(Finding(source: source, kind: .unknownCode,
                                                   reason: "code '\(code)' is no UN member state's; kept under its name's code \(byName.alpha3)"))
                    return byName
                }
                report.findings.append(Finding(source: source, kind: .unmappedName,
                                               reason: "neither code '\(code)' nor name '\(name)' is a UN member state's; row skipped"))
                return nil
            }
            if let byName { return byName }
            let reason = MemberState.isKnownNonMember(name)
                ? "'\(name)' is not a UN member state (no EGDI); row skipped"
                : "country name '\(name)' matches no UN member state; row skipped"
            report.findings.append(Finding(source: source, kind: .unmappedName, reason: reason))
            return nil
        }
    }
}
