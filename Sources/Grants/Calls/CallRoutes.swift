// Staff set up programmes' calls and lots in the browser, under /{locale}/staff/grants/calls: texts in every
// language, opening and deadline in the call's time zone, review settings, the call's own form (JSON of
// `Grants.ApplicationForm`, checked with its definition rules), and each lot's rules, results menu, criteria and
// tranches, checked with `Grants.Call.problems`. Everything typed comes back on a refusal; every change is audited.
// Once a lot has submitted applications its rules are frozen (texts may still change).
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

/// The call form as typed.
struct CallInput: Sendable {
    var code = ""
    var programme = ""
    var titles: [String: String] = [:]
    var texts: [String: String] = [:]
    var opensDate = ""
    var opensTime = "09:00"
    var deadlineDate = ""
    var deadlineTime = "16:00"
    var timeZone = "Europe/Skopje"
    var status = GrantCallStatus.draft.rawValue
    var minimumReviews = "2"
    var spreadThreshold = "20"
    var appealDays = "8"
    var rankingPublic = false
    var form = ""
    var version = 0
}

/// The lot form as typed.
struct LotInput: Sendable {
    var code = ""
    var position = "1"
    var titles: [String: String] = [:]
    var envelope = ""
    var minimum = ""
    var maximum = ""
    var duration = ""
    var coFinancing = "10"
    var countries: Set<String> = []
    var kinds: Set<String> = []
    var results = ""
    var minimumResults = "0"
    var criteria = ""
    var maxGrants = ""
    var maxPerCountry = ""
    var tranches = "80; 20"
    var reallocation = "15"
    var version = 0
}

enum CallRoutes {
    static let contentLocales: [AppLocale] = [.en, .sq, .mk, .srLatn]
    static let timeZones = ["Europe/Skopje", "Europe/Tirane", "Europe/Belgrade", "Europe/Podgorica", "Europe/Sarajevo", "Europe/Brussels", "UTC"]
    static let regionCountries = ["AL", "BA", "XK", "ME", "MK", "RS"]

    static func register(_ site: RoutesBuilder) {
        site.get(GrantsURL.newCallRoute, use: newCall)
        site.form(GrantsURL.newCallRoute, use: createCall)
        site.get(GrantsURL.editCallRoute, use: editCall)
        site.form(GrantsURL.editCallRoute, use: updateCall)
        site.get(GrantsURL.newLotRoute, use: newLot)
        site.form(GrantsURL.newLotRoute, use: createLot)
        site.get(GrantsURL.editLotRoute, use: editLot)
        site.form(GrantsURL.editLotRoute, use: updateLot)
    }

    static func field(_ request: Request, _ name: String) -> String { ApplicantRoutes.field(request, name) }
    static func context(_ request: Request) -> PageContext { request.pageContext(current: "staff") }

    static func call(_ request: Request) async throws -> GrantCall {
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let call = try await GrantCall.query(on: request.db).filter(\.$code == code).first() else { throw Abort(.notFound) }
        return call
    }

    // MARK: calls

