extension Grants {
    /// What an application's attachment really is, read from its bytes (never from its name or the
    /// browser's claimed media type).
    public enum AttachmentType: String, Hashable, CaseIterable, Codable, Sendable {
        /// PDF document.
        case pdf
        /// Word document (Office Open XML).
        case docx
        /// Excel workbook (Office Open XML).
        case xlsx
        /// OpenDocument text.
        case odt
        /// OpenDocument spreadsheet.
        case ods
        /// PNG image.
        case png
        /// JPEG image.
        case jpeg

        /// The IANA media type to serve the file with.
        public var mediaType: String {
            switch self {
            case .pdf: "application/pdf"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .odt: "application/vnd.oasis.opendocument.text"
            case .ods: "application/vnd.oasis.opendocument.spreadsheet"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            }
        }

        /// The file-name extensions (lower case, without the dot) this type goes by; the first is preferred.
        public var fileExtensions: [String] {
            switch self {
            case .jpeg: ["jpg", "jpeg"]
            default: [rawValue]
            }
        }

        /// Most local file headers of a zip read before giving up.
        public static let maximumZipEntries = 2_000

        /// The type of these bytes, or nil when they are none of ours (or a zip that is neither an
        /// OpenDocument nor an Office Open XML document). Safe on any input: reads stop at the end.
        ///
        /// PDF starts `%PDF-`, PNG with its 8-byte signature, JPEG `FF D8 FF`. A zip (`PK 03 04`) is an
        /// OpenDocument when its first entry is `mimetype` holding the text/spreadsheet media type, and
        /// an Office document when it has entries under `word/` (docx) or `xl/` (xlsx) but not both.
        public static func sniff(_ bytes: [UInt8]) -> AttachmentType? {
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return sniffZip(bytes) }
            return nil
        }

        private static let odtMediaType = Array("application/vnd.oasis.opendocument.text".utf8)
        private static let odsMediaType = Array("application/vnd.oasis.opendocument.spreadsheet".utf8)

