// Screenshots uploaded as evidence: the type is read from the bytes (PNG, JPEG, WebP only), the size is
// at most 5 MB, and the file goes to the kernel's FileStore (named by its SHA-256) and is recorded here.
import Fluent
import Foundation
import Kernel

enum EvidenceStore {
    static let maxBytes = 5 * 1024 * 1024

    enum Refusal: Error, Equatable {
        case notAnImage
        case tooLarge
    }

    /// The image type the bytes start with, by their magic numbers; nil for anything else.
    static func sniff(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// Checks and stores the bytes (once per content) and records them; returns the file's hash.
    static func store(_ bytes: [UInt8], uploadedBy user: UUID, dataDirectory: String, on database: Database) async throws -> String {
        guard bytes.count <= maxBytes else { throw Refusal.tooLarge }
        guard let type = sniff(bytes) else { throw Refusal.notAnImage }
        let hash = try FileStore.write(bytes, dataDirectory: dataDirectory)
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
