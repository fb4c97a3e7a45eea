// AssessmentRoutes: researchers' answer sheets and the reconciliation of their disagreements.
import Kernel
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

extension AssessmentRoutes {
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
            input.answers[question.code] = request.formFields.first(question.field)?.trimmingCharacters(in: .whitespaces) ?? ""
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
                return .seeOther(request.localLink(ObservatoryURL.answers(wave.id!.uuidString.lowercased(), next.id!.uuidString.lowercased())))
            }
        }
        return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
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
        return .seeOther(request.localLink(ObservatoryURL.disagreements(wave.id!.uuidString.lowercased())))
    }
}
