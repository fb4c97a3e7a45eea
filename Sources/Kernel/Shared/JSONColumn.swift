// Values stored as JSON text in one column (a call's form, a lot's criteria, texts in several languages) are
// decoded here: once per distinct text (a bounded cache shared by every request), and a text that does not decode
// is reported in the log with its type and the decoder's reason instead of silently becoming an empty value.
import Foundation
import Localization
import Logging
import Synchronization

package enum JSONColumn {
    /// How many decoded values are kept; the cache starts again empty when it is full.
    static let capacity = 4_096

    private struct Key: Hashable {
        var type: ObjectIdentifier
        var text: String
    }

    private static let cache = Mutex<[Key: any Sendable]>([:])
    private static let logger = Logger(label: "iceda.json-column")
    private static let failures = Atomic<Int>(0)

    /// How many stored texts failed to decode since the process started (also in the log).
    package static var failureCount: Int { failures.load(ordering: .relaxed) }

    /// The value stored as `text`; `fallback` (and an error in the log) when the text is not a `T`.
    package static func decode<T: Decodable & Sendable>(_ type: T.Type, from text: String, fallback: @autoclosure () -> T) -> T {
        let key = Key(type: ObjectIdentifier(type), text: text)
        if let hit = cache.withLock({ $0[key] }) as? T { return hit }
        do {
            let value = try JSONDecoder().decode(type, from: Data(text.utf8))
            cache.withLock { entries in
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = value
            }
            return value
        } catch {
            failures.add(1, ordering: .relaxed)
            logger.error("stored JSON is not a \(String(describing: type)): \(error); text starts \(String(text.prefix(80)).debugDescription)")
            return fallback()
        }
    }
}

extension LocalizedText {
    /// Text in several languages as stored in a JSON text column (decoded once per distinct text, see `JSONColumn`).
    package init(column text: String) {
        self = JSONColumn.decode(LocalizedText.self, from: text, fallback: LocalizedText())
    }

    /// The JSON text to store in a column (keys sorted, so that equal texts give equal columns).
    package var columnText: String {
        String(decoding: (try? JSONEncoder.sorted.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
