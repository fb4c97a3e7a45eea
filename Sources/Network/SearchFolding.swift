// Search that forgives: lower case, no accents, Serbian and Macedonian Cyrillic as Latin, so that "shkoder" finds
// Shkodër, "nis" Niš and "Београд" Beograd. Stored text and typed queries are folded the same way.
import Foundation

package enum SearchFolding {
    package static func fold(_ text: String) -> String {
        let latin = String(text.lowercased().flatMap { Slug.cyrillic[$0] ?? String($0) })
        return latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "đ", with: "dj")
    }
}
