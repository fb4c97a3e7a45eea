// The one reader of form fields, with one cleaning policy for every feature:
//   raw  — as typed (CRLF → LF, no ASCII controls but tab): drafts and answers are kept as typed;
//   line — one line: control characters removed, surrounding white space trimmed (names, codes, e-mails);
//   text — several lines: as `line`, but line breaks kept (descriptions, notes).
import Foundation
import Vapor

package enum FormText {
    /// What cleaning removes: the C0 and C1 control characters and the format characters (Unicode category Cf) of
    /// the Basic Multilingual Plane — soft hyphen, zero-width and bidirectional controls (U+202E could make
    /// "exe.pdf" read as "fdp.exe"), the byte-order mark. Written as ranges so that the API's JSON Schema can say
    /// exactly the same (`removedClass`).
    package static let removedRanges: [ClosedRange<UInt32>] = [
        0x00...0x1F, 0x7F...0x9F, 0xAD...0xAD, 0x600...0x605, 0x61C...0x61C, 0x6DD...0x6DD, 0x70F...0x70F, 0x890...0x891,
        0x8E2...0x8E2, 0x180E...0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF...0xFEFF,
        0xFFF9...0xFFFB,
    ]

    /// Whether cleaning removes the character.
    package static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        removedRanges.contains { $0.contains(scalar.value) }
    }

    /// `removedRanges` as the body of a regular-expression character class: `\u0000-\u001F\u007F-\u009F…`.
    package static var removedClass: String {
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        return removedRanges.map { $0.lowerBound == $0.upperBound ? hex($0.lowerBound) : hex($0.lowerBound) + "-" + hex($0.upperBound) }.joined()
    }

    /// One line: controls and format characters removed, trimmed.
    package static func line(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isRemoved($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Several lines: as `line`, but line feeds kept.
    package static func text(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\n" || !isRemoved($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An http(s) address with a dotted host, no white space, quotes or angle brackets, at most `maxLength` characters.
    package static func isWebAddress(_ text: String, maxLength: Int = 2_000) -> Bool {
        guard text.count <= maxLength, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, host.contains("."),
              !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return false }
        return true
    }
}

extension Request {
    /// A form field as typed (read from the body decoded once, `formFields`): CRLF → LF, ASCII control characters other than line feed and tab removed; "" when absent.
    package func formRaw(_ name: String) -> String {
        (formFields.first(name) ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            .filter { $0 == "\n" || $0 == "\t" || !($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
    }

    /// A one-line form field, cleaned by `FormText.line`.
    package func formLine(_ name: String) -> String { FormText.line(formRaw(name)) }

    /// A several-line form field, cleaned by `FormText.text`.
    package func formText(_ name: String) -> String { FormText.text(formRaw(name)) }
}
