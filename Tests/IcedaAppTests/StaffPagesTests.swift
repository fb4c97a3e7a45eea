// The kernel's staff and account pages through HTTP, each with who may use it: staff users (list, invite), the
// audit log, the outbox, sign-out, two-factor set-up through its pages, and the focus-area API.
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import IcedaApp
@testable import Kernel
@testable import Network

@Suite struct StaffPagesTests {
    @Test func onlyAdminsSeeUsersAuditAndOutbox() async throws {
        try await withTestApp { app in
            _ = try await user(app, "staff@example.org", role: .staff)
            _ = try await user(app, "member@example.org", role: .member)
            let staff = try await signedIn(app, "staff@example.org")
            let member = try await signedIn(app, "member@example.org")
            for path in ["/en/staff/users", "/en/staff/audit", "/en/staff/outbox"] {
                #expect(try await app.testing().sendRequest(.GET, path).status == .seeOther, "anonymous \(path)")
                #expect(try await member.get(path).status == .forbidden, "member \(path)")
                #expect(try await staff.get(path).status == .forbidden, "staff \(path)")
            }
            #expect(try await member.get("/en/staff").status == .forbidden)
            #expect(try await staff.get("/en/staff").status == .ok)
            let admin = Browser(app)
            try await admin.signIn()
            let users = try await admin.get("/en/staff/users")
            #expect(users.status == .ok)
            for email in ["admin@example.org", "staff@example.org", "member@example.org"] { #expect(users.body.string.contains(email)) }
            let audit = try await admin.get("/en/staff/audit")
            #expect(audit.status == .ok && audit.body.string.contains("user.create_first_admin"))
        }
    }

    @Test func anAdminInvitesSomeoneThroughTheOutbox() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.signIn()
            // a bad address keeps what was typed and says why
            let bad = try await admin.post("/en/staff/users", form: [("email", "not-an-address"), ("name", "Ana Kovač"), ("role", "reviewer")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("not-an-address") && bad.body.string.contains("Ana Kovač"))
            #expect(try await User.query(on: app.db).filter(\.$email == "not-an-address").count() == 0)
            let sent = try await admin.post("/en/staff/users", form: [("email", "Ana@Example.org"), ("name", "Ana Kovač"), ("role", "reviewer")])
            #expect(sent.status == .seeOther)
            let invited = try #require(try await User.query(on: app.db).filter(\.$email == "ana@example.org").first())
            #expect(invited.role == .reviewer && invited.active == false)
            let outbox = try await admin.get("/en/staff/outbox")
            #expect(outbox.body.string.contains("ana@example.org") && outbox.body.string.contains("You are invited to the ICEDA Platform"))
            let audit = try await admin.get("/en/staff/audit")
            #expect(audit.body.string.contains("user.invite"))
            // a member cannot invite
            _ = try await user(app, "member@example.org", role: .member)
            let member = try await signedIn(app, "member@example.org")
            #expect(try await member.post("/en/staff/users", form: [("email", "x@example.org"), ("name", "X"), ("role", "admin")], csrfFrom: "/en/account").status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$email == "x@example.org").count() == 0)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.signIn()
            #expect(try await admin.get("/en/staff").status == .ok)
            let out = try await admin.post("/en/sign-out", form: [], csrfFrom: "/en/account")
            #expect(out.status == .seeOther && out.headers.first(name: .location) == "/en/")
            let after = try await admin.get("/en/staff")
            #expect(after.status == .seeOther && after.headers.first(name: .location)?.hasPrefix("/en/sign-in") == true)
        }
    }

