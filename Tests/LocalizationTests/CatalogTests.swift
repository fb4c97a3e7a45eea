import Foundation
import Testing
@testable import Localization

@Suite struct CatalogTests {
    @Test func everyLocaleHasEveryKeyTranslated() throws {
        let problems = CatalogSet.shipped.problems()
        #expect(problems.isEmpty, "\(problems.count) catalog problems:\n\(problems.prefix(60).joined(separator: "\n"))")
    }

    @Test func everyKeyUsedInTheSourcesIsInTheEnglishCatalog() throws {
        // setup: every literal key passed to t("…"), t.plural("…") or request.t("…") in Sources/
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"\bt(?:\.plural)?\("([a-z0-9_.-]+)""#)
        var used: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        // validate
        #expect(used.count > 100, "the scan found too few keys; is the pattern still right?")
        let english = CatalogSet.shipped.entries[.en] ?? [:]
        let missing = used.filter { english[$0] == nil }.sorted()
        #expect(missing.isEmpty, "keys used in code but missing from en.json: \(missing)")
    }

    @Test func aKeyLeftInEnglishIsReported() throws {
        // setup: a catalog directory where Albanian repeats an English text
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [
            "en.json": #"{"a": "Save", "b": {"one": "{count} file", "other": "{count} files"}}"#,
            "sq.json": #"{"a": "Save", "b": {"one": "{count} skedar", "other": "{count} skedarë"}}"#,
            "mk.json": #"{"a": "Зачувај", "b": {"one": "{count} датотека", "other": "{count} датотеки"}}"#,
            "sr-Latn.json": #"{"a": "Sačuvaj", "b": {"one": "{count} datoteka", "other": "{count} datoteka"}}"#,
            "same-as-english.json": #"{"*": []}"#,
            "sr-Cyrl-overrides.json": #"{"words": {}, "keys": {}}"#,
        ]
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        // MUT
        let problems = try CatalogSet.load(from: directory).problems()
        // validate: sq "a" is English; Serbian lacks the "few" plural form (in both scripts)
        #expect(problems.contains("sq: a is left in English"))
        #expect(problems.contains("sr-Latn: b lacks plural form few"))
        #expect(problems.contains("sr-Cyrl: b lacks plural form few"))
        #expect(problems.count == 3, "\(problems)")
    }

    @Test func serbianCyrillicIsDerivedFromLatin() throws {
        let catalogs = CatalogSet.shipped
        // sr-Latn "Prijava" (sign in), written in Cyrillic by hand: П-р-и-ј-а-в-а
        #expect(catalogs.entries[.srLatn]?["auth.sign_in"] == .text("Prijava"))
        #expect(catalogs.entries[.srCyrl]?["auth.sign_in"] == .text("Пријава"))
        // no Serbian Latin letter survives in a generated entry
        guard case .text(let cyrillic)? = catalogs.entries[.srCyrl]?["directory.title"] else {
            Issue.record("directory.title is not a plain text")
            return
        }
        #expect(!cyrillic.contains(where: { "abcdefghijklmnoprstuvzčćđšž".contains($0) }), "Cyrillic text still has Latin letters: \(cyrillic)")
    }
}

@Suite struct TranslatorTests {
    @Test func numbersUseEachLocalesSeparators() {
        // CLDR symbols: en "," and "."; sq no-break space and ","; mk and sr "." and ","
        #expect(Translator(locale: .en).integer(31_770) == "31,770")
        #expect(Translator(locale: .sq).integer(31_770) == "31\u{00A0}770")
        #expect(Translator(locale: .mk).integer(31_770) == "31.770")
        #expect(Translator(locale: .srCyrl).integer(1_234_567) == "1.234.567")
        #expect(Translator(locale: .en).integer(999) == "999")
        #expect(Translator(locale: .en).decimal(45.35968884724671, fractionDigits: 1) == "45.4")
        #expect(Translator(locale: .mk).decimal(1234.5, fractionDigits: 2) == "1.234,50")
        #expect(Translator(locale: .en).decimal(0.05, fractionDigits: 1) == "0.1")
        #expect(Translator(locale: .en).decimal(-2.25, fractionDigits: 1) == "−2.3")
    }

    @Test func datesAreWrittenOutPerLocale() throws {
        let date = try #require(ISO8601DateFormatter().date(from: "2026-11-27T10:00:00Z"))
        #expect(Translator(locale: .en).date(date) == "27 November 2026")
        // CLDR 44 sr and sr-Latn, dateFormatLength long "d. MMMM y.", months in the format context (genitive):
        // "novembra" / "новембра"; the stand-alone name stays "novembar" (month and year: "novembar 2026.")
        #expect(Translator(locale: .srLatn).date(date) == "27. novembra 2026.")
        #expect(Translator(locale: .srCyrl).date(date) == "27. новембра 2026.")
        let january = try #require(ISO8601DateFormatter().date(from: "2027-01-31T10:00:00Z"))
        #expect(Translator(locale: .srLatn).date(january) == "31. januara 2027.")
        #expect(Translator(locale: .srLatn)("month.1") == "januar")
        #expect(Translator(locale: .mk).date(date) == "27 ноември 2026")
        #expect(Translator(locale: .sq).date(date) == "27 nëntor 2026")
    }

