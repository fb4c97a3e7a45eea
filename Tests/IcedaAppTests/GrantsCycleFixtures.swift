// Fixtures of the grant-cycle tests: the demo cycle, users, signed-in browsers, applications by organisation
// and call, paths, a valid Macedonian draft, minimal PDF and PNG files.
import DesignSystem
import Fluent
import Foundation
import Localization
import Testing
import VaporTesting
@testable import Grants
@testable import IcedaApp
@testable import Kernel
@testable import Methods
@testable import Network
@testable import Observatory

/// A test app with the demo directory, the 2020 call and the whole demo cycle.
func withCycleDemo(_ body: (Application) async throws -> Void) async throws {
    try await withTestApp { app in
        _ = try await NetworkSeed.seedDemo(on: app.db)
        _ = try await GrantsSeed.seedDemo(on: app.db)
        let added = try #require(try await GrantsCycleSeed.seed(on: app.db))
        #expect(added > 20)
        try await body(app)
    }
}

func user(_ app: Application, _ email: String, role: GlobalRole, password: String = "user-password-12") async throws -> User {
    let user = User(email: email, name: email.split(separator: "@").first.map(String.init) ?? email, passwordHash: try await app.password.async.hash(password), role: role)
    try await user.save(on: app.db)
    return user
}

func signedIn(_ app: Application, _ email: String, password: String = "user-password-12") async throws -> Browser {
    let browser = Browser(app)
    try await browser.signIn(email: email, password: password)
    return browser
}

func organisation(_ app: Application, _ name: String) async throws -> Organisation {
    try #require(try await Organisation.query(on: app.db).filter(\.$name == name).first(), "no organisation \(name)")
}

func application(_ app: Application, of organisationName: String, call code: String) async throws -> GrantApplication {
    let organisation = try await organisation(app, organisationName)
    let call = try #require(try await GrantCall.query(on: app.db).filter(\.$code == code).first())
    return try #require(try await GrantApplication.query(on: app.db).filter(\.$organisationID == organisation.requireID())
        .filter(\.$callID == call.requireID()).sort(\.$reference).first())
}

func reload(_ app: Application, _ application: GrantApplication) async throws -> GrantApplication {
    try #require(try await GrantApplication.find(application.id, on: app.db))
}

func path(_ application: GrantApplication, locale: String = "en", staff: Bool = false, _ rest: String = "") -> String {
    "/\(locale)/\(staff ? "staff/grants" : "grants")/applications/\(application.id!.uuidString.lowercased())\(rest)"
}

/// A valid Lot 1 draft typed in Macedonian notation: 18 × 500,00 + 6.000,50 requested, 1.700,00 co-financed.
/// Requested 9,000.00 + 6,000.50 = 15,000.50; total 16,700.50; co-financing 1,700.00 ÷ 16,700.50 = 10.18 % ≥ 10 %.
let macedonianDraft: [(String, String)] = [
    ("title", "Центар за е-услуги во Куманово"), ("summary", "Центар што им помага на постарите и на ромските семејства да користат е-услуги."),
    ("duration_months", "18"),
    ("budget_0_category", "staff"), ("budget_0_description", "Вработени"), ("budget_0_unit", "месец"), ("budget_0_quantity", "18"),
    ("budget_0_unit_cost", "500,00"), ("budget_0_requested", "9.000,00"), ("budget_0_co_financing", ""),
    ("budget_1_category", "services"), ("budget_1_description", "Обуки"), ("budget_1_unit", "паушал"), ("budget_1_quantity", "1"),
    ("budget_1_unit_cost", "6.000,50"), ("budget_1_requested", "6.000,50 €"), ("budget_1_co_financing", "0"),
    ("budget_2_category", "administration"), ("budget_2_description", "Простории"), ("budget_2_unit", "паушал"), ("budget_2_quantity", "1"),
    ("budget_2_unit_cost", "1.700"), ("budget_2_requested", ""), ("budget_2_co_financing", "1.700,00"),
    // "No centre yet": the centre's address and visits are typed but hidden, so they are not checked and not submitted.
    ("q_target-groups[]", "elderly"), ("q_target-groups[]", "roma"), ("q_citizens", "500"), ("q_has-centre", "no"),
    ("q_centre-address", "ул. Братство 5"), ("q_approach", "Отворени денови секоја недела."), ("q_start-date", "2027-03-01"), ("q_centre-visits", "300"),
]

let pdfBytes = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
let pngBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

extension String {
    var htmlEscaped: String {
        Node.text(self).render()
    }
}
