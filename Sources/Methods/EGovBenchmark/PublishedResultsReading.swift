extension EGovBenchmark.PublishedResults {
    typealias E = EGovBenchmark

    /// The per-service score columns of a results file, by scope.
    static func serviceColumns(_ scope: E.ServiceScope) -> [(E.ServiceMeasure, [String])] {
        switch scope {
        case .national:
            [(.onlineAvailability, ["Online availability"]), (.mobileFriendliness, ["Mobile Friendliness"]),
             (.serviceDelivery, ["Service delivery"]), (.eID, ["eID"]), (.eDocuments, ["eDocuments"]),
             (.prefilledForms, ["Pre-filed forms", "Pre-filled forms"])]
        case .crossBorder:
            [(.onlineAvailability, ["Online availability score"]), (.eID, ["eID score"]),
             (.eDocuments, ["eDocuments score"])]
        }
    }

    /// A published number: `.` or empty is nil, other non-numbers are an error.
    static func number(_ text: String, _ record: CSVRecord, _ reader: E.TableReader,
                       column: String) throws(E.ImportError) -> Double? {
        let (value, reading) = E.Answer.readNumber(text)
        if reading == .unreadable {
            throw reader.error(record, .unreadableNumber, "column '\(column)': '\(text)' is not a number")
        }
        return value
    }

    /// Reads a per-service results file.
    mutating func readServices(_ reader: E.TableReader, scope: E.ServiceScope) throws(E.ImportError) {
        let country = try reader.column("Country")
        let event = try reader.column("Life event")
        let label = try reader.column("Label service", "Service")
        var columns: [(E.ServiceMeasure, Int)] = []
        for (measure, names) in Self.serviceColumns(scope) {
            guard let index = names.lazy.compactMap({ reader.optionalColumn($0) }).first else {
                throw E.ImportError(file: reader.file, line: reader.table.headerLine, kind: .missingColumn,
                                    reason: "missing required column '\(names[0])'")
            }
            columns.append((measure, index))
        }
        var rows = E.RowReading(reader: reader, report: E.ImportReport())
        for record in reader.table.records {
            let key = E.ServiceKey(country: try rows.country(record, column: country),
                                   lifeEvent: try rows.lifeEvent(record, column: event),
                                   number: try rows.serviceNumber(record, column: label))
            for (measure, index) in columns {
                let header = reader.table.header[index]
                serviceCells.append(E.PublishedCell(
                    subject: ServiceSubject(key: key, scope: scope, measure: measure),
                    value: try Self.number(record.fields[index], record, reader, column: header),
                    file: reader.file, line: record.line, column: header))
            }
        }
    }

    /// Reads a score table (`Country`, `Scoring`, then one column per edition column).
    mutating func readScores(_ reader: E.TableReader) throws(E.ImportError) {
        let country = try reader.column("Country")
        let scoring = try reader.column("Scoring")
        var columns: [(E.ScoreColumn, Int)] = []
        for (index, header) in reader.table.header.enumerated() where index != country && index != scoring {
            if let column = E.ScoreColumn(publishedHeader: header) {
                columns.append((column, index))
            } else {
                skipped[reader.file, default: []].append(header)
            }
        }
        var rows = E.RowReading(reader: reader, report: E.ImportReport())
        for record in reader.table.records {
            let code = try rows.country(record, column: country)
            guard let measure = E.Measure(publishedLabel: record.fields[scoring]) else {
                skipped[reader.file, default: []].append("row '\(record.fields[scoring])' (line \(record.line))")
                continue
            }
            for (column, index) in columns {
                let header = reader.table.header[index]
                scoreCells.append(E.PublishedCell(
                    subject: ScoreSubject(country: code, column: column, measure: measure),
                    value: try Self.number(record.fields[index], record, reader, column: header),
                    file: reader.file, line: record.line, column: header))
            }
        }
    }
}
