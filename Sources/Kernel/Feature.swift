// The seam between the kernel and the features. A feature (Network, Observatory, Grants, …) is one SwiftPM
// target with one value conforming to `Feature`; the app lists the features and the kernel asks each of them
// for its routes, migrations, commands, navigation, dashboard cards, home-page part, demo data, jobs,
// metrics and OpenAPI paths. The kernel never names a feature.
import DesignSystem
import Fluent
import Foundation
import Localization
import Vapor

package protocol Feature: Sendable {
    /// A short stable name, e.g. "grants".
    var id: String { get }
    /// The feature's migrations in the order they shipped. A migration that shipped is never edited.
    var migrations: [any Migration] { get }
    /// Puts the feature's own values (caches, settings) on the application; runs before `routes`.
    func prepare(_ app: Application) throws
    /// Registers the pages under `site` (`/{locale}/…`) and the API under `api` (`/api/v1/…`).
    func routes(site: RoutesBuilder, api: RoutesBuilder) throws
    /// Command-line commands, each at a path such as `["export", "grants"]` or `["observatory"]`.
    var commands: [FeatureCommand] { get }
    /// Entries of the main navigation for this request.
    func navigation(_ context: NavigationContext) -> [NavItem]
    /// Cards of the staff dashboard for this staff member.
    func staffCards(_ context: PageContext, user: User) -> [DashboardCard]
    /// The work waiting for this person (any role): "3 applications to screen", "report due on 12 March", each with
    /// the page where it is done. Shown on their account page, where signing in leads.
    func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem]
    /// What the feature shows on the home page.
    func home(_ request: Request, context: PageContext) async throws -> HomeContribution
    /// Reference data every installation needs; runs at every start, so it must be idempotent.
    func seedReference(_ app: Application) async throws
    /// Demo data for `serve --demo` and `seed --demo`; returns what it added, one line each (none when it added nothing).
    func seedDemo(_ app: Application) async throws -> [String]
    /// Why `seed --demo` must not add demo data to this database (it holds data of its own), or nil.
    func demoRefusal(_ app: Application) async throws -> String?
    /// Handlers of the queued job kinds this feature owns.
    var jobs: [String: JobHandler] { get }
    /// Work the worker runs at start and then every `Worker.periodicInterval`; it must claim what it does,
    /// so that several workers never do it twice.
    func periodic(_ app: Application, now: Date) async throws
    /// The figures this feature publishes for the results layer.
    var metrics: [Metric] { get }
    /// This feature's paths and schemas in the OpenAPI document.
    var openAPI: OpenAPIFragment { get }
    /// Money this feature records as committed or paid (grants), for donor reports.
    func transactions(on database: Database) async throws -> [FundingTransaction]
}

extension Feature {
    package var migrations: [any Migration] { [] }
    package func prepare(_ app: Application) throws {}
    package var commands: [FeatureCommand] { [] }
    package func navigation(_ context: NavigationContext) -> [NavItem] { [] }
    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] { [] }
    package func work(_ request: Request, user: User, context: PageContext) async throws -> [WorkItem] { [] }
    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution { HomeContribution() }
    package func seedReference(_ app: Application) async throws {}
    package func seedDemo(_ app: Application) async throws -> [String] { [] }
    package func demoRefusal(_ app: Application) async throws -> String? { nil }
    package var jobs: [String: JobHandler] { [:] }
    package func periodic(_ app: Application, now: Date) async throws {}
    package var metrics: [Metric] { [] }
    package var openAPI: OpenAPIFragment { OpenAPIFragment() }
    package func transactions(on database: Database) async throws -> [FundingTransaction] { [] }
}

/// One piece of waiting work on a person's account page: what (with its count or date) and where it is done.
package struct WorkItem: Sendable, Equatable {
    package var text: String
    package var href: String

    package init(_ text: String, href: String) {
        self.text = text
        self.href = href
    }
}

/// A command of a feature, at its place in the CLI: `["export", "grants"]` is `iceda export grants`.
package struct FeatureCommand: Sendable {
    package var path: [String]
    package var command: any AnyAsyncCommand
    /// The help of the group the command opens, when its path makes a new group (e.g. "Grants tools.").
    package var groupHelp: String?

    package init(_ path: [String], _ command: any AnyAsyncCommand, groupHelp: String? = nil) {
        self.path = path
        self.command = command
        self.groupHelp = groupHelp
    }
}

/// What navigation entries are built from.
package struct NavigationContext {
    package var t: Translator
    package var user: User?
    /// The page's section, e.g. "grants", to mark the current entry.
    package var current: String?
    /// `/{locale}`.
    package var base: String

    package func item(_ key: String, _ path: String, section: String) -> NavItem {
        NavItem(label: t(key), href: base + path, isCurrent: current == section)
    }
    package init(t: Translator, user: User? = nil, current: String? = nil, base: String) {
        self.t = t
        self.user = user
        self.current = current
        self.base = base
    }
}

/// A card on the staff dashboard: a title and links.
package struct DashboardCard: Sendable {
    package var title: String
    package var links: [(label: String, href: String)]

    package init(title: String, links: [(label: String, href: String)]) {
        self.title = title
        self.links = links
    }
}

/// A feature's part of the home page: cards in the list of cards, and sections below it.
package struct HomeContribution {
    package var cards: [Node]
    package var sections: [Node]

    package init(cards: [Node] = [], sections: [Node] = []) {
        self.cards = cards
        self.sections = sections
    }
}

/// What a queued job of one kind does with its payload.
package typealias JobHandler = @Sendable (String, Database, Logger) async throws -> Void

/// The features of this application, in the order of the navigation and the home page.
package struct FeaturesKey: StorageKey { package typealias Value = [any Feature] 
    package init() {}
}

extension Application {
    /// The features this application was configured with.
    package var features: [any Feature] {
        get { storage[FeaturesKey.self] ?? [] }
        set { storage[FeaturesKey.self] = newValue }
    }
}
