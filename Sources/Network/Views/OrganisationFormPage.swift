// The staff form to create or edit an organisation; re-rendered with the entered values on error.
import Kernel
import DesignSystem
import Localization

enum OrganisationFormPage {
    struct Model {
        var input: OrganisationInput
        var errors: [FieldError]
        /// nil when creating.
        var slug: String?
        var version: Int
        /// Name, kind and country are the organisation's identity: only staff change them (issue 9).
        var identityLocked: Bool
        package init(input: OrganisationInput, errors: [FieldError], slug: String? = nil, version: Int, identityLocked: Bool = false) {
            self.input = input
            self.errors = errors
            self.slug = slug
            self.version = version
            self.identityLocked = identityLocked
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let title = model.slug == nil ? t("org.new_title") : t("org.edit_title", ["name": model.input.name])
        let action = model.slug.map { context.link(NetworkURL.editOrganisation($0)) } ?? context.link(NetworkURL.newOrganisation())
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(title),
        ]) {
            Forms.errorSummary(model.errors, t: t)
            el("h1") { title }
            el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                el("input", .type("hidden"), .name("version"), .value(String(model.version)))
                if model.identityLocked {
                    el("dl", .class("summary-list")) {
                        el("dt") { t("org.name") }; el("dd") { model.input.name }
                        el("dt") { t("org.kind") }; el("dd") { OrganisationKind(rawValue: model.input.kind).map { t($0.labelKey) } ?? model.input.kind }
                        el("dt") { t("org.country") }; el("dd") { CountryInfo.find(model.input.country).map { t($0.labelKey) } ?? model.input.country }
                    }
                    el("p", .class("hint")) { t("org.identity_locked") }
                } else {
                    Forms.text(name: "name", label: t("org.name"), value: model.input.name, errors: model.errors, required: true, t: t)
                    Forms.select(name: "kind", label: t("org.kind"), choices: OrganisationKind.allCases.map { Choice(value: $0.rawValue, label: t($0.labelKey)) },
                                 selected: model.input.kind, blankLabel: t("form.choose"), errors: model.errors, t: t)
                    Forms.select(name: "country", label: t("org.country"), choices: CountryInfo.all.map { Choice(value: $0.code, label: t($0.labelKey)) },
                                 selected: model.input.country.uppercased(), blankLabel: t("form.choose"), errors: model.errors, t: t)
                }
                Forms.text(name: "municipality", label: t("org.municipality"), value: model.input.municipality, errors: model.errors, t: t)
                Forms.text(name: "website", label: t("org.website"), value: model.input.website, hint: t("org.website_hint"), errors: model.errors, type: "url", t: t)
                Forms.text(name: "email", label: t("org.email"), value: model.input.email, hint: t("org.email_hint"), errors: model.errors, type: "email", t: t)
                Forms.checkboxes(name: "focus_areas[]", legend: t("org.focus_areas"), choices: FocusArea.allCases.map { Choice(value: $0.rawValue, label: t($0.labelKey)) },
                                 selected: Set(model.input.focusAreas), errors: model.errors, t: t)
                for locale in AppLocale.allCases {
                    Forms.textarea(name: "description_\(locale.rawValue)", label: t("org.description_in", ["language": locale.endonym]),
                                   value: model.input.description[locale.rawValue], errors: model.errors, rows: 3, t: t)
                }
                Forms.submit(t("form.save"))
            }
        }
    }
}
