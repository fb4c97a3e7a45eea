// The UN E-Government Survey page: EGDI and its components over time for the Western Balkans.
import Kernel
import DesignSystem
import Fluent
import Localization
import Methods
import Vapor

enum SurveyPage {
    /// Western Balkan UN members (Kosovo is not a UN member and has no EGDI).
    static let countries = ["AL", "BA", "ME", "MK", "RS"]

    static func register(_ site: RoutesBuilder) {
        site.get(ObservatoryURL.unSurveyRoute, use: show)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let rows = try await SurveyRecord.query(on: request.db).filter(\.$alpha2 ~~ countries).sort(\.$year).all()
        return .html(render(rows: rows, context: request.pageContext(current: "observatory")))
    }

    static func value(_ number: Double?, t: Translator) -> String {
        number.map { t.decimal($0, fractionDigits: 4) } ?? t("ds.no_data")
    }

    static func render(rows: [SurveyRecord], context: PageContext) -> String {
        let t = context.t
        let title = t("un.title")
        let years = Array(Set(rows.map(\.year))).sorted()
        let latest = years.last
        return Layout.page(context, title: title, breadcrumbs: ObservatoryPages.crumbs(context, [Crumb(title)])) {
            el("h1") { title }
            el("p", .class("lead")) { t("un.intro") }
            el("p", .class("provenance")) { t("un.source") }
            if rows.isEmpty {
                el("p") { t("un.no_data") }
            } else {
                Charts.lines(
                    id: "un-egdi", title: t("un.chart_title"), xLabels: years.map(String.init),
                    series: countries.map { code in
                        ChartSeries(name: t("country.\(code)"), values: years.map { year in rows.first { $0.alpha2 == code && $0.year == year }?.egdi })
                    },
                    maximum: 1, fractionDigits: 4, t: t)
                if let latest {
                    Tables.table(
                        caption: t("un.table_latest", ["year": String(latest)]),
                        columns: [Column(t("obs.country")), Column(t("un.rank"), numeric: true), Column("EGDI", numeric: true),
                                  Column("OSI", numeric: true), Column("HCI", numeric: true), Column("TII", numeric: true),
                                  Column("EPI", numeric: true), Column(t("un.level"))],
                        rows: rows.filter { $0.year == latest }.map { row in
                            [.text(t("country.\(row.alpha2)")), .text(row.rank.map(t.integer) ?? t("ds.no_data")), .text(value(row.egdi, t: t)),
                             .text(value(row.osi, t: t)), .text(value(row.hci, t: t)), .text(value(row.tii, t: t)), .text(value(row.epi, t: t)),
                             .text(row.level.map { t("un.level.\($0.rawValue)") } ?? t("ds.no_data"))]
                        },
                        sort: nil, link: { _ in "" }, t: t)
                }
                el("p") { t("un.components") }
                el("p") { t("un.kosovo") }
                ObservatoryPages.downloads([
                    (t("obs.download_csv"), ObservatoryURL.apiUNSurveyCSV()),
                    (t("obs.download_json"), ObservatoryURL.apiUNSurvey()),
                ])
            }
        }
    }
}

enum SurveyAPI {
    struct RecordDTO: Content {
        var year: Int
        var country: String
        var alpha3: String
        var name: String
        var rank: Int?
        var egdi: Double
        var osi: Double?
        var hci: Double?
        var tii: Double?
        var epi: Double?
        var level: String?
    }

    static func register(_ api: RoutesBuilder) {
        api.get(ObservatoryURL.apiUNSurveyRoute.components, use: list)
        api.get(ObservatoryURL.apiUNSurveyCSVRoute.components, use: csv)
    }

    static func records(_ request: Request) async throws -> [SurveyRecord] {
        let query = SurveyRecord.query(on: request.db)
        if let country = try WaveAPI.country(request, required: false) {
            query.filter(\.$alpha2 == country)
        }
        if let raw = request.query[String.self, at: "year"] {
            guard let year = Int(raw), (2000...2100).contains(year) else { throw Abort(.badRequest, reason: "year: a year such as 2024") }
            query.filter(\.$year == year)
        }
        return try await query.sort(\.$year).sort(\.$alpha3).all()
    }

    @Sendable static func list(request: Request) async throws -> [RecordDTO] {
        try await records(request).map {
            RecordDTO(year: $0.year, country: $0.alpha2, alpha3: $0.alpha3, name: $0.name, rank: $0.rank, egdi: $0.egdi,
                      osi: $0.osi, hci: $0.hci, tii: $0.tii, epi: $0.epi, level: $0.level?.rawValue)
        }
    }

    @Sendable static func csv(request: Request) async throws -> Response {
        var text = "year,country,alpha3,name,rank,egdi,osi,hci,tii,epi,level\r\n"
        func cell(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        for row in try await records(request) {
            text += CSVWriter.row([String(row.year), row.alpha2, row.alpha3, row.name, row.rank.map(String.init) ?? "", String(row.egdi),
                                   cell(row.osi), cell(row.hci), cell(row.tii), cell(row.epi), row.level?.rawValue ?? ""])
        }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"un-egov-survey.csv\""],
                        body: .init(string: text))
    }
}
