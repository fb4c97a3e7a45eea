// Applicants' pages: start a draft, the application form (questions, results, budget table with totals,
// attachments), preview with every problem listed, receipt, and the status page with decision and appeal.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

enum ApplicantPages {
    static func form(_ action: String, _ context: PageContext, multipart: Bool = false, autosave: Bool = false, saveFirst: Bool = false,
                     @NodeBuilder content: () -> [Node]) -> Node {
        el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil),
           multipart ? Attribute("enctype", "multipart/form-data") : nil, autosave ? Attribute("data-autosave", nil) : nil,
           saveFirst ? Attribute("data-save-first", nil) : nil) {
            Forms.csrf(context.csrfToken)
            content()
        }
    }

    static func crumbs(_ context: PageContext, _ last: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("grants.title"), href: context.link(GrantsURL.overview())),
         Crumb(context.t("grants.mine.title"), href: context.link(GrantsURL.myApplications()))] + last
    }

    static func stateLabel(_ state: Grants.ApplicationState, t: Translator) -> String { t("grants.state.\(state.rawValue)") }

    static func text(_ dictionary: [String: String], _ locale: AppLocale) -> String {
        var localized = LocalizedText()
        localized.values = dictionary
        return GrantsPages.plainText(localized, locale, fallback: dictionary.values.sorted().first ?? "")
    }

    // MARK: start

    /// "Start an application" for a visitor: sign in, or register the organisation first.
    static func visitorStart(_ item: PublicCall, signIn: String, context: PageContext) -> String {
        let t = context.t
        let callTitle = GrantsPages.plainText(item.call.title, context.locale, fallback: item.call.code)
        let title = t("grants.apply.start_title", ["call": callTitle])
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())),
            Crumb(callTitle, href: context.link(GrantsURL.call(item.call.code))), Crumb(t("grants.apply.start")),
        ]) {
            el("h1") { title }
            el("p", .class("lead")) { t("grants.apply.visitor_intro") }
            el("ul", .class("cards")) {
                el("li", .class("card")) {
                    el("h2") { t("grants.apply.visitor_has_account") }
                    el("p") { t("grants.apply.visitor_sign_in_hint") }
                    el("p") { el("a", .class("button"), .href(signIn)) { t("auth.sign_in") } }
                }
                el("li", .class("card")) {
                    el("h2") { t("grants.apply.visitor_new") }
                    el("p") { t("grants.apply.visitor_register_hint") }
                    el("p") { el("a", .class("button button-secondary"), .href(context.link(GrantsURL.registerOrganisation()))) { t("grants.apply.visitor_register") } }
                }
            }
        }
    }

    static func start(_ item: PublicCall, organisations: [Organisation], selected: (organisation: String?, lot: String?), errors: [FieldError],
                      now: Date, context: PageContext) -> String {
        let t = context.t
        let title = t("grants.apply.start_title", ["call": GrantsPages.plainText(item.call.title, context.locale, fallback: item.call.code)])
        let open = item.call.status == .open && item.call.window.isOnTime(now)
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())),
            Crumb(GrantsPages.plainText(item.call.title, context.locale, fallback: item.call.code), href: context.link(GrantsURL.call(item.call.code))),
            Crumb(t("grants.apply.start")),
        ]) {
            el("h1") { title }
            Forms.errorSummary(errors, t: t)
            if !open {
                el("p") { t("grants.apply.error.call_not_open") }
            } else if organisations.isEmpty {
                el("p") { t("grants.apply.no_organisation") }
                el("p") { el("a", .href(context.link(NetworkURL.directory()))) { t("grants.apply.find_organisation") } }
                el("p") { el("a", .href(context.link(GrantsURL.registerOrganisation()))) { t("grants.registration.link") } }
            } else {
                el("p") { t("grants.apply.start_intro", ["deadline": GrantsPages.instant(item.call.deadline, in: item.call.timeZone, t: t)]) }
                form(context.link(GrantsURL.apply(item.call.code)), context) {
                    Forms.select(name: "organisation", label: t("grants.apply.organisation"),
                                 choices: organisations.map { Choice(value: $0.slug, label: $0.name) }, selected: selected.organisation ?? organisations.first?.slug,
                                 errors: errors, t: t)
                    Forms.select(name: "lot", label: t("grants.lot"),
                                 choices: item.lots.map { Choice(value: $0.code, label: GrantsPages.plainText($0.title, context.locale, fallback: $0.code)) },
                                 selected: selected.lot ?? item.lots.first?.code, errors: errors, t: t)
                    Forms.submit(t("grants.apply.start"))
                }
            }
        }
    }

    // MARK: my applications

    static func mine(applications: [GrantApplication], organisations: [Organisation], calls: [PublicCall], grants: [Grant], context: PageContext) -> String {
        let t = context.t
        let now = Date()
        let open = calls.filter { $0.call.status == .open && $0.call.window.isOnTime(now) }
        return Layout.page(context, title: t("grants.mine.title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("grants.title"), href: context.link(GrantsURL.overview())), Crumb(t("grants.mine.title")),
        ]) {
            el("h1") { t("grants.mine.title") }
            if organisations.isEmpty {
                el("p") { t("grants.apply.no_organisation") }
                el("p") { el("a", .href(context.link(GrantsURL.registerOrganisation()))) { t("grants.registration.link") } }
            }
            if applications.isEmpty {
                el("p") { t("grants.mine.empty") }
            } else {
                Tables.table(
                    caption: t("grants.mine.caption"),
                    columns: [Column(t("grants.reference")), Column(t("grants.application_title")), Column(t("grants.apply.organisation")),
                              Column(t("grants.state")), Column(t("grants.grant"))],
                    rows: applications.map { application in
                        let organisation = organisations.first { $0.id == application.organisationID }
                        let grant = grants.first { $0.applicationID == application.id }
                        return [
                            el("a", .href(context.link(GrantsURL.application(application.pathID)))) { application.reference },
                            .text(application.title.isEmpty ? t("grants.untitled") : application.title),
                            .text(organisation?.name ?? ""),
                            .text(stateLabel(application.state, t: t)),
                            grant.map { grant in
                                el("a", .href(context.link(GrantsURL.granteeGrant(grant.id!.uuidString.lowercased())))) { grant.identifier }
                            } ?? .text(""),
                        ]
                    },
                    sort: nil, link: { _ in "" }, t: t)
            }
            if !open.isEmpty {
                el("h2") { t("grants.open_calls") }
                el("ul") {
                    for call in open {
                        el("li") { el("a", .href(context.link(GrantsURL.apply(call.call.code)))) {
                            t("grants.apply.start_title", ["call": GrantsPages.plainText(call.call.title, context.locale, fallback: call.call.code)])
                        } }
                    }
                }
            }
        }
    }
}
