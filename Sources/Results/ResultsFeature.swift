// The results layer as a feature (issue 14): the programme's logframe with indicators computed from the metrics
// the other features publish (never their tables), reported values with evidence, progress, the public results
// page, donor reports and the IATI 2.03 export.
import DesignSystem
import Fluent
import Foundation
import Kernel
import Localization
import Methods
import Vapor

package struct ResultsFeature: Feature {
    package init() {}

    package var id: String { "results" }

    package var migrations: [any Migration] { [M009_Results()] }

    package func routes(site: RoutesBuilder, api: RoutesBuilder) throws {
        ResultsRoutes.register(site: site, api: api)
    }

    package func navigation(_ context: NavigationContext) -> [NavItem] {
        [context.item("nav.results", ResultsURL.list(), section: "results")]
    }

    package func staffCards(_ context: PageContext, user: User) -> [DashboardCard] {
        [DashboardCard(title: context.t("results.staff_title"), links: [(context.t("results.staff_title"), context.link(ResultsURL.staff()))])]
    }

    package func home(_ request: Request, context: PageContext) async throws -> HomeContribution {
        let t = context.t
        let count = try await ResultsProgramme.query(on: request.db).filter(\.$published == true).count()
        guard count > 0 else { return HomeContribution() }
        let card = el("li", .class("card")) {
            el("h2") { el("a", .href(context.link(ResultsURL.list()))) { t("results.title") } }
            el("p") { t("results.home_card") }
        }
        return HomeContribution(cards: [card])
    }

    package var commands: [FeatureCommand] {
        [FeatureCommand(["export", "iati"], ExportIATICommand())]
    }

    package func seedDemo(_ app: Application) async throws -> [String] {
        guard try await ResultsDemo.seed(on: app.db) else { return [] }
        return ["the ICEDA logframe (2020–2023) with its indicators, computed from the other features' demo data where they publish a metric."]
    }

    package var openAPI: OpenAPIFragment { ResultsOpenAPI.fragment }
}

enum ResultsOpenAPI {
    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/results": {
              "get": {
                "operationId": "listResultsProgrammes",
                "summary": "Programmes whose results framework is published",
                "responses": {"200": {"description": "Programmes", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ResultsProgramme"}}}}}}
              }
            }
            """##,
            ##"""
            "/api/v1/results/{slug}": {
              "get": {
                "operationId": "getResultsProgramme",
                "summary": "A programme's indicators with baselines, targets per period and actuals",
                "parameters": [{"name": "slug", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 100}}],
                "responses": {
                  "200": {"description": "The programme", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ResultsProgramme"}}}},
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/results/{slug}/indicators.csv": {
              "get": {
                "operationId": "getResultsIndicatorsCSV",
                "summary": "The indicators as CSV, one row per target period",
                "parameters": [{"name": "slug", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 100}}],
                "responses": {
                  "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/results/iati.xml": {
              "get": {
                "operationId": "getIATIActivities",
                "summary": "The published programmes as an IATI 2.03 activity file",
                "responses": {
                  "200": {"description": "IATI XML", "content": {"application/xml": {"schema": {"type": "string"}}}},
                  "409": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
        ], schemas: [
            ##"""
            "ResultsProgramme": {
              "type": "object",
              "required": ["slug", "title", "donor", "startsOn", "endsOn", "currency", "budget"],
              "properties": {
                "slug": {"type": "string"}, "title": {"type": "string"}, "donor": {"type": "string"},
                "startsOn": {"type": "string", "format": "date"}, "endsOn": {"type": "string", "format": "date"},
                "currency": {"type": "string"}, "budget": {"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$"},
                "indicators": {"type": "array", "items": {
                  "type": "object", "required": ["code", "title", "unit", "source", "baseline", "baselineDate", "periods"],
                  "properties": {
                    "code": {"type": "string"}, "title": {"type": "string"}, "unit": {"type": "string"},
                    "source": {"type": "string", "enum": ["computed", "reported"]}, "metric": {"type": "string"},
                    "baseline": {"type": "integer"}, "baselineDate": {"type": "string"},
                    "periods": {"type": "array", "items": {
                      "type": "object", "required": ["startsOn", "endsOn", "target", "status"],
                      "properties": {"startsOn": {"type": "string"}, "endsOn": {"type": "string"}, "target": {"type": "integer"},
                                     "actual": {"type": "integer"}, "status": {"type": "string", "enum": ["met", "within-tolerance", "behind", "no-data"]}}
                    }}
                  }
                }}
              }
            }
            """##,
        ])
    }
}
