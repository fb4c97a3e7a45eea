// The trainings' report for the programme, public: per country, audience, level and series — events, people
// registered, attended and certified, attendance by gender (cells under 5 hidden), learning gain and satisfaction
// (shown from 5 answers); the CSOs' approved sessions by country. HTML, CSV and JSON from one computation, read with
// grouped SQL so that its cost follows the number of events, not of registrations.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import SQLKit
import Vapor

enum ProgrammeReport {
    static let dimensions = ["country", "audience", "level", "series"]

    struct Row: Content, Equatable {
        var dimension: String
        var value: String
        var events: Int
        var registered: Int
        var attended: Int
        var certified: Int
        /// Attended by gender: female, male, other or not said; null when hidden (under 5, or revealing a hidden cell).
        var attendedFemale: Int?
        var attendedMale: Int?
        var attendedOther: Int?
        var tested: Int
        /// Hake's class gain ⟨g⟩ of the people with both tests, two decimals; null without them.
        var classGain: Double?
        var feedbackAnswers: Int
        /// Mean satisfaction 1–5 (one decimal); null under 5 answers.
        var satisfaction: Double?
    }

    struct OutreachRow: Content, Equatable {
        var country: String
        var sessions: Int
        var participants: Int
        var women: Int?
        var men: Int?
        var other: Int?
    }

    struct Report: Content {
        var suppressionThreshold: Int
        var rows: [Row]
        var outreach: [OutreachRow]
    }

    /// Per event: what the rows add up.
    struct EventFigures {
        var registered = 0
        var attended: [String: Int] = [:]
        var certified = 0
        /// People with both tests, and the sums of their pre- and post-test scores (fractions of the maximum).
        var tested = 0
        var preSum = 0.0
        var postSum = 0.0
        /// Feedback answers per satisfaction level 1…5.
        var satisfaction = [0, 0, 0, 0, 0]
    }

