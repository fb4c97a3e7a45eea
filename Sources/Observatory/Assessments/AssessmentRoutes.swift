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
        let staff = site.grouped("staff", "observatory")
        staff.get("", use: list)
        staff.get("waves", "new", use: newForm)
        staff.form("waves", "new", use: create)
        staff.get("waves", ":wave", use: show)
        staff.get("waves", ":wave", "edit", use: editForm)
        staff.form("waves", ":wave", "edit", use: update)
        staff.get("waves", ":wave", "services", use: servicesForm)
        staff.form("waves", ":wave", "services", use: updateServices)
        staff.form("waves", ":wave", "services", "copy", use: copyServices)
        staff.form("waves", ":wave", "urls", use: addURL)
        staff.form("waves", ":wave", "urls", ":url", "delete", use: deleteURL)
        staff.get("waves", ":wave", "urls", ":url", use: answerForm)
        staff.form("waves", ":wave", "urls", ":url", maxSize: "6mb", use: saveAnswers)
        staff.get("waves", ":wave", "disagreements", use: disagreements)
        staff.form("waves", ":wave", "reconcile", use: reconcile)
        staff.form("waves", ":wave", "state", use: changeState)
        staff.get("files", ":sha", use: file)
    }

    static func context(_ request: Request) -> PageContext { request.pageContext(current: "observatory") }

    static func field(_ request: Request, _ name: String) -> String {
        request.formLine(name)
    }

    static func link(_ wave: AssessmentWave, _ rest: String = "") -> String {
        "/staff/observatory/waves/\(wave.id!.uuidString.lowercased())" + rest
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
            lifeEvents: Set((try? request.content.get([String].self, at: "life_events")) ?? []))
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
        return .seeOther(request.localLink(link(wave)))
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
        return .seeOther(request.localLink(link(wave)))
    }

    // MARK: services

    static func servicesResponse(_ request: Request, wave: AssessmentWave, errors: [FieldError] = [],
                                 edits: [UUID: AssessmentPages.ServiceEdit]? = nil, copy: AssessmentPages.WaveInput? = nil,
                                 status: HTTPStatus = .ok) async throws -> Response {
        let snapshot = try await AssessmentData.snapshot(wave, on: request.db)
        let edition = try await ObservatoryData.latestEdition(on: request.db)
        let model = AssessmentPages.ServicesModel(
            wave: wave, services: snapshot.services, errors: errors,
            edits: edits ?? Dictionary(uniqueKeysWithValues: snapshot.services.map {
                ($0.id!, AssessmentPages.ServiceEdit(applicable: $0.applicable, proactive: $0.proactive, level: $0.level))
            }),
            copy: copy ?? AssessmentPages.WaveInput(templateCountry: wave.templateCountry),
            templateEdition: edition?.name, templateCountries: try await AssessmentData.templateCountries(edition, on: request.db))
        return .html(AssessmentPages.services(model, context: context(request)), status: status)
    }

    @Sendable static func servicesForm(request: Request) async throws -> Response {
        _ = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.editServices, wave, request) { return refused }
        return try await servicesResponse(request, wave: wave)
    }

    @Sendable static func updateServices(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.editServices, wave, request) { return refused }
        let services = try await WaveService.query(on: request.db).filter(\.$waveID == wave.requireID()).all()
        let applicable = Set((try? request.content.get([String].self, at: "applicable")) ?? [])
        let proactive = Set((try? request.content.get([String].self, at: "proactive")) ?? [])
        var edits: [UUID: AssessmentPages.ServiceEdit] = [:]
        var errors: [FieldError] = []
        for service in services {
            let id = service.id!.uuidString.lowercased()
            let level = field(request, "level_\(id)")
            let edit = AssessmentPages.ServiceEdit(applicable: applicable.contains(id), proactive: proactive.contains(id), level: level)
            edits[service.id!] = edit
            let known = ["central", "regional", "local"].contains(level)
            if !known && !(level.isEmpty && !edit.applicable) && !(level == "unspecified" && !edit.applicable) {
                errors.append(FieldError(field: "level_\(id)", message: request.t("assess.error.service_level", ["service": service.label])))
            }
        }
        guard errors.isEmpty else { return try await servicesResponse(request, wave: wave, errors: errors, edits: edits, status: .unprocessableEntity) }
        var changes: [String] = []
        var changed: [WaveService] = []
        for service in services {
            let edit = edits[service.id!]!
            let level = edit.level.isEmpty ? "unspecified" : edit.level
            if service.applicable != edit.applicable || service.proactive != edit.proactive || service.level != level {
                changes.append("\(service.lifeEvent) \(service.scope) \(service.number): applicable=\(edit.applicable) proactive=\(edit.proactive) level=\(level)")
                service.applicable = edit.applicable
                service.proactive = edit.proactive
                service.level = level
                changed.append(service)
            }
        }
        let toSave = changed
        let changeList = changes
        do {
            try await AssessmentData.write(wave, on: request.db) { database in
                for service in toSave { try await service.save(on: database) }
                try await Audit.record(on: database, actor: user, action: "assessment.services.update", targetType: "assessment_wave",
                                       targetID: wave.id?.uuidString, after: ["changes": changeList])
            }
        } catch is AssessmentData.WaveChanged {
            return Self.changed(request, wave: wave)
        }
        request.flash(.success, request.t.plural("assess.services_saved", count: changes.count))
        return .seeOther(request.localLink(link(wave)))
    }

    @Sendable static func copyServices(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.copyServices, wave, request) { return refused }
        let input = AssessmentPages.WaveInput(templateCountry: field(request, "template_country").uppercased(),
                                              lifeEvents: Set((try? request.content.get([String].self, at: "life_events")) ?? []))
        let edition = try await ObservatoryData.latestEdition(on: request.db)
        let templates = try await AssessmentData.templateCountries(edition, on: request.db)
        var errors: [FieldError] = []
        if !templates.contains(input.templateCountry) {
            errors.append(FieldError(field: "template_country", message: request.t(templates.isEmpty ? "assess.error.no_edition" : "assess.error.template")))
        }
        if input.lifeEvents.isEmpty || !input.lifeEvents.isSubset(of: Set(EGovBenchmark.LifeEvent.allCases.map(\.rawValue))) {
            errors.append(FieldError(field: "life_events[]", message: request.t("assess.error.life_events")))
        }
        guard errors.isEmpty, let edition else {
            return try await servicesResponse(request, wave: wave, errors: errors, copy: input, status: .unprocessableEntity)
        }
        let copied: Int
        do {
            copied = try await AssessmentData.write(wave, on: request.db) { database in
                let copied = try await AssessmentData.copyServices(into: try wave.requireID(), from: edition, country: input.templateCountry,
                                                                   lifeEvents: input.lifeEvents, on: database)
                try await Audit.record(on: database, actor: user, action: "assessment.services.copy", targetType: "assessment_wave",
                                       targetID: wave.id?.uuidString,
                                       after: ["template": "\(edition.name) \(input.templateCountry)",
                                               "lifeEvents": input.lifeEvents.sorted().joined(separator: " "), "services": String(copied)])
                return copied
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, request.t.plural("assess.services_copied", count: copied))
        return .seeOther(request.localLink(link(wave, "/services")))
    }

    // MARK: URLs

    @Sendable static func addURL(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.editURLs, wave, request) { return refused }
        let input = AssessmentPages.URLInput(service: field(request, "service"), url: field(request, "url"))
        let t = request.t
        var errors: [FieldError] = []
        var service: WaveService?
        if let id = UUID(uuidString: input.service) { service = try await WaveService.find(id, on: request.db) }
        if service == nil || service?.waveID != wave.id { errors.append(FieldError(field: "service", message: t("assess.error.service"))) }
        if !FormText.isWebAddress(input.url, maxLength: 508) || input.url.count > 2_000 {
            errors.append(FieldError(field: "url", message: t("assess.error.url")))
        } else if let service, try await WaveURL.query(on: request.db).filter(\.$serviceID == service.requireID()).filter(\.$url == input.url).count() > 0 {
            errors.append(FieldError(field: "url", message: t("assess.error.url_duplicate")))
        }
        guard errors.isEmpty, let service else {
            return try await showResponse(request, wave: wave, user: user, urlInput: input, errors: errors, status: .unprocessableEntity)
        }
        let serviceID = try service.requireID()
        do {
            try await AssessmentData.write(wave, on: request.db) { database in
                let position = (try await WaveURL.query(on: database).filter(\.$serviceID == serviceID).max(\.$position) ?? 0) + 1
                let url = WaveURL()
                url.waveID = try wave.requireID()
                url.serviceID = serviceID
                url.position = position
                url.url = input.url
                url.addedBy = try user.requireID()
                try await url.save(on: database)
                try await Audit.record(on: database, actor: user, action: "assessment.url.add", targetType: "assessment_url",
                                       targetID: url.id?.uuidString, after: ["wave": wave.name, "service": "\(service.lifeEvent) \(service.scope) \(service.number)", "url": input.url])
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, t("assess.url_added", ["url": input.url]))
        return .seeOther(request.localLink(link(wave) + "#service-\(serviceID.uuidString.lowercased())"))
    }

    static func findURL(_ request: Request, wave: AssessmentWave) async throws -> (WaveURL, WaveService) {
        guard let id = request.parameters.get("url").flatMap(UUID.init(uuidString:)),
              let url = try await WaveURL.find(id, on: request.db), url.waveID == wave.id,
              let service = try await WaveService.find(url.serviceID, on: request.db) else { throw Abort(.notFound) }
        return (url, service)
    }

    @Sendable static func deleteURL(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.editURLs, wave, request) { return refused }
        let (url, _) = try await findURL(request, wave: wave)
        let urlID = try url.requireID()
        guard try await AnswerSheetRecord.query(on: request.db).filter(\.$urlID == urlID).count() == 0 else {
            return .html(AssessmentPages.refusal(wave: wave, message: request.t("assess.refusal.url_answered"), context: context(request)), status: .conflict)
        }
        do {
            try await AssessmentData.write(wave, on: request.db) { database in
                try await url.delete(on: database)
                try await Audit.record(on: database, actor: user, action: "assessment.url.delete", targetType: "assessment_url",
                                       targetID: urlID.uuidString, before: ["wave": wave.name, "url": url.url], after: String?.none)
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, request.t("assess.url_deleted", ["url": url.url]))
        return .seeOther(request.localLink(link(wave)))
    }

    // MARK: answers

    /// What the answer page shows to `user` for a URL: the form, both sheets, or why they may not answer.
    static func answerResponse(_ request: Request, wave: AssessmentWave, url: WaveURL, service: WaveService, user: User,
                               input: Questionnaire.SheetInput? = nil, screenshot: String? = nil, errors: [FieldError] = [],
                               status: HTTPStatus = .ok) async throws -> Response {
        let sheets = try await AnswerSheetRecord.query(on: request.db).filter(\.$urlID == url.requireID()).all()
            .sorted { $0.researcherID.uuidString < $1.researcherID.uuidString }
        let mine = sheets.first { $0.researcherID == user.id }
        var names: [UUID: String] = [:]
        if sheets.count == 2 {
            for researcher in try await User.query(on: request.db).filter(\.$id ~~ sheets.map(\.researcherID)).all() { names[researcher.id!] = researcher.name }
        }
        let choices = try await ReconciledChoice.query(on: request.db).filter(\.$urlID == url.requireID()).all()
        var shownInput = input
        var shownScreenshot = screenshot
        if shownInput == nil {
            if let mine {
                shownInput = Questionnaire.SheetInput(answers: mine.answers, note: mine.note, observedOn: mine.observedOn)
                shownScreenshot = mine.screenshot
            } else {
                shownInput = Questionnaire.SheetInput(observedOn: Translator.isoDate(Date()))
            }
        }
        let model = AssessmentPages.AnswerModel(
            wave: wave, service: service, url: url, input: shownInput!, screenshot: shownScreenshot, errors: errors,
            hasOwnSheet: mine != nil, otherSheets: sheets.count - (mine == nil ? 0 : 1),
            both: sheets.count == 2 ? sheets : [], names: names,
            choices: Dictionary(choices.map { ($0.question, $0.value) }, uniquingKeysWith: { a, _ in a }))
        return .html(AssessmentPages.answers(model, context: context(request)), status: status)
    }

    @Sendable static func answerForm(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        let (url, service) = try await findURL(request, wave: wave)
        return try await answerResponse(request, wave: wave, url: url, service: service, user: user)
    }

    static func decodeSheet(_ request: Request, scope: String) -> Questionnaire.SheetInput {
        var input = Questionnaire.SheetInput()
        for question in Questionnaire.questions(scope: scope) {
            input.answers[question.code] = (try? request.content.get(String.self, at: question.field))?.trimmingCharacters(in: .whitespaces) ?? ""
        }
        input.note = request.formText("note")
        input.observedOn = field(request, "observed_on")
        return input
    }

    struct SheetAudit: Encodable {
        var wave: String
        var url: String
        var answers: [String: String]
        var note: String
        var observedOn: String
        var screenshot: String?
    }

    @Sendable static func saveAnswers(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let userID = try user.requireID()
        let wave = try await AssessmentData.wave(request)
        let (url, service) = try await findURL(request, wave: wave)
        if let refused = guardActivity(.answer, wave, request) { return refused }
        let urlID = try url.requireID()
        let sheets = try await AnswerSheetRecord.query(on: request.db).filter(\.$urlID == urlID).all()
        let mine = sheets.first { $0.researcherID == userID }
        let others = sheets.filter { $0.researcherID != userID }.count
        if mine == nil && others >= 2 {
            return .html(AssessmentPages.refusal(wave: wave, message: request.t("assess.refusal.two_answered"), context: context(request)), status: .conflict)
        }
        if mine != nil && others >= 1 {
            return .html(AssessmentPages.refusal(wave: wave, message: request.t("assess.refusal.sheet_locked"), context: context(request)), status: .conflict)
        }
        let t = request.t
        let input = decodeSheet(request, scope: service.scope)
        let checked = Questionnaire.check(input, scope: service.scope)
        var errors = checked.problems.map { FieldError(field: $0.field, message: t($0.key)) }

        // The screenshot: a new upload, else the one kept from before (unless removed).
        var screenshot: String?
        let kept = field(request, "screenshot_kept")
        if FileStore.isHash(kept), try await EvidenceFile.query(on: request.db).filter(\.$sha256 == kept).count() > 0 { screenshot = kept }
        if field(request, "screenshot_remove") == "1" { screenshot = nil }
        if let upload = try? request.content.get(File.self, at: "screenshot"), upload.data.readableBytes > 0 {
            do {
                screenshot = try await EvidenceStore.store(Array(upload.data.readableBytesView), uploadedBy: userID,
                                                           dataDirectory: request.application.iceda.config.dataDirectory, on: request.db)
            } catch EvidenceStore.Refusal.notAnImage {
                errors.append(FieldError(field: "screenshot", message: t("assess.error.screenshot_type")))
            } catch EvidenceStore.Refusal.tooLarge {
                errors.append(FieldError(field: "screenshot", message: t("assess.error.screenshot_size")))
            }
        }
        guard errors.isEmpty else {
            return try await answerResponse(request, wave: wave, url: url, service: service, user: user, input: input,
                                            screenshot: screenshot, errors: errors, status: .unprocessableEntity)
        }
        let sheet = mine ?? AnswerSheetRecord()
        sheet.waveID = try wave.requireID()
        sheet.urlID = urlID
        sheet.researcherID = userID
        sheet.answers = checked.answers
        sheet.note = input.note
        sheet.observedOn = input.observedOn
        sheet.screenshot = screenshot
        let audit = SheetAudit(wave: wave.name, url: url.url, answers: checked.answers, note: input.note, observedOn: input.observedOn, screenshot: screenshot)
        do {
            try await AssessmentData.write(wave, on: request.db) { database in
                // Checked again inside the claim: a second researcher may have answered meanwhile.
                let now = try await AnswerSheetRecord.query(on: database).filter(\.$urlID == urlID).all()
                let othersNow = now.filter { $0.researcherID != userID }.count
                guard (mine == nil && othersNow < 2) || (mine != nil && othersNow == 0) else { throw AssessmentData.WaveChanged() }
                try await sheet.save(on: database)
                try await Audit.record(on: database, actor: user, action: mine == nil ? "assessment.answers.create" : "assessment.answers.update",
                                       targetType: "assessment_url", targetID: urlID.uuidString, after: audit)
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, t("assess.answers_saved", ["url": url.url]))
        if field(request, "then") == "next" {
            let snapshot = try await AssessmentData.snapshot(wave, on: request.db)
            let answered = Set(snapshot.sheets.filter { $0.researcherID == userID }.map(\.urlID))
            let applicable = Set(snapshot.services.filter(\.applicable).compactMap(\.id))
            if let next = snapshot.urls.first(where: { applicable.contains($0.serviceID) && !answered.contains($0.id!) && snapshot.sheets(of: $0).count < 2 }) {
                return .seeOther(request.localLink(link(wave, "/urls/\(next.id!.uuidString.lowercased())")))
            }
        }
        return .seeOther(request.localLink(link(wave)))
    }

    // MARK: reconciliation

    static func disagreementsResponse(_ request: Request, wave: AssessmentWave, user: User, entered: [String: String]? = nil,
                                      errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let snapshot = try await AssessmentData.snapshot(wave, on: request.db)
        let ids = Array(snapshot.researcherIDs)
        var names: [UUID: String] = [:]
        if !ids.isEmpty { for researcher in try await User.query(on: request.db).filter(\.$id ~~ ids).all() { names[researcher.id!] = researcher.name } }
        var saved: [String: String] = [:]
        for choice in snapshot.choices { saved[AssessmentPages.choiceField(url: choice.urlID, question: choice.question)] = AssessmentPages.choiceToken(choice.value) }
        let model = AssessmentPages.DisagreementsModel(
            wave: wave, items: snapshot.disagreements, names: names, entered: entered ?? saved, errors: errors,
            canReconcile: wave.state == .reconciling && !snapshot.researcherIDs.contains(user.id!))
        return .html(AssessmentPages.disagreements(model, context: context(request)), status: status)
    }

    @Sendable static func disagreements(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        return try await disagreementsResponse(request, wave: try await AssessmentData.wave(request), user: user)
    }

    @Sendable static func reconcile(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let userID = try user.requireID()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.reconcile, wave, request) { return refused }
        let snapshot = try await AssessmentData.snapshot(wave, on: request.db)
        guard !snapshot.researcherIDs.contains(userID) else {
            return .html(AssessmentPages.refusal(wave: wave, message: request.t("assess.refusal.own_answers"), context: context(request)), status: .forbidden)
        }
        var entered: [String: String] = [:]
        var errors: [FieldError] = []
        var chosen: [(url: UUID, question: String, value: String)] = []
        for item in snapshot.disagreements {
            for disagreement in item.disagreements {
                let name = AssessmentPages.choiceField(url: item.url.id!, question: disagreement.question)
                let token = field(request, name)
                entered[name] = token
                if let value = AssessmentPages.choiceValue(token), Reconciliation.choices(for: disagreement).contains(value) {
                    chosen.append((item.url.id!, disagreement.question, value))
                } else {
                    errors.append(FieldError(field: name, message: request.t("assess.error.choice", [
                        "question": disagreement.question, "url": item.url.url,
                    ])))
                }
            }
        }
        guard errors.isEmpty else {
            return try await disagreementsResponse(request, wave: wave, user: user, entered: entered, errors: errors, status: .unprocessableEntity)
        }
        let existing = Dictionary(snapshot.choices.map { ("\($0.urlID)|\($0.question)", $0) }, uniquingKeysWith: { a, _ in a })
        let waveID = try wave.requireID()
        let list = chosen
        do {
            try await AssessmentData.write(wave, on: request.db) { database in
                for item in list {
                    let choice = existing["\(item.url)|\(item.question)"] ?? ReconciledChoice()
                    choice.waveID = waveID
                    choice.urlID = item.url
                    choice.question = item.question
                    choice.value = item.value
                    choice.chosenBy = userID
                    try await choice.save(on: database)
                }
                try await Audit.record(on: database, actor: user, action: "assessment.reconcile", targetType: "assessment_wave", targetID: waveID.uuidString,
                                       after: list.map { ["url": $0.url.uuidString, "question": $0.question, "value": $0.value] })
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, request.t.plural("assess.reconciled", count: list.count))
        return .seeOther(request.localLink(link(wave, "/disagreements")))
    }

    // MARK: state

    @Sendable static func changeState(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        guard let transition = WaveTransition(rawValue: field(request, "action")) else { throw Abort(.badRequest) }
        let snapshot = try await AssessmentData.snapshot(wave, on: request.db)
        let target: WaveState
        switch WaveStateMachine.apply(transition, to: wave.state, readiness: snapshot.readiness) {
        case .failure(.published):
            return refusal(request, wave: wave, .published)
        case .failure(let reason):
            return try await showResponse(request, wave: wave, user: user, stateError: AssessmentPages.message(reason, t: request.t), status: .conflict)
        case .success(let state):
            target = state
        }
        let t = request.t
        if target == .published {
            do {
                _ = try await AssessmentData.publish(wave, by: user, on: request.db)
            } catch AssessmentData.PublishFailure.refused(let reason) {
                return try await showResponse(request, wave: wave, user: user, stateError: AssessmentPages.message(reason, t: t), status: .conflict)
            } catch AssessmentData.PublishFailure.nameTaken {
                return try await showResponse(request, wave: wave, user: user, stateError: t("assess.error.name_taken"), status: .conflict)
            } catch is AssessmentData.WaveChanged {
                return changed(request, wave: wave)
            }
            request.flash(.success, t("assess.published", ["wave": wave.name]))
            return .seeOther(request.localLink(link(wave)))
        }
        let before = wave.state
        do {
            try await AssessmentData.write(wave, newState: target, on: request.db) { database in
                try await Audit.record(on: database, actor: user, action: "assessment.wave.state", targetType: "assessment_wave",
                                       targetID: wave.id?.uuidString, before: ["state": before.rawValue], after: ["state": target.rawValue])
            }
        } catch is AssessmentData.WaveChanged {
            return changed(request, wave: wave)
        }
        request.flash(.success, t("assess.state_changed", ["state": t("assess.state.\(target.rawValue)")]))
        return .seeOther(request.localLink(link(wave)))
    }

    // MARK: evidence files

    @Sendable static func file(request: Request) async throws -> Response {
        _ = try request.requireResearcher()
        guard let sha = request.parameters.get("sha"), FileStore.isHash(sha),
              let record = try await EvidenceFile.query(on: request.db).filter(\.$sha256 == sha).first() else { throw Abort(.notFound) }
        let path = FileStore.path(of: sha, dataDirectory: request.application.iceda.config.dataDirectory)
        guard let data = FileManager.default.contents(atPath: path.path) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: record.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(sha.prefix(12)).\(record.contentType.split(separator: "/").last ?? "img")\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
