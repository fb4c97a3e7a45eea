// The organisation as the API and the audit log show it (never the Fluent model itself).
import Kernel
import Foundation
import Vapor

package struct OrganisationDTO: Content, Equatable {
    package var slug: String
    package var name: String
    package var kind: String
    package var country: String
    package var municipality: String
    package var website: String
    package var focusAreas: [String]
    package var description: [String: String]
    package var updatedAt: Date?

    package init(_ organisation: Organisation) {
        slug = organisation.slug
        name = organisation.name
        kind = organisation.kind.rawValue
        country = organisation.countryCode
        municipality = organisation.municipality
        website = organisation.website
        focusAreas = organisation.focusAreas.map(\.rawValue)
        description = organisation.summary.values
        updatedAt = organisation.updatedAt
    }
}

/// One page of a list in the API.