    static func compute(on database: Database) async throws -> Report {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError) }
        let events = try await TrainingEvent.query(on: database).filter(\.$published == true).all()
        var figures: [UUID: EventFigures] = [:]
        for row in try await sql.raw("SELECT event_id, COUNT(*) AS n FROM training_registrations WHERE state <> 'cancelled' GROUP BY event_id").all() {
            figures[try row.decode(column: "event_id", as: UUID.self), default: EventFigures()].registered = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw("""
            SELECT r.event_id AS event_id, r.gender AS gender, COUNT(DISTINCT r.id) AS n FROM training_registrations r
            JOIN training_attendance a ON a.registration_id = r.id WHERE r.state = 'confirmed' GROUP BY r.event_id, r.gender
            """).all() {
            let gender = try row.decode(column: "gender", as: String.self)
            figures[try row.decode(column: "event_id", as: UUID.self), default: EventFigures()].attended[gender == "female" || gender == "male" ? gender : "other", default: 0]
                += try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw("SELECT event_id, COUNT(*) AS n FROM training_certificates WHERE revoked_at IS NULL GROUP BY event_id").all() {
            figures[try row.decode(column: "event_id", as: UUID.self), default: EventFigures()].certified = try row.decode(column: "n", as: Int.self)
        }
        // each person's pre- and post-test paired in SQL, summed per event: the cost follows the events, not the people
        for row in try await sql.raw("""
            SELECT p.event_id AS event_id, COUNT(*) AS n,
                   CAST(SUM(CAST(p.points AS DOUBLE PRECISION) / p.maximum) AS DOUBLE PRECISION) AS pre,
                   CAST(SUM(CAST(q.points AS DOUBLE PRECISION) / q.maximum) AS DOUBLE PRECISION) AS post
            FROM training_test_results p JOIN training_test_results q ON q.registration_id = p.registration_id AND q.phase = 'post'
            WHERE p.phase = 'pre' AND p.maximum > 0 AND q.maximum > 0 AND p.points >= 0 AND p.points <= p.maximum
              AND q.points >= 0 AND q.points <= q.maximum
            GROUP BY p.event_id
            """).all() {
            let event = try row.decode(column: "event_id", as: UUID.self)
            figures[event, default: EventFigures()].tested = try row.decode(column: "n", as: Int.self)
            figures[event, default: EventFigures()].preSum = try row.decode(column: "pre", as: Double.self)
            figures[event, default: EventFigures()].postSum = try row.decode(column: "post", as: Double.self)
        }
        for row in try await sql.raw("SELECT event_id, satisfaction, COUNT(*) AS n FROM training_feedback GROUP BY event_id, satisfaction").all() {
            let value = try row.decode(column: "satisfaction", as: Int.self)
            guard (1...5).contains(value) else { continue }
            figures[try row.decode(column: "event_id", as: UUID.self), default: EventFigures()].satisfaction[value - 1] += try row.decode(column: "n", as: Int.self)
        }
        var rows: [Row] = []
        for dimension in dimensions {
            let groups = Dictionary(grouping: events) { event -> String in
                switch dimension {
                case "country": event.country
                case "audience": event.audience
                case "level": event.level
                default: event.series
                }
            }
            for (value, members) in groups.sorted(by: { $0.key < $1.key }) {
                let parts = members.compactMap { $0.id.flatMap { figures[$0] } }
                let attended = ["female", "male", "other"].map { gender in parts.reduce(0) { $0 + ($1.attended[gender] ?? 0) } }
                let shown = SmallCells.publish(breakdown: attended)
                let tested = parts.reduce(0) { $0 + $1.tested }
                let classGain = tested == 0 ? nil : LearningGain.classGain(meanPre: parts.reduce(0) { $0 + $1.preSum } / Double(tested),
                                                                          meanPost: parts.reduce(0) { $0 + $1.postSum } / Double(tested))
                let feedback = FeedbackSummary(counts: (0..<5).map { level in parts.reduce(0) { $0 + $1.satisfaction[level] } })
                rows.append(Row(dimension: dimension, value: value, events: members.count, registered: parts.reduce(0) { $0 + $1.registered },
                                attended: attended.reduce(0, +), certified: parts.reduce(0) { $0 + $1.certified },
                                attendedFemale: shown[0], attendedMale: shown[1], attendedOther: shown[2],
                                tested: tested, classGain: classGain.map { ($0 * 100).rounded() / 100 },
                                feedbackAnswers: feedback.answers, satisfaction: feedback.meanTenths.map { Double($0) / 10 }))
            }
        }
        var outreach: [OutreachRow] = []
        for row in try await sql.raw("""
            SELECT country, COUNT(*) AS n, CAST(SUM(women) AS BIGINT) AS women, CAST(SUM(men) AS BIGINT) AS men, CAST(SUM(other_gender) AS BIGINT) AS other FROM training_outreach
            WHERE state = 'approved' GROUP BY country ORDER BY country
            """).all() {
            let counts = [try row.decode(column: "women", as: Int.self), try row.decode(column: "men", as: Int.self), try row.decode(column: "other", as: Int.self)]
            let shown = SmallCells.publish(breakdown: counts)
            outreach.append(OutreachRow(country: try row.decode(column: "country", as: String.self), sessions: try row.decode(column: "n", as: Int.self),
                                        participants: counts.reduce(0, +), women: shown[0], men: shown[1], other: shown[2]))
        }
        return Report(suppressionThreshold: SmallCells.threshold, rows: rows, outreach: outreach)
    }

    static func register(site: RoutesBuilder, api: RoutesBuilder) {
        site.get(LearningURL.reportRoute, use: page)
        site.get(LearningURL.reportCSVRoute, use: csv)
        api.get(LearningURL.apiReportRoute, use: json)
    }

    /// The report reads every registration of the programme: built once per change of the data (the exports' rule,
    /// `ExportCache`) and shared by the page, the CSV and the API.
    static func current(_ request: Request) async throws -> Report {
        let database = request.application.db
        return try await request.application.exports.value("trainings.report") { try await compute(on: database) }
    }

    @Sendable static func page(request: Request) async throws -> Response {
        .html(ProgrammeReportPage.render(try await current(request), context: request.pageContext(current: "trainings")))
    }

    @Sendable static func json(request: Request) async throws -> Report { try await current(request) }

    static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }

    @Sendable static func csv(request: Request) async throws -> Response {
        let report = try await current(request)
        let rows = report.rows.map { row in
            [row.dimension, row.value, String(row.events), String(row.registered), String(row.attended), String(row.certified), cell(row.attendedFemale),
             cell(row.attendedMale), cell(row.attendedOther), String(row.tested), row.classGain.map { String(format: "%.2f", $0) } ?? "",
             String(row.feedbackAnswers), row.satisfaction.map { String(format: "%.1f", $0) } ?? ""]
        }
        return .csv(CSVWriter.document(header: ["dimension", "value", "events", "registered", "attended", "certified", "attended_female", "attended_male",
                                                "attended_other", "tested", "class_gain", "feedback_answers", "satisfaction"], rows: rows),
                    filename: "trainings-report.csv")
    }
}

