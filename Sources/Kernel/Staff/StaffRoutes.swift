// Staff pages: the dashboard, users and invitations, the audit log, the outbox.
import DesignSystem
import Fluent
import Localization
import Vapor

package enum StaffRoutes {
    package static func register(_ site: RoutesBuilder) {
        site.get(KernelURL.staff, use: dashboard)
        site.get(KernelURL.staffUsers, use: users)
        site.form(KernelURL.staffUsers, use: invite)
        site.get(KernelURL.staffAudit, use: audit)
        site.get(KernelURL.staffOutbox, use: outbox)
        UserAdminRoutes.register(site)
    }

    package static func frame(_ context: PageContext, title: String, @NodeBuilder content: () -> [Node]) -> String {
        let t = context.t
        return Layout.page(context, title: title, breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(title)], content: content)
    }

    @Sendable package static func dashboard(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let context = request.pageContext(current: "staff")
        let t = context.t
        let page = Layout.page(context, title: t("staff.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("staff.title"))]) {
            el("h1") { t("staff.title") }
            if !user.totpEnabled {
                el("div", .class("flash flash-warning"), Attribute("role", "status")) {
                    el("p") { t("staff.two_factor_advice") + " " ; el("a", .href(context.link(KernelURL.twoFactorSetup))) { t("account.two_factor_set_up") } }
                }
            }
            el("ul", .class("cards")) {
                for card in request.application.features.flatMap({ $0.staffCards(context, user: user) }) {
                    el("li", .class("card")) {
                        el("h2") { card.title }
                        el("ul") {
                            for link in card.links { el("li") { el("a", .href(link.href)) { link.label } } }
                        }
                    }
                }
                if user.role == .admin {
                    el("li", .class("card")) {
                        el("h2") { t("staff.administration") }
                        el("ul") {
                            el("li") { el("a", .href(context.link(KernelURL.staffUsers))) { t("staff.users") } }
                            el("li") { el("a", .href(context.link(KernelURL.staffAudit))) { t("staff.audit") } }
                            el("li") { el("a", .href(context.link(KernelURL.staffOutbox))) { t("staff.outbox") } }
                        }
                    }
                }
            }
        }
        return .html(page)
    }

    package static func usersPage(_ request: Request, errors: [FieldError] = [], email: String = "", name: String = "", role: String = "member") async throws -> String {
        let context = request.pageContext(current: "staff")
        let t = context.t
        let all = try await User.query(on: request.db).sort(\.$email).all()
        return frame(context, title: t("staff.users")) {
            Forms.errorSummary(errors, t: t)
            el("h1") { t("staff.users") }
            Tables.table(caption: t("staff.users"), columns: [Column(t("auth.email")), Column(t("account.name")), Column(t("account.role")), Column(t("account.two_factor"))],
                         rows: all.map { user in
                             [el("a", .href(context.link(KernelURL.staffUser(user.id?.uuidString.lowercased() ?? "")))) { user.email }, .text(user.name),
                              .text(t("role.\(user.role.rawValue)") + (user.active || user.passwordHash == nil ? "" : " (" + t("staff.user.inactive") + ")")),
                              .text(user.totpEnabled ? t("account.two_factor_on") : t("account.two_factor_off"))]
                         },
                         sort: nil, link: { _ in "" }, t: t)
            el("h2") { t("staff.invite") }
            el("form", Attribute("method", "post"), Attribute("action", context.link(KernelURL.staffUsers)), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "email", label: t("auth.email"), value: email, errors: errors, type: "email", t: t)
                Forms.text(name: "name", label: t("account.name"), value: name, errors: errors, t: t)
                Forms.select(name: "role", label: t("account.role"), choices: GlobalRole.allCases.map { Choice(value: $0.rawValue, label: t("role.\($0.rawValue)")) },
                             selected: role, errors: errors, t: t)
                Forms.submit(t("staff.invite_send"))
            }
        }
    }

    @Sendable package static func users(request: Request) async throws -> Response {
        _ = try request.requireAdmin()
        return .html(try await usersPage(request))
    }

    @Sendable package static func invite(request: Request) async throws -> Response {
        let admin = try request.requireAdmin()
        let t = request.t
        let email = EmailAddress.normalised(AuthRoutes.field(request, "email"))
        let name = request.formLine("name")
        let roleValue = AuthRoutes.field(request, "role")
        var errors: [FieldError] = []
        if !EmailAddress.isValid(email) { errors.append(FieldError(field: "email", message: t(email.isEmpty ? "auth.error.email_required" : "auth.error.email_invalid"))) }
        else if try await User.query(on: request.db).filter(\.$email == email).count() > 0 {
            errors.append(FieldError(field: "email", message: t("staff.error.user_exists")))
        }
        if name.isEmpty || name.count > 200 { errors.append(FieldError(field: "name", message: t("staff.error.name_required"))) }
        let role = GlobalRole(rawValue: roleValue)
        if role == nil { errors.append(FieldError(field: "role", message: t("staff.error.role_unknown"))) }
        guard errors.isEmpty, let role else {
            return .html(try await usersPage(request, errors: errors, email: email, name: name, role: roleValue), status: .unprocessableEntity)
        }
        let user = User(email: email, name: name, passwordHash: nil, role: role, preferredLocale: request.appLocale.rawValue)
        user.active = false
        try await request.db.transaction { database in
            try await user.save(on: database)
            let token = try await OneTimeLinks.issue(for: user, purpose: .invitation, lifetime: 7 * 24 * 3600, on: database)
            let link = KernelURL.invitationLink(baseURL: request.application.iceda.config.baseURL, locale: request.appLocale, token: token)
            try await Outbox.enqueue(on: database, to: email, subject: t("mail.invitation.subject"),
                                     body: t("mail.invitation.body", ["name": name, "inviter": admin.name, "link": link]), locale: request.appLocale)
            try await Audit.record(on: database, actor: admin, action: "user.invite", targetType: "user", targetID: email, after: ["role": role.rawValue])
        }
        request.flash(.success, t("staff.invited", ["email": email]))
        return .seeOther(request.localLink(KernelURL.staffUsers))
    }

    @Sendable package static func audit(request: Request) async throws -> Response {
        _ = try request.requireAdmin()
        let context = request.pageContext(current: "staff")
        let t = context.t
        let page = request.queryPage()
        let total = try await AuditEntry.query(on: request.db).count()
        let entries = try await AuditEntry.query(on: request.db).sort(\.$at, .descending).range((page - 1) * 50 ..< page * 50).all()
        let link: @Sendable ([String: String]) -> String = { context.link(KernelURL.staffAudit) + QueryString.encode($0) }
        return .html(frame(context, title: t("staff.audit")) {
            el("h1") { t("staff.audit") }
            Tables.table(caption: t("staff.audit"), columns: [Column(t("staff.audit_when")), Column(t("staff.audit_who")), Column(t("staff.audit_what")),
                                                              Column(t("staff.audit_target")), Column(t("staff.audit_before")), Column(t("staff.audit_after"))],
                         rows: entries.map { entry in
                             [.text(entry.at.map { $0.ISO8601Format() } ?? ""), .text(entry.actorLabel), .text(entry.action),
                              .text([entry.targetType, entry.targetID].compactMap { $0 }.joined(separator: " ")),
                              el("code") { entry.before ?? "" }, el("code") { entry.after ?? "" }]
                         }, sort: nil, link: link, t: t)
            Tables.pagination(PageInfo(page: page, perPage: 50, total: total), link: link, t: t)
        })
    }

    @Sendable package static func outbox(request: Request) async throws -> Response {
        _ = try request.requireAdmin()
        let context = request.pageContext(current: "staff")
        let t = context.t
        let messages = try await OutboxMessage.query(on: request.db).sort(\.$createdAt, .descending).limit(100).all()
        return .html(frame(context, title: t("staff.outbox")) {
            el("h1") { t("staff.outbox") }
            el("p") { request.application.iceda.config.sendmailCommand == nil ? t("staff.outbox_kept") : t("staff.outbox_sending") }
            Tables.table(caption: t("staff.outbox"), columns: [Column(t("staff.outbox_to")), Column(t("staff.outbox_subject")), Column(t("staff.outbox_status"))],
                         rows: messages.map { message in
                             [.text(message.recipient), el("details") { el("summary") { message.subject }; el("pre") { Outbox.masked(message.body) } },
                              .text(message.sentAt != nil ? t("staff.outbox_sent") : (message.lastError ?? t("staff.outbox_waiting")))]
                         }, sort: nil, link: { _ in "" }, t: t)
        })
    }
}
