import Testing
import Methods

/// Every published file imports, each in its layout, with all member states of every year.
@Suite struct UNEGovSurveyImportTests {
    @Test func everyFileImportsInTheLayoutOfItsHeader() throws {
        let report = try UNSurveyRealData.get().report
        let layouts = Dictionary(uniqueKeysWithValues: report.files.map { ($0.file, $0.layout) })
        #expect(layouts == [
            "egdi-2010.csv": .codedIndices, "egdi-2012.csv": .codedIndices, "egdi-2014.csv": .codedIndices,
            "egdi-2016.csv": .codedIndices, "egdi-2018.csv": .codedIndices,
            "egov-data-2022.csv": .dataCenterLongNames, "egov-data-2024.csv": .dataCenterShortNames,
        ])
        for file in report.files {
            #expect(file.rows == 193, "\(file.file)")
        }
    }

    @Test func theFilesHoldSevenEditionsWithout2020() throws {
        let report = try UNSurveyRealData.get().report
        #expect(report.recordsPerYear.keys.sorted() == [2010, 2012, 2014, 2016, 2018, 2022, 2024])
    }

    @Test func eachYearHasItsMemberStates() throws {
        let data = try UNSurveyRealData.get()
        // 2010: 193 rows, but South Sudan (a member only from July 2011) has no values; the others have 193.
        #expect(data.report.recordsPerYear == [2010: 192, 2012: 193, 2014: 193, 2016: 193, 2018: 193, 2022: 193, 2024: 193])
        #expect(data.report.findings(.notAssessed).map(\.description)
            == ["egdi-2010.csv:181: South Sudan 2010: rank and index cells all blank (not assessed); row skipped"])
        #expect(data.record("SSD", 2010) == nil)
        #expect(data.record("SSD", 2012) != nil)
        let all = Set(UN.MemberState.all.map(\.alpha3))
        for (year, count) in data.report.recordsPerYear {
            let codes = data.records.filter { $0.year == year }.map(\.alpha3)
            #expect(Set(codes).count == count, "duplicates in \(year)")
            #expect(Set(codes).isSubset(of: all))
        }
    }

    @Test(arguments: [2010, 2012, 2014, 2016, 2018, 2022, 2024])
    func westernBalkanCountriesInEveryYear(_ year: Int) throws {
        let data = try UNSurveyRealData.get()
        for (alpha3, alpha2) in [("ALB", "AL"), ("BIH", "BA"), ("MNE", "ME"), ("MKD", "MK"), ("SRB", "RS")] {
            let record = try #require(data.record(alpha3, year), "\(alpha3) \(year)")
            #expect(record.alpha2 == alpha2)
            #expect(record.rank != nil)
            #expect(record.osi != nil && record.hci != nil && record.tii != nil && record.epi != nil)
        }
    }

    @Test func kosovoIsNotImported() throws {
        let data = try UNSurveyRealData.get()
        #expect(!data.records.contains { $0.alpha2 == "XK" || $0.alpha3 == "XKX" || $0.publishedName.contains("Kosovo") })
        #expect(!data.report.findings.contains { $0.reason.contains("Kosovo") })
    }

    @Test func everyNameIsMapped() throws {
        let data = try UNSurveyRealData.get()
        #expect(data.report.mismatches.isEmpty, "\(data.report.mismatches)")
        for record in data.records {
            #expect(UN.MemberState(name: record.publishedName)?.alpha3 == record.alpha3, "\(record.source)")
        }
    }

    @Test func cleaningIsReported() throws {
        let cleaned = try UNSurveyRealData.get().report.cleaned
        // 2022 and 2024: 175 names each with a trailing space; 2010: 192 ranks like `85.0`;
        // 2010: 10 HCI and 3 TII cells blank, less South Sudan's 2 (row skipped).
        #expect(cleaned == [.nameWhitespace: 350, .decimalRank: 192, .blankValue: 11])
        let data = try UNSurveyRealData.get()
        #expect(data.records.allSatisfy { $0.publishedName == UN.collapsedWhitespace($0.publishedName) })
        #expect(data.records.allSatisfy { $0.losi == nil })
    }

    @Test func recordsAreSortedByYearAndCode() throws {
        let records = try UNSurveyRealData.get().records
        #expect(records.map { "\($0.year) \($0.alpha3)" } == records.map { "\($0.year) \($0.alpha3)" }.sorted())
    }
}
