// ApplicantRoutes: preview and submission, attachments, withdrawal and appeal.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

extension ApplicantRoutes {
    // MARK: preview and submit

    static func coApplicants(_ application: GrantApplication, on database: Database) async throws -> (found: [Organisation], unknown: [String]) {
        let lines = Array(application.coApplicantLines.prefix(20))
        guard !lines.isEmpty else { return ([], []) }
        let slugs = lines.map { $0.lowercased().split(separator: "/").last.map(String.init) ?? $0 }
        // One query for every line, by directory address or exact name.
        let candidates = try await Organisation.query(on: database).group(.or) { $0.filter(\.$slug ~~ slugs).filter(\.$name ~~ lines) }.all()
            .filter { $0.id != application.organisationID }
        var found: [Organisation] = []
        var unknown: [String] = []
        for (line, slug) in zip(lines, slugs) {
            if let organisation = candidates.first(where: { $0.slug == slug }) ?? candidates.first(where: { $0.name == line }) {
                found.append(organisation)
            } else {
                unknown.append(line)
            }
        }
        return (found, unknown)
    }

    static func allProblems(_ request: Request, _ bundle: ApplicationBundle) async throws -> (problems: [FieldError], attachments: [GrantAttachment], coApplicants: [Organisation]) {
        let attachments = try await GrantAttachment.query(on: request.db).filter(\.$applicationID == bundle.application.requireID()).all()
        let (found, unknown) = try await coApplicants(bundle.application, on: request.db)
        var problems = ApplicationStore.problems(bundle, attachments: attachments, coApplicants: found, t: request.t)
        // Co-applicants meet the lot's eligibility like the lead applicant (kind and country), as in EU grant practice;
        // otherwise a public institution or a donor could be named, silently taking its members out of reviewing.
        let lot = bundle.lot
        for organisation in found where !lot.applicantKindCodes.contains(";\(organisation.kind.rawValue);")
            || !lot.eligibleCountryCodes.contains(";\(organisation.countryCode);") {
            problems.append(FieldError(field: "co_applicants", message: request.t("grants.apply.error.co_applicant_eligible", ["name": organisation.name])))
        }
        for line in unknown {
            problems.append(FieldError(field: "co_applicants", message: request.t("grants.apply.error.co_applicant", ["name": line])))
        }
        return (problems, attachments, found)
    }

    @Sendable static func preview(request: Request) async throws -> Response {
        let (bundle, _) = try await applicantBundle(request)
        guard bundle.application.state == .draft else { return .seeOther(request.localLink(GrantsURL.application(bundle.application.pathID))) }
        let (problems, attachments, found) = try await allProblems(request, bundle)
        let reading = ApplicationStore.readBudget(bundle.application.budget, locale: bundle.application.appLocale, currency: bundle.currency, t: request.t)
        let model = ApplicantPages.PreviewModel(bundle: bundle, problems: problems, attachments: attachments, coApplicants: found,
                                                totals: reading.totals, now: Date(), refusal: nil)
        return .html(ApplicantPages.preview(model, context: context(request)))
    }

    @Sendable static func submit(request: Request) async throws -> Response {
        let (bundle, user) = try await applicantBundle(request)
        let application = bundle.application
        // Idempotent: a second click, a reload or a replayed form lands on the receipt.
        if application.submittedAt != nil { return .seeOther(request.localLink(GrantsURL.receipt(application.pathID))) }
        guard application.state == .draft else { return .seeOther(request.localLink(GrantsURL.application(application.pathID))) }
        let now = Date()
        let (problems, attachments, found) = try await allProblems(request, bundle)
        let reading = ApplicationStore.readBudget(application.budget, locale: application.appLocale, currency: bundle.currency, t: request.t)
        func refuse(_ message: String, _ status: HTTPStatus) -> Response {
            let model = ApplicantPages.PreviewModel(bundle: bundle, problems: problems, attachments: attachments, coApplicants: found,
                                                    totals: reading.totals, now: now, refusal: message)
            return .html(ApplicantPages.preview(model, context: context(request)), status: status)
        }
        switch bundle.call.window.timing(of: now) {
        case .late:
            return refuse(request.t("grants.apply.late", ["deadline": GrantsPages.instant(bundle.call.deadline, in: bundle.call.timeZone, t: request.t)]), .conflict)
        case .notYetOpen:
            return refuse(request.t("grants.apply.not_open_yet"), .conflict)
        case .onTime:
            break
        }
        guard bundle.call.status == .open else { return refuse(request.t("grants.apply.error.call_not_open"), .conflict) }
        guard problems.isEmpty else { return refuse(request.t("grants.apply.fix_first"), .unprocessableEntity) }
        let expected = request.formVersion()
        let form = bundle.call.form
        let locale = application.appLocale
        let email = try await User.find(application.createdBy, on: request.db)?.email
        do {
            try await ApplicationStore.transition(application, .submit, by: .applicant, actor: user, expectedVersion: expected, on: request.db) { application, database in
                application.submittedAt = now
                application.answers = form.pruned(application.answers)
                application.requestedMinor = reading.totals?.requestedTotal.minorUnits
                let t = Translator(locale: locale)
                let body = t("grants.email.receipt_body", [
                    "reference": application.reference, "title": application.title, "organisation": bundle.organisation.name,
                    "call": GrantsPages.plainText(bundle.call.title, locale, fallback: bundle.call.code),
                    "time": GrantsPages.instant(now, in: bundle.call.timeZone, t: t),
                ])
                for recipient in Set([user.email] + (email.map { [$0] } ?? [])).sorted() {
                    try await Outbox.enqueue(on: database, to: recipient, subject: t("grants.email.receipt_subject", ["reference": application.reference]),
                                             body: body, locale: locale)
                }
            }
        } catch is ApplicationStore.Changed {
            // Submitted meanwhile from another tab: that submission stands.
            if let fresh = try await GrantApplication.find(application.id, on: request.db), fresh.submittedAt != nil {
                return .seeOther(request.localLink(GrantsURL.receipt(application.pathID)))
            }
            return refuse(request.t("grants.apply.conflict_submit"), .conflict)
        }
        return .seeOther(request.localLink(GrantsURL.receipt(application.pathID)))
    }

