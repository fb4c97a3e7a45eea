// Who may edit an organisation's profile: staff, and the organisation's own members.
import Kernel
import Fluent
import Vapor

enum OrganisationAccess {
    static func canEdit(_ user: User?, _ organisation: Organisation, on database: Database) async throws -> Bool {
        guard let user, user.active else { return false }
        if user.role.isStaff { return true }
        let roles = try await OrganisationRole.query(on: database)
            .filter(\.$userID == user.requireID()).filter(\.$organisationID == organisation.requireID()).all()
        return roles.contains { $0.role == .member || $0.role == .focalPoint }
    }

    /// The signed-in user if they may edit `organisation`; a sign-in redirect or 403 otherwise.
    static func requireEditor(_ request: Request, _ organisation: Organisation) async throws -> User {
        let user = try request.requireUser()
        guard try await canEdit(user, organisation, on: request.db) else { throw Abort(.forbidden) }
        return user
    }
}
