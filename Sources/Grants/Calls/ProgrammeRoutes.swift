// Staff keep the funding programmes (/{locale}/staff/grants/programmes): name, donor, the donor's org-id.guide
// identifier (the 360Giving funder id) and the currency of every amount. The code and, once a call exists,
// the currency are fixed: amounts already stored are in it.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

struct ProgrammeInput: Sendable {
    var code = ""
    var name = ""
    var donor = ""
    var donorIdentifier = ""
    var currency = "EUR"
}

enum ProgrammeRoutes {
    static let currencies = ["EUR", "USD", "CHF", "GBP", "ALL", "MKD", "RSD", "BAM"]

    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.programmesRoute, use: list)
        site.form(GrantsURL.programmesRoute, use: save)
    }

    static func field(_ request: Request, _ name: String) -> String { request.formLine(name) }

    static func page(_ request: Request, input: ProgrammeInput, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let programmes = try await GrantProgramme.query(on: request.db).sort(\.$name).all()
        let context = request.pageContext(current: "staff")
        let t = context.t
        let html = Layout.page(context, title: t("grants.programme.title"), breadcrumbs: EvaluationPages.crumbs(context, [Crumb(t("grants.programme.title"))])) {
            el("h1") { t("grants.programme.title") }
            Tables.table(
                caption: t("grants.programme.caption"),
                columns: [Column(t("grants.callform.code")), Column(t("grants.programme")), Column(t("grants.donor")), Column(t("grants.programme.donor_id")),
                          Column(t("grants.programme.currency"))],
                rows: programmes.map { [.text($0.code), .text($0.name), .text($0.donor), .text($0.donorIdentifier), .text($0.currencyCode)] },
                sort: nil, link: { _ in "" }, t: t)
            el("h2") { t("grants.programme.form_title") }
            el("p") { t("grants.programme.form_intro") }
            Forms.errorSummary(errors, t: t)
            ApplicantPages.form(context.link(GrantsURL.programmes()), context) {
                Forms.text(name: "code", label: t("grants.callform.code"), value: input.code, hint: t("grants.programme.code_hint"), errors: errors, width: "20", t: t)
                Forms.text(name: "name", label: t("grants.programme"), value: input.name, errors: errors, t: t)
                Forms.text(name: "donor", label: t("grants.donor"), value: input.donor, errors: errors, t: t)
                Forms.text(name: "donor_identifier", label: t("grants.programme.donor_id"), value: input.donorIdentifier,
                           hint: t("grants.programme.donor_id_hint"), errors: errors, width: "20", t: t)
                Forms.select(name: "currency", label: t("grants.programme.currency"), choices: currencies.map { Choice(value: $0, label: $0) },
                             selected: input.currency, hint: t("grants.programme.currency_hint"), errors: errors, t: t)
                Forms.submit(t("grants.callform.save"))
            }
        }
        return .html(html, status: status)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        return try await page(request, input: ProgrammeInput(), errors: [])
    }

    /// Creates a programme, or updates the one with the code typed.
    @Sendable static func save(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let t = request.t
        let input = ProgrammeInput(code: field(request, "code").lowercased(), name: String(field(request, "name").prefix(200)),
                                   donor: String(field(request, "donor").prefix(200)), donorIdentifier: String(field(request, "donor_identifier").prefix(100)),
                                   currency: field(request, "currency"))
        var errors: [FieldError] = []
        if !GrantRegisterQuery.isCode(input.code) || input.code.count < 2 { errors.append(FieldError(field: "code", message: t("grants.callform.error.code"))) }
        if input.name.isEmpty { errors.append(FieldError(field: "name", message: t("grants.programme.error.name"))) }
        if input.donor.isEmpty { errors.append(FieldError(field: "donor", message: t("grants.programme.error.donor"))) }
        // org-id.guide identifiers: a list prefix and an identifier, e.g. XI-IATI-EC_NEAR or GB-CHC-1234567.
        let idPattern = input.donorIdentifier.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        if idPattern.count < 3 || idPattern.contains(where: \.isEmpty) || input.donorIdentifier.contains(where: \.isWhitespace) {
            errors.append(FieldError(field: "donor_identifier", message: t("grants.programme.error.donor_id")))
        }
        guard let currency = Grants.Currency(input.currency), currencies.contains(input.currency) else {
            return try await page(request, input: input, errors: errors + [FieldError(field: "currency", message: t("grants.programme.error.currency"))],
                                  status: .unprocessableEntity)
        }
        let existing = try await GrantProgramme.query(on: request.db).filter(\.$code == input.code).first()
        if let existing, existing.currencyCode != currency.code,
           try await GrantCall.query(on: request.db).filter(\.$programmeID == existing.requireID()).count() > 0 {
            errors.append(FieldError(field: "currency", message: t("grants.programme.error.currency_fixed")))
        }
        guard errors.isEmpty else { return try await page(request, input: input, errors: errors, status: .unprocessableEntity) }
        let programme = existing ?? GrantProgramme()
        programme.code = input.code
        programme.name = input.name
        programme.donor = input.donor
        programme.donorIdentifier = input.donorIdentifier
        programme.currencyCode = currency.code
        try await request.db.transaction { database in
            try await programme.save(on: database)
            try await Audit.record(on: database, actor: user, action: existing == nil ? "grants.programme.create" : "grants.programme.update",
                                   targetType: "grant_programme", targetID: programme.id?.uuidString,
                                   after: ["code": programme.code, "name": programme.name, "donor": programme.donor, "donorIdentifier": programme.donorIdentifier,
                                           "currency": programme.currencyCode])
        }
        request.flash(.success, t("grants.programme.saved", ["name": programme.name]))
        return .seeOther(request.localLink(GrantsURL.programmes()))
    }
}
