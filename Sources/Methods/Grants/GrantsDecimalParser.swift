extension Grants {
    /// Reads a non-negative decimal number with at most two decimals, as typed in one of our locales.
    ///
    /// Separators: `.` and `,` are punctuation; space, U+00A0, U+202F and U+2009 only ever group digits.
    /// - Both `.` and `,` present: the last one is the decimal separator ("1.234,56", "1,234.56").
    /// - One punctuation mark, 1–2 digits after it: a decimal separator ("1,5", "1234.5").
    /// - One punctuation mark, exactly 3 digits after it and a valid grouping before ("12.000"):
    ///   a digit-group separator, unless the locale writes that mark as its decimal separator, in
    ///   which case the text is refused as ambiguous ("1,234" in mk, "12.000" in en).
    /// - The same mark twice or more: digit-group separators ("1.234.567").
    /// Groups are 1–3 digits (not starting with 0) followed by groups of exactly 3.
    enum DecimalParser {
        /// The number in hundredths, or why it was refused.
        static func parse(_ text: String, locale: AmountLocale) -> Result<Int64, AmountParseError> {
            switch split(text) {
            case let .failure(error): return .failure(error)
            case let .success(parts):
                if !parts.prefix.isEmpty || !parts.suffix.isEmpty {
                    return .failure(surroundingTextError(parts.prefix.isEmpty ? parts.suffix : parts.prefix))
                }
                return readCore(parts.core, locale: locale)
            }
        }

        /// Text before the first digit, the digits-and-separators core, and text after the last digit.
        struct Parts {
            var prefix: String
            var core: [Character]
            var suffix: String
        }

        /// Splits trimmed text around its digits; refuses empty text, text without digits and minus signs.
        static func split(_ text: String) -> Result<Parts, AmountParseError> {
            let characters = Array(text)
            guard let first = characters.firstIndex(where: isDigit) else {
                let trimmed = text.trimmed
                if trimmed.isEmpty { return .failure(.empty) }
                return .failure(trimmed.contains(where: isMinus) ? .negative : .noDigits)
            }
            let last = characters.lastIndex(where: isDigit)!
            let prefix = String(characters[..<first]).trimmed
            let suffix = String(characters[(last + 1)...]).trimmed
            if prefix.contains(where: isMinus) || (!suffix.isEmpty && suffix.allSatisfy(isMinus)) {
                return .failure(.negative)
            }
            return .success(Parts(prefix: prefix, core: Array(characters[first...last]), suffix: suffix))
        }

        /// The refusal for text left around a number that is not a currency.
        static func surroundingTextError(_ text: String) -> AmountParseError {
            if text.allSatisfy({ $0 == "." || $0 == "," }) { return .misplacedSeparator }
            return .unexpectedText(text)
        }

        private enum Separator: Equatable {
            case dot, comma, space

            var character: Character {
                switch self {
                case .dot: "."
                case .comma: ","
                case .space: " "
                }
            }
        }

        /// Reads a core that starts and ends with a digit.
        static func readCore(_ core: [Character], locale: AmountLocale) -> Result<Int64, AmountParseError> {
            var groups: [String] = []
            var separators: [Separator] = []
            var current = ""
            for character in core {
                if isDigit(character) {
                    current.append(character)
                    continue
                }
                let separator: Separator
                switch character {
                case ".": separator = .dot
                case ",": separator = .comma
                case _ where isSpace(character): separator = .space
                default: return .failure(.invalidCharacter(character))
                }
                if current.isEmpty { return .failure(.malformedGrouping) }
                groups.append(current)
                separators.append(separator)
                current = ""
            }
            groups.append(current)

            let decimalIndex: Int?
            switch findDecimal(groups: groups, separators: separators, locale: locale) {
            case let .success(index): decimalIndex = index
            case let .failure(error): return .failure(error)
            }
            let integerGroups = Array(groups[...(decimalIndex ?? groups.count - 1)])
            let integerSeparators = Array(separators[..<(decimalIndex ?? separators.count)])
            guard isValidGrouping(integerGroups, integerSeparators) else { return .failure(.malformedGrouping) }
            var fraction = decimalIndex.map { groups[$0 + 1] } ?? ""
            if fraction.count > 2 { return .failure(.tooManyDecimals(fraction.count)) }
            while fraction.count < 2 { fraction.append("0") }
            return combine(integerDigits: integerGroups.joined(), fractionDigits: fraction)
        }

        /// The index of the separator that is the decimal separator (nil for a whole number).
        private static func findDecimal(groups: [String], separators: [Separator], locale: AmountLocale)
            -> Result<Int?, AmountParseError>
        {
            let punctuation = separators.enumerated().filter { $0.element != .space }
            guard let lastMark = punctuation.last else { return .success(nil) }
            let kinds = Set(punctuation.map(\.element))
            let sameKindCount = punctuation.filter { $0.element == lastMark.element }.count
            if kinds.count == 2 {
                // "1.234,56": the last mark is the decimal separator; it appears once and ends the number.
                guard sameKindCount == 1, lastMark.offset == separators.count - 1 else { return .failure(.malformedGrouping) }
                return .success(lastMark.offset)
            }
            if sameKindCount > 1 { return .success(nil) }
            // A single punctuation mark: decimal or grouping, decided by the digits after it.
            guard lastMark.offset == separators.count - 1 else { return .failure(.malformedGrouping) }
            let after = groups[lastMark.offset + 1].count
            if after <= 2 { return .success(lastMark.offset) }
            if after > 3 { return .failure(.tooManyDecimals(after)) }
            let readsAsGrouping = isValidGrouping(groups, separators)
            if lastMark.element.character == locale.decimalSeparator {
                return .failure(readsAsGrouping ? .ambiguousSeparator(lastMark.element.character) : .tooManyDecimals(after))
            }
            return readsAsGrouping ? .success(nil) : .failure(.tooManyDecimals(after))
        }

        /// 1–3 digits not starting with 0 (unless alone), then groups of exactly 3, all with one separator kind.
        private static func isValidGrouping(_ groups: [String], _ separators: [Separator]) -> Bool {
            guard let first = groups.first else { return false }
            if separators.isEmpty { return true }
            guard Set(separators).count == 1, (1...3).contains(first.count), !first.hasPrefix("0") else { return false }
            return groups.dropFirst().allSatisfy { $0.count == 3 }
        }

        private static func combine(integerDigits: String, fractionDigits: String) -> Result<Int64, AmountParseError> {
            var value: Int64 = 0
            for digit in (integerDigits + fractionDigits).utf8 {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.addingReportingOverflow(Int64(digit - 48))
                if overflow1 || overflow2 { return .failure(.tooLarge) }
                value = next
            }
            return .success(value)
        }

        static func isDigit(_ character: Character) -> Bool {
            guard let ascii = character.asciiValue else { return false }
            return ascii >= 48 && ascii <= 57
        }

        static func isSpace(_ character: Character) -> Bool {
            character == " " || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2009}"
        }

        static func isMinus(_ character: Character) -> Bool {
            character == "-" || character == "\u{2212}" || character == "\u{2013}"
        }

    }
}
