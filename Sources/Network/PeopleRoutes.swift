// Staff manage an organisation's contact people (kept only with consent) and the users who may edit it.
import Kernel
import Methods
import DesignSystem
import Fluent
import Localization
import Vapor

/// What a contact person agreed to.
enum ConsentScope: String, CaseIterable {
    /// Staff may contact the person; nothing is shown publicly.
    case contact
    /// Name and position appear on the organisation's public profile.
    case publicListing = "public-listing"
}

enum PeopleRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(NetworkURL.peopleRoute, use: page)
        site.form(NetworkURL.peopleRoute, use: addPerson)
        site.form(NetworkURL.withdrawPersonRoute, use: withdraw)
        site.form(NetworkURL.inviteEditorRoute, use: inviteEditor)
        site.form(NetworkURL.removeEditorRoute, use: removeEditor)
        site.form(NetworkURL.addMembershipRoute, use: addMembership)
    }

    struct PersonForm {
        var name = ""
        var email = ""
        var position = ""
        var scope = ConsentScope.contact.rawValue
        var consent = false
    }

    static func render(_ request: Request, organisation: Organisation, form: PersonForm = PersonForm(), errors: [FieldError] = [],
                       editorEmail: String = "", editorName: String = "", editorErrors: [FieldError] = [],
                       membership: (network: String, joined: String, left: String) = ("ICEDA", "", ""), membershipErrors: [FieldError] = [],
                       status: HTTPStatus = .ok) async throws -> Response {
        let context = request.pageContext(current: "staff")
        let t = context.t
        let people = try await Person.query(on: request.db).filter(\.$organisationID == organisation.requireID()).filter(\.$consentWithdrawnAt == nil).sort(\.$name).all()
        let roles = try await OrganisationRole.query(on: request.db).filter(\.$organisationID == organisation.requireID()).all()
        let editors = try await roles.isEmpty ? [] : User.query(on: request.db).filter(\.$id ~~ roles.map(\.userID)).sort(\.$email).all()
        let base = context.link(NetworkURL.people(organisation.slug))
        let memberships = try await Membership.query(on: request.db).filter(\.$organisationID == organisation.requireID()).sort(\.$joinedOn).all()
        let title = t("people.title", ["name": organisation.name])
        let html = Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("directory.title"), href: context.link(NetworkURL.directory())),
            Crumb(organisation.name, href: context.link(NetworkURL.organisation(organisation.slug))), Crumb(t("people.short_title")),
        ]) {
            Forms.errorSummary(errors + editorErrors + membershipErrors, t: t)
            el("h1") { title }
            el("h2") { t("people.contacts") }
            el("p") { t("people.contacts_intro") }
            if people.isEmpty {
                el("p") { t("people.none") }
            } else {
                Tables.table(caption: t("people.contacts"), columns: [Column(t("people.name")), Column(t("people.position")), Column(t("auth.email")),
                                                                      Column(t("people.consent")), Column(t("people.actions"))],
                             rows: people.map { person in
                                 [.text(person.name), .text(person.position), .text(person.email),
                                  .text(t("people.scope.\(person.consentScope)") + " — " + t.date(person.consentGivenAt)),
                                  el("form", Attribute("method", "post"), Attribute("action", context.link(NetworkURL.withdrawPerson(organisation.slug, person.id!.uuidString.lowercased())))) {
                                      Forms.csrf(context.csrfToken)
                                      el("button", .type("submit"), .class("link-button")) { t("people.withdraw") }
                                  }]
                             }, sort: nil, link: { _ in "" }, t: t)
            }
            el("h3") { t("people.add") }
            el("form", Attribute("method", "post"), Attribute("action", base), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "name", label: t("people.name"), value: form.name, errors: errors, t: t)
                Forms.text(name: "position", label: t("people.position"), value: form.position, errors: errors, t: t)
                Forms.text(name: "email", label: t("auth.email"), value: form.email, errors: errors, type: "email", t: t)
                Forms.select(name: "scope", label: t("people.consent_scope"), choices: ConsentScope.allCases.map { Choice(value: $0.rawValue, label: t("people.scope.\($0.rawValue)")) },
                             selected: form.scope, errors: errors, t: t)
                Forms.checkboxes(name: "consent", legend: t("people.consent"), choices: [Choice(value: "yes", label: t("people.consent_given"))],
                                 selected: form.consent ? ["yes"] : [], hint: t("people.consent_hint"), errors: errors, t: t)
                Forms.submit(t("people.add"))
            }
            el("h2") { t("membership.title") }
            if memberships.isEmpty {
                el("p") { t("membership.none") }
            } else {
                el("ul") {
                    for item in memberships {
                        el("li") {
                            if let left = item.leftOn {
                                t("org.member_from_to", ["network": item.network, "from": t.date(item.joinedOn), "to": t.date(left)])
                            } else {
                                t("org.member_since", ["network": item.network, "from": t.date(item.joinedOn)])
                            }
                        }
                    }
                }
            }
            el("form", Attribute("method", "post"), Attribute("action", context.link(NetworkURL.addMembership(organisation.slug))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "network", label: t("membership.network"), value: membership.network, errors: membershipErrors, t: t)
                Forms.text(name: "joined_on", label: t("membership.joined_on"), value: membership.joined, hint: t("membership.date_hint"),
                           errors: membershipErrors, type: "date", width: "short", t: t)
                Forms.text(name: "left_on", label: t("membership.left_on"), value: membership.left, hint: t("membership.left_hint"),
                           errors: membershipErrors, type: "date", width: "short", t: t)
                Forms.submit(t("membership.add"))
            }
            el("h2") { t("people.editors") }
            el("p") { t("people.editors_intro") }
            if !editors.isEmpty {
                el("ul") {
                    for editor in editors {
                        el("li") {
                            editor.name + " <" + editor.email + ">" + (editor.active ? "" : " — " + t("people.invited")) + " "
                            el("form", Attribute("method", "post"), .class("inline"),
                               Attribute("action", context.link(NetworkURL.removeEditor(organisation.slug, editor.id?.uuidString.lowercased() ?? "")))) {
                                Forms.csrf(context.csrfToken)
                                Forms.submit(t("people.remove_editor", ["name": editor.name]), secondary: true)
                            }
                        }
                    }
                }
            }
            el("form", Attribute("method", "post"), Attribute("action", context.link(NetworkURL.inviteEditor(organisation.slug))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "editor_email", label: t("auth.email"), value: editorEmail, errors: editorErrors, type: "email", t: t)
                Forms.text(name: "editor_name", label: t("people.name"), value: editorName, errors: editorErrors, t: t)
                Forms.submit(t("staff.invite_send"))
            }
        }
        return .html(html, status: status)
    }

    /// Staff take a person's roles in this organisation away (they leave it, or should never have been added):
    /// they can no longer edit it or apply for it. Their account stays; the admin's user page deactivates it.
    @Sendable static func removeEditor(request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let organisation = try await DirectoryRoutes.find(request)
        guard let raw = request.parameters.get("user"), let id = UUID(uuidString: raw), let user = try await User.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let roles = try await OrganisationRole.query(on: request.db).filter(\.$organisationID == organisation.requireID()).filter(\.$userID == id).all()
        guard !roles.isEmpty else { throw Abort(.notFound) }
        try await request.db.transaction { database in
            for role in roles { try await role.delete(on: database) }
            try await Audit.record(on: database, actor: staff, action: "organisation.remove_editor", targetType: "organisation",
                                   targetID: organisation.slug, before: ["email": user.email, "roles": roles.map(\.role.rawValue).sorted().joined(separator: " ")],
                                   after: String?.none)
        }
        request.flash(.success, request.t("people.editor_removed", ["email": user.email]))
        return .seeOther(request.localLink(NetworkURL.people(organisation.slug)))
    }

    @Sendable static func page(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        return try await render(request, organisation: try await DirectoryRoutes.find(request))
    }

    @Sendable static func addPerson(request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let organisation = try await DirectoryRoutes.find(request)
        let t = request.t
        var form = PersonForm()
        form.name = request.formLine("name")
        form.position = request.formLine("position")
        form.email = EmailAddress.normalised(AuthRoutes.field(request, "email"))
        form.scope = AuthRoutes.field(request, "scope")
        form.consent = (request.formValues("consent")).contains("yes")
        var errors: [FieldError] = []
        if form.name.isEmpty || form.name.count > 200 { errors.append(FieldError(field: "name", message: t("staff.error.name_required"))) }
        if form.position.count > 200 { errors.append(FieldError(field: "position", message: t("org.error.too_long", ["max": "200"]))) }
        if !form.email.isEmpty, !EmailAddress.isValid(form.email) { errors.append(FieldError(field: "email", message: t("auth.error.email_invalid"))) }
        if ConsentScope(rawValue: form.scope) == nil { errors.append(FieldError(field: "scope", message: t("people.error.scope"))) }
        if !form.consent { errors.append(FieldError(field: "consent", message: t("people.error.consent"))) }
        guard errors.isEmpty else {
            return try await render(request, organisation: organisation, form: form, errors: errors, status: .unprocessableEntity)
        }
        let person = Person()
        person.organisationID = try organisation.requireID()
        person.name = form.name
        person.email = form.email
        person.position = form.position
        person.consentScope = form.scope
        person.consentGivenAt = Date()
        let scope = form.scope
        try await request.db.transaction { database in
            try await person.save(on: database)
            try await Audit.record(on: database, actor: staff, action: "person.add", targetType: "organisation", targetID: organisation.slug,
                                   after: ["consent": scope])
        }
        request.flash(.success, t("people.added", ["name": form.name]))
        return .seeOther(request.localLink(NetworkURL.people(organisation.slug)))
    }

    /// Withdrawal of consent erases the person's data; the audit log keeps only that it happened.
    @Sendable static func withdraw(request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let organisation = try await DirectoryRoutes.find(request)
        guard let id = request.parameters.get("person").flatMap(UUID.init(uuidString:)),
              let person = try await Person.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == organisation.requireID()).first() else {
            throw Abort(.notFound)
        }
        try await request.db.transaction { database in
            try await person.delete(on: database)
            try await Audit.record(on: database, actor: staff, action: "person.consent_withdrawn", targetType: "organisation",
                                   targetID: organisation.slug, after: String?.none)
        }
        request.flash(.success, request.t("people.withdrawn"))
        return .seeOther(request.localLink(NetworkURL.people(organisation.slug)))
    }

    @Sendable static func inviteEditor(request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let organisation = try await DirectoryRoutes.find(request)
        let t = request.t
        let email = EmailAddress.normalised(AuthRoutes.field(request, "editor_email"))
        let name = request.formLine("editor_name")
        var errors: [FieldError] = []
        if !EmailAddress.isValid(email) { errors.append(FieldError(field: "editor_email", message: t(email.isEmpty ? "auth.error.email_required" : "auth.error.email_invalid"))) }
        if name.isEmpty || name.count > 200 { errors.append(FieldError(field: "editor_name", message: t("staff.error.name_required"))) }
        guard errors.isEmpty else {
            return try await render(request, organisation: organisation, editorEmail: email, editorName: name, editorErrors: errors, status: .unprocessableEntity)
        }
        try await request.db.transaction { database in
            let user: User
            if let existing = try await User.query(on: database).filter(\.$email == email).first() {
                user = existing
            } else {
                user = User(email: email, name: name, passwordHash: nil, role: .member, preferredLocale: request.appLocale.rawValue)
                user.active = false
                try await user.save(on: database)
                let token = try await OneTimeLinks.issue(for: user, purpose: .invitation, lifetime: 7 * 24 * 3600, on: database)
                let link = KernelURL.invitationLink(baseURL: request.application.iceda.config.baseURL, locale: request.appLocale, token: token)
                try await Outbox.enqueue(on: database, to: email, subject: t("mail.invitation.subject"),
                                         body: t("mail.invitation.body", ["name": name, "inviter": staff.name, "link": link]), locale: request.appLocale)
            }
            let already = try await OrganisationRole.query(on: database).filter(\.$userID == user.requireID())
                .filter(\.$organisationID == organisation.requireID()).filter(\.$role == .member).count()
            if already == 0 {
                try await OrganisationRole(userID: user.requireID(), organisationID: organisation.requireID(), role: .member).save(on: database)
            }
            try await Audit.record(on: database, actor: staff, action: "organisation.add_editor", targetType: "organisation",
                                   targetID: organisation.slug, after: ["user": email])
        }
        request.flash(.success, t("people.editor_added", ["email": email]))
        return .seeOther(request.localLink(NetworkURL.people(organisation.slug)))
    }
}

