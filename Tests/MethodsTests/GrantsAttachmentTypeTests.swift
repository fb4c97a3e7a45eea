import Testing
@testable import Methods

private typealias T = Grants.AttachmentType

/// A zip local file header (30 bytes) followed by the name and stored content.
/// `declaredSize` overrides the compressed size written in the header; `flags` bit 3 marks a data descriptor.
private func entry(_ name: String, _ content: [UInt8] = [], declaredSize: UInt32? = nil, flags: UInt16 = 0) -> [UInt8] {
    let nameBytes = Array(name.utf8)
    var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]       // signature, version needed
    bytes += le16(flags)
    bytes += [0x00, 0x00, 0x00, 0x00, 0x00, 0x00]                    // method (stored), time, date
    bytes += [0x00, 0x00, 0x00, 0x00]                                // CRC-32
    bytes += le32(declaredSize ?? UInt32(content.count))             // compressed size (offset 18)
    bytes += le32(UInt32(content.count))                             // uncompressed size
    bytes += le16(UInt16(nameBytes.count))                           // name length (offset 26)
    bytes += [0x00, 0x00]                                            // extra length (offset 28)
    bytes += nameBytes
    bytes += content
    return bytes
}

/// A central directory entry (46 bytes) naming `name`, whose local header is at `offset`.
private func centralEntry(_ name: String, offset: UInt32) -> [UInt8] {
    let nameBytes = Array(name.utf8)
    var bytes: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
    bytes += [UInt8](repeating: 0, count: 24)                        // versions, flags, method, time, CRC, sizes
    bytes += le16(UInt16(nameBytes.count))                           // name length (offset 28)
    bytes += [0x00, 0x00, 0x00, 0x00]                                // extra and comment lengths
    bytes += [UInt8](repeating: 0, count: 8)                         // disk, attributes
    bytes += le32(offset)                                            // local header offset (offset 42)
    bytes += nameBytes
    return bytes
}

/// The end-of-central-directory record (22 bytes).
private func endRecord(entries: UInt16, size: UInt32, offset: UInt32) -> [UInt8] {
    var bytes: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00]
    bytes += le16(entries)
    bytes += le16(entries)
    bytes += le32(size)
    bytes += le32(offset)                                            // directory offset (offset 16)
    bytes += [0x00, 0x00]
    return bytes
}

private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) } }

private let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8)
private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
private let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]
private let odtMime = Array("application/vnd.oasis.opendocument.text".utf8)

/// "word/document.xml" (17 = 0x11 bytes) stored with content "hi", written out byte by byte.
private let docx: [UInt8] = [
    0x50, 0x4B, 0x03, 0x04,     // local file header signature
    0x14, 0x00, 0x00, 0x00,     // version needed 2.0, flags
    0x00, 0x00,                 // method: stored
    0x00, 0x00, 0x00, 0x00,     // time, date
    0x00, 0x00, 0x00, 0x00,     // CRC-32 (not checked)
    0x02, 0x00, 0x00, 0x00,     // compressed size 2 (offset 18)
    0x02, 0x00, 0x00, 0x00,     // uncompressed size 2
    0x11, 0x00,                 // name length 17 (offset 26)
    0x00, 0x00,                 // extra length 0 (offset 28)
    0x77, 0x6F, 0x72, 0x64, 0x2F, 0x64, 0x6F, 0x63, 0x75, 0x6D, 0x65, 0x6E, 0x74, 0x2E, 0x78, 0x6D, 0x6C,   // word/document.xml
    0x68, 0x69,                 // "hi"
]

@Suite("Grants: attachment types from their bytes")
struct GrantsAttachmentTypeTests {
    @Test func magicNumbers() {
        #expect(T.sniff(pdf) == .pdf)
        #expect(T.sniff(png) == .png)
        #expect(T.sniff(jpeg) == .jpeg)
        #expect(T.sniff(Array("%PDF".utf8)) == nil)                     // no dash: not enough
        #expect(T.sniff(Array(png.prefix(7))) == nil)
        #expect(T.sniff([0xFF, 0xD8]) == nil)
        #expect(T.sniff(Array("GIF89a".utf8)) == nil)
        #expect(T.sniff([]) == nil)
        #expect(T.sniff(Array(" %PDF-1.4".utf8)) == nil)               // must be at the very start
    }

    @Test func officeOpenXmlByItsEntries() {
        #expect(docx.count == 49)
        #expect(T.sniff(docx) == .docx)
        #expect(entry("word/document.xml", Array("hi".utf8)) == docx)   // the helper writes the same bytes
        let xlsx = entry("[Content_Types].xml", Array("<Types/>".utf8)) + entry("_rels/.rels", Array("<r/>".utf8))
            + entry("xl/workbook.xml", Array("<w/>".utf8))
        #expect(T.sniff(xlsx) == .xlsx)
        let both = entry("word/document.xml") + entry("xl/workbook.xml")
        #expect(T.sniff(both) == nil)
        #expect(T.sniff(entry("readme.txt", Array("hello".utf8)) + entry("words/list.txt")) == nil)   // plain zip
        #expect(T.sniff(entry("docs/word/x.xml")) == nil)                // "word/" must start the name
    }

