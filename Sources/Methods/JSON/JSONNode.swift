// The platform's one JSON writer (benchmark scores, CPSV-AP JSON-LD, 360Giving): a JSON value with ordered object
// members and numbers kept as exact text, written deterministically with one escaping policy.

/// A JSON value. Object members keep their order; `sortedObject` orders them by the UTF-8 bytes of their keys.
public indirect enum JSONNode: Hashable, Sendable {
    /// An object; members keep their order.
    case object([(String, JSONNode)])
    /// An array.
    case array([JSONNode])
    /// A string.
    case string(String)
    /// A number, already written as JSON number text (e.g. `13333.33`): no floating point between a value and its text.
    case number(String)
    /// A boolean.
    case bool(Bool)
    /// Null.
    case null

    /// An object whose members are ordered by the UTF-8 bytes of their keys, so the text does not depend on a
    /// dictionary's order, the locale or Unicode normalisation.
    public static func sortedObject(_ members: [String: JSONNode]) -> JSONNode {
        .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) })
    }

    /// A whole number.
    public static func integer(_ value: Int) -> JSONNode { .number(String(value)) }

    /// A computed number: integral values below 10^15 without a fraction (`42`), others in Swift's shortest text
    /// that reads back to the same Double (`0.1`); NaN and infinities, which JSON cannot write, become null.
    public static func double(_ value: Double) -> JSONNode {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }

    /// The member of an object with this key (nil for other values or a missing key).
    public subscript(key: String) -> JSONNode? {
        if case let .object(members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// The element of an array at this index (nil when out of range or not an array).
    public subscript(index: Int) -> JSONNode? {
        if case let .array(elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// JSON text: pretty output indents by two spaces (`"key": value`), compact output has no white space.
    /// Neither ends with a newline.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// The text on one line (a sort key, a hash).
    public var compact: String { serialized(pretty: false) }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        let closing = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
        switch self {
        case let .object(members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{")
            for (index, (key, value)) in members.enumerated() {
                out.append(index == 0 ? newline : "," + newline)
                out.append(JSONNode.quoted(key))
                out.append(pretty ? ": " : ":")
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            out.append(closing + "}")
        case let .array(elements):
            if elements.isEmpty { out.append("[]"); return }
            out.append("[")
            for (index, value) in elements.enumerated() {
                out.append(index == 0 ? newline : "," + newline)
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            out.append(closing + "]")
        case let .string(text): out.append(JSONNode.quoted(text))
        case let .number(text): out.append(text)
        case let .bool(value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        }
    }

    /// A JSON string literal. Quotes, backslashes and control characters are escaped (with the short forms
    /// where JSON has them), and so are `<`, `>`, `&`, DEL, U+2028 and U+2029, so the text is also safe inside
    /// an HTML `<script>` element and in JavaScript.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}":
                out.append(unicodeEscape(scalar.value))
            case _ where scalar.value < 0x20:
                out.append(unicodeEscape(scalar.value))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Structural equality (members compared in order).
    public static func == (a: JSONNode, b: JSONNode) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): x == y
        case let (.string(x), .string(y)), let (.number(x), .number(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    /// Hashes the compact text.
    public func hash(into hasher: inout Hasher) { hasher.combine(compact) }
}