        private static func sniffZip(_ bytes: [UInt8]) -> AttachmentType? {
            var names: [ArraySlice<UInt8>] = []
            var offset = 0
            // Local file headers, one after the other.
            while names.count < maximumZipEntries, offset + 30 <= bytes.count,
                  bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
                let compressedSize = Int(uint32(bytes, at: offset + 18))
                let nameLength = Int(uint16(bytes, at: offset + 26))
                let extraLength = Int(uint16(bytes, at: offset + 28))
                let nameStart = offset + 30
                guard nameStart + nameLength <= bytes.count else { break }
                let name = bytes[nameStart..<nameStart + nameLength]
                let dataStart = nameStart + nameLength + extraLength
                if names.isEmpty, name.elementsEqual("mimetype".utf8) {
                    guard dataStart + compressedSize <= bytes.count else { return nil }
                    let content = bytes[dataStart..<dataStart + compressedSize]
                    if content.elementsEqual(odtMediaType) { return .odt }
                    if content.elementsEqual(odsMediaType) { return .ods }
                    return nil
                }
                names.append(name)
                offset = dataStart + compressedSize
            }
            // Entries written with a trailing data descriptor have no size in their local header, which
            // stops the walk above: the central directory lists them all.
            names += centralDirectoryNames(bytes, limit: maximumZipEntries)
            let word = names.contains { $0.starts(with: "word/".utf8) }
            let excel = names.contains { $0.starts(with: "xl/".utf8) }
            switch (word, excel) {
            case (true, false): return .docx
            case (false, true): return .xlsx
            default: return nil
            }
        }

        /// Entry names from the central directory that the end-of-central-directory record points to.
        private static func centralDirectoryNames(_ bytes: [UInt8], limit: Int) -> [ArraySlice<UInt8>] {
            // The end record (22 bytes plus a comment of up to 65,535) is at the very end.
            guard bytes.count >= 22 else { return [] }
            var end = bytes.count - 22
            let lowest = Swift.max(0, bytes.count - 22 - 65_535)
            while end >= lowest, !bytes[end..<end + 4].elementsEqual([0x50, 0x4B, 0x05, 0x06]) { end -= 1 }
            guard end >= lowest else { return [] }
            var offset = Int(uint32(bytes, at: end + 16))
            var names: [ArraySlice<UInt8>] = []
            while names.count < limit, offset + 46 <= bytes.count,
                  bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                let nameLength = Int(uint16(bytes, at: offset + 28))
                let extraLength = Int(uint16(bytes, at: offset + 30))
                let commentLength = Int(uint16(bytes, at: offset + 32))
                let nameStart = offset + 46
                guard nameStart + nameLength <= bytes.count else { break }
                names.append(bytes[nameStart..<nameStart + nameLength])
                offset = nameStart + nameLength + extraLength + commentLength
            }
            return names
        }

        /// Little-endian; the caller guarantees `offset + 2 <= bytes.count`.
        private static func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
            UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
        }

        /// Little-endian; the caller guarantees `offset + 4 <= bytes.count`.
        private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
        }

        /// Accepts an upload when it is not empty, not too large, one of our types, named with an
        /// extension of that type, and allowed; otherwise the first reason it is refused, in that order.
        /// The extension is the text after the last "." of the name's last path component, in any case.
        public static func check(fileName: String, bytes: [UInt8], maxBytes: Int,
                                 allowed: Set<AttachmentType>) -> Result<AttachmentType, AttachmentProblem> {
            if bytes.isEmpty { return .failure(.empty) }
            if bytes.count > maxBytes { return .failure(.tooLarge(size: bytes.count, maximum: maxBytes)) }
            guard let type = sniff(bytes) else { return .failure(.unknownType) }
            guard let declared = fileExtension(fileName) else { return .failure(.missingExtension) }
            if !type.fileExtensions.contains(declared) {
                return .failure(.extensionMismatch(declared: declared, actual: type))
            }
            if !allowed.contains(type) { return .failure(.typeNotAllowed(type)) }
            return .success(type)
        }

        /// The lower-cased extension of the name's last path component ("/" or "\"), nil when there is
        /// none ("report", "report.", ".pdf").
        static func fileExtension(_ fileName: String) -> String? {
            let base = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            let trimmed = base.trimmed
            guard let dot = trimmed.lastIndex(of: "."), dot != trimmed.startIndex else { return nil }
            let declared = trimmed[trimmed.index(after: dot)...].lowercased()
            return declared.isEmpty ? nil : declared
        }
    }

    /// Why an uploaded attachment was refused.
    public enum AttachmentProblem: Error, Hashable, Sendable, ReasonCoded {
        /// The file has no bytes.
        case empty
        /// The file is larger than allowed (both in bytes).
        case tooLarge(size: Int, maximum: Int)
        /// The bytes are none of the types we accept at all.
        case unknownType
        /// The file is of a type this call does not accept.
        case typeNotAllowed(AttachmentType)
        /// The name's extension says one type, the bytes another (report.pdf that is a PNG).
        case extensionMismatch(declared: String, actual: AttachmentType)
        /// The file name has no extension.
        case missingExtension

        /// Stable reason code.
        public var code: String {
            switch self {
            case .empty: "grants.attachment.empty"
            case .tooLarge: "grants.attachment.too-large"
            case .unknownType: "grants.attachment.unknown-type"
            case .typeNotAllowed: "grants.attachment.type-not-allowed"
            case .extensionMismatch: "grants.attachment.extension-mismatch"
            case .missingExtension: "grants.attachment.missing-extension"
            }
        }

        /// Message arguments.
        public var arguments: [String: Argument] {
            switch self {
            case let .tooLarge(size, maximum): ["size": .integer(size), "maximum": .integer(maximum)]
            case let .typeNotAllowed(type): ["type": .text(type.rawValue)]
            case let .extensionMismatch(declared, actual): ["declared": .text(declared), "actual": .text(actual.rawValue)]
            case .empty, .unknownType, .missingExtension: [:]
            }
        }
    }
}

private extension String {
}
