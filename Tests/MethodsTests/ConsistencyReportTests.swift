import Foundation
import Testing
@testable import Methods

@Suite("Consistency report: published cells the recomputation does not give")
struct ConsistencyReportTests {
    @Test("Albania: nothing to report over all 1040 published cells of this edition")
    func albania() throws {
        let report = try E.consistencyReport(from: benchmarkDataDirectory)
        #expect(report.discrepancies.isEmpty, "\(report)")
        #expect(report.comparedCells == 92 * 6 + 55 * 3 + 19 * 17)
        #expect(report.skipped["scores-AL.csv"]?.count == 30)
    }

    /// Rewrites `record`'s line with every field quoted (line count unchanged when no field has a newline).
    static func line(_ fields: [String]) -> String {
        fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    /// Copies a published file into `directory`, changing one cell.
    static func copy(_ name: String, to directory: URL, row: (CSVRecord) -> Bool, column: String, value: String) throws {
        let data = try Data(contentsOf: benchmarkDataDirectory.appendingPathComponent(name))
        let table = try CSVTable(parsing: [UInt8](data))
        let index = try #require(table.header.firstIndex(of: column))
        var lines = [line(table.header)]
        for record in table.records {
            var fields = record.fields
            if row(record) { fields[index] = value }
            lines.append(line(fields))
        }
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: directory.appendingPathComponent(name))
    }

    @Test("Changed published cells are listed with file:line, for any country's files")
    func tamperedCopies() throws {
        let results = try RealData.get().results
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Health (2021) 3.2 eDocuments is "." (no score): publish 0 instead, as in the TR contradiction.
        try Self.copy("scores-AL.csv", to: directory, row: { $0.fields[1] == "3.2 eDocuments" },
                      column: "Health (2021)", value: "0")
        // Business Start-up 2.1 eID: published 100 (line 5); publish 1 instead.
        try Self.copy("national-services-results-AL.csv", to: directory,
                      row: { $0.fields[1] == "Business Start-up" && $0.fields[2].hasPrefix("2.1 ") },
                      column: "eID", value: "1")
        // Cross-border results untouched, but named for another country code: still read.
        try Self.copy("cross-border-services-results-AL.csv", to: directory, row: { _ in false },
                      column: "eID score", value: "")
        try FileManager.default.moveItem(at: directory.appendingPathComponent("cross-border-services-results-AL.csv"),
                                         to: directory.appendingPathComponent("cross-border-services-results-XX.csv"))
        let published = try E.PublishedResults.load(from: directory)
        #expect(published.files.count == 3)
        let report = E.ConsistencyReport(results: results, published: published)
        #expect(report.comparedCells == 92 * 6 + 55 * 3 + 19 * 17)
        #expect(report.discrepancies.map(\.description) == [
            "national-services-results-AL.csv:5: AL Business Start-up 2.1 national eID: published 1.0, recomputed 100.0",
            "scores-AL.csv:13: AL 3.2 eDocuments, Health (2021): published 0.0, recomputed no score",
        ])
    }
}
