// "Is this the real site?": a citizen pastes a link and learns whether it belongs to the official e-government
// domains of a country of the region. Lookalikes (the official name inside another domain, a look-alike
// character, an address without encryption) are named as such.
import Foundation

public enum LinkVerdict: String, Sendable, Equatable {
    /// On an official domain, over HTTPS.
    case official
    /// On an official domain but not over HTTPS: do not type personal data.
    case officialUnencrypted = "official-unencrypted"
    /// Uses an official name inside another domain, or characters that imitate one: a likely phishing site.
    case lookalike
    /// Not on a listed official domain.
    case unknown
    /// Not a web address.
    case invalid
}

public enum OfficialDomains {
    /// The official e-government domains per country (a site on the domain or any subdomain of it counts).
    /// Kept by the programme's researchers; sources: the national portals' own pages.
    public static let byCountry: [String: [String]] = [
        "AL": ["e-albania.al", "gov.al", "akshi.gov.al"],
        "XK": ["rks-gov.net", "ekosova.rks-gov.net"],
        "ME": ["gov.me", "euprava.me"],
        "MK": ["gov.mk", "uslugi.gov.mk", "moepso.gov.mk"],
        "RS": ["gov.rs", "euprava.gov.rs", "eid.gov.rs"],
        "BA": ["gov.ba", "fbihvlada.gov.ba", "vladars.rs.ba"],
    ]

    public struct Result: Sendable, Equatable {
        public var verdict: LinkVerdict
        /// The host as read from the link (lower case), when there was one.
        public var host: String
        /// The official domain it belongs to or imitates, when there is one.
        public var domain: String
        /// The country of that domain.
        public var country: String
    }

    public static func check(_ text: String) -> Result {
        let invalid = Result(verdict: .invalid, host: "", domain: "", country: "")
        // Browsers drop tabs and line breaks inside a link and read `\` as `/`: so do we.
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .replacingOccurrences(of: "\\", with: "/")
        var rest = Substring(cleaned)
        guard !rest.isEmpty, rest.count <= 2_000 else { return invalid }
        // Read by hand rather than by URLComponents, so that a host in another script is read, not refused.
        var scheme = "https"
        if let separator = rest.range(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            rest = rest[separator.upperBound...]
        }
        guard scheme == "http" || scheme == "https" else { return invalid }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var user = ""
        var hostPart = authority
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at]).lowercased()
            hostPart = authority[authority.index(after: at)...]
        }
        var host = String(hostPart.prefix { $0 != ":" }).lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        guard host.contains("."), !host.hasPrefix("."), host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else { return invalid }
        let pairs = byCountry.sorted { $0.key < $1.key }.flatMap { country, domains in domains.map { (country: country, domain: $0) } }
        // The most specific listed domain the host belongs to (uslugi.gov.mk rather than gov.mk).
        if let pair = pairs.filter({ host == $0.domain || host.hasSuffix("." + $0.domain) }).max(by: { $0.domain.count < $1.domain.count }) {
            return Result(verdict: scheme == "https" ? .official : .officialUnencrypted, host: host, domain: pair.domain, country: pair.country)
        }
        // The best imitated domain: the one whose labels the text repeats most.
        func imitated(_ text: String, among candidates: [(country: String, domain: String)]) -> (country: String, domain: String)? {
            let scored = candidates.map { pair in
                (pair, pair.domain.split(separator: ".").filter { text.contains($0) }.count)
            }
            guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
            return scored.first { $0.1 == best.1 }?.0
        }
        // An official name before an `@` (`https://gov.al@evil.example`): the browser goes to the host after it.
        if !user.isEmpty, let pair = imitated(user, among: pairs.filter { user.contains($0.domain) || user.contains(distinctive($0.domain)) }) {
            return Result(verdict: .lookalike, host: host, domain: pair.domain, country: pair.country)
        }
        // Letters from another script or digits standing in for letters (`е-аlbania.al`, `g0v.al`).
        let skeleton = Self.skeleton(host)
        if host.hasPrefix("xn--") || host.contains(".xn--") || host != skeleton {
            let candidates = pairs.filter { skeleton == $0.domain || skeleton.hasSuffix("." + $0.domain) || skeleton.contains(distinctive($0.domain)) }
            if let pair = imitated(skeleton, among: candidates) {
                return Result(verdict: .lookalike, host: host, domain: pair.domain, country: pair.country)
            }
        }
        // The official name inside another domain: e-albania.al.example.com, euprava-gov-rs.info
        let candidates = pairs.filter { host.contains($0.domain) || host.contains(distinctive($0.domain)) }
        if let pair = imitated(host, among: candidates) {
            return Result(verdict: .lookalike, host: host, domain: pair.domain, country: pair.country)
        }
        return Result(verdict: .unknown, host: host, domain: "", country: "")
    }

    /// The part of an official domain that is hard to hit by chance: its first label when it has 5 or more
    /// characters (`e-albania`, `euprava`), else the whole domain (`gov.al`).
    static func distinctive(_ domain: String) -> String {
        let first = domain.split(separator: ".").first.map(String.init) ?? domain
        return first.count >= 5 ? first : domain
    }

    /// The host with look-alike characters replaced by what they imitate (Cyrillic а, е, о, р, с, х, і; digits 0 and 1).
    static func skeleton(_ host: String) -> String {
        let map: [Character: Character] = ["а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
                                           "0": "o", "1": "l"]
        return String(host.map { map[$0] ?? $0 })
    }
}
