import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: budget tables, co-financing and amendments")
struct GrantsBudgetTests {
    private static func line(
        _ category: Grants.BudgetCategory, _ description: String, _ quantityHundredths: Int64, _ unitCost: Grants.Money,
        requested: Grants.Money, coFinancing: Grants.Money
    ) -> Grants.BudgetLine {
        .init(category: category, description: description, unit: "unit", quantity: .init(hundredths: quantityHundredths),
              unitCost: unitCost, requested: requested, coFinancing: coFinancing)
    }

    /// A Lot 2 budget worked by hand:
    ///   1 staff          6     × 500.00 = 3,000.00 = 2,700.00 + 300.00
    ///   2 travel         4     ×  87.50 =   350.00 =   300.00 +  50.00
    ///   3 communication  150   ×   3.33 =   499.50 =   449.50 +  50.00
    ///   4 staff          12.5  ×  80.00 = 1,000.00 =   900.00 + 100.00
    ///   5 services       2.25  ×  13.33 =    29.99 (29.9925 rounded) = 26.99 + 3.00
    static let budget = Grants.BudgetTable(currency: .eur, lines: [
        line(.staff, "Project coordinator", 600, F.eur(500), requested: F.eur(2_700), coFinancing: F.eur(300)),
        line(.travel, "Trips to Skopje", 400, F.eur(87, 50), requested: F.eur(300), coFinancing: F.eur(50)),
        line(.communication, "Policy brief printing", 15_000, F.eur(3, 33), requested: F.eur(449, 50), coFinancing: F.eur(50)),
        line(.staff, "Researcher", 1_250, F.eur(80), requested: F.eur(900), coFinancing: F.eur(100)),
        line(.services, "Translation", 225, F.eur(13, 33), requested: F.eur(26, 99), coFinancing: F.eur(3)),
    ])

    @Test func totalsSubtotalsAndShare() throws {
        let totals = try Self.budget.totals()
        #expect(totals.lineTotals == [F.eur(3_000), F.eur(350), F.eur(499, 50), F.eur(1_000), F.eur(29, 99)])
        #expect(totals.categories.map(\.category) == [.staff, .travel, .communication, .services])
        #expect(totals.subtotal(.staff) == F.eur(3_000 + 1_000))
        #expect(totals.categories[0].requested == F.eur(2_700 + 900))
        #expect(totals.subtotal(.equipment) == F.eur(0))
        // 3,000 + 350 + 499.50 + 1,000 + 29.99 = 4,879.49
        #expect(totals.grandTotal == F.eur(4_879, 49))
        // 2,700 + 300 + 449.50 + 900 + 26.99 = 4,376.49
        #expect(totals.requestedTotal == F.eur(4_376, 49))
        // 300 + 50 + 50 + 100 + 3 = 503.00
        #expect(totals.coFinancingTotal == F.eur(503))
        // 503.00 / 4,879.49 = 50300 / 487949 ≈ 10.308 % ≥ 10 %
        #expect(totals.coFinancingShare == Grants.Ratio(50_300, 487_949))
        #expect(totals.coFinancingShare?.basisPointsRoundedDown == 1_030)
        #expect(Self.budget.problems(against: F.lot2) == [])
    }

