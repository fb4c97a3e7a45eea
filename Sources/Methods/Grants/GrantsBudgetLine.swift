extension Grants {
    /// A budget heading; open-ended so that a call can define its own.
    public struct BudgetCategory: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The stable identifier, e.g. `staff`.
        public let rawValue: String

        /// A category from its stable identifier.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Human resources.
        public static let staff = BudgetCategory(rawValue: "staff")
        /// Travel and subsistence.
        public static let travel = BudgetCategory(rawValue: "travel")
        /// Equipment and supplies.
        public static let equipment = BudgetCategory(rawValue: "equipment")
        /// Services and subcontracts.
        public static let services = BudgetCategory(rawValue: "services")
        /// Communication and visibility.
        public static let communication = BudgetCategory(rawValue: "communication")
        /// Office and administrative costs.
        public static let administration = BudgetCategory(rawValue: "administration")
        /// Anything else.
        public static let other = BudgetCategory(rawValue: "other")

        /// The identifier.
        public var description: String { rawValue }
    }

    /// One line of an application's budget table.
    public struct BudgetLine: Hashable, Sendable, Codable {
        /// The heading the line belongs to.
        public var category: BudgetCategory
        /// What the money buys.
        public var description: String
        /// The unit counted, e.g. "month", "trip", "day".
        public var unit: String
        /// How many units (at most two decimals).
        public var quantity: Quantity
        /// The cost of one unit.
        public var unitCost: Money
        /// The part of the line total asked from the grant.
        public var requested: Money
        /// The part of the line total the applicant contributes.
        public var coFinancing: Money

        /// A budget line.
        public init(
            category: BudgetCategory, description: String, unit: String, quantity: Quantity, unitCost: Money,
            requested: Money, coFinancing: Money
        ) {
            self.category = category
            self.description = description
            self.unit = unit
            self.quantity = quantity
            self.unitCost = unitCost
            self.requested = requested
            self.coFinancing = coFinancing
        }

        /// Quantity × unit cost, rounded half up to the cent.
        public func total() throws(MoneyError) -> Money { try unitCost.multiplied(by: quantity) }
    }
}
