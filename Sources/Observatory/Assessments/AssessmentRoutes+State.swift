// AssessmentRoutes: moving a wave through its states, and its evidence files.
import Kernel
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

extension AssessmentRoutes {
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
            return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
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
        return .seeOther(request.localLink(ObservatoryURL.wave(wave.id!.uuidString.lowercased())))
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
