// The platform's Ed25519 key for certificates, and VC-JWT signing and verification with it (swift-crypto, already
// built for Vapor; see docs/ARCHITECTURE.md for why not jwt-kit). The key is made once and kept in the data folder;
// its public half is published as a JWKS, so anyone can verify a certificate without asking us.
import Crypto
import Foundation
import Kernel
import Methods
import Vapor

struct CredentialSigner: Sendable {
    let key: Curve25519.Signing.PrivateKey
    /// The key's id: its JWK thumbprint-like digest, stable for the key.
    var keyID: String { Self.base64url(Data(SHA256.hash(data: key.publicKey.rawRepresentation)).prefix(16)) }

    /// Loads the key from `<data>/keys/credentials-ed25519.key`, or makes it (mode 0600) when there is none.
    static func load(dataDirectory: String) throws -> CredentialSigner {
        let folder = URL(fileURLWithPath: dataDirectory).appendingPathComponent("keys", isDirectory: true)
        let file = folder.appendingPathComponent("credentials-ed25519.key")
        if FileManager.default.fileExists(atPath: file.path) {
            // a key that exists but cannot be read stops the start: replacing it would make every issued certificate
            // look forged
            let data = try Data(contentsOf: file)
            return CredentialSigner(key: try Curve25519.Signing.PrivateKey(rawRepresentation: data))
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = Curve25519.Signing.PrivateKey()
        // created with 0600 and only if absent: a second instance starting at the same moment reads the first's key
        guard FileManager.default.createFile(atPath: file.path, contents: key.rawRepresentation, attributes: [.posixPermissions: 0o600]) else {
            throw Abort(.internalServerError, reason: "cannot write the credential key at \(file.path)")
        }
        return try load(dataDirectory: dataDirectory)
    }

    static func base64url(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64url(_ text: Substring) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        return Data(base64Encoded: base)
    }

    /// `header.payload.signature` (compact JWS, EdDSA).
    func sign(header: JSONNode, payload: JSONNode) throws -> String {
        let input = Self.base64url(Data(header.compact.utf8)) + "." + Self.base64url(Data(payload.compact.utf8))
        let signature = try key.signature(for: Data(input.utf8))
        return input + "." + Self.base64url(signature)
    }

    /// The public key as a JWK Set (RFC 8037 OKP / Ed25519).
    var jwks: JSONNode {
        .object([("keys", .array([.object([("kty", .string("OKP")), ("crv", .string("Ed25519")), ("x", .string(Self.base64url(key.publicKey.rawRepresentation))),
                                           ("kid", .string(keyID)), ("alg", .string("EdDSA")), ("use", .string("sig"))])]))])
    }

    enum Verdict: Equatable {
        case valid(jti: String, payload: [String: Any]?)
        case malformed
        case badSignature
        case expired
        case notYetValid

        static func == (a: Verdict, b: Verdict) -> Bool {
            switch (a, b) {
            case (.valid(let x, _), .valid(let y, _)): x == y
            case (.malformed, .malformed), (.badSignature, .badSignature), (.expired, .expired), (.notYetValid, .notYetValid): true
            default: false
            }
        }
    }

    /// Checks a compact JWS: three parts, an EdDSA header, a signature by this key, and the `nbf`/`exp` window.
    func verify(_ token: String, now: Date = Date()) -> Verdict {
        let parts = token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.count <= 100_000, let headerData = Self.decodeBase64url(parts[0]), let payloadData = Self.decodeBase64url(parts[1]),
              let signature = Self.decodeBase64url(parts[2]),
              let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any], header["alg"] as? String == "EdDSA",
              let payload = try? JSONSerialization.jsonObject(with: payloadData) as? [String: Any] else { return .malformed }
        guard key.publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8)) else { return .badSignature }
        let seconds = now.timeIntervalSince1970
        if let nbf = payload["nbf"] as? Double, seconds < nbf - 300 { return .notYetValid }
        if let exp = payload["exp"] as? Double, seconds > exp { return .expired }
        guard let jti = payload["jti"] as? String else { return .malformed }
        return .valid(jti: jti, payload: payload)
    }
}

struct CredentialSignerKey: StorageKey { typealias Value = CredentialSigner }

extension Application {
    var credentialSigner: CredentialSigner {
        get throws {
            if let signer = storage[CredentialSignerKey.self] { return signer }
            let signer = try CredentialSigner.load(dataDirectory: iceda.config.dataDirectory)
            storage[CredentialSignerKey.self] = signer
            return signer
        }
    }
}
