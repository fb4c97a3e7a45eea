// Imports the UN E-Government Survey files: all or nothing; importing the same files again changes nothing.
import Kernel
import Fluent
import Foundation
import Methods

enum SurveyImport {
    struct Outcome: Sendable {
        var added: Int
        var updated: Int
        var unchanged: Int
        var report: UNEGovSurvey.Report
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static func run(directory: URL, on database: Database) async throws -> Outcome {
        let records: [UNEGovSurvey.Record]
        let report: UNEGovSurvey.Report
        do {
            (records, report) = try UNEGovSurvey.load(directory: directory)
        } catch {
            throw Refused(description: error.description)
        }
        return try await database.transaction { database in
            var existing: [String: SurveyRecord] = [:]
            for row in try await SurveyRecord.query(on: database).all() { existing["\(row.year) \(row.alpha3)"] = row }
            var added = 0, updated = 0, unchanged = 0
            var fresh: [SurveyRecord] = []
            for record in records {
                if let row = existing["\(record.year) \(record.alpha3)"] {
                    if row.apply(record) {
                        try await row.save(on: database)
                        updated += 1
                    } else {
                        unchanged += 1
                    }
                } else {
                    let row = SurveyRecord()
                    _ = row.apply(record)
                    fresh.append(row)
                    added += 1
                }
            }
            try await EditionWriter.insert(fresh, on: database)
            return Outcome(added: added, updated: updated, unchanged: unchanged, report: report)
        }
    }
}
