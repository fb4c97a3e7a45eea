// Serbian Latin → Cyrillic transliteration (Gaj's Latin to Vuk's Cyrillic), with protected spans.

/// Converts Serbian Latin text to Cyrillic, one letter to one letter, with the digraphs lj, nj, dž.
///
/// Protected from conversion: `{placeholders}`, words of two to five capital letters
/// (acronyms such as CSV, WCAG, ICEDA), anything that looks like a URL, e-mail address or file name,
/// and words listed in `exceptions` (foreign names, words where a digraph is really two letters).
public struct SerbianTransliterator: Sendable {
    /// Words (matched case-sensitively, whole word) and what to write for them in Cyrillic.
    public var exceptions: [String: String]

    public init(exceptions: [String: String] = [:]) {
        self.exceptions = exceptions
    }

    private static let single: [Character: String] = [
        "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф",
        "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
        "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
        "A": "А", "B": "Б", "C": "Ц", "Č": "Ч", "Ć": "Ћ", "D": "Д", "Đ": "Ђ", "E": "Е", "F": "Ф",
        "G": "Г", "H": "Х", "I": "И", "J": "Ј", "K": "К", "L": "Л", "M": "М", "N": "Н", "O": "О",
        "P": "П", "R": "Р", "S": "С", "Š": "Ш", "T": "Т", "U": "У", "V": "В", "Z": "З", "Ž": "Ж",
    ]

    /// Transliterates a whole text, keeping protected spans as they are.
    public func toCyrillic(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{" , let close = text[index...].firstIndex(of: "}") {
                output += text[index...close]
                index = text.index(after: close)
                continue
            }
            if character.isLetter || character.isNumber {
                // A "word" here runs to the next whitespace, so URLs and addresses stay whole.
                var end = index
                while end < text.endIndex, !text[end].isWhitespace, text[end] != "{" { end = text.index(after: end) }
                let token = text[index..<end]
                output += transliterateToken(token)
                index = end
                continue
            }
            output.append(character)
            index = text.index(after: index)
        }
        return output
    }

    private func transliterateToken(_ token: Substring) -> String {
        if looksTechnical(token) { return String(token) }
        // Tokens with letters that Serbian Latin does not use (q, w, x, y) are foreign: "Wi-Fi", "Excel".
        if token.contains(where: { "qwxyQWXY".contains($0) }) { return String(token) }
        // Split the token into letter runs and the punctuation between them.
        var output = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            output += transliterateWord(word)
            word = ""
        }
        for character in token {
            if character.isLetter { word.append(character) } else { flush(); output.append(character) }
        }
        flush()
        return output
    }

    private func looksTechnical(_ token: Substring) -> Bool {
        let lowered = token.lowercased()
        if lowered.contains("://") || lowered.hasPrefix("www.") || token.contains("@") { return true }
        if token.contains("/") { return true }
        // file names and domains: a dot followed by letters with no space, e.g. "iceda.org", "data.csv"
        if let dot = token.firstIndex(of: "."), dot != token.startIndex,
           token[token.index(after: dot)...].first?.isLetter == true {
            return true
        }
        return false
    }

    private func transliterateWord(_ word: String) -> String {
        if let exception = exceptions[word] { return exception }
        let letters = word.filter(\.isLetter)
        // Acronyms (CSV, WCAG, ICEDA): two to five capitals, none of them Serbian-specific. Longer
        // words in capitals ("LJUBAV", "NAPOMENA") are Serbian and are transliterated.
        if (2...5).contains(letters.count), letters.allSatisfy({ $0.isUppercase }), !letters.contains(where: { "ČĆĐŠŽ".contains($0) }) {
            return word
        }
        var output = ""
        var index = word.startIndex
        while index < word.endIndex {
            let character = word[index]
            let next = word.index(after: index)
            if next < word.endIndex, let digraph = digraph(character, word[next]) {
                output += digraph
                index = word.index(after: next)
                continue
            }
            output += Self.single[character] ?? String(character)
            index = next
        }
        return output
    }

    private func digraph(_ first: Character, _ second: Character) -> String? {
        switch (first, second) {
        case ("l", "j"): "љ"
        case ("L", "j"), ("L", "J"): "Љ"
        case ("n", "j"): "њ"
        case ("N", "j"), ("N", "J"): "Њ"
        case ("d", "ž"): "џ"
        case ("D", "ž"), ("D", "Ž"): "Џ"
        default: nil
        }
    }
}
