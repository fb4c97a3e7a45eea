import Foundation
import Testing
@testable import Methods

/// Reproduces every published Albanian figure from the raw answers. The published files are read here
/// with the CSV parser only and an explicit column map, independently of `PublishedResults`.
@Suite("Reproduction of Albania's published 2023 results")
struct AlbaniaReproductionTests {
    static let al = E.CountryCode("AL")!

    /// Published CSV: header and records.
    static func published(_ name: String) throws -> CSVTable {
        let data = try Data(contentsOf: benchmarkDataDirectory.appendingPathComponent(name))
        return try CSVTable(parsing: [UInt8](data))
    }

    /// A published number: `.` or empty is missing.
    static func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t == "." ? nil : Double(t)!
    }

    static func key(_ fields: [String], _ header: [String]) -> E.ServiceKey {
        let f = Dictionary(uniqueKeysWithValues: zip(header, fields))
        return E.ServiceKey(country: E.CountryCode(f["Country"]!)!, lifeEvent: E.LifeEvent(name: f["Life event"]!)!,
                            number: String(f["Label service"]!.split(separator: " ")[0]))
    }

    @Test("Headline biennial figures of the method document")
    func headline() throws {
        let biennial = try #require(try RealData.get().results.countries[Self.al]).biennial
        #expect(abs(biennial.overall! - 45.3597) < 5e-5)
        #expect(abs(biennial[.userCentricity]! - 74.5429) < 5e-5)
        #expect(abs(biennial[.transparency]! - 29.9621) < 5e-5)
        #expect(abs(biennial[.keyEnablers]! - 54.2641) < 5e-5)
        #expect(abs(biennial[.crossBorder]! - 22.6698) < 5e-5)
    }

    @Test("Every published national service score (92 services × 6 scores)")
    func nationalServices() throws {
        let results = try RealData.get().results
        let table = try Self.published("national-services-results-AL.csv")
        let columns: [(String, KeyPath<E.NationalServiceScores, Double?>)] = [
            ("Online availability", \.onlineAvailability), ("Mobile Friendliness", \.mobileFriendliness),
            ("Service delivery", \.serviceDelivery), ("eID", \.eID), ("eDocuments", \.eDocuments),
            ("Pre-filed forms", \.prefilledForms),
        ]
        var compared = 0
        for record in table.records {
            let key = Self.key(record.fields, table.header)
            let scores = try #require(results.nationalServices[key], "line \(record.line): \(key) not computed")
            for (name, path) in columns {
                let published = Self.number(record.fields[table.header.firstIndex(of: name)!])
                #expect(approx(scores[keyPath: path], published, 1e-6),
                        "national-services-results-AL.csv:\(record.line): \(key) \(name)")
                compared += 1
            }
        }
        #expect(compared == 92 * 6)
    }

    @Test("Every published cross-border service score (55 services × 3 scores)")
    func crossBorderServices() throws {
        let results = try RealData.get().results
        let table = try Self.published("cross-border-services-results-AL.csv")
        let columns: [(String, KeyPath<E.CrossBorderServiceScores, Double?>)] = [
            ("Online availability score", \.onlineAvailability), ("eID score", \.eID), ("eDocuments score", \.eDocuments),
        ]
        var compared = 0
        for record in table.records {
            let key = Self.key(record.fields, table.header)
            let scores = try #require(results.crossBorderServices[key], "line \(record.line): \(key) not computed")
            for (name, path) in columns {
                let published = Self.number(record.fields[table.header.firstIndex(of: name)!])
                #expect(approx(scores[keyPath: path], published, 1e-6),
                        "cross-border-services-results-AL.csv:\(record.line): \(key) \(name)")
                compared += 1
            }
        }
        #expect(compared == 55 * 3)
    }

    /// The columns of scores-AL.csv the engine computes.
    static let scoreColumns: [String: E.ScoreColumn] = [
        "Biennial average 2021 + 2022": .biennial,
        "Business life events 2021 + 2022": .business,
        "Citizen life events 2021 + 2022": .citizen,
        "Average (2022)": .year(2022),
        "Business Start-up (2022)": .lifeEvent(.businessStartUp),
        "Family (2022)": .lifeEvent(.family),
        "Career (2022)": .lifeEvent(.career),
        "Studying (2022)": .lifeEvent(.studying),
        "Central": .level(.central),
        "Regional": .level(.regional),
        "Local": .level(.local),
        "Average (2021)": .year(2021),
        "Regular business operations (2021)": .lifeEvent(.regularBusinessOperations),
        "Transport (2021)": .lifeEvent(.transport),
        "Justice (2021)": .lifeEvent(.justice),
        "Moving (2021)": .lifeEvent(.moving),
        "Health (2021)": .lifeEvent(.health),
    ]

    /// The rows of scores-AL.csv.
    static let scoreRows: [String: E.Measure] = [
        "0. OVERALL SCORE": .overall,
        "1. User centricity": .dimension(.userCentricity),
        "1.1 Online availability": .indicator(.onlineAvailability),
        "1.2 Mobile friendliness": .indicator(.mobileFriendliness),
        "1.3 User support": .indicator(.userSupport),
        "2. Transparency": .dimension(.transparency),
        "2.1 Transparency of service delivery": .indicator(.serviceDelivery),
        "2.2 Transparency of personal data": .indicator(.personalData),
        "2.3 Transparency of service design": .indicator(.serviceDesign),
        "3. Key Enablers": .dimension(.keyEnablers),
        "3.1 eID": .indicator(.eID),
        "3.2 eDocuments": .indicator(.eDocuments),
        "3.3 Pre-filled forms": .indicator(.prefilledForms),
        "3.4 Digital Post": .indicator(.digitalPost),
        "4. Cross-border services": .dimension(.crossBorder),
        "4.1 Cross-border online availability": .indicator(.crossBorderOnlineAvailability),
        "4.2 Cross-border user support": .indicator(.crossBorderUserSupport),
        "4.3 Cross-border eID": .indicator(.crossBorderEID),
        "4.4 Cross-border eDocuments": .indicator(.crossBorderEDocuments),
    ]

    @Test("Every cell of scores-AL.csv of this edition: biennial, business/citizen, years, life events, levels")
    func scoreTable() throws {
        let table = try RealData.get().results.countries[Self.al]!
        let published = try Self.published("scores-AL.csv")
        var compared = 0
        for record in published.records {
            let measure = try #require(Self.scoreRows[record.fields[1]], "unknown row \(record.fields[1])")
            for (index, header) in published.header.enumerated() {
                guard let column = Self.scoreColumns[header] else { continue }
                let expected = Self.number(record.fields[index])
                #expect(approx(table[column][measure], expected, 1e-6),
                        "scores-AL.csv:\(record.line): \(measure) \(column)")
                compared += 1
            }
        }
        #expect(compared == 19 * 17)
    }

    @Test("Skipped on purpose: scores-AL.csv columns of earlier editions (not computable from 2021/2022 data)")
    func skippedColumns() throws {
        let header = try Self.published("scores-AL.csv").header
        let skipped = header.dropFirst(2).filter { Self.scoreColumns[$0] == nil }
        // 30 columns: "Biennial average 2020 + 2021" (2022 edition) and everything about 2016–2020.
        #expect(skipped.count == 30)
        for column in skipped {
            #expect(column.contains("2020") || column.contains("2019") || column.contains("2018")
                || column.contains("2017") || column.contains("2016"), "\(column)")
        }
        #expect(skipped.contains("Biennial average 2020 + 2021"))
    }
}
