// Reading a wave with everything in it, guarding writes with the wave's state, and publishing it as an edition.
import Kernel
import Crypto
import Fluent
import Foundation
import Methods
import SQLKit
import Vapor

extension Request {
    /// The signed-in user if they are a researcher, staff or admin; 403 for anyone else.
    func requireResearcher() throws -> User {
        let user = try requireUser()
        guard user.role == .researcher || user.role.isStaff else { throw Abort(.forbidden) }
        return user
    }
}

/// A wave with its services, URLs, answer sheets and reconciled choices, as read at one moment.
struct WaveSnapshot {
    let wave: AssessmentWave
    let services: [WaveService]
    let urls: [WaveURL]
    let sheets: [AnswerSheetRecord]
    let choices: [ReconciledChoice]
    /// Sheets (ordered by researcher id) and choices per URL, grouped once: pages ask for them per URL many times.
    private let sheetsByURL: [UUID: [AnswerSheetRecord]]
    private let choicesByURL: [UUID: [String: String]]
    /// Every URL that two researchers answered, with where they differ (worked out once).
    let disagreements: [URLDisagreements]

    init(wave: AssessmentWave, services: [WaveService], urls: [WaveURL], sheets: [AnswerSheetRecord], choices: [ReconciledChoice]) {
        self.wave = wave
        self.services = services
        self.urls = urls
        self.sheets = sheets
        self.choices = choices
        let sheetsByURL = Dictionary(grouping: sheets, by: \.urlID).mapValues { $0.sorted { $0.researcherID.uuidString < $1.researcherID.uuidString } }
        self.sheetsByURL = sheetsByURL
        choicesByURL = Dictionary(grouping: choices, by: \.urlID).mapValues { group in
            Dictionary(group.map { ($0.question, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        let byID = Dictionary(uniqueKeysWithValues: services.map { ($0.id!, $0) })
        disagreements = urls.compactMap { url in
            let pair = url.id.flatMap { sheetsByURL[$0] } ?? []
            guard pair.count == 2, let service = byID[url.serviceID] else { return nil }
            let list = Reconciliation.disagreements(pair[0].answers, pair[1].answers, scope: service.scope)
            return list.isEmpty ? nil : URLDisagreements(service: service, url: url, sheets: pair, disagreements: list)
        }
    }

    /// The disagreements of one URL with both researchers' answers.
    struct URLDisagreements {
        var service: WaveService
        var url: WaveURL
        /// The two sheets, in a fixed order (by researcher id).
        var sheets: [AnswerSheetRecord]
        var disagreements: [Reconciliation.Disagreement]
    }

    var servicesByID: [UUID: WaveService] { Dictionary(uniqueKeysWithValues: services.map { ($0.id!, $0) }) }

    func urls(of service: WaveService) -> [WaveURL] { urls.filter { $0.serviceID == service.id } }

    /// The sheets of a URL, ordered by researcher id.
    func sheets(of url: WaveURL) -> [AnswerSheetRecord] { url.id.flatMap { sheetsByURL[$0] } ?? [] }

    func choices(of url: WaveURL) -> [String: String] { url.id.flatMap { choicesByURL[$0] } ?? [:] }

    var readiness: WaveReadiness {
        var readiness = WaveReadiness()
        let applicable = services.filter(\.applicable)
        readiness.applicableServices = applicable.count
        let ids = Set(applicable.compactMap(\.id))
        let counted = urls.filter { ids.contains($0.serviceID) }
        readiness.urls = counted.count
        readiness.urlsLackingAnswers = counted.filter { sheets(of: $0).count < 2 }.count
        for item in disagreements where ids.contains(item.service.id!) {
            let chosen = choices(of: item.url)
            readiness.unresolvedDisagreements += item.disagreements.filter { disagreement in
                guard let value = chosen[disagreement.question] else { return true }
                return !Reconciliation.choices(for: disagreement).contains(value)
            }.count
        }
        return readiness
    }

    /// Users who answered in the wave.
    var researcherIDs: Set<UUID> { Set(sheets.map(\.researcherID)) }

    /// The reconciled answers of every service, ready for the method engine; nil while something is unsettled.
    func scoringInput() -> [AssessmentScoring.Service]? {
        typealias B = EGovBenchmark
        var result: [AssessmentScoring.Service] = []
        for service in services {
            guard let event = B.LifeEvent(rawValue: service.lifeEvent), let type = B.ServiceType(name: service.serviceType) else { return nil }
            var rows: [AssessmentScoring.URLAnswers] = []
            for url in urls(of: service) {
                let pair = sheets(of: url)
                guard pair.count == 2 else {
                    if service.applicable { return nil }
                    continue
                }
                guard let answers = Reconciliation.reconciled(pair[0].answers, pair[1].answers, choices: choices(of: url), scope: service.scope) else {
                    if service.applicable { return nil }
                    continue
                }
                rows.append(.init(url: url.url, answers: answers))
            }
            result.append(.init(scope: service.scope == "cross-border" ? .crossBorder : .national, lifeEvent: event, number: service.number,
                                label: service.label, type: type, level: B.GovernmentLevel(name: service.level),
                                applicable: service.applicable, proactive: service.proactive, urls: rows))
        }
        return result
    }
}

enum AssessmentData {
    /// The wave named by the `:wave` parameter; 404 when there is none.
    static func wave(_ request: Request, on database: Database? = nil) async throws -> AssessmentWave {
        guard let id = request.parameters.get("wave").flatMap(UUID.init(uuidString:)),
              let wave = try await AssessmentWave.find(id, on: database ?? request.db) else { throw Abort(.notFound) }
        return wave
    }

    static func snapshot(_ wave: AssessmentWave, on database: Database) async throws -> WaveSnapshot {
        let id = try wave.requireID()
        let services = try await WaveService.query(on: database).filter(\.$waveID == id).all().sorted(by: serviceOrder)
        let order = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1.id!, $0) })
        let urls = try await WaveURL.query(on: database).filter(\.$waveID == id).all()
            .sorted { ((order[$0.serviceID] ?? 0), $0.position) < ((order[$1.serviceID] ?? 0), $1.position) }
        let sheets = try await AnswerSheetRecord.query(on: database).filter(\.$waveID == id).all()
        let choices = try await ReconciledChoice.query(on: database).filter(\.$waveID == id).all()
        return WaveSnapshot(wave: wave, services: services, urls: urls, sheets: sheets, choices: choices)
    }

    /// Life events in the benchmark's order, national before cross-border, numbers compared numerically.
    static func serviceOrder(_ lhs: WaveService, _ rhs: WaveService) -> Bool {
        let l = ObservatoryData.lifeEventOrder(lhs.lifeEvent), r = ObservatoryData.lifeEventOrder(rhs.lifeEvent)
        if l != r { return l < r }
        if lhs.scope != rhs.scope { return lhs.scope == "national" }
        return lhs.number.compare(rhs.number, options: .numeric) == .orderedAscending
    }

    /// The wave changed state while a form was open: the write is refused.
    struct WaveChanged: Error {}

    /// Runs `body` in a transaction that first claims the wave row in the state it was read in. On PostgreSQL
    /// the claim locks the row, so a state change (e.g. publishing) and this write cannot interleave.
    static func write<T: Sendable>(_ wave: AssessmentWave, newState: WaveState? = nil, on database: Database,
                                   _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        let id = try wave.requireID()
        let state = wave.state.rawValue
        let target = (newState ?? wave.state).rawValue
        return try await database.transaction { database in
            guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
            let claimed = try await sql.update(AssessmentWave.schema)
                .set("state", to: target)
                .where("id", .equal, id)
                .where("state", .equal, state)
                .returning("id")
                .all()
            guard claimed.count == 1 else { throw WaveChanged() }
            return try await body(database)
        }
    }

    /// Copies the services of `lifeEvents` from a template country of an edition into the wave; returns how many
    /// were added (services the wave already has are left alone).
    static func copyServices(into waveID: UUID, from edition: Edition, country: String, lifeEvents: Set<String>, on database: Database) async throws -> Int {
        let templates = try await ObservatoryData.services(edition: edition, country: country, on: database)
            .filter { lifeEvents.contains($0.lifeEvent) }
        let existing = try await WaveService.query(on: database).filter(\.$waveID == waveID).all()
        let have = Set(existing.map { "\($0.scope)|\($0.lifeEvent)|\($0.number)" })
        var added: [WaveService] = []
        for template in templates where !have.contains("\(template.scope)|\(template.lifeEvent)|\(template.number)") {
            let service = WaveService()
            service.waveID = waveID
            service.scope = template.scope
            service.lifeEvent = template.lifeEvent
            service.number = template.number
            service.label = template.label
            service.serviceType = template.serviceType
            service.level = template.level
            service.applicable = template.applicable
            service.proactive = template.proactive
            added.append(service)
        }
        try await EditionWriter.insert(added, on: database)
        return added.count
    }

    /// Countries of an edition whose catalogue can serve as a template.
    static func templateCountries(_ edition: Edition?, on database: Database) async throws -> [String] {
        guard let edition else { return [] }
        return try await ObservatoryData.countries(edition: edition, on: database)
    }

    // MARK: publishing

    enum PublishFailure: Error {
        case refused(WaveRefusal)
        case nameTaken
    }

    /// Scores the reconciled answers and stores them as an edition of origin `network`; the wave becomes
    /// published and immutable. All of it happens in one transaction, or nothing does.
    static func publish(_ wave: AssessmentWave, by user: User, on database: Database) async throws -> EditionWriter.Written {
        let waveID = try wave.requireID()
        return try await write(wave, newState: .published, on: database) { database in
            guard let wave = try await AssessmentWave.find(waveID, on: database) else { throw Abort(.notFound) }
            let snapshot = try await snapshot(wave, on: database)
            if case .failure(let refusal) = WaveStateMachine.apply(.publish, to: .reconciling, readiness: snapshot.readiness) {
                throw PublishFailure.refused(refusal)
            }
            guard let input = snapshot.scoringInput(), let country = EGovBenchmark.CountryCode(wave.country) else {
                throw PublishFailure.refused(.unresolvedDisagreements(max(1, snapshot.readiness.unresolvedDisagreements)))
            }
            if try await Edition.query(on: database).filter(\.$name == wave.name).count() > 0 { throw PublishFailure.nameTaken }
            let dataset = AssessmentScoring.dataset(country: country, services: input)
            let results = EGovBenchmark.Engine.compute(dataset)
            let ids = Array(snapshot.researcherIDs)
            let names = ids.isEmpty ? [] : try await User.query(on: database).filter(\.$id ~~ ids).all().map(\.name).sorted()
            let metadata = EditionWriter.Metadata(
                name: wave.name, origin: .network, source: "ICEDA network researchers: " + names.joined(separator: ", "),
                methodVersion: wave.methodVersion, period: "\(wave.startsOn) – \(wave.endsOn)", contentHash: contentHash(wave, input))
            let written = try await EditionWriter.write(metadata, dataset: dataset, results: results, options: .networkWave, on: database)
            wave.state = .published
            wave.editionID = try written.edition.requireID()
            wave.publishedAt = Date()
            try await wave.save(on: database)
            try await Audit.record(on: database, actor: user, action: "assessment.wave.publish", targetType: "assessment_wave",
                                   targetID: waveID.uuidString, before: ["state": WaveState.reconciling.rawValue],
                                   after: ["state": WaveState.published.rawValue, "edition": wave.name, "services": String(written.services),
                                           "urls": String(written.urls), "scores": String(written.scores)])
            return written
        }
    }

    /// SHA-256 of the wave's reconciled answers and definitions: what the published edition was computed from.
    static func contentHash(_ wave: AssessmentWave, _ services: [AssessmentScoring.Service]) -> String {
        var text = "\(wave.country)|\(wave.municipality)|\(wave.startsOn)|\(wave.endsOn)|\(wave.methodVersion)\n"
        for service in services {
            text += "\(service.scope)|\(service.lifeEvent.rawValue)|\(service.number)|\(service.type.rawValue)|\(service.level.rawValue)|"
            text += "\(service.applicable)|\(service.proactive)\n"
            for url in service.urls { text += url.url + " " + EditionWriter.json(url.answers) + "\n" }
        }
        return SecureToken.sha256(text)
    }
}
