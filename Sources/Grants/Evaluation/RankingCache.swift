// A lot's ranking is recomputed only when one of its applications changed. Every write to an application
// raises its `version` and new applications add rows, so (row count, sum of versions) of the lot changes
// with every change that can move the ranking; reading those two numbers is one indexed aggregate query.
import Kernel
import Network
import Fluent
import Foundation
import Methods
import SQLKit
import Synchronization
import Vapor

final class RankingCache: Sendable {
    struct Fingerprint: Hashable, Sendable, Decodable {
        var n: Int
        var versions: Int?
    }

    typealias Ranked = (result: Grants.RankingResult, line: Grants.FundingLine, rows: [String: EvaluationRoutes.RankingRow])

    private let entries = Mutex([UUID: (Fingerprint, String, Ranked)]())

    static func fingerprint(lot: UUID, on database: Database) async throws -> Fingerprint {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            // SUM of a bigint is NUMERIC on PostgreSQL: cast back to read it as a whole number on both databases.
            .column(SQLRaw("CAST(SUM(version) AS BIGINT)"), as: "versions")
            .from(GrantApplication.schema).where("lot_id", .equal, lot)
            .first(decoding: Fingerprint.self) ?? Fingerprint(n: 0, versions: nil)
    }

    /// The ranking of `lot`, from memory when nothing in the lot changed since it was computed.
    func ranking(of lot: GrantLot, call: GrantCall, currency: Grants.Currency, on database: Database) async throws -> Ranked {
        let id = try lot.requireID()
        let fingerprint = try await Self.fingerprint(lot: id, on: database)
        // The rules the ranking and the funding line follow are part of the key too.
        let settings = [call.minimumReviews, call.spreadThreshold, Int(lot.envelopeMinor ?? -1), Int(lot.maxAmountMinor), lot.maxGrants ?? -1,
                        lot.maxGrantsPerCountry ?? -1].map(String.init).joined(separator: " ") + " " + lot.criteriaJSON + currency.code
        if let (stored, storedSettings, ranked) = entries.withLock({ $0[id] }), stored == fingerprint, storedSettings == settings { return ranked }
        let ranked = try await EvaluationRoutes.rankLot(lot, call: call, currency: currency, on: database)
        entries.withLock { $0[id] = (fingerprint, settings, ranked) }
        return ranked
    }
}

struct RankingCacheKey: StorageKey { typealias Value = RankingCache }

extension Application {
    /// Set by the feature's `prepare` before any route runs.
    var rankingCache: RankingCache {
        get { storage[RankingCacheKey.self]! }
        set { storage[RankingCacheKey.self] = newValue }
    }
}

extension Request {
    var rankingCache: RankingCache { application.rankingCache }
}
