// The API's contract for writing an organisation: one set of rules used both to check request bodies
// and to write the OpenAPI schema, so what the document promises is exactly what the server enforces.
import Kernel
import Foundation
import Localization

enum OrganisationSchema {
    static let maxName = 200
    static let maxText = 5_000
    static let maxEmail = 254
    static let maxWebsite = 500
    /// At least one character that is neither white space nor removed by cleaning (FormText.removedRanges), so a
    /// name the schema accepts is never empty once cleaned.
    static let somethingVisible = "[^\\s" + FormText.removedClass + "]"
    /// No control characters.
    static let noControl = #"^[^\u0000-\u001F\u007F-\u009F]*$"#
    /// No control characters except line breaks (descriptions may have paragraphs).
    static let noControlButNewline = #"^[^\u0000-\u0009\u000B-\u001F\u007F-\u009F]*$"#
    /// An http(s) address (the scheme may be left out) with a dotted host of ASCII letters, digits and hyphens.
    static let website = #"^$|^(?:[Hh][Tt][Tt][Pp][Ss]?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9._~:/?#@!$&'()*+,;=-]*)?$"#
    /// name@domain.tld without spaces, quotes, brackets or separators.
    /// No character that cleaning removes (FormText.removedRanges) is allowed anywhere: the server refuses an address
    /// with one rather than strip it (a soft hyphen after the @ would otherwise leave a domain that starts with a dot).
    static let email: String = {
        let other = #"\s@<>,;""# + FormText.removedClass
        return "^$|^[^" + other + "]+@[^" + other + ".][^" + other + "]*\\.[^" + other + "]*[^" + other + ".]$"
    }()

    static let fields: Set<String> = ["name", "kind", "country", "municipality", "website", "email", "focusAreas", "description"]

    /// Checks a decoded JSON body against the schema; returns the problems as (field, message).
    static func problems(in json: Any) -> [(String, String)] {
        guard let object = json as? [String: Any] else { return [("body", "must be a JSON object")] }
        var problems: [(String, String)] = []
        for key in object.keys where !fields.contains(key) { problems.append((key, "is not a field of an organisation")) }
        func string(_ key: String, required: Bool, max: Int, patterns: [String]) {
            guard let value = object[key] else {
                if required { problems.append((key, "is required")) }
                return
            }
            guard let text = value as? String else { return problems.append((key, "must be a string")) }
            check(text, field: key, max: max, min: required ? 1 : 0, patterns: patterns, into: &problems)
        }
        string("name", required: true, max: maxName, patterns: [somethingVisible, noControl])
        string("municipality", required: false, max: maxName, patterns: [noControl])
        string("website", required: false, max: maxWebsite, patterns: [website])
        string("email", required: false, max: maxEmail, patterns: [email])
        for (key, allowed) in [("kind", OrganisationKind.allCases.map(\.rawValue)), ("country", CountryInfo.all.map(\.code))] {
            guard let value = object[key] else { problems.append((key, "is required")); continue }
            guard let text = value as? String, allowed.contains(text) else {
                problems.append((key, "must be one of " + allowed.joined(separator: ", ")))
                continue
            }
        }
        if let value = object["focusAreas"] {
            if let areas = value as? [Any], areas.allSatisfy({ ($0 as? String).flatMap(FocusArea.init(rawValue:)) != nil }) {} else {
                problems.append(("focusAreas", "must be a list of: " + FocusArea.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        if let value = object["description"] {
            if let texts = value as? [String: Any] {
                for (tag, text) in texts {
                    guard AppLocale.allCases.contains(where: { $0.rawValue == tag }) else {
                        problems.append(("description", "keys must be one of " + AppLocale.allCases.map(\.rawValue).joined(separator: ", ")))
                        continue
                    }
                    guard let text = text as? String else { problems.append(("description.\(tag)", "must be a string")); continue }
                    check(text, field: "description.\(tag)", max: maxText, min: 0, patterns: [noControlButNewline], into: &problems)
                }
            } else {
                problems.append(("description", "must be an object of texts keyed by locale"))
            }
        }
        return problems
    }

    /// Lengths count Unicode code points, as JSON Schema does.
    static func check(_ text: String, field: String, max: Int, min: Int, patterns: [String], into problems: inout [(String, String)]) {
        let length = text.unicodeScalars.count
        if length > max { problems.append((field, "at most \(max) characters")) }
        if length < min { problems.append((field, "must not be empty")) }
        for pattern in patterns where !matches(text, pattern) {
            problems.append((field, "does not have the expected form"))
            break
        }
    }

    /// The schema's patterns, compiled once.
    private static let compiled: [String: NSRegularExpression] = Dictionary(uniqueKeysWithValues:
        [somethingVisible, noControl, noControlButNewline, website, email].map { ($0, try! NSRegularExpression(pattern: $0)) })

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = compiled[pattern] ?? (try? NSRegularExpression(pattern: pattern)) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The JSON Schema of the request body, from the same rules.
    static var jsonSchema: String {
        func quoted(_ text: String) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
        }
        let kinds = NetworkOpenAPI.kinds, countries = NetworkOpenAPI.countries, areas = NetworkOpenAPI.focusAreas
        let locales = "[" + AppLocale.allCases.map { quoted($0.rawValue) }.joined(separator: ", ") + "]"
        return """
        {
          "type": "object", "additionalProperties": false, "required": ["name", "kind", "country"],
          "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": \(maxName), "allOf": [{"pattern": \(quoted(somethingVisible))}, {"pattern": \(quoted(noControl))}]},
            "kind": {"type": "string", "enum": \(kinds)},
            "country": {"type": "string", "enum": \(countries)},
            "municipality": {"type": "string", "maxLength": \(maxName), "pattern": \(quoted(noControl))},
            "website": {"type": "string", "maxLength": \(maxWebsite), "pattern": \(quoted(website))},
            "email": {"type": "string", "maxLength": \(maxEmail), "pattern": \(quoted(email))},
            "focusAreas": {"type": "array", "items": {"type": "string", "enum": \(areas)}},
            "description": {"type": "object", "propertyNames": {"enum": \(locales)}, "additionalProperties": {"type": "string", "maxLength": \(maxText), "pattern": \(quoted(noControlButNewline))}}
          }
        }
        """
    }
}
