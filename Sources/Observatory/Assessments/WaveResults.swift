// Published waves for everyone: the network's own measurements beside the benchmark's countries, a country's
// results across waves with the change since the previous wave, and the same figures in the API.
import Kernel
import DesignSystem
import Fluent
import Foundation
import Localization
import Methods
import Vapor

/// A published wave with the figures of its country.
struct PublishedWave: Sendable {
    var wave: AssessmentWave
    var edition: Edition
    /// measure → value of the wave's `biennial` column (the mean over the life events it measured).
    var scores: [String: Double]
    /// The life events it measured (raw values), in the benchmark's order.
    var lifeEvents: [String]

    /// The year the wave ended, for "measured by the ICEDA network, 2026".
    var year: String { String(wave.endsOn.prefix(4)) }
    /// Waves of the same country and level form one series of baseline and follow-ups.
    var seriesKey: String { wave.country + "|" + wave.municipality.lowercased() }
}

enum WaveResults {
    /// Overall and the four key dimensions: what the progress table and API compare across waves.
    static let measures = ["overall"] + BenchmarkVocabulary.dimensions

    /// Published waves (of one country, if given), oldest first; their scores come from the cache of
    /// published (immutable) editions.
    static func published(country: String? = nil, cache: EditionCache, on database: Database) async throws -> [PublishedWave] {
        let query = AssessmentWave.query(on: database).filter(\.$state == .published)
        if let country { query.filter(\.$country == country) }
        let waves = try await query.all().filter { $0.editionID != nil }
        guard !waves.isEmpty else { return [] }
        let editions = try await Edition.query(on: database).filter(\.$id ~~ waves.compactMap(\.editionID)).all()
        let byID = Dictionary(uniqueKeysWithValues: editions.map { ($0.id!, $0) })
        var result: [PublishedWave] = []
        for wave in waves {
            guard let edition = byID[wave.editionID!] else { continue }
            let table = try await cache.scores(of: edition, on: database)[wave.country] ?? [:]
            let biennial = table["biennial"] ?? [:]
            var events: Set<String> = []
            for (column, measures) in table where column.hasPrefix("life-event-") && measures["overall"] != nil {
                events.insert(String(column.dropFirst("life-event-".count)))
            }
            let ordered = BenchmarkVocabulary.lifeEvents.map(\.rawValue).filter(events.contains)
            result.append(PublishedWave(wave: wave, edition: edition, scores: biennial, lifeEvents: ordered))
        }
        return result.sorted { ($0.wave.endsOn, $0.wave.startsOn, $0.wave.name) < ($1.wave.endsOn, $1.wave.startsOn, $1.wave.name) }
    }

    /// The newest wave of each series (country and level).
    static func latestPerSeries(_ waves: [PublishedWave]) -> [PublishedWave] {
        var latest: [String: PublishedWave] = [:]
        for wave in waves { latest[wave.seriesKey] = wave }
        return latest.values.sorted { ($0.wave.country, $0.wave.municipality) < ($1.wave.country, $1.wave.municipality) }
    }

    struct ProgressRow: Sendable {
        var wave: PublishedWave
        /// measure → change since the previous wave of the series; empty for the baseline.
        var changes: [String: Double]
        var isBaseline: Bool
    }

    /// Waves grouped by series (national first), each series oldest first with its changes.
    static func progress(_ waves: [PublishedWave]) -> [[ProgressRow]] {
        var series: [String: [PublishedWave]] = [:]
        for wave in waves { series[wave.seriesKey, default: []].append(wave) }
        return series.values
            .sorted { ($0[0].wave.municipality, $0[0].wave.country) < ($1[0].wave.municipality, $1[0].wave.country) }
            .map { list in
                list.enumerated().map { index, wave in
                    guard index > 0 else { return ProgressRow(wave: wave, changes: [:], isBaseline: true) }
                    let previous = list[index - 1]
                    var changes: [String: Double] = [:]
                    for measure in measures {
                        if let now = wave.scores[measure], let before = previous.scores[measure] { changes[measure] = now - before }
                    }
                    return ProgressRow(wave: wave, changes: changes, isBaseline: false)
                }
            }
    }

