import Foundation

extension UNEGovSurvey {
    /// Imports every `.csv` file in `directory` (sorted by name; other files ignored), each in the layout
    /// its header shows; records sorted by year and alpha-3 code.
    public static func load(directory: URL) throws(ImportError) -> (records: [Record], report: Report) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ImportError(file: directory.lastPathComponent, line: nil, kind: .noFiles,
                              reason: "cannot list \(directory.path): \(error)")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        guard !files.isEmpty else {
            throw ImportError(file: directory.lastPathComponent, line: nil, kind: .noFiles,
                              reason: "no .csv file in \(directory.path)")
        }
        return try load(files: files.map { directory.appendingPathComponent($0) })
    }

    /// Imports the given CSV files, in order; records sorted by year and alpha-3 code.
    public static func load(files: [URL]) throws(ImportError) -> (records: [Record], report: Report) {
        var surveyImport = SurveyImport()
        for url in files {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ImportError(file: url.lastPathComponent, line: nil, kind: .unreadableFile, reason: "cannot read: \(error)")
            }
            try surveyImport.read(file: url.lastPathComponent, bytes: [UInt8](data))
        }
        return surveyImport.finish()
    }

}
