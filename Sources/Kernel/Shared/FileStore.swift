// Uploaded files of every feature: stored once per content under the data folder, named by their SHA-256.
// What a file may be (its type, its size) is the owning feature's rule; storing and finding it is this.
import Crypto
import Foundation

package enum FileStore {
    package enum Refusal: Error, Equatable {
        case notStored
    }

    /// Lower-case hex SHA-256 of the bytes.
    package static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `text` looks like a stored file's name (64 lower-case hex digits).
    package static func isHash(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    package static func directory(dataDirectory: String) -> URL {
        URL(fileURLWithPath: dataDirectory, isDirectory: true).appendingPathComponent("uploads", isDirectory: true)
    }

    package static func path(of hash: String, dataDirectory: String) -> URL {
        directory(dataDirectory: dataDirectory).appendingPathComponent(hash)
    }

    /// The stored bytes of `hash`, or nil when the name is not a hash or no such file exists.
    package static func read(_ hash: String, dataDirectory: String) -> Data? {
        guard isHash(hash) else { return nil }
        return FileManager.default.contents(atPath: path(of: hash, dataDirectory: dataDirectory).path)
    }

    /// Stores the bytes under the data folder named by their SHA-256 (once per content) and returns the hash.
    /// Written beside the target and moved in place, so a reader never sees half a file.
    package static func write(_ bytes: [UInt8], dataDirectory: String) throws -> String {
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
}
