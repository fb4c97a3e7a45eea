// Evidence screenshots are typed by their bytes; stored files are named by their SHA-256.
import Foundation
import Testing
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

@Suite struct EvidenceFileTests {
    @Test func screenshotsAreRecognisedByTheirBytes() {
        #expect(EvidenceStore.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == "image/png")
        #expect(EvidenceStore.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == "image/jpeg")
        #expect(EvidenceStore.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "image/webp")
        #expect(EvidenceStore.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == nil)
        #expect(EvidenceStore.sniff(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == nil)
        #expect(EvidenceStore.sniff(Array("GIF89a".utf8)) == nil)
        #expect(FileStore.isHash(String(repeating: "a1", count: 32)))
        #expect(!FileStore.isHash("../../etc/passwd"))
    }
}
