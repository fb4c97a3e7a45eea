// The network's own assessments through HTTP: a wave for Kosovo from Albania's Justice services, two researchers
// answering independently, reconciliation by a third, publication, and the public pages and API.
import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

/// Users, data folder and small helpers of the assessment tests.
enum AssessmentFixture {
    static let password = "researcher-pass-1"

    @discardableResult
    static func user(_ app: Application, _ email: String, _ name: String, _ role: GlobalRole) async throws -> User {
        let user = User(email: email, name: name, passwordHash: try await app.password.async.hash(password), role: role)
        try await user.save(on: app.db)
        return user
    }

    static func browser(_ app: Application, _ email: String) async throws -> Browser {
        let browser = Browser(app)
        try await browser.signIn(email: email, password: password)
        return browser
    }

    /// A fresh data folder for uploads, removed afterwards.
    static func withDataFolder(_ body: ([String: String]) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iceda-assess-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(["ICEDA_DATA_DIR": folder.path])
    }

    /// A small "2023" benchmark edition with Albania's Justice services (enough to serve as a template).
    static func tinyEdition(_ app: Application) async throws {
        let albania = try #require(EGovBenchmark.CountryCode("AL"))
        let services: [AssessmentScoring.Service] = [
            .init(scope: .national, lifeEvent: .justice, number: "1.2", label: "1.2 Check relevant legislation and rights for defending your case",
                  type: .informational, level: .central, applicable: true, proactive: false,
                  urls: [.init(url: "https://example.al/1", answers: ["A1": "Y", "A2": "Y", "A3": "Y", "MF": "100"])]),
            .init(scope: .national, lifeEvent: .justice, number: "2.1", label: "2.1 Submit small claims procedure (issue the claim to court)",
                  type: .transactional, level: .regional, applicable: true, proactive: false,
                  urls: [.init(url: "https://example.al/2", answers: ["A1": "Y"])]),
        ]
        let dataset = AssessmentScoring.dataset(country: albania, services: services)
        let metadata = EditionWriter.Metadata(name: "2023", origin: .published, source: "test", methodVersion: "test", period: "2021+2022", contentHash: "x")
        _ = try await app.db.transaction { database in
            try await EditionWriter.write(metadata, dataset: dataset, results: EGovBenchmark.Engine.compute(dataset), on: database)
        }
    }

    static func wave(_ app: Application, named name: String) async throws -> AssessmentWave {
        try #require(try await AssessmentWave.query(on: app.db).filter(\.$name == name).first())
    }

    static func path(_ wave: AssessmentWave, _ rest: String = "") -> String {
        "/en/staff/observatory/waves/\(wave.id!.uuidString.lowercased())" + rest
    }

    static func createWave(_ browser: Browser, name: String, country: String = "XK", level: String = "national", municipality: String = "",
                           starts: String = "2026-03-01", ends: String = "2026-05-31", lifeEvents: [String] = ["justice"]) async throws -> TestingHTTPResponse {
        try await browser.post("/en/staff/observatory/waves/new", form: [
            ("name", name), ("country", country), ("level", level), ("municipality", municipality), ("starts_on", starts), ("ends_on", ends),
            ("method_version", AssessmentPages.defaultMethodVersion), ("template_country", "AL"),
        ] + lifeEvents.map { ("life_events[]", $0) })
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01]
}

@Suite struct AssessmentJourneyTests {
    typealias F = AssessmentFixture

