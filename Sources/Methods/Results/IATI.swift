// An IATI 2.03 activity file (https://iatistandard.org/en/iati-standard/203/activity-standard/), written without
// a server from plain values. `problems` lists what would make the file fail the schema or the ruleset (a missing
// identifier, an identifier that does not start with the reporting organisation's, a value without a date, …),
// so that a caller never writes such a file.
import Foundation

public struct IATIOrganisation: Sendable, Equatable {
    /// An org-id.guide identifier, e.g. `XI-IATI-EC_NEAR`; empty when the organisation has none.
    public var ref: String
    /// IATI OrganisationType code, e.g. 22 (national NGO), 15 (other public sector), 10 (government).
    public var type: String
    public var name: String
    /// IATI OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing (participating orgs only).
    public var role: String

    public init(ref: String, type: String, name: String, role: String = "") {
        self.ref = ref
        self.type = type
        self.name = name
        self.role = role
    }
}

public struct IATITransaction: Sendable, Equatable {
    /// IATI TransactionType code: 2 outgoing commitment, 3 disbursement.
    public var type: String
    public var date: CalendarDate
    /// Decimal text with a dot, e.g. `17000.00`.
    public var value: String
    public var currency: String
    public var receiver: IATIOrganisation
    public var description: String

    public init(type: String, date: CalendarDate, value: String, currency: String, receiver: IATIOrganisation, description: String) {
        self.type = type
        self.date = date
        self.value = value
        self.currency = currency
        self.receiver = receiver
        self.description = description
    }
}

public struct IATIIndicatorPeriod: Sendable, Equatable {
    public var start: CalendarDate
    public var end: CalendarDate
    public var target: Int
    public var actual: Int?

    public init(start: CalendarDate, end: CalendarDate, target: Int, actual: Int?) {
        self.start = start
        self.end = end
        self.target = target
        self.actual = actual
    }
}

public struct IATIIndicator: Sendable, Equatable {
    public var title: String
    public var description: String
    public var ascending: Bool
    public var baselineDate: CalendarDate
    public var baseline: Int
    public var periods: [IATIIndicatorPeriod]

    public init(title: String, description: String, ascending: Bool, baselineDate: CalendarDate, baseline: Int, periods: [IATIIndicatorPeriod]) {
        self.title = title
        self.description = description
        self.ascending = ascending
        self.baselineDate = baselineDate
        self.baseline = baseline
        self.periods = periods
    }
}

public struct IATIResult: Sendable, Equatable {
    /// IATI ResultType code: 1 output, 2 outcome, 3 impact.
    public var type: String
    public var title: String
    public var indicators: [IATIIndicator]

    public init(type: String, title: String, indicators: [IATIIndicator]) {
        self.type = type
        self.title = title
        self.indicators = indicators
    }
}

public struct IATIActivity: Sendable, Equatable {
    public var identifier: String
    public var reportingOrg: IATIOrganisation
    public var title: String
    public var description: String
    public var language: String
    public var currency: String
    public var participating: [IATIOrganisation]
    /// IATI ActivityStatus code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed.
    public var status: String
    public var start: CalendarDate
    public var end: CalendarDate
    /// Whether the dates are actual (started, ended) or planned.
    public var started: Bool
    public var ended: Bool
    /// ISO 3166-1 alpha-2 codes with percentages that sum to 100.
    public var countries: [(code: String, percentage: Int)]
    /// OECD DAC 5-digit purpose codes with percentages that sum to 100.
    public var sectors: [(code: String, percentage: Int)]
    public var budget: String
    public var transactions: [IATITransaction]
    public var results: [IATIResult]
    public var lastUpdated: Date

