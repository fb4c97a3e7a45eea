extension Grants {
    /// The rules for drawing a lot's funding line.
    public struct FundingPolicy: Hashable, Sendable {
        /// The lot's envelope.
        public var budget: Money
        /// The lowest mean score that can be funded or reserved (nil: none).
        public var passMark: Ratio?
        /// The most grants (nil: only the envelope limits).
        public var maximumGrants: Int?
        /// The most grants per applicant country (nil: no quota).
        public var maximumGrantsPerCountry: Int?
        /// The longest reserve list (nil: unlimited).
        public var reserveListSize: Int?

        /// A policy.
        public init(
            budget: Money, passMark: Ratio? = nil, maximumGrants: Int? = nil, maximumGrantsPerCountry: Int? = nil,
            reserveListSize: Int? = nil
        ) {
            self.budget = budget
            self.passMark = passMark
            self.maximumGrants = maximumGrants
            self.maximumGrantsPerCountry = maximumGrantsPerCountry
            self.reserveListSize = reserveListSize
        }
    }

    /// Why an application went to the reserve list.
    public enum ReserveReason: String, Hashable, Sendable {
        /// Its amount did not fit in what was left of the envelope (the line closed there).
        case budgetExhausted = "budget-exhausted"
        /// The lot's number of grants was reached (the line closed there).
        case grantLimitReached = "grant-limit-reached"
        /// Its country's quota was already full (the line stayed open for others).
        case countryQuotaReached = "country-quota-reached"
    }

    /// Why an application is neither funded nor reserved.
    public enum NotFundedReason: String, Hashable, Sendable {
        /// Its mean score is below the pass mark.
        case belowPassMark = "below-pass-mark"
        /// The reserve list was already full.
        case beyondReserveList = "beyond-reserve-list"
        /// Its amount is negative or not in the lot's currency.
        case invalidAmount = "invalid-amount"
    }

    /// An application on the reserve list and why it is there.
    public struct ReserveEntry: Hashable, Sendable {
        /// The application.
        public var application: RankedApplication
        /// Why it was not funded.
        public var reason: ReserveReason
    }

    /// An application neither funded nor reserved, and why.
    public struct NotFundedEntry: Hashable, Sendable {
        /// The application.
        public var application: RankedApplication
        /// Why.
        public var reason: NotFundedReason
    }

    /// The outcome of the funding line for one lot.
    public struct FundingLine: Hashable, Sendable {
        /// Funded, in rank order.
        public var awarded: [RankedApplication]
        /// Reserve list, in rank order.
        public var reserve: [ReserveEntry]
        /// Neither funded nor reserved, in rank order.
        public var notFunded: [NotFundedEntry]
        /// The sum of the awarded amounts.
        public var committed: Money
        /// The envelope minus the committed amount.
        public var remaining: Money
    }

    /// Draws the funding line: in rank order, award while the envelope (and the grant limit) allows,
    /// skipping applications whose country's quota is full. The first application that does not fit
    /// closes the line: it and every later one go to the reserve list in rank order, even if a smaller
    /// amount further down would still fit. Below the pass mark nothing is funded or reserved.
    public static func drawFundingLine(_ ranked: [RankedApplication], policy: FundingPolicy) -> FundingLine {
        let currency = policy.budget.currency
        var line = FundingLine(awarded: [], reserve: [], notFunded: [], committed: .zero(currency), remaining: policy.budget)
        var perCountry: [String: Int] = [:]
        var closedBy: ReserveReason?
        for application in ranked {
            let candidate = application.candidate
            if let passMark = policy.passMark, (candidate.score.mean ?? .zero) < passMark {
                line.notFunded.append(NotFundedEntry(application: application, reason: .belowPassMark))
                continue
            }
            if candidate.requested.currency != currency || candidate.requested.isNegative {
                line.notFunded.append(NotFundedEntry(application: application, reason: .invalidAmount))
                continue
            }
            var reason = closedBy
            if reason == nil {
                if let quota = policy.maximumGrantsPerCountry, perCountry[candidate.country, default: 0] >= quota {
                    reason = .countryQuotaReached
                } else if let limit = policy.maximumGrants, line.awarded.count >= limit {
                    reason = .grantLimitReached
                    closedBy = reason
                } else if line.remaining.isLess(than: candidate.requested) {
                    reason = .budgetExhausted
                    closedBy = reason
                }
            }
            guard let reserveReason = reason else {
                line.awarded.append(application)
                line.committed = Money(minorUnits: line.committed.minorUnits + candidate.requested.minorUnits, currency: currency)
                line.remaining = Money(minorUnits: line.remaining.minorUnits - candidate.requested.minorUnits, currency: currency)
                perCountry[candidate.country, default: 0] += 1
                continue
            }
            if let size = policy.reserveListSize, line.reserve.count >= size {
                line.notFunded.append(NotFundedEntry(application: application, reason: .beyondReserveList))
            } else {
                line.reserve.append(ReserveEntry(application: application, reason: reserveReason))
            }
        }
        return line
    }
}
