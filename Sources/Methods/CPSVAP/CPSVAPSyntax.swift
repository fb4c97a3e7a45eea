extension CPSVAP {
    /// IRI minting, IRI checking and language-tag checking (serializer internals).
    enum Syntax {
        /// Percent-encodes every byte but RFC 3986 unreserved characters; `.` and `..` segments are encoded too.
        static func encodeSegment(_ segment: Substring) -> String {
            if segment == "." { return "%2E" }
            if segment == ".." { return "%2E%2E" }
            var out = ""
            for byte in segment.utf8 {
                if isUnreserved(byte) {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    out += "%" + hex(byte)
                }
            }
            return out
        }

        /// Encodes a '/'-separated path segment by segment, skipping empty segments; nil when nothing is left.
        static func encodePath(_ path: String) -> String? {
            let segments = path.split(separator: "/", omittingEmptySubsequences: true)
                .filter { !$0.allSatisfy(\.isWhitespace) }
            guard !segments.isEmpty else { return nil }
            return segments.map(encodeSegment).joined(separator: "/")
        }

        /// The IRI scheme (lower case) when `text` starts with `scheme:` followed by something, else nil.
        static func scheme(of text: String) -> String? {
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                  text.index(after: colon) != text.endIndex else { return nil }
            let scheme = text[..<colon]
            guard let first = scheme.unicodeScalars.first, isASCIILetter(first),
                  scheme.unicodeScalars.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || "+-.".unicodeScalars.contains($0) })
            else { return nil }
            return scheme.lowercased()
        }

        /// An absolute IRI usable as `@id`, with characters IRIs forbid percent-encoded; nil when not absolute,
        /// or when its scheme would be read as one of the context prefixes.
        static func absoluteIRI(_ raw: String) -> String? {
            let text = raw.trimmed
            guard let scheme = scheme(of: text), CPSVAP.contextPrefixes[scheme] == nil, scheme != "_" else { return nil }
            var out = ""
            for scalar in text.unicodeScalars {
                if scalar.value <= 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || "<>\"{}|\\^`".unicodeScalars.contains(scalar) {
                    for byte in String(scalar).utf8 { out += "%" + hex(byte) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        /// Whether `tag` is a well-formed language tag: `alpha{1,8}(-alphanum{1,8})*` (BCP 47 syntax, e.g. `sr-Latn`).
        static func isLanguageTag(_ tag: String) -> Bool {
            let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = parts.first, (1...8).contains(first.count),
                  first.unicodeScalars.allSatisfy(isASCIILetter) else { return false }
            return parts.dropFirst().allSatisfy { part in
                (1...8).contains(part.count)
                    && part.unicodeScalars.allSatisfy { isASCIILetter($0) || isASCIIDigit($0) }
            }
        }

        /// `text` without leading and trailing whitespace and newlines.

        /// Two upper-case hex digits.
        static func hex(_ byte: UInt8) -> String {
            let digits = Array("0123456789ABCDEF".unicodeScalars)
            var out = ""
            out.unicodeScalars.append(digits[Int(byte >> 4)])
            out.unicodeScalars.append(digits[Int(byte & 0x0F)])
            return out
        }

        private static func isUnreserved(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
        }

        private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
            (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }

        private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
            (0x30...0x39).contains(scalar.value)
        }
    }
}