    public init(identifier: String, reportingOrg: IATIOrganisation, title: String, description: String, language: String, currency: String,
                participating: [IATIOrganisation], status: String, start: CalendarDate, end: CalendarDate, started: Bool, ended: Bool,
                countries: [(code: String, percentage: Int)], sectors: [(code: String, percentage: Int)], budget: String,
                transactions: [IATITransaction], results: [IATIResult], lastUpdated: Date) {
        self.identifier = identifier
        self.reportingOrg = reportingOrg
        self.title = title
        self.description = description
        self.language = language
        self.currency = currency
        self.participating = participating
        self.status = status
        self.start = start
        self.end = end
        self.started = started
        self.ended = ended
        self.countries = countries
        self.sectors = sectors
        self.budget = budget
        self.transactions = transactions
        self.results = results
        self.lastUpdated = lastUpdated
    }

    public static func == (a: IATIActivity, b: IATIActivity) -> Bool { IATI.xml([a], generated: a.lastUpdated) == IATI.xml([b], generated: b.lastUpdated) }

    /// What would make the file invalid, each naming the element.
    public var problems: [String] {
        var problems: [String] = []
        func isIdentifier(_ text: String) -> Bool {
            !text.isEmpty && text.count <= 200 && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:/".unicodeScalars.contains($0)) }
        }
        if !isIdentifier(reportingOrg.ref) { problems.append("reporting-org: the reporting organisation needs an identifier (org-id.guide), e.g. MK-CRN-12345") }
        if !isIdentifier(identifier) { problems.append("iati-identifier: the programme needs an activity identifier") }
        else if isIdentifier(reportingOrg.ref), !identifier.hasPrefix(reportingOrg.ref + "-") {
            problems.append("iati-identifier: \(identifier) must start with the reporting organisation's identifier \(reportingOrg.ref) and a hyphen")
        }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("title: the programme needs a title") }
        if currency.count != 3 || !currency.allSatisfy({ $0.isUppercase && $0.isASCII }) { problems.append("default-currency: \(currency) is not an ISO 4217 code") }
        if end < start { problems.append("activity-date: the end \(end.iso) is before the start \(start.iso)") }
        if countries.isEmpty { problems.append("recipient-country: at least one country is needed") }
        if !countries.isEmpty && countries.reduce(0, { $0 + $1.percentage }) != 100 { problems.append("recipient-country: the percentages must sum to 100") }
        if sectors.isEmpty { problems.append("sector: at least one OECD DAC sector is needed") }
        if !sectors.isEmpty && sectors.reduce(0, { $0 + $1.percentage }) != 100 { problems.append("sector: the percentages must sum to 100") }
        for sector in sectors where sector.code.count != 5 || !sector.code.allSatisfy(\.isNumber) { problems.append("sector: \(sector.code) is not a 5-digit DAC code") }
        for organisation in participating where organisation.name.isEmpty && organisation.ref.isEmpty {
            problems.append("participating-org: an organisation needs a name or an identifier")
        }
        for result in results {
            for indicator in result.indicators where indicator.title.isEmpty { problems.append("result/indicator: \(result.title): an indicator without a title") }
        }
        return problems
    }
}

