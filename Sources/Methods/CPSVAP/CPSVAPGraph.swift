extension CPSVAP {
    /// The object of one RDF triple (serializer internals).
    enum Value: Sendable, Hashable {
        /// A language-tagged string (`rdf:langString`).
        case text(language: String, value: String)
        /// A reference to another node.
        case iri(String)
        /// A plain `xsd:string` literal.
        case literal(String)
        /// A typed literal, datatype as a compact IRI (`xsd:double`).
        case typed(lexical: String, datatype: String)

        /// The JSON-LD form.
        var json: JSONNode {
            switch self {
            case .text(let language, let value):
                .sortedObject(["@language": .string(language), "@value": .string(value)])
            case .iri(let iri):
                .sortedObject(["@id": .string(iri)])
            case .literal(let value):
                .string(value)
            case .typed(let lexical, let datatype):
                .sortedObject(["@type": .string(datatype), "@value": .string(lexical)])
            }
        }
    }

    /// One subject of the graph with its types and properties (serializer internals).
    struct Node: Sendable {
        /// The subject IRI.
        var iri: String
        /// Compact class IRIs.
        var types: [String]
        /// Compact property IRI → objects.
        var properties: [String: [Value]] = [:]

        /// Appends objects to a property.
        mutating func add(_ property: String, _ values: [Value]) {
            guard !values.isEmpty else { return }
            properties[property, default: []].append(contentsOf: values)
        }

        /// Adds what `other` says about the same subject: new types and objects, but at most one
        /// `dct:identifier` and one text per language and property (the first one met wins).
        mutating func merge(_ other: Node) {
            for type in other.types where !types.contains(type) { types.append(type) }
            for (property, values) in other.properties {
                var existing = properties[property] ?? []
                if property == "dct:identifier" && !existing.isEmpty { continue }
                for value in values where !existing.contains(value) {
                    if case .text(let language, _) = value, existing.contains(where: { old in
                        if case .text(let oldLanguage, _) = old { return oldLanguage.lowercased() == language.lowercased() }
                        return false
                    }) { continue }
                    existing.append(value)
                }
                properties[property] = existing
            }
        }

        /// The JSON-LD node object: `@type` a string when single, every property an array sorted by its JSON text.
        var json: JSONNode {
            var members: [String: JSONNode] = ["@id": .string(iri)]
            let sortedTypes = types.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            members["@type"] = sortedTypes.count == 1 ? .string(sortedTypes[0]) : .array(sortedTypes.map(JSONNode.string))
            for (property, values) in properties where !values.isEmpty {
                let objects = Set(values.map(\.json)).sorted { $0.compact.utf8.lexicographicallyPrecedes($1.compact.utf8) }
                members[property] = .array(objects)
            }
            return .sortedObject(members)
        }
    }
}
