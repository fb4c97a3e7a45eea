import Foundation
@testable import Methods

/// Shared values for the Grants tests: the ICEDA call of PRODUCT.md and small helpers.
enum GrantsFixtures {
    /// An amount in euros and cents.
    static func eur(_ units: Int64, _ cents: Int64 = 0) -> Grants.Money { Grants.Money(units, cents: cents, .eur) }

    /// Europe/Skopje, the call's time zone.
    static let skopje = TimeZone(identifier: "Europe/Skopje")!

    /// An instant from RFC 3339 text (an independent path from `Grants.LocalTime`).
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }

    /// The five programme countries.
    static let countries: Set<String> = ["AL", "XK", "ME", "MK", "RS"]

    /// Lot 2's results menu (PRODUCT.md): each grant delivers at least two.
    static let lot2Results: [Grants.ResultOption] = [
        .init(id: "policy-change", title: "A policy, law or strategy change"),
        .init(id: "recommendations", title: "At least 3 policy recommendations"),
        .init(id: "e-service", title: "At least 1 e-service improved"),
        .init(id: "citizens-plus-20", title: "+20% citizens using e-services"),
        .init(id: "media-15", title: "At least 15 media covering the issue"),
    ]

    /// Lot 1, e-government support centres: 15 grants of EUR 13,000–17,000 for 18 months, three per country.
    /// PRODUCT.md gives no envelope; 15 × 17,000 = 255,000 is assumed here (the most the lot could commit).
    static let lot1 = Grants.Lot(
        id: "lot-1", title: "E-government support centres", budget: eur(15 * 17_000),
        minimumAmount: eur(13_000), maximumAmount: eur(17_000), durationMonths: 18...18,
        minimumCoFinancing: .percent(10), eligibleCountries: countries, eligibleApplicantKinds: [.cso],
        maximumGrants: 15, maximumGrantsPerCountry: 3)

    /// Lot 2, digital-agenda advocacy: EUR 75,000 for 15 grants of EUR 3,000–7,000 over 6 months.
    static let lot2 = Grants.Lot(
        id: "lot-2", title: "Digital-agenda advocacy", budget: eur(75_000),
        minimumAmount: eur(3_000), maximumAmount: eur(7_000), durationMonths: 1...6,
        minimumCoFinancing: .percent(10), eligibleCountries: countries, eligibleApplicantKinds: [.cso, .media],
        resultsMenu: lot2Results, minimumResults: 2, maximumGrants: 15)

    /// Four criteria with different maxima; weights 30 + 25 + 20 + 25 = 100.
    static let criteria: [Grants.Criterion] = [
        .init(id: "relevance", title: "Relevance", weight: 30, maxScore: 10),
        .init(id: "feasibility", title: "Feasibility", weight: 25, maxScore: 5),
        .init(id: "capacity", title: "Capacity", weight: 20, maxScore: 20),
        .init(id: "cost", title: "Cost-effectiveness", weight: 25, maxScore: 25),
    ]

    /// Opens 2020-05-04 09:00, deadline 2020-06-15 16:00, Europe/Skopje (CEST, UTC+2).
    static let window = Grants.SubmissionWindow(
        opensAt: instant("2020-05-04T07:00:00Z"), deadline: instant("2020-06-15T14:00:00Z"), timeZone: skopje)

    /// The ICEDA small-grants call with both lots.
    static let call = Grants.Call(
        id: "iceda-sg-2020", title: "ICEDA small grants", lots: [lot1, lot2], criteria: criteria, window: window,
        minimumReviews: 2, spreadThreshold: Grants.Ratio(20), passMark: Grants.Ratio(50))

    /// A review with scores in the order relevance, feasibility, capacity, cost.
    static func review(_ reviewer: String, _ scores: [Int64], declaration: Grants.ConflictDeclaration = .noConflict) -> Grants.Review {
        Grants.Review(
            reviewerId: reviewer, declaration: declaration,
            scores: Dictionary(uniqueKeysWithValues: zip(criteria.map(\.id), scores)))
    }

    /// The aggregate of reviews under the ICEDA call's settings.
    static func aggregate(_ id: String, _ reviews: [Grants.Review]) -> Grants.AggregateScore {
        Grants.ReviewAggregation.aggregate(
            applicationId: id, reviews: reviews, criteria: criteria, minimumReviews: 2, spreadThreshold: Grants.Ratio(20))
    }

    /// A deterministic pseudo-random generator (SplitMix64) for loops over many values.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(below bound: UInt64) -> UInt64 { next() % bound }
    }
}
