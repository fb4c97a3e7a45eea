import Testing
import Methods

/// The method doc: every published EGDI equals mean(OSI, HCI, TII) to ±0.0001. True from 2014 on; the
/// exceptions in 2010 and 2012 are listed in the report and explained.
@Suite struct UNEGovSurveyConsistencyTests {
    @Test(arguments: [2014, 2016, 2018, 2022, 2024])
    func everyEGDIIsTheMeanOfItsComponents(_ year: Int) throws {
        let data = try UNSurveyRealData.get()
        let records = data.records.filter { $0.year == year }
        #expect(records.count == 193)
        for record in records {
            let mean = try #require(record.componentMean, "\(record.source)")
            #expect(abs(record.egdi - mean) <= 0.0001, "\(record.source)")
        }
        #expect(!data.report.inconsistencies.contains { $0.year == year })
        #expect(!data.report.findings.contains { $0.source.file.contains("\(year)") })
    }

    @Test func exceptionsAreListedAndExplained() throws {
        let report = try UNSurveyRealData.get().report
        #expect(report.inconsistencies.count == 179)
        #expect(report.inconsistencies.allSatisfy { $0.explanation != nil })
        // 2010: 176 of the 183 records with all three components; each fits 0.34·OSI + 0.33·HCI + 0.33·TII.
        let y2010 = report.inconsistencies.filter { $0.year == 2010 }
        #expect(y2010.count == 176)
        #expect(y2010.allSatisfy { $0.explanation == .weightedOSI })
        #expect(y2010.allSatisfy { $0.difference < 0.004 })
        // 2012: EGDI published as 0 with OSI 0 for Libya, Central African Republic, Guinea (rank 191).
        let y2012 = report.inconsistencies.filter { $0.year == 2012 }
        #expect(y2012.map(\.alpha3) == ["LBY", "CAF", "GIN"])
        #expect(y2012.allSatisfy { $0.explanation == .publishedZero && $0.egdi == 0 })
        #expect(y2012.map(\.source.description) == ["egdi-2012.csv:19", "egdi-2012.csv:108", "egdi-2012.csv:137"])
    }

    @Test func albania2010IsListedWithItsFigures() throws {
        // egdi-2010.csv:38  ALB,Albania,85.0,0.45192,0.12857000000000002,0.31111,0.886,0.16293
        let report = try UNSurveyRealData.get().report
        let albania = try #require(report.inconsistencies.first { $0.alpha3 == "ALB" })
        #expect(albania.year == 2010 && albania.egdi == 0.45192)
        let (osi, hci, tii): (Double, Double, Double) = (0.31111, 0.886, 0.16293)
        let mean: Double = (osi + hci + tii) / 3
        let weighted: Double = 0.34 * osi + 0.33 * hci + 0.33 * tii
        #expect(abs(albania.componentMean - mean) < 1e-12)
        #expect(abs(0.45192 - weighted) <= 0.0001)
        #expect(albania.description.hasPrefix("egdi-2010.csv:38: ALB 2010: EGDI 0.45192"))
    }

    @Test func recordsWithoutAllComponentsAreListedAsUncheckable() throws {
        // egdi-2010.csv: rank 184.0, EGDI 0.0 and HCI (and for NRU, PRK also TII) blank.
        let report = try UNSurveyRealData.get().report
        let uncheckable = report.findings(.consistencyUncheckable)
        #expect(uncheckable.map(\.source.line) == [11, 29, 34, 35, 49, 118, 147, 170, 187])
        #expect(uncheckable.allSatisfy { $0.source.file == "egdi-2010.csv" })
        #expect(uncheckable.first?.description == "egdi-2010.csv:11: KIR 2010: HCI blank, EGDI 0.0 not checkable")
    }

    @Test func exactlyTheToleranceIsConsistent() throws {
        let header = UNHeader.short
        // mean(0.5, 0.5, 0.5) = 0.5: EGDI 0.5001 is at the tolerance, 0.50011 beyond it.
        let (_, report) = try unImport(["t.csv": """
            \(header)
            2024,Albania,1,0.50010,0.5,0.5,0.5,0.5
            2024,Serbia,2,0.50011,0.5,0.5,0.5,0.5
            2024,Montenegro,3,0.49990,0.5,0.5,0.5,0.5
            """])
        #expect(report.inconsistencies.map(\.alpha3) == ["SRB"])
        #expect(report.inconsistencies.first?.explanation == nil)
        #expect(report.inconsistencies.first?.description.hasPrefix("t.csv:3: SRB 2024: EGDI 0.50011") == true)
    }
}
