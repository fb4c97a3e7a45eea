import Foundation

extension CPSVAP {
    /// The CPSV-AP 3.2.0 JSON-LD document (UTF-8) of `services`; identifiers are minted under `baseURL`.
    ///
    /// Output is deterministic: one `@graph` sorted by `@id`, keys and values sorted, an inline
    /// `@context` of prefixes only. Unusable input (malformed language tags, blank texts, relative
    /// URLs) is left out; `problems(services:baseURL:)` lists what was left out or stays invalid.
    public static func jsonLD(services: [PublicService], baseURL: String) -> Data {
        Data(jsonLDString(services: services, baseURL: baseURL).utf8)
    }

    /// The same document as `jsonLD(services:baseURL:)`, as a string.
    public static func jsonLDString(services: [PublicService], baseURL: String) -> String {
        GraphBuilder(baseURL: baseURL, services: services).document.serialized() + "\n"
    }
}
