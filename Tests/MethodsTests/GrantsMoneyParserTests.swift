import Testing
@testable import Methods

private typealias F = GrantsFixtures
private typealias L = Grants.AmountLocale

@Suite("Grants: amounts typed in five locales")
struct GrantsMoneyParserTests {
    private func read(_ text: String, _ locale: L, _ currency: Grants.Currency = .eur) -> Result<Grants.Money, Grants.AmountParseError> {
        Grants.MoneyParser.parse(text, locale: locale, currency: currency)
    }

    /// The issue's three formats read the same in every locale: both separators present decide alone.
    @Test(arguments: L.allCases)
    func issueFormatsReadAsOneThousandTwoHundredThirtyFourFiftySix(locale: Grants.AmountLocale) {
        let expected = F.eur(1_234, 56)
        for text in ["1.234,56", "1,234.56", "1 234,56", "1\u{00A0}234,56", "1\u{202F}234,56", "EUR 1,234.56",
                     "€ 1.234,56", "1.234,56 €", "1.234,56€", "eur 1 234,56"] {
            #expect(read(text, locale) == .success(expected), "\(text) in \(locale.rawValue)")
        }
    }

    @Test(arguments: L.allCases)
    func wholeNumbersAndShortDecimalsReadEverywhere(locale: Grants.AmountLocale) {
        #expect(read("1234", locale) == .success(F.eur(1_234)))
        #expect(read("1234.5", locale) == .success(F.eur(1_234, 50)))   // "." + 1 digit can only be decimal
        #expect(read("1234,5", locale) == .success(F.eur(1_234, 50)))
        #expect(read("0,05", locale) == .success(F.eur(0, 5)))
        #expect(read("0", locale) == .success(F.eur(0)))
        #expect(read("  7000 ", locale) == .success(F.eur(7_000)))
        #expect(read("1.234.567", locale) == .success(F.eur(1_234_567)))   // a mark used twice only groups
        #expect(read("1,234,567", locale) == .success(F.eur(1_234_567)))
        #expect(read("1 234 567,89", locale) == .success(F.eur(1_234_567, 89)))
    }

    /// "12.000": twelve thousand where "." groups digits (sq, mk, sr); refused in en, whose decimal
    /// separator is "." — en would read twelve, a regional habit reads twelve thousand.
    @Test func twelveThousandDependsOnTheLocale() {
        for locale in [L.sq, .mk, .srLatn, .srCyrl] {
            #expect(read("12.000", locale) == .success(F.eur(12_000)), "\(locale.rawValue)")
            #expect(read("€ 1.234", locale) == .success(F.eur(1_234)), "\(locale.rawValue)")
            #expect(read("1.234 €", locale) == .success(F.eur(1_234)), "\(locale.rawValue)")
        }
        #expect(read("12.000", .en) == .failure(.ambiguousSeparator(".")))
        #expect(read("€ 1.234", .en) == .failure(.ambiguousSeparator(".")))
        #expect(read("1.234 €", .en) == .failure(.ambiguousSeparator(".")))
    }

    /// "1,234": one thousand two hundred thirty-four in en, ambiguous where "," is the decimal separator.
    @Test func commaWithThreeDigitsIsRefusedWhereCommaIsDecimal() {
        #expect(read("1,234", .en) == .success(F.eur(1_234)))
        for locale in [L.sq, .mk, .srLatn, .srCyrl] {
            #expect(read("1,234", locale) == .failure(.ambiguousSeparator(",")), "\(locale.rawValue)")
        }
        #expect(read("1,5", .mk) == .success(F.eur(1, 50)))
        #expect(read("1,5", .en) == .success(F.eur(1, 50)))
    }

    @Test func negativeAmountsAreRefused() {
        for text in ["-5", "−5", "- 5", "€ -5", "-€5", "5-", "-1.234,56", "-"] {
            #expect(read(text, .mk) == .failure(.negative), "\(text)")
        }
    }

