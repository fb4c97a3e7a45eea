// Grants's part of the OpenAPI 3.1 document at /api/openapi.json: its paths, schemas and parameters.
import Kernel
import Network

enum GrantsOpenAPI {
    static let grantFilterParameters = ##"""
        {"name": "call", "in": "query", "required": false, "description": "Code of a call, e.g. iceda-sg-2020.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,60}$"}},
        {"name": "lot", "in": "query", "required": false, "description": "Code of a lot, e.g. lot-1.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,60}$"}},
        {"name": "country", "in": "query", "required": false, "description": "The recipient's country: ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}},
        {"name": "sort", "in": "query", "required": false, "schema": {"type": "string", "enum": ["recipient", "-recipient", "amount", "-amount", "date", "-date", "lot", "-lot"]}}
        """##

    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/grants": {
              "get": {
                "operationId": "listGrants",
                "summary": "The register of awarded grants, filtered, sorted and paged",
                "parameters": [
                  \##(grantFilterParameters),
                  {"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100000}},
                  {"name": "per_page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
                ],
                "responses": {
                  "200": {"description": "A page of grants", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GrantPage"}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/grants.csv": {
              "get": {
                "operationId": "exportGrantsCSV",
                "summary": "All matching awarded grants as CSV (RFC 4180, UTF-8; amounts in major units)",
                "parameters": [\##(grantFilterParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(OpenAPIDocument.errorResponse)}
              }
            }
            """##,
            ##"""
            "/api/v1/grants/360giving.json": {
              "get": {
                "operationId": "exportGrants360Giving",
                "summary": "Every awarded grant as a 360Giving Data Standard 1.4 data package",
                "responses": {
                  "200": {"description": "360Giving data package", "content": {"application/json": {"schema": {"type": "object", "required": ["grants"], "properties": {"grants": {"type": "array", "items": {"type": "object"}}}}}}},
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/grants/calls": {
              "get": {
                "operationId": "listGrantCalls",
                "summary": "Calls for proposals (all but drafts) with their lots, rules, results menus and evaluation criteria",
                "responses": {
                  "200": {"description": "Calls, newest deadline first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/GrantCall"}}}}}
                }
              }
            }
            """##
        ], schemas: [
            ##"""
              "GrantPage": {
                "type": "object", "required": ["items", "page", "perPage", "total"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Grant"}},
                  "page": {"type": "integer"}, "perPage": {"type": "integer"}, "total": {"type": "integer"}
                }
              }
            """##,
            ##"""
              "Grant": {
                "type": "object",
                "required": ["identifier", "title", "recipient", "recipientSlug", "recipientCountry", "call", "lot", "currency", "amount", "amountMinorUnits",
                             "awardDate", "plannedStart", "plannedEnd", "durationMonths", "status"],
                "properties": {
                  "identifier": {"type": "string", "description": "The 360Giving identifier, 360G-iceda-…"}, "title": {"type": "string"},
                  "recipient": {"type": "string"}, "recipientSlug": {"type": "string"}, "recipientCountry": {"type": "string"},
                  "call": {"type": "string"}, "lot": {"type": "string"}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                  "amount": {"type": "string", "description": "Major units with two decimals, e.g. 15000.00"}, "amountMinorUnits": {"type": "integer"},
                  "awardDate": {"type": "string", "format": "date"}, "plannedStart": {"type": "string", "format": "date"},
                  "plannedEnd": {"type": "string", "format": "date"}, "durationMonths": {"type": "integer"}, "status": {"type": "string"}
                }
              }
            """##,
            ##"""
              "GrantCall": {
                "type": "object",
                "required": ["code", "title", "text", "programme", "donor", "currency", "opensAt", "deadline", "timeZone", "status", "acceptingApplications", "rankingPublic", "lots"],
                "properties": {
                  "code": {"type": "string"}, "title": {"$ref": "#/components/schemas/LocalizedText"}, "text": {"$ref": "#/components/schemas/LocalizedText"},
                  "programme": {"type": "string"}, "donor": {"type": "string"}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                  "opensAt": {"type": "string", "format": "date-time"}, "deadline": {"type": "string", "format": "date-time", "description": "The first instant at which submissions are refused"},
                  "timeZone": {"type": "string"}, "status": {"type": "string", "enum": ["open", "closed"]},
                  "acceptingApplications": {"type": "boolean", "description": "Open, and the server's clock is within the window"},
                  "rankingPublic": {"type": "boolean"}, "lots": {"type": "array", "items": {"$ref": "#/components/schemas/GrantLot"}}
                }
              }
            """##,
            ##"""
              "GrantLot": {
                "type": "object",
                "required": ["code", "title", "envelope", "minimumAmount", "maximumAmount", "durationMonths", "minimumCoFinancingPercent", "eligibleCountries",
                             "applicantKinds", "results", "minimumResults", "criteria", "maxGrants", "maxGrantsPerCountry", "tranchesPercent"],
                "properties": {
                  "code": {"type": "string"}, "title": {"$ref": "#/components/schemas/LocalizedText"},
                  "envelope": {"type": ["string", "null"], "description": "Major units with two decimals; null when the call publishes none"},
                  "minimumAmount": {"type": "string"}, "maximumAmount": {"type": "string"}, "durationMonths": {"type": "integer"},
                  "minimumCoFinancingPercent": {"type": "string"}, "eligibleCountries": {"type": "array", "items": {"type": "string"}},
                  "applicantKinds": {"type": "array", "items": {"type": "string"}},
                  "results": {"type": "array", "items": {"type": "object", "required": ["id", "title"], "properties": {"id": {"type": "string"}, "title": {"$ref": "#/components/schemas/LocalizedText"}}}},
                  "minimumResults": {"type": "integer"},
                  "criteria": {"type": "array", "items": {"type": "object", "required": ["id", "title", "weight", "maxScore"],
                               "properties": {"id": {"type": "string"}, "title": {"$ref": "#/components/schemas/LocalizedText"}, "weight": {"type": "integer"}, "maxScore": {"type": "integer"}}}},
                  "maxGrants": {"type": ["integer", "null"]}, "maxGrantsPerCountry": {"type": ["integer", "null"]},
                  "tranchesPercent": {"type": "array", "items": {"type": "string"}}
                }
              }
            """##
        ])
    }
}
