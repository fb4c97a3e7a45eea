// Pages of signing in and account security; all forms share one frame.
import DesignSystem
import Localization

package enum AuthPages {
    /// A page holding one form: title, optional intro, fields and a submit button.
    package static func form(
        _ context: PageContext, title: String, intro: String? = nil, action: String, errors: [FieldError] = [],
        submit: String, @NodeBuilder fields: () -> [Node], @NodeBuilder after: () -> [Node] = { [] }
    ) -> String {
        let t = context.t
        return Layout.page(context, title: title, breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(title)]) {
            Forms.errorSummary(errors, t: t)
            el("h1") { title }
            if let intro { el("p") { intro } }
            el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil), .class("narrow")) {
                Forms.csrf(context.csrfToken)
                fields()
                Forms.submit(submit)
            }
            after()
        }
    }

    package static func signIn(_ context: PageContext, email: String, next: String?, errors: [FieldError]) -> String {
        let t = context.t
        return form(context, title: t("auth.sign_in"), action: context.link(KernelURL.signIn), errors: errors, submit: t("auth.sign_in")) {
            if let next { el("input", .type("hidden"), .name("next"), .value(next)) }
            Forms.text(name: "email", label: t("auth.email"), value: email, errors: errors, type: "email", autocomplete: "username", t: t)
            Forms.text(name: "password", label: t("auth.password"), value: nil, errors: errors, type: "password", autocomplete: "current-password", t: t)
        } after: {
            el("p") { el("a", .href(context.link(KernelURL.passwordReset))) { t("auth.forgot_password") } }
        }
    }

    package static func twoFactor(_ context: PageContext, errors: [FieldError]) -> String {
        let t = context.t
        return form(context, title: t("auth.two_factor_title"), intro: t("auth.two_factor_intro"), action: context.link(KernelURL.signInTwoFactor),
                    errors: errors, submit: t("auth.verify")) {
            Forms.text(name: "code", label: t("auth.code"), value: nil, hint: t("auth.code_hint"), errors: errors,
                       autocomplete: "one-time-code", width: "short", t: t)
        }
    }

    package static func resetRequest(_ context: PageContext, email: String, errors: [FieldError]) -> String {
        let t = context.t
        return form(context, title: t("auth.reset_title"), intro: t("auth.reset_intro"), action: context.link(KernelURL.passwordReset),
                    errors: errors, submit: t("auth.reset_send")) {
            Forms.text(name: "email", label: t("auth.email"), value: email, errors: errors, type: "email", autocomplete: "email", t: t)
        }
    }

    package static func setPassword(_ context: PageContext, title: String, action: String, errors: [FieldError]) -> String {
        let t = context.t
        return form(context, title: title, action: action, errors: errors, submit: t("auth.set_password")) {
            Forms.text(name: "password", label: t("auth.new_password"), value: nil,
                       hint: t("auth.password_hint", ["min": String(PasswordPolicy.minimumLength)]), errors: errors,
                       type: "password", autocomplete: "new-password", t: t)
            Forms.text(name: "confirm", label: t("auth.confirm_password"), value: nil, errors: errors, type: "password", autocomplete: "new-password", t: t)
        }
    }

    package static func message(_ context: PageContext, title: String, body: String) -> String {
        let t = context.t
        return Layout.page(context, title: title, breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(title)]) {
            el("h1") { title }
            el("p", .class("lead")) { body }
            el("p") { el("a", .href(context.link(KernelURL.home))) { t("error.home_link") } }
        }
    }

    package static func account(_ context: PageContext, user: User, work: [WorkItem] = []) -> String {
        let t = context.t
        let title = t("account.title")
        return Layout.page(context, title: title, breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(title)]) {
            el("h1") { title }
            el("h2", .id("work")) { t("account.work") }
            if work.isEmpty {
                el("p") { t("account.no_work") }
            } else {
                el("ul", .class("work-list"), .aria("labelledby", "work")) {
                    for item in work { el("li") { el("a", .href(item.href)) { item.text } } }
                }
            }
            if user.role.isStaff {
                el("p") { el("a", .href(context.link(KernelURL.staff))) { t("account.staff_dashboard") } }
            }
            el("h2") { t("account.details") }
            el("dl", .class("summary-list")) {
                el("dt") { t("account.name") }
                el("dd") { user.name }
                el("dt") { t("auth.email") }
                el("dd") { user.email }
                el("dt") { t("account.role") }
                el("dd") { t("role.\(user.role.rawValue)") }
                el("dt") { t("account.two_factor") }
                el("dd") { user.totpEnabled ? t("account.two_factor_on") : t("account.two_factor_off") }
            }
            if !user.totpEnabled {
                el("p") { el("a", .href(context.link(KernelURL.twoFactorSetup)), .class("button")) { t("account.two_factor_set_up") } }
            }
            el("h2") { t("account.sessions") }
            el("p") { t("account.sign_out_everywhere_intro") }
            el("form", Attribute("method", "post"), Attribute("action", context.link(KernelURL.signOutEverywhere))) {
                Forms.csrf(context.csrfToken)
                Forms.submit(t("account.sign_out_everywhere"), secondary: true)
            }
        }
    }

    package static func twoFactorSetup(_ context: PageContext, secret: String, uri: String, errors: [FieldError]) -> String {
        let t = context.t
        return form(context, title: t("account.two_factor_set_up"), intro: t("account.two_factor_setup_intro"),
                    action: context.link(KernelURL.twoFactorSetup), errors: errors, submit: t("auth.verify")) {
            // The key as a QR code drawn here (no image service sees the secret), then as text for typing in.
            if let code = QRCode.encode(uri, correction: .medium) {
                el("figure", .class("qr")) {
                    Node.raw(code.svg(moduleSize: 4, quietZone: 4, title: t("account.two_factor_qr")))
                    el("figcaption", .class("hint")) { t("account.two_factor_scan") }
                }
            }
            el("p") { t("account.two_factor_key") + " " }
            el("p") { el("code", .class("secret")) { secret } }
            el("p", .class("hint")) { t("account.two_factor_uri") + " " }
            el("p") { el("code", .class("secret")) { uri } }
            Forms.text(name: "code", label: t("auth.code"), value: nil, hint: t("auth.code_hint"), errors: errors,
                       autocomplete: "one-time-code", width: "short", t: t)
        }
    }

    package static func recoveryCodes(_ context: PageContext, codes: [String]) -> String {
        let t = context.t
        let title = t("account.recovery_title")
        return Layout.page(context, title: title) {
            el("h1") { title }
            el("p", .class("lead")) { t("account.recovery_intro") }
            el("ul", .class("codes")) { for code in codes { el("li") { el("code") { code } } } }
            el("p") { el("a", .href(context.link(KernelURL.account))) { t("account.title") } }
        }
    }
}
