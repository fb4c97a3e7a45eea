// One organisation's public profile.
import Kernel
import DesignSystem
import Localization

enum OrganisationPage {
    struct Model {
        var organisation: Organisation
        var memberships: [Membership]
        var contacts: [Person] = []
        package init(organisation: Organisation, memberships: [Membership], contacts: [Person] = []) {
            self.organisation = organisation
            self.memberships = memberships
            self.contacts = contacts
        }
    }

    static func render(_ model: Model, context: PageContext, canEdit: Bool, isStaff: Bool = false) -> String {
        let t = context.t
        let organisation = model.organisation
        return Layout.page(context, title: organisation.name, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("directory.title"), href: context.link(NetworkURL.directory())), Crumb(organisation.name),
        ]) {
            el("h1") { organisation.name }
            if let description = organisation.summary.resolve(for: context.locale) {
                el("p", .class("lead"), description.locale == context.locale ? nil : .lang(description.locale.rawValue)) { description.text }
            }
            el("dl", .class("summary-list")) {
                el("dt") { t("org.kind") }
                el("dd") { t(organisation.kind.labelKey) }
                el("dt") { t("org.country") }
                el("dd") { t("country.\(organisation.countryCode)") }
                if !organisation.municipality.isEmpty {
                    el("dt") { t("org.municipality") }
                    el("dd") { organisation.municipality }
                }
                if !organisation.website.isEmpty {
                    el("dt") { t("org.website") }
                    el("dd") { el("a", .href(organisation.website), Attribute("rel", "nofollow noopener")) { organisation.website } }
                }
                if !organisation.focusAreas.isEmpty {
                    el("dt") { t("org.focus_areas") }
                    el("dd") {
                        el("ul", .class("tags")) { for area in organisation.focusAreas { el("li") { t(area.labelKey) } } }
                    }
                }
                if !model.memberships.isEmpty {
                    el("dt") { t("org.membership") }
                    el("dd") {
                        el("ul") {
                            for membership in model.memberships {
                                el("li") {
                                    if let left = membership.leftOn {
                                        t("org.member_from_to", ["network": membership.network, "from": t.date(membership.joinedOn), "to": t.date(left)])
                                    } else {
                                        t("org.member_since", ["network": membership.network, "from": t.date(membership.joinedOn)])
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !model.contacts.isEmpty {
                el("h2") { t("people.public_contacts") }
                el("ul") {
                    for person in model.contacts {
                        el("li") { person.position.isEmpty ? person.name : person.name + ", " + person.position }
                    }
                }
            }
            if canEdit {
                el("p") { el("a", .href(context.link(NetworkURL.editOrganisation(organisation.slug))), .class("button button-secondary")) { t("org.edit") } }
            }
            if isStaff {
                el("p") { el("a", .href(context.link(NetworkURL.people(organisation.slug)))) { t("people.short_title") } }
            }
            el("p") { el("a", .href(NetworkURL.apiOrganisation(organisation.slug))) { t("org.as_json") } }
        }
    }
}
