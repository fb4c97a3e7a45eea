// Pre- and post-tests and anonymous feedback from the registration's own page (no account needed), the question
// bank for staff, the event's report with learning gain and satisfaction, and paper sign-in sheets uploaded as CSV.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Vapor

enum LearningRoutes {
    static func register(site: RoutesBuilder, api: RoutesBuilder) {
        site.get(LearningURL.testRoute, use: testForm)
        site.form(LearningURL.testRoute, use: takeTest)
        site.get(LearningURL.feedbackRoute, use: feedbackForm)
        site.form(LearningURL.feedbackRoute, use: giveFeedback)
        site.get(LearningURL.questionsRoute, use: questionBank)
        site.form(LearningURL.questionsRoute, use: addQuestion)
        site.get(LearningURL.eventReportRoute, use: eventReport)
        site.get(LearningURL.sheetTemplateRoute, use: sheetTemplate)
        site.form(LearningURL.sheetRoute, maxSize: "2mb", use: uploadSheet)
    }

    // MARK: tests

    enum Phase: String { case pre, post }

    /// Why a test cannot be taken now; nil when it can.
    static func blocker(_ phase: Phase, record: TrainingRegistrationRecord, event: TrainingEvent, taken: [String: TrainingTestResult], today: CalendarDate) -> String? {
        guard record.state == RegistrationState.confirmed.rawValue else { return "trainings.test.not_confirmed" }
        if taken[phase.rawValue] != nil { return "trainings.test.already" }
        switch phase {
        case .pre: return taken["post"] != nil ? "trainings.test.pre_closed" : nil
        case .post: return event.startsOn > today.iso ? "trainings.test.post_not_yet" : nil
        }
    }

    static func load(_ request: Request) async throws -> (TrainingRegistrationRecord, TrainingEvent, Phase, [TrainingQuestion]) {
        let (record, event) = try await TrainingsRoutes.registration(for: request)
        guard let phase = request.parameters.get("phase").flatMap(Phase.init(rawValue:)) else { throw Abort(.notFound) }
        let questions = try await LearningData.questions(for: event, on: request.db)
        guard !questions.isEmpty else { throw Abort(.notFound) }
        return (record, event, phase, questions)
    }

    @Sendable static func testForm(request: Request) async throws -> Response {
        let (record, event, phase, questions) = try await load(request)
        let taken = try await LearningData.results(of: record.requireID(), on: request.db)
        if let reason = blocker(phase, record: record, event: event, taken: taken, today: TrainingsRoutes.today()) {
            request.flash(.warning, request.t(reason))
            return .seeOther(request.localLink(TrainingsURL.registration(request.parameters.get("token") ?? "")))
        }
        _ = request.csrfToken()
        return .html(LearningPages.test(event: event, phase: phase, questions: questions, answers: [:], errors: [], token: request.parameters.get("token") ?? "",
                                        context: request.pageContext(current: "trainings")))
    }

    @Sendable static func takeTest(request: Request) async throws -> Response {
        let (record, event, phase, questions) = try await load(request)
        let token = request.parameters.get("token") ?? ""
        let taken = try await LearningData.results(of: record.requireID(), on: request.db)
        if let reason = blocker(phase, record: record, event: event, taken: taken, today: TrainingsRoutes.today()) {
            request.flash(.warning, request.t(reason))
            return .seeOther(request.localLink(TrainingsURL.registration(token)))
        }
        var answers: [String: Set<String>] = [:]
        var errors: [FieldError] = []
        for question in questions {
            let id = question.id!.uuidString.lowercased()
            let offered = Set(question.options.map(\.id))
            let chosen: Set<String>
            if question.kind == TestQuestion.Kind.multiple.rawValue {
                chosen = Set(request.formValues("q-\(id)").prefix(20)).intersection(offered)
            } else {
                chosen = Set([request.formLine("q-\(id)")]).intersection(offered)
            }
            answers[id] = chosen
            if chosen.isEmpty {
                errors.append(FieldError(field: question.kind == "multiple" ? "q-\(id)[]" : "q-\(id)", message: request.t("trainings.test.error.answer")))
            }
        }
        guard errors.isEmpty else {
            return .html(LearningPages.test(event: event, phase: phase, questions: questions, answers: answers, errors: errors, token: token,
                                            context: request.pageContext(current: "trainings")), status: .unprocessableEntity)
        }
        if let score = try await LearningData.saveTest(registration: record, phase: phase.rawValue, questions: questions, answers: answers, on: request.db) {
            request.flash(.success, request.t("trainings.test.saved", ["points": request.t.integer(score.points), "maximum": request.t.integer(score.maximum),
                                                                       "percent": request.t.integer(score.percent)]))
        } else {
            request.flash(.warning, request.t("trainings.test.already"))
        }
        return .seeOther(request.localLink(TrainingsURL.registration(token)))
    }

