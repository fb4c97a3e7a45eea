// Progress against targets and the IATI writer's checks, worked out by hand.
import Foundation
import Testing
@testable import Methods

@Suite struct ResultsProgressTests {
    @Test func percentOfTheWayFromBaselineToTarget() {
        // baseline 0, target 30, actual 29: 29/30 = 96.6 % → 96; 1 short is within 10 % of 30 (3)
        #expect(ResultsProgress.assess(baseline: 0, target: 30, actual: 29, ascending: true, tolerance: 10) == ProgressAssessment(status: .withinTolerance, percent: 96))
        // actual 8: 22 short, more than 3 → behind, 8/30 = 26.6 % → 26
        #expect(ResultsProgress.assess(baseline: 0, target: 30, actual: 8, ascending: true, tolerance: 10) == ProgressAssessment(status: .behind, percent: 26))
        // passing the target counts as met (and over 100 %)
        #expect(ResultsProgress.assess(baseline: 0, target: 15, actual: 16, ascending: true, tolerance: 0) == ProgressAssessment(status: .met, percent: 106))
        // from a baseline of 40 to 100: 70 is half way
        #expect(ResultsProgress.assess(baseline: 40, target: 100, actual: 70, ascending: true, tolerance: 0).percent == 50)
    }

    @Test func lowerIsBetterAndMissingValues() {
        // waiting days from 20 down to 5: 11 is (20−11)/(20−5) = 60 % of the way; 6 short of 5, tolerance 10 % of 15 = 1.5 → behind
        #expect(ResultsProgress.assess(baseline: 20, target: 5, actual: 11, ascending: false, tolerance: 10) == ProgressAssessment(status: .behind, percent: 60))
        #expect(ResultsProgress.assess(baseline: 20, target: 5, actual: 4, ascending: false, tolerance: 10).status == .met)
        #expect(ResultsProgress.assess(baseline: 0, target: 5, actual: nil, ascending: true, tolerance: 10) == ProgressAssessment(status: .noData, percent: nil))
        // a target equal to its baseline has no percentage
        #expect(ResultsProgress.assess(baseline: 3, target: 3, actual: 3, ascending: true, tolerance: 0) == ProgressAssessment(status: .met, percent: nil))
    }
}

@Suite struct IATIWriterTests {
    static func activity(_ change: (inout IATIActivity) -> Void = { _ in }) -> IATIActivity {
        var activity = IATIActivity(
            identifier: "XI-DEMO-ICEDA-2020", reportingOrg: IATIOrganisation(ref: "XI-DEMO-ICEDA", type: "22", name: "Metamorphosis & Co <test>"),
            title: "ICEDA", description: "", language: "en", currency: "EUR",
            participating: [IATIOrganisation(ref: "XI-IATI-EC_NEAR", type: "15", name: "European Union", role: "1")],
            status: "4", start: CalendarDate(2020, 2, 1)!, end: CalendarDate(2023, 1, 31)!, started: true, ended: true,
            countries: [("AL", 50), ("XK", 50)], sectors: [("15150", 100)], budget: "1200000.00",
            transactions: [IATITransaction(type: "2", date: CalendarDate(2020, 12, 1)!, value: "17000.00", currency: "EUR",
                                           receiver: IATIOrganisation(ref: "", type: "22", name: "Demo Digital Rights Tiranë"), description: "ICEDA-2020-L1-001")],
            results: [IATIResult(type: "1", title: "R1", indicators: [IATIIndicator(title: "Grants", description: "", ascending: true, baselineDate: CalendarDate(2020, 2, 1)!,
                                                                                   baseline: 0, periods: [IATIIndicatorPeriod(start: CalendarDate(2020, 2, 1)!, end: CalendarDate(2023, 1, 31)!, target: 30, actual: 29)])])],
            lastUpdated: Date(timeIntervalSince1970: 1_700_000_000))
        change(&activity)
        return activity
    }

    @Test func elementsInTheSchemasOrderAndTextEscaped() throws {
        let xml = IATI.xml([Self.activity()], generated: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(xml.contains(#"<iati-activities version="2.03" generated-datetime="2023-11-14T22:13:20Z">"#))
        #expect(xml.contains("<narrative>Metamorphosis &amp; Co &lt;test&gt;</narrative>"))
        let order = ["<iati-identifier>", "<reporting-org", "<title>", "<participating-org", "<activity-status", "<activity-date", "<recipient-country",
                     "<sector", "<budget", "<transaction>", "<result"]
        let positions = try order.map { try #require(xml.range(of: $0)?.lowerBound, "\($0) missing") }
        #expect(positions == positions.sorted())
        #expect(xml.contains(#"<value currency="EUR" value-date="2020-12-01">17000.00</value>"#))
        #expect(xml.contains(#"<target value="30"/>"#) && xml.contains(#"<actual value="29"/>"#))
        // actual dates: started (2) and ended (4)
        #expect(xml.contains(#"<activity-date iso-date="2020-02-01" type="2"/>"#) && xml.contains(#"<activity-date iso-date="2023-01-31" type="4"/>"#))
    }

    @Test func aFileThatWouldFailIsNamedNotWritten() {
        #expect(Self.activity().problems.isEmpty)
        #expect(Self.activity { $0.reportingOrg.ref = "" }.problems.first?.hasPrefix("reporting-org:") == true)
        #expect(Self.activity { $0.identifier = "OTHER-2020" }.problems == ["iati-identifier: OTHER-2020 must start with the reporting organisation's identifier XI-DEMO-ICEDA and a hyphen"])
        #expect(Self.activity { $0.countries = [("AL", 60), ("XK", 30)] }.problems == ["recipient-country: the percentages must sum to 100"])
        #expect(Self.activity { $0.sectors = [("1515", 100)] }.problems == ["sector: 1515 is not a 5-digit DAC code"])
    }
}
