// Screenshots uploaded as evidence: the type is read from the bytes (PNG, JPEG, WebP only), the size is
// at most 5 MB, and the file is stored under the data folder named by its SHA-256.
import Crypto
import Fluent
import Foundation

enum EvidenceStore {
    static let maxBytes = 5 * 1024 * 1024

    enum Refusal: Error, Equatable {
        case notAnImage
        case tooLarge
        case notStored
    }

    /// The image type the bytes start with, by their magic numbers; nil for anything else.
    static func sniff(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `text` looks like a stored file's name (64 lower-case hex digits).
    static func isHash(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    static func directory(dataDirectory: String) -> URL {
        URL(fileURLWithPath: dataDirectory, isDirectory: true).appendingPathComponent("uploads", isDirectory: true)
    }

    static func path(of hash: String, dataDirectory: String) -> URL {
        directory(dataDirectory: dataDirectory).appendingPathComponent(hash)
    }

    /// Stores the bytes under the data folder named by their SHA-256 (once per content) and returns the hash.
    /// Written beside the target and moved in place, so a reader never sees half a file.
    static func write(_ bytes: [UInt8], dataDirectory: String) throws -> String {
        let hash = sha256(bytes)
        let target = path(of: hash, dataDirectory: dataDirectory)
        if !FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.createDirectory(at: directory(dataDirectory: dataDirectory), withIntermediateDirectories: true)
            let temporary = target.appendingPathExtension("part-\(UUID().uuidString)")
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                guard FileManager.default.fileExists(atPath: target.path) else { throw Refusal.notStored }
            }
        }
        return hash
    }

    /// Checks and stores the bytes (once per content) and records them; returns the file's hash.
    static func store(_ bytes: [UInt8], uploadedBy user: UUID, dataDirectory: String, on database: Database) async throws -> String {
        guard bytes.count <= maxBytes else { throw Refusal.tooLarge }
        guard let type = sniff(bytes) else { throw Refusal.notAnImage }
        let hash = try write(bytes, dataDirectory: dataDirectory)
        if try await EvidenceFile.query(on: database).filter(\.$sha256 == hash).first() == nil {
            let file = EvidenceFile()
            file.sha256 = hash
            file.contentType = type
            file.size = bytes.count
            file.uploadedBy = user
            do {
                try await file.save(on: database)
            } catch {
                // Another request stored the same bytes at the same moment: the row exists, which is all we need.
                guard try await EvidenceFile.query(on: database).filter(\.$sha256 == hash).first() != nil else { throw error }
            }
        }
        return hash
    }
}
