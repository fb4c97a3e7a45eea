// The dialogue's pages: the public tracker, a recommendation with its history and the forms of those who may act
// on it, an institution's scorecard, the focal point's inbox, media coverage, consultations and meetings, the
// Atom feed and the API.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Network
import Observatory
import Vapor

enum DialogueRoutes {
    static func register(site: RoutesBuilder, api: RoutesBuilder) {
        site.get(DialogueURL.trackerRoute, use: tracker)
        site.get(DialogueURL.newRoute, use: newForm)
        site.form(DialogueURL.newRoute, use: create)
        site.get(DialogueURL.recommendationRoute, use: recommendation)
        site.form(DialogueURL.changeRoute, use: change)
        site.form(DialogueURL.evidenceRoute, use: addEvidence)
        site.get(DialogueURL.institutionRoute, use: institution)
        site.get(DialogueURL.inboxRoute, use: inbox)
        site.get(DialogueURL.mediaRoute, use: media)
        site.form(DialogueURL.mediaRoute, use: addMedia)
        site.get(DialogueURL.recordsRoute, use: records)
        site.form(DialogueURL.recordsRoute, use: addRecord)
        site.get(DialogueURL.feedRoute, use: feed)
        api.get(DialogueURL.apiRecommendationsRoute, use: apiList)
        api.get(DialogueURL.apiCSVRoute, use: apiCSV)
    }

    static func today() -> CalendarDate { CalendarDate(utc: Date()) }

    @Sendable static func tracker(request: Request) async throws -> Response {
        let query = TrackerQuery(request)
        let (items, total) = try await DialogueData.tracker(query, on: request.db)
        let addressees = try await DialogueData.addressees(of: items, on: request.db)
        let institutions = try await DialogueData.addressedInstitutions(on: request.db)
        return .html(DialoguePages.tracker(items, total: total, query: query, addressees: addressees, institutions: institutions,
                                           context: request.pageContext(current: "dialogue")))
    }

    static func find(_ request: Request) async throws -> Recommendation {
        guard let recommendation = try await DialogueData.recommendation(code: request.parameters.get("code") ?? "", on: request.db) else { throw Abort(.notFound) }
        return recommendation
    }

    struct ChangeInput {
        var event = ""
        var day = ""
        var source = "platform"
        var note = ""
    }

    @Sendable static func recommendation(request: Request) async throws -> Response {
        let recommendation = try await find(request)
        return try await render(request, recommendation, change: ChangeInput(day: today().iso), errors: [])
    }

    static func render(_ request: Request, _ recommendation: Recommendation, change: ChangeInput, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let acting = try await DialogueData.role(of: request.currentUser, on: recommendation, on: request.db)
        // A draft is seen only by its authors and staff.
        if recommendation.lifecycleState == .draft && !(acting?.role == .staff || acting?.role == .member) { throw Abort(.notFound) }
        let addressees = try await DialogueData.addressees(of: [recommendation], on: request.db)[recommendation.id!] ?? []
        let evidence = try await DialogueData.evidence(of: recommendation, on: request.db)
        let history = try await DialogueData.history(of: recommendation, on: request.db)
        let events = acting.map { RecommendationLifecycle.events(in: recommendation.lifecycleState, for: $0.role) } ?? []
        return .html(DialoguePages.recommendation(recommendation, addressees: addressees, evidence: evidence, history: history, events: events,
                                                  isStaff: acting?.role == .staff, change: change, errors: errors,
                                                  context: request.pageContext(current: "dialogue")), status: status)
    }

