import Foundation

extension Grants {
    /// A call for proposals: its lots, evaluation criteria, submission window and review settings.
    public struct Call: Hashable, Sendable {
        /// Stable identifier, e.g. `iceda-2020-sg`.
        public var id: String
        /// Short title.
        public var title: String
        /// The lots; an application applies to exactly one.
        public var lots: [Lot]
        /// Evaluation criteria, in the order the call lists them; weights sum to 100.
        public var criteria: [Criterion]
        /// Opening and deadline.
        public var window: SubmissionWindow
        /// Valid reviews an application needs before it is ranked (the issue asks for at least two).
        public var minimumReviews: Int
        /// Reviewers' totals further apart than this (points out of 100) flag the application.
        public var spreadThreshold: Ratio
        /// The lowest mean score (out of 100) that can be funded or reserved (nil: none).
        public var passMark: Ratio?
        /// The longest reserve list per lot (nil: every ranked application above the pass mark).
        public var reserveListSize: Int?
        /// Days after the decision is notified during which an appeal is accepted.
        public var appealPeriodDays: Int

        /// A call; see the properties for the meaning of each value.
        public init(
            id: String, title: String, lots: [Lot], criteria: [Criterion], window: SubmissionWindow,
            minimumReviews: Int = 2, spreadThreshold: Ratio = Ratio(20), passMark: Ratio? = nil,
            reserveListSize: Int? = nil, appealPeriodDays: Int = 8
        ) {
            self.id = id
            self.title = title
            self.lots = lots
            self.criteria = criteria
            self.window = window
            self.minimumReviews = minimumReviews
            self.spreadThreshold = spreadThreshold
            self.passMark = passMark
            self.reserveListSize = reserveListSize
            self.appealPeriodDays = appealPeriodDays
        }

        /// The lot with this identifier.
        public func lot(_ id: String) -> Lot? { lots.first { $0.id == id } }

        /// The funding rules of one lot under this call.
        public func fundingPolicy(for lot: Lot) -> FundingPolicy {
            FundingPolicy(
                budget: lot.budget, passMark: passMark, maximumGrants: lot.maximumGrants,
                maximumGrantsPerCountry: lot.maximumGrantsPerCountry, reserveListSize: reserveListSize)
        }

        /// The first instant at which an appeal is late: the same wall-clock time `appealPeriodDays`
        /// calendar days after `notifiedAt`, in the call's time zone (half-open like the deadline).
        public func appealDeadline(notifiedAt: Date) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = window.timeZone
            return calendar.date(byAdding: .day, value: appealPeriodDays, to: notifiedAt) ?? notifiedAt
        }
    }
}
