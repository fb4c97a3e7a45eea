// The operators' side of a centre: the assistance log (a case in a few keystrokes; the form keeps the day and
// the channel for the next person in the queue), paper sheets uploaded as CSV (all-or-nothing, `file:line`
// errors), the centre's dashboard and export, its day of appointments and the operator's own follow-ups.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Observatory
import Vapor

enum CaseRoutes {
    static func register(_ site: RoutesBuilder) {
        site.get(CentresURL.newCaseRoute, use: newCase)
        site.form(CentresURL.casesRoute, use: saveCase)
        site.get(CentresURL.uploadRoute, use: uploadForm)
        site.form(CentresURL.uploadRoute, maxSize: "20mb", use: upload)
        site.get(CentresURL.templateRoute, use: template)
        site.get(CentresURL.exportRoute, use: export)
        site.get(CentresURL.dashboardRoute, use: dashboard)
        site.get(CentresURL.dayRoute, use: day)
        site.get(CentresURL.followUpsRoute, use: followUps)
        site.form(CentresURL.followUpDoneRoute, use: followUpDone)
    }

    /// How long follow-up contacts are kept (`ICEDA_FOLLOW_UP_DAYS`, 1…3650, default 90).
    static var followUpDays: Int {
        Environment.get("ICEDA_FOLLOW_UP_DAYS").flatMap { Int($0) }.flatMap { (1...3650).contains($0) ? $0 : nil } ?? 90
    }

    struct CaseForm {
        var draft = CaseDraft()
        var contact = ""
        var consent = false
        /// Names the offline queue on the device: a hash of the operator's id, so that cases wait for the one who wrote them.
        var owner = ""
    }

    static func owner(_ user: User) -> String { String(SecureToken.sha256("offline-queue:" + (user.id?.uuidString ?? "")).prefix(16)) }

    static func services(_ centre: Centre, on database: Database) async throws -> [ServiceCatalogue.Entry] {
        try await ServiceCatalogue.services(country: centre.country, on: database)
    }

    @Sendable static func newCase(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let user = try await CentreAccess.requireOperator(request, centre)
        var form = CaseForm()
        form.owner = owner(user)
        form.draft.clientID = UUID().uuidString.lowercased()
        let sticky = { (name: String) in String(((try? request.query.get(String.self, at: name)) ?? "").prefix(20)) }
        let day = sticky("day")
        form.draft.day = CalendarDate(iso: day) != nil ? day : CentrePublicRoutes.today().iso
        let channel = sticky("channel")
        form.draft.channel = CaseVocabulary.channels.contains(channel) ? channel : "in-person"
        form.draft.level = "national"
        let today = try await casesToday(centre, on: request.db)
        return .html(CentresPages.caseForm(centre, form: form, services: try await services(centre, on: request.db), errors: [], today: today,
                                           context: request.pageContext(current: "centres")))
    }

    static func casesToday(_ centre: Centre, on database: Database) async throws -> Int {
        try await AssistanceCase.query(on: database).filter(\.$centreID == centre.requireID()).filter(\.$day == CentrePublicRoutes.today().iso).count()
    }

    @Sendable static func saveCase(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let user = try await CentreAccess.requireOperator(request, centre)
        let t = request.t
        var form = CaseForm()
        form.owner = owner(user)
        func line(_ name: String, _ limit: Int = 40) -> String { String(request.formLine(name).prefix(limit)) }
        form.draft.clientID = line("client_id", 64)
        form.draft.day = line("day", 10)
        form.draft.channel = line("channel")
        form.draft.service = line("service")
        form.draft.task = line("task")
        form.draft.outcome = line("outcome")
        form.draft.blocker = line("blocker")
        form.draft.ageBand = line("age_band")
        form.draft.gender = line("gender")
        form.draft.groups = (request.formValues("groups")).prefix(20).map { String(FormText.line($0).prefix(40)) }
        form.draft.firstTime = line("first_time") == "1"
        form.draft.level = line("level")
        form.draft.followUp = line("follow_up") == "1"
        form.contact = line("contact", 200)
        form.consent = line("consent") == "1"
        let catalogue = try await services(centre, on: request.db)
        var errors: [FieldError] = []
        var checked: CheckedCase?
        switch CaseRules.check(form.draft, today: CentrePublicRoutes.today(), opened: CalendarDate(iso: centre.openedOn), services: Set(catalogue.map(\.code))) {
        case .success(let value): checked = value
        case .failure(let failure):
            errors = failure.problems.map { FieldError(field: $0.field == "groups" ? "groups[]" : $0.field, message: t($0.key, $0.arguments)) }
        }
        if form.draft.followUp {
            if form.contact.count < 5 { errors.append(FieldError(field: "contact", message: t("centres.case.error.contact"))) }
            if !form.consent { errors.append(FieldError(field: "consent", message: t("centres.case.error.consent"))) }
        }
        guard errors.isEmpty, let checked else {
            return .html(CentresPages.caseForm(centre, form: form, services: catalogue, errors: errors, today: try await casesToday(centre, on: request.db),
                                               context: request.pageContext(current: "centres")), status: .unprocessableEntity)
        }
        let centreID = try centre.requireID()
        let operatorID = try user.requireID()
        let contact = form.contact, wantsFollowUp = form.draft.followUp
        // The case and its follow-up are written together: never a case whose consented contact was lost.
        let outcome = try await request.db.transaction { database in
            let (outcome, ids) = try await CentresData.write([checked], centre: centreID, operator: operatorID, on: database)
            if wantsFollowUp, let caseID = ids[checked.clientID] {
                let followUp = FollowUp()
                followUp.caseID = caseID
                followUp.centreID = centreID
                followUp.operatorID = operatorID
                followUp.contact = contact
                followUp.note = ""
                followUp.deleteAfter = CentrePublicRoutes.today().adding(days: followUpDays).iso
                followUp.done = false
                try await followUp.save(on: database)
            }
            return outcome
        }
        if outcome.alreadyStored > 0 {
            request.flash(.info, t("centres.case.already_stored"))
        } else if outcome.flagged > 0 {
            request.flash(.warning, t("centres.case.saved_flagged", ["flags": checked.flags.map { CentresPages.flagLabel($0, t: t) }.joined(separator: "; ")]))
        } else {
            request.flash(.success, t("centres.case.saved", ["count": t.integer(try await casesToday(centre, on: request.db))]))
        }
        return .seeOther(request.localLink(CentresURL.newCase(centre.slug, ["day": checked.day.iso, "channel": checked.channel])))
    }