    // MARK: public views

    /// Where a wave measured: the country, or "Skopje (North Macedonia)".
    static func place(_ wave: AssessmentWave, t: Translator) -> String {
        let country = ObservatoryPages.countryName(wave.country, t: t)
        return wave.isNational ? country : t("assess.public.place_municipal", ["municipality": wave.municipality, "country": country])
    }

    /// "measured by the ICEDA network, 2026".
    static func label(_ wave: PublishedWave, t: Translator) -> String {
        t("assess.public.label", ["year": wave.year])
    }

    /// The sentence that says whose measurement it is, when, with which method and how much it covers.
    static func note(_ wave: PublishedWave, t: Translator) -> Node {
        el("p", .class("provenance")) {
            t("assess.public.note", [
                "wave": wave.wave.name, "place": place(wave.wave, t: t), "period": AssessmentPages.period(wave.wave, t: t),
                "method": wave.wave.methodVersion, "source": wave.edition.source,
            ]) + " " + t.plural("assess.public.life_event_count", count: wave.lifeEvents.count)
        }
    }

    static func change(_ delta: Double?, t: Translator) -> Node {
        guard let delta else { return .text(t("ds.no_data")) }
        let size = t.decimal(abs(delta), fractionDigits: 1)
        if size == t.decimal(0, fractionDigits: 1) {
            return el("span", .class("change")) {
                el("span", Attribute("aria-hidden", "true")) { "= " }
                size
                el("span", .class("visually-hidden")) { " " + t("assess.public.no_change") }
            }
        }
        let up = delta > 0
        return el("span", .class(up ? "change change-up" : "change change-down")) {
            el("span", Attribute("aria-hidden", "true")) { up ? "▲ " : "▼ " }
            (up ? "+" : "−") + size
            el("span", .class("visually-hidden")) { " " + t(up ? "assess.public.up" : "assess.public.down") }
        }
    }

    /// The country page's section: one table per series with overall, key dimensions and the changes.
    static func progressSection(country: String, waves: [PublishedWave], context: PageContext) -> Node {
        let t = context.t
        guard !waves.isEmpty else { return .empty }
        return el("section", .class("network-waves"), .aria("labelledby", "network-waves-title")) {
            el("h2", .id("network-waves-title")) { t("assess.public.waves_title") }
            el("p") { t("assess.public.waves_intro") }
            for series in progress(waves) {
                let first = series[0].wave.wave
                Tables.table(
                    caption: t("assess.public.waves_caption", ["place": place(first, t: t)]),
                    columns: [Column(t("assess.wave")), Column(t("assess.period")), Column(t("obs.overall"), numeric: true),
                              Column(t("assess.public.change"), numeric: true)]
                        + BenchmarkVocabulary.dimensions.map { Column(t("obs.dimension.\($0)"), numeric: true) },
                    rows: series.map { row in
                        let wave = row.wave
                        var cells: [Node] = [
                            fragment {
                                el("a", .href(context.link(ObservatoryURL.countryServices(country, edition: wave.edition.name)))) { wave.wave.name }
                                if row.isBaseline { el("br"); el("span", .class("hint")) { t("assess.public.baseline") } }
                            },
                            .text(AssessmentPages.period(wave.wave, t: t)),
                            .text(ObservatoryPages.score(wave.scores["overall"], t: t)),
                            row.isBaseline ? .text(t("assess.public.baseline")) : change(row.changes["overall"], t: t),
                        ]
                        for dimension in BenchmarkVocabulary.dimensions {
                            cells.append(fragment {
                                ObservatoryPages.score(wave.scores[dimension], t: t)
                                if !row.isBaseline && wave.scores[dimension] != nil { el("br"); change(row.changes[dimension], t: t) }
                            })
                        }
                        return cells
                    },
                    sort: nil, link: { _ in "" }, t: t)
                for row in series { note(row.wave, t: t) }
            }
            ObservatoryPages.downloads([
                (t("assess.public.download_progress_csv"), ObservatoryURL.apiProgressCSV(country: country)),
                (t("assess.public.download_progress_json"), ObservatoryURL.apiProgress(country: country)),
            ])
        }
    }
}

