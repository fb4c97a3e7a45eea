// The observatory's waiting work on a researcher's account page: the assessment waves collecting answers or
// being reconciled.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Methods
import Vapor

enum ObservatoryWork {
    static func items(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] {
        guard user.role == .researcher || user.role.isStaff else { return [] }
        let t = context.t
        let open = try await AssessmentWave.query(on: request.db).filter(\.$state ~~ [WaveState.collecting, WaveState.reconciling]).count()
        return open > 0 ? [WorkItem(t.plural("work.observatory.waves", count: open), href: context.link(ObservatoryURL.assessments()))] : []
    }
}
