extension EGovBenchmark {
    /// A structural problem in the input that stops the import, reported as `file:line: reason`.
    public typealias ImportError = FileImportError<ImportErrorKind>

    /// What kind of problem stopped the import.
    public enum ImportErrorKind: String, Sendable, Equatable {
        /// File-level: absent, unreadable, not CSV (unclosed quote), header lacks a column.
        case missingFile, unreadableFile, malformedCSV, missingColumn
        /// Row-level: wrong field count, unknown code/name/type, blank label, duplicate landscape row.
        case fieldCount, unknownCountry, unknownLifeEvent, unknownServiceType, missingServiceNumber, duplicateService
        /// An answer row whose (country, life event, service number) is not in the landscape.
        case serviceNotInLandscape
        /// A published results cell that is neither a number, `.` nor empty.
        case unreadableNumber
    }
}
