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
        var countries: [String: JSONNode] = [:]
        for (country, table) in results.countries {
            countries[country.rawValue] = json(table.biennial)
        }
        countries["EU27+"] = json(results.eu27Plus.biennial)
        let document = JSONNode.sortedObject(["edition": .string(edition), "countries": .sortedObject(countries)])
        return Data((document.serialized(pretty: pretty) + "\n").utf8)
    }

    /// One country's object: overall, the four dimensions, and the 14 indicators.
    static func json(_ set: ScoreSet) -> JSONNode {
        func value(_ x: Double?) -> JSONNode { x.map(JSONNode.double) ?? .null }
        var members: [String: JSONNode] = ["overall": value(set.overall)]
        for dimension in KeyDimension.allCases { members[dimension.rawValue] = value(set[dimension]) }
        var indicators: [String: JSONNode] = [:]
        for indicator in Indicator.allCases { indicators[indicator.rawValue] = value(set[indicator]) }
        members["indicators"] = .sortedObject(indicators)
        return .sortedObject(members)
    }
}
