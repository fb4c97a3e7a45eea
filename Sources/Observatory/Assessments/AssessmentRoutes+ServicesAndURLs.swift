// AssessmentRoutes: a wave's services and assessed URLs.
import Kernel
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

extension AssessmentRoutes {
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
        let applicable = Set(request.formValues("applicable"))
        let proactive = Set(request.formValues("proactive"))
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
        return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
    }

    @Sendable static func copyServices(request: Request) async throws -> Response {
        let user = try request.requireResearcher()
        let wave = try await AssessmentData.wave(request)
        if let refused = guardActivity(.copyServices, wave, request) { return refused }
        let input = AssessmentPages.WaveInput(templateCountry: field(request, "template_country").uppercased(),
                                              lifeEvents: Set(request.formValues("life_events")))
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
        return .seeOther(request.localLink(ObservatoryURL.waveServices(wave.id!.uuidString.lowercased())))
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
        return .seeOther(request.localLink(ObservatoryURL.waveService(wave.id!.uuidString.lowercased(), serviceID.uuidString.lowercased())))
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
        return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
    }
}
