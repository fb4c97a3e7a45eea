// The centres' page models from SQL. A case is written with its counters (`centre_case_counts`: per centre,
// month, dimension and code, updated in the same transaction), so the dashboards read a few hundred counter
// rows whatever the size of the log, and a case sent twice (same client id) is stored and counted once.
import Fluent
import Foundation
import Kernel
import Methods
import SQLKit
import Vapor

enum CaseCounts {
    static let schema = "centre_case_counts"
    /// The dimensions counted per case; `group` counts a case once per vulnerable group it names,
    /// `service-blocker` counts `service|blocker` pairs of the cases that met a blocker.
    static let dimensions = ["total", "channel", "task", "outcome", "blocker", "age_band", "gender", "group", "first_time", "level",
                             "service", "service-blocker"]

    static func keys(of item: CheckedCase) -> [(dimension: String, code: String)] {
        var keys: [(String, String)] = [("total", ""), ("channel", item.channel), ("task", item.task), ("outcome", item.outcome),
                                        ("blocker", item.blocker), ("age_band", item.ageBand), ("gender", item.gender),
                                        ("first_time", item.firstTime ? "yes" : "no"), ("level", item.level),
                                        ("service", item.service.isEmpty ? "-" : item.service)]
        for group in item.groups { keys.append(("group", group)) }
        if item.blocker != "none" { keys.append(("service-blocker", (item.service.isEmpty ? "-" : item.service) + "|" + item.blocker)) }
        return keys
    }
}

/// The outcome of writing cases.
struct CaseWrite: Equatable {
    var stored: Int
    /// Cases whose client id was already stored for the centre: not stored again.
    var alreadyStored: Int
    /// Stored cases that carry a flag.
    var flagged: Int
}

enum CentresData {
    static let groupColumns: [(code: String, column: String)] = [
        ("elderly", "g_elderly"), ("roma", "g_roma"), ("disability", "g_disability"), ("rural", "g_rural"), ("low-income", "g_low_income"),
        ("youth", "g_youth"), ("unemployed", "g_unemployed"), ("returnee", "g_returnee"),
    ]
    static let caseColumns = ["id", "created_at", "centre_id", "client_id", "day", "month", "channel", "service", "task", "outcome", "blocker",
                              "age_band", "gender"] + groupColumns.map(\.column) + ["first_time", "level", "follow_up", "flags", "operator_id"]

    /// Stores checked cases of one centre with their counters, in one transaction, in batches; a client id the
    /// centre already has is skipped. Returns the ids of the stored cases by client id (for follow-ups).
    static func write(_ cases: [CheckedCase], centre: UUID, operator operatorID: UUID?, on database: Database) async throws -> (CaseWrite, [String: UUID]) {
        try await database.transaction { database in
            guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
            var result = CaseWrite(stored: 0, alreadyStored: 0, flagged: 0)
            var ids: [String: UUID] = [:]
            var counts: [CountKey: Int] = [:]
            let now = Date()
            // A client id twice in one call (an offline queue sending a case again with the next): the first counts.
            var seen = Set<String>()
            let unique = cases.filter { seen.insert($0.clientID).inserted }
            result.alreadyStored = cases.count - unique.count
            for batch in stride(from: 0, to: unique.count, by: 300).map({ Array(unique[$0..<min($0 + 300, unique.count)]) }) {
                var insert = sql.insert(into: AssistanceCase.schema).columns(caseColumns)
                var planned: [String: (UUID, CheckedCase)] = [:]
                for item in batch {
                    let id = UUID()
                    planned[item.clientID] = (id, item)
                    var values: [any SQLExpression] = [SQLBind(id), SQLBind(now), SQLBind(centre), SQLBind(item.clientID), SQLBind(item.day.iso),
                                                       SQLBind(String(item.day.iso.prefix(7))), SQLBind(item.channel), SQLBind(item.service),
                                                       SQLBind(item.task), SQLBind(item.outcome), SQLBind(item.blocker), SQLBind(item.ageBand),
                                                       SQLBind(item.gender)]
                    values += groupColumns.map { SQLBind(item.groups.contains($0.code) ? 1 : 0) }
                    values += [SQLBind(item.firstTime ? 1 : 0), SQLBind(item.level), SQLBind(item.followUp ? 1 : 0),
                               SQLBind(item.flags.joined(separator: " ")), SQLBind(operatorID)]
                    insert = insert.values(values)
                }
                let rows = try await insert.ignoringConflicts(with: ["centre_id", "client_id"]).returning("client_id").all()
                let inserted = Set(try rows.map { try $0.decode(column: "client_id", as: String.self) })
                for (clientID, (id, item)) in planned where inserted.contains(clientID) {
                    ids[clientID] = id
                    result.stored += 1
                    if !item.flags.isEmpty { result.flagged += 1 }
                    let month = String(item.day.iso.prefix(7))
                    for key in CaseCounts.keys(of: item) { counts[CountKey(month: month, dimension: key.dimension, code: key.code), default: 0] += 1 }
                }
                result.alreadyStored += batch.count - inserted.count
            }
            try await addCounts(counts, centre: centre, on: sql)
            return (result, ids)
        }
    }

