// A QR Code encoder (byte mode, versions 1–40, error correction levels L/M/Q/H) and an SVG drawing of it,
// so that the two-factor set-up page can show the `otpauth://` URI without a third-party package.
//
// The construction follows ISO/IEC 18004:2015 "QR Code bar code symbology specification":
// 7.4 data encoding (byte mode, terminator, pad codewords), 7.5 Reed–Solomon error correction over GF(2^8)
// with the polynomial 0x11D, 7.6 block interleaving, 7.7 codeword placement, 7.8 data masking and its penalty
// evaluation (N1 = 3, N2 = 3, N3 = 40, N4 = 10), 7.9 format information (BCH(15,5), XOR mask 101010000010010)
// and 7.10 version information (BCH(18,6)); the error correction blocks are Table 9 of the standard, the
// capacities Table 7, the alignment pattern positions Annex E.
// The algorithm, including the way the penalty score counts finder-like patterns (runs of light:dark:light:
// dark:light:dark:light in the ratio ≥4:1:1:3:1:1:1 or 1:1:1:3:1:1:≥4, the symbol border counted as light)
// and the evaluation of each mask with its format information drawn, is the one of Project Nayuki's
// "QR Code generator library" (https://www.nayuki.io/page/qr-code-generator-library, MIT License), which
// this file re-implements in Swift; its output is compared module by module with segno in QRCodeTests.
import Foundation

