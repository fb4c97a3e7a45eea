import Testing
@testable import Methods

private typealias F = GrantsFixtures

@Suite("Grants: exact money, ratios and dates")
struct GrantsArithmeticTests {
    @Test func moneyAddsOnlyWithinOneCurrency() throws {
        #expect(try F.eur(13_000).adding(F.eur(0, 1)) == F.eur(13_000, 1))
        #expect(try F.eur(5).subtracting(F.eur(7)) == Grants.Money(minorUnits: -200, currency: .eur))
        #expect(throws: Grants.MoneyError.currencyMismatch(expected: .eur, found: .mkd)) {
            try F.eur(1).adding(Grants.Money(1, .mkd))
        }
        #expect(throws: Grants.MoneyError.overflow) {
            try Grants.Money(minorUnits: .max, currency: .eur).adding(F.eur(0, 1))
        }
        #expect(try Grants.Money.sum([F.eur(1, 10), F.eur(2, 20), F.eur(3, 30)], currency: .eur) == F.eur(6, 60))
        #expect(F.eur(13_333, 33).description == "13333.33 EUR")
        #expect(Grants.Currency("eur") == .eur)
        #expect(Grants.Currency("EURO") == nil)
        #expect(Grants.Currency("E1R") == nil)
    }

    /// Quantity × unit cost is rounded half up to the cent.
    @Test func quantityTimesUnitCostRoundsHalfUp() throws {
        // 1.5 × 0.33 = 0.495 → 0.50
        #expect(try F.eur(0, 33).multiplied(by: Grants.Quantity(hundredths: 150)) == F.eur(0, 50))
        // 2.25 × 13.33 = 29.9925 → 29.99
        #expect(try F.eur(13, 33).multiplied(by: Grants.Quantity(hundredths: 225)) == F.eur(29, 99))
        // 0.01 × 0.49 = 0.0049 → 0.00; 0.01 × 0.50 = 0.005 → 0.01
        #expect(try F.eur(0, 49).multiplied(by: Grants.Quantity(hundredths: 1)) == F.eur(0))
        #expect(try F.eur(0, 50).multiplied(by: Grants.Quantity(hundredths: 1)) == F.eur(0, 1))
        // 12.5 × 80.00 = 1,000.00 exactly
        #expect(try F.eur(80).multiplied(by: Grants.Quantity(hundredths: 1_250)) == F.eur(1_000))
        #expect(Grants.Quantity(hundredths: 150).description == "1.5")
        #expect(Grants.Quantity(12).description == "12")
    }

    @Test func ratiosAreExact() {
        #expect(Grants.Ratio(2, 4) == Grants.Ratio(1, 2))
        #expect(Grants.Ratio(3, -6) == Grants.Ratio(-1, 2))
        #expect(Grants.Ratio(1, 3) + Grants.Ratio(1, 6) == Grants.Ratio(1, 2))
        #expect(Grants.Ratio(1, 3) * 3 == Grants.Ratio(1))
        #expect(Grants.Ratio(147) / 2 == Grants.Ratio(147, 2))
        #expect(Grants.Ratio(1, 3) < Grants.Ratio(334, 1_000))
        #expect(!(Grants.Ratio(1, 10) < Grants.Ratio(1_000, 10_000)))
        #expect(Grants.Ratio(1, 3).basisPointsRoundedDown == 3_333)
        #expect(Grants.Ratio(2, 3).basisPointsRoundedDown == 6_666)
        #expect(Grants.Ratio(-1, 3).basisPointsRoundedDown == -3_334)
        #expect(Grants.Ratio(247, 3).decimalString(places: 2) == "82.33")
        #expect(Grants.Ratio(2, 3).decimalString(places: 2) == "0.67")
        #expect(Grants.Ratio(1, 200).decimalString(places: 2) == "0.01")   // 0.005 → half away from zero
        #expect(Grants.BasisPoints.percent(10).ratio == Grants.Ratio(1, 10))
        #expect(Grants.BasisPoints(1_250).description == "12.50%")
        // Comparison of large fractions does not overflow (128-bit cross products).
        #expect(Grants.Ratio(Int64.max - 1, Int64.max) < Grants.Ratio(1))
    }

    @Test func calendarDates() {
        let start = CalendarDate(2020, 10, 1)!
        #expect(start.endOfPeriod(months: 18).iso == "2022-03-31")
        #expect(start.endOfPeriod(months: 6).iso == "2021-03-31")
        #expect(CalendarDate(2021, 1, 31)!.addingMonths(1).iso == "2021-02-28")
        #expect(CalendarDate(2020, 1, 31)!.addingMonths(1).iso == "2020-02-29")
        #expect(CalendarDate(2021, 3, 1)!.previousDay.iso == "2021-02-28")
        #expect(CalendarDate(2021, 1, 1)!.previousDay.iso == "2020-12-31")
        #expect(CalendarDate(2021, 2, 29) == nil)
        #expect(CalendarDate(iso: "2020-11-05") == CalendarDate(2020, 11, 5))
        #expect(CalendarDate(iso: "2020-11-5") == nil)
        #expect(CalendarDate(2020, 1, 1)! < CalendarDate(2020, 1, 2)!)
    }
}