    /// A status change: allowed by the state machine for the acting role, at the version the form was rendered
    /// from (two people acting at once: the second gets a 409 and keeps what they typed).
    @Sendable static func change(request: Request) async throws -> Response {
        let recommendation = try await find(request)
        let user = try request.requireUser()
        let t = request.t
        guard let acting = try await DialogueData.role(of: user, on: recommendation, on: request.db) else { throw Abort(.forbidden) }
        let input = ChangeInput(event: request.formLine("event"), day: String(request.formLine("day").prefix(10)),
                                source: request.formLine("source"), note: String(request.formText("note").prefix(20_000)))
        var errors: [FieldError] = []
        let event = RecommendationEvent(rawValue: input.event)
        let day = CalendarDate(iso: input.day).flatMap { (2000...2100).contains($0.year) && $0 <= today().adding(days: 1) ? $0 : nil }
        if day == nil { errors.append(FieldError(field: "day", message: t("dialogue.error.day"))) }
        if !DialogueVocabulary.sources.contains(input.source) { errors.append(FieldError(field: "source", message: t("dialogue.error.source"))) }
        if acting.role == .focalPoint && input.source != "platform" { errors.append(FieldError(field: "source", message: t("dialogue.error.source"))) }
        if let day, event != .publish, let published = CalendarDate(iso: recommendation.publishedOn), day < published {
            errors.append(FieldError(field: "day", message: t("dialogue.error.before_publication", ["date": published.iso])))
        }
        if event == .answer && input.note.isEmpty { errors.append(FieldError(field: "note", message: t("dialogue.error.answer_text"))) }
        var next: RecommendationState?
        if let event {
            switch RecommendationLifecycle.apply(event, to: recommendation.lifecycleState, by: acting.role) {
            case .success(let state): next = state
            case .failure(let refusal):
                errors.append(FieldError(field: "event", message: t(refusal.key, ["state": t("dialogue.state.\(recommendation.state)"), "event": t("dialogue.event.\(event.rawValue)")])))
            }
        } else {
            errors.append(FieldError(field: "event", message: t("dialogue.error.event")))
        }
        guard errors.isEmpty, let event, let next, let day else {
            return try await render(request, recommendation, change: input, errors: errors, status: .unprocessableEntity)
        }
        let from = recommendation.state
        let version = request.formVersion()
        let id = try recommendation.requireID()
        let language = request.appLocale.rawValue
        do {
            try await VersionClaim.write(Recommendation.schema, id: id, expectedVersion: version, on: request.db) { database in
                guard let fresh = try await Recommendation.find(id, on: database), fresh.state == from else { throw RecordChanged() }
                fresh.state = next.rawValue
                if event == .publish { fresh.publishedOn = day.iso }
                if next.isAnswered && fresh.answeredOn.isEmpty { fresh.answeredOn = day.iso }
                try await fresh.save(on: database)
                let change = RecommendationChange()
                change.recommendationID = id
                change.fromState = from
                change.toState = next.rawValue
                change.event = event.rawValue
                change.day = day.iso
                change.source = input.source
                change.note = input.note
                change.language = language
                change.userID = user.id
                change.organisationID = acting.institution
                try await change.save(on: database)
            }
        } catch is RecordChanged {
            let fresh = try await find(request)
            return try await render(request, fresh, change: input, errors: [FieldError(field: "event", message: t("dialogue.error.changed"))], status: .conflict)
        }
        request.flash(.success, t("dialogue.changed", ["state": t("dialogue.state.\(next.rawValue)")]))
        return .seeOther(request.localLink(DialogueURL.recommendation(recommendation.code)))
    }

    @Sendable static func addEvidence(request: Request) async throws -> Response {
        let recommendation = try await find(request)
        let user = try request.requireUser()
        let t = request.t
        guard let acting = try await DialogueData.role(of: user, on: recommendation, on: request.db), acting.role != .focalPoint else { throw Abort(.forbidden) }
        let kind = request.formLine("kind")
        let item = RecommendationEvidence()
        item.recommendationID = try recommendation.requireID()
        item.kind = kind
        item.edition = String(request.formLine("edition").prefix(40))
        item.country = String(request.formLine("country").prefix(2))
        item.reference = String(request.formLine("reference").prefix(60))
        item.url = String(request.formLine("url").prefix(1_000))
        item.label = String(request.formLine("label").prefix(300))
        item.position = try await RecommendationEvidence.query(on: request.db).filter(\.$recommendationID == recommendation.requireID()).count()
        var problem: String?
        switch kind {
        case "benchmark-score":
            let parts = item.reference.split(separator: "/").map(String.init)
            let value = parts.count == 2 ? try await ObservatoryFiguresLookup.score(item, parts, on: request.db) : nil
            if value == nil { problem = t("dialogue.error.evidence_missing", ["reference": "\(item.edition) \(item.country) \(item.reference)"]) }
        case "service-score":
            if try await ObservatoryFiguresLookup.service(item, on: request.db) == nil {
                problem = t("dialogue.error.evidence_missing", ["reference": "\(item.edition) \(item.country) \(item.reference)"])
            }
        case "document":
            if !FormText.isWebAddress(item.url) || item.label.isEmpty { problem = t("dialogue.error.document") }
        default:
            problem = t("dialogue.error.evidence_kind")
        }
        if let problem {
            request.flash(.warning, problem)
            return .seeOther(request.localLink(DialogueURL.recommendation(recommendation.code)))
        }
        try await item.save(on: request.db)
        request.flash(.success, t("dialogue.evidence_added"))
        return .seeOther(request.localLink(DialogueURL.recommendation(recommendation.code)))
    }

