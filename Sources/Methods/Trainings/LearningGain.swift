// How much people learned at an event: Hake's normalised gain, per person and per event.

/// Hake's normalised gain (R. R. Hake, "Interactive-engagement versus traditional methods: A six-thousand-student
/// survey of mechanics test data for introductory physics courses", American Journal of Physics 66, 64–74, 1998).
///
/// Scores are fractions of the test's maximum (0…1). For one person with a pre-test score `pre` and a post-test
/// score `post`:
///
///     g = (post − pre) / (1 − pre)
///
/// the share of what the person did not yet know before the event that they knew after it (0.4 → 0.7 is
/// g = 0.3 / 0.6 = 0.5). It is undefined when `pre` is already the maximum (nothing left to gain), and negative when
/// the post-test is worse than the pre-test.
///
/// For an event, only people with both tests count. Two figures are given, as in Hake's paper:
/// - the average of the persons' gains, ḡ = (1/n) Σ gᵢ, over the people whose gain is defined;
/// - the class gain ⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (1 − ⟨pre⟩), from the mean scores of the same people (Hake's
///   ⟨g⟩ = (%⟨Sf⟩ − %⟨Si⟩) / (100 − %⟨Si⟩) with scores in percent), undefined when the mean pre-test is the maximum.
/// The two differ in general (ḡ weighs every person alike; ⟨g⟩ is the gain of the mean scores), so both are shown.
public enum LearningGain {
    /// One person's normalised gain; nil when `pre` is already the maximum, or a score is not a number in 0…1.
    public static func normalised(pre: Double, post: Double) -> Double? {
        guard valid(pre), valid(post), pre < 1 else { return nil }
        return (post - pre) / (1 - pre)
    }

    /// The gain of one event.
    public struct EventGain: Sendable, Equatable {
        /// People with both tests (valid scores).
        public var people: Int
        /// Of them, the people whose gain is defined (pre-test below the maximum): the n of `averageGain`.
        public var peopleWithGain: Int
        /// ḡ, the average of the persons' normalised gains; nil when nobody has one.
        public var averageGain: Double?
        /// Mean pre- and post-test scores (fractions) of the people with both tests; nil without such people.
        public var meanPre: Double?
        public var meanPost: Double?
        /// ⟨g⟩, the class gain from the mean scores; nil without people or when the mean pre-test is the maximum.
        public var classGain: Double?
    }

    /// The gain of an event from each person's scores (fractions 0…1, nil for a test not taken). People without both
    /// tests, or with a score outside 0…1, are left out of every figure.
    public static func event(_ scores: [(pre: Double?, post: Double?)]) -> EventGain {
        let pairs = scores.compactMap { score -> (Double, Double)? in
            guard let pre = score.pre, let post = score.post, valid(pre), valid(post) else { return nil }
            return (pre, post)
        }
        let gains = pairs.compactMap { normalised(pre: $0.0, post: $0.1) }
        guard !pairs.isEmpty else {
            return EventGain(people: 0, peopleWithGain: 0, averageGain: nil, meanPre: nil, meanPost: nil, classGain: nil)
        }
        let meanPre = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
        let meanPost = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
        return EventGain(people: pairs.count, peopleWithGain: gains.count,
                         averageGain: gains.isEmpty ? nil : gains.reduce(0, +) / Double(gains.count),
                         meanPre: meanPre, meanPost: meanPost,
                         classGain: classGain(meanPre: meanPre, meanPost: meanPost))
    }

    /// ⟨g⟩ from the mean scores (fractions 0…1) of the people with both tests; nil when the mean pre-test is the
    /// maximum or a mean is not a score.
    public static func classGain(meanPre: Double, meanPost: Double) -> Double? {
        guard valid(meanPre), valid(meanPost), meanPre < 1 else { return nil }
        return (meanPost - meanPre) / (1 - meanPre)
    }

    private static func valid(_ score: Double) -> Bool { score.isFinite && (0...1).contains(score) }
}
