// Numbers a client sends are read into a bounded range before any arithmetic: no page, version or count from a
// request can overflow and stop the process.
import Vapor

extension Request {
    /// The largest version a form may carry; stored versions start at 0 and grow by one per write.
    package static let maxVersion = Int(Int32.max)

    /// A whole number from the form body within `range`; nil when absent, unreadable or outside it.
    package func formInt(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = Int(formLine(name)), range.contains(value) else { return nil }
        return value
    }

    /// The version the form was rendered from; -1 (never a stored version, so the write is refused as stale) when
    /// absent, unreadable or outside 0…`maxVersion`.
    package func formVersion(_ name: String = "version") -> Int {
        formInt(name, in: 0...Self.maxVersion) ?? -1
    }

    /// A page number from the query string in 1…`max`; 1 when absent or unreadable, `max` when larger.
    package func queryPage(_ name: String = "page", max: Int = 100_000) -> Int {
        Swift.max(1, Swift.min(query[Int.self, at: name] ?? 1, max))
    }

    /// A count from the query string in 1…`max` (e.g. per page); `default` when absent or unreadable.
    package func queryCount(_ name: String, default value: Int, max: Int) -> Int {
        Swift.max(1, Swift.min(query[Int.self, at: name] ?? value, max))
    }
}
