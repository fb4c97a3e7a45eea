extension Grants {
    /// Why an application (or its budget) does not meet a lot's rules; all are reported at once.
    public enum ApplicationProblem: Error, Hashable, Sendable, ReasonCoded {
        /// The applicant's country is not eligible.
        case countryNotEligible(String)
        /// The applicant's kind of organisation is not eligible.
        case applicantKindNotEligible(ApplicantKind)
        /// A co-applicant's country is not eligible.
        case coApplicantCountryNotEligible(String)
        /// The amounts are not in the lot's currency.
        case currencyMismatch(expected: Currency, found: Currency)
        /// The requested amount is below the lot's minimum.
        case amountBelowMinimum(requested: Money, minimum: Money)
        /// The requested amount is above the lot's maximum.
        case amountAboveMaximum(requested: Money, maximum: Money)
        /// The duration is outside the lot's range.
        case durationOutOfRange(months: Int, minimum: Int, maximum: Int)
        /// Fewer distinct results chosen from the menu than required.
        case tooFewResults(chosen: Int, minimum: Int)
        /// A chosen result is not on the lot's menu.
        case unknownResult(String)
        /// A result was chosen twice.
        case duplicateResult(String)
        /// The amount stated differs from the budget table's requested total.
        case requestedDiffersFromBudget(requested: Money, budget: Money)
        /// The budget table has no line.
        case budgetEmpty
        /// A line (1-based) has an amount in another currency than the table's.
        case lineCurrencyMismatch(line: Int, found: Currency)
        /// A line (1-based) has a negative unit cost, requested amount or co-financing.
        case lineNegativeAmount(line: Int)
        /// A line's (1-based) quantity is zero or negative.
        case lineQuantityNotPositive(line: Int)
        /// A line (1-based) has no description.
        case lineDescriptionMissing(line: Int)
        /// A line's (1-based) requested amount plus co-financing is not its total.
        case lineDoesNotAddUp(line: Int, total: Money, requestedPlusCoFinancing: Money)
        /// The co-financing share is below the lot's minimum.
        case coFinancingBelowMinimum(share: Ratio, minimum: BasisPoints)
        /// An amount or total is too large to compute.
        case budgetTooLarge

        /// Stable reason code.
        public var code: String {
            switch self {
            case .countryNotEligible: "grants.application.country-not-eligible"
            case .applicantKindNotEligible: "grants.application.applicant-kind-not-eligible"
            case .coApplicantCountryNotEligible: "grants.application.co-applicant-country-not-eligible"
            case .currencyMismatch: "grants.application.currency-mismatch"
            case .amountBelowMinimum: "grants.application.amount-below-minimum"
            case .amountAboveMaximum: "grants.application.amount-above-maximum"
            case .durationOutOfRange: "grants.application.duration-out-of-range"
            case .tooFewResults: "grants.application.too-few-results"
            case .unknownResult: "grants.application.unknown-result"
            case .duplicateResult: "grants.application.duplicate-result"
            case .requestedDiffersFromBudget: "grants.application.requested-differs-from-budget"
            case .budgetEmpty: "grants.budget.empty"
            case .lineCurrencyMismatch: "grants.budget.line-currency-mismatch"
            case .lineNegativeAmount: "grants.budget.line-negative-amount"
            case .lineQuantityNotPositive: "grants.budget.line-quantity-not-positive"
            case .lineDescriptionMissing: "grants.budget.line-description-missing"
            case .lineDoesNotAddUp: "grants.budget.line-does-not-add-up"
            case .coFinancingBelowMinimum: "grants.budget.co-financing-below-minimum"
            case .budgetTooLarge: "grants.budget.too-large"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .countryNotEligible(country), let .coApplicantCountryNotEligible(country): ["country": .text(country)]
            case let .applicantKindNotEligible(kind): ["kind": .text(kind.rawValue)]
            case let .currencyMismatch(expected, found): ["expected": .text(expected.code), "found": .text(found.code)]
            case let .amountBelowMinimum(requested, minimum): ["requested": .money(requested), "minimum": .money(minimum)]
            case let .amountAboveMaximum(requested, maximum): ["requested": .money(requested), "maximum": .money(maximum)]
            case let .durationOutOfRange(months, minimum, maximum):
                ["months": .integer(months), "minimum": .integer(minimum), "maximum": .integer(maximum)]
            case let .tooFewResults(chosen, minimum): ["chosen": .integer(chosen), "minimum": .integer(minimum)]
            case let .unknownResult(id), let .duplicateResult(id): ["result": .text(id)]
            case let .requestedDiffersFromBudget(requested, budget): ["requested": .money(requested), "budget": .money(budget)]
            case let .lineCurrencyMismatch(line, found): ["line": .integer(line), "found": .text(found.code)]
            case let .lineNegativeAmount(line), let .lineQuantityNotPositive(line), let .lineDescriptionMissing(line):
                ["line": .integer(line)]
            case let .lineDoesNotAddUp(line, total, sum): ["line": .integer(line), "total": .money(total), "sum": .money(sum)]
            case let .coFinancingBelowMinimum(share, minimum): ["share": .ratio(share), "minimum": .ratio(minimum.ratio)]
            case .budgetEmpty, .budgetTooLarge: [:]
            }
        }
    }
}
