import Foundation

/// The raw answers, portals and landscape of one benchmark edition, cleaned and keyed by service.
public struct EGovBenchmarkDataset: Sendable {
    public typealias ServiceKey = EGovBenchmark.ServiceKey
    public typealias LifeEventKey = EGovBenchmark.LifeEventKey

    /// The input file names expected in the data directory.
    public enum FileName {
        /// National services landscape.
        public static let nationalLandscape = "national-services-landscape.csv"
        /// Cross-border services landscape.
        public static let crossBorderLandscape = "cross-border-services-landscape.csv"
        /// National service answers.
        public static let nationalAnswers = "national-services-answers.csv"
        /// Cross-border service answers.
        public static let crossBorderAnswers = "cross-border-services-answers.csv"
        /// National portal answers.
        public static let nationalPortals = "national-portals-answers.csv"
        /// Cross-border portal answers.
        public static let crossBorderPortals = "cross-border-portals-answers.csv"
    }

    /// National services of the landscape.
    public var nationalServices: [ServiceKey: EGovBenchmark.LandscapeService] = [:]
    /// Cross-border services of the landscape.
    public var crossBorderServices: [ServiceKey: EGovBenchmark.LandscapeService] = [:]
    /// National URL answer rows per service, in file order.
    public var nationalAnswers: [ServiceKey: [EGovBenchmark.NationalAnswerRow]] = [:]
    /// Cross-border URL answer rows per service, in file order.
    public var crossBorderAnswers: [ServiceKey: [EGovBenchmark.CrossBorderAnswerRow]] = [:]
    /// National portal rows per (country, life event).
    public var nationalPortals: [LifeEventKey: [EGovBenchmark.NationalPortalRow]] = [:]
    /// Cross-border portal rows per (country, life event).
    public var crossBorderPortals: [LifeEventKey: [EGovBenchmark.CrossBorderPortalRow]] = [:]

    /// An empty dataset.
    public init() {}

    /// Every country that appears in any file, sorted.
    public var countries: [EGovBenchmark.CountryCode] {
        var set = Set(nationalServices.keys.map(\.country))
        set.formUnion(crossBorderServices.keys.map(\.country))
        set.formUnion(nationalPortals.keys.map(\.country))
        set.formUnion(crossBorderPortals.keys.map(\.country))
        return set.sorted()
    }

    /// Loads the six raw CSV files from `directory`, cleaning tolerated messiness (counted in the
    /// report) and throwing `file:line: reason` errors for structural problems.
    public static func load(from directory: URL) throws(EGovBenchmark.ImportError)
        -> (dataset: EGovBenchmarkDataset, report: EGovBenchmark.ImportReport)
    {
        var dataset = EGovBenchmarkDataset()
        var report = EGovBenchmark.ImportReport()
        typealias Importer = EGovBenchmark.Importer
        func open(_ file: String) throws(EGovBenchmark.ImportError) -> EGovBenchmark.TableReader {
            let reader = try EGovBenchmark.TableReader.open(file, in: directory)
            report.rows[file] = reader.table.records.count
            return reader
        }
        dataset.nationalServices = try Importer.landscape(open(FileName.nationalLandscape), scope: .national, report: &report)
        dataset.crossBorderServices = try Importer.landscape(open(FileName.crossBorderLandscape), scope: .crossBorder, report: &report)
        dataset.nationalAnswers = try Importer.nationalAnswers(
            open(FileName.nationalAnswers), landscape: dataset.nationalServices, report: &report)
        dataset.crossBorderAnswers = try Importer.crossBorderAnswers(
            open(FileName.crossBorderAnswers), landscape: dataset.crossBorderServices, report: &report)
        dataset.nationalPortals = try Importer.nationalPortals(open(FileName.nationalPortals), report: &report)
        dataset.crossBorderPortals = try Importer.crossBorderPortals(open(FileName.crossBorderPortals), report: &report)
        return (dataset, report)
    }
}
