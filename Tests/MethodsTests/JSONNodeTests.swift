// The one JSON writer: escaping, numbers, key order, layout (expected texts written by hand from RFC 8259).
import Testing
@testable import Methods

@Suite struct JSONNodeTests {
    @Test func stringsAreEscapedForJSONAndForHTML() {
        #expect(JSONNode.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONNode.quoted("\u{8}\u{C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(JSONNode.quoted("\u{1}\u{1F}\u{7F}") == #""\u0001\u001F\u007F""#)
        #expect(JSONNode.quoted("</script>&") == #""\u003C/script\u003E\u0026""#)
        #expect(JSONNode.quoted("\u{2028}\u{2029}") == #""\u2028\u2029""#)
        #expect(JSONNode.quoted("Ёж Shkodër") == "\"Ёж Shkodër\"")
    }

    @Test func computedNumbersAreShortAndExact() {
        #expect(JSONNode.double(42) == .number("42"))
        #expect(JSONNode.double(-3) == .number("-3"))
        #expect(JSONNode.double(0.1) == .number("0.1"))
        #expect(JSONNode.double(61.25) == .number("61.25"))
        #expect(JSONNode.double(1e20) == .number("1e+20"))
        #expect(JSONNode.double(.nan) == .null)
        #expect(JSONNode.double(.infinity) == .null)
    }

    @Test func sortedObjectsOrderKeysByTheirBytes() {
        let node = JSONNode.sortedObject(["é": .null, "a": .integer(1), "Z": .bool(false), "EU27+": .string("x")])
        #expect(node.compact == #"{"EU27+":"x","Z":false,"a":1,"é":null}"#)
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let node = JSONNode.object([("a", .array([.integer(1), .object([])])), ("b", .object([("c", .null)]))])
        #expect(node.serialized() == "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": null\n  }\n}")
        #expect(node.serialized(pretty: false) == #"{"a":[1,{}],"b":{"c":null}}"#)
    }
}