    struct CountKey: Hashable {
        var month: String
        var dimension: String
        var code: String
    }

    static func addCounts(_ counts: [CountKey: Int], centre: UUID, on sql: SQLDatabase) async throws {
        let entries = counts.sorted { ($0.key.month, $0.key.dimension, $0.key.code) < ($1.key.month, $1.key.dimension, $1.key.code) }
        for start in stride(from: 0, to: entries.count, by: 400) {
            var insert = sql.insert(into: CaseCounts.schema).columns("centre_id", "month", "dimension", "code", "n")
            for (key, n) in entries[start..<min(start + 400, entries.count)] {
                insert = insert.values(SQLBind(centre), SQLBind(key.month), SQLBind(key.dimension), SQLBind(key.code), SQLBind(n))
            }
            try await insert.onConflict(with: ["centre_id", "month", "dimension", "code"]) {
                $0.set("n", to: SQLBinaryExpression(SQLColumn("n", table: CaseCounts.schema), .add, SQLColumn("n", table: "excluded")))
            }.run()
        }
    }

    /// The counters of some centres (all when `centres` is nil) over the months `from…to` (`YYYY-MM`, both
    /// included): dimension → code → count, and the total per month.
    static func statistics(centres: [UUID]?, from: String, to: String, on database: Database) async throws -> CaseStatistics {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back so that it decodes as Int on both databases.
        var query = sql.select().column("dimension").column("code").column("month").column(SQLRaw("CAST(SUM(n) AS BIGINT)"), as: "n")
            .from(CaseCounts.schema).where("month", .greaterThanOrEqual, from).where("month", .lessThanOrEqual, to)
        if let centres {
            if centres.isEmpty { return CaseStatistics() }
            query = query.where("centre_id", .in, centres)
        }
        let rows = try await query.groupBy("dimension").groupBy("code").groupBy("month").all()
        var statistics = CaseStatistics()
        for row in rows {
            let dimension = try row.decode(column: "dimension", as: String.self)
            let code = try row.decode(column: "code", as: String.self)
            let month = try row.decode(column: "month", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            if dimension == "total" {
                statistics.total += n
                statistics.byMonth[month, default: 0] += n
            } else {
                statistics.counts[dimension, default: [:]][code, default: 0] += n
            }
        }
        return statistics
    }

    /// Cases per centre over the months `from…to`.
    static func totalsPerCentre(from: String, to: String, on database: Database) async throws -> [UUID: Int] {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.select().column("centre_id").column(SQLRaw("CAST(SUM(n) AS BIGINT)"), as: "n").from(CaseCounts.schema)
            .where("dimension", .equal, "total").where("month", .greaterThanOrEqual, from).where("month", .lessThanOrEqual, to)
            .groupBy("centre_id").all()
        var totals: [UUID: Int] = [:]
        for row in rows { totals[try row.decode(column: "centre_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return totals
    }

    /// The newest flagged cases of a centre, for its operators to check.
    static func flagged(centre: UUID, limit: Int, on database: Database) async throws -> [AssistanceCase] {
        try await AssistanceCase.query(on: database).filter(\.$centreID == centre).filter(\.$flags != "")
            .sort(\.$createdAt, .descending).limit(limit).all()
    }
}

/// What a dashboard shows: totals per month and counts per dimension and code.
struct CaseStatistics: Equatable {
    var total = 0
    var byMonth: [String: Int] = [:]
    var counts: [String: [String: Int]] = [:]

    /// The codes of a dimension by count, largest first (ties by code).
    func ranked(_ dimension: String) -> [(code: String, count: Int)] {
        (counts[dimension] ?? [:]).map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }

    /// A vocabulary's codes in its own order, with their counts (0 when none).
    func ordered(_ dimension: String, codes: [String]) -> [(code: String, count: Int)] {
        codes.map { ($0, counts[dimension]?[$0] ?? 0) }
    }
}
