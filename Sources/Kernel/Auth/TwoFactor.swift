// TOTP (RFC 6238) secrets, codes and recovery codes.
import Crypto
import Foundation
import Vapor

package enum TwoFactor {
    /// A new random 160-bit secret in Base32 (what authenticator apps expect).
    package static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Whether `code` is the TOTP of `secret` at `time`, one 30-second step either side allowed for clock drift.
    package static func verify(code: String, secret: String, time: Date = Date()) -> Bool {
        matchingStep(code: code, secret: secret, time: time) != nil
    }

    /// The RFC 6238 time step (Unix time / 30) whose code `code` is, looking one step either side of `time`; nil when
    /// none. Sign-in remembers the step it accepted, so that the same code cannot be used a second time.
    package static func matchingStep(code: String, secret: String, time: Date = Date()) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let key = Base32.decode(secret) else { return nil }
        let totp = TOTP(key: SymmetricKey(data: key), digest: .sha1, digits: .six, interval: 30)
        let step = Int64((time.timeIntervalSince1970 / 30).rounded(.down))
        var found: Int64?
        for offset in Int64(-1)...1 where SecureToken.constantTimeEquals(totp.generate(time: time.addingTimeInterval(Double(offset * 30))), digits) {
            found = step + offset
        }
        return found
    }

    /// The `otpauth://` URI that authenticator apps read (Key URI Format).
    package static func provisioningURI(secret: String, account: String, issuer: String = "ICEDA Platform") -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~@"))
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: ":"))) ?? account
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuerParameter)&algorithm=SHA1&digits=6&period=30"
    }

    /// Ten one-time recovery codes like `7f3k-9q2m-xt4p`.
    package static func newRecoveryCodes() -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<10).map { _ in
            (0..<3).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
        }
    }

    package static func normaliseRecoveryCode(_ code: String) -> String {
        code.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Uses up a recovery code; returns the remaining hashes, or nil when the code is not one of them.
    package static func consumeRecoveryCode(_ code: String, stored: String) -> String? {
        let hash = SecureToken.sha256(normaliseRecoveryCode(code))
        var hashes = stored.split(separator: " ").map(String.init)
        guard let index = hashes.firstIndex(where: { SecureToken.constantTimeEquals($0, hash) }) else { return nil }
        hashes.remove(at: index)
        return hashes.joined(separator: " ")
    }

    package static func hashRecoveryCodes(_ codes: [String]) -> String {
        codes.map { SecureToken.sha256(normaliseRecoveryCode($0)) }.joined(separator: " ")
    }
}

/// RFC 4648 Base32 without padding.
package enum Base32 {
    package static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    package static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    package static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 255))
                bits -= 8
            }
        }
        return output
    }
}
