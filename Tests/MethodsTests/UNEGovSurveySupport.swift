import Foundation
import Testing
import Methods

typealias UN = UNEGovSurvey

/// `<repo root>/../shared/data/un-egov-survey`; the repo root is three levels above this file (symlinks resolved).
let unSurveyDataDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/un-egov-survey")

/// The real Survey files, imported once for all tests.
struct UNSurveyRealData: Sendable {
    var records: [UN.Record]
    var report: UN.Report

    static let shared: Result<UNSurveyRealData, UN.ImportError> = {
        do throws(UN.ImportError) {
            let (records, report) = try UN.load(directory: unSurveyDataDirectory)
            return .success(UNSurveyRealData(records: records, report: report))
        } catch {
            return .failure(error)
        }
    }()

    static func get() throws -> UNSurveyRealData { try shared.get() }

    /// The record of `alpha3` in `year`.
    func record(_ alpha3: String, _ year: Int) -> UN.Record? {
        records.first { $0.alpha3 == alpha3 && $0.year == year }
    }
}

/// Writes `files` (name → CSV text) into a new temporary directory, imports it, removes it.
func unImport(_ files: [String: String]) throws(UN.ImportError) -> (records: [UN.Record], report: UN.Report) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("un-egov-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
    } catch {
        Issue.record("cannot write temporary files: \(error)")
    }
    return try UN.load(directory: directory)
}

/// The import error of `files`, or nil (recorded as an issue) when the import succeeds.
func unImportError(_ files: [String: String]) -> UN.ImportError? {
    do throws(UN.ImportError) {
        _ = try unImport(files)
        Issue.record("import succeeded; an error was expected")
        return nil
    } catch {
        return error
    }
}

/// Headers of the three published layouts.
enum UNHeader {
    static let coded = "country-code,country-name,e-gov-rank,e-gov-index,e-pat-index,osi,hci,tii"
    static let long = "Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,"
        + "Online Service Index,Human Capital Index,Telecommunication Infrastructure Index"
    static let short = "Survey Year,Country,Rank,E_Index,E_Participation,Online_Service,Human_Capital,Tele_Infra"
}
