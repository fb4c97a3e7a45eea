extension UNEGovSurvey {
    /// One country in one Survey edition, values as published.
    public struct Record: Sendable, Equatable {
        /// The Survey edition (year).
        public var year: Int
        /// ISO 3166-1 alpha-2 code, e.g. `AL`.
        public var alpha2: String
        /// ISO 3166-1 alpha-3 code, e.g. `ALB`.
        public var alpha3: String
        /// The country name as published, with surrounding whitespace removed and inner runs of
        /// whitespace collapsed to one space (spelling kept: `Türkiye`, `Georgia (Country)`).
        public var publishedName: String
        /// The EGDI rank; nil when the cell is blank.
        public var rank: Int?
        /// E-Government Development Index.
        public var egdi: Double
        /// Online Service Index; nil when the cell is blank.
        public var osi: Double?
        /// Human Capital Index; nil when the cell is blank.
        public var hci: Double?
        /// Telecommunication Infrastructure Index; nil when the cell is blank.
        public var tii: Double?
        /// E-Participation Index; nil when the cell is blank or the file has no EPI column.
        public var epi: Double?
        /// Local Online Service Index; nil when the cell is blank or the file has no LOSI column.
        public var losi: Double?
        /// Where the record was read from.
        public var source: SourceLine

        /// Creates a record.
        public init(year: Int, alpha2: String, alpha3: String, publishedName: String, rank: Int?, egdi: Double,
                    osi: Double?, hci: Double?, tii: Double?, epi: Double?, losi: Double? = nil,
                    source: SourceLine) {
            self.year = year
            self.alpha2 = alpha2
            self.alpha3 = alpha3
            self.publishedName = publishedName
            self.rank = rank
            self.egdi = egdi
            self.osi = osi
            self.hci = hci
            self.tii = tii
            self.epi = epi
            self.losi = losi
            self.source = source
        }

        /// mean(OSI, HCI, TII); nil when a component is missing.
        public var componentMean: Double? {
            guard let osi, let hci, let tii else { return nil }
            return (osi + hci + tii) / 3
        }

        /// The EGDI level band of the record.
        public var level: Level? { Level(egdi: egdi) }
    }

    /// A 1-based physical line of a named input file.
    public struct SourceLine: Sendable, Hashable, CustomStringConvertible {
        /// The file name (without directory).
        public var file: String
        /// The 1-based physical line.
        public var line: Int

        /// Creates a source line.
        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }

        /// `file:line`.
        public var description: String { "\(file):\(line)" }
    }
}
