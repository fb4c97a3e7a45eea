extension EGovBenchmark.Importer {
    /// Reads the national portal answers, grouped by (country, life event).
    static func nationalPortals(_ reader: E.TableReader, report: inout E.ImportReport)
        throws(E.ImportError) -> [E.LifeEventKey: [E.NationalPortalRow]]
    {
        let country = try reader.column("Country")
        let event = try reader.column("Life event")
        let year = reader.optionalColumn("Year data collection")
        let questions = try reader.questionColumns(E.NationalPortalQuestion.self)
        let d1 = try reader.questionColumn("D1"), d5 = try reader.questionColumn("D5")
        var rows = E.RowReading(reader: reader, report: report)
        defer { report = rows.report }
        var result: [E.LifeEventKey: [E.NationalPortalRow]] = [:]
        for record in reader.table.records {
            let lifeEvent = try rows.lifeEvent(record, column: event)
            let key = E.LifeEventKey(country: try rows.country(record, column: country), lifeEvent: lifeEvent)
            rows.checkYear(record, column: year, event: lifeEvent)
            result[key, default: []].append(E.NationalPortalRow(
                line: record.line, answers: rows.answers(record, columns: questions),
                d1: rows.number(record, column: d1), d5: rows.number(record, column: d5)))
        }
        return result
    }

    /// Reads the cross-border portal answers, grouped by (country, life event).
    static func crossBorderPortals(_ reader: E.TableReader, report: inout E.ImportReport)
        throws(E.ImportError) -> [E.LifeEventKey: [E.CrossBorderPortalRow]]
    {
        let country = try reader.column("Country")
        let event = try reader.column("Life event")
        let year = reader.optionalColumn("Year data collection")
        let questions = try reader.questionColumns(E.CrossBorderPortalQuestion.self)
        var rows = E.RowReading(reader: reader, report: report)
        defer { report = rows.report }
        var result: [E.LifeEventKey: [E.CrossBorderPortalRow]] = [:]
        for record in reader.table.records {
            let lifeEvent = try rows.lifeEvent(record, column: event)
            let key = E.LifeEventKey(country: try rows.country(record, column: country), lifeEvent: lifeEvent)
            rows.checkYear(record, column: year, event: lifeEvent)
            result[key, default: []].append(E.CrossBorderPortalRow(
                line: record.line, answers: rows.answers(record, columns: questions)))
        }
        return result
    }
}
