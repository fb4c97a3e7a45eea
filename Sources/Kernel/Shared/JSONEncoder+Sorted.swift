// JSON with keys in a fixed order, so the same value always gives the same bytes (audit entries, exports).
import Foundation

extension JSONEncoder {
    package static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
