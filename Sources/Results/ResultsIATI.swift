// The published programmes as one IATI 2.03 activity file: organisations, dates, countries, sectors, budget,
// the grants' commitments and disbursements (from `Feature.transactions`), and results with indicators,
// baselines, period targets and actuals. A programme with a problem stops the export, named.
import ConsoleKit
import Fluent
import Foundation
import Kernel
import Methods
import Vapor

struct IATIProblems: Error {
    var problems: [String]
}

enum ResultsIATI {
    /// Minor units as IATI's decimal text: `1234567` → `12345.67`.
    static func decimal(_ minor: Int64) -> String {
        let magnitude = minor.magnitude
        let cents = magnitude % 100
        return (minor < 0 ? "-" : "") + "\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    static func pairs(_ text: String) -> [(code: String, percentage: Int)] {
        text.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let percentage = Int(pieces[1].trimmingCharacters(in: .whitespaces)), (0...100).contains(percentage) else { return nil }
            return (pieces[0].trimmingCharacters(in: .whitespaces), percentage)
        }
    }

    static func document(app: Application, on database: Database, now: Date = Date()) async throws -> Result<String, IATIProblems> {
        let programmes = try await ResultsProgramme.query(on: database).filter(\.$published == true).sort(\.$slug).all()
        var transactions: [FundingTransaction] = []
        for feature in app.features { transactions += try await feature.transactions(on: database) }
        var activities: [IATIActivity] = []
        var problems: [String] = []
        for programme in programmes {
            let view = try await ResultsData.view(programme, publishedOnly: true, app: app, on: database)
            let activity = self.activity(view, transactions: transactions, now: now)
            problems += activity.problems.map { "\(programme.slug): \($0)" }
            for figure in view.allIndicators where figure.metricMissing {
                problems.append("\(programme.slug): indicator \(figure.indicator.code): the metric \(figure.indicator.metric) is not published by any feature")
            }
            activities.append(activity)
        }
        guard problems.isEmpty else { return .failure(IATIProblems(problems: problems)) }
        return .success(IATI.xml(activities, generated: now))
    }

    static func activity(_ view: ProgrammeView, transactions: [FundingTransaction], now: Date) -> IATIActivity {
        let programme = view.programme
        let today = CalendarDate(utc: now)
        let roles = ["1", "2", "3", "4"]
        let participating = view.partners.filter { roles.contains($0.role) }.map { IATIOrganisation(ref: $0.ref, type: $0.type, name: $0.name, role: $0.role) }
        let funders = Set(view.partners.filter { $0.role == "1" }.map(\.ref).filter { !$0.isEmpty })
        let mine = transactions.filter { funders.contains($0.funder) && $0.currency == programme.currency && view.period.contains($0.day) }
        var results: [IATIResult] = []
        for (node, _) in view.nodes where node.level != .activity {
            let figures = view.indicators[node.id!] ?? []
            guard !figures.isEmpty else { continue }
            let type = node.level == .result ? "1" : node.level == .specific ? "2" : "3"
            results.append(IATIResult(type: type, title: "\(node.code) \(node.title.resolve(for: .en)?.text ?? "")", indicators: figures.map { figure in
                IATIIndicator(title: "\(figure.indicator.code) \(figure.indicator.title.resolve(for: .en)?.text ?? "")",
                              description: figure.indicator.definition.resolve(for: .en)?.text ?? "", ascending: figure.indicator.ascending,
                              baselineDate: CalendarDate(iso: figure.indicator.baselineDate) ?? view.period.start, baseline: figure.indicator.baselineValue,
                              periods: figure.targets.map { IATIIndicatorPeriod(start: $0.period.start, end: $0.period.end, target: $0.target.value, actual: $0.actual) })
            }))
        }
        let status = today < view.period.start ? "1" : today <= view.period.end ? "2" : "4"
        return IATIActivity(
            identifier: programme.iatiIdentifier,
            reportingOrg: IATIOrganisation(ref: programme.reportingOrgRef, type: programme.reportingOrgType, name: programme.reportingOrgName),
            title: programme.title.resolve(for: .en)?.text ?? "", description: programme.summary.resolve(for: .en)?.text ?? "",
            language: "en", currency: programme.currency, participating: participating, status: status,
            start: view.period.start, end: view.period.end, started: today >= view.period.start, ended: today > view.period.end,
            countries: pairs(programme.countries), sectors: pairs(programme.sectors), budget: decimal(programme.budgetMinor),
            transactions: mine.map { transaction in
                IATITransaction(type: transaction.kind == .commitment ? "2" : "3", date: transaction.day, value: decimal(transaction.amountMinor),
                                currency: transaction.currency, receiver: IATIOrganisation(ref: transaction.receiverRef, type: "22", name: transaction.receiverName),
                                description: transaction.reference)
            },
            results: results, lastUpdated: now)
    }
}

/// `iceda export iati [--output file]`: the IATI file, or the problems that stop it (nothing is written then).
struct ExportIATICommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "Write to this file instead of standard output.") var output: String?
    }
    var help: String { "Writes the published programmes as an IATI 2.03 activity file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        switch try await ResultsIATI.document(app: app, on: app.db) {
        case .failure(let problems):
            throw CommandFailure(description: "The IATI file was not written:\n" + problems.problems.map { "  - " + $0 }.joined(separator: "\n"))
        case .success(let xml):
            if let output = signature.output {
                try Data(xml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                context.console.print("IATI activity file written to \(output).")
            } else {
                context.console.print(xml)
            }
        }
    }
}
