import Testing
@testable import Methods

@Suite("RFC 4180 CSV parser")
struct CSVParserTests {
    @Test func plainRecordsWithLineNumbers() throws {
        let records = try CSVParser.parse("a,b,c\n1,2,3\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])])
    }

    @Test func quotesAndDoubledQuotes() throws {
        let records = try CSVParser.parse("\"a,b\",\"say \"\"hi\"\"\",\"\"\n")
        #expect(records.map(\.fields) == [["a,b", "say \"hi\"", ""]])
    }

    @Test func crlfLfAndCrLineEnds() throws {
        let records = try CSVParser.parse("a,b\r\nc,d\ne,f\rg,h")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func embeddedNewlinesKeepPhysicalLineNumbers() throws {
        let text = "h1,h2\r\n\"multi\r\nline\nvalue\",x\r\nnext,y\r\n"
        let records = try CSVParser.parse(text)
        #expect(records.map(\.fields) == [["h1", "h2"], ["multi\r\nline\nvalue", "x"], ["next", "y"]])
        // The quoted field spans lines 2–4, so the following record starts on line 5.
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Country,X\nAL,1\n".utf8)
        let table = try CSVTable(parsing: bytes)
        #expect(table.header == ["Country", "X"])
        #expect(table.records == [CSVRecord(line: 2, fields: ["AL", "1"])])
    }

    @Test func emptyFieldsAndMissingFinalNewline() throws {
        let records = try CSVParser.parse(",a,,\nb")
        #expect(records.map(\.fields) == [["", "a", "", ""], ["b"]])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let records = try CSVParser.parse("a\n\n\r\nb\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 4, fields: ["b"])])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        let records = try CSVParser.parse("5\" disk,\"q\"x\n")
        #expect(records.map(\.fields) == [["5\" disk", "qx"]])
    }

    @Test func utf8IsDecoded() throws {
        let records = try CSVParser.parse("Služby,Türkiye\n")
        #expect(records.map(\.fields) == [["Služby", "Türkiye"]])
    }

    @Test func unterminatedQuoteReportsItsStartLine() {
        #expect(throws: CSVParseError(line: 2, reason: "quoted field is never closed")) {
            try CSVParser.parse("a,b\n1,\"open\nstill open\n")
        }
    }
}
