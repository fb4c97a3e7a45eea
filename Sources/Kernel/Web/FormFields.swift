// A form body read once per request: every text field of an `application/x-www-form-urlencoded` or
// `multipart/form-data` body, in order, kept in the request's storage. Vapor's `content.get` decodes the whole
// body again for every field it is asked for (a 1 MB draft with a few hundred fields took seconds), so features
// read fields through `formRaw`, `formValues` and `formFieldNames`, which all use this one reading.
// Files of a multipart body are not kept here: routes that accept an upload read it with `content.get(File.self…)`.
import Foundation
import MultipartKit
import Vapor

package struct FormFields: Sendable {
    /// Field names as sent, with `name[]` stored under `name`; values in the order they came.
    package private(set) var values: [String: [String]] = [:]
    /// How many fields the body held (repeated names counted each time).
    package private(set) var count = 0

    package init() {}

    package mutating func append(_ name: String, _ value: String) {
        let key = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
        values[key, default: []].append(value)
        count += 1
    }

    package func first(_ name: String) -> String? { values[name]?.first }

    /// Reads a URL-encoded body (`a=1&b=x+y&c[]=1&c[]=2`). Malformed percent escapes are kept as typed.
    package static func urlEncoded(_ body: String, limit: Int) throws -> FormFields {
        var fields = FormFields()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            guard fields.count < limit else { throw TooManyFields() }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            guard !name.isEmpty else { continue }
            fields.append(name, parts.count > 1 ? decoded(parts[1]) : "")
        }
        return fields
    }

    /// Reads the text parts of a multipart body (parts without a file name).
    package static func multipart(_ body: ByteBuffer, boundary: String, limit: Int) throws -> FormFields {
        // MultipartKit's parser stops the process on an empty boundary: a client chooses it.
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { throw Abort(.badRequest) }
        let parser = MultipartParser(boundary: boundary)
        var fields = FormFields()
        var name: String?
        var isFile = false
        var value = ByteBuffer()
        var failure: Error?
        parser.onHeader = { header, headerValue in
            guard header.lowercased() == "content-disposition" else { return }
            let parameters = HTTPHeaders([("Content-Disposition", headerValue)]).contentDisposition
            name = parameters?.name
            isFile = parameters?.filename != nil
        }
        parser.onBody = { chunk in
            if !isFile { value.writeBuffer(&chunk) }
        }
        parser.onPartComplete = {
            defer { name = nil; isFile = false; value.clear() }
            guard let name, !isFile, failure == nil else { return }
            guard fields.count < limit else { failure = TooManyFields(); return }
            fields.append(name, String(decoding: value.readableBytesView, as: UTF8.self))
        }
        do { try parser.execute(body) } catch { throw Abort(.badRequest) }
        if let failure { throw failure }
        return fields
    }
}

/// A form with more fields than its route allows: 413.
package struct TooManyFields: Error {
    package init() {}
}

private struct FormFieldsKey: StorageKey {
    typealias Value = FormFields
}

private struct FormFieldLimitKey: StorageKey {
    typealias Value = Int
}

extension Request {
    /// The most fields a form body may hold unless its route says otherwise (`form(…, maxFields:)`).
    package static let defaultFormFieldLimit = 1_000

    /// The form body's text fields, read on first use and kept for the rest of the request. An unreadable or
    /// oversized body gives no fields (the route's own checks then refuse it); `checkFormFields` reports why.
    package var formFields: FormFields {
        if let fields = storage[FormFieldsKey.self] { return fields }
        let fields = (try? readFormFields()) ?? FormFields()
        storage[FormFieldsKey.self] = fields
        return fields
    }

    /// Reads the body into `formFields`, throwing `TooManyFields` or a 400 for a body that cannot be read.
    package func checkFormFields(limit: Int) throws {
        storage[FormFieldLimitKey.self] = limit
        storage[FormFieldsKey.self] = try readFormFields()
    }

    private func readFormFields() throws -> FormFields {
        guard let body = body.data, body.readableBytes > 0 else { return FormFields() }
        let limit = storage[FormFieldLimitKey.self] ?? Request.defaultFormFieldLimit
        switch headers.contentType {
        case .some(let type) where type.type == "multipart" && type.subType == "form-data":
            return try FormFields.multipart(body, boundary: type.parameters["boundary"] ?? "", limit: limit)
        case .some(let type) where type.type == "application" && type.subType == "x-www-form-urlencoded":
            return try FormFields.urlEncoded(String(decoding: body.readableBytesView, as: UTF8.self), limit: limit)
        default:
            return FormFields()
        }
    }

    /// Every value sent under `name` (or `name[]`): checkboxes and multiple choices.
    package func formValues(_ name: String) -> [String] { formFields.values[name] ?? [] }

    /// Whether the form sent a field called `name` (even empty).
    package func formHas(_ name: String) -> Bool { formFields.values[name] != nil }
}