    @Test func openDocumentByItsMimetypeEntry() {
        let odt = entry("mimetype", odtMime) + entry("content.xml", Array("<office/>".utf8))
        #expect(odt.count == 30 + 8 + 39 + 30 + 11 + 9)
        #expect(T.sniff(odt) == .odt)
        let ods = entry("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)) + entry("content.xml")
        #expect(T.sniff(ods) == .ods)
        // A presentation is none of ours, even with a word/ entry after it.
        #expect(T.sniff(entry("mimetype", Array("application/vnd.oasis.opendocument.presentation".utf8))
                        + entry("word/document.xml")) == nil)
        // "mimetype" counts only as the first entry.
        #expect(T.sniff(entry("content.xml") + entry("mimetype", odtMime)) == nil)
        // The media type with a trailing newline is not the media type.
        #expect(T.sniff(entry("mimetype", odtMime + [0x0A])) == nil)
    }

    /// Entries with a data descriptor have size 0 in their local header; the central directory names them.
    @Test func dataDescriptorEntriesAreFoundThroughTheCentralDirectory() {
        let first = entry("[Content_Types].xml", Array("<compressed bytes>".utf8), declaredSize: 0, flags: 0x0008)
        let second = entry("word/document.xml", Array("<compressed>".utf8), declaredSize: 0, flags: 0x0008)
        let directory = centralEntry("[Content_Types].xml", offset: 0) + centralEntry("word/document.xml", offset: UInt32(first.count))
        let zip = first + second + directory
            + endRecord(entries: 2, size: UInt32(directory.count), offset: UInt32(first.count + second.count))
        #expect(T.sniff(zip) == .docx)
        #expect(T.sniff(first + second) == nil)                          // without the directory: cannot tell
    }

    /// A docx cut anywhere: nothing until the whole name is there (30 + 17 = 47 bytes), then docx.
    @Test func truncatedZipsAreSafe() {
        for length in 0...docx.count {
            #expect(T.sniff(Array(docx.prefix(length))) == (length >= 47 ? .docx : nil), "\(length)")
        }
        // The ODT decision needs the whole media type: 30 + 8 + 39 = 77 bytes.
        let odt = entry("mimetype", odtMime)
        for length in 0...odt.count {
            #expect(T.sniff(Array(odt.prefix(length))) == (length >= 77 ? .odt : nil), "\(length)")
        }
    }

    @Test func hostileHeadersReturnNil() {
        // Name length 0xFFFF with a 3-byte name.
        var longName: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        longName += [UInt8](repeating: 0, count: 22)
        longName += [0xFF, 0xFF, 0x00, 0x00]
        longName += Array("wor".utf8)
        #expect(longName.count == 33)
        #expect(T.sniff(longName) == nil)
        // Compressed size 0xFFFFFFFF: the next header would be 4 GB away.
        #expect(T.sniff(entry("a.txt", declaredSize: 0xFFFF_FFFF) + entry("word/document.xml")) == nil)
        // "mimetype" that claims more content than there is.
        #expect(T.sniff(entry("mimetype", Array("application/vnd".utf8), declaredSize: 39)) == nil)
        // Extra length past the end.
        var extra = entry("a.txt")
        extra[28] = 0xFF
        extra[29] = 0xFF
        #expect(T.sniff(extra + entry("word/document.xml")) == nil)
        // An end record pointing far away, or at a directory entry whose name runs past the end.
        let local = entry("a.txt")
        #expect(T.sniff(local + endRecord(entries: 1, size: 46, offset: 0xFFFF_FFFF)) == nil)
        var directory = centralEntry("word/document.xml", offset: 0)
        directory[28] = 0xFF
        directory[29] = 0xFF
        #expect(T.sniff(local + directory + endRecord(entries: 1, size: 46, offset: UInt32(local.count))) == nil)
        // An end record alone, and a zip signature alone.
        #expect(T.sniff([0x50, 0x4B, 0x03, 0x04]) == nil)
        #expect(T.sniff([0x50, 0x4B, 0x03, 0x04] + endRecord(entries: 0, size: 0, offset: 0)) == nil)
    }

    /// At most 2,000 local headers are read: the word/ entry as the 2,000th counts, as the 2,001st not.
    @Test func theWalkStopsAfter2000Headers() {
        let filler = entry("a")
        #expect(filler.count == 31)
        #expect(T.sniff(Array([[UInt8]](repeating: filler, count: 1_999).joined()) + entry("word/document.xml")) == .docx)
        #expect(T.sniff(Array([[UInt8]](repeating: filler, count: 2_000).joined()) + entry("word/document.xml")) == nil)
    }

    @Test func randomBytesNeverCrash() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for length in [0, 1, 3, 4, 29, 30, 31, 46, 100, 1_000, 70_000] {
            for _ in 0..<20 {
                let noise = (0..<length).map { _ in next() }
                #expect(T.sniff(noise) == nil)
                let zipped: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + noise
                #expect(T.sniff(zipped) == nil)
                #expect(T.sniff(zipped + [0x50, 0x4B, 0x05, 0x06] + Array(noise.prefix(18))) == nil)
            }
        }
    }

    @Test func mediaTypesAndExtensions() {
        #expect(T.allCases.map(\.rawValue) == ["pdf", "docx", "xlsx", "odt", "ods", "png", "jpeg"])
        #expect(T.jpeg.fileExtensions == ["jpg", "jpeg"])
        #expect(T.docx.fileExtensions == ["docx"])
        #expect(T.pdf.mediaType == "application/pdf")
        #expect(T.jpeg.mediaType == "image/jpeg")
        #expect(T.xlsx.mediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(T.odt.mediaType == "application/vnd.oasis.opendocument.text")
    }
}