    // MARK: paper sheets

    @Sendable static func uploadForm(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        _ = try await CentreAccess.requireOperator(request, centre)
        return .html(CentresPages.upload(centre, problems: [], context: request.pageContext(current: "centres")))
    }

    @Sendable static func template(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        _ = try await CentreAccess.requireOperator(request, centre)
        let example = [["", CentrePublicRoutes.today().iso, "in-person", "", "certificate", "completed", "none", "65-plus", "female", "elderly;rural",
                        "yes", "national", "no"]]
        return .csv(CSVWriter.document(header: PaperCases.columns, rows: example), filename: "cases-template.csv")
    }


    struct UploadBody: Content {
        var file: File?
    }

    @Sendable static func upload(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let user = try await CentreAccess.requireOperator(request, centre)
        let t = request.t
        func refuse(_ problems: [String]) -> Response {
            .html(CentresPages.upload(centre, problems: problems, context: request.pageContext(current: "centres")), status: .unprocessableEntity)
        }
        guard let file = try? request.content.decode(UploadBody.self).file, file.data.readableBytes > 0 else {
            return refuse([t("centres.upload.error.no_file")])
        }
        let name = String(FormText.line(file.filename).prefix(80)).isEmpty ? "cases.csv" : String(FormText.line(file.filename).prefix(80))
        let bytes = Array(file.data.readableBytesView)
        let drafts: [(line: Int, draft: CaseDraft)]
        switch PaperCases.read(bytes, file: name, fileDigest: FileStore.sha256(bytes)) {
        case .success(let read): drafts = read
        case .failure(let failure): return refuse(failure.errors.prefix(100).map { message($0, t: t) })
        }
        let catalogue = Set(try await services(centre, on: request.db).map(\.code))
        let today = CentrePublicRoutes.today(), opened = CalendarDate(iso: centre.openedOn)
        var checked: [CheckedCase] = []
        var problems: [String] = []
        for (line, draft) in drafts {
            switch CaseRules.check(draft, today: today, opened: opened, services: catalogue) {
            case .success(let value): checked.append(value)
            case .failure(let failure):
                for problem in failure.problems where problems.count < 100 {
                    problems.append("\(name):\(line): \(t("centres.field.\(problem.field)")): \(t(problem.key, problem.arguments))")
                }
            }
        }
        guard problems.isEmpty else { return refuse(problems) }
        guard !checked.isEmpty else { return refuse([t("centres.upload.error.empty", ["file": name])]) }
        let (outcome, _) = try await CentresData.write(checked, centre: centre.requireID(), operator: user.id, on: request.db)
        request.flash(.success, t("centres.upload.done", ["stored": t.integer(outcome.stored), "again": t.integer(outcome.alreadyStored),
                                                          "flagged": t.integer(outcome.flagged)]))
        return .seeOther(request.localLink(CentresURL.dashboard(centre.slug)))
    }

