// Message catalogs: one JSON file per locale in Resources/Catalogs; sr-Cyrl is made from sr-Latn.
import Foundation

/// One catalog entry: a plain message or plural forms keyed by CLDR category.
public enum CatalogEntry: Sendable, Equatable, Decodable {
    case text(String)
    case plural([PluralCategory: String])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
            return
        }
        let forms = try container.decode([String: String].self)
        var result: [PluralCategory: String] = [:]
        for (name, text) in forms {
            guard let category = PluralCategory(rawValue: name) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown plural category \(name)")
            }
            result[category] = text
        }
        self = .plural(result)
    }

    /// Every text of the entry, for checks and transliteration.
    public var texts: [String] {
        switch self {
        case .text(let text): [text]
        case .plural(let forms): PluralCategory.allCases.compactMap { forms[$0] }
        }
    }

    func mapTexts(_ transform: (String) -> String) -> CatalogEntry {
        switch self {
        case .text(let text): .text(transform(text))
        case .plural(let forms): .plural(forms.mapValues(transform))
        }
    }
}

/// Words and whole keys where plain transliteration of sr-Latn would be wrong.
public struct CyrillicOverrides: Sendable, Decodable {
    /// Latin word → Cyrillic word (foreign names, digraphs that are two letters, e.g. "nadživeti").
    public var words: [String: String]
    /// Catalog key → the full Cyrillic text.
    public var keys: [String: String]
}

/// All catalogs, loaded once from the module's resources.
public struct CatalogSet: Sendable {
    public let entries: [AppLocale: [String: CatalogEntry]]
    /// Keys whose text may legitimately equal the English one: under "*" for every locale (names,
    /// acronyms), or under a locale tag for that locale only (e.g. "Malta" in Albanian).
    public let sameAsEnglish: [String: Set<String>]
    public let transliterator: SerbianTransliterator
    /// Locale files that could not be read (their texts fall back to English; `problems()` lists them).
    public var loadProblems: [String] = []

    /// The catalogs shipped with the platform. Loading failure is a packaging bug, so it stops the program.
    public static let shipped: CatalogSet = {
        do { return try CatalogSet.load(from: catalogDirectory) } catch {
            fatalError("Message catalogs cannot be read: \(error)")
        }
    }()

    /// Where the shipped catalog files are.
    public static var catalogDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Catalogs")
    }

    /// Reads `en.json`, `sq.json`, `mk.json`, `sr-Latn.json`, derives sr-Cyrl, and reads the allow-list.
    public static func load(from directory: URL) throws -> CatalogSet {
        let decoder = JSONDecoder()
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            let url = directory.appendingPathComponent(name)
            do {
                return try decoder.decode(T.self, from: Data(contentsOf: url))
            } catch {
                throw CatalogError.unreadable(file: name, reason: String(describing: error))
            }
        }
        var entries: [AppLocale: [String: CatalogEntry]] = [:]
        var loadProblems: [String] = []
        entries[.en] = try read("en.json", as: [String: CatalogEntry].self)
        for locale in [AppLocale.sq, .mk, .srLatn] {
            do {
                entries[locale] = try read("\(locale.rawValue).json", as: [String: CatalogEntry].self)
            } catch {
                // A broken translation must not take the site down: English stands in, and the check fails.
                entries[locale] = [:]
                loadProblems.append(String(describing: error))
            }
        }
        let overrides = try read("sr-Cyrl-overrides.json", as: CyrillicOverrides.self)
        let transliterator = SerbianTransliterator(exceptions: overrides.words)
        var cyrillic: [String: CatalogEntry] = [:]
        for (key, entry) in entries[.srLatn] ?? [:] {
            if let whole = overrides.keys[key] {
                cyrillic[key] = .text(whole)
            } else {
                cyrillic[key] = entry.mapTexts(transliterator.toCyrillic)
            }
        }
        entries[.srCyrl] = cyrillic
        let same = try read("same-as-english.json", as: [String: [String]].self)
        var allowed = same.mapValues(Set.init)
        // What sr-Latn may keep from English, its Cyrillic transliteration may keep too (e.g. "ICEDA").
        allowed["sr-Cyrl"] = (allowed["sr-Cyrl"] ?? []).union(allowed["sr-Latn"] ?? [])
        var set = CatalogSet(entries: entries, sameAsEnglish: allowed, transliterator: transliterator)
        set.loadProblems = loadProblems
        return set
    }

    /// Problems that make a catalog incomplete: missing keys, untranslated texts, missing plural forms,
    /// placeholders that differ from English. Empty when every locale is complete.
    public func problems() -> [String] {
        var problems: [String] = loadProblems
        let english = entries[.en] ?? [:]
        for locale in AppLocale.allCases where locale != .en {
            let catalog = entries[locale] ?? [:]
            let allowed = (sameAsEnglish["*"] ?? []).union(sameAsEnglish[locale.rawValue] ?? [])
            for key in english.keys.sorted() {
                guard let entry = catalog[key] else {
                    problems.append("\(locale.rawValue): missing key \(key)")
                    continue
                }
                let englishEntry = english[key]!
                if entry == englishEntry, !allowed.contains(key) {
                    problems.append("\(locale.rawValue): \(key) is left in English")
                }
                if case .plural(let forms) = entry {
                    for category in PluralRules.categories(for: locale.pluralLanguage) where forms[category] == nil {
                        problems.append("\(locale.rawValue): \(key) lacks plural form \(category.rawValue)")
                    }
                }
                if Self.placeholders(in: englishEntry) != Self.placeholders(in: entry) {
                    problems.append("\(locale.rawValue): \(key) has placeholders \(Self.placeholders(in: entry).sorted()), English has \(Self.placeholders(in: englishEntry).sorted())")
                }
            }
            for key in catalog.keys where english[key] == nil {
                problems.append("\(locale.rawValue): key \(key) is not in the English catalog")
            }
        }
        for key in english.keys.sorted() {
            if case .plural(let forms)? = english[key], forms[.one] == nil || forms[.other] == nil {
                problems.append("en: \(key) lacks plural form one or other")
            }
        }
        return problems
    }

    static func placeholders(in entry: CatalogEntry) -> Set<String> {
        var names: Set<String> = []
        for text in entry.texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                names.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return names
    }
}

public enum CatalogError: Error, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): \(reason)"
        }
    }
}
