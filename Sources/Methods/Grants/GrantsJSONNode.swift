extension Grants {
    /// A JSON value with ordered object members and exact decimal numbers (no floating point).
    public indirect enum JSONNode: Hashable, Sendable {
        /// An object; members keep their order.
        case object([(String, JSONNode)])
        /// An array.
        case array([JSONNode])
        /// A string.
        case string(String)
        /// A number, already written as JSON number text (e.g. `13333.33`).
        case number(String)
        /// A boolean.
        case bool(Bool)
        /// Null.
        case null

        /// An amount of money as a JSON number in major units, written by `Money.machineText`: `13333.33`, `13000.00`.
        public static func amount(_ money: Money) -> JSONNode { .number(money.machineText) }

        /// A whole number.
        public static func integer(_ value: Int) -> JSONNode { .number(String(value)) }

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

        /// JSON text; pretty output indents by two spaces and ends with a newline.
        public func serialized(pretty: Bool = true) -> String {
            var out = ""
            write(to: &out, pretty: pretty, indent: 0)
            if pretty { out.append("\n") }
            return out
        }

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

        private static func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
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

        /// Hashes the serialized text.
        public func hash(into hasher: inout Hasher) { hasher.combine(serialized(pretty: false)) }
    }
}