    @Test func twoResearchersAReconcilerAndThePublishedScores() async throws {
        try await F.withDataFolder { environment in
            try await withTestApp(environment: environment) { app in
                // setup: the 2023 benchmark (Albania's service catalogue is the template), three researchers
                _ = try await BenchmarkImport.run(directory: SharedData.url("egov-benchmark-2023"), on: app.db)
                try await F.user(app, "ana@example.org", "Ana Krasniqi", .researcher)
                try await F.user(app, "besa@example.org", "Besa Gashi", .researcher)
                try await F.user(app, "drita@example.org", "Drita Berisha", .researcher)
                let ana = try await F.browser(app, "ana@example.org")
                let besa = try await F.browser(app, "besa@example.org")
                let drita = try await F.browser(app, "drita@example.org")

                // 1. Ana creates "Kosovo 2026" from Albania's Justice services
                let created = try await F.createWave(ana, name: "Kosovo 2026")
                #expect(created.status == .seeOther)
                let wave = try await F.wave(app, named: "Kosovo 2026")
                #expect(wave.country == "XK" && wave.state == .draft && wave.templateCountry == "AL")
                let services = try await WaveService.query(on: app.db).filter(\.$waveID == wave.requireID()).all()
                #expect(services.count == 12) // 6 national + 6 cross-border Justice services in AL's landscape
                func service(_ scope: String, _ number: String) throws -> WaveService {
                    try #require(services.first { $0.scope == scope && $0.number == number })
                }
                let information = try service("national", "1.2"), claim = try service("national", "2.1"), foreign = try service("cross-border", "2.1")
                #expect(information.level == "central" && claim.level == "regional" && foreign.level == "regional")

                // 2. Only three services apply; the small-claims procedure is run centrally in Kosovo
                var fields: [(String, String)] = []
                for item in services {
                    let id = item.id!.uuidString.lowercased()
                    if [information.id, claim.id, foreign.id].contains(item.id) { fields.append(("applicable[]", id)) }
                    fields.append(("level_\(id)", item.id == claim.id ? "central" : item.level))
                }
                #expect(try await ana.post(F.path(wave, "/services"), form: fields).status == .seeOther)
                #expect(try await WaveService.find(claim.id, on: app.db)?.level == "central")
                #expect(try await WaveService.query(on: app.db).filter(\.$waveID == wave.requireID()).filter(\.$applicable == true).count() == 3)
                #expect(try await ana.post(F.path(wave, "/state"), form: [("action", "collect")], csrfFrom: F.path(wave)).status == .seeOther)

                // 3. One web address per service
                for (item, url) in [(information, "https://kallxo.example/justice/legislation"), (claim, "https://e-gjykata.example/claim"),
                                    (foreign, "https://e-gjykata.example/en/claim")] {
                    let response = try await ana.post(F.path(wave, "/urls"), form: [("service", item.id!.uuidString), ("url", url)], csrfFrom: F.path(wave))
                    #expect(response.status == .seeOther)
                }
                let duplicate = try await ana.post(F.path(wave, "/urls"), form: [("service", information.id!.uuidString), ("url", "https://kallxo.example/justice/legislation")],
                                                   csrfFrom: F.path(wave))
                #expect(duplicate.status == .unprocessableEntity)
                let urls = try await WaveURL.query(on: app.db).filter(\.$waveID == wave.requireID()).all()
                #expect(urls.count == 3)
                let infoURL = try #require(urls.first { $0.serviceID == information.id }), claimURL = try #require(urls.first { $0.serviceID == claim.id })
                let foreignURL = try #require(urls.first { $0.serviceID == foreign.id })
                func page(_ url: WaveURL) -> String { F.path(wave, "/urls/\(url.id!.uuidString.lowercased())") }

                // 4. A failed submit keeps everything Ana typed (422): impossible date, unreadable mobile score
                let failed = try await ana.post(page(infoURL), form: [
                    ("q_A1", "Y"), ("q_A2", "N"), ("q_A3", "Y"), ("q_MF", "eighty"), ("note", "Legislation page, no e-service"), ("observed_on", "2026-02-30"),
                ], csrfFrom: page(infoURL))
                #expect(failed.status == .unprocessableEntity)
                let kept = failed.body.string
                #expect(kept.contains(#"name="q_A1" type="radio" value="Y" checked"#))
                #expect(kept.contains(#"name="q_A2" type="radio" value="N" checked"#))
                #expect(kept.contains(#"name="q_A3" type="radio" value="Y" checked"#))
                #expect(kept.contains(#"value="eighty""#))
                #expect(kept.contains(#"value="2026-02-30""#))
                #expect(kept.contains("Legislation page, no e-service"))
                #expect(kept.contains("Enter a real date as year-month-day"))
                #expect(kept.contains("Enter the test result as a number from 0 to 100"))
                #expect(try await AnswerSheetRecord.query(on: app.db).count() == 0)

                // 5. A file that is not an image is refused (422) and the answers stay; a PNG is kept as evidence
                let notImage = try await ana.multipart(page(infoURL), fields: [("q_A1", "Y"), ("q_A2", "N"), ("q_A3", "Y"), ("q_MF", "80"), ("observed_on", "2026-03-02")],
                                                       file: ("screenshot", "shot.png", "image/png", Array("<html>not a screenshot</html>".utf8)), csrfFrom: page(infoURL))
                #expect(notImage.status == .unprocessableEntity)
                #expect(notImage.body.string.contains("The screenshot must be a PNG, JPEG or WebP image"))
                #expect(notImage.body.string.contains(#"name="q_A2" type="radio" value="N" checked"#))
                #expect(try await AnswerSheetRecord.query(on: app.db).count() == 0)
                let saved = try await ana.multipart(page(infoURL), fields: [("q_A1", "Y"), ("q_A2", "N"), ("q_A3", "Y"), ("q_MF", "80"), ("note", "Legislation page"),
                                                                            ("observed_on", "2026-03-02")],
                                                    file: ("screenshot", "shot.png", "image/png", F.png), csrfFrom: page(infoURL))
                #expect(saved.status == .seeOther)
                let sha = FileStore.sha256(F.png)
                #expect(FileManager.default.fileExists(atPath: FileStore.path(of: sha, dataDirectory: app.iceda.config.dataDirectory).path))

                // Ana's other two addresses
                #expect(try await ana.post(page(claimURL), form: [
                    ("q_A1", "Y"), ("q_A2", "Y"), ("q_A3", "N"), ("q_MF", "60"), ("q_C1", "Y"), ("q_C2", "N"), ("q_C3", "Y"), ("q_C4", "NR"), ("q_C5", "N"),
                    ("q_C7", "Y"), ("q_F1", "Y"), ("q_F2", "Y"), ("q_F3", "N"), ("q_F4", "Y"), ("q_F6", "Y"), ("q_F7_1", "N"), ("q_F7_2", "Y"),
                    ("q_F8", "Y"), ("q_F9", "N"), ("observed_on", "2026-03-02"),
                ], csrfFrom: page(claimURL)).status == .seeOther)
                let foreignAnswers = [("q_G1", "Y"), ("q_G2", "N"), ("q_I1", "Y"), ("q_I2", "Y"), ("q_I3", "Y"), ("q_I4_1", "N"), ("q_I4_2", "N"),
                                      ("observed_on", "2026-03-03")]
                #expect(try await ana.post(page(foreignURL), form: foreignAnswers, csrfFrom: page(foreignURL)).status == .seeOther)

