// Offboarding and account care by admins (issue 9, item 14): one person's page with their role, whether they can
// sign in, their API tokens and two-factor; each change audited. An admin cannot lock themselves out, and the last
// active admin stays an admin.
import DesignSystem
import Fluent
import Localization
import Vapor

package enum UserAdminRoutes {
    package static func register(_ site: RoutesBuilder) {
        site.get(KernelURL.staffUserRoute, use: show)
        site.form(KernelURL.staffUserRoute, use: change)
    }

    static func target(_ request: Request) async throws -> User {
        guard let raw = request.parameters.get("user"), let id = UUID(uuidString: raw), let user = try await User.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        return user
    }

    static func page(_ request: Request, _ user: User, refusal: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let context = request.pageContext(current: "staff")
        let t = context.t
        let tokens = try await APIToken.query(on: request.db).filter(\.$userID == user.requireID()).filter(\.$revokedAt == nil).sort(\.$createdAt).all()
        let action = context.link(KernelURL.staffUser(try user.requireID().uuidString.lowercased()))
        func button(_ value: String, _ label: String, extra: [(String, String)] = [], secondary: Bool = true) -> Node {
            el("form", Attribute("method", "post"), Attribute("action", action), .class("inline")) {
                Forms.csrf(context.csrfToken)
                el("input", .type("hidden"), .name("action"), .value(value))
                for (name, value) in extra { el("input", .type("hidden"), .name(name), .value(value)) }
                Forms.submit(label, secondary: secondary)
            }
        }
        let html = Layout.page(context, title: user.name, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)),
            Crumb(t("staff.users"), href: context.link(KernelURL.staffUsers)), Crumb(user.name),
        ]) {
            if let refusal { el("div", .class("flash flash-warning"), Attribute("role", "alert")) { el("p") { refusal } } }
            el("h1") { user.name }
            el("dl", .class("summary-list")) {
                el("dt") { t("auth.email") }; el("dd") { user.email }
                el("dt") { t("account.role") }; el("dd") { t("role.\(user.role.rawValue)") }
                el("dt") { t("staff.user.status") }
                el("dd") { user.active ? t("staff.user.active") : (user.passwordHash == nil ? t("people.invited") : t("staff.user.inactive")) }
                el("dt") { t("account.two_factor") }; el("dd") { user.totpEnabled ? t("account.two_factor_on") : t("account.two_factor_off") }
            }
            el("h2") { t("staff.user.role_title") }
            el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                el("input", .type("hidden"), .name("action"), .value("role"))
                Forms.select(name: "role", label: t("account.role"), choices: GlobalRole.allCases.map { Choice(value: $0.rawValue, label: t("role.\($0.rawValue)")) },
                             selected: user.role.rawValue, errors: [], t: t)
                Forms.submit(t("staff.user.change_role"))
            }
            el("h2") { t("staff.user.access_title") }
            el("p") { t("staff.user.access_intro") }
            if user.active {
                button("deactivate", t("staff.user.deactivate"))
            } else if user.passwordHash != nil {
                button("activate", t("staff.user.activate"))
            }
            button("sign-out", t("staff.user.sign_out"))
            if user.totpEnabled { button("reset-two-factor", t("staff.user.reset_two_factor")) }
            el("h2") { t("staff.user.tokens_title") }
            if tokens.isEmpty {
                el("p") { t("staff.user.no_tokens") }
            } else {
                el("ul") {
                    for token in tokens {
                        el("li") {
                            token.label + " (" + (token.createdAt.map { t.date($0) } ?? "") + ") "
                            button("revoke-token", t("staff.user.revoke"), extra: [("token", token.id?.uuidString ?? "")])
                        }
                    }
                }
            }
        }
        return .html(html, status: status)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        _ = try request.requireAdmin()
        return try await page(request, try await target(request))
    }

    @Sendable static func change(request: Request) async throws -> Response {
        let admin = try request.requireAdmin()
        let user = try await target(request)
        let t = request.t
        let isSelf = user.id == admin.id
        let activeAdmins = try await User.query(on: request.db).filter(\.$role == .admin).filter(\.$active == true).count()
        let before = ["role": user.role.rawValue, "active": String(user.active), "two_factor": String(user.totpEnabled)]
        let action = request.formLine("action")
        var done: String
        switch action {
        case "role":
            guard let role = GlobalRole(rawValue: request.formLine("role")) else {
                return try await page(request, user, refusal: t("staff.error.role_unknown"), status: .unprocessableEntity)
            }
            if user.role == .admin, role != .admin, isSelf || activeAdmins <= 1 {
                return try await page(request, user, refusal: t("staff.user.error.last_admin"), status: .conflict)
            }
            user.role = role
            user.sessionEpoch += 1 // the new role takes effect at the next sign-in, everywhere
            done = t("staff.user.role_changed", ["role": t("role.\(role.rawValue)")])
        case "deactivate":
            if isSelf || (user.role == .admin && activeAdmins <= 1) {
                return try await page(request, user, refusal: t("staff.user.error.last_admin"), status: .conflict)
            }
            user.active = false
            user.sessionEpoch += 1
            done = t("staff.user.deactivated")
        case "activate":
            guard user.passwordHash != nil else { return try await page(request, user, refusal: t("staff.user.error.invited"), status: .conflict) }
            user.active = true
            done = t("staff.user.activated")
        case "sign-out":
            user.sessionEpoch += 1
            done = t("staff.user.signed_out")
        case "reset-two-factor":
            user.totpEnabled = false
            user.totpSecret = nil
            user.recoveryCodes = ""
            user.sessionEpoch += 1
            done = t("staff.user.two_factor_reset")
        case "revoke-token":
            guard let id = UUID(uuidString: request.formLine("token")),
                  let token = try await APIToken.query(on: request.db).filter(\.$id == id).filter(\.$userID == user.requireID()).first() else {
                return try await page(request, user, refusal: t("staff.user.error.token"), status: .notFound)
            }
            token.revokedAt = Date()
            try await request.db.transaction { database in
                try await token.save(on: database)
                try await Audit.record(on: database, actor: admin, action: "user.revoke_token", targetType: "user", targetID: user.email,
                                       after: ["token": token.label])
            }
            request.flash(.success, t("staff.user.token_revoked"))
            return .seeOther(request.localLink(KernelURL.staffUser(try user.requireID().uuidString.lowercased())))
        default:
            return try await page(request, user, refusal: t("grants.transition.unknown"), status: .unprocessableEntity)
        }
        try await request.db.transaction { database in
            try await user.save(on: database)
            try await Audit.record(on: database, actor: admin, action: "user.\(action.replacingOccurrences(of: "-", with: "_"))", targetType: "user",
                                   targetID: user.email, before: before,
                                   after: ["role": user.role.rawValue, "active": String(user.active), "two_factor": String(user.totpEnabled)])
        }
        request.flash(.success, done)
        return .seeOther(request.localLink(KernelURL.staffUser(try user.requireID().uuidString.lowercased())))
    }
}
