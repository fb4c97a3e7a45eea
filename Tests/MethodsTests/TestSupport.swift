import Foundation
import Testing
@testable import Methods

typealias E = EGovBenchmark

/// The repository root: this file is `<root>/Tests/MethodsTests/TestSupport.swift` (symlinks resolved).
let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `<root>/../shared/data/egov-benchmark-2023`.
let benchmarkDataDirectory = repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/data/egov-benchmark-2023")

/// The real 2023 data, loaded and computed once for all tests.
struct RealData: Sendable {
    var dataset: EGovBenchmarkDataset
    var report: E.ImportReport
    var results: E.Results

    static let shared: Result<RealData, any Error> = {
        do {
            let (dataset, report) = try EGovBenchmarkDataset.load(from: benchmarkDataDirectory)
            return .success(RealData(dataset: dataset, report: report, results: E.Engine.compute(dataset)))
        } catch {
            return .failure(error)
        }
    }()

    static func get() throws -> RealData { try shared.get() }
}

/// Flags for a test service.
func flags(_ type: E.ServiceType = .transactional, central: Bool = true, proactive: Bool = false,
           applicable: Bool = true) -> E.ServiceFlags {
    E.ServiceFlags(type: type, applicable: applicable, proactive: proactive, level: central ? .central : .regional)
}

/// A national URL row from answers given by question.
func nat(_ answers: [E.NationalQuestion: E.AnswerValue] = [:], mf: Double? = nil) -> E.NationalAnswerRow {
    E.NationalAnswerRow(answers: E.AnswerSheet(answers), mobileFriendliness: mf)
}

/// A cross-border URL row from answers given by question.
func cb(_ answers: [E.CrossBorderQuestion: E.AnswerValue] = [:]) -> E.CrossBorderAnswerRow {
    E.CrossBorderAnswerRow(answers: E.AnswerSheet(answers))
}

/// Whether two optional doubles agree to within `tolerance` (both nil counts as agreement).
func approx(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): abs(x - y) <= tolerance
    default: false
    }
}

/// A temporary directory removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("egov-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