    @Test func moreThanTwoDecimalsAreRefused() {
        #expect(read("1,2345", .mk) == .failure(.tooManyDecimals(4)))
        #expect(read("1.2345", .en) == .failure(.tooManyDecimals(4)))
        #expect(read("1.234,567", .mk) == .failure(.tooManyDecimals(3)))
        #expect(read("1,234.567", .en) == .failure(.tooManyDecimals(3)))
        #expect(read("0.123", .en) == .failure(.tooManyDecimals(3)))      // "0.123" is no grouping: leading 0
        #expect(read("0.123", .mk) == .failure(.tooManyDecimals(3)))
        #expect(read("1234.567", .mk) == .failure(.tooManyDecimals(3)))   // 4-digit lead group: no grouping
    }

    @Test func badGroupingIsRefused() {
        for text in ["12.34.5", "1,,5", "1 23", "1.234 567", "1.234,56.7", "12.34.567", "1.234.567,8.9", "1 234.567,89"] {
            #expect(read(text, .mk) == .failure(.malformedGrouping), "\(text)")
        }
        #expect(read(".5", .en) == .failure(.misplacedSeparator))
        #expect(read("5.", .en) == .failure(.misplacedSeparator))
        #expect(read("5,", .mk) == .failure(.misplacedSeparator))
    }

    @Test func foreignTextAndCurrenciesAreRefused() {
        #expect(read("", .en) == .failure(.empty))
        #expect(read(" \u{00A0} ", .en) == .failure(.empty))
        #expect(read("abc", .en) == .failure(.noDigits))
        #expect(read("1a2", .en) == .failure(.invalidCharacter("a")))
        #expect(read("1'234", .en) == .failure(.invalidCharacter("'")))
        #expect(read("12 kg", .en) == .failure(.unexpectedText("kg")))
        #expect(read("12 pcs", .en) == .failure(.unexpectedText("pcs")))
        #expect(read("USD 5", .en) == .failure(.currencyMismatch(expected: .eur, found: "USD")))
        #expect(read("$5", .en) == .failure(.currencyMismatch(expected: .eur, found: "$")))
        #expect(read("5 ден.", .mk) == .failure(.currencyMismatch(expected: .eur, found: "ден.")))
        #expect(read("€ 5 EUR", .en) == .failure(.unexpectedText("€ … EUR")))
        #expect(read("99999999999999999999", .en) == .failure(.tooLarge))
    }

    @Test func otherCurrenciesReadWithTheirSymbols() {
        #expect(read("1.234,56 ден.", .mk, .mkd) == .success(Grants.Money(1_234, cents: 56, .mkd)))
        #expect(read("1.234,56 дин.", .srCyrl, .rsd) == .success(Grants.Money(1_234, cents: 56, .rsd)))
        #expect(read("1.234,56 din", .srLatn, .rsd) == .success(Grants.Money(1_234, cents: 56, .rsd)))
        #expect(read("1 234 lekë", .sq, .all) == .success(Grants.Money(1_234, .all)))
        #expect(read("MKD 61.500", .mk, .mkd) == .success(Grants.Money(61_500, .mkd)))
    }

    @Test func quantitiesUseTheSameRules() {
        #expect(Grants.Quantity.parse("1,5", locale: .mk) == .success(Grants.Quantity(hundredths: 150)))
        #expect(Grants.Quantity.parse("12.5", locale: .en) == .success(Grants.Quantity(hundredths: 1_250)))
        #expect(Grants.Quantity.parse("2", locale: .sq) == .success(Grants.Quantity(2)))
        #expect(Grants.Quantity.parse("€ 2", locale: .en) == .failure(.unexpectedText("€")))
        #expect(Grants.Quantity.parse("1,234", locale: .mk) == .failure(.ambiguousSeparator(",")))
        #expect(Grants.Quantity.parse("0,125", locale: .mk) == .failure(.tooManyDecimals(3)))
    }

    @Test func refusalsCarryStableCodesAndArguments() {
        let error = Grants.AmountParseError.ambiguousSeparator(",")
        #expect(error.code == "grants.money.ambiguous-separator")
        #expect(error.arguments == ["separator": .text(",")])
        #expect(Grants.AmountParseError.tooManyDecimals(3).arguments == ["decimals": .integer(3), "maximum": .integer(2)])
        #expect(Grants.AmountParseError.negative.code == "grants.money.negative")
        #expect(Grants.AmountParseError.currencyMismatch(expected: .eur, found: "USD").arguments
            == ["expected": .text("EUR"), "found": .text("USD")])
    }
}
