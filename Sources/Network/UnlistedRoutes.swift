// Staff list the organisations that registered themselves (to apply for a grant) into the public directory.
import DesignSystem
import Fluent
import Kernel
import Localization
import Vapor

enum UnlistedRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(NetworkURL.unlistedRoute, use: unlisted)
        site.form(NetworkURL.listRoute, use: list)
    }

    @Sendable static func unlisted(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let organisations = try await Organisation.query(on: request.db).filter(\.$listed == false).sort(\.$name).all()
        return .html(unlistedPage(organisations, context: request.pageContext(current: "staff")))
    }

    @Sendable static func list(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let organisation = try await DirectoryRoutes.find(request)
        if !organisation.listed {
            organisation.listed = true
            try await request.db.transaction { database in
                try await organisation.save(on: database)
                try await Audit.record(on: database, actor: user, action: "organisation.list", targetType: "organisation", targetID: organisation.slug,
                                       after: ["listed": "true"])
            }
        }
        request.flash(.success, request.t("grants.registration.listed", ["name": organisation.name]))
        return .seeOther(request.localLink(NetworkURL.unlisted()))
    }

    static func unlistedPage(_ organisations: [Organisation], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("grants.registration.unlisted_title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(t("grants.registration.unlisted_title")),
        ]) {
            el("h1") { t("grants.registration.unlisted_title") }
            el("p") { t("grants.registration.unlisted_intro") }
            if organisations.isEmpty {
                el("p") { t("grants.registration.unlisted_none") }
            } else {
                Tables.table(
                    caption: t("grants.registration.unlisted_title"),
                    columns: [Column(t("org.name")), Column(t("org.country")), Column(t("org.kind")), Column(t("grants.registration.action"))],
                    rows: organisations.map { organisation in
                        [el("a", .href(context.link(NetworkURL.organisation(organisation.slug)))) { organisation.name },
                         .text(t("country.\(organisation.countryCode)")), .text(t(organisation.kind.labelKey)),
                         el("form", Attribute("method", "post"), Attribute("action", context.link(NetworkURL.list(organisation.slug))),
                            Attribute("novalidate", nil)) {
                             Forms.csrf(context.csrfToken)
                             el("button", .type("submit"), .class("button button-secondary"), .aria("label", t("grants.registration.list_named", ["name": organisation.name]))) {
                                 t("grants.registration.list")
                             }
                         }]
                    },
                    sort: nil, link: { _ in "" }, t: t)
            }
        }
    }
}