                // 6. Besa answers on her own: she cannot see Ana's answers before she has submitted hers
                let before = try await besa.get(page(infoURL)).body.string
                #expect(before.contains("Another researcher has answered this address"))
                #expect(!before.contains("Legislation page"))
                #expect(!before.contains(#"value="N" checked"#))
                #expect(try await besa.post(page(infoURL), form: [("q_A1", "Y"), ("q_A2", "Y"), ("q_A3", "Y"), ("q_MF", "80"), ("observed_on", "2026-03-04")],
                                            csrfFrom: page(infoURL)).status == .seeOther)
                #expect(try await besa.post(page(claimURL), form: [
                    ("q_A1", "Y"), ("q_A2", "Y"), ("q_A3", "N"), ("q_MF", "65"), ("q_C1", "Y"), ("q_C2", "N"), ("q_C3", "Y"), ("q_C4", "NR"), ("q_C5", "N"),
                    ("q_C6", "N"), ("q_C7", "Y"), ("q_F1", "Y"), ("q_F2", "Y"), ("q_F3", "N"), ("q_F4", "Y"), ("q_F6", "Y"), ("q_F7_1", "N"),
                    ("q_F7_2", "Y"), ("q_F8", "Y"), ("q_F9", "N"), ("observed_on", "2026-03-04"),
                ], csrfFrom: page(claimURL)).status == .seeOther)
                #expect(try await besa.post(page(foreignURL), form: foreignAnswers, csrfFrom: page(foreignURL)).status == .seeOther)
                // now both see both sheets, and neither may change theirs any more
                let after = try await ana.get(page(infoURL)).body.string
                #expect(after.contains("Both researchers have answered this address"))
                #expect(after.contains("Besa Gashi"))
                #expect(try await ana.post(page(infoURL), form: [("q_A1", "N"), ("observed_on", "2026-03-05")], csrfFrom: F.path(wave)).status == .conflict)
                // Drita, a third researcher, may not add a third sheet
                #expect(try await drita.post(page(infoURL), form: [("q_A1", "N"), ("observed_on", "2026-03-05")], csrfFrom: F.path(wave)).status == .conflict)

                // 7. The disagreements: A2 of the information page, C6 and the mobile score of the claim
                #expect(try await ana.post(F.path(wave, "/state"), form: [("action", "reconcile")], csrfFrom: F.path(wave)).status == .seeOther)
                let listed = try await drita.get(F.path(wave, "/disagreements")).body.string
                #expect(listed.contains("3 disagreements."))
                #expect(listed.contains("A2 Can the service itself be completed online?"))
                #expect(listed.contains("Ana Krasniqi: No") && listed.contains("Besa Gashi: Yes"))
                #expect(listed.contains("MF Mobile friendliness test result"))
                func choice(_ url: WaveURL, _ code: String) -> String { AssessmentPages.choiceField(url: url.id!, question: code) }
                // a researcher who answered may not reconcile
                #expect(try await ana.post(F.path(wave, "/reconcile"), form: [(choice(infoURL, "A2"), "N")], csrfFrom: F.path(wave)).status == .forbidden)
                // all or nothing: one choice missing → 422, nothing saved, the choices made are kept
                let partial = try await drita.post(F.path(wave, "/reconcile"), form: [(choice(infoURL, "A2"), "N"), (choice(claimURL, "MF"), "60")],
                                                   csrfFrom: F.path(wave, "/disagreements"))
                #expect(partial.status == .unprocessableEntity)
                #expect(partial.body.string.contains(#"name="\#(choice(infoURL, "A2"))" type="radio" value="N" checked"#))
                #expect(partial.body.string.contains(#"name="\#(choice(claimURL, "MF"))" type="radio" value="60" checked"#))
                #expect(try await ReconciledChoice.query(on: app.db).count() == 0)
                // publishing before reconciliation is refused
                let early = try await drita.post(F.path(wave, "/state"), form: [("action", "publish")], csrfFrom: F.path(wave))
                #expect(early.status == .conflict)
                #expect(early.body.string.contains("3 disagreements are not reconciled yet."))
                let complete = try await drita.post(F.path(wave, "/reconcile"), form: [
                    (choice(infoURL, "A2"), "N"), (choice(claimURL, "MF"), "60"), (choice(claimURL, "C6"), "none"),
                ], csrfFrom: F.path(wave, "/disagreements"))
                #expect(complete.status == .seeOther)
                #expect(try await ReconciledChoice.query(on: app.db).count() == 3)

                // 8. Publish: an edition of origin network, scored from the reconciled answers only
                #expect(try await drita.post(F.path(wave, "/state"), form: [("action", "publish")], csrfFrom: F.path(wave)).status == .seeOther)
                let edition = try #require(try await Edition.query(on: app.db).filter(\.$name == "Kosovo 2026").first())
                #expect(edition.origin == .network && edition.published)
                #expect(edition.source == "ICEDA network researchers: Ana Krasniqi, Besa Gashi")
                #expect(edition.methodVersion == AssessmentPages.defaultMethodVersion)
                #expect(edition.period == "2026-03-01 – 2026-05-31")
                let scores = try await app.editionCache.scores(of: edition, on: app.db)["XK"] ?? [:]
                let justice = try #require(scores["life-event-justice"])
                let biennial = try #require(scores["biennial"])
                #expect(scores["year-2021"] == nil && scores["year-2022"] == nil)
                #expect(try await BenchmarkScore.query(on: app.db).filter(\.$editionID == edition.requireID()).filter(\.$country == "EU27+").count() == 0)

                // Hand calculation with the rules of docs/methods/egov-benchmark.md, reconciled answers:
                //  national 1.2, central informational: A1=Y, A2=N (reconciled), A3=Y → rule 7: 25 + 0 + 25 = 50; MF 80
                //  national 2.1, now central transactional: A1=Y, A2=Y, A3=N → 25 + 50 + 0 = 75; MF 60 (reconciled)
                //    rule 10 (BEST): C1 100, C2 0, C3 100, C4 dropped (only NR), C5 0, C6 0 (no answer counts as N), C7 100 → 300/6 = 50
                //    rule 9: F1=Y, so all URLs; F2 100, F3 0, F4 100 → 66.67, rounded half up → 67
                //    rule 11: F6=Y, F7_2=Y → 100;  rule 12: F8=Y, F9=N → 0
                //  cross-border 2.1, regional transactional: rule 13: 50·G1 + 50·G2 = 50; rule 14: I1=Y, I2=Y → eID 100;
                //    I3=Y but neither I4 → eDocuments 0
                //  life event (rules 18–26, no portals so 1.3, 2.2, 2.3, 3.4, 4.2 are missing and weights renormalise):
                //    1.1 = 0.8·75 + 0.2·50 = 70;  1.2 = mean(80, 60) = 70;  2.1 = 50;  3.1 = 67, 3.2 = 100, 3.3 = 0;  4.1 = 50 (no informational), 4.3 = 100, 4.4 = 0
                //    user centricity = wmean(2/3·70, 1/3·wmean(2/3·–, 1/3·70)) = 70
                //    transparency = 50;  key enablers = (67 + 100 + 0)/3 = 55.667;  cross-border = (0.5·50 + 0.25·mean(100, 0)) / 0.75 = 50
                //    overall = (70 + 50 + 55.667 + 50)/4 = 56.4167
                let expected: [String: Double] = [
                    "onlineAvailability": 70, "mobileFriendliness": 70, "serviceDelivery": 50, "eID": 67, "eDocuments": 100, "prefilledForms": 0,
                    "crossBorderOnlineAvailability": 50, "crossBorderEID": 100, "crossBorderEDocuments": 0,
                    "userCentricity": 70, "transparency": 50, "keyEnablers": 167.0 / 3, "crossBorder": 50,
                    "overall": (70 + 50 + 167.0 / 3 + 50) / 4,
                ]
                for (measure, value) in expected {
                    #expect(abs((justice[measure] ?? .nan) - value) < 1e-9, "\(measure): \(justice[measure] ?? .nan) ≠ \(value)")
                    #expect(abs((biennial[measure] ?? .nan) - value) < 1e-9, "biennial \(measure)")
                }
                for missing in ["userSupport", "personalData", "serviceDesign", "digitalPost", "crossBorderUserSupport"] { #expect(justice[missing] == nil) }
                let stored = try #require(try await PublicService.query(on: app.db).filter(\.$editionID == edition.requireID())
                    .filter(\.$scope == "national").filter(\.$number == "1.2").first())
                #expect(stored.scores == ["onlineAvailability": 50, "mobileFriendliness": 80])
                let storedURL = try #require(try await AssessedURL.query(on: app.db).filter(\.$serviceID == stored.requireID()).first())
                #expect(storedURL.answers["A2"] == "N" && storedURL.url == "https://kallxo.example/justice/legislation")

                // 9. A published wave is immutable: 409 with a clear message
                let edit = try await ana.post(F.path(wave, "/edit"), form: [("name", "Kosovo 2026 (changed)"), ("country", "XK"), ("level", "national"),
                                                                             ("starts_on", "2026-03-01"), ("ends_on", "2026-05-31"), ("method_version", "x")],
                                              csrfFrom: F.path(wave))
                #expect(edit.status == .conflict)
                #expect(edit.body.string.contains("This wave is published and can no longer change"))
                #expect(try await drita.post(F.path(wave, "/reconcile"), form: [], csrfFrom: F.path(wave)).status == .conflict)
                #expect(try await ana.post(F.path(wave, "/urls"), form: [("service", information.id!.uuidString), ("url", "https://x.example")],
                                           csrfFrom: F.path(wave)).status == .conflict)
                #expect(try await drita.post(F.path(wave, "/state"), form: [("action", "publish")], csrfFrom: F.path(wave)).status == .conflict)
                #expect(try await ana.post(F.path(wave, "/services"), form: [], csrfFrom: F.path(wave)).status == .conflict)
                #expect(try await Edition.query(on: app.db).count() == 2)

                // 10. Everyone sees Kosovo next to the published countries, labelled as the network's own measurement
                try await app.testing().test(.GET, "/en/observatory") { response in
                    let body = response.body.string
                    #expect(body.contains("href=\"/en/observatory/countries/XK\""))
                    #expect(body.contains("measured by the ICEDA network, 2026"))
                    #expect(body.contains("href=\"/en/observatory/countries/AL\""))
                    #expect(body.contains(AssessmentPages.defaultMethodVersion))
                    #expect(body.contains("<td class=\"num\">56.4</td>"))
                }
                try await app.testing().test(.GET, "/en/observatory/countries/XK") { response in
                    #expect(response.status == .ok)
                    let body = response.body.string
                    #expect(body.contains("Kosovo scores 56.4 out of 100 overall in the network&#39;s measurement") || body.contains("Kosovo scores 56.4 out of 100 overall in the network's measurement"))
                    #expect(body.contains("It covers 1 life event."))
                    #expect(body.contains("1 March 2026 – 31 May 2026"))
                    #expect(body.contains("edition=Kosovo%202026&amp;country=XK") || body.contains("edition=Kosovo%202026&country=XK"))
                }
                for locale in ["sq", "mk", "sr-Latn", "sr-Cyrl"] {
                    try await app.testing().test(.GET, "/\(locale)/observatory/countries/XK") { response in
                        #expect(response.status == .ok)
                    }
                }
                try await app.testing().test(.GET, "/sq/observatory") { response in
                    #expect(response.body.string.contains("matur nga rrjeti ICEDA, 2026"))
                }
                try await app.testing().test(.GET, "/en/observatory/countries/XK/services?edition=Kosovo%202026") { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains("Submit small claims procedure"))
                }
                try await app.testing().test(.GET, "/api/v1/observatory/scores?edition=Kosovo%202026&country=XK&column=biennial") { response in
                    let rows = try response.content.decode([ObservatoryAPI.ScoreDTO].self)
                    #expect(abs((rows.first { $0.measure == "overall" }?.value ?? 0) - (70 + 50 + 167.0 / 3 + 50) / 4) < 1e-9)
                }
                try await app.testing().test(.GET, "/api/v1/observatory/waves?country=XK") { response in
                    let waves = try response.content.decode([WaveAPI.WaveDTO].self)
                    #expect(waves.map(\.name) == ["Kosovo 2026"] && waves.first?.lifeEvents == ["justice"] && waves.first?.level == "national")
                }
                // the screenshot is evidence for researchers and staff only
                let file = "/en/staff/observatory/files/\(sha)"
                let image = try await besa.get(file)
                #expect(image.status == .ok && image.headers.first(name: .contentType) == "image/png")
                #expect(Array(image.body.readableBytesView) == F.png)
                try await app.testing().test(.GET, file) { response in #expect(response.status == .seeOther) }
                // and the privileged actions are in the audit log
                let actions = Set(try await AuditEntry.query(on: app.db).all().map(\.action))
                for action in ["assessment.wave.create", "assessment.services.copy", "assessment.services.update", "assessment.wave.state", "assessment.url.add",
                               "assessment.answers.create", "assessment.reconcile", "assessment.wave.publish"] {
                    #expect(actions.contains(action), "\(action) not audited")
                }
            }
        }
    }
}

