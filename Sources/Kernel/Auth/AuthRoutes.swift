// Sign-in (with optional two-factor step), sign-out, password reset, invitations, account security.
import DesignSystem
import Fluent
import Localization
import SQLKit
import Vapor

package enum AuthRoutes {
    package static func register(_ site: RoutesBuilder) {
        site.get(KernelURL.signIn, use: signInForm)
        site.form(KernelURL.signIn, use: signIn)
        site.get(KernelURL.signInTwoFactor, use: twoFactorForm)
        site.form(KernelURL.signInTwoFactor, use: twoFactor)
        site.form(KernelURL.signOut, use: signOut)
        site.form(KernelURL.signOutEverywhere, use: signOutEverywhere)
        site.get(KernelURL.passwordReset, use: resetRequestForm)
        site.form(KernelURL.passwordReset, use: resetRequest)
        site.get(KernelURL.passwordResetToken, use: resetForm)
        site.form(KernelURL.passwordResetToken, use: reset)
        site.get(KernelURL.invitation, use: invitationForm)
        site.form(KernelURL.invitation, use: acceptInvitation)
        site.get(KernelURL.account, use: account)
        site.get(KernelURL.twoFactorSetup, use: twoFactorSetupForm)
        site.form(KernelURL.twoFactorSetup, use: twoFactorSetup)
    }

    package static func field(_ request: Request, _ name: String) -> String { request.formLine(name) }

    /// Only local paths are followed after sign-in, never another site.
    /// Accepted: a path of this site in one of our locales, `/{locale}` or `/{locale}/…`, made of visible ASCII only
    /// (no control characters, spaces, backslashes or percent-encoded ones such as `%09`), never `//`.
    package static func safeNext(_ value: String?, locale: AppLocale) -> String {
        let fallback = "/\(locale.rawValue)/account"
        guard let value, value.unicodeScalars.count <= 2_000,
              value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              !value.contains("//") else { return fallback }
        // Decoding must not reveal anything the check above refuses (a browser would follow `%09` as a tab).
        guard let decoded = value.removingPercentEncoding, decoded == value || (
            decoded.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) && !decoded.contains("//")) else { return fallback }
        let segments = value.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 2, segments[0].isEmpty, AppLocale(rawValue: String(segments[1].prefix { $0 != "?" && $0 != "#" })) != nil else {
            return fallback
        }
        return value
    }

    // MARK: sign in

    @Sendable package static func signInForm(request: Request) async throws -> Response {
        if request.currentUser != nil { return .seeOther(request.localLink(KernelURL.account)) }
        _ = request.csrfToken()
        let next = request.query[String.self, at: "next"]
        return .html(AuthPages.signIn(request.pageContext(), email: "", next: next, errors: []))
    }

    @Sendable package static func signIn(request: Request) async throws -> Response {
        let t = request.t
        let email = EmailAddress.normalised(field(request, "email"))
        let password = (request.formFields.first("password") ?? "")
        let next = request.formFields.first("next").flatMap { $0.isEmpty ? nil : $0 }
        func again(_ errors: [FieldError], status: HTTPStatus) -> Response {
            .html(AuthPages.signIn(request.pageContext(), email: email, next: next, errors: errors), status: status)
        }
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(FieldError(field: "email", message: t("auth.error.email_required"))) }
        else if !EmailAddress.isValid(email) { errors.append(FieldError(field: "email", message: t("auth.error.email_invalid"))) }
        if password.isEmpty { errors.append(FieldError(field: "password", message: t("auth.error.password_required"))) }
        guard errors.isEmpty else { return again(errors, status: .unprocessableEntity) }

        guard try await SignInThrottle.admit(.password, key: email, request: request) else {
            return again([FieldError(field: "email", message: t("auth.error.throttled"))], status: .tooManyRequests)
        }
        let user = try await User.query(on: request.db).filter(\.$email == email).first()
        // Verify against a dummy hash when there is no such user, so timing does not reveal accounts.
        let hash = user?.passwordHash ?? request.application.iceda.dummyPasswordHash
        let matches = (try? await request.password.async.verify(password, created: hash)) ?? false
        guard let user, user.active, matches else {
            return again([FieldError(field: "email", message: t("auth.error.wrong_credentials"))], status: .unprocessableEntity)
        }
        try await SignInThrottle.clear(.password, key: email, on: request.db)
        if user.totpEnabled {
            try beginSecondFactor(request, user: user, next: next)
            return .seeOther(request.localLink(KernelURL.signInTwoFactor))
        }
        try await startSession(request, user: user)
        return .seeOther(safeNext(next, locale: request.appLocale))
    }

    /// How long the second step of a sign-in waits for its code.
    package static let secondFactorWindow: TimeInterval = 5 * 60

    /// Remembers, in the visitor's session, who passed the password step and when; the code must follow in time.
    package static func beginSecondFactor(_ request: Request, user: User, next: String?) throws {
        request.session.data["pending_uid"] = try user.requireID().uuidString
        request.session.data["pending_at"] = String(Int(Date().timeIntervalSince1970))
        request.session.data["pending_next"] = next
    }

    /// The person waiting for their second step, if the step has not expired.
    private static func pendingSecondFactor(_ request: Request) async throws -> User? {
        guard request.hasSession, let raw = request.session.data["pending_uid"], let id = UUID(uuidString: raw),
              let at = request.session.data["pending_at"].flatMap(Int.init),
              Date().timeIntervalSince1970 - Double(at) <= secondFactorWindow else {
            if request.hasSession { request.session.data["pending_uid"] = nil }
            return nil
        }
        guard let user = try await User.find(id, on: request.db), user.active, user.totpEnabled, user.totpSecret != nil else { return nil }
        return user
    }

    /// Signs the user in on a fresh session id (against session fixation). A person whose role needs two-factor
    /// and who has not set it up is told by when.
    package static func startSession(_ request: Request, user: User) async throws {
        defer {
            if let due = user.twoFactorDue(graceDays: request.application.iceda.config.twoFactorGraceDays), due > Date() {
                request.flash(.warning, request.t("auth.two_factor_due", ["date": request.t.date(due)]))
            }
        }
        if let old = request.session.id {
            request.application.sessionCache.remove(old.string)
            try await SessionRecord.query(on: request.db).filter(\.$key == old).delete()
        }
        let csrf = SecureToken.make(bytes: 24)
        request.session.id = nil
        request.session.data = SessionData()
        request.session.data["uid"] = try user.requireID().uuidString
        request.session.data["epoch"] = String(user.sessionEpoch)
        request.session.data["csrf"] = csrf
        request.storage[CurrentUserKey.self] = user
        try await Audit.record(on: request.db, actor: user, action: "user.sign_in", targetType: "user", targetID: user.email,
                               after: ["address": SignInThrottle.address(of: request)])
    }

    @Sendable package static func twoFactorForm(request: Request) async throws -> Response {
        guard try await pendingSecondFactor(request) != nil else {
            if request.hasSession, request.session.data["pending_at"] != nil {
                request.session.data["pending_at"] = nil
                request.flash(.warning, request.t("auth.error.second_step_expired"))
            }
            return .seeOther(request.localLink(KernelURL.signIn))
        }
        return .html(AuthPages.twoFactor(request.pageContext(), errors: []))
    }

    /// The second step: a TOTP code (each accepted once: its time step is remembered) or a recovery code. Failed codes
    /// are counted on their own, per account; a right password does not clear them.
    @Sendable package static func twoFactor(request: Request) async throws -> Response {
        let t = request.t
        guard let user = try await pendingSecondFactor(request), let secret = user.totpSecret else {
            if request.hasSession, request.session.data["pending_at"] != nil {
                request.session.data["pending_at"] = nil
                request.flash(.warning, t("auth.error.second_step_expired"))
            }
            return .seeOther(request.localLink(KernelURL.signIn))
        }
        guard try await SignInThrottle.admit(.secondFactor, key: user.email, request: request) else {
            return .html(AuthPages.twoFactor(request.pageContext(), errors: [FieldError(field: "code", message: t("auth.error.throttled"))]), status: .tooManyRequests)
        }
        let code = field(request, "code")
        var accepted = false
        if let step = TwoFactor.matchingStep(code: code, secret: secret) {
            accepted = try await claimStep(step, of: user, on: request.db)
        } else if let remaining = TwoFactor.consumeRecoveryCode(code, stored: user.recoveryCodes) {
            user.recoveryCodes = remaining
            try await user.save(on: request.db)
            accepted = true
        }
        guard accepted else {
            return .html(AuthPages.twoFactor(request.pageContext(), errors: [FieldError(field: "code", message: t("auth.error.code_wrong"))]), status: .unprocessableEntity)
        }
        try await SignInThrottle.clear(.secondFactor, key: user.email, on: request.db)
        let next = request.session.data["pending_next"]
        try await startSession(request, user: user)
        return .seeOther(safeNext(next, locale: request.appLocale))
    }

    /// Records `step` as the person's last used time step, in one statement that succeeds only when it is later than
    /// the one recorded: of two sign-ins with the same code, one wins.
    package static func claimStep(_ step: Int64, of user: User, on database: Database) async throws -> Bool {
        guard let sql = database as? SQLDatabase else { return false }
        let rows = try await sql.raw("""
            UPDATE users SET totp_last_step = \(bind: step)
            WHERE id = \(bind: try user.requireID()) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
            RETURNING id
            """).all()
        if !rows.isEmpty { user.totpLastStep = step }
        return !rows.isEmpty
    }

    @Sendable package static func signOut(request: Request) async throws -> Response {
        request.session.destroy()
        return .seeOther(request.localLink(KernelURL.home))
    }

    @Sendable package static func signOutEverywhere(request: Request) async throws -> Response {
        let user = try request.requireUser()
        user.sessionEpoch += 1
        try await user.save(on: request.db)
        try await Audit.record(on: request.db, actor: user, action: "user.sign_out_everywhere", targetType: "user", targetID: user.email, after: String?.none)
        request.session.destroy()
        return .seeOther(request.localLink(KernelURL.home))
    }

    // MARK: password reset and invitations

    @Sendable package static func resetRequestForm(request: Request) async throws -> Response {
        _ = request.csrfToken()
        return .html(AuthPages.resetRequest(request.pageContext(), email: "", errors: []))
    }

    @Sendable package static func resetRequest(request: Request) async throws -> Response {
        let t = request.t
        let email = EmailAddress.normalised(field(request, "email"))
        guard EmailAddress.isValid(email) else {
            let errors = [FieldError(field: "email", message: t(email.isEmpty ? "auth.error.email_required" : "auth.error.email_invalid"))]
            return .html(AuthPages.resetRequest(request.pageContext(), email: email, errors: errors), status: .unprocessableEntity)
        }
        if let user = try await User.query(on: request.db).filter(\.$email == email).filter(\.$active == true).first() {
            let token = try await OneTimeLinks.issue(for: user, purpose: .passwordReset, lifetime: 3600, on: request.db)
            let locale = AppLocale(tag: user.preferredLocale) ?? request.appLocale
            let userT = Translator(locale: locale)
            let link = KernelURL.passwordResetLink(baseURL: request.application.iceda.config.baseURL, locale: locale, token: token)
            try await Outbox.enqueue(on: request.db, to: user.email, subject: userT("mail.reset.subject"),
                                     body: userT("mail.reset.body", ["name": user.name, "link": link]), locale: locale)
        }
        // The same answer whether or not the address has an account.
        return .html(AuthPages.message(request.pageContext(), title: t("auth.reset_title"), body: t("auth.reset_sent")))
    }

    @Sendable package static func resetForm(request: Request) async throws -> Response {
        guard try await OneTimeLinks.find(request.parameters.get("token") ?? "", purpose: .passwordReset, on: request.db) != nil else {
            return .html(AuthPages.message(request.pageContext(), title: request.t("auth.link_invalid_title"), body: request.t("auth.link_invalid")), status: .notFound)
        }
        _ = request.csrfToken()
        return .html(AuthPages.setPassword(request.pageContext(), title: request.t("auth.reset_title"), action: request.url.path, errors: []))
    }

    @Sendable package static func reset(request: Request) async throws -> Response {
        try await completeLink(request, purpose: .passwordReset, title: request.t("auth.reset_title"))
    }

    @Sendable package static func invitationForm(request: Request) async throws -> Response {
        guard try await OneTimeLinks.find(request.parameters.get("token") ?? "", purpose: .invitation, on: request.db) != nil else {
            return .html(AuthPages.message(request.pageContext(), title: request.t("auth.link_invalid_title"), body: request.t("auth.link_invalid")), status: .notFound)
        }
        _ = request.csrfToken()
        return .html(AuthPages.setPassword(request.pageContext(), title: request.t("auth.invitation_title"), action: request.url.path, errors: []))
    }

    @Sendable package static func acceptInvitation(request: Request) async throws -> Response {
        try await completeLink(request, purpose: .invitation, title: request.t("auth.invitation_title"))
    }

    /// Sets a new password through a one-time link, then signs the person in.
    package static func completeLink(_ request: Request, purpose: OneTimeLink.Purpose, title: String) async throws -> Response {
        let t = request.t
        guard let link = try await OneTimeLinks.find(request.parameters.get("token") ?? "", purpose: purpose, on: request.db),
              let user = try await User.find(link.userID, on: request.db) else {
            return .html(AuthPages.message(request.pageContext(), title: t("auth.link_invalid_title"), body: t("auth.link_invalid")), status: .notFound)
        }
        let password = (request.formFields.first("password") ?? "")
        let confirm = (request.formFields.first("confirm") ?? "")
        var errors: [FieldError] = []
        if password.count < PasswordPolicy.minimumLength {
            errors.append(FieldError(field: "password", message: t("auth.error.password_short", ["min": String(PasswordPolicy.minimumLength)])))
        } else if PasswordPolicy.isTooLong(password) {
            errors.append(FieldError(field: "password", message: t("auth.error.password_long")))
        }
        if password != confirm { errors.append(FieldError(field: "confirm", message: t("auth.error.password_mismatch"))) }
        guard errors.isEmpty else {
            return .html(AuthPages.setPassword(request.pageContext(), title: title, action: request.url.path, errors: errors), status: .unprocessableEntity)
        }
        user.passwordHash = try await request.password.async.hash(password)
        user.active = true
        user.sessionEpoch += 1
        link.usedAt = Date()
        try await request.db.transaction { database in
            try await user.save(on: database)
            try await link.save(on: database)
            try await Audit.record(on: database, actor: user, action: purpose == .invitation ? "user.accept_invitation" : "user.reset_password",
                                   targetType: "user", targetID: user.email, after: String?.none)
            // A new password lifts the lockout that the forgotten one caused (not the second factor's).
            try await SignInThrottle.clear(.password, key: user.email, on: database)
        }
        request.flash(.success, t("auth.password_set"))
        // A reset proves the mailbox, not the second factor: a person who has one still gives a code.
        if user.totpEnabled {
            try beginSecondFactor(request, user: user, next: request.localLink(KernelURL.account))
            return .seeOther(request.localLink(KernelURL.signInTwoFactor))
        }
        try await startSession(request, user: user)
        return .seeOther(request.localLink(KernelURL.account))
    }

    // MARK: account

    @Sendable package static func account(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let context = request.pageContext()
        var work: [WorkItem] = []
        for feature in request.application.features { work += try await feature.work(request, user: user, context: context) }
        return .html(AuthPages.account(context, user: user, work: work))
    }

    @Sendable package static func twoFactorSetupForm(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let secret = request.session.data["totp_pending"] ?? TwoFactor.newSecret()
        request.session.data["totp_pending"] = secret
        return .html(AuthPages.twoFactorSetup(request.pageContext(), secret: secret, uri: TwoFactor.provisioningURI(secret: secret, account: user.email), errors: []))
    }

    @Sendable package static func twoFactorSetup(request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let secret = request.session.data["totp_pending"] else { return .seeOther(request.localLink(KernelURL.twoFactorSetup)) }
        guard let step = TwoFactor.matchingStep(code: field(request, "code"), secret: secret) else {
            let errors = [FieldError(field: "code", message: request.t("auth.error.code_wrong"))]
            return .html(AuthPages.twoFactorSetup(request.pageContext(), secret: secret, uri: TwoFactor.provisioningURI(secret: secret, account: user.email),
                                                  errors: errors), status: .unprocessableEntity)
        }
        let codes = TwoFactor.newRecoveryCodes()
        user.totpSecret = secret
        user.totpEnabled = true
        user.totpLastStep = step // the code that turned it on does not also sign in
        user.recoveryCodes = TwoFactor.hashRecoveryCodes(codes)
        try await user.save(on: request.db)
        try await Audit.record(on: request.db, actor: user, action: "user.enable_two_factor", targetType: "user", targetID: user.email, after: String?.none)
        request.session.data["totp_pending"] = nil
        return .html(AuthPages.recoveryCodes(request.pageContext(), codes: codes))
    }
}

/// One-time links: only the token's hash is stored; a link works once and until it expires.
package enum OneTimeLinks {
    package static func issue(for user: User, purpose: OneTimeLink.Purpose, lifetime: TimeInterval, on database: Database) async throws -> String {
        let token = SecureToken.make(bytes: 32)
        try await OneTimeLink(userID: user.requireID(), purpose: purpose, tokenHash: SecureToken.sha256(token),
                              expiresAt: Date().addingTimeInterval(lifetime)).save(on: database)
        return token
    }

    package static func find(_ token: String, purpose: OneTimeLink.Purpose, on database: Database) async throws -> OneTimeLink? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        return try await OneTimeLink.query(on: database)
            .filter(\.$tokenHash == SecureToken.sha256(token)).filter(\.$purpose == purpose)
            .filter(\.$usedAt == nil).filter(\.$expiresAt > Date()).first()
    }
}