    static func decodeCall(_ request: Request) -> CallInput {
        var input = CallInput()
        input.code = field(request, "code").trimmingCharacters(in: .whitespaces).lowercased()
        input.programme = field(request, "programme")
        for locale in contentLocales {
            input.titles[locale.rawValue] = String(field(request, "title_\(locale.rawValue)").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
            input.texts[locale.rawValue] = String(field(request, "text_\(locale.rawValue)").trimmingCharacters(in: .whitespacesAndNewlines).prefix(20_000))
        }
        input.opensDate = field(request, "opens_date")
        input.opensTime = field(request, "opens_time")
        input.deadlineDate = field(request, "deadline_date")
        input.deadlineTime = field(request, "deadline_time")
        input.timeZone = field(request, "time_zone")
        input.status = field(request, "status")
        input.minimumReviews = field(request, "minimum_reviews")
        input.spreadThreshold = field(request, "spread_threshold")
        input.appealDays = field(request, "appeal_days")
        input.rankingPublic = field(request, "ranking_public") == "1"
        input.form = String(field(request, "form").prefix(100_000))
        input.version = request.formVersion()
        return input
    }

    static func input(of call: GrantCall) -> CallInput {
        var input = CallInput()
        input.code = call.code
        input.programme = call.programmeID.uuidString.lowercased()
        input.titles = call.title.values
        input.texts = call.text.values
        let opens = Grants.LocalTime.components(of: call.opensAt, in: call.timeZone)
        let deadline = Grants.LocalTime.components(of: call.deadline, in: call.timeZone)
        input.opensDate = String(format: "%04d-%02d-%02d", opens.year ?? 0, opens.month ?? 0, opens.day ?? 0)
        input.opensTime = String(format: "%02d:%02d", opens.hour ?? 0, opens.minute ?? 0)
        input.deadlineDate = String(format: "%04d-%02d-%02d", deadline.year ?? 0, deadline.month ?? 0, deadline.day ?? 0)
        input.deadlineTime = String(format: "%02d:%02d", deadline.hour ?? 0, deadline.minute ?? 0)
        input.timeZone = call.timeZoneIdentifier
        input.status = call.status.rawValue
        input.minimumReviews = String(call.minimumReviews)
        input.spreadThreshold = String(call.spreadThreshold)
        input.appealDays = String(call.appealDays)
        input.rankingPublic = call.rankingPublic
        input.form = call.form.sections.isEmpty ? "" : prettyJSON(call.formJSON)
        input.version = call.version
        return input
    }

    static func prettyJSON(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    /// An instant from a date and a time typed in a time zone, or nil.
    static func instant(date: String, time: String, zone: TimeZone) -> Date? {
        let dateParts = date.split(separator: "-").compactMap { Int($0) }
        let timeParts = time.split(separator: ":").compactMap { Int($0) }
        guard dateParts.count == 3, timeParts.count >= 2, (0...23).contains(timeParts[0]), (0...59).contains(timeParts[1]),
              CalendarDate(dateParts[0], dateParts[1], dateParts[2]) != nil else { return nil }
        return Grants.LocalTime.instant(year: dateParts[0], month: dateParts[1], day: dateParts[2], hour: timeParts[0], minute: timeParts[1], in: zone)
    }

    /// The form definition typed as JSON: nil when empty, else the form or every problem with it.
    struct FormProblems: Error { var errors: [FieldError] }

    static func readForm(_ text: String, t: Translator, locale: AppLocale) -> Result<Grants.ApplicationForm, FormProblems> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .success(Grants.ApplicationForm(sections: [])) }
        let data = Data(trimmed.utf8)
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(FormProblems(errors: [FieldError(field: "form", message: t("grants.callform.error.json"))]))
        }
        let form: Grants.ApplicationForm
        do {
            form = try JSONDecoder().decode(Grants.ApplicationForm.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return .failure(FormProblems(errors: [FieldError(field: "form", message: t("grants.callform.error.shape", ["path": path]))]))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            return .failure(FormProblems(errors: [FieldError(field: "form", message: t("grants.callform.error.shape", ["path": context.codingPath.map(\.stringValue).joined(separator: ".")]))]))
        } catch {
            return .failure(FormProblems(errors: [FieldError(field: "form", message: t("grants.callform.error.json"))]))
        }
        let problems = form.definitionProblems
        if !problems.isEmpty { return .failure(FormProblems(errors: problems.map { FieldError(field: "form", message: GrantsMessages.text($0, t: t, locale: locale)) })) }
        return .success(form)
    }

