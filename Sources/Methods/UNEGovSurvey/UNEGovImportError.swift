extension UNEGovSurvey {
    /// A structural problem in the input that stops the import, reported as `file:line: reason`.
    public typealias ImportError = FileImportError<ImportErrorKind>

    /// What kind of problem stopped the import.
    public enum ImportErrorKind: String, Sendable, Equatable {
        /// The directory has no `.csv` file, or cannot be listed.
        case noFiles
        /// A file cannot be read.
        case unreadableFile
        /// A file is not CSV (a quoted field is never closed).
        case malformedCSV
        /// The header matches no known layout (or the file is empty).
        case unknownLayout
        /// The header lacks a column its layout requires.
        case missingColumn
        /// A row has another number of fields than the header.
        case fieldCount
        /// The layout has no year column and the file name carries no single year.
        case missingYear
        /// A required cell (year, country name, EGDI) is blank in a row that has values.
        case missingValue
        /// A number cell that is not a number (or a rank/year that is not a whole number).
        case badNumber
        /// An index outside [0, 1] or a rank below 1.
        case outOfRange
        /// The same country twice in one year.
        case duplicateCountry
    }
}
