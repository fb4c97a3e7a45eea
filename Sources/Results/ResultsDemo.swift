// The ICEDA logframe from its project document as demo data: one overall objective, five specific objectives,
// six results and five activity groups, 1 Feb 2020 – 31 Jan 2023, with indicators computed from the metrics of
// the features that exist and reported ones (with evidence) for what the platform cannot see.
import Fluent
import Foundation
import Kernel
import Localization
import Methods

enum ResultsDemo {
    static let slug = "iceda-2020-2023"

    struct IndicatorPlan {
        var code: String
        var title: [AppLocale: String]
        var unit: String
        var source: ResultsIndicator.Source
        var metric: String = ""
        var aggregate: String = "total"
        var disaggregations: String = ""
        var yearly: [Int]
        var total: Int
    }

    /// Adds the programme into a database without one; false when there is one already.
    static func seed(on database: Database) async throws -> Bool {
        guard try await ResultsProgramme.query(on: database).count() == 0 else { return false }
        try await database.transaction { database in
            let programme = ResultsProgramme()
            programme.version = 1
            programme.slug = slug
            programme.title = LocalizedText([.en: "ICEDA — Increasing Civic Engagement in the Digital Agenda", .sq: "ICEDA — Rritja e angazhimit qytetar në Agjendën Digjitale",
                                             .mk: "ИЦЕДА — Зголемување на граѓанскиот ангажман во Дигиталната агенда", .srLatn: "ICEDA — Jačanje građanskog angažmana u Digitalnoj agendi"])
            programme.summary = LocalizedText([
                .en: "Demo data: the logframe, targets and period follow the programme's project document; the identifiers and the budget are placeholders to replace.",
                .sq: "Të dhëna demonstruese: korniza logjike, objektivat dhe periudha ndjekin dokumentin e projektit; identifikuesit dhe buxheti janë vendmbajtës për t'u zëvendësuar.",
                .mk: "Демонстративни податоци: логичката рамка, целните вредности и периодот го следат проектниот документ; ознаките и буџетот се привремени и треба да се заменат.",
                .srLatn: "Demo podaci: logički okvir, ciljne vrednosti i period prate projektni dokument; identifikatori i budžet su privremeni i treba ih zameniti.",
            ])
            programme.donor = "European Union"
            programme.iatiIdentifier = "XI-DEMO-ICEDA-2020"
            programme.reportingOrgName = "Metamorphosis Foundation for Internet and Society"
            programme.reportingOrgRef = "XI-DEMO-ICEDA"
            programme.reportingOrgType = "22"
            programme.budgetMinor = 120_000_000
            programme.currency = "EUR"
            programme.startsOn = "2020-02-01"
            programme.endsOn = "2023-01-31"
            programme.countries = "AL:20,XK:20,ME:20,MK:20,RS:20"
            programme.sectors = "15150:60,22040:40"
            programme.published = true
            try await programme.save(on: database)
            let programmeID = try programme.requireID()
            let partners: [(String, String, String, String)] = [
                ("European Union (DG NEAR)", "XI-IATI-EC_NEAR", "1", "15"),
                ("Metamorphosis Foundation for Internet and Society", "XI-DEMO-ICEDA", "2", "22"),
                ("Metamorphosis Foundation for Internet and Society", "", "4", "22"), ("e-Governance Academy", "", "4", "21"),
                ("CRTA", "", "4", "22"), ("NGO 35mm", "", "4", "22"), ("Open Data Kosovo", "", "4", "22"), ("Lëvizja Mjaft!", "", "4", "22"),
            ]
            for (index, (name, ref, role, type)) in partners.enumerated() {
                let partner = ResultsPartner()
                partner.programmeID = programmeID
                partner.name = name
                partner.ref = ref
                partner.role = role
                partner.type = type
                partner.position = index
                try await partner.save(on: database)
            }
            var position = 0
            func node(_ level: ResultsNode.Level, _ code: String, parent: UUID?, _ title: [AppLocale: String], partner: String = "",
                      assumptions: [AppLocale: String] = [:]) async throws -> UUID {
                let node = ResultsNode()
                node.programmeID = programmeID
                node.parentID = parent
                node.level = level
                node.code = code
                node.title = LocalizedText(title)
                node.assumptions = LocalizedText(assumptions)
                node.partner = partner
                node.position = position
                position += 1
                try await node.save(on: database)
                return try node.requireID()
            }
            let overall = try await node(.overall, "OO", parent: nil, [
                .en: "CSOs take part in shaping and carrying out the Digital Agenda of the Western Balkans",
                .sq: "OSHC-të marrin pjesë në hartimin dhe zbatimin e Agjendës Digjitale të Ballkanit Perëndimor",
                .mk: "Граѓанските организации учествуваат во обликувањето и спроведувањето на Дигиталната агенда на Западен Балкан",
                .srLatn: "Organizacije civilnog društva učestvuju u oblikovanju i sprovođenju Digitalne agende Zapadnog Balkana"])
            let so1 = try await node(.specific, "SO1", parent: overall, [
                .en: "Capacity of CSOs and media for the Digital Agenda", .sq: "Kapacitetet e OSHC-ve dhe mediave për Agjendën Digjitale",
                .mk: "Капацитет на граѓанските организации и медиумите за Дигиталната агенда", .srLatn: "Kapaciteti organizacija civilnog društva i medija za Digitalnu agendu"],
                assumptions: [.en: "Network members keep staff trained by the programme.", .sq: "Anëtarët e rrjetit mbajnë stafin e trajnuar nga programi.",
                              .mk: "Членките на мрежата го задржуваат персоналот обучен од програмата.", .srLatn: "Članice mreže zadržavaju osoblje obučeno u programu."])
            let so2 = try await node(.specific, "SO2", parent: overall, [
                .en: "CSOs help institutions improve e-services and become more open", .sq: "OSHC-të ndihmojnë institucionet të përmirësojnë e-shërbimet dhe të bëhen më të hapura",
                .mk: "Граѓанските организации им помагаат на институциите да ги подобрат е-услугите и да бидат поотворени",
                .srLatn: "Organizacije civilnog društva pomažu institucijama da unaprede e-usluge i postanu otvorenije"])
            let so3 = try await node(.specific, "SO3", parent: overall, [
                .en: "Online trust and safety through awareness trainings at regional, national and local level",
                .sq: "Besim dhe siguri në internet përmes trajnimeve ndërgjegjësuese në nivel rajonal, kombëtar dhe lokal",
                .mk: "Доверба и безбедност на интернет преку обуки за подигање на свеста на регионално, национално и локално ниво",
                .srLatn: "Poverenje i bezbednost na internetu kroz obuke za podizanje svesti na regionalnom, nacionalnom i lokalnom nivou"])
            _ = try await node(.specific, "SO4", parent: overall, [
                .en: "Visibility of digital-agenda issues in civil society and the media", .sq: "Dukshmëria e çështjeve të agjendës digjitale në shoqërinë civile dhe media",
                .mk: "Видливост на прашањата од дигиталната агенда во граѓанското општество и медиумите", .srLatn: "Vidljivost pitanja digitalne agende u civilnom društvu i medijima"])
            let so5 = try await node(.specific, "SO5", parent: overall, [
                .en: "Citizens' demand for good e-services", .sq: "Kërkesa e qytetarëve për e-shërbime të mira",
                .mk: "Побарувачка на граѓаните за добри е-услуги", .srLatn: "Zahtevi građana za dobre e-usluge"])
            let r1 = try await node(.result, "R1", parent: so1, [
                .en: "A network of 30 CSOs backed by small grants for concrete initiatives", .sq: "Një rrjet prej 30 OSHC-sh i mbështetur me grante të vogla për nisma konkrete",
                .mk: "Мрежа од 30 граѓански организации поддржани со мали грантови за конкретни иницијативи", .srLatn: "Mreža od 30 organizacija civilnog društva podržanih malim grantovima za konkretne inicijative"],
                partner: "Metamorphosis Foundation for Internet and Society")
            let r2 = try await node(.result, "R2", parent: so2, [
                .en: "Published research on e-government in five countries", .sq: "Kërkime të publikuara për e-qeverisjen në pesë vende",
                .mk: "Објавени истражувања за е-владата во пет земји", .srLatn: "Objavljena istraživanja o e-upravi u pet zemalja"], partner: "e-Governance Academy")
            let r3 = try await node(.result, "R3", parent: so5, [
                .en: "15 local e-government support centres led by network members", .sq: "15 qendra lokale mbështetëse për e-qeverisjen të udhëhequra nga anëtarët e rrjetit",
                .mk: "15 локални центри за поддршка за е-влада предводени од членки на мрежата", .srLatn: "15 lokalnih centara za podršku e-upravi koje vode članice mreže"])
            let r4 = try await node(.result, "R4", parent: so3, [
                .en: "Better skills of CSOs and local media professionals", .sq: "Aftësi më të mira të OSHC-ve dhe profesionistëve të mediave lokale",
                .mk: "Подобри вештини на граѓанските организации и локалните медиумски професионалци", .srLatn: "Bolje veštine organizacija civilnog društva i lokalnih medijskih profesionalaca"])
            _ = try await node(.result, "R5", parent: so5, [
                .en: "More use of e-government services in certain areas", .sq: "Përdorim më i madh i shërbimeve të e-qeverisjes në disa zona",
                .mk: "Поголема употреба на е-владини услуги во одредени области", .srLatn: "Veće korišćenje usluga e-uprave u pojedinim oblastima"])
            let r6 = try await node(.result, "R6", parent: so2, [
                .en: "Strengthened dialogue with evidence-based recommendations", .sq: "Dialog i forcuar me rekomandime të bazuara në dëshmi",
                .mk: "Зајакнат дијалог со препораки засновани на докази", .srLatn: "Ojačan dijalog sa preporukama zasnovanim na dokazima"])
            let activities: [(String, UUID, [AppLocale: String])] = [
                ("A1", r2, [.en: "Research on e-government and basic digital literacy", .sq: "Kërkime për e-qeverisjen dhe shkrim-leximin digjital bazë",
                            .mk: "Истражување за е-владата и основната дигитална писменост", .srLatn: "Istraživanje o e-upravi i osnovnoj digitalnoj pismenosti"]),
                ("A2", r1, [.en: "Creating the network", .sq: "Krijimi i rrjetit", .mk: "Создавање на мрежата", .srLatn: "Stvaranje mreže"]),
                ("A3", r4, [.en: "A series of trainings", .sq: "Një seri trajnimesh", .mk: "Серија обуки", .srLatn: "Serija obuka"]),
                ("A4", r1, [.en: "Small grants for 30 CSOs", .sq: "Grante të vogla për 30 OSHC", .mk: "Мали грантови за 30 граѓански организации", .srLatn: "Mali grantovi za 30 organizacija"]),
                ("A5", r3, [.en: "Support for citizens and vulnerable groups to use existing e-services", .sq: "Mbështetje për qytetarët dhe grupet vulnerabël për të përdorur e-shërbimet ekzistuese",
                            .mk: "Поддршка на граѓаните и ранливите групи за користење на постојните е-услуги", .srLatn: "Podrška građanima i ranjivim grupama da koriste postojeće e-usluge"]),
            ]
            for (code, parent, title) in activities { _ = try await node(.activity, code, parent: parent, title) }

            let years = [("2020-02-01", "2021-01-31"), ("2021-02-01", "2022-01-31"), ("2022-02-01", "2023-01-31")]
            let plans: [(UUID, IndicatorPlan)] = [
                (r1, IndicatorPlan(code: "R1.1", title: [.en: "CSOs in the network", .sq: "OSHC në rrjet", .mk: "Граѓански организации во мрежата", .srLatn: "Organizacije u mreži"],
                                   unit: "organisations", source: .computed, metric: "network.members", disaggregations: "country", yearly: [10, 20, 30], total: 30)),
                (r1, IndicatorPlan(code: "R1.2", title: [.en: "Small grants awarded", .sq: "Grante të vogla të dhëna", .mk: "Доделени мали грантови", .srLatn: "Dodeljeni mali grantovi"],
                                   unit: "grants", source: .computed, metric: "grants.awarded", disaggregations: "country,lot", yearly: [0, 15, 15], total: 30)),
                (r2, IndicatorPlan(code: "R2.1", title: [.en: "Countries with published e-government research", .sq: "Vende me kërkime të publikuara për e-qeverisjen",
                                                         .mk: "Земји со објавени истражувања за е-влада", .srLatn: "Zemlje sa objavljenim istraživanjima o e-upravi"],
                                   unit: "countries", source: .reported, aggregate: "latest", yearly: [0, 5, 5], total: 5)),
                (r3, IndicatorPlan(code: "R3.1", title: [.en: "Support centres open", .sq: "Qendra mbështetëse të hapura", .mk: "Отворени центри за поддршка", .srLatn: "Otvoreni centri za podršku"],
                                   unit: "centres", source: .computed, metric: "centres.active", disaggregations: "country", yearly: [0, 15, 15], total: 15)),
                (r3, IndicatorPlan(code: "R3.2", title: [.en: "Citizens assisted by the centres", .sq: "Qytetarë të ndihmuar nga qendrat", .mk: "Граѓани на кои центрите им помогнаа", .srLatn: "Građani kojima su centri pomogli"],
                                   unit: "citizens", source: .computed, metric: "centres.citizens-assisted", disaggregations: "country,gender,group", yearly: [0, 15_000, 15_000], total: 30_000)),
                (r4, IndicatorPlan(code: "R4.1", title: [.en: "People trained", .sq: "Persona të trajnuar", .mk: "Обучени лица", .srLatn: "Obučene osobe"],
                                   unit: "people", source: .computed, metric: "trainings.people-trained", disaggregations: "country,gender,audience",
                                   yearly: [100, 250, 250], total: 600)),
                (r6, IndicatorPlan(code: "R6.1", title: [.en: "Evidence-based policy recommendations issued", .sq: "Rekomandime politikash të bazuara në dëshmi të lëshuara",
                                                         .mk: "Издадени препораки за политики засновани на докази", .srLatn: "Izdate preporuke zasnovane na dokazima"],
                                   unit: "recommendations", source: .computed, metric: "dialogue.recommendations-issued", disaggregations: "country",
                                   yearly: [0, 5, 10], total: 15)),
            ]
            for (index, (node, plan)) in plans.enumerated() {
                let indicator = ResultsIndicator()
                indicator.programmeID = programmeID
                indicator.nodeID = node
                indicator.code = plan.code
                indicator.title = LocalizedText(plan.title)
                indicator.definition = LocalizedText()
                indicator.unit = plan.unit
                indicator.ascending = true
                indicator.source = plan.source
                indicator.metric = plan.metric
                indicator.aggregate = plan.aggregate
                indicator.disaggregations = plan.disaggregations
                indicator.baselineValue = 0
                indicator.baselineDate = "2020-02-01"
                indicator.tolerance = 10
                indicator.published = true
                indicator.position = index
                try await indicator.save(on: database)
                // Flows are targeted per year; levels (network, centres, countries) at the end of each year.
                for ((start, end), value) in zip(years, plan.yearly) where value > 0 {
                    try await target(indicator, start, end, value, on: database)
                }
                try await target(indicator, "2020-02-01", "2023-01-31", plan.total, on: database)
                if plan.code == "R2.1" {
                    let reported = ResultsReportedValue()
                    reported.indicatorID = try indicator.requireID()
                    reported.startsOn = "2021-02-01"
                    reported.endsOn = "2021-12-31"
                    reported.value = 5
                    reported.evidence = "https://digital-strategy.ec.europa.eu/en/library/egovernment-benchmark-2023"
                    reported.note = "Demo: the research of the five countries, with the benchmark it builds on."
                    reported.partner = "e-Governance Academy"
                    reported.state = .approved
                    try await reported.save(on: database)
                }
            }
        }
        return true
    }

    static func target(_ indicator: ResultsIndicator, _ start: String, _ end: String, _ value: Int, on database: Database) async throws {
        let target = ResultsTarget()
        target.indicatorID = try indicator.requireID()
        target.startsOn = start
        target.endsOn = end
        target.value = value
        target.note = ""
        try await target.save(on: database)
    }
}
