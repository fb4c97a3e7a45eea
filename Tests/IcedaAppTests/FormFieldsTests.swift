// Issue 9, item 7: a form body is read once per request, within a size and a field-count limit.
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting
@testable import IcedaApp
@testable import Kernel

@Suite struct FormBodyTests {
    /// Item 7: a body is read once; more fields than a route takes, or more bytes, are refused before any work.
    @Test func tooManyFieldsAndTooLargeBodiesAre413() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let many = (0..<50_000).map { ("f\($0)", "x") }
            #expect(try await browser.post("/en/password-reset", form: many).status == .payloadTooLarge)
            // 300 KB in one field: over the 256 KB a form takes unless its route says otherwise.
            let large = try await browser.post("/en/password-reset", form: [("email", String(repeating: "a", count: 300_000))])
            #expect(large.status == .payloadTooLarge)
            // The server still answers, and an ordinary form still works.
            #expect(try await browser.post("/en/password-reset", form: [("email", "admin@example.org")]).status == .ok)
        }
    }

    /// MultipartKit stops the process on an empty boundary (a precondition): the form reader refuses it first.
    @Test func anEmptyMultipartBoundaryIsABadRequest() async throws {
        try await withTestApp { app in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=")
            let response = try await app.testing().sendRequest(.POST, "/en/sign-in", headers: headers, body: ByteBuffer(string: "--\r\n\r\n"))
            #expect(response.status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
        }
    }

    /// The reader follows the URL-encoding of HTML forms (WHATWG URL, application/x-www-form-urlencoded parsing):
    /// `+` is a space, `%XX` a byte of UTF-8, `name[]` collects values in order.
    @Test func urlEncodedFieldsAreReadAsBrowsersSendThem() throws {
        let fields = try FormFields.urlEncoded("a=1&b=x+y%2Bz&c[]=1&c[]=2&d=%E2%82%AC&e&=ignored&f=%ZZ", limit: 100)
        #expect(fields.first("a") == "1")
        #expect(fields.first("b") == "x y+z")
        #expect(fields.values["c"] == ["1", "2"])
        #expect(fields.first("d") == "€")
        #expect(fields.first("e") == "")
        #expect(fields.first("f") == "%ZZ")
        #expect(fields.count == 7)
        #expect(throws: TooManyFields.self) { try FormFields.urlEncoded("a=1&b=2&c=3", limit: 2) }
    }

    @Test func multipartTextPartsAreReadAndFilesLeftAlone() throws {
        let body = "--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nline one\r\nline two\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nx,y\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"tags[]\"\r\n\r\nA\r\n--B\r\nContent-Disposition: form-data; name=\"tags[]\"\r\n\r\nB\r\n--B--\r\n"
        let fields = try FormFields.multipart(ByteBuffer(string: body), boundary: "B", limit: 10)
        #expect(fields.first("note") == "line one\r\nline two")
        #expect(fields.first("file") == nil)
        #expect(fields.values["tags"] == ["A", "B"])
    }
}
