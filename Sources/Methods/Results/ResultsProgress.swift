// Progress of an indicator against its target, without a server: how much of the way from the baseline to the
// target the actual value has come, and whether the gap is beyond the indicator's tolerance (then it needs a note).

public enum ProgressStatus: String, Sendable, Equatable {
    /// The target is reached (or passed, in the indicator's direction).
    case met
    /// Not reached, but within the tolerance.
    case withinTolerance = "within-tolerance"
    /// Short of the target by more than the tolerance: a note is expected.
    case behind
    /// No value for the period (a reported indicator nobody reported, or not approved yet).
    case noData = "no-data"
}

public struct ProgressAssessment: Sendable, Equatable {
    public var status: ProgressStatus
    /// Percent of the way from the baseline to the target (0 at the baseline, 100 at the target), rounded down;
    /// nil without an actual value or when the target equals the baseline.
    public var percent: Int?
}

public enum ResultsProgress {
    /// `ascending`: higher is better. `tolerance`: the percent of the target's distance from the baseline that may
    /// still be missing without a note (0…100).
    public static func assess(baseline: Int, target: Int, actual: Int?, ascending: Bool, tolerance: Int) -> ProgressAssessment {
        guard let actual else { return ProgressAssessment(status: .noData, percent: nil) }
        let distance = Int64(target) - Int64(baseline)
        let covered = Int64(actual) - Int64(baseline)
        let percent: Int? = distance == 0 ? nil : Int(clamping: covered * 100 / distance)
        let reached = ascending ? actual >= target : actual <= target
        if reached { return ProgressAssessment(status: .met, percent: percent) }
        let missing = abs(Int64(target) - Int64(actual))
        let allowed = abs(distance) * Int64(min(max(tolerance, 0), 100)) / 100
        return ProgressAssessment(status: missing <= allowed ? .withinTolerance : .behind, percent: percent)
    }
}