    // MARK: feedback

    static func canGiveFeedback(_ record: TrainingRegistrationRecord, event: TrainingEvent, today: CalendarDate) -> Bool {
        record.state == RegistrationState.confirmed.rawValue && !record.feedbackGiven && event.startsOn <= today.iso
    }

    @Sendable static func feedbackForm(request: Request) async throws -> Response {
        let (record, event) = try await TrainingsRoutes.registration(for: request)
        let token = request.parameters.get("token") ?? ""
        guard canGiveFeedback(record, event: event, today: TrainingsRoutes.today()) else {
            request.flash(.warning, request.t(record.feedbackGiven ? "trainings.feedback.already" : "trainings.feedback.not_yet"))
            return .seeOther(request.localLink(TrainingsURL.registration(token)))
        }
        _ = request.csrfToken()
        return .html(LearningPages.feedback(event: event, satisfaction: "", comment: "", errors: [], token: token, context: request.pageContext(current: "trainings")))
    }

    @Sendable static func giveFeedback(request: Request) async throws -> Response {
        let (record, event) = try await TrainingsRoutes.registration(for: request)
        let token = request.parameters.get("token") ?? ""
        guard canGiveFeedback(record, event: event, today: TrainingsRoutes.today()) else {
            request.flash(.warning, request.t(record.feedbackGiven ? "trainings.feedback.already" : "trainings.feedback.not_yet"))
            return .seeOther(request.localLink(TrainingsURL.registration(token)))
        }
        let satisfaction = request.formLine("satisfaction")
        let comment = String(request.formText("comment").prefix(2_000))
        guard let value = Int(satisfaction.prefix(2)), (1...5).contains(value) else {
            return .html(LearningPages.feedback(event: event, satisfaction: satisfaction, comment: comment,
                                                errors: [FieldError(field: "satisfaction", message: request.t("trainings.feedback.error.satisfaction"))],
                                                token: token, context: request.pageContext(current: "trainings")), status: .unprocessableEntity)
        }
        let stored = try await LearningData.giveFeedback(registration: record, satisfaction: value, comment: comment, on: request.db)
        request.flash(stored ? .success : .warning, request.t(stored ? "trainings.feedback.thanks" : "trainings.feedback.already"))
        return .seeOther(request.localLink(TrainingsURL.registration(token)))
    }

    // MARK: the question bank

    struct QuestionInput {
        var topic = ""
        var kind = "single"
        var text = ""
        var options = ""
        var right = ""
        var points = "1"
    }

    @Sendable static func questionBank(request: Request) async throws -> Response {
        let user = try TrainingsRoutes.requireTrainer(request)
        let items = try await TrainingQuestion.query(on: request.db).sort(\.$topic).sort(\.$position).all()
        return .html(LearningPages.questionBank(items, input: QuestionInput(), errors: [], canAdd: user.role.isStaff, context: request.pageContext(current: "staff")))
    }