package struct QRCode: Sendable, Equatable {
    /// The error correction level: about 7 %, 15 %, 25 % and 30 % of the codewords can be restored.
    package enum Level: Int, Sendable, CaseIterable {
        case low = 0, medium, quartile, high

        /// The two bits that stand for the level in the format information (ISO/IEC 18004 Table 12).
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    /// Modules per side: 17 + 4 × version.
    package let size: Int
    /// 1 to 40.
    package let version: Int
    /// The data mask pattern, 0 to 7.
    package let mask: Int
    package let correction: Level
    /// Row by row, `true` for a dark module.
    private let modules: [Bool]

    /// Whether the module at column `x`, row `y` is dark; modules outside the symbol (the quiet zone) are light.
    package func isDark(_ x: Int, _ y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The QR Code of the UTF-8 bytes of `text` in byte mode, in the smallest version that holds them at
    /// `correction`, with the mask of lowest penalty (or `mask`, 0–7, when given). Nil when the text is longer
    /// than version 40 holds (2,953 bytes at level L, 2,331 at M) or `mask` is out of range.
    package static func encode(_ text: String, correction: Level = .medium, mask: Int? = nil) -> QRCode? {
        encode(bytes: Array(text.utf8), correction: correction, mask: mask)
    }

    /// The QR Code of `bytes` in byte mode; see `encode(_:correction:mask:)`.
    package static func encode(bytes: [UInt8], correction: Level = .medium, mask: Int? = nil) -> QRCode? {
        if let mask, !(0...7).contains(mask) { return nil }
        guard let version = (1...40).first(where: { fits(byteCount: bytes.count, version: $0, correction: correction) }) else {
            return nil
        }
        let data = dataCodewords(bytes, version: version, correction: correction)
        let codewords = addErrorCorrectionAndInterleave(data, version: version, correction: correction)

        var canvas = Canvas(version: version)
        canvas.drawFunctionPatterns()
        canvas.drawCodewords(codewords)

        let chosen = mask ?? bestMask(canvas, correction: correction)
        canvas.applyMask(chosen)
        canvas.drawFormatBits(formatBits(correction: correction, mask: chosen))
        return QRCode(size: canvas.size, version: version, mask: chosen, correction: correction, modules: canvas.modules)
    }

    /// The mask of lowest penalty (7.8.3), the lower number on a tie.
    static func bestMask(_ canvas: Canvas, correction: Level) -> Int {
        let penalties = (0...7).map { canvas.penalty(withMask: $0, correction: correction) }
        // `min(by:)` keeps the first of equal elements.
        return penalties.indices.min { penalties[$0] < penalties[$1] } ?? 0
    }

    // MARK: - Capacity (ISO/IEC 18004 7.4, Table 7)

    /// Whether `byteCount` bytes in one byte-mode segment fit in `version` at `correction`.
    static func fits(byteCount: Int, version: Int, correction: Level) -> Bool {
        let countBits = characterCountBits(version: version)
        guard byteCount < 1 << countBits else { return false }
        return 4 + countBits + 8 * byteCount <= dataCodewordCount(version: version, correction: correction) * 8
    }

    /// The width of the character count indicator for byte mode (Table 3).
    static func characterCountBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    /// Modules that carry codewords (data and error correction, with the 0–7 remainder bits): all the modules
    /// less the finder patterns with their separators and the format information, the timing patterns, the
    /// alignment patterns and the version information.
    static func rawDataModuleCount(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentCount = version / 7 + 2
            result -= (25 * alignmentCount - 10) * alignmentCount - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Data codewords (the rest are error correction codewords), Table 9.
    static func dataCodewordCount(version: Int, correction: Level) -> Int {
        let level = correction.rawValue
        return rawDataModuleCount(version: version) / 8
            - eccCodewordsPerBlock[level][version] * errorCorrectionBlocks[level][version]
    }

    // MARK: - Data codewords (7.4)

    /// Mode indicator 0100, the byte count, the bytes, the terminator, zero bits to a byte boundary and the pad
    /// codewords 11101100 00010001 in turn.
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: Level) -> [UInt8] {
        let capacityBits = dataCodewordCount(version: version, correction: correction) * 8
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: characterCountBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacityBits - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacityBits {
            bits.append(pad, count: 8)
            pad ^= 0xEC ^ 0x11
        }
        return bits.bytes()
    }

    // MARK: - Error correction and interleaving (7.5, 7.6)

    /// Splits the data codewords into the version's blocks (the short ones first), appends each block's
    /// Reed–Solomon codewords, and interleaves: the data codewords of all blocks column by column, then their
    /// error correction codewords.
    static func addErrorCorrectionAndInterleave(_ data: [UInt8], version: Int, correction: Level) -> [UInt8] {
        let level = correction.rawValue
        let blockCount = errorCorrectionBlocks[level][version]
        let eccLength = eccCodewordsPerBlock[level][version]
        let rawCodewords = rawDataModuleCount(version: version) / 8
        let shortBlockCount = blockCount - rawCodewords % blockCount
        let shortBlockDataLength = rawCodewords / blockCount - eccLength
        let divisor = ReedSolomon.divisor(degree: eccLength)

        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortBlockDataLength + (index < shortBlockCount ? 0 : 1)
            let block = Array(data[start..<start + length])
            start += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(of: block, divisor: divisor))
        }

        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for column in 0...shortBlockDataLength {
            for block in dataBlocks where column < block.count {
                result.append(block[column])
            }
        }
        for column in 0..<eccLength {
            for block in eccBlocks {
                result.append(block[column])
            }
        }
        return result
    }

    // MARK: - Format information (7.9)

    /// The 15 format bits: the level's two bits and the mask's three, the BCH(15,5) remainder of generator
    /// 10100110111 (0x537), XORed with 101010000010010 (0x5412); bit 14 is the most significant.
    static func formatBits(correction: Level, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version bits (versions 7 and up): the version's six bits and the BCH(18,6) remainder of
    /// generator 1111100100101 (0x1F25).
    static func versionBits(version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25)
        }
        return version << 12 | remainder
    }

    /// The centre coordinates (used on both axes) of the alignment patterns, ascending (Annex E).
    static func alignmentPatternPositions(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        let last = 17 + 4 * version - 7
        return [6] + (0..<count - 1).reversed().map { last - $0 * step }
    }

    // MARK: - Tables (ISO/IEC 18004 Table 9), indexed [level][version]; index 0 is unused.

    static let eccCodewordsPerBlock: [[Int]] = [
        //0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
        [ 0,  7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], // L
        [ 0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28], // M
        [ 0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], // Q
        [ 0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], // H
    ]

    static let errorCorrectionBlocks: [[Int]] = [
        //0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
        [ 0,  1,  1,  1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7,  8,  8,  9,  9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25], // L
        [ 0,  1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49], // M
        [ 0,  1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68], // Q
        [ 0,  1,  1,  2,  4,  4,  4,  5,  6,  8,  8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81], // H
    ]

    // MARK: - SVG

    /// The symbol as one inline `<svg>` element: a white square with the quiet zone and one path of the dark
    /// modules (each row's runs as rectangles), titled `title` for screen readers (`aria-labelledby="qr-title"`,
    /// so one such drawing per page). Sizes are in modules in the view box and `moduleSize` pixels each on screen.
    package func svg(moduleSize: Int = 4, quietZone: Int = 4, title: String) -> String {
        let quiet = max(0, quietZone)
        let side = size + 2 * quiet
        let pixels = side * max(1, moduleSize)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x, y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, isDark(x, y) { x += 1 }
                let run = x - start
                path += "M\(start + quiet) \(y + quiet)h\(run)v1h-\(run)z"
            }
        }
        let svgStart = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(side) \#(side)" width="\#(pixels)" "#
            + #"height="\#(pixels)" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges">"#
        return svgStart
            + #"<title id="qr-title">\#(Self.escapeXML(title))</title>"#
            + #"<rect width="\#(side)" height="\#(side)" fill="white"/>"#
            + #"<path fill="black" d="\#(path)"/>"#
            + "</svg>"
    }

    static func escapeXML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

