import Testing
import Methods

/// The table of the 193 UN member states and the names they are published under.
@Suite struct UNEGovSurveyMemberStateTests {
    @Test func table193MemberStatesWithUniqueCodesAndNames() {
        let all = UN.MemberState.all
        #expect(all.count == 193)
        #expect(Set(all.map(\.alpha3)).count == 193)
        #expect(Set(all.map(\.alpha2)).count == 193)
        #expect(all.allSatisfy { $0.alpha3.count == 3 && $0.alpha2.count == 2 })
        #expect(all.allSatisfy { $0.alpha3 == $0.alpha3.uppercased() && $0.alpha2 == $0.alpha2.uppercased() })
        // Every name and variant leads back to its own state: no name is shared by two states.
        for state in all {
            for name in [state.name] + state.variants {
                #expect(UN.MemberState(name: name) == state, "\(name)")
            }
        }
    }

    @Test(arguments: [
        ("Türkiye", "TUR", "TR"), ("Turkey", "TUR", "TR"), ("turkiye", "TUR", "TR"),
        ("Georgia (Country)", "GEO", "GE"), ("Georgia", "GEO", "GE"),
        ("Republic of Moldova", "MDA", "MD"), ("North Macedonia", "MKD", "MK"),
        ("The former Yugoslav Republic of Macedonia", "MKD", "MK"),
        ("Côte d'Ivoire", "CIV", "CI"), ("Cote d’Ivoire", "CIV", "CI"), ("Co\u{0302}te d'Ivoire", "CIV", "CI"),
        ("Democratic People's Republic of Korea", "PRK", "KP"), ("Republic of Korea", "KOR", "KR"),
        ("Bosnia and Herzegovina", "BIH", "BA"), ("Bosnia  and\u{00A0}Herzegovina ", "BIH", "BA"),
        ("  ALBANIA ", "ALB", "AL"), ("Montenegro", "MNE", "ME"), ("Serbia", "SRB", "RS"),
        ("Czech Republic", "CZE", "CZ"), ("Eswatini", "SWZ", "SZ"), ("Swaziland", "SWZ", "SZ"),
        ("South Sudan", "SSD", "SS"), ("Namibia", "NAM", "NA"), ("Netherlands", "NLD", "NL"),
        ("Congo", "COG", "CG"), ("Democratic Republic of the Congo", "COD", "CD"),
        ("Guinea", "GIN", "GN"), ("Equatorial Guinea", "GNQ", "GQ"), ("Guinea-Bissau", "GNB", "GW"),
    ])
    func namesMapToCodes(_ name: String, _ alpha3: String, _ alpha2: String) throws {
        let state = try #require(UN.MemberState(name: name))
        #expect(state.alpha3 == alpha3)
        #expect(state.alpha2 == alpha2)
        #expect(UN.MemberState(alpha3: alpha3.lowercased()) == state)
        #expect(UN.MemberState(alpha2: alpha2) == state)
    }

    @Test func kosovoIsNotAMemberStateButBosniaIs() {
        #expect(UN.MemberState(name: "Kosovo") == nil)
        #expect(UN.MemberState(alpha2: "XK") == nil)
        #expect(UN.MemberState(alpha3: "XKX") == nil)
        #expect(UN.MemberState.isKnownNonMember("Kosovo "))
        #expect(!UN.MemberState.isKnownNonMember("Bosnia and Herzegovina"))
        #expect(UN.MemberState(name: "Bosnia and Herzegovina")?.alpha3 == "BIH")
        #expect(UN.MemberState(name: "Atlantis") == nil)
        #expect(UN.MemberState(name: "") == nil)
    }

    @Test func nameKeyNormalisesWhitespaceCaseAndDiacritics() {
        #expect(UN.nameKey("  Türkiye \t") == "turkiye")
        #expect(UN.nameKey("Côte  d’Ivoire") == "cote d'ivoire")
        #expect(UN.collapsedWhitespace(" Bosnia  and Herzegovina ") == "Bosnia and Herzegovina")
    }
}
