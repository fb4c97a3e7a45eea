// The OpenAPI 3.1 description of /api, served at /api/openapi.json and checked in CI by schemathesis.
import Vapor

enum OpenAPIDocument {
    static func register(_ api: RoutesBuilder) {
        api.get("openapi.json") { _ -> Response in
            Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*"],
                     body: .init(string: document))
        }
    }

    static var kinds: String { "[" + OrganisationKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" }
    static var focusAreas: String { "[" + FocusArea.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" }
    static var countries: String { "[" + CountryInfo.all.map { "\"\($0.code)\"" }.joined(separator: ", ") + "]" }

    static let errorResponse = ##"{"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}"##

    static var filterParameters: String {
        ##"""
        {"name": "country", "in": "query", "required": false, "description": "ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "enum": \##(countries)}},
        {"name": "kind", "in": "query", "required": false, "schema": {"type": "string", "enum": \##(kinds)}},
        {"name": "focus", "in": "query", "required": false, "schema": {"type": "string", "enum": \##(focusAreas)}},
        {"name": "q", "in": "query", "required": false, "description": "Words in the name or municipality.", "schema": {"type": "string", "maxLength": 200}}
        """##
    }

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

    static let grantFilterParameters = ##"""
        {"name": "call", "in": "query", "required": false, "description": "Code of a call, e.g. iceda-sg-2020.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,60}$"}},
        {"name": "lot", "in": "query", "required": false, "description": "Code of a lot, e.g. lot-1.", "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,60}$"}},
        {"name": "country", "in": "query", "required": false, "description": "The recipient's country: ISO 3166-1 alpha-2 code (XK for Kosovo).", "schema": {"type": "string", "pattern": "^[A-Z]{2}$"}},
        {"name": "sort", "in": "query", "required": false, "schema": {"type": "string", "enum": ["recipient", "-recipient", "amount", "-amount", "date", "-date", "lot", "-lot"]}}
        """##

    /// Built once: it depends only on code.
    static let document: String = makeDocument()

    static func makeDocument() -> String {
        ##"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "ICEDA Platform API",
            "version": "1.0.0",
            "description": "Open data of the ICEDA Platform: the network directory, the e-government observatory (benchmark editions, the network's own waves, the service catalogue, the UN survey) and the register of awarded grants (also as 360Giving). Reading needs no account; writing needs a bearer token (iceda create-user --token).",
            "license": {"name": "CC BY 4.0 (data)", "identifier": "CC-BY-4.0"}
          },
          "servers": [{"url": "/"}],
          "paths": {
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
                  "400": \##(errorResponse)
                }
              },
              "post": {
                "operationId": "createOrganisation",
                "summary": "Add an organisation (staff token)",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationInput"}}}},
                "responses": {
                  "201": {"description": "Created", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "400": \##(errorResponse),
                  "401": \##(errorResponse),
                  "403": \##(errorResponse),
                  "409": \##(errorResponse),
                  "413": \##(errorResponse),
                  "415": \##(errorResponse),
                  "422": {"description": "Invalid fields", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}}}
                }
              }
            },
            "/api/v1/organisations.csv": {
              "get": {
                "operationId": "exportOrganisationsCSV",
                "summary": "All matching organisations as CSV (RFC 4180, UTF-8), in the import's columns",
                "parameters": [\##(filterParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(errorResponse)}
              }
            },
            "/api/v1/organisations/{slug}": {
              "get": {
                "operationId": "getOrganisation",
                "summary": "One organisation",
                "parameters": [{"name": "slug", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 100}}],
                "responses": {
                  "200": {"description": "The organisation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "404": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/editions": {
              "get": {
                "operationId": "listEditions",
                "summary": "Measurements in the observatory: eGovernment Benchmark editions and the network's own waves",
                "responses": {"200": {"description": "Editions", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Edition"}}}}}}
              }
            },
            "/api/v1/observatory/scores": {
              "get": {
                "operationId": "listScores",
                "summary": "Scores of an edition (the newest when no edition is given), by country, column and measure",
                "parameters": [\##(observatoryParameters)],
                "responses": {
                  "200": {"description": "Scores", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Score"}}}}},
                  "400": \##(errorResponse),
                  "404": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/scores.csv": {
              "get": {
                "operationId": "exportScoresCSV",
                "summary": "The same scores as CSV (country, column, measure, value)",
                "parameters": [\##(observatoryParameters)],
                "responses": {
                  "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "400": \##(errorResponse),
                  "404": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/services": {
              "get": {
                "operationId": "listPublicServices",
                "summary": "The public-service catalogue of a country with each service's scores",
                "parameters": [\##(serviceParameters)],
                "responses": {
                  "200": {"description": "Services", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PublicService"}}}}},
                  "400": \##(errorResponse),
                  "404": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/services.jsonld": {
              "get": {
                "operationId": "exportPublicServicesCPSV",
                "summary": "The public-service catalogue of a country as CPSV-AP 3.2 JSON-LD",
                "parameters": [\##(serviceParameters)],
                "responses": {
                  "200": {"description": "JSON-LD", "content": {"application/ld+json": {"schema": {"type": "object"}}}},
                  "400": \##(errorResponse),
                  "404": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/waves": {
              "get": {
                "operationId": "listWaves",
                "summary": "The network's own published assessment waves (measurements with the eGovernment Benchmark method), oldest first",
                "parameters": [\##(waveCountryParameter)],
                "responses": {
                  "200": {"description": "Waves", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Wave"}}}}},
                  "400": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/progress": {
              "get": {
                "operationId": "listProgress",
                "summary": "A country's overall score and key dimensions across the network's waves, with the change since the previous wave of the same level",
                "parameters": [\##(progressParameters)],
                "responses": {
                  "200": {"description": "Rows", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ProgressRow"}}}}},
                  "400": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/progress.csv": {
              "get": {
                "operationId": "exportProgressCSV",
                "summary": "The same rows as CSV",
                "parameters": [\##(progressParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(errorResponse)}
              }
            },
            "/api/v1/observatory/un-survey": {
              "get": {
                "operationId": "listUNSurvey",
                "summary": "UN E-Government Survey figures (EGDI, OSI, HCI, TII, EPI, rank, level) by year and country",
                "parameters": [\##(surveyParameters)],
                "responses": {
                  "200": {"description": "Records", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/SurveyRecord"}}}}},
                  "400": \##(errorResponse)
                }
              }
            },
            "/api/v1/observatory/un-survey.csv": {
              "get": {
                "operationId": "exportUNSurveyCSV",
                "summary": "The same figures as CSV",
                "parameters": [\##(surveyParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(errorResponse)}
              }
            },
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
                  "400": \##(errorResponse)
                }
              }
            },
            "/api/v1/grants.csv": {
              "get": {
                "operationId": "exportGrantsCSV",
                "summary": "All matching awarded grants as CSV (RFC 4180, UTF-8; amounts in major units)",
                "parameters": [\##(grantFilterParameters)],
                "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}, "400": \##(errorResponse)}
              }
            },
            "/api/v1/grants/360giving.json": {
              "get": {
                "operationId": "exportGrants360Giving",
                "summary": "Every awarded grant as a 360Giving Data Standard 1.4 data package",
                "responses": {
                  "200": {"description": "360Giving data package", "content": {"application/json": {"schema": {"type": "object", "required": ["grants"], "properties": {"grants": {"type": "array", "items": {"type": "object"}}}}}}},
                  "404": \##(errorResponse)
                }
              }
            },
            "/api/v1/grants/calls": {
              "get": {
                "operationId": "listGrantCalls",
                "summary": "Calls for proposals (all but drafts) with their lots, rules, results menus and evaluation criteria",
                "responses": {
                  "200": {"description": "Calls, newest deadline first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/GrantCall"}}}}}
                }
              }
            },
            "/api/v1/countries": {
              "get": {
                "operationId": "listCountries",
                "summary": "Countries known to the platform, with names in the asked language",
                "parameters": [{"name": "locale", "in": "query", "required": false, "schema": {"type": "string", "enum": ["en", "sq", "mk", "sr-Latn", "sr-Cyrl"]}}],
                "responses": {"200": {"description": "Countries", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Country"}}}}}, "400": \##(errorResponse)}
              }
            },
            "/api/v1/focus-areas": {
              "get": {
                "operationId": "listFocusAreas",
                "summary": "The focus-area taxonomy",
                "parameters": [{"name": "locale", "in": "query", "required": false, "schema": {"type": "string", "enum": ["en", "sq", "mk", "sr-Latn", "sr-Cyrl"]}}],
                "responses": {"200": {"description": "Focus areas", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/FocusArea"}}}}}, "400": \##(errorResponse)}
              }
            }
          },
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}
              },
              "ValidationError": {
                "type": "object", "required": ["error", "fields"],
                "properties": {
                  "error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}},
                  "fields": {"type": "array", "items": {"type": "object", "required": ["field", "message"], "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}
                }
              },
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
              },
              "OrganisationPage": {
                "type": "object", "required": ["items", "page", "perPage", "total"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}},
                  "page": {"type": "integer"}, "perPage": {"type": "integer"}, "total": {"type": "integer"}
                }
              },
              "OrganisationInput": \##(OrganisationSchema.jsonSchema),
              "Country": {
                "type": "object", "required": ["code", "alpha3", "group", "name"],
                "properties": {"code": {"type": "string"}, "alpha3": {"type": "string"}, "group": {"type": "string", "enum": ["western-balkans", "eu", "eea", "candidate"]}, "name": {"type": "string"}}
              },
              "Edition": {
                "type": "object", "required": ["name", "origin", "source", "methodVersion", "period", "published"],
                "properties": {"name": {"type": "string"}, "origin": {"type": "string", "enum": ["published", "network"]}, "source": {"type": "string"},
                               "methodVersion": {"type": "string"}, "period": {"type": "string"}, "published": {"type": "boolean"}}
              },
              "Score": {
                "type": "object", "required": ["country", "column", "measure", "value"],
                "properties": {"country": {"type": "string"}, "column": {"type": "string"}, "measure": {"type": "string"}, "value": {"type": "number"}}
              },
              "PublicService": {
                "type": "object", "required": ["id", "country", "scope", "lifeEvent", "number", "label", "type", "level", "applicable", "proactive", "scores"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "country": {"type": "string"}, "scope": {"type": "string", "enum": ["national", "cross-border"]},
                  "lifeEvent": {"type": "string"}, "number": {"type": "string"}, "label": {"type": "string"},
                  "type": {"type": "string", "enum": ["informational", "transactional"]}, "level": {"type": "string"},
                  "applicable": {"type": "boolean"}, "proactive": {"type": "boolean"},
                  "scores": {"type": "object", "additionalProperties": {"type": "number"}}
                }
              },
              "Wave": {
                "type": "object", "required": ["name", "country", "level", "startsOn", "endsOn", "methodVersion", "source", "lifeEvents"],
                "properties": {
                  "name": {"type": "string"}, "country": {"type": "string"}, "level": {"type": "string", "enum": ["national", "municipal"]},
                  "municipality": {"type": ["string", "null"]}, "startsOn": {"type": "string", "format": "date"}, "endsOn": {"type": "string", "format": "date"},
                  "methodVersion": {"type": "string"}, "source": {"type": "string"}, "lifeEvents": {"type": "array", "items": {"type": "string"}},
                  "overall": {"type": ["number", "null"]}
                }
              },
              "ProgressRow": {
                "type": "object", "required": ["wave", "country", "level", "startsOn", "endsOn", "methodVersion", "measure", "value"],
                "properties": {
                  "wave": {"type": "string"}, "country": {"type": "string"}, "level": {"type": "string", "enum": ["national", "municipal"]},
                  "municipality": {"type": ["string", "null"]}, "startsOn": {"type": "string", "format": "date"}, "endsOn": {"type": "string", "format": "date"},
                  "methodVersion": {"type": "string"},
                  "measure": {"type": "string", "enum": ["overall", "userCentricity", "transparency", "keyEnablers", "crossBorder"]},
                  "value": {"type": "number"}, "change": {"type": ["number", "null"], "description": "Change since the previous wave; null for the baseline"}
                }
              },
              "SurveyRecord": {
                "type": "object", "required": ["year", "country", "alpha3", "name", "egdi"],
                "properties": {
                  "year": {"type": "integer"}, "country": {"type": "string"}, "alpha3": {"type": "string"}, "name": {"type": "string"},
                  "rank": {"type": ["integer", "null"]}, "egdi": {"type": "number"}, "osi": {"type": ["number", "null"]}, "hci": {"type": ["number", "null"]},
                  "tii": {"type": ["number", "null"]}, "epi": {"type": ["number", "null"]},
                  "level": {"type": ["string", "null"], "enum": ["low", "middle", "high", "veryHigh", null]}
                }
              },
              "GrantPage": {
                "type": "object", "required": ["items", "page", "perPage", "total"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Grant"}},
                  "page": {"type": "integer"}, "perPage": {"type": "integer"}, "total": {"type": "integer"}
                }
              },
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
              },
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
              },
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
              },
              "LocalizedText": {"type": "object", "description": "Text per language tag (en, sq, mk, sr-Latn)", "additionalProperties": {"type": "string"}},
              "FocusArea": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}}}
            }
          }
        }
        """##
    }
}
