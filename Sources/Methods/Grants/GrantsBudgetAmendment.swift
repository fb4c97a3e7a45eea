extension Grants {
    /// Why a budget amendment needs staff approval.
    public enum AmendmentApprovalReason: Hashable, Sendable, ReasonCoded {
        /// The share of the original total moved between headings exceeds the threshold.
        case reallocationAboveThreshold(share: Ratio, threshold: BasisPoints)
        /// The grand total changes (not a pure reallocation).
        case grandTotalChanged(from: Money, to: Money)
        /// More is asked from the grant than before.
        case requestedIncreased(from: Money, to: Money)

        /// Stable reason code.
        public var code: String {
            switch self {
            case .reallocationAboveThreshold: "grants.amendment.reallocation-above-threshold"
            case .grandTotalChanged: "grants.amendment.grand-total-changed"
            case .requestedIncreased: "grants.amendment.requested-increased"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .reallocationAboveThreshold(share, threshold): ["share": .ratio(share), "threshold": .ratio(threshold.ratio)]
            case let .grandTotalChanged(from, to), let .requestedIncreased(from, to): ["from": .money(from), "to": .money(to)]
            }
        }
    }

    /// The change of one heading between the original and the revised budget.
    public struct CategoryChange: Hashable, Sendable {
        /// The heading.
        public var category: BudgetCategory
        /// Its subtotal before.
        public var before: Money
        /// Its subtotal after.
        public var after: Money
        /// `after − before` (negative when money leaves the heading).
        public var difference: Money
    }

    /// How much a budget amendment moves between headings and whether staff must approve it.
    public struct AmendmentAssessment: Hashable, Sendable {
        /// Every heading that appears in either budget, original order first, with its change.
        public var changes: [CategoryChange]
        /// The amount moved: the larger of the sum of increases and the sum of decreases.
        public var moved: Money
        /// `moved ÷ original grand total`, exact.
        public var movedShare: Ratio
        /// Why approval is needed (empty: the grantee may apply the amendment directly).
        public var approvalReasons: [AmendmentApprovalReason]

        /// Whether staff must approve the amendment.
        public var needsApproval: Bool { !approvalReasons.isEmpty }
    }

    /// Compares an original and a revised budget. Approval is needed when the share moved is strictly
    /// above `threshold` (exactly at it is allowed), when the grand total changes, or when the amount
    /// requested from the grant increases.
    public static func assessAmendment(
        original: BudgetTable, revised: BudgetTable, threshold: BasisPoints
    ) throws(MoneyError) -> AmendmentAssessment {
        let before = try original.totals()
        let after = try revised.totals()
        if after.grandTotal.currency != before.grandTotal.currency {
            throw .currencyMismatch(expected: before.grandTotal.currency, found: after.grandTotal.currency)
        }
        var categories = before.categories.map(\.category)
        for subtotal in after.categories where !categories.contains(subtotal.category) { categories.append(subtotal.category) }
        var changes: [CategoryChange] = []
        var increases = Money.zero(original.currency)
        var decreases = Money.zero(original.currency)
        for category in categories {
            let old = before.subtotal(category)
            let new = after.subtotal(category)
            let difference = try new.subtracting(old)
            changes.append(CategoryChange(category: category, before: old, after: new, difference: difference))
            if difference.isNegative {
                decreases = try decreases.subtracting(difference)
            } else {
                increases = try increases.adding(difference)
            }
        }
        let moved = increases.isLess(than: decreases) ? decreases : increases
        let share = before.grandTotal.minorUnits > 0 ? Ratio(moved.minorUnits, before.grandTotal.minorUnits) : .zero
        var reasons: [AmendmentApprovalReason] = []
        if threshold.ratio < share { reasons.append(.reallocationAboveThreshold(share: share, threshold: threshold)) }
        if after.grandTotal != before.grandTotal { reasons.append(.grandTotalChanged(from: before.grandTotal, to: after.grandTotal)) }
        if before.requestedTotal.isLess(than: after.requestedTotal) {
            reasons.append(.requestedIncreased(from: before.requestedTotal, to: after.requestedTotal))
        }
        return AmendmentAssessment(changes: changes, moved: moved, movedShare: share, approvalReasons: reasons)
    }
}
