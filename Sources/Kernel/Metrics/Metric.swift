// Figures that features publish for the results layer: a name, a description, the breakdowns it supports and
// a function from a period to values. The results layer reads these and never a feature's tables.
import Fluent
import Foundation
import Methods

/// A period of whole days, both ends included.
package struct MetricPeriod: Sendable, Equatable {
    package var start: CalendarDate
    package var end: CalendarDate

    package init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// Whether the day lies in the period.
    package func contains(_ day: CalendarDate) -> Bool { start <= day && day <= end }

    /// The first instant of the start day and the first instant after the end day, in UTC.
    package var instants: (from: Date, until: Date) {
        (start.noonUTC.addingTimeInterval(-12 * 3600), end.noonUTC.addingTimeInterval(12 * 3600))
    }
}

/// One value of a metric: the figure and the breakdown it belongs to (empty for the total).
package struct MetricValue: Sendable, Equatable {
    package var value: Int
    package var breakdown: [String: String]

    package init(_ value: Int, _ breakdown: [String: String] = [:]) {
        self.value = value
        self.breakdown = breakdown
    }
}

package struct Metric: Sendable {
    /// A stable name, `feature.figure`, e.g. `grants.awarded`.
    package var id: String
    /// What it counts, for people reading a logframe (English; the results layer gives it catalog labels).
    package var description: String
    /// What one unit is, e.g. "organisations", "grants", "minor units of the programme's currency".
    package var unit: String
    /// The breakdowns `values` can give, e.g. `["country", "kind"]`.
    package var breakdowns: [String]
    /// The values for a period: with no breakdown asked, one total; with breakdowns, one value per combination
    /// that occurs (combinations with nothing are left out).
    package var values: @Sendable (_ period: MetricPeriod, _ breakdowns: [String], _ database: Database) async throws -> [MetricValue]
    /// Where the records behind a figure are listed: a page path without the locale (e.g. `/grants/register`), so
    /// that every published number links to what it was computed from; nil when there is no such page.
    package var records: (@Sendable (_ period: MetricPeriod) -> String)?

    package init(id: String, description: String, unit: String, breakdowns: [String],
                 records: (@Sendable (MetricPeriod) -> String)? = nil,
                 values: @escaping @Sendable (MetricPeriod, [String], Database) async throws -> [MetricValue]) {
        self.id = id
        self.description = description
        self.unit = unit
        self.breakdowns = breakdowns
        self.records = records
        self.values = values
    }

    /// Sums items (each with its breakdown values and an amount, 1 for a count) into one value per asked
    /// combination, in a stable order; with no breakdown asked, one total (0 when there is nothing).
    package static func tally(_ items: [(values: [String: String], amount: Int)], by breakdowns: [String]) -> [MetricValue] {
        var sums: [[String: String]: Int] = [:]
        for item in items {
            var key: [String: String] = [:]
            for name in breakdowns { key[name] = item.values[name] ?? "" }
            sums[key, default: 0] += item.amount
        }
        if breakdowns.isEmpty && sums.isEmpty { return [MetricValue(0)] }
        func order(_ key: [String: String]) -> [String] { breakdowns.map { key[$0] ?? "" } }
        return sums.map { MetricValue($0.value, $0.key) }.sorted { order($0.breakdown).lexicographicallyPrecedes(order($1.breakdown)) }
    }
}

/// Money that moved under a programme, as a feature publishes it for donor reports (IATI transactions): a grant
/// committed to an organisation, a tranche paid to it.
package struct FundingTransaction: Sendable, Equatable {
    package enum Kind: String, Sendable { case commitment, disbursement }
    package var kind: Kind
    package var day: CalendarDate
    /// Minor units of `currency`.
    package var amountMinor: Int64
    package var currency: String
    /// The programme's donor identifier (org-id.guide), to match the transactions to a programme.
    package var funder: String
    package var receiverName: String
    /// The receiver's organisation identifier, when it has one.
    package var receiverRef: String
    package var receiverCountry: String
    /// The grant's identifier, e.g. `ICEDA-2020-L1-001`.
    package var reference: String

    package init(kind: Kind, day: CalendarDate, amountMinor: Int64, currency: String, funder: String, receiverName: String,
                 receiverRef: String, receiverCountry: String, reference: String) {
        self.kind = kind
        self.day = day
        self.amountMinor = amountMinor
        self.currency = currency
        self.funder = funder
        self.receiverName = receiverName
        self.receiverRef = receiverRef
        self.receiverCountry = receiverCountry
        self.reference = reference
    }
}
