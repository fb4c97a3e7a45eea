/// A small deterministic generator (SplitMix64, Steele et al. 2014), so that demo and bench data are the same on
/// every run.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<1000.
    public mutating func permille() -> Int { Int(next() % 1000) }

    /// One of the values, each as likely as its weight.
    public mutating func pick(_ weighted: [(String, Int)]) -> String {
        let sum = weighted.reduce(0) { $0 + $1.1 }
        var roll = Int(next() % UInt64(max(sum, 1)))
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted.last?.0 ?? ""
    }
}