    @Test func pluralFormsFollowCLDR() {
        let en = Translator(locale: .en)
        #expect(en.plural("directory.result_count", count: 1) == "1 organisation found.")
        #expect(en.plural("directory.result_count", count: 1_200) == "1,200 organisations found.")
        let sr = Translator(locale: .srLatn)
        // Serbian: 1 and 21 take "one", 2–4 and 22 take "few", 5, 11–14 take "other"
        let one = sr.plural("directory.result_count", count: 1), twentyOne = sr.plural("directory.result_count", count: 21)
        let few = sr.plural("directory.result_count", count: 3), other = sr.plural("directory.result_count", count: 12)
        #expect(one.replacingOccurrences(of: "1", with: "") == twentyOne.replacingOccurrences(of: "21", with: ""))
        #expect(few != one && few != other && one != other)
    }

    @Test func placeholdersAreFilled() {
        #expect(Translator(locale: .en)("ds.page_of", ["page": "2", "pages": "7"]) == "Page 2 of 7")
        #expect(Translator(locale: .en)("no.such.key") == "no.such.key")
    }
}

@Suite struct PluralRuleTests {
    // Expected categories from the CLDR 46 plural rules' own examples (unicode.org/cldr, language_plural_rules).
    @Test(arguments: [
        ("1", PluralCategory.one), ("21", .one), ("101", .one), ("0.1", .one), ("1.1", .one),
        ("2", .few), ("4", .few), ("22", .few), ("0.2", .few), ("1.4", .few),
        ("0", .other), ("5", .other), ("11", .other), ("12", .other), ("14", .other), ("111", .other), ("0.5", .other), ("1.0", .other), ("10.0", .other),
    ])
    func serbian(_ number: String, _ expected: PluralCategory) {
        #expect(PluralRules.category(for: number, language: .serbian) == expected)
    }

    @Test(arguments: [
        ("1", PluralCategory.one), ("21", .one), ("31", .one), ("0.1", .one), ("1.1", .one),
        ("0", .other), ("2", .other), ("11", .other), ("111", .other), ("0.2", .other), ("1.0", .other),
    ])
    func macedonian(_ number: String, _ expected: PluralCategory) {
        #expect(PluralRules.category(for: number, language: .macedonian) == expected)
    }

    @Test func englishAndAlbanian() {
        #expect(PluralRules.category(for: "1", language: .english) == .one)
        #expect(PluralRules.category(for: "1.0", language: .english) == .other) // v = 1
        #expect(PluralRules.category(for: "21", language: .english) == .other)
        #expect(PluralRules.category(for: "1", language: .albanian) == .one)
        #expect(PluralRules.category(for: "1.0", language: .albanian) == .one) // n = 1
        #expect(PluralRules.category(for: "2", language: .albanian) == .other)
    }
}

@Suite struct TransliterationTests {
    let serbian = SerbianTransliterator(exceptions: ["nadživeti": "надживети"])

    @Test(arguments: [
        ("Ljubljana", "Љубљана"), ("Njegoš", "Његош"), ("džep", "џеп"), ("DŽEP", "ЏЕП"), ("Džep", "Џеп"),
        ("Šta ćeš, Đorđe?", "Шта ћеш, Ђорђе?"), ("Čačak i Užice", "Чачак и Ужице"), ("LJUBAV", "ЉУБАВ"),
        ("Prijavi se", "Пријави се"), ("nadživeti", "надживети"),
    ])
    func letters(_ latin: String, _ cyrillic: String) {
        #expect(serbian.toCyrillic(latin) == cyrillic)
    }

    @Test func protectedSpansStayLatin() {
        #expect(serbian.toCyrillic("Preuzmi CSV ili JSON") == "Преузми CSV или JSON")
        #expect(serbian.toCyrillic("Strana {page} od {pages}") == "Страна {page} од {pages}")
        #expect(serbian.toCyrillic("na primer https://example.org ili ime@example.org") == "на пример https://example.org или ime@example.org")
        #expect(serbian.toCyrillic("datoteka.csv") == "datoteka.csv")
        #expect(serbian.toCyrillic("Wi-Fi mreža") == "Wi-Fi мрежа")
    }
}

@Suite struct NegotiationTests {
    @Test(arguments: [
        ("sq-AL,sq;q=0.9,en;q=0.8", AppLocale.sq), ("mk-MK", .mk), ("sr-Latn-RS", .srLatn), ("sr-Cyrl", .srCyrl),
        ("sr-RS", .srCyrl), ("sr", .srCyrl), ("sr-ME", .srLatn), ("hr-HR,hr;q=0.9", .srLatn), ("bs", .srLatn),
        ("de-DE,en;q=0.5", .en), ("fr", .en), ("", .en), ("mk;q=0, sq;q=0.5", .sq), ("en;q=0.4, mk;q=0.9", .mk), ("*", .en),
    ])
    func picksTheBestLocale(_ header: String, _ expected: AppLocale) {
        #expect(AppLocale.negotiate(acceptLanguage: header) == expected)
    }

    @Test func localeTagsParseCaseInsensitively() {
        #expect(AppLocale(tag: "SR-latn") == .srLatn)
        #expect(AppLocale(tag: "xx") == nil)
    }
}

@Suite struct LocalizedTextTests {
    @Test func fallsBackInOrderAndTransliteratesSerbian() {
        let text = LocalizedText([.srLatn: "Podrška građanima", .en: "Help for citizens"])
        #expect(text.resolve(for: .srCyrl)?.text == "Подршка грађанима")
        #expect(text.resolve(for: .srCyrl)?.locale == .srCyrl)
        #expect(text.resolve(for: .mk)?.text == "Help for citizens")
        #expect(text.resolve(for: .mk)?.locale == .en)
        #expect(LocalizedText([.sq: "   "]).isEmpty)
        #expect(LocalizedText().resolve(for: .en) == nil)
    }
}