// MARK: - Building the matrix

extension QRCode {
    /// The symbol while it is built: its modules and which of them belong to function patterns (finder,
    /// separators, timing, alignment, format and version information, the dark module), which are never masked.
    struct Canvas {
        let version: Int
        let size: Int
        var modules: [Bool]
        var isFunction: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            modules = Array(repeating: false, count: size * size)
            isFunction = Array(repeating: false, count: size * size)
        }

        subscript(x: Int, y: Int) -> Bool {
            modules[y * size + x]
        }

        mutating func setFunction(_ x: Int, _ y: Int, dark: Bool) {
            modules[y * size + x] = dark
            isFunction[y * size + x] = true
        }

        /// Everything but the codewords; the format information is drawn as a placeholder (mask 0, level M) to
        /// reserve its modules and is redrawn once the mask is chosen.
        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                setFunction(6, i, dark: i % 2 == 0)
                setFunction(i, 6, dark: i % 2 == 0)
            }
            drawFinderPattern(centreX: 3, centreY: 3)
            drawFinderPattern(centreX: size - 4, centreY: 3)
            drawFinderPattern(centreX: 3, centreY: size - 4)

            let positions = QRCode.alignmentPatternPositions(version: version)
            let last = positions.count - 1
            for (i, x) in positions.enumerated() {
                for (j, y) in positions.enumerated() {
                    // The three corners taken by the finder patterns have none.
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    drawAlignmentPattern(centreX: x, centreY: y)
                }
            }

            drawFormatBits(0)
            drawVersionBits()
        }

        /// A 7×7 finder pattern with its light separator (clipped at the symbol's edge).
        mutating func drawFinderPattern(centreX: Int, centreY: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centreX + dx, y = centreY + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x, y, dark: ring != 2 && ring != 4)
                }
            }
        }

        mutating func drawAlignmentPattern(centreX: Int, centreY: Int) {
            for dy in -2...2 {
                for dx in -2...2 {
                    setFunction(centreX + dx, centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                }
            }
        }

        /// Both copies of the 15 format bits (7.9.1) and the dark module at (8, size − 8).
        mutating func drawFormatBits(_ bits: Int) {
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            // Around the top-left finder pattern: bits 0–5 down column 8, skipping the timing row…
            for i in 0...5 { setFunction(8, i, dark: bit(i)) }
            setFunction(8, 7, dark: bit(6))
            setFunction(8, 8, dark: bit(7))
            setFunction(7, 8, dark: bit(8))
            // …and bits 9–14 leftwards along row 8, skipping the timing column.
            for i in 9..<15 { setFunction(14 - i, 8, dark: bit(i)) }
            // The second copy: bits 0–7 along row 8 from the right edge, bits 8–14 down column 8 at the bottom.
            for i in 0..<8 { setFunction(size - 1 - i, 8, dark: bit(i)) }
            for i in 8..<15 { setFunction(8, size - 15 + i, dark: bit(i)) }
            setFunction(8, size - 8, dark: true)
        }

        /// Both 6×3 blocks of version information (Figure 27), versions 7 and up.
        mutating func drawVersionBits() {
            guard version >= 7 else { return }
            let bits = QRCode.versionBits(version: version)
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                setFunction(a, b, dark: dark)
                setFunction(b, a, dark: dark)
            }
        }

        /// Places the codewords' bits, most significant first, in two-module-wide columns from the right,
        /// upwards and downwards in turn, skipping function modules and the vertical timing column (7.7.3).
        /// The remainder bits stay light.
        mutating func drawCodewords(_ codewords: [UInt8]) {
            let bitCount = codewords.count * 8
            var index = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for vertical in 0..<size {
                    let y = upward ? size - 1 - vertical : vertical
                    for x in [right, right - 1] where !isFunction[y * size + x] && index < bitCount {
                        modules[y * size + x] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                        index += 1
                    }
                }
                right -= 2
            }
        }

        /// XORs the data modules with mask pattern `mask` (Table 10); applying the same mask twice undoes it.
        mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] && QRCode.Canvas.masks(mask, x: x, y: y) {
                    modules[y * size + x].toggle()
                }
            }
        }

        /// Whether mask pattern `mask` inverts the module at column `x`, row `y` (i = row, j = column in Table 10).
        static func masks(_ mask: Int, x: Int, y: Int) -> Bool {
            switch mask {
            case 0: (x + y) % 2 == 0
            case 1: y % 2 == 0
            case 2: x % 3 == 0
            case 3: (x + y) % 3 == 0
            case 4: (x / 3 + y / 2) % 2 == 0
            case 5: x * y % 2 + x * y % 3 == 0
            case 6: (x * y % 2 + x * y % 3) % 2 == 0
            default: ((x + y) % 2 + x * y % 3) % 2 == 0
            }
        }

        /// The penalty score of the symbol with `mask` applied and its format information drawn (on a copy).
        func penalty(withMask mask: Int, correction: Level) -> Int {
            var candidate = self
            candidate.applyMask(mask)
            candidate.drawFormatBits(QRCode.formatBits(correction: correction, mask: mask))
            return candidate.penaltyScore()
        }

        /// The penalty score of 7.8.3.1: N1 for runs of five or more same-coloured modules in a row or column,
        /// N2 for each 2×2 block of one colour, N3 for each finder-like pattern, N4 for the dark proportion's
        /// distance from 50 % in steps of 5 %.
        func penaltyScore() -> Int {
            var result = 0
            for y in 0..<size {
                result += linePenalty { self[$0, y] }
            }
            for x in 0..<size {
                result += linePenalty { self[x, $0] }
            }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = self[x, y]
                    if colour == self[x + 1, y], colour == self[x, y + 1], colour == self[x + 1, y + 1] {
                        result += 3
                    }
                }
            }
            let dark = modules.reduce(0) { $0 + ($1 ? 1 : 0) }
            let total = size * size // odd, so the proportion is never exactly 50 %
            // The smallest k ≥ 0 with (45 − 5k) % ≤ dark / total ≤ (55 + 5k) %.
            let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
            result += k * 10
            return result
        }

        /// N1 and N3 for one row or column, `module(i)` being its i-th module.
        private func linePenalty(_ module: (Int) -> Bool) -> Int {
            var result = 0
            var history = RunHistory(size: size)
            var runColour = false
            var runLength = 0
            for i in 0..<size {
                if module(i) == runColour {
                    runLength += 1
                    if runLength == 5 {
                        result += 3
                    } else if runLength > 5 {
                        result += 1
                    }
                } else {
                    history.add(runLength)
                    if !runColour { result += history.finderLikePatterns() * 40 }
                    runColour = module(i)
                    runLength = 1
                }
            }
            return result + history.terminate(runColour: runColour, runLength: runLength) * 40
        }
    }

    /// The lengths of the last seven runs of a line, newest first, for spotting finder-like patterns
    /// (light ≥ 4n, dark n, light n, dark 3n, light n, dark n, light ≥ n, or the mirror image). The light
    /// border outside the symbol counts as part of the first and last runs.
    struct RunHistory {
        let size: Int
        var runs = [Int](repeating: 0, count: 7)

        init(size: Int) {
            self.size = size
        }

        mutating func add(_ length: Int) {
            // The first run of a line is light (possibly of length 0) and continues into the border.
            let length = runs[0] == 0 ? length + size : length
            runs.removeLast()
            runs.insert(length, at: 0)
        }

        /// 0, 1 or 2; only meaningful right after a light run was added.
        func finderLikePatterns() -> Int {
            let n = runs[1]
            let core = n > 0 && runs[2] == n && runs[3] == n * 3 && runs[4] == n && runs[5] == n
            return (core && runs[0] >= n * 4 && runs[6] >= n ? 1 : 0)
                + (core && runs[6] >= n * 4 && runs[0] >= n ? 1 : 0)
        }

        /// Ends the line: closes a dark run, adds the final light run with the border, and counts.
        mutating func terminate(runColour: Bool, runLength: Int) -> Int {
            var length = runLength
            if runColour {
                add(length)
                length = 0
            }
            add(length + size)
            return finderLikePatterns()
        }
    }

    /// Bits appended most significant first.
    struct BitBuffer {
        private(set) var bits: [Bool] = []
        var count: Int { bits.count }

        mutating func append(_ value: Int, count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) {
                bits.append((value >> shift) & 1 == 1)
            }
        }

        /// The bits as bytes (the count is a multiple of 8 when this is called).
        func bytes() -> [UInt8] {
            stride(from: 0, to: bits.count, by: 8).map { start in
                bits[start..<min(start + 8, bits.count)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
            }
        }
    }

    /// Reed–Solomon codes over GF(2^8) with the field polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and the
    /// generator polynomial ∏ (x − α^i), i = 0 … degree − 1, α = 2 (7.5.2).
    enum ReedSolomon {
        /// The generator polynomial's coefficients, highest power first, the leading 1 left out.
        static func divisor(degree: Int) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: degree)
            result[degree - 1] = 1 // the polynomial 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                // Multiply by (x − root), i.e. (x + root) in GF(2^8).
                for j in 0..<degree {
                    result[j] = multiply(result[j], root)
                    if j + 1 < degree { result[j] ^= result[j + 1] }
                }
                root = multiply(root, 0x02)
            }
            return result
        }

        /// The remainder of data(x) · x^degree divided by the generator: the error correction codewords.
        static func remainder(of data: [UInt8], divisor: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: divisor.count)
            for byte in data {
                let factor = byte ^ result.removeFirst()
                result.append(0)
                for i in result.indices {
                    result[i] ^= multiply(divisor[i], factor)
                }
            }
            return result
        }

        /// The product in GF(2^8) modulo 0x11D (shift-and-add).
        static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
            var z = 0
            for i in stride(from: 7, through: 0, by: -1) {
                z = (z << 1) ^ ((z >> 7) * 0x11D)
                z ^= Int((y >> UInt8(i)) & 1) * Int(x)
            }
            return UInt8(z)
        }
    }
}
