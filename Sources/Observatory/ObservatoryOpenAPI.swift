// Observatory's part of the OpenAPI 3.1 document at /api/openapi.json: its paths, schemas and parameters.
import Kernel

enum ObservatoryOpenAPI {
    static let editionParameter = ##"{"name": "edition", "in": "query", "required": false, "description": "Edition name, e.g. 2023; the newest when absent.", "schema": {"type": "string", "maxLength": 100}}"##

    static var observatoryParameters: String {
        editionParameter + ",\n" + ##"""
        {"name": "country", "in": "query", "required": false, "description": "ISO code as the edition writes it (EL for Greece), or EU27+ / EU27.", "schema": {"type": "string", "maxLength": 10}},
        {"name": "column", "in": "query", "required": false, "schema": {"type": "string", "pattern": "^(biennial|business|citizen|year-[0-9]{4}|life-event-[A-Za-z]+|level-[a-z]+)$"}}
        """##
    }

    static let surveyParameters = ##"""
        {"name": "country", "in": "query", "required": false, "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}},
        {"name": "year", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}}
        """##

    static let waveCountryParameter = ##"{"name": "country", "in": "query", "required": false, "description": "ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}}"##
    static let progressParameters = ##"{"name": "country", "in": "query", "required": true, "description": "ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}}"##

    static var serviceParameters: String {
        editionParameter + ",\n" + ##"{"name": "country", "in": "query", "required": true, "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}}"##
    }

    static var fragment: OpenAPIFragment {
        OpenAPIFragment(paths: [
            ##"""
            "/api/v1/observatory/editions": {
              "get": {
                "operationId": "listEditions",
                "summary": "Measurements in the observatory: eGovernment Benchmark editions and the network's own waves",
                "responses": {"200": {"description": "Editions", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Edition"}}}}}}
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/scores": {
              "get": {
                "operationId": "listScores",
                "summary": "Scores of an edition (the newest when no edition is given), by country, column and measure",
                "parameters": [\##(observatoryParameters)],
                "responses": {
                  "200": {"description": "Scores", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Score"}}}}},
                  "400": \##(OpenAPIDocument.errorResponse),
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/scores.csv": {
              "get": {
                "operationId": "exportScoresCSV",
                "summary": "The same scores as CSV (country, column, measure, value)",
                "parameters": [\##(observatoryParameters)],
                "responses": {
                  "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "400": \##(OpenAPIDocument.errorResponse),
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/services": {
              "get": {
                "operationId": "listPublicServices",
                "summary": "The public-service catalogue of a country with each service's scores",
                "parameters": [\##(serviceParameters)],
                "responses": {
                  "200": {"description": "Services", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PublicService"}}}}},
                  "400": \##(OpenAPIDocument.errorResponse),
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/services.jsonld": {
              "get": {
                "operationId": "exportPublicServicesCPSV",
                "summary": "The public-service catalogue of a country as CPSV-AP 3.2 JSON-LD",
                "parameters": [\##(serviceParameters)],
                "responses": {
                  "200": {"description": "JSON-LD", "content": {"application/ld+json": {"schema": {"type": "object"}}}},
                  "400": \##(OpenAPIDocument.errorResponse),
                  "404": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/waves": {
              "get": {
                "operationId": "listWaves",
                "summary": "The network's own published assessment waves (measurements with the eGovernment Benchmark method), oldest first",
                "parameters": [\##(waveCountryParameter)],
                "responses": {
                  "200": {"description": "Waves", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Wave"}}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/progress": {
              "get": {
                "operationId": "listProgress",
                "summary": "A country's overall score and key dimensions across the network's waves, with the change since the previous wave of the same level",
                "parameters": [\##(progressParameters)],
                "responses": {
                  "200": {"description": "Rows", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ProgressRow"}}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/progress.csv": {
              "get": {
                "operationId": "exportProgressCSV",
                "summary": "The same rows as CSV",
                "parameters": [\##(progressParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(OpenAPIDocument.errorResponse)}
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/un-survey": {
              "get": {
                "operationId": "listUNSurvey",
                "summary": "UN E-Government Survey figures (EGDI, OSI, HCI, TII, EPI, rank, level) by year and country",
                "parameters": [\##(surveyParameters)],
                "responses": {
                  "200": {"description": "Records", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/SurveyRecord"}}}}},
                  "400": \##(OpenAPIDocument.errorResponse)
                }
              }
            }
            """##,
            ##"""
            "/api/v1/observatory/un-survey.csv": {
              "get": {
                "operationId": "exportUNSurveyCSV",
                "summary": "The same figures as CSV",
                "parameters": [\##(surveyParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(OpenAPIDocument.errorResponse)}
              }
            }
            """##
        ], schemas: [
            ##"""
              "Edition": {
                "type": "object", "required": ["name", "origin", "source", "methodVersion", "period", "published"],
                "properties": {"name": {"type": "string"}, "origin": {"type": "string", "enum": ["published", "network"]}, "source": {"type": "string"},
                               "methodVersion": {"type": "string"}, "period": {"type": "string"}, "published": {"type": "boolean"}}
              }
            """##,
            ##"""
              "Score": {
                "type": "object", "required": ["country", "column", "measure", "value"],
                "properties": {"country": {"type": "string"}, "column": {"type": "string"}, "measure": {"type": "string"}, "value": {"type": "number"}}
              }
            """##,
            ##"""
              "PublicService": {
                "type": "object", "required": ["id", "country", "scope", "lifeEvent", "number", "label", "type", "level", "applicable", "proactive", "scores"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "country": {"type": "string"}, "scope": {"type": "string", "enum": ["national", "cross-border"]},
                  "lifeEvent": {"type": "string"}, "number": {"type": "string"}, "label": {"type": "string"},
                  "type": {"type": "string", "enum": ["informational", "transactional"]}, "level": {"type": "string"},
                  "applicable": {"type": "boolean"}, "proactive": {"type": "boolean"},
                  "scores": {"type": "object", "additionalProperties": {"type": "number"}}
                }
              }
            """##,
            ##"""
              "Wave": {
                "type": "object", "required": ["name", "country", "level", "startsOn", "endsOn", "methodVersion", "source", "lifeEvents"],
                "properties": {
                  "name": {"type": "string"}, "country": {"type": "string"}, "level": {"type": "string", "enum": ["national", "municipal"]},
                  "municipality": {"type": ["string", "null"]}, "startsOn": {"type": "string", "format": "date"}, "endsOn": {"type": "string", "format": "date"},
                  "methodVersion": {"type": "string"}, "source": {"type": "string"}, "lifeEvents": {"type": "array", "items": {"type": "string"}},
                  "overall": {"type": ["number", "null"]}
                }
              }
            """##,
            ##"""
              "ProgressRow": {
                "type": "object", "required": ["wave", "country", "level", "startsOn", "endsOn", "methodVersion", "measure", "value"],
                "properties": {
                  "wave": {"type": "string"}, "country": {"type": "string"}, "level": {"type": "string", "enum": ["national", "municipal"]},
                  "municipality": {"type": ["string", "null"]}, "startsOn": {"type": "string", "format": "date"}, "endsOn": {"type": "string", "format": "date"},
                  "methodVersion": {"type": "string"},
                  "measure": {"type": "string", "enum": ["overall", "userCentricity", "transparency", "keyEnablers", "crossBorder"]},
                  "value": {"type": "number"}, "change": {"type": ["number", "null"], "description": "Change since the previous wave; null for the baseline"}
                }
              }
            """##,
            ##"""
              "SurveyRecord": {
                "type": "object", "required": ["year", "country", "alpha3", "name", "egdi"],
                "properties": {
                  "year": {"type": "integer"}, "country": {"type": "string"}, "alpha3": {"type": "string"}, "name": {"type": "string"},
                  "rank": {"type": ["integer", "null"]}, "egdi": {"type": "number"}, "osi": {"type": ["number", "null"]}, "hci": {"type": ["number", "null"]},
                  "tii": {"type": ["number", "null"]}, "epi": {"type": ["number", "null"]},
                  "level": {"type": ["string", "null"], "enum": ["low", "middle", "high", "veryHigh", null]}
                }
              }
            """##
        ])
    }
}
