extension EGovBenchmark.Importer {
    typealias E = EGovBenchmark

    /// The cells every service answer row shares, checked against the landscape.
    private struct ServiceColumns {
        let country, event, label: Int
        let url, year, type, level: Int?

        init(_ reader: E.TableReader) throws(E.ImportError) {
            country = try reader.column("Country")
            event = try reader.column("Life event")
            label = try reader.column("Service", "Label service")
            url = reader.optionalColumn("Url")
            year = reader.optionalColumn("Year data collection")
            type = reader.optionalColumn("Type", "Service type")
            level = reader.optionalColumn("Government level")
        }
    }

    /// Per-file state while reading answer rows: duplicate-URL detection.
    private struct URLTracker {
        var seen: Set<[String]> = []

        /// Counts placeholder and duplicate URL rows.
        mutating func track(_ url: String, key: E.ServiceKey, rows: inout E.RowReading) {
            let text = url.trimmed.lowercased()
            if text == "not applicable" || text == "proactive" {
                rows.report.add(.placeholderRow, in: rows.file)
            } else if !text.isEmpty, !seen.insert([key.description, text]).inserted {
                rows.report.add(.duplicateURLRow, in: rows.file)
            }
        }
    }

    /// Reads a row's service key, requires it in the landscape and counts label/level/type disagreements.
    private static func service(_ record: CSVRecord, _ c: ServiceColumns, landscape: [E.ServiceKey: E.LandscapeService],
                                rows: inout E.RowReading) throws(E.ImportError) -> E.ServiceKey {
        let f = record.fields
        let event = try rows.lifeEvent(record, column: c.event)
        let key = E.ServiceKey(country: try rows.country(record, column: c.country), lifeEvent: event,
                               number: try rows.serviceNumber(record, column: c.label))
        guard let service = landscape[key] else {
            throw rows.reader.error(record, .serviceNotInLandscape,
                                    "service \(key) ('\(f[c.label].trimmed)') is not in the landscape")
        }
        rows.checkYear(record, column: c.year, event: event)
        if f[c.label].trimmed != service.label { rows.report.add(.damagedLabel, in: rows.file) }
        if let level = c.level, E.GovernmentLevel(name: f[level]) != service.flags.level {
            rows.report.add(.governmentLevelDisagreement, in: rows.file)
        }
        if let type = c.type, E.ServiceType(name: f[type]) != service.flags.type {
            rows.report.add(.serviceTypeDisagreement, in: rows.file)
        }
        return key
    }

    /// Reads the national service answers, one row per assessed URL.
    static func nationalAnswers(_ reader: E.TableReader, landscape: [E.ServiceKey: E.LandscapeService],
                                report: inout E.ImportReport) throws(E.ImportError) -> [E.ServiceKey: [E.NationalAnswerRow]] {
        let c = try ServiceColumns(reader)
        let questions = try reader.questionColumns(E.NationalQuestion.self)
        let mobile = try reader.column("Mobile Friendliness")
        var rows = E.RowReading(reader: reader, report: report)
        defer { report = rows.report }
        var urls = URLTracker()
        var result: [E.ServiceKey: [E.NationalAnswerRow]] = [:]
        for record in reader.table.records {
            let key = try service(record, c, landscape: landscape, rows: &rows)
            let url = c.url.map { record.fields[$0] } ?? ""
            urls.track(url, key: key, rows: &rows)
            result[key, default: []].append(E.NationalAnswerRow(
                line: record.line, url: url, answers: rows.answers(record, columns: questions),
                mobileFriendliness: rows.number(record, column: mobile)))
        }
        return result
    }

    /// Reads the cross-border service answers, one row per assessed URL.
    static func crossBorderAnswers(_ reader: E.TableReader, landscape: [E.ServiceKey: E.LandscapeService],
                                   report: inout E.ImportReport) throws(E.ImportError) -> [E.ServiceKey: [E.CrossBorderAnswerRow]] {
        let c = try ServiceColumns(reader)
        let questions = try reader.questionColumns(E.CrossBorderQuestion.self)
        var rows = E.RowReading(reader: reader, report: report)
        defer { report = rows.report }
        var urls = URLTracker()
        var result: [E.ServiceKey: [E.CrossBorderAnswerRow]] = [:]
        for record in reader.table.records {
            let key = try service(record, c, landscape: landscape, rows: &rows)
            let url = c.url.map { record.fields[$0] } ?? ""
            urls.track(url, key: key, rows: &rows)
            result[key, default: []].append(E.CrossBorderAnswerRow(
                line: record.line, url: url, answers: rows.answers(record, columns: questions)))
        }
        return result
    }
}