    @Sendable static func addQuestion(request: Request) async throws -> Response {
        // the bank is shared by every event on a topic (and so their certificates): staff keep it
        _ = try request.requireStaff()
        let t = request.t
        let input = QuestionInput(topic: request.formLine("topic"), kind: request.formLine("kind"), text: String(request.formText("text").prefix(1_000)),
                                  options: String(request.formText("options").prefix(4_000)), right: String(request.formLine("right").prefix(40)),
                                  points: String(request.formLine("points").prefix(3)))
        var errors: [FieldError] = []
        if !TrainingsVocabulary.topics.contains(input.topic) { errors.append(FieldError(field: "topic", message: t("trainings.error.choose"))) }
        let kind = TestQuestion.Kind(rawValue: input.kind)
        if kind == nil { errors.append(FieldError(field: "kind", message: t("trainings.error.choose"))) }
        if input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append(FieldError(field: "text", message: t("trainings.questions.error.text"))) }
        let lines = input.options.split(whereSeparator: \.isNewline).map { FormText.line(String($0)) }.filter { !$0.isEmpty }.prefix(10)
        let optionIDs = (0..<lines.count).map { String(UnicodeScalar(UInt8(97 + $0))) }
        // the right options by number, "1, 3"
        let numbers = input.right.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).prefix(20).map { $0.count <= 3 ? Int($0) : nil }
        // only numbers of options that exist (none when no option was written)
        let right = Set(numbers.compactMap { $0 }.filter { $0 >= 1 && $0 <= optionIDs.count }.map { optionIDs[$0 - 1] })
        let points = Int(input.points).flatMap { (1...10).contains($0) ? $0 : nil }
        if points == nil { errors.append(FieldError(field: "points", message: t("trainings.questions.error.points"))) }
        if let kind, errors.isEmpty {
            let outside = numbers.contains { $0 == nil || $0! < 1 || $0! > optionIDs.count }
            let rule = TestQuestion(id: "new", kind: kind, options: optionIDs, right: outside ? [] : right, points: points ?? 1)
            for problem in TrainingTest(questions: [rule]).problems() {
                let field = problem.code == "too-few-options" ? "options" : problem.code == "points" ? "points" : "right"
                errors.append(FieldError(field: field, message: t("trainings.questions.error.\(problem.code)")))
            }
        }
        guard errors.isEmpty, let kind, let points else {
            let items = try await TrainingQuestion.query(on: request.db).sort(\.$topic).sort(\.$position).all()
            return .html(LearningPages.questionBank(items, input: input, errors: errors, canAdd: true, context: request.pageContext(current: "staff")),
                         status: .unprocessableEntity)
        }
        let locale = request.appLocale == .srCyrl ? AppLocale.srLatn : request.appLocale
        let question = TrainingQuestion()
        question.topic = input.topic
        question.position = (try await TrainingQuestion.query(on: request.db).filter(\.$topic == input.topic).max(\.$position) ?? 0) + 1
        question.kind = kind.rawValue
        question.text = LocalizedText([locale: input.text])
        question.options = zip(optionIDs, lines).map { TrainingQuestion.Option(id: $0, text: LocalizedText([locale: $1])) }
        question.right = right.sorted().joined(separator: ";")
        question.points = points
        try await question.create(on: request.db)
        request.flash(.success, t("trainings.questions.added"))
        return .seeOther(request.localLink(LearningURL.questions()))
    }

    // MARK: the event's report

    /// Everything the event's report shows, read in a handful of queries.
    struct EventReport {
        var event: TrainingEvent
        var people: [TrainingRegistrationRecord]
        var sessions: Int
        var attended: [UUID: Int]
        var certified: Set<UUID>
        var pre: [UUID: TestScore]
        var post: [UUID: TestScore]
        var gain: LearningGain.EventGain
        var feedback: FeedbackSummary
        var comments: [String]
    }

    static func eventReport(_ event: TrainingEvent, on database: Database) async throws -> EventReport {
        let eventID = try event.requireID()
        let sessions = try await TrainingSession.query(on: database).filter(\.$eventID == eventID).all()
        let people = try await TrainingsData.registrations(of: eventID, on: database)
        let marks = sessions.isEmpty ? [] : try await TrainingAttendance.query(on: database).filter(\.$sessionID ~~ sessions.compactMap(\.id)).all()
        let certified = Set(try await TrainingCertificate.query(on: database).filter(\.$eventID == eventID).filter(\.$revokedAt == nil).all().map(\.registrationID))
        let tests = try await TrainingTestResult.query(on: database).filter(\.$eventID == eventID).all()
        let pre = Dictionary(tests.filter { $0.phase == "pre" }.map { ($0.registrationID, $0.score) }, uniquingKeysWith: { first, _ in first })
        let post = Dictionary(tests.filter { $0.phase == "post" }.map { ($0.registrationID, $0.score) }, uniquingKeysWith: { first, _ in first })
        let confirmed = people.filter { $0.state == RegistrationState.confirmed.rawValue }.compactMap(\.id)
        let gain = LearningGain.event(confirmed.map { (pre: pre[$0]?.fraction, post: post[$0]?.fraction) })
        let feedback = try await TrainingFeedback.query(on: database).filter(\.$eventID == eventID).all()
        let summary = FeedbackSummary(satisfaction: feedback.map(\.satisfaction))
        return EventReport(event: event, people: people, sessions: sessions.count, attended: Dictionary(grouping: marks, by: \.registrationID).mapValues(\.count),
                           certified: certified, pre: pre, post: post, gain: gain, feedback: summary,
                           comments: summary.isShown ? feedback.map(\.comment).filter { !$0.isEmpty }.sorted() : [])
    }

    @Sendable static func eventReport(request: Request) async throws -> Response {
        let user = try TrainingsRoutes.requireTrainer(request)
        let event = try await TrainingsRoutes.find(request, published: false)
        guard TrainingsRoutes.canManage(user, event) else { throw Abort(.forbidden) }
        let report = try await eventReport(event, on: request.db)
        if (try? request.query.get(String.self, at: "format")) == "csv" {
            let rows = report.people.filter { $0.state == RegistrationState.confirmed.rawValue }.map { person -> [String] in
                let id = person.id!
                let gain = report.pre[id].flatMap { pre in report.post[id].flatMap { LearningGain.normalised(pre: pre.fraction, post: $0.fraction) } }
                return [person.code, person.name, person.gender, String(report.attended[id] ?? 0), String(report.sessions),
                        report.pre[id].map { "\($0.points)/\($0.maximum)" } ?? "", report.post[id].map { "\($0.points)/\($0.maximum)" } ?? "",
                        gain.map { String(format: "%.2f", $0) } ?? "", report.certified.contains(id) ? "yes" : "no"]
            }
            return .csv(CSVWriter.document(header: ["registration", "name", "gender", "sessions_attended", "sessions_held", "pre_test", "post_test",
                                                    "normalised_gain", "certificate"], rows: rows), filename: "\(event.slug)-report.csv")
        }
        return .html(LearningPages.eventReport(report, context: request.pageContext(current: "staff")))
    }

    // MARK: paper sign-in sheets

    @Sendable static func sheetTemplate(request: Request) async throws -> Response {
        let user = try TrainingsRoutes.requireTrainer(request)
        let event = try await TrainingsRoutes.find(request, published: false)
        guard TrainingsRoutes.canManage(user, event) else { throw Abort(.forbidden) }
        let sessions = try await TrainingSession.query(on: request.db).filter(\.$eventID == event.requireID()).count()
        let people = try await TrainingsData.registrations(of: event.requireID(), on: request.db).filter { $0.state == RegistrationState.confirmed.rawValue }
        var rows: [[String]] = []
        for session in 1...max(sessions, 1) { for person in people { rows.append([person.code, person.name, String(session), ""]) } }
        return .csv(CSVWriter.document(header: AttendanceSheet.columns, rows: rows), filename: "\(event.slug)-sign-in-sheet.csv")
    }

    struct SheetBody: Content {
        var file: File?
    }

    @Sendable static func uploadSheet(request: Request) async throws -> Response {
        let user = try TrainingsRoutes.requireTrainer(request)
        let event = try await TrainingsRoutes.find(request, published: false)
        guard TrainingsRoutes.canManage(user, event) else { throw Abort(.forbidden) }
        let t = request.t
        guard let file = try? request.content.decode(SheetBody.self).file, file.data.readableBytes > 0 else {
            request.flash(.warning, t("trainings.sheet.error.no_file"))
            return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
        }
        let name = String(FormText.line(file.filename).prefix(80)).isEmpty ? "sheet.csv" : String(FormText.line(file.filename).prefix(80))
        let sessions = try await TrainingSession.query(on: request.db).filter(\.$eventID == event.requireID()).sort(\.$position).all()
        let codes = Set(try await TrainingsData.registrations(of: event.requireID(), on: request.db)
            .filter { $0.state == RegistrationState.confirmed.rawValue }.map(\.code))
        switch AttendanceSheet.read(Array(file.data.readableBytesView), file: name, sessions: sessions.count, codes: codes) {
        case .failure(let failure):
            let problems = failure.errors.prefix(100).map { message($0, sessions: sessions.count, t: t) }
            return try await TrainingsRoutes.renderManage(request, event, sheetProblems: problems, status: .unprocessableEntity)
        case .success(let marks):
            let (present, walkIns) = try await LearningData.applySheet(marks, event: event, sessions: sessions, on: request.db)
            request.flash(.success, t("trainings.sheet.done", ["present": t.integer(present), "walkins": t.integer(walkIns)]))
            return .seeOther(request.localLink(TrainingsURL.manage(event.slug)))
        }
    }

    /// A sheet problem in the reader's language, as `file:line: message`.
    static func message(_ error: FileImportError<AttendanceSheetProblem>, sessions: Int, t: Translator) -> String {
        let place = error.line.map { "\(error.file):\($0)" } ?? error.file
        let text: String
        switch error.kind {
        case .unreadable: text = t("trainings.sheet.error.unreadable")
        case .missingColumn(let column): text = t("trainings.sheet.error.missing_column", ["column": column])
        case .unknownColumn(let column): text = t("trainings.sheet.error.unknown_column", ["column": column, "columns": AttendanceSheet.columns.joined(separator: ", ")])
        case .repeatedColumn(let column): text = t("trainings.sheet.error.repeated_column", ["column": column])
        case .nobody: text = t("trainings.sheet.error.nobody")
        case .unknownRegistration(let code): text = t("trainings.sheet.error.unknown_registration", ["code": code])
        case .sessionOutOfRange: text = t("trainings.sheet.error.session", ["count": String(sessions)])
        case .notYesNo: text = t("trainings.sheet.error.yes_no")
        case .tooManyRows(let limit): text = t("trainings.sheet.error.too_many", ["limit": t.integer(limit)])
        }
        return place + ": " + text
    }
}
