// EvaluationRoutes: the ranking of a lot and the reviewers' pages.
import Kernel
import Network
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import SQLKit
import Vapor

extension EvaluationRoutes {
    // MARK: ranking

    struct RankingRow: Decodable, Sendable {
        var id: UUID
        var reference: String
        var organisation_id: UUID
        var country: String
        var state: String
        var requested_minor: Int64?
        var submitted_at: Date?
        var valid_reviews: Int
        var score_mean: String
        var score_spread: String
        var score_flagged: Bool
        var criterion_points: String
    }

    /// The ranking of one lot from the stored aggregates (no review is read), and the funding line it implies.
    static func rankLot(_ lot: GrantLot, call: GrantCall, currency: Grants.Currency, on database: Database) async throws -> (Grants.RankingResult, Grants.FundingLine, [String: RankingRow]) {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        let ranked: [String] = [Grants.ApplicationState.inReview, .reviewed, .awarded, .reserveList, .rejected, .appealed, .appealUpheld, .appealDismissed, .closed].map(\.rawValue)
        let rows = try await sql.select()
            .columns("id", "reference", "organisation_id", "country", "state", "requested_minor", "submitted_at", "valid_reviews", "score_mean",
                     "score_spread", "score_flagged", "criterion_points")
            .from(GrantApplication.schema)
            .where("lot_id", .equal, lot.requireID())
            .where("state", .in, ranked)
            .where("submitted_at", .isNot, SQLLiteral.null)
            .all(decoding: RankingRow.self)
        let criteria = lot.criteria.map { Grants.Criterion(id: $0.id, title: $0.id, weight: $0.weight, maxScore: $0.maxScore) }
        let candidates = rows.map { row in
            Grants.RankingCandidate(
                applicationId: row.reference, country: row.country, requested: Grants.Money(minorUnits: row.requested_minor ?? 0, currency: currency),
                submittedAt: row.submitted_at ?? .distantPast,
                score: ApplicationStore.storedAggregate(reference: row.reference, validReviews: row.valid_reviews, mean: row.score_mean, spread: row.score_spread,
                                                        flagged: row.score_flagged, points: row.criterion_points, minimumReviews: call.minimumReviews))
        }
        let result = Grants.rank(candidates, criteria: criteria)
        let rules = lot.rules(currency: currency)
        let policy = Grants.FundingPolicy(budget: rules.budget, maximumGrants: rules.maximumGrants, maximumGrantsPerCountry: rules.maximumGrantsPerCountry)
        let line = Grants.drawFundingLine(result.ranked, policy: policy)
        return (result, line, Dictionary(rows.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    @Sendable static func ranking(request: Request) async throws -> Response {
        let user = try await requireEvaluator(request)
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let call = try await GrantCall.query(on: request.db).filter(\.$code == code).first(),
              let programme = try await GrantProgramme.find(call.programmeID, on: request.db) else { throw Abort(.notFound) }
        let committee = try await GrantCommitteeMember.query(on: request.db).filter(\.$callID == call.requireID()).all()
        guard user.role.isStaff || committee.contains(where: { $0.userID == user.id }) else { throw Abort(.forbidden) }
        let lots = try await GrantLot.query(on: request.db).filter(\.$callID == call.requireID()).sort(\.$position).all()
        guard !lots.isEmpty else { throw Abort(.notFound) }
        let lot = lots.first { $0.code == request.query[String.self, at: "lot"] } ?? lots[0]
        let (result, line, rows) = try await request.rankingCache.ranking(of: lot, call: call, currency: programme.currency, on: request.db)
        let page = request.queryPage(max: 10_000)
        let info = PageInfo(page: page, perPage: 100, total: result.ranked.count)
        let shown = Array(result.ranked.dropFirst(info.offset).prefix(100))
        let organisations = try await Organisation.query(on: request.db).filter(\.$id ~~ Set(shown.compactMap { rows[$0.candidate.applicationId]?.organisation_id }).sorted { $0.uuidString < $1.uuidString })
            .field(\.$id).field(\.$name).all()
        let members = committee.isEmpty ? [] : try await User.query(on: request.db).filter(\.$id ~~ committee.map(\.userID)).sort(\.$name).all()
        let model = EvaluationPages.RankingModel(call: call, programme: programme, lots: lots, lot: lot, result: result, line: line, rows: rows, shown: shown,
                                                 info: info, organisations: organisations, committee: members, canManage: user.role.isStaff, typedEmail: "", errors: [])
        return .html(EvaluationPages.ranking(model, context: context(request)))
    }

    @Sendable static func addCommitteeMember(request: Request) async throws -> Response {
        let user = try request.requireStaff()
        guard let code = request.parameters.get("code"), GrantRegisterQuery.isCode(code),
              let call = try await GrantCall.query(on: request.db).filter(\.$code == code).first() else { throw Abort(.notFound) }
        let email = field(request, "email").trimmingCharacters(in: .whitespaces).lowercased()
        guard let member = try await User.query(on: request.db).filter(\.$email == email).first(), member.active else {
            request.flash(.warning, request.t("grants.committee.error.unknown", ["email": email]))
            return .seeOther(request.localLink(GrantsURL.ranking(call.code)))
        }
        if try await GrantCommitteeMember.query(on: request.db).filter(\.$callID == call.requireID()).filter(\.$userID == member.requireID()).count() == 0 {
            do {
                try await request.db.transaction { database in
                    try await GrantCommitteeMember(callID: call.requireID(), userID: member.requireID()).save(on: database)
                    try await Audit.record(on: database, actor: user, action: "grants.committee.add", targetType: "grant_call", targetID: call.id?.uuidString,
                                           after: ["call": call.code, "member": member.email])
                }
            } catch {
                // Added at the same moment by someone else: nothing to do.
                guard try await GrantCommitteeMember.query(on: request.db).filter(\.$callID == call.requireID()).filter(\.$userID == member.requireID()).count() > 0 else { throw error }
            }
        }
        request.flash(.success, request.t("grants.committee.added", ["name": member.name]))
        return .seeOther(request.localLink(GrantsURL.ranking(call.code)))
    }

    // MARK: reviewers

    @Sendable static func myReviews(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let reviews = try await GrantReview.query(on: request.db).filter(\.$reviewerID == user.requireID()).sort(\.$createdAt).all()
        let applications = reviews.isEmpty ? [] : try await GrantApplication.query(on: request.db).filter(\.$id ~~ reviews.map(\.applicationID)).all()
        return .html(EvaluationPages.myReviews(reviews: reviews, applications: applications, context: context(request)))
    }

    static func reviewBundle(_ request: Request) async throws -> (GrantReview, ApplicationBundle, User) {
        let user = try request.requireUser()
        guard let raw = request.parameters.get("review"), let id = UUID(uuidString: raw), let review = try await GrantReview.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        guard review.reviewerID == user.id else { throw Abort(.forbidden) }
        guard let application = try await GrantApplication.find(review.applicationID, on: request.db) else { throw Abort(.notFound) }
        let bundle = try await ApplicationStore.bundle(of: application, on: request.db)
        // A reviewer who joined the applicant after being assigned no longer sees, declares or scores it.
        if let organisation = try await EvaluationRoutes.conflict(user, bundle, on: request.db) {
            throw Abort(.conflict, reason: request.t("grants.review.error.conflict", ["organisation": organisation.name]))
        }
        return (review, bundle, user)
    }

    static func reviewResponse(_ request: Request, _ review: GrantReview, _ bundle: ApplicationBundle, scores: [String: String]? = nil, comment: String? = nil,
                               recommendation: String? = nil, errors: [FieldError] = [], conflictNote: String = "", status: HTTPStatus = .ok) async throws -> Response {
        let attachments = try await GrantAttachment.query(on: request.db).filter(\.$applicationID == bundle.application.requireID()).all()
        let reading = ApplicationStore.readBudget(bundle.application.budget, locale: bundle.application.appLocale, currency: bundle.currency, t: request.t)
        let model = EvaluationPages.ReviewModel(
            review: review, bundle: bundle, attachments: attachments, totals: reading.totals,
            scores: scores ?? review.scores.mapValues(String.init), comment: comment ?? review.comment, recommendation: recommendation ?? review.recommendation,
            errors: errors, conflictNote: conflictNote)
        return .html(EvaluationPages.review(model, context: context(request)), status: status)
    }

    @Sendable static func reviewForm(request: Request) async throws -> Response {
        let (review, bundle, _) = try await reviewBundle(request)
        return try await reviewResponse(request, review, bundle)
    }

    @Sendable static func declare(request: Request) async throws -> Response {
        let (review, bundle, user) = try await reviewBundle(request)
        let t = request.t
        guard review.declaration == .notDeclared else { return .seeOther(request.localLink(GrantsURL.review(review.id!.uuidString.lowercased()))) }
        let answer = field(request, "declaration")
        let note = String(field(request, "conflict_note").prefix(2_000))
        guard let declaration = Grants.ConflictDeclaration(rawValue: answer), declaration != .notDeclared else {
            return try await reviewResponse(request, review, bundle, errors: [FieldError(field: "declaration", message: t("grants.review.error.declaration"))],
                                            conflictNote: note, status: .unprocessableEntity)
        }
        if declaration == .conflict && note.allSatisfy(\.isWhitespace) {
            return try await reviewResponse(request, review, bundle, errors: [FieldError(field: "conflict_note", message: t("grants.review.error.conflict_note"))],
                                            conflictNote: note, status: .unprocessableEntity)
        }
        review.declarationRaw = declaration.rawValue
        review.conflictNote = note
        let application = bundle.application
        try await request.db.transaction { database in
            try await review.save(on: database)
            try await Audit.record(on: database, actor: user, action: "grants.review.declare", targetType: "grant_application", targetID: application.id?.uuidString,
                                   after: ["reference": application.reference, "declaration": declaration.rawValue, "note": note])
        }
        request.flash(.success, t(declaration == .conflict ? "grants.review.declared_conflict" : "grants.review.declared_free"))
        return .seeOther(request.localLink(GrantsURL.review(review.id!.uuidString.lowercased())))
    }

    @Sendable static func score(request: Request) async throws -> Response {
        let (review, bundle, user) = try await reviewBundle(request)
        let t = request.t
        let criteria = bundle.lot.criteria
        var typed: [String: String] = [:]
        for criterion in criteria { typed[criterion.id] = field(request, "score_\(criterion.id)") }
        let comment = String(field(request, "comment").prefix(10_000))
        let recommendation = field(request, "recommendation")
        func refuse(_ errors: [FieldError], _ status: HTTPStatus) async throws -> Response {
            try await reviewResponse(request, review, bundle, scores: typed, comment: comment, recommendation: recommendation, errors: errors, status: status)
        }
        if let blocker = Grants.reviewBlocker(review.declaration, reviewer: user.name) {
            return try await refuse([FieldError(field: "declaration", message: GrantsMessages.text(blocker, t: t, locale: request.appLocale))], .conflict)
        }
        guard bundle.application.state == .inReview else { return try await refuse([FieldError(field: "comment", message: t("grants.review.error.closed"))], .conflict) }
        var errors: [FieldError] = []
        var scores: [String: Int64] = [:]
        for criterion in criteria {
            if let value = Int64(typed[criterion.id]!.trimmingCharacters(in: .whitespaces)), (0...criterion.maxScore).contains(value) {
                scores[criterion.id] = value
            } else {
                errors.append(FieldError(field: "score_\(criterion.id)", message: t("grants.review.error.score", [
                    "criterion": GrantsPages.plainText(criterion.title, request.appLocale, fallback: criterion.id), "maximum": t.integer(Int(criterion.maxScore))])))
            }
        }
        if comment.allSatisfy(\.isWhitespace) { errors.append(FieldError(field: "comment", message: t("grants.review.error.comment"))) }
        if !GrantReview.recommendations.contains(recommendation) { errors.append(FieldError(field: "recommendation", message: t("grants.review.error.recommendation"))) }
        guard errors.isEmpty else { return try await refuse(errors, .unprocessableEntity) }
        let given = scores
        review.scores = given
        review.comment = comment
        review.recommendation = recommendation
        review.submittedAt = Date()
        let application = bundle.application
        let criteriaRules = bundle.criteria
        let call = bundle.call
        do {
            try await ApplicationStore.write(application, expectedVersion: application.version, on: request.db) { database in
                try await review.save(on: database)
                try await ApplicationStore.refreshAggregate(application, criteria: criteriaRules, call: call, on: database)
                try await application.save(on: database)
                try await Audit.record(on: database, actor: user, action: "grants.review.submit", targetType: "grant_application", targetID: application.id?.uuidString,
                                       after: ["reference": application.reference, "scores": given.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                                               "recommendation": recommendation])
            }
        } catch is ApplicationStore.Changed {
            return try await refuse([FieldError(field: "comment", message: t("grants.apply.conflict"))], .conflict)
        }
        request.flash(.success, t("grants.review.saved", ["reference": application.reference]))
        return .seeOther(request.localLink(GrantsURL.reviews()))
    }
}
