extension Grants {
    /// A mistake in a call's configuration, found before the call opens.
    public enum CallProblem: Error, Hashable, Sendable, ReasonCoded {
        /// The call has no lot.
        case noLots
        /// Two lots share an identifier.
        case duplicateLot(String)
        /// The call has no evaluation criterion.
        case noCriteria
        /// Two criteria share an identifier.
        case duplicateCriterion(String)
        /// A criterion's weight or maximum score is not positive.
        case invalidCriterion(String)
        /// The criteria's weights do not sum to 100 (the sum found).
        case weightsDoNotSumTo100(Int64)
        /// The deadline is not after the opening.
        case deadlineNotAfterOpening
        /// Fewer than one review per application required, or a negative reserve list or appeal period.
        case invalidReviewSettings
        /// A lot's amounts are not all in one currency.
        case lotCurrencyMismatch(lot: String)
        /// A lot's minimum is negative or above its maximum, or its envelope is below its minimum.
        case lotAmountRangeInvalid(lot: String)
        /// A lot's duration range does not start at one month or more.
        case lotDurationInvalid(lot: String)
        /// A lot's co-financing share is outside 0–100 %.
        case lotCoFinancingInvalid(lot: String)
        /// A lot names no eligible country or applicant kind.
        case lotEligibilityEmpty(lot: String)
        /// A lot's results menu repeats an identifier or has fewer entries than the minimum to choose.
        case lotResultsMenuInvalid(lot: String)

        /// Stable reason code.
        public var code: String {
            switch self {
            case .noLots: "grants.call.no-lots"
            case .duplicateLot: "grants.call.duplicate-lot"
            case .noCriteria: "grants.call.no-criteria"
            case .duplicateCriterion: "grants.call.duplicate-criterion"
            case .invalidCriterion: "grants.call.invalid-criterion"
            case .weightsDoNotSumTo100: "grants.call.weights-not-100"
            case .deadlineNotAfterOpening: "grants.call.deadline-not-after-opening"
            case .invalidReviewSettings: "grants.call.invalid-review-settings"
            case .lotCurrencyMismatch: "grants.call.lot-currency-mismatch"
            case .lotAmountRangeInvalid: "grants.call.lot-amount-range-invalid"
            case .lotDurationInvalid: "grants.call.lot-duration-invalid"
            case .lotCoFinancingInvalid: "grants.call.lot-co-financing-invalid"
            case .lotEligibilityEmpty: "grants.call.lot-eligibility-empty"
            case .lotResultsMenuInvalid: "grants.call.lot-results-menu-invalid"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .duplicateLot(id), let .duplicateCriterion(id), let .invalidCriterion(id): ["id": .text(id)]
            case let .weightsDoNotSumTo100(sum): ["sum": .integer(Int(sum))]
            case let .lotCurrencyMismatch(lot), let .lotAmountRangeInvalid(lot), let .lotDurationInvalid(lot),
                let .lotCoFinancingInvalid(lot), let .lotEligibilityEmpty(lot), let .lotResultsMenuInvalid(lot):
                ["lot": .text(lot)]
            case .noLots, .noCriteria, .deadlineNotAfterOpening, .invalidReviewSettings: [:]
            }
        }
    }

}

extension Grants.Call {
    /// Every problem in the call's configuration at once (empty when the call is sound).
    public var problems: [Grants.CallProblem] {
        typealias CallProblem = Grants.CallProblem
        let call = self
        var problems: [CallProblem] = []
        if call.lots.isEmpty { problems.append(.noLots) }
        problems += Grants.duplicates(call.lots.map(\.id)).map(CallProblem.duplicateLot)
        if call.criteria.isEmpty { problems.append(.noCriteria) }
        problems += Grants.duplicates(call.criteria.map(\.id)).map(CallProblem.duplicateCriterion)
        for criterion in call.criteria where criterion.weight <= 0 || criterion.maxScore <= 0 {
            problems.append(.invalidCriterion(criterion.id))
        }
        let weightSum = call.criteria.reduce(Int64(0)) { $0 + $1.weight }
        if !call.criteria.isEmpty && weightSum != 100 { problems.append(.weightsDoNotSumTo100(weightSum)) }
        if call.window.deadline <= call.window.opensAt { problems.append(.deadlineNotAfterOpening) }
        if call.minimumReviews < 1 || (call.reserveListSize ?? 0) < 0 || call.appealPeriodDays < 0 || call.spreadThreshold < .zero {
            problems.append(.invalidReviewSettings)
        }
        for lot in call.lots { problems += Self.lotProblems(lot) }
        return problems
    }

    private static func lotProblems(_ lot: Grants.Lot) -> [Grants.CallProblem] {
        var problems: [Grants.CallProblem] = []
        if lot.minimumAmount.currency != lot.currency || lot.maximumAmount.currency != lot.currency {
            problems.append(.lotCurrencyMismatch(lot: lot.id))
        } else if lot.minimumAmount.isNegative || lot.maximumAmount.isLess(than: lot.minimumAmount)
            || lot.budget.isLess(than: lot.minimumAmount)
        {
            problems.append(.lotAmountRangeInvalid(lot: lot.id))
        }
        if lot.durationMonths.lowerBound < 1 { problems.append(.lotDurationInvalid(lot: lot.id)) }
        if lot.minimumCoFinancing < Grants.BasisPoints(0) || lot.minimumCoFinancing > .whole {
            problems.append(.lotCoFinancingInvalid(lot: lot.id))
        }
        if lot.eligibleCountries.isEmpty || lot.eligibleApplicantKinds.isEmpty {
            problems.append(.lotEligibilityEmpty(lot: lot.id))
        }
        if !Grants.duplicates(lot.resultsMenu.map(\.id)).isEmpty || lot.minimumResults < 0
            || lot.minimumResults > lot.resultsMenu.count
        {
            problems.append(.lotResultsMenuInvalid(lot: lot.id))
        }
        return problems
    }
}

extension Grants {
    /// Values that occur more than once, each reported once, in order of their second occurrence.
    static func duplicates(_ values: [String]) -> [String] {
        var seen = Set<String>()
        var reported = Set<String>()
        var result: [String] = []
        for value in values {
            if !seen.insert(value).inserted && reported.insert(value).inserted { result.append(value) }
        }
        return result
    }
}
