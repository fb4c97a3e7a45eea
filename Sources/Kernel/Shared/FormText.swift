// The one reader of form fields, with one cleaning policy for every feature:
//   raw  — as typed (CRLF → LF, no ASCII controls but tab): drafts and answers are kept as typed;
//   line — one line: control characters removed, surrounding white space trimmed (names, codes, e-mails);
//   text — several lines: as `line`, but line breaks kept (descriptions, notes).
import Foundation
import Vapor

package enum FormText {
    /// One line: control characters removed, trimmed.
    package static func line(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Several lines: as `line`, but line feeds kept.
    package static func text(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\n" || !CharacterSet.controlCharacters.contains($0) }))
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
    /// A form field as typed: CRLF → LF, ASCII control characters other than line feed and tab removed; "" when absent.
    package func formRaw(_ name: String) -> String {
        ((try? content.get(String.self, at: name)) ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            .filter { $0 == "\n" || $0 == "\t" || !($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
    }

    /// A one-line form field, cleaned by `FormText.line`.
    package func formLine(_ name: String) -> String { FormText.line(formRaw(name)) }

    /// A several-line form field, cleaned by `FormText.text`.
    package func formText(_ name: String) -> String { FormText.text(formRaw(name)) }
}
