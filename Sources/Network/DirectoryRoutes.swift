// Public directory pages and the staff pages that edit and import organisations.
import Kernel
import DesignSystem
import Fluent
import Localization
import SQLKit
import Vapor

enum DirectoryRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(NetworkURL.directoryRoute, use: list)
        site.get(NetworkURL.organisationRoute, use: show)
        site.get(NetworkURL.newOrganisationRoute, use: newForm)
        site.form(NetworkURL.newOrganisationRoute, use: create)
        site.get(NetworkURL.editOrganisationRoute, use: editForm)
        site.form(NetworkURL.editOrganisationRoute, use: update)
        site.get(NetworkURL.importRoute, use: importForm)
        site.form(NetworkURL.importRoute, maxSize: "10mb", use: importFile)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        let query = DirectoryQuery(request: request)
        let (items, total) = try await query.run(on: request.db)
        let page = DirectoryPage.render(.init(query: query, items: items, total: total), context: request.pageContext(current: "directory"))
        return .html(page)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let organisation = try await find(request)
        let memberships = try await Membership.query(on: request.db).filter(\.$organisationID == organisation.requireID()).sort(\.$joinedOn).all()
        let contacts = try await Person.query(on: request.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$consentScope == ConsentScope.publicListing.rawValue).filter(\.$consentWithdrawnAt == nil).sort(\.$name).all()
        let canEdit = try await OrganisationAccess.canEdit(request.currentUser, organisation, on: request.db)
        // Not yet listed: only its own members and staff see it.
        guard organisation.listed || canEdit else { throw Abort(.notFound) }
        let page = OrganisationPage.render(.init(organisation: organisation, memberships: memberships, contacts: contacts),
                                           context: request.pageContext(current: "directory"), canEdit: canEdit,
                                           isStaff: request.currentUser?.role.isStaff == true)
        return .html(page)
    }

    static func find(_ request: Request) async throws -> Organisation {
        guard let slug = request.parameters.get("slug"),
              let organisation = try await Organisation.query(on: request.db).filter(\.$slug == slug).first() else {
            throw Abort(.notFound)
        }
        return organisation
    }

    // MARK: staff

    @Sendable static func newForm(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        return .html(OrganisationFormPage.render(.init(input: OrganisationInput(), errors: [], slug: nil, version: 0), context: request.pageContext(current: "staff")))
    }

    @Sendable static func create(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let input = OrganisationForm.decode(request)
        switch input.validate() {
        case .failure(let failure):
            return formError(request, input: input, failure: failure, slug: nil, version: 0)
        case .success(let valid):
            let organisation = Organisation()
            organisation.slug = try await uniqueSlug(Slug.make(valid.name), on: request.db)
            organisation.version = 1
            organisation.apply(valid)
            try await request.db.transaction { database in
                try await organisation.save(on: database)
                try await Audit.record(on: database, actor: user, action: "organisation.create", targetType: "organisation",
                                       targetID: organisation.slug, after: OrganisationDTO(organisation))
            }
            request.flash(.success, request.t("org.created", ["name": organisation.name]))
            return .seeOther(request.localLink(NetworkURL.organisation(organisation.slug)))
        }
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        let organisation = try await find(request)
        let user = try await OrganisationAccess.requireEditor(request, organisation)
        let input = OrganisationInput(
            name: organisation.name, kind: organisation.kind.rawValue, country: organisation.countryCode,
            municipality: organisation.municipality, website: organisation.website, email: organisation.email,
            focusAreas: organisation.focusAreas.map(\.rawValue), description: organisation.summary.values)
        return .html(OrganisationFormPage.render(.init(input: input, errors: [], slug: organisation.slug, version: organisation.version,
                                                       identityLocked: !user.role.isStaff),
                                                 context: request.pageContext(current: "staff")))
    }

    @Sendable static func update(request: Request) async throws -> Response {
        let organisation = try await find(request)
        let user = try await OrganisationAccess.requireEditor(request, organisation)
        var input = OrganisationForm.decode(request)
        // Members and focal points keep the organisation's identity as staff recorded it, whatever the form says.
        let locked = !user.role.isStaff
        if locked {
            input.name = organisation.name
            input.kind = organisation.kind.rawValue
            input.country = organisation.countryCode
        }
        let sentVersion = request.formVersion()
        guard sentVersion == organisation.version else {
            let failure = ValidationFailure(issues: [OrganisationInput.Issue("name", "org.error.edited_meanwhile")])
            return formError(request, input: input, failure: failure, slug: organisation.slug, version: sentVersion, status: .conflict, identityLocked: locked)
        }
        switch input.validate() {
        case .failure(let failure):
            return formError(request, input: input, failure: failure, slug: organisation.slug, version: organisation.version, identityLocked: locked)
        case .success(let valid):
            let before = OrganisationDTO(organisation)
            organisation.apply(valid)
            // The version check and the write are one statement, so two editors cannot both win.
            organisation.version = sentVersion + 1
            let updated: Bool
            do {
                updated = try await VersionClaim.write(Organisation.schema, id: organisation.requireID(), expectedVersion: sentVersion, on: request.db) { database in
                    try await organisation.save(on: database)
                    try await Audit.record(on: database, actor: user, action: "organisation.update", targetType: "organisation",
                                           targetID: organisation.slug, before: before, after: OrganisationDTO(organisation))
                    return true
                }
            } catch is RecordChanged {
                updated = false
            }
            guard updated else {
                let failure = ValidationFailure(issues: [OrganisationInput.Issue("name", "org.error.edited_meanwhile")])
                return formError(request, input: input, failure: failure, slug: organisation.slug, version: sentVersion, status: .conflict,
                                 identityLocked: locked)
            }
            request.flash(.success, request.t("org.saved", ["name": organisation.name]))
            return .seeOther(request.localLink(NetworkURL.organisation(organisation.slug)))
        }
    }

    static func formError(_ request: Request, input: OrganisationInput, failure: ValidationFailure, slug: String?, version: Int,
                          status: HTTPStatus = .unprocessableEntity, identityLocked: Bool = false) -> Response {
        let t = request.t
        let errors = failure.issues.map { issue in
            FieldError(field: issue.field == "focus_areas" ? "focus_areas[]" : issue.field, message: t(issue.key, issue.arguments))
        }
        return .html(OrganisationFormPage.render(.init(input: input, errors: errors, slug: slug, version: version, identityLocked: identityLocked),
                                                 context: request.pageContext(current: "staff")), status: status)
    }

    static func uniqueSlug(_ base: String, on database: Database) async throws -> String {
        var candidate = base
        var counter = 2
        while try await Organisation.query(on: database).filter(\.$slug == candidate).count() > 0 {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    // MARK: import

    @Sendable static func importForm(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        return .html(ImportPage.render(.init(), context: request.pageContext(current: "staff")))
    }

    @Sendable static func importFile(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let t = request.t
        guard let upload = try? request.content.get(File.self, at: "file"), upload.data.readableBytes > 0 else {
            let model = ImportPage.Model(errors: [t("import.error.no_file")])
            return .html(ImportPage.render(model, context: request.pageContext(current: "staff")), status: .unprocessableEntity)
        }
        // Shown in the page, the flash and the audit log: no control or bidirectional characters (U+202E), at most 200.
        let cleaned = String(FormText.line((upload.filename as NSString).lastPathComponent).prefix(200))
        let fileName = cleaned.isEmpty ? "upload.csv" : cleaned
        let bytes = Array(upload.data.readableBytesView)
        switch OrganisationCSV.parse(bytes, fileName: fileName, t: t) {
        case .failure(let failure):
            let model = ImportPage.Model(errors: failure.errors, fileName: fileName)
            return .html(ImportPage.render(model, context: request.pageContext(current: "staff")), status: .unprocessableEntity)
        case .success(let rows):
            let result = try await OrganisationCSV.save(rows, on: request.db)
            try await Audit.record(on: request.db, actor: user, action: "organisation.import", targetType: "organisation", targetID: nil,
                                   after: ["file": fileName, "rows": String(rows.count), "created": String(result.created), "updated": String(result.updated)])
            request.flash(.success, t("import.done", ["created": t.integer(result.created), "updated": t.integer(result.updated), "file": fileName]))
            return .seeOther(request.localLink(NetworkURL.directory()))
        }
    }
}

/// Reads the organisation form's fields; missing fields read as empty so the form can be shown again.
enum OrganisationForm {
    static func decode(_ request: Request) -> OrganisationInput {
        func field(_ name: String) -> String { (request.formFields.first(name) ?? "") }
        var description: [String: String] = [:]
        for locale in AppLocale.allCases {
            let text = field("description_\(locale.rawValue)")
            if !text.isEmpty { description[locale.rawValue] = text }
        }
        let areas = request.formValues("focus_areas")
        return OrganisationInput(name: field("name"), kind: field("kind"), country: field("country"), municipality: field("municipality"),
                                 website: field("website"), email: field("email"), focusAreas: areas, description: description)
    }
}