    /// Set-up through the pages: the page shows a secret, a wrong code is refused, the right one turns two-factor on
    /// and shows ten recovery codes; the next sign-in asks for a code.
    @Test func twoFactorIsSetUpThroughItsPages() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.signIn()
            let page = try await admin.get("/en/account/two-factor").body.string
            let start = try #require(page.range(of: "<code class=\"secret\">"))
            let secret = String(page[start.upperBound...].prefix { $0 != "<" })
            #expect(secret.count == 32 && secret.allSatisfy { $0.isUppercase || ("2"..."7").contains($0) })
            let wrong = try await admin.post("/en/account/two-factor", form: [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("The code is not right"))
            let code = try #require(TOTPCode.current(secret: secret))
            let right = try await admin.post("/en/account/two-factor", form: [("code", code)])
            #expect(right.status == .ok)
            #expect(right.body.string.components(separatedBy: "<li><code>").count - 1 == 10)
            let stored = try #require(try await User.query(on: app.db).filter(\.$email == "admin@example.org").first())
            #expect(stored.totpEnabled && stored.totpSecret == secret)
            _ = try await admin.post("/en/sign-out", form: [], csrfFrom: "/en/account")
            let again = Browser(app)
            let first = try await again.post("/en/sign-in", form: [("email", "admin@example.org"), ("password", "admin-password-1")])
            #expect(first.headers.first(name: .location) == "/en/sign-in/two-factor")
        }
    }

    @Test func focusAreasAreListedInTheAskedLanguage() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/focus-areas?locale=sq")
            #expect(response.status == .ok)
            let areas = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: String]])
            #expect(areas.count == 10)
            #expect(areas.first { $0["code"] == "e-government" }?["name"] == "E-qeverisja")
            #expect(areas.first { $0["code"] == "open-data" }?["name"] == "Të dhënat e hapura")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/focus-areas?locale=fr").status == .badRequest)
        }
    }
}

/// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s) written out here from the RFC, independent of the server's code.
enum TOTPCode {
    static func current(secret: String, time: Date = Date()) -> String? {
        guard let key = base32(secret) else { return nil }
        var counter = UInt64(time.timeIntervalSince1970 / 30).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = hmacSHA1(key: key, message: message)
        let offset = Int(mac[19] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let code = String(binary % 1_000_000)
        return String(repeating: "0", count: 6 - code.count) + code
    }

    static func base32(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0
        var out: [UInt8] = []
        for character in text {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 {
                out.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return out
    }

    /// HMAC (RFC 2104) over SHA-1 (FIPS 180-4), block size 64.
    static func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var key = key.count > 64 ? sha1(key) : key
        key += [UInt8](repeating: 0, count: 64 - key.count)
        let inner = sha1(key.map { $0 ^ 0x36 } + message)
        return sha1(key.map { $0 ^ 0x5C } + inner)
    }

    static func sha1(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let length = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8((length >> UInt64(shift)) & 0xFF)) }
        for chunk in stride(from: 0, to: data.count, by: 64) {
            var w = [UInt32](repeating: 0, count: 80)
            for i in 0..<16 {
                w[i] = UInt32(data[chunk + 4 * i]) << 24 | UInt32(data[chunk + 4 * i + 1]) << 16 | UInt32(data[chunk + 4 * i + 2]) << 8 | UInt32(data[chunk + 4 * i + 3])
            }
            for i in 16..<80 { let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]; w[i] = (x << 1) | (x >> 31) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32) = i < 20 ? ((b & c) | (~b & d), 0x5A827999) : i < 40 ? (b ^ c ^ d, 0x6ED9EBA1)
                    : i < 60 ? ((b & c) | (b & d) | (c & d), 0x8F1BBCDC) : (b ^ c ^ d, 0xCA62C1D6)
                let temp = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, (b << 30) | (b >> 2), a, temp)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in [24, 16, 8, 0].map { UInt8((word >> UInt32($0)) & 0xFF) } }
    }
}

@Suite struct TOTPCodeTests {
    /// RFC 6238 appendix B, SHA-1 with the ASCII key "12345678901234567890" (Base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ).
    @Test func theTestHelperReproducesTheRFCVectors() {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        #expect(TOTPCode.current(secret: secret, time: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(TOTPCode.current(secret: secret, time: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
        #expect(TOTPCode.current(secret: secret, time: Date(timeIntervalSince1970: 20_000_000_000)) == "353130")
    }
}
