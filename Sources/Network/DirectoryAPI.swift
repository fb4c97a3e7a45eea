// /api/v1: the directory as JSON and CSV, and token-authenticated writes.
import Kernel
import Fluent
import Localization
import Vapor

enum DirectoryAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(NetworkURL.apiOrganisations.components, use: list)
        api.get(NetworkURL.apiOrganisationsCSV.components, use: csv)
        api.get(NetworkURL.apiOrganisationRoute.components, use: show)
        api.get(NetworkURL.apiCountries.components, use: countries)
        api.get(NetworkURL.apiFocusAreas.components, use: focusAreas)
        api.grouped(APITokenAuthenticator()).on(.POST, NetworkURL.apiOrganisations.components, body: .collect(maxSize: "64kb"), use: create)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        let query = try DirectoryQuery.strict(request: request)
        let (items, total) = try await query.run(on: request.db)
        let page = PageDTO(items: items.map(OrganisationDTO.init), page: query.page, perPage: query.perPage, total: total)
        return try await page.encodeResponse(for: request)
    }

    @Sendable static func show(request: Request) async throws -> OrganisationDTO {
        let organisation = try await DirectoryRoutes.find(request)
        // Organisations that registered themselves are not open data until staff list them.
        guard organisation.listed else { throw Abort(.notFound) }
        return OrganisationDTO(organisation)
    }

    @Sendable static func csv(request: Request) async throws -> Response {
        let organisations = try await DirectoryQuery.strict(request: request).all(on: request.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"organisations.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: OrganisationCSV.export(organisations)))
    }

    struct CountryDTO: Content {
        var code: String
        var alpha3: String
        var group: String
        var name: String
        package init(code: String, alpha3: String, group: String, name: String) {
            self.code = code
            self.alpha3 = alpha3
            self.group = group
            self.name = name
        }
    }

    @Sendable static func countries(request: Request) async throws -> [CountryDTO] {
        let t = Translator(locale: try apiLocale(request))
        return CountryInfo.all.map { CountryDTO(code: $0.code, alpha3: $0.alpha3, group: $0.group.rawValue, name: t($0.labelKey)) }
    }

    struct FocusAreaDTO: Content {
        var code: String
        var name: String
        package init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    @Sendable static func focusAreas(request: Request) async throws -> [FocusAreaDTO] {
        let t = Translator(locale: try apiLocale(request))
        return FocusArea.allCases.map { FocusAreaDTO(code: $0.rawValue, name: t($0.labelKey)) }
    }

    /// `?locale=` if given (400 when it is not one of ours), else the Accept-Language header.
    static func apiLocale(_ request: Request) throws -> AppLocale {
        if let tag = request.query[String.self, at: "locale"] {
            guard let locale = AppLocale(rawValue: tag) else {
                throw Abort(.badRequest, reason: "locale: must be one of " + AppLocale.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return locale
        }
        return AppLocale.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage))
    }

    struct ValidationErrorDTO: Content {
        struct Item: Content {
            var field: String
            var message: String
            package init(field: String, message: String) {
                self.field = field
                self.message = message
            }
        }
        var error: APIError.Body
        var fields: [Item]
        package init(error: APIError.Body, fields: [Item]) {
            self.error = error
            self.fields = fields
        }
    }

    @Sendable static func create(request: Request) async throws -> Response {
        guard let user = request.currentUser, user.role.isStaff else { throw Abort(.forbidden, reason: "This token may not edit the directory.") }
        guard let body = request.body.data, let json = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) else {
            throw Abort(.badRequest, reason: "The body must be a JSON object with the fields of OrganisationInput.")
        }
        let problems = OrganisationSchema.problems(in: json)
        guard problems.isEmpty else {
            let body = ValidationErrorDTO(error: .init(status: 422, message: "The organisation does not match the OrganisationInput schema."),
                                          fields: problems.map { .init(field: $0.0, message: $0.1) })
            return try await body.encodeResponse(status: .unprocessableEntity, for: request)
        }
        let input = try request.content.decode(OrganisationInput.self)
        let t = Translator(locale: (try? apiLocale(request)) ?? .en)
        switch input.validate() {
        case .failure(let failure):
            let body = ValidationErrorDTO(error: .init(status: 422, message: "The organisation is not valid."),
                                          fields: failure.issues.map { .init(field: $0.field, message: t($0.key, $0.arguments)) })
            let response = try await body.encodeResponse(status: .unprocessableEntity, for: request)
            return response
        case .success(let valid):
            let slug = Slug.make(valid.name)
            if try await Organisation.query(on: request.db).filter(\.$slug == slug).count() > 0 {
                throw Abort(.conflict, reason: "An organisation with this name already exists: \(slug).")
            }
            let organisation = Organisation()
            organisation.slug = slug
            organisation.version = 1
            organisation.apply(valid)
            try await request.db.transaction { database in
                try await organisation.save(on: database)
                try await Audit.record(on: database, actor: user, action: "organisation.create", targetType: "organisation",
                                       targetID: slug, after: OrganisationDTO(organisation))
            }
            let response = try await OrganisationDTO(organisation).encodeResponse(status: .created, for: request)
            response.headers.replaceOrAdd(name: .location, value: NetworkURL.apiOrganisation(slug))
            return response
        }
    }
}

/// Authenticates `Authorization: Bearer <token>` against stored token hashes; 401 without a valid one.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "A bearer token is required.")
        }
        let hash = SecureToken.sha256(bearer.token)
        guard let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == hash).filter(\.$revokedAt == nil).first(),
              let user = try await User.find(token.userID, on: request.db), user.active else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "The bearer token is not valid.")
        }
        request.storage[CurrentUserKey.self] = user
        return try await next.respond(to: request)
    }
    package init() {}
}
