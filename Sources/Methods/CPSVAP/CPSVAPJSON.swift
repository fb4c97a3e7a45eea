extension CPSVAP {
    /// A JSON value with a deterministic writer (serializer internals): keys sorted by UTF-8 bytes,
    /// two-space indentation, and `<`, `>`, `&`, U+2028, U+2029 escaped so the text is safe inside HTML.
    indirect enum JSONNode: Sendable, Hashable {
        case string(String)
        case array([JSONNode])
        case object([String: JSONNode])

        /// The JSON text, ending in a newline.
        func serialized() -> String {
            var out = ""
            write(to: &out, indent: 0)
            out += "\n"
            return out
        }

        /// The JSON text on one line, used as a sort key.
        var compact: String {
            switch self {
            case .string(let s): return Self.quoted(s)
            case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
            case .object(let members):
                return "{" + Self.sortedKeys(members).map { Self.quoted($0) + ":" + members[$0]!.compact }
                    .joined(separator: ",") + "}"
            }
        }

        private func write(to out: inout String, indent: Int) {
            let pad = String(repeating: "  ", count: indent + 1)
            let closePad = String(repeating: "  ", count: indent)
            switch self {
            case .string(let s):
                out += Self.quoted(s)
            case .array(let items):
                guard !items.isEmpty else { out += "[]"; return }
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += pad
                    item.write(to: &out, indent: indent + 1)
                    out += i < items.count - 1 ? ",\n" : "\n"
                }
                out += closePad + "]"
            case .object(let members):
                guard !members.isEmpty else { out += "{}"; return }
                out += "{\n"
                let keys = Self.sortedKeys(members)
                for (i, key) in keys.enumerated() {
                    out += pad + Self.quoted(key) + ": "
                    members[key]!.write(to: &out, indent: indent + 1)
                    out += i < keys.count - 1 ? ",\n" : "\n"
                }
                out += closePad + "}"
            }
        }

        /// Keys in UTF-8 byte order (independent of locale and Unicode normalisation).
        static func sortedKeys(_ members: [String: JSONNode]) -> [String] {
            members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }

        /// A JSON string literal.
        static func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}":
                    out += unicodeEscape(scalar.value)
                default:
                    if scalar.value < 0x20 {
                        out += unicodeEscape(scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }

        private static func unicodeEscape(_ value: UInt32) -> String {
            "\\u" + Syntax.hex(UInt8(value >> 8)) + Syntax.hex(UInt8(value & 0xFF))
        }
    }
}