    // MARK: drafting

    struct DraftInput {
        var title = ""
        var text = ""
        var country = ""
        var level = "national"
        var area = ""
        var addressees: Set<String> = []
        var services = ""
        var authors: Set<String> = []
        var grantReference = ""
        var issuedOn = ""
        var responseDue = ""
    }

    /// The organisations the user may write for: staff any network organisation, members their own.
    static func authorChoices(_ user: User, on database: Database) async throws -> [Organisation] {
        if user.role.isStaff {
            return try await Organisation.query(on: database).filter(\.$kind ~~ [.cso, .partner, .media]).sort(\.$name).all()
        }
        let ids = try await OrganisationRole.query(on: database).filter(\.$userID == user.requireID()).all().map(\.organisationID)
        guard !ids.isEmpty else { return [] }
        return try await Organisation.query(on: database).filter(\.$id ~~ ids).filter(\.$kind != .publicInstitution).sort(\.$name).all()
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let authors = try await authorChoices(user, on: request.db)
        guard !authors.isEmpty else { throw Abort(.forbidden) }
        var input = DraftInput()
        input.issuedOn = today().iso
        input.responseDue = today().adding(days: 30).iso
        if authors.count == 1 { input.authors = [authors[0].slug] }
        let institutions = try await Organisation.query(on: request.db).filter(\.$kind == .publicInstitution).sort(\.$countryCode).sort(\.$name).all()
        return .html(DialoguePages.draftForm(input, authors: authors, institutions: institutions, errors: [], context: request.pageContext(current: "dialogue")))
    }

