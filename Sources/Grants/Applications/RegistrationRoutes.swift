// An organisation that is not in the directory registers to apply (/{locale}/grants/register-organisation):
// its details go through the directory's own validation, the person gets an account that is activated from an
// e-mail link (the invitation flow, so the address is proven), and they become the organisation's focal point.
// The organisation stays out of the public directory until staff list it (/{locale}/staff/organisations/unlisted);
// it may apply at once.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

struct RegistrationInput: Sendable {
    var organisation = OrganisationInput()
    var personName = ""
    var personEmail = ""
    var confirmed = false
}

enum RegistrationRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.registerOrganisationRoute, use: form)
        site.form(GrantsURL.registerOrganisationRoute, use: submit)
    }

    static func field(_ request: Request, _ name: String) -> String { ApplicantRoutes.field(request, name) }

    @Sendable static func form(request: Request) async throws -> Response {
        // A visitor without a session gets one here, for the form's CSRF token.
        _ = request.csrfToken()
        var input = RegistrationInput()
        input.organisation.kind = OrganisationKind.cso.rawValue
        return .html(RegistrationPages.form(input, errors: [], context: request.pageContext(current: "grants")))
    }

    @Sendable static func submit(request: Request) async throws -> Response {
        let t = request.t
        var input = RegistrationInput()
        input.organisation = OrganisationInput(
            name: String(field(request, "name").prefix(300)), kind: field(request, "kind"), country: field(request, "country"),
            municipality: String(field(request, "municipality").prefix(300)), website: String(field(request, "website").prefix(300)),
            email: String(field(request, "organisation_email").prefix(300)),
            description: [request.appLocale == .srCyrl ? AppLocale.srLatn.rawValue : request.appLocale.rawValue: String(field(request, "description").prefix(5_000))]
                .filter { !$0.value.allSatisfy(\.isWhitespace) })
        input.personName = FormText.line(String(field(request, "person_name").prefix(200)))
        input.personEmail = EmailAddress.normalised(field(request, "person_email"))
        input.confirmed = field(request, "confirm") == "1"
        var errors: [FieldError] = []
        var valid: OrganisationInput.Valid?
        switch input.organisation.validate() {
        case let .success(checked): valid = checked
        case let .failure(failure):
            errors += failure.issues.map { issue in
                FieldError(field: issue.field == "email" ? "organisation_email" : issue.field.hasPrefix("description") ? "description" : issue.field,
                           message: t(issue.key, issue.arguments))
            }
        }
        if let valid, !CallRoutes.regionCountries.contains(valid.countryCode) {
            errors.append(FieldError(field: "country", message: t("grants.registration.error.country")))
        }
        if input.personName.isEmpty { errors.append(FieldError(field: "person_name", message: t("staff.error.name_required"))) }
        if !EmailAddress.isValid(input.personEmail) {
            errors.append(FieldError(field: "person_email", message: t(input.personEmail.isEmpty ? "auth.error.email_required" : "auth.error.email_invalid")))
        }
        if let valid, try await Organisation.query(on: request.db).filter(\.$name == valid.name).count() > 0 {
            errors.append(FieldError(field: "name", message: t("grants.registration.error.organisation_exists")))
        }
        if !input.confirmed { errors.append(FieldError(field: "confirm", message: t("grants.registration.error.confirm"))) }
        guard errors.isEmpty, let valid else {
            return .html(RegistrationPages.form(input, errors: errors, context: request.pageContext(current: "grants")), status: .unprocessableEntity)
        }
        // Each registration e-mails an address: at most 3 per address and 5 per network address in 15 minutes.
        guard try await SignInThrottle.admit(.registration, key: input.personEmail, request: request, perKey: 3, perAddress: 5) else {
            return .html(RegistrationPages.form(input, errors: [FieldError(field: "person_email", message: t("auth.error.throttled"))],
                                                context: request.pageContext(current: "grants")), status: .tooManyRequests)
        }
        let locale = request.appLocale
        let baseURL = request.application.iceda.config.baseURL
        // The page never says whether the address has an account (issue 9): its owner is told by e-mail instead.
        if let existing = try await User.query(on: request.db).filter(\.$email == input.personEmail).first() {
            try await Outbox.enqueue(on: request.db, to: existing.email, subject: t("grants.registration.exists_subject"),
                                     body: t("grants.registration.exists_body", ["name": existing.name, "organisation": valid.name,
                                                                                "link": baseURL + "/" + locale.rawValue + KernelURL.signIn.path()]),
                                     locale: locale)
            return .html(RegistrationPages.sent(email: input.personEmail, context: request.pageContext(current: "grants")), status: .created)
        }
        let user = User(email: input.personEmail, name: input.personName, passwordHash: nil, role: .member, preferredLocale: request.appLocale.rawValue)
        user.active = false
        let organisation = Organisation()
        organisation.version = 1
        organisation.apply(valid)
        organisation.listed = false
        try await request.db.transaction { database in
            organisation.slug = try await Organisation.uniqueSlug(forName: valid.name, on: database)
            try await organisation.save(on: database)
            try await user.save(on: database)
            try await OrganisationRole(userID: user.requireID(), organisationID: organisation.requireID(), role: .focalPoint).save(on: database)
            let token = try await OneTimeLinks.issue(for: user, purpose: .invitation, lifetime: 7 * 24 * 3600, on: database)
            try await Outbox.enqueue(on: database, to: user.email, subject: t("grants.registration.mail_subject"),
                                     body: t("grants.registration.mail_body", ["name": user.name, "organisation": organisation.name,
                                                                              "link": KernelURL.invitationLink(baseURL: baseURL, locale: locale, token: token)]),
                                     locale: locale)
            try await Audit.record(on: database, actor: nil, action: "organisation.register", targetType: "organisation", targetID: organisation.slug,
                                   after: ["name": organisation.name, "country": organisation.countryCode, "person": user.email, "listed": "false"])
        }
        return .html(RegistrationPages.sent(email: user.email, context: request.pageContext(current: "grants")), status: .created)
    }
}

