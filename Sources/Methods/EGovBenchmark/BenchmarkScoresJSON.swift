import Foundation

extension EGovBenchmark {
    /// The JSON document of biennial scores for every country in the data plus `EU27+`:
    /// `{"edition": "2023", "countries": {"AL": {"overall": …, "userCentricity": …, …,
    /// "indicators": {"onlineAvailability": …, …}}, …, "EU27+": {…}}}`; missing values are null.
    public static func benchmarkScoresJSON(from directory: URL, pretty: Bool = true) throws(ImportError) -> Data {
        let (dataset, _) = try EGovBenchmarkDataset.load(from: directory)
        return benchmarkScoresJSON(results: Engine.compute(dataset), pretty: pretty)
    }

    /// The JSON document of ``benchmarkScoresJSON(from:pretty:)`` from computed results.
    public static func benchmarkScoresJSON(results: Results, pretty: Bool = true) -> Data {
        var countries: [String: JSONValue] = [:]
        for (country, table) in results.countries {
            countries[country.rawValue] = json(table.biennial)
        }
        countries["EU27+"] = json(results.eu27Plus.biennial)
        let document = JSONValue.object(["edition": .string(edition), "countries": .object(countries)])
        return Data((document.serialized(pretty: pretty) + "\n").utf8)
    }

    /// One country's object: overall, the four dimensions, and the 14 indicators.
    static func json(_ set: ScoreSet) -> JSONValue {
        func value(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
        var members: [String: JSONValue] = ["overall": value(set.overall)]
        for dimension in KeyDimension.allCases { members[dimension.rawValue] = value(set[dimension]) }
        var indicators: [String: JSONValue] = [:]
        for indicator in Indicator.allCases { indicators[indicator.rawValue] = value(set[indicator]) }
        members["indicators"] = .object(indicators)
        return .object(members)
    }
}
