extension EGovBenchmark {
    /// Reads the common cells of a row, counting deviations (importer internals).
    struct RowReading {
        let reader: TableReader
        var report: ImportReport

        var file: String { reader.file }

        /// The row's country; unknown codes are an error, aliases are counted.
        mutating func country(_ record: CSVRecord, column: Int) throws(ImportError) -> CountryCode {
            let text = record.fields[column]
            guard let code = CountryCode(text) else {
                throw reader.error(record, .unknownCountry, "unknown country code '\(text)'")
            }
            if CountryCode.aliases[text.trimmed.uppercased()] != nil { report.add(.countryAlias, in: file) }
            return code
        }

        /// The row's life event; unknown names are an error.
        func lifeEvent(_ record: CSVRecord, column: Int) throws(ImportError) -> LifeEvent {
            let text = record.fields[column]
            guard let event = LifeEvent(name: text) else {
                throw reader.error(record, .unknownLifeEvent, "unknown life event '\(text)'")
            }
            return event
        }

        /// The service number of the row's label; a blank label is an error.
        func serviceNumber(_ record: CSVRecord, column: Int) throws(ImportError) -> String {
            guard let number = ServiceKey.number(ofLabel: record.fields[column]) else {
                throw reader.error(record, .missingServiceNumber, "service label is empty, no service number")
            }
            return number
        }

        /// Counts a year cell that disagrees with the life event's year.
        mutating func checkYear(_ record: CSVRecord, column: Int?, event: LifeEvent) {
            guard let column else { return }
            if Int(record.fields[column].trimmed) != event.year { report.add(.yearMismatch, in: file) }
        }

        /// Reads the answers of a question set from `columns`, counting non-canonical cells.
        mutating func answers<Q: QuestionColumn>(_ record: CSVRecord, columns: [Int]) -> AnswerSheet<Q> {
            var sheet = AnswerSheet<Q>()
            for question in Q.allCases {
                let (answer, reading) = Answer.read(record.fields[columns[question.rawValue]])
                sheet[question] = answer
                switch reading {
                case .canonical: break
                case .padded: report.add(.cellPadded, in: file)
                case .caseVariant: report.add(.answerCaseVariant, in: file)
                case .empty: report.add(.answerEmpty, in: file)
                case .dot: report.add(.answerDot, in: file)
                case .unreadable: report.add(.answerUnreadable, in: file)
                }
            }
            return sheet
        }

        /// Reads a numeric cell, counting empty, `.` and unreadable cells.
        mutating func number(_ record: CSVRecord, column: Int) -> Double? {
            let (number, reading) = Answer.readNumber(record.fields[column])
            switch reading {
            case .canonical, .caseVariant: break
            case .padded: report.add(.cellPadded, in: file)
            case .empty: report.add(.numberEmpty, in: file)
            case .dot: report.add(.numberDot, in: file)
            case .unreadable: report.add(.numberUnreadable, in: file)
            }
            return number
        }
    }
}