extension PeopleRoutes {
    @Sendable static func addMembership(request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let organisation = try await DirectoryRoutes.find(request)
        let t = request.t
        let network = request.formLine("network")
        let joinedText = AuthRoutes.field(request, "joined_on"), leftText = AuthRoutes.field(request, "left_on")
        var errors: [FieldError] = []
        if network.isEmpty || network.count > 100 { errors.append(FieldError(field: "network", message: t("membership.error.network"))) }
        let joined = CalendarDate.parse(joinedText)
        if joined == nil { errors.append(FieldError(field: "joined_on", message: t("membership.error.date"))) }
        var left: Date?
        if !leftText.isEmpty {
            left = CalendarDate.parse(leftText)
            if left == nil { errors.append(FieldError(field: "left_on", message: t("membership.error.date"))) }
            else if let joined, left! < joined { errors.append(FieldError(field: "left_on", message: t("membership.error.order"))) }
        }
        let leftOn = left
        guard errors.isEmpty, let joined else {
            return try await render(request, organisation: organisation, membership: (network, joinedText, leftText), membershipErrors: errors,
                                    status: .unprocessableEntity)
        }
        try await request.db.transaction { database in
            try await Membership(organisationID: organisation.requireID(), network: network, joinedOn: joined, leftOn: leftOn).save(on: database)
            try await Audit.record(on: database, actor: staff, action: "organisation.add_membership", targetType: "organisation",
                                   targetID: organisation.slug, after: ["network": network, "joined": joinedText, "left": leftText])
        }
        request.flash(.success, t("membership.added"))
        return .seeOther(request.localLink(NetworkURL.people(organisation.slug)))
    }
}