    @Test func lineProblemsAreAllReportedAndStopTheTotalsChecks() {
        var budget = Self.budget
        budget.lines[1].coFinancing = F.eur(40)                         // 300 + 40 ≠ 350
        budget.lines[2].unitCost = Grants.Money(200, .mkd)               // foreign currency
        budget.lines[3].quantity = .init(0)
        budget.lines[3].description = "  "
        budget.lines[4].requested = Grants.Money(minorUnits: -1, currency: .eur)
        #expect(budget.problems(against: F.lot2) == [
            .lineDoesNotAddUp(line: 2, total: F.eur(350), requestedPlusCoFinancing: F.eur(340)),
            .lineCurrencyMismatch(line: 3, found: .mkd),
            .lineDescriptionMissing(line: 4),
            .lineQuantityNotPositive(line: 4),
            .lineDoesNotAddUp(line: 4, total: F.eur(0), requestedPlusCoFinancing: F.eur(1_000)),
            .lineNegativeAmount(line: 5),
            .lineDoesNotAddUp(line: 5, total: F.eur(29, 99), requestedPlusCoFinancing: Grants.Money(minorUnits: 299, currency: .eur)),
        ])
        #expect(Grants.BudgetTable(currency: .eur, lines: []).problems(against: F.lot2) == [.budgetEmpty])
        #expect(Grants.BudgetTable(currency: .mkd, lines: [
            Self.line(.staff, "Coordinator", 100, Grants.Money(1, .mkd), requested: Grants.Money(1, .mkd), coFinancing: Grants.Money(0, .mkd)),
        ]).problems(against: F.lot2) == [.currencyMismatch(expected: .eur, found: .mkd)])
    }

    /// 2,950 asked + 50 own = 3,000: share 50 / 3,000 = 1/60 < 10 %, and 2,950 < 3,000 minimum.
    @Test func lowCoFinancingAndAmountBelowRange() {
        let budget = Grants.BudgetTable(currency: .eur, lines: [
            Self.line(.staff, "Coordinator", 100, F.eur(3_000), requested: F.eur(2_950), coFinancing: F.eur(50)),
        ])
        #expect(budget.problems(against: F.lot2) == [
            .amountBelowMinimum(requested: F.eur(2_950), minimum: F.eur(3_000)),
            .coFinancingBelowMinimum(share: Grants.Ratio(1, 60), minimum: .percent(10)),
        ])
    }

    /// Exactly 10 % co-financing passes; one cent less does not.
    @Test func coFinancingExactlyAtTheMinimumPasses() throws {
        func budget(own: Grants.Money, total: Grants.Money) throws -> Grants.BudgetTable {
            Grants.BudgetTable(currency: .eur, lines: [
                Self.line(.staff, "Coordinator", 100, total, requested: try total.subtracting(own), coFinancing: own),
            ])
        }
        #expect(try budget(own: F.eur(500), total: F.eur(5_000)).problems(against: F.lot2) == [])
        #expect(try budget(own: F.eur(499, 99), total: F.eur(5_000)).problems(against: F.lot2) == [
            .coFinancingBelowMinimum(share: Grants.Ratio(49_999, 500_000), minimum: .percent(10)),
        ])
    }

    /// Original: staff 3,000, travel 1,000, communication 1,000 = 5,000 (requested 4,500).
    private static let original = Grants.BudgetTable(currency: .eur, lines: [
        line(.staff, "Coordinator", 100, F.eur(3_000), requested: F.eur(2_700), coFinancing: F.eur(300)),
        line(.travel, "Trips", 100, F.eur(1_000), requested: F.eur(900), coFinancing: F.eur(100)),
        line(.communication, "Campaign", 100, F.eur(1_000), requested: F.eur(900), coFinancing: F.eur(100)),
    ])

    /// Moves `amount` from staff to communication, keeping each line's 90/10 split where possible.
    private static func moving(_ amount: Grants.Money) throws -> Grants.BudgetTable {
        var revised = original
        revised.lines[0].unitCost = try F.eur(3_000).subtracting(amount)
        revised.lines[0].requested = try revised.lines[0].unitCost.subtracting(F.eur(300))
        revised.lines[2].unitCost = try F.eur(1_000).adding(amount)
        revised.lines[2].requested = try revised.lines[2].unitCost.subtracting(F.eur(100))
        return revised
    }

    @Test func reallocationBelowAndAtTheThresholdNeedsNoApproval() throws {
        // 400 / 5,000 = 8 %
        let small = try Grants.assessAmendment(original: Self.original, revised: try Self.moving(F.eur(400)), threshold: .percent(10))
        #expect(small.moved == F.eur(400))
        #expect(small.movedShare == Grants.Ratio(8, 100))
        #expect(small.changes.map(\.difference) == [Grants.Money(minorUnits: -40_000, currency: .eur), F.eur(0), F.eur(400)])
        #expect(!small.needsApproval)
        // 500 / 5,000 = exactly 10 %: "above" the threshold means strictly above.
        let exact = try Grants.assessAmendment(original: Self.original, revised: try Self.moving(F.eur(500)), threshold: .percent(10))
        #expect(exact.movedShare == Grants.Ratio(1, 10))
        #expect(!exact.needsApproval)
    }

    @Test func reallocationAboveTheThresholdNeedsApproval() throws {
        // 500.01 / 5,000 = 50,001 / 500,000 > 10 %
        let assessment = try Grants.assessAmendment(
            original: Self.original, revised: try Self.moving(F.eur(500, 1)), threshold: .percent(10))
        #expect(assessment.approvalReasons == [.reallocationAboveThreshold(share: Grants.Ratio(50_001, 500_000), threshold: .percent(10))])
        #expect(assessment.approvalReasons.first?.code == "grants.amendment.reallocation-above-threshold")
        // The same amendment under a 25 % threshold needs no approval.
        #expect(try !Grants.assessAmendment(
            original: Self.original, revised: try Self.moving(F.eur(500, 1)), threshold: .percent(25)).needsApproval)
    }

    @Test func aNewLineChangesTheTotalAndTheRequestedAmount() throws {
        var revised = Self.original
        revised.lines.append(Self.line(.equipment, "Laptop", 100, F.eur(800), requested: F.eur(800), coFinancing: F.eur(0)))
        let assessment = try Grants.assessAmendment(original: Self.original, revised: revised, threshold: .percent(10))
        // 800 / 5,000 = 16 % moved into a new heading.
        #expect(assessment.changes.last == Grants.CategoryChange(category: .equipment, before: F.eur(0), after: F.eur(800), difference: F.eur(800)))
        #expect(assessment.approvalReasons == [
            .reallocationAboveThreshold(share: Grants.Ratio(16, 100), threshold: .percent(10)),
            .grandTotalChanged(from: F.eur(5_000), to: F.eur(5_800)),
            .requestedIncreased(from: F.eur(4_500), to: F.eur(5_300)),
        ])
    }
}
