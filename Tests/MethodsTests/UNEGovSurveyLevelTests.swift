import Testing
import Methods

/// Level bands as worded in the method doc: Very high > 0.75; High 0.50–0.75; Middle 0.25–0.50; Low < 0.25.
@Suite struct UNEGovSurveyLevelTests {
    @Test(arguments: [
        (0.0, UN.Level.low), (0.2499, .low), (0.25, .middle), (0.4999, .middle), (0.5, .high),
        (0.6519, .high), (0.75, .high), (0.7500001, .veryHigh), (0.8, .veryHigh), (1.0, .veryHigh),
    ])
    func bandsAtTheBoundaries(_ egdi: Double, _ level: UN.Level) {
        #expect(UN.Level(egdi: egdi) == level)
    }

    @Test func valuesOutsideTheIndexRangeHaveNoBand() {
        #expect(UN.Level(egdi: -0.0001) == nil)
        #expect(UN.Level(egdi: 1.0001) == nil)
        #expect(UN.Level(egdi: .nan) == nil)
        #expect(UN.Level(egdi: .infinity) == nil)
    }

    @Test func bandsOrderAndTitles() {
        #expect(UN.Level.allCases.sorted() == [.low, .middle, .high, .veryHigh])
        #expect(UN.Level.allCases.map(\.title) == ["Low", "Middle", "High", "Very high"])
    }

    @Test func albaniaMovedFromHighToVeryHighIn2024() throws {
        let data = try UNSurveyRealData.get()
        #expect(data.record("ALB", 2018)?.level == .high)   // 0.6519
        #expect(data.record("ALB", 2022)?.level == .high)   // 0.7413
        #expect(data.record("ALB", 2024)?.level == .veryHigh)   // 0.80000
        #expect(data.records.allSatisfy { $0.level != nil })
    }
}