    @Sendable static func create(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let t = request.t
        let authors = try await authorChoices(user, on: request.db)
        guard !authors.isEmpty else { throw Abort(.forbidden) }
        let institutions = try await Organisation.query(on: request.db).filter(\.$kind == .publicInstitution).sort(\.$countryCode).sort(\.$name).all()
        func set(_ name: String) -> Set<String> { Set((request.formValues(name)).prefix(30).map { String(FormText.line($0).prefix(100)) }) }
        var input = DraftInput()
        input.title = String(request.formLine("title").prefix(300))
        input.text = String(request.formText("text").prefix(20_000))
        input.country = String(request.formLine("country").prefix(2))
        input.level = request.formLine("level")
        input.area = request.formLine("area")
        input.addressees = set("addressees")
        input.services = String(request.formLine("services").prefix(200))
        input.authors = set("authors")
        input.grantReference = String(request.formLine("grant_reference").prefix(60))
        input.issuedOn = String(request.formLine("issued_on").prefix(10))
        input.responseDue = String(request.formLine("response_due").prefix(10))
        var errors: [FieldError] = []
        if input.title.isEmpty { errors.append(FieldError(field: "title", message: t("dialogue.error.title"))) }
        if input.text.isEmpty { errors.append(FieldError(field: "text", message: t("dialogue.error.text"))) }
        if !DialogueVocabulary.countries.contains(input.country) { errors.append(FieldError(field: "country", message: t("dialogue.error.country"))) }
        if !DialogueVocabulary.levels.contains(input.level) { errors.append(FieldError(field: "level", message: t("dialogue.error.level"))) }
        if !DialogueVocabulary.areas.contains(input.area) { errors.append(FieldError(field: "area", message: t("dialogue.error.area"))) }
        let addressed = institutions.filter { input.addressees.contains($0.slug) }
        if addressed.isEmpty { errors.append(FieldError(field: "addressees[]", message: t("dialogue.error.addressees"))) }
        let writing = authors.filter { input.authors.contains($0.slug) }
        if writing.isEmpty { errors.append(FieldError(field: "authors[]", message: t("dialogue.error.authors"))) }
        let services = input.services.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init).filter { !$0.isEmpty }
        if services.contains(where: { !$0.allSatisfy { $0.isNumber || $0 == "." } || $0.count > 8 }) {
            errors.append(FieldError(field: "services", message: t("dialogue.error.services")))
        }
        let issued = CalendarDate(iso: input.issuedOn).flatMap { (2000...2100).contains($0.year) ? $0 : nil }
        if issued == nil { errors.append(FieldError(field: "issued_on", message: t("dialogue.error.day"))) }
        let due = CalendarDate(iso: input.responseDue).flatMap { (2000...2100).contains($0.year) ? $0 : nil }
        if due == nil || (issued.map { due! < $0 } ?? false) { errors.append(FieldError(field: "response_due", message: t("dialogue.error.due"))) }
        guard errors.isEmpty, let issued, let due else {
            return .html(DialoguePages.draftForm(input, authors: authors, institutions: institutions, errors: errors, context: request.pageContext(current: "dialogue")),
                         status: .unprocessableEntity)
        }
        let locale = request.appLocale == .srCyrl ? AppLocale.srLatn : request.appLocale
        let recommendation = Recommendation()
        recommendation.version = 0
        recommendation.title = LocalizedText([locale: input.title])
        recommendation.text = LocalizedText([locale: input.text])
        recommendation.country = input.country
        recommendation.level = input.level
        recommendation.area = input.area
        recommendation.services = services.isEmpty ? "" : ";" + services.joined(separator: ";") + ";"
        recommendation.authors = ";" + writing.map(\.slug).joined(separator: ";") + ";"
        recommendation.grantReference = input.grantReference
        recommendation.issuedOn = issued.iso
        recommendation.responseDue = due.iso
        recommendation.state = RecommendationState.draft.rawValue
        recommendation.publishedOn = ""
        recommendation.answeredOn = ""
        recommendation.year = issued.year
        recommendation.remindedOn = ""
        recommendation.createdBy = user.id
        // Two drafts saved at the same moment may compute the same code: the unique index refuses the second, which
        // then takes the next number.
        for attempt in 1...5 {
            do {
                try await request.db.transaction { database in
                    recommendation.id = nil
                    recommendation.code = try await nextCode(year: issued.year, on: database)
                    try await recommendation.create(on: database)
                    for institution in addressed {
                        try await RecommendationAddressee(recommendationID: recommendation.requireID(), organisationID: institution.requireID()).save(on: database)
                    }
                }
                break
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 5 {
                continue
            }
        }
        request.flash(.success, t("dialogue.drafted", ["code": recommendation.code]))
        return .seeOther(request.localLink(DialogueURL.recommendation(recommendation.code)))
    }

    /// `REC-<year>-<n>`, one more than the year's highest (read by the year column: text ranges over codes would
    /// depend on the database's collation).
    static func nextCode(year: Int, on database: Database) async throws -> String {
        let prefix = "REC-\(year)-"
        let codes = try await Recommendation.query(on: database).filter(\.$year == year).all().map(\.code)
        let highest = codes.filter { $0.hasPrefix(prefix) }.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
        return prefix + String(format: "%03d", highest + 1)
    }

    // MARK: institutions, inbox

    @Sendable static func institution(request: Request) async throws -> Response {
        guard let slug = request.parameters.get("slug"), slug.count <= 100,
              let organisation = try await Organisation.query(on: request.db).filter(\.$slug == slug).filter(\.$kind == .publicInstitution).first() else {
            throw Abort(.notFound)
        }
        let (card, recommendations) = try await DialogueData.scorecard(of: organisation, today: today(), on: request.db)
        return .html(DialoguePages.institution(organisation, card: card, recommendations: recommendations, context: request.pageContext(current: "dialogue")))
    }

