extension EGovBenchmark {
    /// The method's averaging conventions.
    enum Stats {
        /// Mean of the present values; nil when none is present.
        static func mean(_ values: [Double?]) -> Double? {
            var sum = 0.0, count = 0
            for case let value? in values {
                sum += value
                count += 1
            }
            return count == 0 ? nil : sum / Double(count)
        }

        /// Mean of the values; nil when empty.
        static func mean(_ values: [Double]) -> Double? {
            values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }

        /// Weighted mean over the present values with the weights renormalised; nil when none is present.
        static func weightedMean(_ terms: [(weight: Double, value: Double?)]) -> Double? {
            var sum = 0.0, weights = 0.0
            for term in terms {
                guard let value = term.value else { continue }
                sum += term.weight * value
                weights += term.weight
            }
            return weights == 0 ? nil : sum / weights
        }

        /// Maximum (central) or mean (regional/local) of the values; nil when empty.
        static func maxOrMean(_ values: [Double], central: Bool) -> Double? {
            central ? values.max() : mean(values)
        }
    }
}
