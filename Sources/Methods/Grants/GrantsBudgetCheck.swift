extension Grants.BudgetTable {
    /// Every problem of this budget against a lot: each line, the requested range and the co-financing share.
    ///
    /// Range and share are checked only when every line is in the table's currency and the totals compute.
    public func problems(against lot: Grants.Lot) -> [Grants.ApplicationProblem] {
        guard !lines.isEmpty else { return [.budgetEmpty] }
        var problems: [Grants.ApplicationProblem] = []
        var linesComputable = true
        if currency != lot.currency { problems.append(.currencyMismatch(expected: lot.currency, found: currency)) }
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let amounts = [line.unitCost, line.requested, line.coFinancing]
            if line.description.allSatisfy(\.isWhitespace) { problems.append(.lineDescriptionMissing(line: number)) }
            if line.quantity.hundredths <= 0 { problems.append(.lineQuantityNotPositive(line: number)) }
            if amounts.contains(where: \.isNegative) { problems.append(.lineNegativeAmount(line: number)) }
            if let foreign = amounts.first(where: { $0.currency != currency }) {
                problems.append(.lineCurrencyMismatch(line: number, found: foreign.currency))
                linesComputable = false
                continue
            }
            do {
                let total = try line.total()
                let sum = try line.requested.adding(line.coFinancing)
                if sum != total { problems.append(.lineDoesNotAddUp(line: number, total: total, requestedPlusCoFinancing: sum)) }
            } catch {
                problems.append(.budgetTooLarge)
                linesComputable = false
            }
        }
        guard linesComputable, currency == lot.currency else { return problems }
        guard let totals = try? totals() else { return problems + [.budgetTooLarge] }
        problems += Grants.amountProblems(totals.requestedTotal, lot: lot)
        let share = totals.coFinancingShare ?? .zero
        if share < lot.minimumCoFinancing.ratio { problems.append(.coFinancingBelowMinimum(share: share, minimum: lot.minimumCoFinancing)) }
        return problems
    }
}

extension Grants {
    /// The requested amount against the lot's currency and range.
    static func amountProblems(_ requested: Money, lot: Lot) -> [ApplicationProblem] {
        if requested.currency != lot.currency { return [.currencyMismatch(expected: lot.currency, found: requested.currency)] }
        if requested.isLess(than: lot.minimumAmount) { return [.amountBelowMinimum(requested: requested, minimum: lot.minimumAmount)] }
        if lot.maximumAmount.isLess(than: requested) { return [.amountAboveMaximum(requested: requested, maximum: lot.maximumAmount)] }
        return []
    }
}
