extension Grants {
    /// Why a tranche plan or a payment cannot be accepted.
    public enum PaymentProblem: Error, Hashable, Sendable, ReasonCoded {
        /// The plan has no tranche.
        case noTranches
        /// A tranche (1-based) has a zero or negative share.
        case trancheShareNotPositive(tranche: Int)
        /// The shares do not add up to 100 % (the sum found).
        case sharesDoNotSumToWhole(BasisPoints)
        /// The award is negative.
        case negativeAward
        /// A payment is in another currency than the award.
        case currencyMismatch(expected: Currency, found: Currency)
        /// A payment is zero or negative.
        case paymentNotPositive
        /// The payments would exceed the award (by this much).
        case overpayment(excess: Money)

        /// Stable reason code.
        public var code: String {
            switch self {
            case .noTranches: "grants.payment.no-tranches"
            case .trancheShareNotPositive: "grants.payment.tranche-share-not-positive"
            case .sharesDoNotSumToWhole: "grants.payment.shares-not-100"
            case .negativeAward: "grants.payment.negative-award"
            case .currencyMismatch: "grants.payment.currency-mismatch"
            case .paymentNotPositive: "grants.payment.not-positive"
            case .overpayment: "grants.payment.overpayment"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .trancheShareNotPositive(tranche): ["tranche": .integer(tranche)]
            case let .sharesDoNotSumToWhole(sum): ["sum": .ratio(sum.ratio)]
            case let .currencyMismatch(expected, found): ["expected": .text(expected.code), "found": .text(found.code)]
            case let .overpayment(excess): ["excess": .money(excess)]
            case .noTranches, .negativeAward, .paymentNotPositive: [:]
            }
        }
    }

    /// Splits an award into tranches by shares (e.g. 80 % pre-financing, 20 % final). Every tranche but the
    /// last is rounded down to the cent; the last takes the rest, so the tranches always sum to the award.
    public static func tranches(of award: Money, shares: [BasisPoints]) -> Result<[Money], PaymentProblem> {
        guard !shares.isEmpty else { return .failure(.noTranches) }
        if let index = shares.firstIndex(where: { $0.value <= 0 }) { return .failure(.trancheShareNotPositive(tranche: index + 1)) }
        let sum = shares.reduce(Int64(0)) { $0 + $1.value }
        guard sum == BasisPoints.whole.value else { return .failure(.sharesDoNotSumToWhole(BasisPoints(sum))) }
        guard !award.isNegative else { return .failure(.negativeAward) }
        var amounts: [Money] = []
        var allocated: Int64 = 0
        for share in shares.dropLast() {
            let (high, low) = award.minorUnits.multipliedFullWidth(by: share.value)
            let amount = BasisPoints.whole.value.dividingFullWidth((high, low)).quotient
            amounts.append(Money(minorUnits: amount, currency: award.currency))
            allocated += amount
        }
        amounts.append(Money(minorUnits: award.minorUnits - allocated, currency: award.currency))
        return .success(amounts)
    }

    /// What is left to pay of an award after `payments`, refusing foreign, non-positive or excess payments.
    public static func outstanding(award: Money, payments: [Money]) -> Result<Money, PaymentProblem> {
        var paid: Int64 = 0
        for payment in payments {
            if payment.currency != award.currency { return .failure(.currencyMismatch(expected: award.currency, found: payment.currency)) }
            if payment.minorUnits <= 0 { return .failure(.paymentNotPositive) }
            let (sum, overflow) = paid.addingReportingOverflow(payment.minorUnits)
            if overflow || sum > award.minorUnits {
                return .failure(.overpayment(excess: Money(minorUnits: overflow ? .max : sum - award.minorUnits, currency: award.currency)))
            }
            paid = sum
        }
        return .success(Money(minorUnits: award.minorUnits - paid, currency: award.currency))
    }
}