@Suite struct AssessmentAccessTests {
    typealias F = AssessmentFixture

    @Test func onlyResearchersAndStaffMayUseTheAssessmentPages() async throws {
        try await F.withDataFolder { environment in
            try await withTestApp(environment: environment) { app in
                try await F.tinyEdition(app)
                try await F.user(app, "mira@example.org", "Mira Member", .member)
                try await F.user(app, "rina@example.org", "Rina Researcher", .researcher)
                try await app.testing().test(.GET, "/en/staff/observatory") { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers.first(name: .location)?.hasPrefix("/en/sign-in?next=") == true)
                }
                let member = try await F.browser(app, "mira@example.org")
                #expect(try await member.get("/en/staff/observatory").status == .forbidden)
                #expect(try await member.get("/en/staff/observatory/waves/new").status == .forbidden)
                #expect(try await F.createWave(member, name: "Sneaky").status == .forbidden)
                let researcher = try await F.browser(app, "rina@example.org")
                #expect(try await F.createWave(researcher, name: "Kosovo 2026").status == .seeOther)
                let wave = try await F.wave(app, named: "Kosovo 2026")
                let post = try await member.post("/en/staff/observatory/waves/new", form: [("name", "Sneaky")], csrfFrom: "/en/observatory")
                #expect(post.status == .forbidden)
                #expect(try await member.get(F.path(wave)).status == .forbidden)
                #expect(try await member.post(F.path(wave, "/state"), form: [("action", "collect")], csrfFrom: "/en/observatory").status == .forbidden)
                #expect(try await AssessmentWave.query(on: app.db).count() == 1)
                // the admin (staff) may
                let admin = Browser(app)
                try await admin.signIn()
                #expect(try await admin.get(F.path(wave)).status == .ok)
                // researchers find the waves from the observatory
                #expect(try await researcher.get("/en/observatory").body.string.contains("href=\"/en/staff/observatory\""))
                #expect(try await member.get("/en/observatory").body.string.contains("href=\"/en/staff/observatory\"") == false)
            }
        }
    }

    @Test func waveFormsExplainEveryProblemAndKeepTheInput() async throws {
        try await F.withDataFolder { environment in
            try await withTestApp(environment: environment) { app in
                try await F.tinyEdition(app)
                try await F.user(app, "rina@example.org", "Rina Researcher", .researcher)
                let researcher = try await F.browser(app, "rina@example.org")
                let response = try await F.createWave(researcher, name: "2023", country: "ZZ", level: "municipal", starts: "2026-05-01", ends: "2026-04-01",
                                                      lifeEvents: [])
                #expect(response.status == .unprocessableEntity)
                let body = response.body.string
                for message in ["A wave or edition with this name exists already.", "Choose the country.", "Enter the municipality",
                                "The last day cannot be before the first day.", "Choose at least one life event."] {
                    #expect(body.contains(message), "missing: \(message)")
                }
                #expect(body.contains(#"value="2026-05-01""#))
                #expect(try await AssessmentWave.query(on: app.db).count() == 0)
                // a municipal wave for Skopje
                #expect(try await F.createWave(researcher, name: "Skopje municipal services", country: "MK", level: "municipal", municipality: "Skopje").status == .seeOther)
                let wave = try await F.wave(app, named: "Skopje municipal services")
                #expect(wave.municipality == "Skopje" && wave.country == "MK")
                #expect(try await researcher.get(F.path(wave)).body.string.contains("Municipality: Skopje"))
            }
        }
    }
}