    struct CallAudit: Encodable {
        var code: String
        var title: [String: String]
        var opensAt: String
        var deadline: String
        var timeZone: String
        var status: String
        var minimumReviews: Int
        var spreadThreshold: Int
        var appealDays: Int
        var rankingPublic: Bool
        var questions: Int
        init(_ call: GrantCall) {
            code = call.code
            title = call.title.values
            opensAt = ISO8601DateFormatter().string(from: call.opensAt)
            deadline = ISO8601DateFormatter().string(from: call.deadline)
            timeZone = call.timeZoneIdentifier
            status = call.status.rawValue
            minimumReviews = call.minimumReviews
            spreadThreshold = call.spreadThreshold
            appealDays = call.appealDays
            rankingPublic = call.rankingPublic
            questions = call.form.questions.count
        }
    }

    /// Checks the typed call and, when sound, writes it into `call`; otherwise every problem at once.
    static func apply(_ input: CallInput, to call: GrantCall, creating: Bool, programmes: [GrantProgramme], request: Request) async throws -> [FieldError] {
        let t = request.t
        var errors: [FieldError] = []
        if creating {
            if !GrantRegisterQuery.isCode(input.code) || input.code.count < 3 {
                errors.append(FieldError(field: "code", message: t("grants.callform.error.code")))
            } else if try await GrantCall.query(on: request.db).filter(\.$code == input.code).count() > 0 {
                errors.append(FieldError(field: "code", message: t("grants.callform.error.code_taken")))
            }
        }
        let programme = programmes.first { $0.id?.uuidString.lowercased() == input.programme.lowercased() }
        if programme == nil { errors.append(FieldError(field: "programme", message: t("grants.callform.error.programme"))) }
        if (input.titles["en"] ?? "").isEmpty { errors.append(FieldError(field: "title_en", message: t("grants.callform.error.title"))) }
        let zone = timeZones.contains(input.timeZone) ? TimeZone(identifier: input.timeZone) : nil
        if zone == nil { errors.append(FieldError(field: "time_zone", message: t("grants.callform.error.time_zone"))) }
        let opens = zone.flatMap { instant(date: input.opensDate, time: input.opensTime, zone: $0) }
        let deadline = zone.flatMap { instant(date: input.deadlineDate, time: input.deadlineTime, zone: $0) }
        if opens == nil { errors.append(FieldError(field: "opens_date", message: t("grants.callform.error.instant"))) }
        if deadline == nil { errors.append(FieldError(field: "deadline_date", message: t("grants.callform.error.instant"))) }
        if let opens, let deadline, deadline <= opens {
            errors.append(FieldError(field: "deadline_date", message: t("grants.call.deadline-not-after-opening")))
        }
        let status = GrantCallStatus(rawValue: input.status)
        if status == nil { errors.append(FieldError(field: "status", message: t("grants.callform.error.status"))) }
        let minimumReviews = Int(input.minimumReviews.trimmingCharacters(in: .whitespaces)).flatMap { (2...10).contains($0) ? $0 : nil }
        if minimumReviews == nil { errors.append(FieldError(field: "minimum_reviews", message: t("grants.callform.error.minimum_reviews"))) }
        let spread = Int(input.spreadThreshold.trimmingCharacters(in: .whitespaces)).flatMap { (0...100).contains($0) ? $0 : nil }
        if spread == nil { errors.append(FieldError(field: "spread_threshold", message: t("grants.callform.error.spread"))) }
        let appealDays = Int(input.appealDays.trimmingCharacters(in: .whitespaces)).flatMap { (0...90).contains($0) ? $0 : nil }
        if appealDays == nil { errors.append(FieldError(field: "appeal_days", message: t("grants.callform.error.appeal_days"))) }
        var form = Grants.ApplicationForm(sections: [])
        switch readForm(input.form, t: t, locale: request.appLocale) {
        case let .success(read): form = read
        case let .failure(problems): errors += problems.errors
        }
        if status == .open, !creating, try await GrantLot.query(on: request.db).filter(\.$callID == call.requireID()).count() == 0 {
            errors.append(FieldError(field: "status", message: t("grants.callform.error.open_without_lots")))
        } else if status == .open, creating {
            errors.append(FieldError(field: "status", message: t("grants.callform.error.open_without_lots")))
        }
        guard errors.isEmpty, let programme, let zone, let opens, let deadline, let status, let minimumReviews, let spread, let appealDays else { return errors }
        if creating { call.code = input.code }
        call.programmeID = try programme.requireID()
        var title = LocalizedText()
        var text = LocalizedText()
        for locale in contentLocales {
            title[locale] = input.titles[locale.rawValue]
            text[locale] = input.texts[locale.rawValue]
        }
        call.title = title
        call.text = text
        call.opensAt = opens
        call.deadline = deadline
        call.timeZoneIdentifier = zone.identifier
        call.status = status
        call.minimumReviews = minimumReviews
        call.spreadThreshold = spread
        call.appealDays = appealDays
        call.rankingPublic = input.rankingPublic
        call.form = form
        return []
    }

