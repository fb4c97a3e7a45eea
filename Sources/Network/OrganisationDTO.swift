// The organisation as the API and the audit log show it (never the Fluent model itself).
import Kernel
import Foundation
import Vapor

struct OrganisationDTO: Content, Equatable {
    var slug: String
    var name: String
    var kind: String
    var country: String
    var municipality: String
    var website: String
    var focusAreas: [String]
    var description: [String: String]
    var updatedAt: Date?

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