@Suite struct WaveProgressTests {
    typealias F = AssessmentFixture

    /// Publishes a wave straight through the database: one central informational service with one URL that both
    /// researchers answered alike (so nothing needs reconciling).
    static func publishedWave(_ app: Application, name: String, starts: String, ends: String, answers: [String: String],
                              researchers: [User]) async throws {
        let wave = AssessmentWave()
        wave.name = name
        wave.country = "XK"
        wave.municipality = ""
        wave.startsOn = starts
        wave.endsOn = ends
        wave.methodVersion = "test method"
        wave.templateEdition = "2023"
        wave.templateCountry = "AL"
        wave.state = .reconciling
        wave.createdBy = try researchers[0].requireID()
        try await wave.save(on: app.db)
        let service = WaveService()
        service.waveID = try wave.requireID()
        service.scope = "national"
        service.lifeEvent = "justice"
        service.number = "1.2"
        service.label = "1.2 Check relevant legislation"
        service.serviceType = "informational"
        service.level = "central"
        service.applicable = true
        service.proactive = false
        try await service.save(on: app.db)
        let url = WaveURL()
        url.waveID = try wave.requireID()
        url.serviceID = try service.requireID()
        url.position = 1
        url.url = "https://example.org/\(name.replacingOccurrences(of: " ", with: "-"))"
        url.addedBy = try researchers[0].requireID()
        try await url.save(on: app.db)
        for researcher in researchers {
            let sheet = AnswerSheetRecord()
            sheet.waveID = try wave.requireID()
            sheet.urlID = try url.requireID()
            sheet.researcherID = try researcher.requireID()
            sheet.answers = answers
            sheet.note = ""
            sheet.observedOn = starts
            try await sheet.save(on: app.db)
        }
        _ = try await AssessmentData.publish(wave, by: researchers[0], on: app.db)
    }

