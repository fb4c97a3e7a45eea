extension Grants {
    /// Building a 360Giving Data Standard 1.4.3 data package from awarded grants.
    public enum ThreeSixtyGiving {
        /// The schema version written in the package (`major.minor`, as the package schema requires).
        public static let version = "1.4"

        /// An organisation: recipient, funder or publisher.
        public struct Organization: Hashable, Sendable {
            /// An org-id.guide identifier, e.g. `MK-CRM-1234567`.
            public var id: String
            /// The organisation's name.
            public var name: String
            /// ISO 3166-1 alpha-2 code of its country (`XK` for Kosovo), if known.
            public var countryCode: String?
            /// Its website, if any.
            public var website: String?

            /// An organisation.
            public init(id: String, name: String, countryCode: String? = nil, website: String? = nil) {
                self.id = id
                self.name = name
                self.countryCode = countryCode
                self.website = website
            }
        }

        /// The programme (call and lot) a grant belongs to.
        public struct Programme: Hashable, Sendable {
            /// A code, e.g. `iceda-sg-2020-lot-2`.
            public var code: String
            /// A title.
            public var title: String

            /// A programme.
            public init(code: String, title: String) {
                self.code = code
                self.title = title
            }
        }

        /// One awarded grant, as published.
        public struct AwardedGrant: Hashable, Sendable {
            /// The platform's identifier; the published id is the package prefix followed by it.
            public var localId: String
            /// Title of the funded project.
            public var title: String
            /// Description of the funded project.
            public var description: String
            /// The amount awarded (its currency is the grant's currency).
            public var amountAwarded: Money
            /// The amount applied for, if published.
            public var amountAppliedFor: Money?
            /// The date of the award decision.
            public var awardDate: CalendarDate
            /// The recipient organisation.
            public var recipient: Organization
            /// The planned first day of the project.
            public var plannedStart: CalendarDate
            /// The planned duration in months.
            public var durationMonths: Int
            /// The planned last day (nil: start + duration − 1 day).
            public var plannedEnd: CalendarDate?
            /// The programme, if published.
            public var programme: Programme?

            /// A grant.
            public init(
                localId: String, title: String, description: String, amountAwarded: Money, amountAppliedFor: Money? = nil,
                awardDate: CalendarDate, recipient: Organization, plannedStart: CalendarDate, durationMonths: Int,
                plannedEnd: CalendarDate? = nil, programme: Programme? = nil
            ) {
                self.localId = localId
                self.title = title
                self.description = description
                self.amountAwarded = amountAwarded
                self.amountAppliedFor = amountAppliedFor
                self.awardDate = awardDate
                self.recipient = recipient
                self.plannedStart = plannedStart
                self.durationMonths = durationMonths
                self.plannedEnd = plannedEnd
                self.programme = programme
            }
        }

        /// Who publishes the package, under which licence, and the grant identifier prefix.
        public struct Publication: Hashable, Sendable {
            /// The package title.
            public var title: String
            /// The package identifier (unique for the publisher).
            public var identifier: String
            /// The publishing organisation.
            public var publisher: Organization
            /// The funding organisation named on every grant.
            public var funder: Organization
            /// The licence URI, e.g. `https://creativecommons.org/licenses/by/4.0/`.
            public var license: String
            /// The issue date.
            public var issued: CalendarDate
            /// Prefix of every grant identifier; must start with `360G-`, e.g. `360G-iceda-`.
            public var identifierPrefix: String

            /// A publication.
            public init(
                title: String, identifier: String, publisher: Organization, funder: Organization, license: String,
                issued: CalendarDate, identifierPrefix: String
            ) {
                self.title = title
                self.identifier = identifier
                self.publisher = publisher
                self.funder = funder
                self.license = license
                self.issued = issued
                self.identifierPrefix = identifierPrefix
            }
        }

        /// Why the package cannot be built.
        public enum Problem: Error, Hashable, Sendable, ReasonCoded {
            /// A package needs at least one grant.
            case noGrants
            /// The prefix does not start with `360G-` or contains spaces.
            case invalidPrefix(String)
            /// A grant's local identifier is empty or contains spaces.
            case invalidLocalId(String)
            /// Two grants would get the same identifier.
            case duplicateIdentifier(String)
            /// A grant (by identifier), recipient or funder lacks a required text (title, id or name).
            case missingText(grant: String, field: String)
            /// A grant's amount is negative.
            case negativeAmount(grant: String)
            /// A grant's planned dates are inconsistent (end before start, duration below one month).
            case invalidPlannedDates(grant: String)
            /// A recipient's country code is not two upper-case letters.
            case invalidCountryCode(grant: String, code: String)

            /// Stable reason code.
            public var code: String {
                switch self {
                case .noGrants: "grants.360giving.no-grants"
                case .invalidPrefix: "grants.360giving.invalid-prefix"
                case .invalidLocalId: "grants.360giving.invalid-local-id"
                case .duplicateIdentifier: "grants.360giving.duplicate-identifier"
                case .missingText: "grants.360giving.missing-text"
                case .negativeAmount: "grants.360giving.negative-amount"
                case .invalidPlannedDates: "grants.360giving.invalid-planned-dates"
                case .invalidCountryCode: "grants.360giving.invalid-country-code"
                }
            }

            /// Message arguments.
            public var arguments: [String: Argument] {
                switch self {
                case .noGrants: [:]
                case let .invalidPrefix(text), let .invalidLocalId(text), let .duplicateIdentifier(text): ["id": .text(text)]
                case let .missingText(grant, field): ["grant": .text(grant), "field": .text(field)]
                case let .negativeAmount(grant), let .invalidPlannedDates(grant): ["grant": .text(grant)]
                case let .invalidCountryCode(grant, code): ["grant": .text(grant), "code": .text(code)]
                }
            }
        }

        /// Every problem found, in input order.
        public struct InvalidExport: Error, Hashable, Sendable {
            /// The problems.
            public var problems: [Problem]
        }
    }
}