    static func callPage(_ request: Request, _ input: CallInput, call: GrantCall?, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let programmes = try await GrantProgramme.query(on: request.db).sort(\.$name).all()
        var lots: [GrantLot] = []
        if let call { lots = try await GrantLot.query(on: request.db).filter(\.$callID == call.requireID()).sort(\.$position).all() }
        return .html(CallPages.callForm(input, call: call, lots: lots, programmes: programmes, errors: errors, context: context(request)), status: status)
    }

    @Sendable static func newCall(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        var input = CallInput()
        input.programme = try await GrantProgramme.query(on: request.db).first()?.id?.uuidString.lowercased() ?? ""
        return try await callPage(request, input, call: nil, errors: [])
    }

    @Sendable static func createCall(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let input = decodeCall(request)
        let call = GrantCall()
        call.version = 0
        let programmes = try await GrantProgramme.query(on: request.db).all()
        let errors = try await apply(input, to: call, creating: true, programmes: programmes, request: request)
        guard errors.isEmpty else { return try await callPage(request, input, call: nil, errors: errors, status: .unprocessableEntity) }
        try await request.db.transaction { database in
            try await call.save(on: database)
            try await Audit.record(on: database, actor: user, action: "grants.call.create", targetType: "grant_call", targetID: call.id?.uuidString,
                                   after: CallAudit(call))
        }
        request.flash(.success, request.t("grants.callform.created", ["code": call.code]))
        return .seeOther(request.localLink(GrantsURL.editCall(call.code)))
    }

    @Sendable static func editCall(request: Request) async throws -> Response {
        _ = try request.requireStaff()
        let call = try await call(request)
        return try await callPage(request, input(of: call), call: call, errors: [])
    }

    @Sendable static func updateCall(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        let call = try await call(request)
        var input = decodeCall(request)
        input.code = call.code
        let before = CallAudit(call)
        let programmes = try await GrantProgramme.query(on: request.db).all()
        let errors = try await apply(input, to: call, creating: false, programmes: programmes, request: request)
        guard errors.isEmpty else { return try await callPage(request, input, call: call, errors: errors, status: .unprocessableEntity) }
        do {
            let expected = input.version
            try await request.db.transaction { database in
                try await GuardedRecords.claim(GrantCall.schema, id: call.requireID(), expectedVersion: expected, on: database)
                call.version = expected + 1
                try await call.save(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.call.update", targetType: "grant_call", targetID: call.id?.uuidString,
                                       before: before, after: CallAudit(call))
            }
        } catch is RecordChanged {
            var stale = input
            stale.version = try await GrantCall.find(call.id, on: request.db)?.version ?? input.version
            return try await callPage(request, stale, call: call, errors: [FieldError(field: "title_en", message: request.t("grants.callform.error.changed"))], status: .conflict)
        }
        request.flash(.success, request.t("grants.callform.saved", ["code": call.code]))
        return .seeOther(request.localLink(GrantsURL.editCall(call.code)))
    }
}