    @Test func aFollowUpShowsTheChangeSinceTheBaseline() async throws {
        try await withTestApp { app in
            try await F.tinyEdition(app)
            let ana = try await F.user(app, "ana@example.org", "Ana", .researcher)
            let besa = try await F.user(app, "besa@example.org", "Besa", .researcher)
            // baseline: A1 only → online availability 25, MF 50 → user centricity 2/3·25 + 1/3·50 = 33.33, overall 33.33
            try await Self.publishedWave(app, name: "Kosovo 2026", starts: "2026-03-01", ends: "2026-05-31",
                                         answers: ["A1": "Y", "MF": "50"], researchers: [ana, besa])
            // follow-up: A1, A2, A3 → 100, MF 50 → 2/3·100 + 1/3·50 = 83.33 (+50)
            try await Self.publishedWave(app, name: "Kosovo 2027", starts: "2027-03-01", ends: "2027-05-31",
                                         answers: ["A1": "Y", "A2": "Y", "A3": "Y", "MF": "50"], researchers: [ana, besa])
            try await app.testing().test(.GET, "/en/observatory/countries/XK") { response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.contains("Results across waves: Kosovo"))
                #expect(body.contains("Kosovo 2026") && body.contains("Kosovo 2027"))
                #expect(body.contains("baseline"))
                #expect(body.contains(#"<span aria-hidden="true">▲ </span>+50.0<span class="visually-hidden"> higher than in the previous wave</span>"#))
                // the page's measurement is the newest wave
                #expect(body.contains("Kosovo scores 83.3 out of 100 overall"))
                #expect(body.contains("measured by the ICEDA network, 2027"))
            }
            try await app.testing().test(.GET, "/api/v1/observatory/progress?country=XK") { response in
                let rows = try response.content.decode([WaveAPI.ProgressDTO].self)
                let overall = rows.filter { $0.measure == "overall" }
                #expect(overall.map(\.wave) == ["Kosovo 2026", "Kosovo 2027"])
                #expect(overall[0].change == nil)
                #expect(abs((overall[1].change ?? 0) - 50) < 1e-9)
                #expect(abs(overall[1].value - (2.0 / 3 * 100 + 1.0 / 3 * 50)) < 1e-9)
            }
            try await app.testing().test(.GET, "/api/v1/observatory/progress.csv?country=XK") { response in
                let lines = response.body.string.split(separator: "\r\n")
                #expect(lines.first == "wave,country,level,municipality,starts_on,ends_on,method_version,measure,value,change")
                let line = try #require(lines.first { $0.hasPrefix("Kosovo 2027,XK,national,,2027-03-01,2027-05-31,test method,overall,83.33") })
                #expect(abs((Double(line.split(separator: ",").last ?? "") ?? 0) - 50) < 1e-9)
            }
            for bad in ["", "?country=xk", "?country=XKX", "?country=X1", "?country=X%CC%81K"] {
                try await app.testing().test(.GET, "/api/v1/observatory/progress\(bad)") { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/observatory/waves?country=kosovo") { response in
                #expect(response.status == .badRequest)
            }
            // JSON Schema counts code points: an accented capital is not [A-Z]
            try await app.testing().test(.GET, "/api/v1/observatory/services?country=%C3%80L") { response in
                #expect(response.status == .badRequest)
            }
            // the benchmark's newest edition stays the 2023 one, not a wave
            try await app.testing().test(.GET, "/api/v1/observatory/scores?column=biennial&country=AL") { response in
                #expect(response.status == .ok)
                let rows = try response.content.decode([ObservatoryAPI.ScoreDTO].self)
                #expect(!rows.isEmpty)
            }
        }
    }
}