// MARK: API

enum WaveAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(ObservatoryURL.apiWavesRoute.components, use: waves)
        api.get(ObservatoryURL.apiProgressRoute.components, use: progress)
        api.get(ObservatoryURL.apiProgressCSVRoute.components, use: progressCSV)
    }

    struct WaveDTO: Content {
        var name: String
        var country: String
        var level: String
        var municipality: String?
        var startsOn: String
        var endsOn: String
        var methodVersion: String
        var source: String
        var lifeEvents: [String]
        var overall: Double?
    }

    struct ProgressDTO: Content {
        var wave: String
        var country: String
        var level: String
        var municipality: String?
        var startsOn: String
        var endsOn: String
        var methodVersion: String
        var measure: String
        var value: Double
        /// Change since the previous wave of the same country and level; null for the baseline.
        var change: Double?
    }

    static func country(_ request: Request, required: Bool) throws -> String? {
        guard let country = request.query[String.self, at: "country"] else {
            if required { throw Abort(.badRequest, reason: "country: required (an ISO 3166-1 alpha-2 code, XK for Kosovo)") }
            return nil
        }
        // Counted in Unicode scalars, as JSON Schema does: "X\u{301}K" is three, not two.
        guard country.unicodeScalars.count == 2, country.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw Abort(.badRequest, reason: "country: an ISO 3166-1 alpha-2 code in capitals")
        }
        return country
    }

    @Sendable static func waves(request: Request) async throws -> [WaveDTO] {
        try await WaveResults.published(country: try country(request, required: false), cache: request.editionCache, on: request.db).map { item in
            let wave = item.wave
            return WaveDTO(name: wave.name, country: wave.country, level: wave.isNational ? "national" : "municipal",
                           municipality: wave.isNational ? nil : wave.municipality, startsOn: wave.startsOn, endsOn: wave.endsOn,
                           methodVersion: wave.methodVersion, source: item.edition.source, lifeEvents: item.lifeEvents, overall: item.scores["overall"])
        }
    }

    static func rows(_ request: Request) async throws -> [ProgressDTO] {
        let code = try country(request, required: true)!
        let waves = try await WaveResults.published(country: code, cache: request.editionCache, on: request.db)
        return WaveResults.progress(waves).flatMap { series in
            series.flatMap { row in
                WaveResults.measures.compactMap { measure -> ProgressDTO? in
                    guard let value = row.wave.scores[measure] else { return nil }
                    let wave = row.wave.wave
                    return ProgressDTO(wave: wave.name, country: wave.country, level: wave.isNational ? "national" : "municipal",
                                       municipality: wave.isNational ? nil : wave.municipality, startsOn: wave.startsOn, endsOn: wave.endsOn,
                                       methodVersion: wave.methodVersion, measure: measure, value: value,
                                       change: row.isBaseline ? nil : row.changes[measure])
                }
            }
        }
    }

    @Sendable static func progress(request: Request) async throws -> [ProgressDTO] {
        try await rows(request)
    }

    @Sendable static func progressCSV(request: Request) async throws -> Response {
        var csv = "wave,country,level,municipality,starts_on,ends_on,method_version,measure,value,change\r\n"
        for row in try await rows(request) {
            let cells = [row.wave, row.country, row.level, row.municipality ?? "", row.startsOn, row.endsOn, row.methodVersion, row.measure,
                         String(row.value), row.change.map { String($0) } ?? ""]
            csv += CSVWriter.row(cells)
        }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"progress.csv\""],
                        body: .init(string: csv))
    }
}
