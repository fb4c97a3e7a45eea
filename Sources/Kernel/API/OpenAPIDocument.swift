// The OpenAPI 3.1 description of /api, served at /api/openapi.json and checked in CI by schemathesis.
// The kernel writes the frame and the shared schemas; every feature adds its paths and schemas (`Feature.openAPI`).
import Vapor

/// A feature's part of the OpenAPI document: members of `paths` and of `components.schemas`, each a JSON text
/// such as `"/api/v1/grants": {…}`.
package struct OpenAPIFragment: Sendable {
    package var paths: [String]
    package var schemas: [String]

    package init(paths: [String] = [], schemas: [String] = []) {
        self.paths = paths
        self.schemas = schemas
    }
}

package enum OpenAPIDocument {
    /// Serves the document built from the features' fragments (built once: it depends only on code).
    package static func register(_ api: RoutesBuilder, fragments: [OpenAPIFragment]) {
        let document = make(fragments: fragments)
        api.get("openapi.json") { _ -> Response in
            Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*"],
                     body: .init(string: document))
        }
    }

    package static let errorResponse = ##"{"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}"##

    /// Schemas every feature may refer to.
    package static let sharedSchemas = [
        ##"""
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}
              }
        """##,
        ##"""
              "ValidationError": {
                "type": "object", "required": ["error", "fields"],
                "properties": {
                  "error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}},
                  "fields": {"type": "array", "items": {"type": "object", "required": ["field", "message"], "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}
                }
              }
        """##,
        ##"""
              "LocalizedText": {"type": "object", "description": "Text per language tag (en, sq, mk, sr-Latn)", "additionalProperties": {"type": "string"}}
        """##
    ]

    /// The whole document: the frame, every fragment's paths, the shared and the fragments' schemas.
    package static func make(fragments: [OpenAPIFragment]) -> String {
        let paths = fragments.flatMap(\.paths).joined(separator: ",\n")
        let schemas = (sharedSchemas + fragments.flatMap(\.schemas)).joined(separator: ",\n")
        return ##"""
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
        \##(paths)
          },
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
        \##(schemas)
            }
          }
        }
        """##
    }
}
