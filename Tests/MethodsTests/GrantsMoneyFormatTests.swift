import Testing
@testable import Methods

private typealias F = GrantsFixtures
private typealias L = Grants.AmountLocale

@Suite("Grants: money formatting and the format–parse round trip")
struct GrantsMoneyFormatTests {
    @Test func eachLocaleGroupsAndSeparatesItsOwnWay() {
        let amount = F.eur(1_234, 56)
        #expect(Grants.MoneyFormatter.format(amount, locale: .en) == "1,234.56")
        #expect(Grants.MoneyFormatter.format(amount, locale: .sq) == "1\u{00A0}234,56")
        #expect(Grants.MoneyFormatter.format(amount, locale: .mk) == "1.234,56")
        #expect(Grants.MoneyFormatter.format(amount, locale: .srLatn) == "1.234,56")
        #expect(Grants.MoneyFormatter.format(amount, locale: .srCyrl) == "1.234,56")
        #expect(Grants.MoneyFormatter.format(F.eur(1_234_567, 89), locale: .en) == "1,234,567.89")
        #expect(Grants.MoneyFormatter.format(F.eur(100), locale: .mk) == "100,00")
        #expect(Grants.MoneyFormatter.format(F.eur(0, 5), locale: .en) == "0.05")
        #expect(Grants.MoneyFormatter.format(Grants.Money(minorUnits: -500, currency: .eur), locale: .en) == "-5.00")
    }

    @Test func withCurrency() {
        #expect(Grants.MoneyFormatter.formatWithCurrency(F.eur(13_333, 33), locale: .en) == "€13,333.33")
        #expect(Grants.MoneyFormatter.formatWithCurrency(F.eur(13_333, 33), locale: .mk) == "13.333,33\u{00A0}€")
        #expect(Grants.MoneyFormatter.formatWithCurrency(Grants.Money(61_500, .mkd), locale: .mk) == "61.500,00\u{00A0}MKD")
        #expect(Grants.MoneyFormatter.formatWithCurrency(Grants.Money(61_500, .mkd), locale: .en) == "MKD 61,500.00")
    }

    /// Format then parse gives the same amount, for every locale, over 5,000 values per locale of every
    /// magnitude (deterministic SplitMix64), plus the edges (0, 1 cent, group boundaries, Int64.max cents).
    @Test(arguments: L.allCases)
    func formatThenParseRoundTrips(locale: Grants.AmountLocale) {
        var generator = F.SplitMix64(state: 0x1CEDA)
        var values: [Int64] = [0, 1, 9, 10, 99, 100, 999, 1_000, 99_999, 100_000, 123_456, 99_999_999, 100_000_000, .max]
        for _ in 0..<5_000 {
            let digits = generator.next(below: 18) + 1   // 1 … 18 digits
            var bound: UInt64 = 1
            for _ in 0..<digits { bound *= 10 }
            values.append(Int64(generator.next(below: bound)))
        }
        var failures: [String] = []
        for minorUnits in values {
            for currency in [Grants.Currency.eur, .mkd] {
                let money = Grants.Money(minorUnits: minorUnits, currency: currency)
                for text in [Grants.MoneyFormatter.format(money, locale: locale),
                             Grants.MoneyFormatter.formatWithCurrency(money, locale: locale)]
                where Grants.MoneyParser.parse(text, locale: locale, currency: currency) != .success(money) {
                    failures.append(text)
                }
            }
        }
        #expect(values.count == 5_014)
        #expect(failures.isEmpty, "not read back: \(failures.prefix(10))")
    }

    /// A number formatted in one locale is read correctly or refused in every other locale — never misread.
    @Test func crossLocaleReadingNeverMisreads() {
        var generator = F.SplitMix64(state: 42)
        var misreads: [String] = []
        for _ in 0..<1_000 {
            let money = F.eur(Int64(generator.next(below: 10_000_000)), Int64(generator.next(below: 100)))
            for writer in L.allCases {
                let text = Grants.MoneyFormatter.format(money, locale: writer)
                for reader in L.allCases {
                    if case let .success(read) = Grants.MoneyParser.parse(text, locale: reader, currency: .eur), read != money {
                        misreads.append("\(text) (\(writer.rawValue)) read in \(reader.rawValue) as \(read)")
                    }
                }
            }
        }
        #expect(misreads.isEmpty, "\(misreads.prefix(10))")
    }

    /// Whole numbers typed without decimals, grouped in one locale's style, are never misread in another:
    /// each reading is the typed number or a refusal.
    @Test func groupedWholeNumbersAreReadOrRefusedNeverMisread() {
        var generator = F.SplitMix64(state: 7)
        var misreads: [String] = []
        for _ in 0..<1_000 {
            let units = Int64(generator.next(below: 100_000_000))
            for writer in L.allCases {
                let formatted = Grants.MoneyFormatter.format(F.eur(units), locale: writer)
                let text = String(formatted.dropLast(3))   // "1.234,00" → "1.234"
                for reader in L.allCases {
                    if case let .success(read) = Grants.MoneyParser.parse(text, locale: reader, currency: .eur), read != F.eur(units) {
                        misreads.append("\(text) (\(writer.rawValue)) read in \(reader.rawValue) as \(read)")
                    }
                }
            }
        }
        #expect(misreads.isEmpty, "\(misreads.prefix(10))")
    }
}
