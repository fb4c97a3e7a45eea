// Query strings for links: keys in a fixed order, values percent-encoded (RFC 3986 unreserved characters kept).
import Foundation

package enum QueryString {
    /// `?a=1&b=x%20y`, or "" when there is nothing.
    package static func encode(_ values: [String: String]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let pairs = values.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }
}
