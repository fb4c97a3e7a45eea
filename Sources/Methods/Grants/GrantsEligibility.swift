extension Grants {
    /// What an application says about itself, as far as the lot's rules are concerned.
    public struct ApplicationFacts: Hashable, Sendable {
        /// The applicant's country of registration (ISO 3166-1 alpha-2, `XK` for Kosovo).
        public var applicantCountry: String
        /// The applicant's kind of organisation.
        public var applicantKind: ApplicantKind
        /// The countries of the co-applicants, if any.
        public var coApplicantCountries: [String]
        /// The amount asked from the grant (nil: the budget table's requested total).
        public var requested: Money?
        /// The project duration in months (nil: not given yet, not checked).
        public var durationMonths: Int?
        /// Identifiers of the results chosen from the lot's menu.
        public var chosenResults: [String]
        /// The budget table (nil: not filled in yet, not checked).
        public var budget: BudgetTable?

        /// The facts of one application.
        public init(
            applicantCountry: String, applicantKind: ApplicantKind, coApplicantCountries: [String] = [],
            requested: Money? = nil, durationMonths: Int? = nil, chosenResults: [String] = [], budget: BudgetTable? = nil
        ) {
            self.applicantCountry = applicantCountry
            self.applicantKind = applicantKind
            self.coApplicantCountries = coApplicantCountries
            self.requested = requested
            self.durationMonths = durationMonths
            self.chosenResults = chosenResults
            self.budget = budget
        }
    }

    /// Every reason an application does not meet the lot's rules, in a fixed order (empty: eligible).
    public static func eligibilityProblems(_ facts: ApplicationFacts, lot: Lot) -> [ApplicationProblem] {
        var problems: [ApplicationProblem] = []
        if !lot.eligibleCountries.contains(facts.applicantCountry) { problems.append(.countryNotEligible(facts.applicantCountry)) }
        if !lot.eligibleApplicantKinds.contains(facts.applicantKind) { problems.append(.applicantKindNotEligible(facts.applicantKind)) }
        for country in Set(facts.coApplicantCountries).sorted() where !lot.eligibleCountries.contains(country) {
            problems.append(.coApplicantCountryNotEligible(country))
        }
        if let months = facts.durationMonths, !lot.durationMonths.contains(months) {
            problems.append(.durationOutOfRange(
                months: months, minimum: lot.durationMonths.lowerBound, maximum: lot.durationMonths.upperBound))
        }
        problems += resultProblems(facts.chosenResults, lot: lot)
        if let budget = facts.budget {
            problems += budget.problems(against: lot)
            if let requested = facts.requested, let totals = try? budget.totals(), requested != totals.requestedTotal {
                problems.append(.requestedDiffersFromBudget(requested: requested, budget: totals.requestedTotal))
            }
        } else if let requested = facts.requested {
            problems += amountProblems(requested, lot: lot)
        }
        return problems
    }

    private static func resultProblems(_ chosen: [String], lot: Lot) -> [ApplicationProblem] {
        let menu = Set(lot.resultsMenu.map(\.id))
        var problems = duplicates(chosen).map(ApplicationProblem.duplicateResult)
        var seenUnknown = Set<String>()
        for id in chosen where !menu.contains(id) && seenUnknown.insert(id).inserted { problems.append(.unknownResult(id)) }
        let distinctKnown = Set(chosen).intersection(menu).count
        if distinctKnown < lot.minimumResults { problems.append(.tooFewResults(chosen: distinctKnown, minimum: lot.minimumResults)) }
        return problems
    }
}