    @Sendable static func receipt(request: Request) async throws -> Response {
        let (bundle, _) = try await applicantBundle(request)
        guard bundle.application.submittedAt != nil else { return .seeOther(request.localLink(GrantsURL.application(bundle.application.pathID))) }
        return .html(ApplicantPages.receipt(bundle, context: context(request)))
    }

    // MARK: attachments

    @Sendable static func attach(request: Request) async throws -> Response {
        let (bundle, user) = try await applicantBundle(request)
        let application = bundle.application
        let t = request.t
        let input = ApplicationInput(application)
        let questionID = field(request, "question")
        let questions = bundle.call.form.sections.flatMap(\.questions).filter { $0.kind == .file }
        func refuse(_ message: String, _ status: HTTPStatus) async throws -> Response {
            .html(ApplicantPages.edit(try await editModel(request, bundle, input: input, errors: [FieldError(field: "q_\(questionID)", message: message)]),
                                      context: context(request)), status: status)
        }
        guard application.state == .draft else { return try await refuse(t("grants.apply.not_draft"), .conflict) }
        guard questions.contains(where: { $0.id == questionID }) else { return try await refuse(t("grants.apply.error.question"), .unprocessableEntity) }
        guard let file = try? request.content.get(File.self, at: "file_\(questionID)"), file.data.readableBytes > 0 else {
            return try await refuse(t("grants.attachment.empty"), .unprocessableEntity)
        }
        let bytes = Array(file.data.readableBytesView)
        // The name without controls or format characters (bidirectional overrides could disguise the extension).
        let fileName = FormText.line(String(file.filename.split(separator: "/").last ?? ""))
        let kind: Grants.AttachmentType
        switch Grants.AttachmentType.check(fileName: fileName, bytes: bytes, maxBytes: maxAttachmentBytes, allowed: allowedAttachments) {
        case let .failure(problem): return try await refuse(GrantsMessages.text(problem, t: t, locale: request.appLocale), .unprocessableEntity)
        case let .success(type): kind = type
        }
        let hash = try FileStore.write(bytes, dataDirectory: request.application.iceda.config.dataDirectory)
        let attachment = GrantAttachment()
        attachment.applicationID = try application.requireID()
        attachment.fileName = fileName.isEmpty ? "file" : String(fileName.prefix(200))
        attachment.kind = kind.rawValue
        attachment.size = bytes.count
        attachment.sha256 = hash
        attachment.uploadedBy = try user.requireID()
        do {
            try await ApplicationStore.write(application, expectedVersion: application.version, on: request.db) { database in
                try await attachment.save(on: database)
                var answers = application.answers
                answers[questionID, default: []].append(attachment.id!.uuidString.lowercased())
                application.answers = answers
                try await application.save(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.application.attach", targetType: "grant_application",
                                       targetID: application.id?.uuidString, after: ["file": attachment.fileName, "kind": kind.rawValue, "sha256": hash])
            }
        } catch is ApplicationStore.Changed {
            return try await refuse(t("grants.apply.conflict"), .conflict)
        }
        request.flash(.success, t("grants.apply.attached", ["file": attachment.shownName]))
        return .seeOther(request.localLink(GrantsURL.application(application.pathID) + "#f-q_\(questionID)"))
    }

    static func attachment(_ request: Request, _ bundle: ApplicationBundle) async throws -> GrantAttachment {
        guard let raw = request.parameters.get("attachment"), let id = UUID(uuidString: raw),
              let attachment = try await GrantAttachment.find(id, on: request.db), attachment.applicationID == bundle.application.id else { throw Abort(.notFound) }
        return attachment
    }

