extension Grants {
    /// A lot of a call: its envelope, amount range, duration, co-financing rule, who may apply and the results menu.
    public struct Lot: Hashable, Sendable {
        /// Stable identifier within the call, e.g. `lot-2`.
        public var id: String
        /// Short title.
        public var title: String
        /// The lot's budget envelope; its currency is the lot's currency.
        public var budget: Money
        /// The smallest amount one grant may request.
        public var minimumAmount: Money
        /// The largest amount one grant may request.
        public var maximumAmount: Money
        /// Allowed project durations in whole months.
        public var durationMonths: ClosedRange<Int>
        /// The minimum share of an application's total budget that the applicant itself contributes.
        public var minimumCoFinancing: BasisPoints
        /// ISO 3166-1 alpha-2 codes (and `XK` for Kosovo) where the applicant must be registered.
        public var eligibleCountries: Set<String>
        /// The kinds of organisation that may apply.
        public var eligibleApplicantKinds: Set<ApplicantKind>
        /// The results an application chooses from (empty when the lot has no menu).
        public var resultsMenu: [ResultOption]
        /// How many results from the menu an application must choose at least.
        public var minimumResults: Int
        /// The most grants the lot awards (nil: only the envelope limits).
        public var maximumGrants: Int?
        /// The most grants per applicant country (nil: no quota).
        public var maximumGrantsPerCountry: Int?

        /// A lot; see the properties for the meaning of each value.
        public init(
            id: String, title: String, budget: Money, minimumAmount: Money, maximumAmount: Money,
            durationMonths: ClosedRange<Int>, minimumCoFinancing: BasisPoints, eligibleCountries: Set<String>,
            eligibleApplicantKinds: Set<ApplicantKind>, resultsMenu: [ResultOption] = [], minimumResults: Int = 0,
            maximumGrants: Int? = nil, maximumGrantsPerCountry: Int? = nil
        ) {
            self.id = id
            self.title = title
            self.budget = budget
            self.minimumAmount = minimumAmount
            self.maximumAmount = maximumAmount
            self.durationMonths = durationMonths
            self.minimumCoFinancing = minimumCoFinancing
            self.eligibleCountries = eligibleCountries
            self.eligibleApplicantKinds = eligibleApplicantKinds
            self.resultsMenu = resultsMenu
            self.minimumResults = minimumResults
            self.maximumGrants = maximumGrants
            self.maximumGrantsPerCountry = maximumGrantsPerCountry
        }

        /// The lot's currency (that of its envelope).
        public var currency: Currency { budget.currency }
    }
}