    /// A file problem in the reader's language, as `file:line: message`.
    static func message(_ error: FileImportError<PaperCaseProblem>, t: Translator) -> String {
        let place = error.line.map { "\(error.file):\($0)" } ?? error.file
        let text: String
        switch error.kind {
        case .unreadable: text = t("centres.upload.error.unreadable")
        case .missingColumn(let column): text = t("centres.upload.error.missing_column", ["column": column])
        case .repeatedColumn(let column): text = t("centres.upload.error.repeated_column", ["column": column])
        case .unknownColumn(let column): text = t("centres.upload.error.unknown_column", ["column": column, "columns": PaperCases.columns.joined(separator: ", ")])
        case .notYesNo(let column): text = t("centres.upload.error.yes_no", ["column": column])
        case .tooManyRows(let limit): text = t("centres.upload.error.too_many", ["limit": t.integer(limit)])
        case .duplicateID(let id, let earlier): text = t("centres.upload.error.duplicate", ["id": id, "line": String(earlier)])
        }
        return place + ": " + text
    }

    // MARK: dashboard, export, day, follow-ups

    @Sendable static func dashboard(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let user = try await CentreAccess.requireOperator(request, centre)
        let (months, year) = CentrePublicRoutes.months(request)
        let statistics = try await CentresData.statistics(centres: [centre.requireID()], from: months.first!, to: months.last!, on: request.db)
        let flagged = try await CentresData.flagged(centre: centre.requireID(), limit: 20, on: request.db)
        let isOperator = try await CentreAccess.isOperator(user, centre, on: request.db)
        return .html(CentresPages.dashboard(centre, statistics: statistics, months: months, year: year, flagged: flagged, isOperator: isOperator,
                                            context: request.pageContext(current: "centres")))
    }

    @Sendable static func export(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        _ = try await CentreAccess.requireOperator(request, centre)
        let cases = try await AssistanceCase.query(on: request.db).filter(\.$centreID == centre.requireID()).sort(\.$day).sort(\.$clientID).all()
        var text = CSVWriter.row(PaperCases.columns + ["flags"])
        for item in cases {
            let groups = CentresData.groupColumns.filter { column in
                switch column.code {
                case "elderly": item.elderly == 1
                case "roma": item.roma == 1
                case "disability": item.disability == 1
                case "rural": item.rural == 1
                case "low-income": item.lowIncome == 1
                case "youth": item.youth == 1
                case "unemployed": item.unemployed == 1
                default: item.returnee == 1
                }
            }.map(\.code)
            text += CSVWriter.row([item.clientID, item.day, item.channel, item.service, item.task, item.outcome, item.blocker, item.ageBand, item.gender,
                                   groups.joined(separator: ";"), item.firstTime == 1 ? "yes" : "no", item.level, item.followUp == 1 ? "yes" : "no",
                                   item.flags])
        }
        return .csv(text, filename: "\(centre.slug)-cases.csv")
    }

    @Sendable static func day(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        _ = try await CentreAccess.requireOperator(request, centre)
        let asked = String(((try? request.query.get(String.self, at: "date")) ?? "").prefix(10))
        let day = CalendarDate(iso: asked).flatMap { (1900...2200).contains($0.year) ? $0 : nil } ?? CentrePublicRoutes.today()
        let appointments = try await Appointment.query(on: request.db).filter(\.$centreID == centre.requireID()).filter(\.$day == day.iso)
            .sort(\.$hour).sort(\.$createdAt).all()
        return .html(CentresPages.day(centre, day: day, appointments: appointments, context: request.pageContext(current: "centres")))
    }

    @Sendable static func followUps(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let user = try await CentreAccess.requireOperator(request, centre)
        // Only the operator who took a follow-up sees it: staff see none of the contacts.
        let items = try await FollowUp.query(on: request.db).filter(\.$centreID == centre.requireID()).filter(\.$operatorID == user.requireID())
            .filter(\.$done == false).sort(\.$createdAt).all()
        return .html(CentresPages.followUps(centre, items: items, context: request.pageContext(current: "centres")))
    }

    @Sendable static func followUpDone(request: Request) async throws -> Response {
        let centre = try await CentreAccess.centre(request)
        let user = try await CentreAccess.requireOperator(request, centre)
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let item = try await FollowUp.find(id, on: request.db), item.centreID == centre.id, item.operatorID == user.id else { throw Abort(.notFound) }
        // Done: the contact is deleted at once, not kept until the retention date.
        try await item.delete(on: request.db)
        request.flash(.success, request.t("centres.follow_up.done"))
        return .seeOther(request.localLink(CentresURL.followUps(centre.slug)))
    }

    /// Deletes follow-up contacts whose retention date has passed, and appointments (names, contacts) 30 days after
    /// their day (run by the worker).
    static func deleteExpiredFollowUps(on database: Database, today: CalendarDate) async throws -> Int {
        let expired = try await FollowUp.query(on: database).filter(\.$deleteAfter < today.iso).count()
        if expired > 0 { try await FollowUp.query(on: database).filter(\.$deleteAfter < today.iso).delete() }
        try await Appointment.query(on: database).filter(\.$day < today.adding(days: -30).iso).delete()
        return expired
    }
}