enum RegistrationPages {
    static func form(_ input: RegistrationInput, errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = t("grants.registration.title")
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())), Crumb(title),
        ]) {
            el("h1") { title }
            el("p", .class("lead")) { t("grants.registration.intro") }
            el("p") { t("grants.registration.already") + " "; el("a", .href(context.link(KernelURL.signIn))) { t("auth.sign_in") } }
            Forms.errorSummary(errors, t: t)
            ApplicantPages.form(context.link(GrantsURL.registerOrganisation()), context) {
                el("fieldset", .class("fieldset")) {
                    el("legend") { t("grants.registration.organisation") }
                    Forms.text(name: "name", label: t("org.name"), value: input.organisation.name, errors: errors, t: t)
                    Forms.select(name: "kind", label: t("org.kind"), choices: OrganisationKind.allCases.filter { $0 != .donor && $0 != .partner }
                        .map { Choice(value: $0.rawValue, label: t($0.labelKey)) }, selected: input.organisation.kind, errors: errors, t: t)
                    Forms.select(name: "country", label: t("org.country"), choices: CallRoutes.regionCountries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: input.organisation.country, blankLabel: t("grants.apply.choose"), errors: errors, t: t)
                    Forms.text(name: "municipality", label: t("org.municipality"), value: input.organisation.municipality, errors: errors, t: t)
                    Forms.text(name: "website", label: t("org.website") + " " + t("grants.form.optional"), value: input.organisation.website,
                               errors: errors, type: "url", t: t)
                    Forms.text(name: "organisation_email", label: t("grants.registration.organisation_email") + " " + t("grants.form.optional"),
                               value: input.organisation.email, errors: errors, type: "email", t: t)
                    Forms.textarea(name: "description", label: t("grants.registration.description") + " " + t("grants.form.optional"),
                                   value: input.organisation.description.values.first, errors: errors, rows: 4, t: t)
                }
                el("fieldset", .class("fieldset")) {
                    el("legend") { t("grants.registration.person") }
                    Forms.text(name: "person_name", label: t("account.name"), value: input.personName, errors: errors, autocomplete: "name", t: t)
                    Forms.text(name: "person_email", label: t("auth.email"), value: input.personEmail, hint: t("grants.registration.email_hint"),
                               errors: errors, type: "email", autocomplete: "email", t: t)
                }
                Forms.checkboxes(name: "confirm", legend: t("grants.registration.confirm_legend"),
                                 choices: [Choice(value: "1", label: t("grants.registration.confirm"))], selected: input.confirmed ? ["1"] : [], errors: errors, t: t)
                Forms.submit(t("grants.registration.submit"))
            }
        }
    }

    static func sent(email: String, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("grants.registration.sent_title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())), Crumb(t("grants.registration.sent_title")),
        ]) {
            el("div", .class("panel"), Attribute("role", "status")) {
                el("h1") { t("grants.registration.sent_title") }
                el("p") { t("grants.registration.sent", ["email": email]) }
            }
        }
    }

}
