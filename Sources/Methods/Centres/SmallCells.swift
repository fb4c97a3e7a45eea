// Public statistics about citizens never show a cell under the threshold (5 people): such a cell is shown as
// "fewer than 5". Where a breakdown's total is shown too, one hidden cell could be worked out from the total
// and the others, so a second cell — the smallest shown one — is hidden as well (complementary suppression).

public enum SmallCells {
    /// Cells under this many people are hidden on public pages.
    public static let threshold = 5

    /// One count as published: the value, or nil when it is hidden.
    public static func publish(_ count: Int, threshold: Int = threshold) -> Int? {
        count > 0 && count < threshold ? nil : count
    }

    /// The cells of one breakdown whose total is published: each value or nil when hidden. Cells of 0 are shown
    /// (nobody to protect); when exactly one non-zero cell is hidden, the smallest shown non-zero cell is hidden too.
    public static func publish(breakdown counts: [Int], threshold: Int = threshold) -> [Int?] {
        var shown: [Int?] = counts.map { publish($0, threshold: threshold) }
        let hidden = shown.indices.filter { shown[$0] == nil }
        if hidden.count == 1 {
            let candidates = shown.indices.filter { shown[$0] != nil && counts[$0] > 0 }
            if let smallest = candidates.min(by: { (counts[$0], $0) < (counts[$1], $1) }) { shown[smallest] = nil }
        }
        return shown
    }
}
