/// Namespace of the EU eGovernment Benchmark (2020–2023 method, 2023 edition) model and engine.
public enum EGovBenchmark {
    /// The edition computed from the data: the 2023 benchmark, biennial 2021 + 2022.
    public static let edition = "2023"
    /// The two data-collection years of the edition, odd year first.
    public static let years = [2021, 2022]
}
