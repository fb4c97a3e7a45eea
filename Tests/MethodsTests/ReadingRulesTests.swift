import Testing
@testable import Methods

@Suite("Rules 1–4: reading answers, keys and flags")
struct ReadingRulesTests {
    @Test("Rule 1: trimmed, case-insensitive yes/no/nr; everything else is BLANK",
          arguments: [
              ("Yes", E.AnswerValue.yes, E.CellReading.canonical),
              ("No", .no, .canonical),
              ("NR", .notRelevant, .canonical),
              (" yes ", .yes, .caseVariant),
              ("Yes ", .yes, .padded),
              ("NO", .no, .caseVariant),
              ("YEs", .yes, .caseVariant),
              ("nr", .notRelevant, .caseVariant),
              ("Nr", .notRelevant, .caseVariant),
              ("", .blank, .empty),
              ("  ", .blank, .empty),
              (".", .blank, .dot),
              ("NR*", .blank, .unreadable),
              ("Yyes", .blank, .unreadable),
              ("No translation at all", .blank, .unreadable),
          ])
    func answerReading(raw: String, value: E.AnswerValue, reading: E.CellReading) {
        let (answer, how) = E.Answer.read(raw)
        #expect(answer.value == value)
        #expect(how == reading)
    }

    @Test("Rule 1 / 14: empty and `.` are both BLANK but only empty is empty")
    func emptyVersusDot() {
        #expect(E.Answer.read("").answer.isEmpty)
        #expect(E.Answer.read("   ").answer.isEmpty)
        #expect(!E.Answer.read(".").answer.isEmpty)
        #expect(!E.Answer.read("Yyes").answer.isEmpty)
    }

    @Test("Rule 1: numeric cells are parsed; empty or `.` is missing")
    func numberReading() {
        #expect(E.Answer.readNumber("100").number == 100)
        #expect(E.Answer.readNumber("2").number == 2)
        #expect(E.Answer.readNumber(" 0 ").number == 0)
        #expect(E.Answer.readNumber("").number == nil)
        #expect(E.Answer.readNumber(".").number == nil)
        #expect(E.Answer.readNumber(".").reading == .dot)
        #expect(E.Answer.readNumber("n/a") == (nil, .unreadable))
    }

    @Test("Rule 2: the service number is the first token of the label, damaged labels still match")
    func serviceNumber() {
        #expect(E.ServiceKey.number(ofLabel: "2.1 Obtain certificate of no outstanding charges") == "2.1")
        #expect(E.ServiceKey.number(ofLabel: "1.3 Submit financial reports t+E484:W508o business registration office") == "1.3")
        #expect(E.ServiceKey.number(ofLabel: "  4.10\tX") == "4.10")
        #expect(E.ServiceKey.number(ofLabel: "   ") == nil)
    }

    @Test("Rule 3: flags are case-insensitive; only `central` is central")
    func governmentLevel() {
        #expect(E.GovernmentLevel(name: "Central") == .central)
        #expect(E.GovernmentLevel(name: "central") == .central)
        #expect(E.GovernmentLevel(name: "Regional") == .regional)
        #expect(E.GovernmentLevel(name: " LOCAL") == .local)
        #expect(E.GovernmentLevel(name: ".") == .unspecified)
        #expect(E.GovernmentLevel(name: "0") == .unspecified)
        #expect(E.GovernmentLevel(name: "National") == .unspecified)
        #expect(!E.ServiceFlags(type: .transactional, level: .unspecified).isCentral)
    }

    @Test("Rule 2: life-event names as in the data, `Economic` is Regular business operations")
    func lifeEvents() {
        #expect(E.LifeEvent(name: "Economic") == .regularBusinessOperations)
        #expect(E.LifeEvent(name: "Regular business operations") == .regularBusinessOperations)
        #expect(E.LifeEvent(name: "business start-up") == .businessStartUp)
        #expect(E.LifeEvent(name: "Owning and driving a car") == nil)
        #expect(E.LifeEvent.allCases.filter { $0.year == 2022 } == [.businessStartUp, .family, .career, .studying])
        #expect(E.LifeEvent.allCases.filter { $0.year == 2021 }.count == 5)
    }

    @Test("Country codes: EL for Greece, GR read as EL, XK accepted, 35 benchmark countries")
    func countryCodes() {
        #expect(E.CountryCode("EL")?.rawValue == "EL")
        #expect(E.CountryCode("gr")?.rawValue == "EL")
        #expect(E.CountryCode("XK") != nil)
        #expect(E.CountryCode("XK")?.isBenchmarkCountry == false)
        #expect(E.CountryCode("UK") == nil)
        #expect(E.CountryCode.eu27.count == 27)
        #expect(E.CountryCode.benchmark.count == 35)
    }

    @Test("Rule 4: not applicable → no score at all")
    func notApplicable() {
        let rows = [nat([.a1: .yes, .a2: .yes, .a3: .yes, .c1: .yes, .f1: .yes, .f2: .yes], mf: 100)]
        #expect(E.NationalServiceScoring.scores(flags: flags(applicable: false), rows: rows) == E.NationalServiceScores())
        #expect(E.CrossBorderServiceScoring.scores(flags: flags(applicable: false), rows: [cb([.g1: .yes])])
            == E.CrossBorderServiceScores())
    }

    @Test("Rule 4: informational → only online availability and mobile friendliness")
    func informational() {
        let rows = [nat([.a1: .yes, .c1: .yes, .f1: .yes, .f2: .yes, .f6: .yes, .f7_1: .yes, .f8: .yes, .f9: .yes], mf: 100)]
        let s = E.NationalServiceScoring.scores(flags: flags(.informational), rows: rows)
        // A1 only: 25; one MF value 100.
        #expect(s == E.NationalServiceScores(onlineAvailability: 25, mobileFriendliness: 100))
        let c = E.CrossBorderServiceScoring.scores(flags: flags(.informational),
                                                  rows: [cb([.g1: .yes, .i1: .yes, .i2: .yes, .i3: .yes, .i4_1: .yes])])
        #expect(c == E.CrossBorderServiceScores(onlineAvailability: 50))
    }
}
