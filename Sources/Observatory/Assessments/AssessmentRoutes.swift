// Staff pages of the network's own assessments, under /{locale}/staff/observatory: waves, their services
// and URLs, each researcher's answers with evidence, reconciliation, and the steps to publication.
// Researchers, staff and admins only; every change is audit-logged and asked of the wave's state machine.
import Kernel
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

enum AssessmentRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(ObservatoryURL.assessmentsRoute, use: list)
        site.get(ObservatoryURL.newWaveRoute, use: newForm)
        site.form(ObservatoryURL.newWaveRoute, use: create)
        site.get(ObservatoryURL.waveRoute, use: show)
        site.get(ObservatoryURL.editWaveRoute, use: editForm)
        site.form(ObservatoryURL.editWaveRoute, use: update)
        site.get(ObservatoryURL.waveServicesRoute, use: servicesForm)
        site.form(ObservatoryURL.waveServicesRoute, use: updateServices)
        site.form(ObservatoryURL.copyServicesRoute, use: copyServices)
        site.form(ObservatoryURL.addURLRoute, use: addURL)
        site.form(ObservatoryURL.deleteURLRoute, use: deleteURL)
        site.get(ObservatoryURL.answersRoute, use: answerForm)
        site.form(ObservatoryURL.answersRoute, maxSize: "6mb", maxFields: 2_000, use: saveAnswers)
        site.get(ObservatoryURL.disagreementsRoute, use: disagreements)
        site.form(ObservatoryURL.reconcileRoute, use: reconcile)
        site.form(ObservatoryURL.waveStateRoute, use: changeState)
        site.get(ObservatoryURL.fileRoute, use: file)
    }

    static func context(_ request: Request) -> PageContext { request.pageContext(current: "observatory") }

    static func field(_ request: Request, _ name: String) -> String {
        request.formLine(name)
    }

    /// The page that says why a wave cannot change (409), in the user's language.
    static func refusal(_ request: Request, wave: AssessmentWave, _ refusal: WaveRefusal) -> Response {
        .html(AssessmentPages.refusal(wave: wave, message: AssessmentPages.message(refusal, t: request.t), context: context(request)), status: .conflict)
    }

    static func changed(_ request: Request, wave: AssessmentWave) -> Response {
        .html(AssessmentPages.refusal(wave: wave, message: request.t("assess.refusal.changed"), context: context(request)), status: .conflict)
    }

    /// Answers 409 when the wave's state does not allow `activity`.
    static func guardActivity(_ activity: WaveActivity, _ wave: AssessmentWave, _ request: Request) -> Response? {
        if case .failure(let reason) = WaveStateMachine.check(activity, in: wave.state) { return refusal(request, wave: wave, reason) }
        return nil
    }

    // MARK: list and create

    @Sendable static func list(request: Request) async throws -> Response {
        _ = try request.requireResearcher()
        let waves = try await AssessmentWave.query(on: request.db).sort(\.$startsOn, .descending).sort(\.$name).all()
        return .html(AssessmentPages.list(waves: waves, context: context(request)))
    }

    static func newModel(_ request: Request, input: AssessmentPages.WaveInput, errors: [FieldError]) async throws -> AssessmentPages.WaveFormModel {
        let edition = try await ObservatoryData.latestEdition(on: request.db)
        return AssessmentPages.WaveFormModel(input: input, errors: errors, wave: nil, templateEdition: edition?.name,
                                             templateCountries: try await AssessmentData.templateCountries(edition, on: request.db))
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        _ = try request.requireResearcher()
        var input = AssessmentPages.WaveInput()
        input.methodVersion = AssessmentPages.defaultMethodVersion
        input.templateCountry = "AL"
        return .html(AssessmentPages.waveForm(try await newModel(request, input: input, errors: []), context: context(request)))
    }

    static func decodeWave(_ request: Request) -> AssessmentPages.WaveInput {
        AssessmentPages.WaveInput(
            name: field(request, "name"), country: field(request, "country").uppercased(), level: field(request, "level"),
            municipality: field(request, "municipality"), startsOn: field(request, "starts_on"), endsOn: field(request, "ends_on"),
            methodVersion: field(request, "method_version"), templateCountry: field(request, "template_country").uppercased(),
            lifeEvents: Set(request.formValues("life_events")))
    }

    /// Problems with the wave's details (and, when creating, with the template and life events).
    static func validate(_ input: AssessmentPages.WaveInput, creating: Bool, current: AssessmentWave?, request: Request,
                         templates: [String]) async throws -> [FieldError] {
        let t = request.t
        var errors: [FieldError] = []
        if input.name.isEmpty || input.name.count > 100 {
            errors.append(FieldError(field: "name", message: t("assess.error.name")))
        } else {
            let waves = try await AssessmentWave.query(on: request.db).filter(\.$name == input.name).all().filter { $0.id != current?.id }
            let editions = try await Edition.query(on: request.db).filter(\.$name == input.name).count()
            if !waves.isEmpty || editions > 0 { errors.append(FieldError(field: "name", message: t("assess.error.name_taken"))) }
        }
        if !AssessmentPages.countryChoices.contains(input.country) {
            errors.append(FieldError(field: "country", message: t("assess.error.country")))
        }
        if input.level != "national" && input.level != "municipal" {
            errors.append(FieldError(field: "level", message: t("assess.error.level")))
        } else if input.level == "municipal" && (input.municipality.isEmpty || input.municipality.count > 100) {
            errors.append(FieldError(field: "municipality", message: t("assess.error.municipality")))
        }
        let start = CalendarDate.parse(input.startsOn), end = CalendarDate.parse(input.endsOn)
        if start == nil { errors.append(FieldError(field: "starts_on", message: t("assess.error.date_invalid"))) }
        if end == nil { errors.append(FieldError(field: "ends_on", message: t("assess.error.date_invalid"))) }
        if let start, let end, end < start { errors.append(FieldError(field: "ends_on", message: t("assess.error.date_order"))) }
        if input.methodVersion.isEmpty || input.methodVersion.count > 300 {
            errors.append(FieldError(field: "method_version", message: t("assess.error.method_version")))
        }
        if creating {
            if !templates.contains(input.templateCountry) {
                errors.append(FieldError(field: "template_country", message: t(templates.isEmpty ? "assess.error.no_edition" : "assess.error.template")))
            }
            let known = Set(EGovBenchmark.LifeEvent.allCases.map(\.rawValue))
            if input.lifeEvents.isEmpty || !input.lifeEvents.isSubset(of: known) {
                errors.append(FieldError(field: "life_events[]", message: t("assess.error.life_events")))
            }
        }
        return errors
    }

    struct WaveAudit: Encodable {
        var name: String
        var country: String
        var municipality: String
        var startsOn: String
        var endsOn: String
        var methodVersion: String
        var state: String
        init(_ wave: AssessmentWave) {
            name = wave.name
            country = wave.country
            municipality = wave.municipality
            startsOn = wave.startsOn
            endsOn = wave.endsOn
            methodVersion = wave.methodVersion
            state = wave.state.rawValue
        }
    }

    static func apply(_ input: AssessmentPages.WaveInput, to wave: AssessmentWave) {
        wave.name = input.name
        wave.country = EGovBenchmark.CountryCode(input.country)?.rawValue ?? input.country
        wave.municipality = input.level == "municipal" ? input.municipality : ""
        wave.startsOn = input.startsOn
        wave.endsOn = input.endsOn
        wave.methodVersion = input.methodVersion
    }

    @Sendable static func create(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let input = decodeWave(request)
        let edition = try await ObservatoryData.latestEdition(on: request.db)
        let templates = try await AssessmentData.templateCountries(edition, on: request.db)
        let errors = try await validate(input, creating: true, current: nil, request: request, templates: templates)
        guard errors.isEmpty, let edition else {
            return .html(AssessmentPages.waveForm(try await newModel(request, input: input, errors: errors), context: context(request)),
                         status: .unprocessableEntity)
        }
        let wave = AssessmentWave()
        apply(input, to: wave)
        wave.templateEdition = edition.name
        wave.templateCountry = input.templateCountry
        wave.state = .draft
        wave.createdBy = try user.requireID()
        let copied = try await request.db.transaction { database in
            try await wave.save(on: database)
            let copied = try await AssessmentData.copyServices(into: try wave.requireID(), from: edition, country: input.templateCountry,
                                                               lifeEvents: input.lifeEvents, on: database)
            try await Audit.record(on: database, actor: user, action: "assessment.wave.create", targetType: "assessment_wave",
                                   targetID: wave.id?.uuidString, after: WaveAudit(wave))
            try await Audit.record(on: database, actor: user, action: "assessment.services.copy", targetType: "assessment_wave",
                                   targetID: wave.id?.uuidString,
                                   after: ["template": "\(edition.name) \(input.templateCountry)", "lifeEvents": input.lifeEvents.sorted().joined(separator: " "),
                                           "services": String(copied)])
            return copied
        }
        request.flash(.success, request.t.plural("assess.created", count: copied, ["wave": wave.name]))
        return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
    }

    // MARK: one wave

    static func showResponse(_ request: Request, wave: AssessmentWave, user: User, urlInput: AssessmentPages.URLInput = .init(),
                             errors: [FieldError] = [], stateError: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let snapshot = try await AssessmentData.snapshot(wave, on: request.db)
        var edition: Edition?
        if let id = wave.editionID { edition = try await Edition.find(id, on: request.db) }
        let model = AssessmentPages.WaveModel(snapshot: snapshot, user: user, urlInput: urlInput, errors: errors, stateError: stateError,
                                              publishedEdition: edition)
        return .html(AssessmentPages.wave(model, context: context(request)), status: status)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        return try await showResponse(request, wave: try await AssessmentData.wave(request), user: user)
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        _ = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.editDetails, wave, request) { return refused }
        let input = AssessmentPages.WaveInput(name: wave.name, country: wave.country == "EL" ? "GR" : wave.country,
                                              level: wave.isNational ? "national" : "municipal", municipality: wave.municipality,
                                              startsOn: wave.startsOn, endsOn: wave.endsOn, methodVersion: wave.methodVersion)
        let model = AssessmentPages.WaveFormModel(input: input, errors: [], wave: wave, templateEdition: nil, templateCountries: [])
        return .html(AssessmentPages.waveForm(model, context: context(request)))
    }

    @Sendable static func update(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.editDetails, wave, request) { return refused }
        let input = decodeWave(request)
        let errors = try await validate(input, creating: false, current: wave, request: request, templates: [])
        guard errors.isEmpty else {
            let model = AssessmentPages.WaveFormModel(input: input, errors: errors, wave: wave, templateEdition: nil, templateCountries: [])
            return .html(AssessmentPages.waveForm(model, context: context(request)), status: .unprocessableEntity)
        }
        let before = WaveAudit(wave)
        apply(input, to: wave)
        do {
            try await AssessmentData.write(wave, on: request.db) { database in
                try await wave.save(on: database)
                try await Audit.record(on: database, actor: user, action: "assessment.wave.update", targetType: "assessment_wave",
                                       targetID: wave.id?.uuidString, before: before, after: WaveAudit(wave))
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, request.t("assess.saved_details"))
        return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
    }
}