    /// What is addressed to the focal point's institutions and waits for them.
    @Sendable static func inbox(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let roles = try await OrganisationRole.query(on: request.db).filter(\.$userID == user.requireID()).all()
        let institutions = try await Organisation.query(on: request.db).filter(\.$id ~~ roles.map(\.organisationID)).filter(\.$kind == .publicInstitution).all()
        var waiting: [Recommendation] = []
        if !institutions.isEmpty {
            let ids = try await RecommendationAddressee.query(on: request.db).filter(\.$organisationID ~~ institutions.compactMap(\.id)).all().map(\.recommendationID)
            if !ids.isEmpty {
                waiting = try await Recommendation.query(on: request.db).filter(\.$id ~~ ids)
                    .filter(\.$state ~~ [RecommendationState.published.rawValue, RecommendationState.acknowledged.rawValue, RecommendationState.answered.rawValue,
                                         RecommendationState.accepted.rawValue, RecommendationState.partlyAccepted.rawValue])
                    .sort(\.$responseDue).all()
            }
        }
        return .html(DialoguePages.inbox(waiting, institutions: institutions, context: request.pageContext(current: "dialogue")))
    }

    // MARK: media, consultations and meetings

    @Sendable static func media(request: Request) async throws -> Response {
        let items = try await MediaItem.query(on: request.db).sort(\.$day, .descending).limit(200).all()
        return .html(DialoguePages.media(items, isStaff: request.currentUser?.role.isStaff == true, errors: [], context: request.pageContext(current: "dialogue")))
    }

    @Sendable static func addMedia(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let t = request.t
        let item = MediaItem()
        item.outlet = String(request.formLine("outlet").prefix(200))
        item.country = String(request.formLine("country").prefix(2))
        item.day = String(request.formLine("day").prefix(10))
        item.url = String(request.formLine("url").prefix(1_000))
        item.language = String(request.formLine("language").prefix(10))
        item.topic = String(request.formLine("topic").prefix(300))
        item.recommendationCode = String(request.formLine("recommendation").prefix(40))
        item.grantReference = String(request.formLine("grant_reference").prefix(60))
        var errors: [FieldError] = []
        if item.outlet.isEmpty { errors.append(FieldError(field: "outlet", message: t("dialogue.error.outlet"))) }
        if !DialogueVocabulary.countries.contains(item.country) { errors.append(FieldError(field: "country", message: t("dialogue.error.country"))) }
        if CalendarDate(iso: item.day).map({ !(2000...2100).contains($0.year) }) ?? true { errors.append(FieldError(field: "day", message: t("dialogue.error.day"))) }
        if !FormText.isWebAddress(item.url) { errors.append(FieldError(field: "url", message: t("dialogue.error.url"))) }
        if !item.recommendationCode.isEmpty, try await DialogueData.recommendation(code: item.recommendationCode, on: request.db) == nil {
            errors.append(FieldError(field: "recommendation", message: t("dialogue.error.unknown_recommendation", ["code": item.recommendationCode])))
        }
        item.outletID = try await Organisation.query(on: request.db).filter(\.$name == item.outlet).filter(\.$kind == .media).first()?.id
        guard errors.isEmpty else {
            let items = try await MediaItem.query(on: request.db).sort(\.$day, .descending).limit(200).all()
            return .html(DialoguePages.media(items, isStaff: true, errors: errors, draft: item, context: request.pageContext(current: "dialogue")), status: .unprocessableEntity)
        }
        try await item.save(on: request.db)
        request.flash(.success, t("dialogue.media_added"))
        return .seeOther(request.localLink(DialogueURL.media()))
    }

    @Sendable static func records(request: Request) async throws -> Response {
        let isStaff = request.currentUser?.role.isStaff == true
        var query = DialogueRecord.query(on: request.db).sort(\.$day, .descending)
        if !isStaff { query = query.filter(\.$isPublic == true) }
        return .html(DialoguePages.records(try await query.limit(200).all(), isStaff: isStaff, errors: [], context: request.pageContext(current: "dialogue")))
    }

