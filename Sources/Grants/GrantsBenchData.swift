// `iceda grants bench-data`: a large evaluated call for scripts/bench (10,000 applications, 40,000 reviews by
// default), written in batches in one transaction. Deterministic: the same arguments give the same data.
import Kernel
import Network
import ConsoleKit
import Fluent
import Foundation
import Localization
import Methods
import Vapor

struct GrantsBenchDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "applications", help: "How many applications (default 10000).") var applications: Int?
        @Option(name: "reviews", help: "Reviews in all, spread over the reviewed applications (default 40000).") var reviews: Int?
    }
    var help: String { "Adds a generated, fully reviewed call for benchmarks (needs the demo call: run `iceda seed --demo` first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let count = try await GrantsBenchData.generate(on: app.db, applications: signature.applications ?? 10_000, reviews: signature.reviews ?? 40_000)
        context.console.print("Bench call \(GrantsBenchData.callCode): \(count.applications) applications, \(count.reviews) reviews, \(count.grants) grants.")
    }
}

enum GrantsBenchData {
    static let callCode = "bench-call"

    /// A small deterministic generator (SplitMix64), so runs are comparable.
    final class Generator: @unchecked Sendable {
        var state: UInt64
        init(state: UInt64) { self.state = state }
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func int(_ range: ClosedRange<Int64>) -> Int64 { range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1)) }
    }

    static func generate(on database: Database, applications total: Int, reviews reviewTotal: Int) async throws -> (applications: Int, reviews: Int, grants: Int) {
        guard let template = try await GrantCall.query(on: database).filter(\.$code == GrantsSeed.callCode).first() else {
            throw CommandFailure(description: "The demo call \(GrantsSeed.callCode) is missing: run `iceda seed --demo` first.")
        }
        guard try await GrantCall.query(on: database).filter(\.$code == callCode).count() == 0 else {
            throw CommandFailure(description: "The bench call exists already.")
        }
        let organisations = try await Organisation.query(on: database).filter(\.$countryCode ~~ GrantsSeed.countries).filter(\.$kind == .cso).all()
        guard !organisations.isEmpty else { throw CommandFailure(description: "No eligible organisations in the directory.") }
        let templateLots = try await GrantLot.query(on: database).filter(\.$callID == template.requireID()).sort(\.$position).all()
        let author = try await User.query(on: database).sort(\.$createdAt).first()
        let states: [Grants.ApplicationState] = [.reviewed, .reviewed, .reviewed, .inReview, .awarded, .rejected, .reserveList, .submitted]
        let reviewed = (1...max(1, total)).filter { states[$0 % states.count] != .submitted }.count
        let base = reviewed == 0 ? 0 : reviewTotal / reviewed, extra = reviewed == 0 ? 0 : reviewTotal % reviewed
        let reviewerCount = max(base + 1, 20)
        let generator = Generator(state: 2026)
        return try await database.transaction { database in
            var reviewers: [User] = []
            for index in 0..<reviewerCount {
                let user = User(email: "bench.reviewer\(index)@bench.invalid", name: "Bench reviewer \(index)", passwordHash: nil, role: .reviewer)
                try await user.save(on: database)
                reviewers.append(user)
            }
            let (call, lots) = try await GrantsCycleSeed.copy(template, code: callCode, status: .closed, opensAt: template.opensAt, deadline: template.deadline,
                                                              year: "bench", lots: templateLots, on: database)
            let criteria = lots[0].criteria.map { Grants.Criterion(id: $0.id, title: $0.id, weight: $0.weight, maxScore: $0.maxScore) }
            var reviewedSoFar = 0
            var applications: [GrantApplication] = []
            var reviews: [GrantReview] = []
            var grants: [Grant] = []
            var written = (applications: 0, reviews: 0, grants: 0)
            func flush() async throws {
                try await applications.create(on: database)
                try await reviews.create(on: database)
                try await grants.create(on: database)
                written.applications += applications.count
                written.reviews += reviews.count
                written.grants += grants.count
                applications.removeAll(keepingCapacity: true)
                reviews.removeAll(keepingCapacity: true)
                grants.removeAll(keepingCapacity: true)
            }
            for number in 1...max(1, total) {
                let lot = lots[number % lots.count]
                let organisation = organisations[Int(generator.next() % UInt64(organisations.count))]
                let state = states[number % states.count]
                let application = try GrantApplication(draftFor: try call.requireID(), lot: try lot.requireID(), organisation: organisation,
                                                       author: try author?.requireID() ?? reviewers[0].requireID(),
                                                       reference: String(format: "BENCH-%05d", number), locale: "en", durationMonths: lot.durationMonths)
                application.title = "Bench application \(number)"
                application.summary = "Generated for the benchmark."
                application.results = lot.minimumResults > 0 ? Array(lot.resultsMenu.prefix(lot.minimumResults).map(\.id)) : []
                application.requestedMinor = generator.int(lot.minAmountMinor / 100...lot.maxAmountMinor / 100) * 100
                application.stateRaw = state.rawValue
                application.submittedAt = call.deadline.addingTimeInterval(-Double(generator.int(60...2_000_000)))
                var mine: [GrantReview] = []
                if state != .submitted {
                    let first = Int(generator.next() % UInt64(reviewers.count))
                    let mineCount = base + (reviewedSoFar < extra ? 1 : 0)
                    reviewedSoFar += 1
                    for offset in 0..<mineCount {
                        let review = GrantReview()
                        review.applicationID = application.id!
                        review.reviewerID = try reviewers[(first + offset) % reviewers.count].requireID()
                        review.assignedBy = review.reviewerID
                        review.declarationRaw = Grants.ConflictDeclaration.noConflict.rawValue
                        review.conflictNote = ""
                        review.scores = Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, generator.int(0...$0.maxScore)) })
                        review.comment = "Generated review."
                        review.recommendation = "fund"
                        review.submittedAt = application.submittedAt
                        mine.append(review)
                    }
                }
                ApplicationStore.storeAggregate(ApplicationStore.aggregate(application, reviews: mine, criteria: criteria, call: call), in: application)
                applications.append(application)
                reviews += mine
                if state == .awarded {
                    let grant = Grant()
                    grant.lotID = application.lotID
                    grant.organisationID = application.organisationID
                    grant.title = application.title
                    grant.summary = application.summary
                    grant.amountMinor = application.requestedMinor ?? 0
                    grant.awardDate = "2020-09-15"
                    grant.plannedStart = "2020-10-01"
                    grant.durationMonths = lot.durationMonths
                    grant.identifier = GrantsExport.identifierPrefix + application.reference.lowercased()
                    grant.status = Grants.GrantState.active.rawValue
                    grant.applicationID = application.id
                    grant.version = 0
                    grants.append(grant)
                }
                if applications.count == 500 { try await flush() }
            }
            try await flush()
            return written
        }
    }
}
