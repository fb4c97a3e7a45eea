// Network's part of the OpenAPI 3.1 document at /api/openapi.json: its paths, schemas and parameters.
import Kernel

enum NetworkOpenAPI {
    static var kinds: String { "[" + OrganisationKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" }
    static var focusAreas: String { "[" + FocusArea.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" }
    static var countries: String { "[" + CountryInfo.all.map { "\"\($0.code)\"" }.joined(separator: ", ") + "]" }

    static var filterParameters: String {
        ##"""
        {"name": "country", "in": "query", "required": false, "description": "ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "enum": \##(countries)}},
        {"name": "kind", "in": "query", "required": false, "schema": {"type": "string", "enum": \##(kinds)}},
        {"name": "focus", "in": "query", "required": false, "schema": {"type": "string", "enum": \##(focusAreas)}},
        {"name": "q", "in": "query", "required": false, "description": "Words in the name or municipality.", "schema": {"type": "string", "maxLength": 200}}
        """##
    }

    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/organisations": {
              "get": {
                "operationId": "listOrganisations",
                "summary": "Organisations of the directory, filtered and paged",
                "parameters": [
                  \##(filterParameters),
                  {"name": "sort", "in": "query", "required": false, "schema": {"type": "string", "enum": ["name", "-name", "country", "-country", "kind", "-kind"]}},
                  {"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100000}},
                  {"name": "per_page", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
                ],
                "responses": {
                  "200": {"description": "A page of organisations", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationPage"}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              },
              "post": {
                "operationId": "createOrganisation",
                "summary": "Add an organisation (staff token)",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationInput"}}}},
                "responses": {
                  "201": {"description": "Created", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "400": \##(OpenAPIDocument.errorResponse),
                  "401": \##(OpenAPIDocument.errorResponse),
                  "403": \##(OpenAPIDocument.errorResponse),
                  "409": \##(OpenAPIDocument.errorResponse),
                  "413": \##(OpenAPIDocument.errorResponse),
                  "415": \##(OpenAPIDocument.errorResponse),
                  "422": {"description": "Invalid fields", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}}}
                }
              }
            }
            """##,
            ##"""
            "/api/v1/organisations.csv": {
              "get": {
                "operationId": "exportOrganisationsCSV",
                "summary": "All matching organisations as CSV (RFC 4180, UTF-8), in the import's columns",
                "parameters": [\##(filterParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(OpenAPIDocument.errorResponse)}
              }
            }
            """##,
            ##"""
            "/api/v1/organisations/{slug}": {
              "get": {
                "operationId": "getOrganisation",
                "summary": "One organisation",
                "parameters": [{"name": "slug", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 100}}],
                "responses": {
                  "200": {"description": "The organisation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/countries": {
              "get": {
                "operationId": "listCountries",
                "summary": "Countries known to the platform, with names in the asked language",
                "parameters": [{"name": "locale", "in": "query", "required": false, "schema": {"type": "string", "enum": ["en", "sq", "mk", "sr-Latn", "sr-Cyrl"]}}],
                "responses": {"200": {"description": "Countries", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Country"}}}}}, "400": \##(OpenAPIDocument.errorResponse)}
              }
            }
            """##,
            ##"""
            "/api/v1/focus-areas": {
              "get": {
                "operationId": "listFocusAreas",
                "summary": "The focus-area taxonomy",
                "parameters": [{"name": "locale", "in": "query", "required": false, "schema": {"type": "string", "enum": ["en", "sq", "mk", "sr-Latn", "sr-Cyrl"]}}],
                "responses": {"200": {"description": "Focus areas", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/FocusArea"}}}}}, "400": \##(OpenAPIDocument.errorResponse)}
              }
            }
            """##
        ], schemas: [
            ##"""
              "Organisation": {
                "type": "object",
                "required": ["slug", "name", "kind", "country", "municipality", "website", "focusAreas", "description"],
                "properties": {
                  "slug": {"type": "string"},
                  "name": {"type": "string"},
                  "kind": {"type": "string", "enum": \##(kinds)},
                  "country": {"type": "string", "enum": \##(countries)},
                  "municipality": {"type": "string"},
                  "website": {"type": "string"},
                  "focusAreas": {"type": "array", "items": {"type": "string", "enum": \##(focusAreas)}},
                  "description": {"type": "object", "description": "Text per locale tag", "additionalProperties": {"type": "string"}},
                  "updatedAt": {"type": ["string", "null"], "format": "date-time"}
                }
              }
            """##,
            ##"""
              "OrganisationPage": {
                "type": "object", "required": ["items", "page", "perPage", "total"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}},
                  "page": {"type": "integer"}, "perPage": {"type": "integer"}, "total": {"type": "integer"}
                }
              }
            """##,
            ##"""
              "OrganisationInput": \##(OrganisationSchema.jsonSchema)
            """##,
            ##"""
              "Country": {
                "type": "object", "required": ["code", "alpha3", "group", "name"],
                "properties": {"code": {"type": "string"}, "alpha3": {"type": "string"}, "group": {"type": "string", "enum": ["western-balkans", "eu", "eea", "candidate"]}, "name": {"type": "string"}}
              }
            """##,
            ##"""
              "FocusArea": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}}}
            """##
        ])
    }
}
