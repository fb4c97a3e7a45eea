import Testing
import Methods

/// Structural problems stop the import with `file:line: reason`; unknown names are reported mismatches.
@Suite struct UNEGovSurveyBadInputTests {
    static let albania2024 = "2024,Albania ,62,0.80000,0.72600,0.81441,0.81059,0.77497"
    static let serbia2024 = "2024,Serbia,39,0.86184,0.89040,0.85397,0.80941,0.92206"

    @Test func missingRequiredColumn() throws {
        let header = UNHeader.short.replacingOccurrences(of: ",Tele_Infra", with: "")
        let error = try #require(unImportError(["egov-data-2024.csv": "\(header)\n2024,Albania,62,0.8,0.7,0.8,0.8\n"]))
        #expect(error.kind == .missingColumn)
        #expect(error.description
            == "egov-data-2024.csv:1: missing required column 'Tele_Infra' (TII) of layout dataCenterShortNames")
    }

    @Test func missingEPIColumnIsNotAnError() throws {
        let header = UNHeader.long.replacingOccurrences(of: ",E-Participation Index", with: "")
        let (records, report) = try unImport(["a.csv": "\(header)\n2022,Albania ,63,0.74130,0.81820,0.80220,0.60370\n"])
        #expect(records.count == 1 && records[0].epi == nil && records[0].egdi == 0.74130)
        #expect(report.findings.isEmpty)
    }

    @Test func unknownLayout() throws {
        let error = try #require(unImportError(["egdi-2018.csv": "Country,Score\nAlbania,0.65\n"]))
        #expect(error.kind == .unknownLayout)
        #expect(error.description == "egdi-2018.csv:1: header matches no known layout: Country,Score")
        let empty = try #require(unImportError(["empty.csv": ""]))
        #expect(empty.kind == .unknownLayout)
        #expect(empty.description == "empty.csv:1: empty file: no header")
    }

    @Test func badNumber() throws {
        let error = try #require(unImportError(["x.csv": """
            \(UNHeader.short)
            \(Self.albania2024)
            2024,Serbia,39,0.86184,0.89040,0.8539x,0.80941,0.92206
            """]))
        #expect(error.kind == .badNumber)
        #expect(error.description == "x.csv:3: OSI '0.8539x' is not a number")
        let rank = try #require(unImportError(["x.csv": "\(UNHeader.short)\n2024,Serbia,39.5,0.86184,0.8,0.85397,0.80941,0.92206"]))
        #expect(rank.description == "x.csv:2: rank '39.5' is not a whole number")
        let nan = try #require(unImportError(["x.csv": "\(UNHeader.short)\n2024,Serbia,39,nan,0.8,0.85397,0.80941,0.92206"]))
        #expect(nan.description == "x.csv:2: EGDI 'nan' is not a number")
        let year = try #require(unImportError(["x.csv": "\(UNHeader.short)\n20x4,Serbia,39,0.8,0.8,0.8,0.8,0.8"]))
        #expect(year.description == "x.csv:2: year '20x4' is not a Survey year")
    }

    @Test func outOfRangeAndMissingEGDI() throws {
        let range = try #require(unImportError(["x.csv": "\(UNHeader.short)\n2024,Serbia,39,1.2,0.8,0.8,0.8,0.8"]))
        #expect(range.kind == .outOfRange)
        #expect(range.description == "x.csv:2: EGDI 1.2 is outside [0, 1]")
        let blank = try #require(unImportError(["x.csv": "\(UNHeader.short)\n2024,Serbia,39,,0.8,0.8,0.8,0.8"]))
        #expect(blank.kind == .missingValue)
        #expect(blank.description == "x.csv:2: EGDI is blank while other values are present")
        let name = try #require(unImportError(["x.csv": "\(UNHeader.short)\n2024, ,39,0.8,0.8,0.8,0.8,0.8"]))
        #expect(name.description == "x.csv:2: country name is blank")
    }

    @Test func duplicateCountryInOneFile() throws {
        let error = try #require(unImportError(["d.csv": """
            \(UNHeader.short)
            \(Self.albania2024)
            \(Self.serbia2024)
            2024,ALBANIA,62,0.80000,0.72600,0.81441,0.81059,0.77497
            """]))
        #expect(error.kind == .duplicateCountry)
        #expect(error.description == "d.csv:4: duplicate country ALB (Albania) in 2024: 'ALBANIA' already at d.csv:2")
    }

    @Test func duplicateCountryAcrossFilesAndLayouts() throws {
        let error = try #require(unImportError([
            "a-2018.csv": "\(UNHeader.coded)\nALB,Albania,74,0.6519,0.7584,0.7361,0.7877,0.4318\n",
            "b.csv": "\(UNHeader.long)\n2018,Albania,74,0.6519,0.7584,0.7361,0.7877,0.4318\n",
        ]))
        #expect(error.kind == .duplicateCountry)
        #expect(error.description == "b.csv:2: duplicate country ALB (Albania) in 2018: 'Albania' already at a-2018.csv:2")
    }

    @Test func fieldCountAndMalformedCSV() throws {
        let count = try #require(unImportError(["f.csv": "\(UNHeader.short)\n2024,Serbia,39,0.8,0.8\n"]))
        #expect(count.kind == .fieldCount)
        #expect(count.description == "f.csv:2: expected 8 fields as in the header, found 5")
        let quote = try #require(unImportError(["q.csv": "\(UNHeader.short)\n\(Self.albania2024)\n2024,\"Serbia,39\n"]))
        #expect(quote.kind == .malformedCSV)
        #expect(quote.description == "q.csv:3: quoted field is never closed")
    }

    @Test func layoutWithoutYearNeedsAYearInTheFileName() throws {
        let error = try #require(unImportError(["egdi.csv": "\(UNHeader.coded)\nALB,Albania,74,0.6519,0.7584,0.7361,0.7877,0.4318\n"]))
        #expect(error.kind == .missingYear)
        #expect(error.description
            == "egdi.csv:1: layout has no year column and the file name does not carry exactly one year")
    }

    @Test func layoutComesFromTheHeaderNotTheFileName() throws {
        let (records, report) = try unImport([
            "egov-data-2024.csv": "\(UNHeader.coded)\nALB,Albania,74,0.6519,0.7584,0.7361,0.7877,0.4318\n",
            "egdi-2016.csv": "\(UNHeader.short)\n\(Self.serbia2024)\n",
        ])
        // Read in name order: egdi-2016.csv (2024 layout, year from its column), then egov-data-2024.csv
        // (2010–2018 layout, year from the name).
        #expect(report.files.map(\.layout) == [.dataCenterShortNames, .codedIndices])
        #expect(records.map { "\($0.year) \($0.alpha3) \($0.egdi)" } == ["2024 ALB 0.6519", "2024 SRB 0.86184"])
    }

    @Test func dirtyCellsAreCleanedAndCounted() throws {
        let (records, report) = try unImport(["c-2012.csv": """
            \(UNHeader.coded)
            ALB,  Albania  ,86.0, 0.5160600000000001 ,0.1053,0.42483000000000004,0.78632,0.33702
            SSD,South Sudan,,,,,,
            ,,,,,,,
            """])
        let albania = try #require(records.first)
        #expect(records.count == 1)
        #expect(albania.publishedName == "Albania" && albania.rank == 86 && albania.egdi == 0.5160600000000001)
        #expect(report.cleaned == [.nameWhitespace: 1, .numberWhitespace: 1, .decimalRank: 1, .blankRow: 1])
        #expect(report.findings.map(\.description)
            == ["c-2012.csv:3: South Sudan 2012: rank and index cells all blank (not assessed); row skipped"])
    }

    @Test func unknownCountryNameIsAReportedMismatch() throws {
        let (records, report) = try unImport(["m.csv": """
            \(UNHeader.short)
            \(Self.albania2024)
            2024,Kosovo,90,0.7,0.6,0.7,0.7,0.7
            2024,Atlantis ,91,0.7,0.6,0.7,0.7,0.7
            \(Self.serbia2024)
            """])
        #expect(records.map(\.alpha3) == ["ALB", "SRB"])
        #expect(report.mismatches.map(\.kind) == [.unmappedName, .unmappedName])
        #expect(report.mismatches.map(\.description) == [
            "m.csv:3: 'Kosovo' is not a UN member state (no EGDI); row skipped",
            "m.csv:4: country name 'Atlantis' matches no UN member state; row skipped",
        ])
    }

    @Test func codeAndNameDisagreementsAreReportedMismatches() throws {
        let (records, report) = try unImport(["egdi-2018.csv": """
            \(UNHeader.coded)
            ALB,Albanja,74,0.6519,0.7584,0.7361,0.7877,0.4318
            SRB,Montenegro,49,0.7155,0.8146,0.7361,0.7896,0.6208
            XYZ,Bosnia and Herzegovina,105,0.5303,0.4326,0.4306,0.7217,0.4385
            XKX,Kosovo,90,0.7,0.6,0.7,0.7,0.7
            ,North Macedonia,79,0.6312,0.7022,0.7153,0.6924,0.4859
            """])
        #expect(records.map(\.alpha3) == ["ALB", "BIH", "MKD", "SRB"])
        #expect(records.first { $0.alpha3 == "ALB" }?.publishedName == "Albanja")
        #expect(report.mismatches.map(\.kind) == [.nameNotMatchingCode, .nameNotMatchingCode, .unknownCode, .unmappedName])
        #expect(report.mismatches.map(\.description) == [
            "egdi-2018.csv:2: name 'Albanja' matches no UN member state, but code ALB is Albania (ALB); kept under ALB",
            "egdi-2018.csv:3: name 'Montenegro' is Montenegro (MNE), but code SRB is Serbia (SRB); kept under SRB",
            "egdi-2018.csv:4: code 'XYZ' is no UN member state's; kept under its name's code BIH",
            "egdi-2018.csv:5: neither code 'XKX' nor name 'Kosovo' is a UN member state's; row skipped",
        ])
    }

    @Test func aDirectoryWithoutCSVFilesIsAnError() throws {
        let error = try #require(unImportError(["readme.txt": "nothing"]))
        #expect(error.kind == .noFiles)
        #expect(error.line == nil)
    }
}
