// What other features may use of the network directory, besides the public models (Organisation,
// Membership, Person, OrganisationKind, FocusArea) and OrganisationInput's checks: the compiler keeps the rest
// of this target internal.
import Fluent
import Kernel

extension Organisation {
    /// A slug made from the name ("Lëvizja Mjaft!" → "levizja-mjaft"), with a number added when another
    /// organisation has it already.
    package static func uniqueSlug(forName name: String, on database: Database) async throws -> String {
        try await DirectoryRoutes.uniqueSlug(Slug.make(name), on: database)
    }
}