    @Sendable static func detach(request: Request) async throws -> Response {
        let (bundle, user) = try await applicantBundle(request)
        let application = bundle.application
        let attachment = try await attachment(request, bundle)
        guard application.state == .draft else { throw Abort(.conflict) }
        let id = attachment.id!.uuidString.lowercased()
        do {
            try await ApplicationStore.write(application, expectedVersion: application.version, on: request.db) { database in
                application.answers = application.answers.mapValues { $0.filter { $0 != id } }.filter { !$0.value.isEmpty }
                try await application.save(on: database)
                try await attachment.delete(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.application.detach", targetType: "grant_application",
                                       targetID: application.id?.uuidString, after: ["file": attachment.shownName])
            }
        } catch is ApplicationStore.Changed {
            throw Abort(.conflict)
        }
        request.flash(.success, request.t("grants.apply.detached", ["file": attachment.shownName]))
        return .seeOther(request.localLink(GrantsURL.application(application.pathID)))
    }

    /// Applicants, staff, the application's reviewers and the committee may download its files.
    @Sendable static func download(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let bundle = try await ApplicationStore.bundle(request)
        let roles = try await ApplicationStore.roles(of: user, in: bundle, on: request.db)
        guard !roles.isEmpty else { throw Abort(.forbidden) }
        // Drafts are the applicant's alone; a reviewer sees files only after declaring no conflict of interest.
        if bundle.application.state == .draft && !roles.contains(.applicant) { throw Abort(.forbidden) }
        if roles == [.reviewer] {
            let review = try await GrantReview.query(on: request.db).filter(\.$applicationID == bundle.application.requireID())
                .filter(\.$reviewerID == user.requireID()).first()
            guard review?.declaration == .noConflict else { throw Abort(.forbidden) }
        }
        let attachment = try await attachment(request, bundle)
        let path = FileStore.path(of: attachment.sha256, dataDirectory: request.application.iceda.config.dataDirectory)
        guard FileStore.isHash(attachment.sha256), let data = FileManager.default.contents(atPath: path.path) else { throw Abort(.notFound) }
        let type = Grants.AttachmentType(rawValue: attachment.kind)?.mediaType ?? "application/octet-stream"
        let safeName = attachment.shownName.filter { $0.isLetter || $0.isNumber || "._- ".contains($0) }
        return Response(status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(safeName)\"",
                                               "X-Content-Type-Options": "nosniff"], body: .init(data: data))
    }

    // MARK: withdraw and appeal

    @Sendable static func withdraw(request: Request) async throws -> Response {
        let (bundle, user) = try await applicantBundle(request)
        do {
            try await ApplicationStore.transition(bundle.application, .withdraw, by: .applicant, actor: user,
                                                  expectedVersion: request.formVersion(), on: request.db)
        } catch is ApplicationStore.Refused {
            return try await statusPage(request, bundle, errors: [FieldError(field: "withdraw", message: request.t("grants.apply.cannot_withdraw"))], status: .conflict)
        } catch is ApplicationStore.Changed {
            return try await statusPage(request, bundle, errors: [FieldError(field: "withdraw", message: request.t("grants.apply.conflict"))], status: .conflict)
        }
        request.flash(.success, request.t("grants.apply.withdrawn", ["reference": bundle.application.reference]))
        return .seeOther(request.localLink(GrantsURL.application(bundle.application.pathID)))
    }

    @Sendable static func appeal(request: Request) async throws -> Response {
        let (bundle, user) = try await applicantBundle(request)
        let text = String(field(request, "appeal_text").prefix(20_000))
        let t = request.t
        let words = Grants.ApplicationForm.wordCount(text)
        if words == 0 || words > 1_000 {
            return try await statusPage(request, bundle, appealText: text, errors: [FieldError(field: "appeal_text", message: t("grants.appeal.error.text"))],
                                        status: .unprocessableEntity)
        }
        guard let deadline = bundle.application.appealDeadline, Date() < deadline else {
            return try await statusPage(request, bundle, appealText: text, errors: [FieldError(field: "appeal_text", message: t("grants.appeal.error.closed"))],
                                        status: .conflict)
        }
        do {
            try await ApplicationStore.transition(bundle.application, .appeal, by: .applicant, actor: user,
                                                  expectedVersion: request.formVersion(), on: request.db) { application, _ in
                application.appealText = text
            }
        } catch is ApplicationStore.Refused {
            return try await statusPage(request, bundle, appealText: text, errors: [FieldError(field: "appeal_text", message: t("grants.appeal.error.closed"))],
                                        status: .conflict)
        } catch is ApplicationStore.Changed {
            return try await statusPage(request, bundle, appealText: text, errors: [FieldError(field: "appeal_text", message: t("grants.apply.conflict"))],
                                        status: .conflict)
        }
        request.flash(.success, t("grants.appeal.lodged"))
        return .seeOther(request.localLink(GrantsURL.application(bundle.application.pathID)))
    }
}
