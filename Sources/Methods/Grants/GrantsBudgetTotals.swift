extension Grants {
    /// The subtotal of one budget heading.
    public struct CategorySubtotal: Hashable, Sendable {
        /// The heading.
        public var category: BudgetCategory
        /// The sum of its line totals.
        public var total: Money
        /// The sum of its lines' requested amounts.
        public var requested: Money
        /// The sum of its lines' co-financing.
        public var coFinancing: Money
    }

    /// The computed figures of a budget table.
    public struct BudgetTotals: Hashable, Sendable {
        /// Each line's quantity × unit cost, in line order.
        public var lineTotals: [Money]
        /// One subtotal per heading, in order of the heading's first line.
        public var categories: [CategorySubtotal]
        /// The sum of all line totals.
        public var grandTotal: Money
        /// The sum of all amounts asked from the grant.
        public var requestedTotal: Money
        /// The sum of all co-financing.
        public var coFinancingTotal: Money

        /// Co-financing ÷ grand total, exact (nil for an empty or zero budget).
        public var coFinancingShare: Ratio? {
            grandTotal.minorUnits > 0 ? Ratio(coFinancingTotal.minorUnits, grandTotal.minorUnits) : nil
        }

        /// The subtotal of one heading (zero when it has no line).
        public func subtotal(_ category: BudgetCategory) -> Money {
            categories.first { $0.category == category }?.total ?? .zero(grandTotal.currency)
        }
    }

    /// An application's budget: lines in one currency.
    public struct BudgetTable: Hashable, Sendable, Codable {
        /// The currency of every amount in the table.
        public var currency: Currency
        /// The lines, in the order the applicant entered them.
        public var lines: [BudgetLine]

        /// A budget table.
        public init(currency: Currency, lines: [BudgetLine]) {
            self.currency = currency
            self.lines = lines
        }

        /// Line totals, subtotals per heading and grand totals; fails on a foreign currency or overflow.
        public func totals() throws(MoneyError) -> BudgetTotals {
            var lineTotals: [Money] = []
            var categories: [CategorySubtotal] = []
            var grand = Money.zero(currency)
            var requested = Money.zero(currency)
            var coFinancing = Money.zero(currency)
            for line in lines {
                let total = try line.total()
                lineTotals.append(total)
                grand = try grand.adding(total)
                requested = try requested.adding(line.requested)
                coFinancing = try coFinancing.adding(line.coFinancing)
                if let index = categories.firstIndex(where: { $0.category == line.category }) {
                    categories[index].total = try categories[index].total.adding(total)
                    categories[index].requested = try categories[index].requested.adding(line.requested)
                    categories[index].coFinancing = try categories[index].coFinancing.adding(line.coFinancing)
                } else {
                    categories.append(CategorySubtotal(
                        category: line.category, total: total, requested: line.requested, coFinancing: line.coFinancing))
                }
            }
            return BudgetTotals(
                lineTotals: lineTotals, categories: categories, grandTotal: grand, requestedTotal: requested,
                coFinancingTotal: coFinancing)
        }
    }
}
