import Foundation
import Testing
@testable import Methods

/// Six small input files, written to a temporary directory.
struct MiniData {
    typealias F = EGovBenchmarkDataset.FileName

    static let nationalQuestions = "A1: info?,A2: online?,A3: portal?,C1: x,C2: x,C3: x,C4: x,C5: x,C6: x,C7: x,"
        + "F1: auth?,F2: x,F3: x,F4: x,F6: x,F7_1: x,F7_2: x,F8: x,F9: x,Mobile Friendliness"
    static let landscapeHeader = "Country,Life event,Label service,Definition,Service type,National or cross-border,"
        + "Year data collection,Applicable,Proactive,Government level"
    static let serviceHeader = "ID,Country,Life event,Service,Definition,Type,Targer,Government level,"
        + "Year data collection,Service Provider,Url,"

    var files: [String: String] = [
        F.nationalLandscape: landscapeHeader + "\r\n"
            + "AL,Business Start-up,2.1 Obtain certificate,\"def, with\nnewline\",Transactional,National,2022,Yes,No,Central\r\n"
            + "AL,Economic,1.1 Check things,d,Informational,National,2021,Yes,.,central\r\n",
        F.crossBorderLandscape: landscapeHeader + "\r\n"
            + "AL,Business Start-up,2.1 Obtain certificate,d,Transactional,Cross-border,2022,No,.,.\r\n",
        F.nationalAnswers: serviceHeader + nationalQuestions + "\r\n"
            + ",AL,Business Start-up,2.1 Obtain certificate,d,Transactional,National,Central,2022,P,https://a,"
            + "Yes,NO, yes ,.,,Yyes,NR*,Nr,No,Yes,Yes,Yes,Yes,No,No,Yes,No,Yes,Yes,100\r\n"
            + ",AL,Business Start-up,2.1 Obtain certifi#cate DAMAGED,d,Transactional,National,Central,2022,P,https://a,"
            + "Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,.\r\n"
            + ",AL,Economic,1.1 Check things,d,Informational,National,Regional,2021,P,Not applicable,"
            + "Yes,No,No,,,,,,,,,,,,,,,,,\r\n",
        F.crossBorderAnswers: serviceHeader + "G1: x,G2: x,G3_1: x,I1: x,I2: x,I3: x,I4_1: x,I4_2: x\r\n"
            + ",AL,Business Start-up,2.1 Obtain certificate,d,Transactional,Cross-border,,2022,P,Not applicable,"
            + ",,,,,,,\r\n",
        F.nationalPortals: "Country,Life event,Year data collection,B1: x,B2_1: x,B2_2: x,B3: x,B4: x,B5: x,B6: x,B7: x,"
            + "D1: x,D2: x,D3: x,D4: x,D5: x,F10: x,F11: x,E1: x,E2: x,E3: x,E4: x\r\n"
            + "AL,Business Start-up,2022,Yes,No,No,Yes,Yes,Yes,Yes,Yes,2,Yes,Yes,Yes,.,NR,Yes,Yes,No,No,No\r\n",
        F.crossBorderPortals: "Country,Life event,Year data collection,H1: x,H2: x,H3: x\r\n"
            + "GR,Business Start-up,2022,Yes,yes,NO\r\n",
    ]

    /// Writes the files to a new temporary directory.
    func write() throws -> URL {
        let directory = try temporaryDirectory()
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// Loads the files, removing the directory afterwards.
    func load() throws -> (EGovBenchmarkDataset, E.ImportReport) {
        let directory = try write()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try EGovBenchmarkDataset.load(from: directory)
    }

    /// The import error the files produce.
    func error() throws -> E.ImportError? {
        do {
            _ = try load()
            return nil
        } catch let error as E.ImportError {
            return error
        }
    }
}

@Suite("Importer: tolerated messiness is counted, structural problems are file:line errors")
struct ImporterTests {
    typealias F = EGovBenchmarkDataset.FileName