@Suite("Grants: checking an uploaded attachment")
struct GrantsAttachmentCheckTests {
    private let all = Set(T.allCases)

    @Test func acceptsWhatTheBytesAndTheNameAgreeOn() {
        #expect(T.check(fileName: "report.pdf", bytes: pdf, maxBytes: 1_000, allowed: all) == .success(.pdf))
        #expect(T.check(fileName: "C:\\fakepath\\Report.PDF", bytes: pdf, maxBytes: 1_000, allowed: [.pdf]) == .success(.pdf))
        #expect(T.check(fileName: "photo.JPG", bytes: jpeg, maxBytes: 1_000, allowed: all) == .success(.jpeg))
        #expect(T.check(fileName: "photo.jpeg", bytes: jpeg, maxBytes: 1_000, allowed: all) == .success(.jpeg))
        #expect(T.check(fileName: "plan.v2.docx", bytes: docx, maxBytes: 49, allowed: [.docx]) == .success(.docx))
    }

    @Test func refusals() {
        #expect(T.check(fileName: "empty.pdf", bytes: [], maxBytes: 1_000, allowed: all) == .failure(.empty))
        #expect(T.check(fileName: "plan.docx", bytes: docx, maxBytes: 48, allowed: all) == .failure(.tooLarge(size: 49, maximum: 48)))
        #expect(T.check(fileName: "anim.gif", bytes: Array("GIF89a".utf8), maxBytes: 1_000, allowed: all) == .failure(.unknownType))
        // The upload lies about its type.
        #expect(T.check(fileName: "report.pdf", bytes: png, maxBytes: 1_000, allowed: all)
                == .failure(.extensionMismatch(declared: "pdf", actual: .png)))
        #expect(T.check(fileName: "report.pdf", bytes: png, maxBytes: 1_000, allowed: [.pdf])
                == .failure(.extensionMismatch(declared: "pdf", actual: .png)))
        #expect(T.check(fileName: "photo.png", bytes: png, maxBytes: 1_000, allowed: [.pdf, .docx]) == .failure(.typeNotAllowed(.png)))
        for name in ["report", "report.", ".pdf", "folder.d/report", ""] {
            #expect(T.check(fileName: name, bytes: pdf, maxBytes: 1_000, allowed: all) == .failure(.missingExtension), "\(name)")
        }
    }

    @Test func problemsCarryCodesAndArguments() {
        let mismatch = Grants.AttachmentProblem.extensionMismatch(declared: "pdf", actual: .png)
        #expect(mismatch.code == "grants.attachment.extension-mismatch")
        #expect(mismatch.arguments == ["declared": .text("pdf"), "actual": .text("png")])
        #expect(Grants.AttachmentProblem.tooLarge(size: 49, maximum: 48).arguments == ["size": .integer(49), "maximum": .integer(48)])
        #expect(Grants.AttachmentProblem.typeNotAllowed(.xlsx).arguments == ["type": .text("xlsx")])
        #expect(Grants.AttachmentProblem.empty.code == "grants.attachment.empty")
        #expect(Grants.AttachmentProblem.tooLarge(size: 1, maximum: 0).code == "grants.attachment.too-large")
        #expect(Grants.AttachmentProblem.unknownType.code == "grants.attachment.unknown-type")
        #expect(Grants.AttachmentProblem.typeNotAllowed(.pdf).code == "grants.attachment.type-not-allowed")
        #expect(Grants.AttachmentProblem.missingExtension.code == "grants.attachment.missing-extension")
    }
}