public enum IATI {
    /// The activities as an IATI 2.03 XML document (elements in the schema's order).
    public static func xml(_ activities: [IATIActivity], generated: Date) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<iati-activities version="2.03" generated-datetime="\#(timestamp(generated))">"# + "\n"
        for activity in activities { write(activity, into: &out) }
        out += "</iati-activities>\n"
        return out
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // characters XML 1.0 does not allow are left out
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r": continue
            case _ where (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func narrative(_ text: String, indent: String) -> String {
        "\(indent)<narrative>\(escape(text))</narrative>\n"
    }

    static func write(_ activity: IATIActivity, into out: inout String) {
        let currency = escape(activity.currency)
        out += #"  <iati-activity last-updated-datetime="\#(timestamp(activity.lastUpdated))" xml:lang="\#(escape(activity.language))" default-currency="\#(currency)">"# + "\n"
        out += "    <iati-identifier>\(escape(activity.identifier))</iati-identifier>\n"
        out += #"    <reporting-org ref="\#(escape(activity.reportingOrg.ref))" type="\#(escape(activity.reportingOrg.type))">"# + "\n"
        out += narrative(activity.reportingOrg.name, indent: "      ") + "    </reporting-org>\n"
        out += "    <title>\n" + narrative(activity.title, indent: "      ") + "    </title>\n"
        if !activity.description.isEmpty {
            out += #"    <description type="1">"# + "\n" + narrative(activity.description, indent: "      ") + "    </description>\n"
        }
        for organisation in activity.participating {
            out += "    <participating-org" + (organisation.ref.isEmpty ? "" : #" ref="\#(escape(organisation.ref))""#)
                + #" role="\#(escape(organisation.role))" type="\#(escape(organisation.type))">"# + "\n"
            out += narrative(organisation.name, indent: "      ") + "    </participating-org>\n"
        }
        out += #"    <activity-status code="\#(escape(activity.status))"/>"# + "\n"
        out += #"    <activity-date iso-date="\#(activity.start.iso)" type="\#(activity.started ? "2" : "1")"/>"# + "\n"
        out += #"    <activity-date iso-date="\#(activity.end.iso)" type="\#(activity.ended ? "4" : "3")"/>"# + "\n"
        for country in activity.countries {
            out += #"    <recipient-country code="\#(escape(country.code))" percentage="\#(country.percentage)"/>"# + "\n"
        }
        for sector in activity.sectors {
            out += #"    <sector vocabulary="1" code="\#(escape(sector.code))" percentage="\#(sector.percentage)"/>"# + "\n"
        }
        out += #"    <budget type="1" status="2">"# + "\n"
        out += #"      <period-start iso-date="\#(activity.start.iso)"/>"# + "\n" + #"      <period-end iso-date="\#(activity.end.iso)"/>"# + "\n"
        out += #"      <value currency="\#(currency)" value-date="\#(activity.start.iso)">\#(escape(activity.budget))</value>"# + "\n"
        out += "    </budget>\n"
        for transaction in activity.transactions {
            out += "    <transaction>\n"
            out += #"      <transaction-type code="\#(escape(transaction.type))"/>"# + "\n"
            out += #"      <transaction-date iso-date="\#(transaction.date.iso)"/>"# + "\n"
            out += #"      <value currency="\#(escape(transaction.currency))" value-date="\#(transaction.date.iso)">\#(escape(transaction.value))</value>"# + "\n"
            if !transaction.description.isEmpty {
                out += "      <description>\n" + narrative(transaction.description, indent: "        ") + "      </description>\n"
            }
            out += "      <receiver-org" + (transaction.receiver.ref.isEmpty ? "" : #" ref="\#(escape(transaction.receiver.ref))""#)
                + (transaction.receiver.type.isEmpty ? "" : #" type="\#(escape(transaction.receiver.type))""#) + ">\n"
            out += narrative(transaction.receiver.name, indent: "        ") + "      </receiver-org>\n"
            out += "    </transaction>\n"
        }
        for result in activity.results {
            out += #"    <result type="\#(escape(result.type))" aggregation-status="1">"# + "\n"
            out += "      <title>\n" + narrative(result.title, indent: "        ") + "      </title>\n"
            for indicator in result.indicators {
                out += #"      <indicator measure="1" ascending="\#(indicator.ascending ? "1" : "0")">"# + "\n"
                out += "        <title>\n" + narrative(indicator.title, indent: "          ") + "        </title>\n"
                if !indicator.description.isEmpty {
                    out += "        <description>\n" + narrative(indicator.description, indent: "          ") + "        </description>\n"
                }
                out += #"        <baseline year="\#(indicator.baselineDate.year)" iso-date="\#(indicator.baselineDate.iso)" value="\#(indicator.baseline)"/>"# + "\n"
                for period in indicator.periods {
                    out += "        <period>\n"
                    out += #"          <period-start iso-date="\#(period.start.iso)"/>"# + "\n" + #"          <period-end iso-date="\#(period.end.iso)"/>"# + "\n"
                    out += #"          <target value="\#(period.target)"/>"# + "\n"
                    if let actual = period.actual { out += #"          <actual value="\#(actual)"/>"# + "\n" }
                    out += "        </period>\n"
                }
                out += "      </indicator>\n"
            }
            out += "    </result>\n"
        }
        out += "  </iati-activity>\n"
    }
}