    @Sendable static func addRecord(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let t = request.t
        let record = DialogueRecord()
        record.kind = request.formLine("kind")
        record.title = String(request.formLine("title").prefix(300))
        record.day = String(request.formLine("day").prefix(10))
        record.until = String(request.formLine("until").prefix(10))
        record.country = String(request.formLine("country").prefix(2))
        record.link = String(request.formLine("link").prefix(1_000))
        record.participants = String(request.formText("participants").prefix(2_000))
        record.summary = String(request.formText("summary").prefix(20_000))
        record.outcome = String(request.formText("outcome").prefix(5_000))
        let codes = request.formLine("recommendations").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init).prefix(20)
        record.recommendations = codes.isEmpty ? "" : ";" + codes.joined(separator: ";") + ";"
        record.isPublic = request.formLine("public") == "1"
        var errors: [FieldError] = []
        if !["consultation", "meeting"].contains(record.kind) { errors.append(FieldError(field: "kind", message: t("dialogue.error.kind"))) }
        if record.title.isEmpty { errors.append(FieldError(field: "title", message: t("dialogue.error.title"))) }
        if CalendarDate(iso: record.day).map({ !(2000...2100).contains($0.year) }) ?? true { errors.append(FieldError(field: "day", message: t("dialogue.error.day"))) }
        if !record.until.isEmpty, (CalendarDate(iso: record.until).map { day in CalendarDate(iso: record.day).map { day < $0 } ?? true } ?? true) {
            errors.append(FieldError(field: "until", message: t("dialogue.error.due")))
        }
        if !DialogueVocabulary.countries.contains(record.country) { errors.append(FieldError(field: "country", message: t("dialogue.error.country"))) }
        if !record.link.isEmpty && !FormText.isWebAddress(record.link) { errors.append(FieldError(field: "link", message: t("dialogue.error.url"))) }
        for code in codes where try await DialogueData.recommendation(code: code, on: request.db) == nil {
            errors.append(FieldError(field: "recommendations", message: t("dialogue.error.unknown_recommendation", ["code": String(code.prefix(40))])))
        }
        guard errors.isEmpty else {
            let all = try await DialogueRecord.query(on: request.db).sort(\.$day, .descending).limit(200).all()
            return .html(DialoguePages.records(all, isStaff: true, errors: errors, draft: record, context: request.pageContext(current: "dialogue")), status: .unprocessableEntity)
        }
        try await record.save(on: request.db)
        request.flash(.success, t("dialogue.record_added"))
        return .seeOther(request.localLink(DialogueURL.records()))
    }

    // MARK: feed and API

    @Sendable static func feed(request: Request) async throws -> Response {
        let items = try await Recommendation.query(on: request.db).filter(\.$state != RecommendationState.draft.rawValue)
            .sort(\.$issuedOn, .descending).limit(50).all()
        let base = request.application.iceda.config.baseURL
        let locale = request.appLocale
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n" + #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "  <title>\(escape(request.t("dialogue.feed_title")))</title>\n"
        xml += #"  <link href="\#(escape(base + request.localLink(DialogueURL.tracker())))"/>"# + "\n"
        xml += "  <id>\(escape(base + request.localLink(DialogueURL.feed())))</id>\n"
        xml += "  <updated>\(items.first.map { $0.issuedOn + "T00:00:00Z" } ?? "2020-01-01T00:00:00Z")</updated>\n"
        for item in items {
            let link = base + request.localLink(DialogueURL.recommendation(item.code))
            xml += "  <entry>\n"
            xml += "    <title>\(escape(item.code + " " + (item.title.resolve(for: locale)?.text ?? "")))</title>\n"
            xml += #"    <link href="\#(escape(link))"/>"# + "\n"
            xml += "    <id>\(escape(link))</id>\n"
            xml += "    <updated>\(item.issuedOn)T00:00:00Z</updated>\n"
            xml += "    <summary>\(escape(request.t("dialogue.state.\(item.state)")))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/atom+xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    struct RecommendationDTO: Content {
        var code: String
        var title: String
        var country: String
        var level: String
        var area: String
        var state: String
        var issuedOn: String
        var responseDue: String
        var publishedOn: String?
        var answeredOn: String?
        var addressees: [String]
        var authors: [String]
        var services: [String]
    }

    static func dto(_ item: Recommendation, addressees: [Organisation]) -> RecommendationDTO {
        RecommendationDTO(code: item.code, title: item.title.resolve(for: .en)?.text ?? "", country: item.country, level: item.level, area: item.area,
                          state: item.state, issuedOn: item.issuedOn, responseDue: item.responseDue,
                          publishedOn: item.publishedOn.isEmpty ? nil : item.publishedOn, answeredOn: item.answeredOn.isEmpty ? nil : item.answeredOn,
                          addressees: addressees.map(\.slug), authors: item.authorList, services: item.serviceList)
    }

    /// The API refuses what its OpenAPI document does not allow (400 naming the parameter); pages are lenient.
    static func checkStrictly(_ request: Request) throws {
        var problems: [String] = []
        func text(_ name: String) -> String? { try? request.query.get(String.self, at: name) }
        if let country = text("country"), !(country.unicodeScalars.count == 2 && country.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }) {
            problems.append("country: an ISO 3166-1 alpha-2 code in capitals")
        }
        if let level = text("level"), !DialogueVocabulary.levels.contains(level) { problems.append("level: national or local") }
        if let country = text("country"), country.unicodeScalars.count == 2, !DialogueVocabulary.countries.contains(country) {
            problems.append("country: one of " + DialogueVocabulary.countries.joined(separator: ", "))
        }
        if let area = text("area"), !DialogueVocabulary.areas.contains(area) { problems.append("area: one of " + DialogueVocabulary.areas.joined(separator: ", ")) }
        for name in ["institution", "author"] {
            if let slug = text(name), slug.isEmpty || !slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                problems.append("\(name): a directory slug (a-z, 0-9, -)")
            }
        }
        if let status = text("status"), RecommendationState(rawValue: status) == nil || status == "draft" { problems.append("status: one of the published states") }
        if let service = text("service"), service.isEmpty || service.count > 10 || !service.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            problems.append("service: digits and dots, e.g. 3.2")
        }
        for name in ["area"] where (text(name)?.count ?? 0) > 40 { problems.append("\(name): at most 40 characters") }
        for name in ["institution", "author"] where (text(name)?.count ?? 0) > 100 { problems.append("\(name): at most 100 characters") }
        if let year = text("year"), !(year.count <= 4 && Int(year).map { (2000...2100).contains($0) } == true) { problems.append("year: 2000 to 2100") }
        if let page = text("page"), !(page.count <= 6 && Int(page).map { (1...100_000).contains($0) } == true) { problems.append("page: 1 to 100000") }
        if !problems.isEmpty { throw Abort(.badRequest, reason: problems.joined(separator: "; ")) }
    }

    @Sendable static func apiList(request: Request) async throws -> PageDTO<RecommendationDTO> {
        try checkStrictly(request)
        let query = TrackerQuery(request)
        let (items, total) = try await DialogueData.tracker(query, on: request.db)
        let addressees = try await DialogueData.addressees(of: items, on: request.db)
        return PageDTO(items: items.map { dto($0, addressees: addressees[$0.id!] ?? []) }, page: query.page, perPage: TrackerQuery.pageSize, total: total)
    }

    @Sendable static func apiCSV(request: Request) async throws -> Response {
        var query = TrackerQuery(request)
        var rows: [[String]] = []
        // every page of the filtered list, in pages of the tracker's size
        query.page = 1
        while true {
            let (items, total) = try await DialogueData.tracker(query, on: request.db)
            let addressees = try await DialogueData.addressees(of: items, on: request.db)
            for item in items {
                rows.append([item.code, item.title.resolve(for: .en)?.text ?? "", item.country, item.level, item.area, item.state, item.issuedOn,
                             item.responseDue, item.publishedOn, item.answeredOn, (addressees[item.id!] ?? []).map(\.name).joined(separator: "; "),
                             item.authorList.joined(separator: "; "), item.serviceList.joined(separator: "; ")])
            }
            if query.page * TrackerQuery.pageSize >= total || query.page >= 2_000 { break }
            query.page += 1
        }
        return .csv(CSVWriter.document(
            header: ["code", "title", "country", "level", "area", "status", "issued_on", "response_due", "published_on", "answered_on", "addressees", "authors", "services"],
            rows: rows), filename: "recommendations.csv")
    }
}

/// Evidence checked against the observatory before it is stored.
enum ObservatoryFiguresLookup {
    static func score(_ item: RecommendationEvidence, _ parts: [String], on database: Database) async throws -> Double? {
        try await ObservatoryFigures.score(edition: item.edition, country: item.country, column: parts[0], measure: parts[1], on: database)
    }

    static func service(_ item: RecommendationEvidence, on database: Database) async throws -> (label: String, score: Double?)? {
        try await ObservatoryFigures.service(edition: item.edition, country: item.country, number: item.reference, on: database)
    }
}
