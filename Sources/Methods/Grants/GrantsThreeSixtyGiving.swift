extension Grants.ThreeSixtyGiving {
    /// Builds the 360Giving 1.4.3 data package (grants sorted by identifier), or every problem at once.
    ///
    /// Each grant carries id, title, description, currency, amountAwarded (and amountAppliedFor when
    /// given), awardDate, plannedDates (start, end, duration in months), recipientOrganization with its
    /// country as a location, fundingOrganization, grantProgramme and `fromOpenCall: "Yes"`. Kosovo (`XK`)
    /// is not in the standard's ISO 3166-1 code list, so its location carries the name "Kosovo" only.
    public static func package(
        _ grants: [AwardedGrant], publication: Publication
    ) -> Result<JSONNode, InvalidExport> {
        var problems: [Problem] = []
        if grants.isEmpty { problems.append(.noGrants) }
        let prefix = publication.identifierPrefix
        if !prefix.hasPrefix("360G-") || prefix.contains(where: \.isWhitespace) { problems.append(.invalidPrefix(prefix)) }
        for (field, text) in [("funder.id", publication.funder.id), ("funder.name", publication.funder.name),
                              ("publisher.name", publication.publisher.name)] where isBlank(text) {
            problems.append(.missingText(grant: "", field: field))
        }
        var seen = Set<String>()
        for grant in grants {
            let id = prefix + grant.localId
            if grant.localId.isEmpty || grant.localId.contains(where: \.isWhitespace) { problems.append(.invalidLocalId(grant.localId)) }
            if !seen.insert(id).inserted { problems.append(.duplicateIdentifier(id)) }
            for (field, text) in [("title", grant.title), ("recipient.id", grant.recipient.id), ("recipient.name", grant.recipient.name)]
            where isBlank(text) {
                problems.append(.missingText(grant: id, field: field))
            }
            if grant.amountAwarded.isNegative || (grant.amountAppliedFor?.isNegative ?? false) { problems.append(.negativeAmount(grant: id)) }
            if grant.durationMonths < 1 || (grant.plannedEnd.map { $0 < grant.plannedStart } ?? false) {
                problems.append(.invalidPlannedDates(grant: id))
            }
            if let code = grant.recipient.countryCode, code.utf8.count != 2 || !code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) {
                problems.append(.invalidCountryCode(grant: id, code: code))
            }
        }
        if !problems.isEmpty { return .failure(InvalidExport(problems: problems)) }
        let sorted = grants.sorted { (prefix + $0.localId).unicodeScalars.lexicographicallyPrecedes((prefix + $1.localId).unicodeScalars) }
        var members: [(String, JSONNode)] = [
            ("version", .string(version)),
            ("title", .string(publication.title)),
            ("identifier", .string(publication.identifier)),
            ("issued", .string(publication.issued.iso)),
            ("publisher", publisher(publication.publisher)),
            ("license", .string(publication.license)),
        ]
        members.append(("grants", .array(sorted.map { grantNode($0, publication: publication) })))
        return .success(.object(members))
    }

    /// English names of the programme's countries, written as the recipient's country and location name.
    public static let countryNames: [String: String] = [
        "AL": "Albania", "XK": "Kosovo", "ME": "Montenegro", "MK": "North Macedonia", "RS": "Serbia",
    ]

    private static func grantNode(_ grant: AwardedGrant, publication: Publication) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("id", .string(publication.identifierPrefix + grant.localId)),
            ("title", .string(grant.title)),
            ("description", .string(grant.description)),
            ("currency", .string(grant.amountAwarded.currency.code)),
        ]
        if let applied = grant.amountAppliedFor { members.append(("amountAppliedFor", .amount(applied))) }
        members += [
            ("amountAwarded", .amount(grant.amountAwarded)),
            ("awardDate", .string(grant.awardDate.iso)),
            ("plannedDates", .array([.object([
                ("startDate", .string(grant.plannedStart.iso)),
                ("endDate", .string((grant.plannedEnd ?? grant.plannedStart.endOfPeriod(months: grant.durationMonths)).iso)),
                ("duration", .integer(grant.durationMonths)),
            ])])),
            ("recipientOrganization", .array([organization(grant.recipient, withLocation: true)])),
            ("fundingOrganization", .array([organization(publication.funder, withLocation: false)])),
        ]
        if let programme = grant.programme {
            members.append(("grantProgramme", .array([.object([("code", .string(programme.code)), ("title", .string(programme.title))])])))
        }
        members.append(("fromOpenCall", .string("Yes")))
        return .object(members)
    }

    /// The package's publisher object (the package schema names the identifier `identifier`).
    private static func publisher(_ organization: Organization) -> JSONNode {
        var members: [(String, JSONNode)] = [("identifier", .string(organization.id)), ("name", .string(organization.name))]
        if let website = organization.website { members.append(("website", .string(website))) }
        return .object(members)
    }

    /// A grant's organisation object, with its country as `addressCountry` and a location when asked.
    private static func organization(_ organization: Organization, withLocation: Bool) -> JSONNode {
        var members: [(String, JSONNode)] = [("id", .string(organization.id)), ("name", .string(organization.name))]
        if let website = organization.website { members.append(("url", .string(website))) }
        if withLocation, let code = organization.countryCode {
            let name = countryNames[code]
            if let name { members.append(("addressCountry", .string(name))) }
            var location: [(String, JSONNode)] = []
            if code != "XK" { location.append(("countryCode", .string(code))) }
            if let name { location.append(("name", .string(name))) }
            if !location.isEmpty { members.append(("location", .array([.object(location)]))) }
        }
        return .object(members)
    }

    private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}