@Suite struct WaveServicesAndURLsTests {
    typealias F = AssessmentFixture

    /// The tiny edition has two Justice services for Albania (1.2 and 2.1); a wave started for Health has none.
    @Test func copyingServicesAddsOnlyWhatIsMissingAndURLsCanBeRemoved() async throws {
        try await F.withDataFolder { environment in
            try await withTestApp(environment: environment) { app in
                try await F.tinyEdition(app)
                try await F.user(app, "ana@example.org", "Ana", .researcher)
                try await F.user(app, "member@example.org", "Member", .member)
                let ana = try await F.browser(app, "ana@example.org")
                let member = try await F.browser(app, "member@example.org")
                #expect(try await F.createWave(ana, name: "Kosovo health", lifeEvents: ["health"]).status == .seeOther)
                let wave = try await F.wave(app, named: "Kosovo health")
                func services() async throws -> Int { try await WaveService.query(on: app.db).filter(\.$waveID == wave.requireID()).count() }
                #expect(try await services() == 0)
                let copy = F.path(wave, "/services/copy"), form = F.path(wave, "/services")
                #expect(try await member.post(copy, form: [("template_country", "AL"), ("life_events[]", "justice")], csrfFrom: "/en/account").status == .forbidden)
                let unknown = try await ana.post(copy, form: [("template_country", "ZZ"), ("life_events[]", "justice")], csrfFrom: form)
                #expect(unknown.status == .unprocessableEntity)
                let none = try await ana.post(copy, form: [("template_country", "AL")], csrfFrom: form)
                #expect(none.status == .unprocessableEntity)
                #expect(try await services() == 0)
                #expect(try await ana.post(copy, form: [("template_country", "AL"), ("life_events[]", "justice")], csrfFrom: form).status == .seeOther)
                #expect(try await services() == 2)
                #expect(try await ana.post(copy, form: [("template_country", "AL"), ("life_events[]", "justice")], csrfFrom: form).status == .seeOther)
                #expect(try await services() == 2)

                let service = try #require(try await WaveService.query(on: app.db).filter(\.$waveID == wave.requireID()).filter(\.$number == "1.2").first())
                let added = try await ana.post(F.path(wave, "/urls"), form: [("service", service.id!.uuidString), ("url", "https://justice.example/legislation")],
                                               csrfFrom: F.path(wave))
                #expect(added.status == .seeOther)
                let url = try #require(try await WaveURL.query(on: app.db).filter(\.$serviceID == service.requireID()).first())
                let delete = F.path(wave, "/urls/\(url.id!.uuidString.lowercased())/delete")
                #expect(try await member.post(delete, form: [], csrfFrom: "/en/account").status == .forbidden)
                #expect(try await ana.post(delete, form: [], csrfFrom: F.path(wave)).status == .seeOther)
                #expect(try await WaveURL.query(on: app.db).filter(\.$serviceID == service.requireID()).count() == 0)
            }
        }
    }
}