    @Test func cleanMiniDataLoadsAndCountsEveryDeviation() throws {
        let (dataset, report) = try MiniData().load()
        #expect(report.rows[F.nationalAnswers] == 3)
        let key = E.ServiceKey(country: E.CountryCode("AL")!, lifeEvent: .businessStartUp, number: "2.1")
        // Rule 2: the damaged label still matches; both rows (same URL) are kept.
        #expect(dataset.nationalAnswers[key]?.count == 2)
        #expect(dataset.nationalAnswers[key]?.map(\.line) == [2, 3])
        let first = try #require(dataset.nationalAnswers[key]?.first)
        #expect(first[.a1] == .yes)
        #expect(first[.a2] == .no)              // NO
        #expect(first[.a3] == .yes)             // " yes "
        #expect(first[.c1] == .blank)           // .
        #expect(first.answers[.c2].isEmpty)     // empty
        #expect(first[.c3] == .blank)           // Yyes
        #expect(first[.c4] == .blank)           // NR*
        #expect(first[.c5] == .notRelevant)     // Nr
        #expect(first.mobileFriendliness == 100)

        let n = F.nationalAnswers
        #expect(report.count(.answerCaseVariant, in: n) == 3)  // NO, " yes ", Nr
        #expect(report.count(.answerDot, in: n) == 1)
        #expect(report.count(.answerUnreadable, in: n) == 2)   // Yyes, NR*
        #expect(report.count(.answerEmpty, in: n) == 1 + 16)   // C2 of row 1; C1…F9 of the informational row
        #expect(report.count(.numberDot, in: n) == 1)
        #expect(report.count(.numberEmpty, in: n) == 1)
        #expect(report.count(.damagedLabel, in: n) == 1)
        #expect(report.count(.placeholderRow, in: n) == 1)
        #expect(report.count(.duplicateURLRow, in: n) == 1)
        #expect(report.count(.governmentLevelDisagreement, in: n) == 1)  // Regional vs landscape central
        #expect(report.count(.answerEmpty, in: F.crossBorderAnswers) == 7)
        #expect(report.count(.placeholderRow, in: F.crossBorderAnswers) == 1)
        // Landscape: `.` proactive flag; `central` and `.` levels; `.` level + flag of the N/A cross-border service.
        #expect(report.count(.flagNonCanonical, in: F.nationalLandscape) == 1)
        #expect(report.count(.governmentLevelNonCanonical, in: F.nationalLandscape) == 1)
        #expect(report.count(.flagNonCanonical, in: F.crossBorderLandscape) == 1)
        #expect(report.count(.governmentLevelNonCanonical, in: F.crossBorderLandscape) == 1)
        #expect(report.count(.numberDot, in: F.nationalPortals) == 1)
        #expect(report.count(.answerCaseVariant, in: F.crossBorderPortals) == 2)
        #expect(report.count(.countryAlias) == 1)
        // Rule 3: `central` in lower case is central; `.` proactive is not proactive.
        let info = try #require(dataset.nationalServices[E.ServiceKey(country: E.CountryCode("AL")!,
                                                                     lifeEvent: .regularBusinessOperations, number: "1.1")])
        #expect(info.flags.isCentral)
        #expect(!info.flags.proactive)
        #expect(dataset.crossBorderPortals.keys.map(\.country.rawValue) == ["EL"])
        #expect(dataset.countries.map(\.rawValue) == ["AL", "EL"])
    }

    @Test func missingColumnIsReportedAtTheHeaderLine() throws {
        var data = MiniData()
        data.files[F.nationalAnswers] = data.files[F.nationalAnswers]!.replacingOccurrences(of: "A2: online?", with: "AX: online?")
        let error = try #require(try data.error())
        #expect(error.kind == .missingColumn)
        #expect(error.description == "national-services-answers.csv:1: missing required column question A2")
    }

    @Test func missingNamedColumn() throws {
        var data = MiniData()
        data.files[F.nationalLandscape] = data.files[F.nationalLandscape]!.replacingOccurrences(of: "Applicable,", with: "Applies,")
        let error = try #require(try data.error())
        #expect(error.description == "national-services-landscape.csv:1: missing required column 'Applicable'")
    }

    @Test func unknownCountryCodeIsReportedAtItsPhysicalLine() throws {
        var data = MiniData()
        // The landscape's first record spans lines 2–3 (quoted newline), so the Economic row is line 4.
        data.files[F.nationalLandscape] = data.files[F.nationalLandscape]!.replacingOccurrences(of: "AL,Economic", with: "UK,Economic")
        let error = try #require(try data.error())
        #expect(error.kind == .unknownCountry)
        #expect(error.description == "national-services-landscape.csv:4: unknown country code 'UK'")
    }

    @Test func serviceInAnswersButNotInLandscape() throws {
        var data = MiniData()
        data.files[F.nationalAnswers] = data.files[F.nationalAnswers]!.replacingOccurrences(of: "1.1 Check things", with: "9.9 Check things")
        let error = try #require(try data.error())
        #expect(error.kind == .serviceNotInLandscape)
        #expect(error.description
            == "national-services-answers.csv:4: service AL Regular business operations 9.9 ('9.9 Check things') is not in the landscape")
    }

    @Test func unknownLifeEventAndFieldCount() throws {
        var data = MiniData()
        data.files[F.crossBorderPortals] = data.files[F.crossBorderPortals]! + "AL,Owning a car,2021,Yes,No,No\r\n"
        #expect(try data.error()?.description == "cross-border-portals-answers.csv:3: unknown life event 'Owning a car'")
        data = MiniData()
        data.files[F.crossBorderPortals] = data.files[F.crossBorderPortals]! + "AL,Health,2021,Yes,No\r\n"
        #expect(try data.error()?.kind == .fieldCount)
        #expect(try data.error()?.line == 3)
    }

    @Test func duplicateLandscapeServiceAndMissingFile() throws {
        var data = MiniData()
        data.files[F.crossBorderLandscape] = data.files[F.crossBorderLandscape]!
            + "AL,Business Start-up,2.1 Again,d,Transactional,Cross-border,2022,Yes,No,Central\r\n"
        #expect(try data.error()?.description
            == "cross-border-services-landscape.csv:3: service AL Business Start-up 2.1 already listed at line 2")
        data = MiniData()
        data.files[F.nationalPortals] = nil
        let error = try #require(try data.error())
        #expect(error.kind == .missingFile)
        #expect(error.line == nil)
        #expect(error.description.hasPrefix("national-portals-answers.csv: file not found"))
    }

    @Test func unclosedQuoteIsMalformedCSV() throws {
        var data = MiniData()
        data.files[F.crossBorderPortals] = data.files[F.crossBorderPortals]! + "AL,\"Health,2021\r\n"
        #expect(try data.error()?.description == "cross-border-portals-answers.csv:3: quoted field is never closed")
    }

    @Test func miniDataScoresFollowTheRules() throws {
        let (dataset, _) = try MiniData().load()
        let results = E.Engine.compute(dataset)
        let key = E.ServiceKey(country: E.CountryCode("AL")!, lifeEvent: .businessStartUp, number: "2.1")
        let s = try #require(results.nationalServices[key])
        // Central: A1 any Y, A2 Y (row 2), A3 Y → 100. MF max(100) = 100.
        #expect(s.onlineAvailability == 100)
        #expect(s.mobileFriendliness == 100)
        // C1 .,Y → 100; C2 empty,Y → 100; C3 Yyes,Y → 100; C4 NR*,Y → 100; C5 Nr,Y → 100; C6 No,Y → 100; C7 Yes → 100.
        #expect(s.serviceDelivery == 100)
        // The N/A cross-border service has no score at all.
        #expect(results.crossBorderServices[key] == E.CrossBorderServiceScores())
    }
}