enum ProgrammeReportPage {
    static func label(_ dimension: String, _ value: String, t: Translator) -> String {
        switch dimension {
        case "country": t("country.\(value)")
        case "audience": t("trainings.audience.\(value)")
        case "level": t("trainings.level.\(value)")
        default: value.isEmpty ? "—" : value
        }
    }

    static func render(_ report: ProgrammeReport.Report, context: PageContext) -> String {
        let t = context.t
        let title = t("trainings.report.title")
        func number(_ value: Int?) -> String { value.map { t.integer($0) } ?? t("trainings.report.hidden") }
        return Layout.page(context, title: title, breadcrumbs: TrainingsPages.crumbs(context, [Crumb(title)])) {
            el("h1") { title }
            el("p", .class("lead")) { t("trainings.report.intro", ["threshold": String(report.suppressionThreshold)]) }
            el("p") {
                el("a", .href(context.link(LearningURL.reportCSV()))) { t("trainings.report.download_csv") }
                " · "
                el("a", .href(LearningURL.apiReport())) { t("trainings.report.download_json") }
            }
            for dimension in ProgrammeReport.dimensions {
                let rows = report.rows.filter { $0.dimension == dimension }
                if !rows.isEmpty {
                    el("h2", .id("by-\(dimension)")) { t("trainings.report.by_\(dimension)") }
                    // a wide table scrolls on a phone: the region takes the keyboard focus so that it can be scrolled without a mouse
                    el("div", .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"), .aria("labelledby", "by-\(dimension)")) {
                        el("table", .class("table"), .aria("labelledby", "by-\(dimension)")) {
                            el("thead") {
                                el("tr") {
                                    el("th", Attribute("scope", "col")) { t("trainings.report.group") }
                                    for key in ["events", "registered", "attended", "completed", "women", "men", "other", "class_gain", "satisfaction_short"] {
                                        el("th", Attribute("scope", "col"), .class("num")) { t("trainings.report.col.\(key)") }
                                    }
                                }
                            }
                            el("tbody") {
                                for row in rows {
                                    el("tr") {
                                        el("th", Attribute("scope", "row")) { label(dimension, row.value, t: t) }
                                        el("td", .class("num")) { t.integer(row.events) }
                                        el("td", .class("num")) { t.integer(row.registered) }
                                        el("td", .class("num")) { t.integer(row.attended) }
                                        el("td", .class("num")) { t.integer(row.certified) }
                                        el("td", .class("num")) { number(row.attendedFemale) }
                                        el("td", .class("num")) { number(row.attendedMale) }
                                        el("td", .class("num")) { number(row.attendedOther) }
                                        el("td", .class("num")) { row.classGain.map { t.decimal($0, fractionDigits: 2) } ?? "—" }
                                        el("td", .class("num")) { row.satisfaction.map { t.decimal($0, fractionDigits: 1) } ?? "—" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("p", .class("hint")) { t("trainings.report.gain_formula") }
            el("h2", .id("outreach")) { t("trainings.report.outreach_title") }
            if report.outreach.isEmpty {
                el("p") { t("trainings.report.no_outreach") }
            } else {
                el("div", .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"), .aria("labelledby", "outreach")) {
                    el("table", .class("table"), .aria("labelledby", "outreach")) {
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col")) { t("trainings.country") }
                                for key in ["sessions", "participants", "women", "men", "other"] {
                                    el("th", Attribute("scope", "col"), .class("num")) { t("trainings.report.col.\(key)") }
                                }
                            }
                        }
                        el("tbody") {
                            for row in report.outreach {
                                el("tr") {
                                    el("th", Attribute("scope", "row")) { t("country.\(row.country)") }
                                    el("td", .class("num")) { t.integer(row.sessions) }
                                    el("td", .class("num")) { t.integer(row.participants) }
                                    el("td", .class("num")) { number(row.women) }
                                    el("td", .class("num")) { number(row.men) }
                                    el("td", .class("num")) { number(row.other) }
                                }
                            }
                        }
                    }
                }
            }
            el("p") { el("a", .href(context.link(LearningURL.outreachNew()))) { t("outreach.title") } }
        }
    }
}
