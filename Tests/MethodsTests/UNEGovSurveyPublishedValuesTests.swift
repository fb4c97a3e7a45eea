import Testing
import Methods

/// The published values of `docs/methods/un-egdi.md` and of the data files, reproduced as imported.
@Suite struct UNEGovSurveyPublishedValuesTests {
    /// One row of the method doc's table of Western Balkan values.
    struct Published: Sendable, CustomStringConvertible {
        var year: Int, rank: Int, egdi: Double, epi: Double, osi: Double, hci: Double, tii: Double
        var description: String { "Albania \(year)" }
    }

    static let albania: [Published] = [
        Published(year: 2018, rank: 74, egdi: 0.6519, epi: 0.7584, osi: 0.7361, hci: 0.7877, tii: 0.4318),
        Published(year: 2022, rank: 63, egdi: 0.7413, epi: 0.7614, osi: 0.8182, hci: 0.8022, tii: 0.6037),
        Published(year: 2024, rank: 62, egdi: 0.80000, epi: 0.72600, osi: 0.81441, hci: 0.81059, tii: 0.77497),
    ]

    @Test("Albania as in the method doc's table", arguments: albania)
    func albaniaMatchesMethodDoc(_ expected: Published) throws {
        let record = try #require(try UNSurveyRealData.get().record("ALB", expected.year))
        #expect(record.alpha2 == "AL")
        #expect(record.publishedName == "Albania")
        #expect(record.rank == expected.rank)
        #expect(record.egdi == expected.egdi)
        #expect(record.epi == expected.epi)
        #expect(record.osi == expected.osi)
        #expect(record.hci == expected.hci)
        #expect(record.tii == expected.tii)
        #expect(record.losi == nil)
    }

    @Test func westernBalkanRowsAsInTheFiles() throws {
        let data = try UNSurveyRealData.get()
        // egdi-2010.csv:96  BIH,Bosnia and Herzegovina,74.0,0.46978000000000003,0.04285,0.27619,0.88856,0.25046999999999997
        let bih = try #require(data.record("BIH", 2010))
        #expect(bih.rank == 74 && bih.egdi == 0.46978000000000003 && bih.epi == 0.04285)
        #expect(bih.osi == 0.27619 && bih.hci == 0.88856 && bih.tii == 0.25046999999999997)
        #expect(bih.source.description == "egdi-2010.csv:96")
        // egdi-2018.csv:162  MKD,The former Yugoslav Republic of Macedonia,79,0.6312,0.7022,0.7153,0.6924,0.4859
        let mkd2018 = try #require(data.record("MKD", 2018))
        #expect(mkd2018.alpha2 == "MK" && mkd2018.publishedName == "The former Yugoslav Republic of Macedonia")
        #expect(mkd2018.rank == 79 && mkd2018.egdi == 0.6312 && mkd2018.tii == 0.4859)
        // egov-data-2022.csv:96  2022,"Bosnia and Herzegovina ",96,0.62560,0.53410,0.48980,0.74890,0.63820
        let bih2022 = try #require(data.record("BIH", 2022))
        #expect(bih2022.publishedName == "Bosnia and Herzegovina")
        #expect(bih2022.rank == 96 && bih2022.egdi == 0.62560 && bih2022.epi == 0.53410)
        #expect(bih2022.osi == 0.48980 && bih2022.hci == 0.74890 && bih2022.tii == 0.63820)
        // egov-data-2024.csv:162  2024,North Macedonia,84,0.70704,0.57530,0.66415,0.70233,0.75459
        let mkd2024 = try #require(data.record("MKD", 2024))
        #expect(mkd2024.publishedName == "North Macedonia" && mkd2024.rank == 84 && mkd2024.egdi == 0.70704)
        // egov-data-2024.csv:191  2024,Serbia,39,0.86184,0.89040,0.85397,0.80941,0.92206
        let srb = try #require(data.record("SRB", 2024))
        #expect(srb.alpha2 == "RS" && srb.rank == 39 && srb.egdi == 0.86184 && srb.tii == 0.92206)
        // egov-data-2024.csv:37  2024,Montenegro,81,0.72111,0.50680,0.52142,0.71904,0.92291
        let mne = try #require(data.record("MNE", 2024))
        #expect(mne.alpha2 == "ME" && mne.rank == 81 && mne.egdi == 0.72111 && mne.hci == 0.71904)
    }

    @Test func variantNamesMapToTheirCodes() throws {
        let data = try UNSurveyRealData.get()
        // egov-data-2022.csv:168  2022,Türkiye,48,0.79830,…  and egdi-2018.csv: TUR,Turkey
        let tur2022 = try #require(data.record("TUR", 2022))
        #expect(tur2022.publishedName == "Türkiye" && tur2022.alpha2 == "TR" && tur2022.egdi == 0.79830)
        #expect(try #require(data.record("TUR", 2018)).publishedName == "Turkey")
        // egov-data-2022.csv:113  2022,"Côte d'Ivoire ",120,0.54670,…
        let civ = try #require(data.record("CIV", 2022))
        #expect(civ.publishedName == "Côte d'Ivoire" && civ.alpha2 == "CI" && civ.rank == 120)
        for year in [2018, 2022, 2024] {
            let geo = try #require(data.record("GEO", year))
            #expect(geo.publishedName == "Georgia (Country)" && geo.alpha2 == "GE")
            #expect(try #require(data.record("MDA", year)).publishedName == "Republic of Moldova")
            #expect(try #require(data.record("PRK", year)).alpha2 == "KP")
        }
    }

    @Test func ranksWrittenAsDecimalsAreWholeNumbers() throws {
        // egdi-2010.csv:38  ALB,Albania,85.0,0.45192,…
        let data = try UNSurveyRealData.get()
        #expect(try #require(data.record("ALB", 2010)).rank == 85)
        #expect(data.report.cleaned[.decimalRank] == 192)
    }
}
