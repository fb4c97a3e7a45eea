extension CPSVAP {
    /// Turns services into graph nodes and collects problems (serializer internals).
    struct GraphBuilder {
        /// The base URL without trailing '/'.
        let base: String
        /// Nodes by IRI.
        private(set) var nodes: [String: Node] = [:]
        /// Problems in the order found, without repeats.
        private(set) var problems: [Problem] = []
        private var seenProblems: Set<Problem> = []

        /// Builds the graph of `services`; services are processed in the order of their IRIs.
        init(baseURL: String, services: [PublicService]) {
            var base = baseURL.trimmed
            while base.hasSuffix("/") { base.removeLast() }
            self.base = base
            if Syntax.scheme(of: base) == nil || Syntax.absoluteIRI(base) != base {
                report(.invalid, "baseURL", "\"\(baseURL)\" is not an absolute IRI without spaces, so minted IRIs are not absolute")
            }
            var entries: [(iri: String, index: Int, service: PublicService)] = []
            for (index, service) in services.enumerated() {
                guard let path = Syntax.encodePath(service.id) else {
                    report(.dropped, "service #\(index + 1)", "empty id: the service is left out")
                    continue
                }
                entries.append((mint("public-service", path), index, service))
            }
            entries.sort { a, b in
                a.iri == b.iri ? a.index < b.index : a.iri.utf8.lexicographicallyPrecedes(b.iri.utf8)
            }
            var done: Set<String> = []
            for entry in entries {
                guard done.insert(entry.iri).inserted else {
                    report(.dropped, entry.service.id, "another service has the same id: this one is left out")
                    continue
                }
                addService(entry.service, iri: entry.iri)
            }
            checkMandatoryProperties()
        }

        /// The whole JSON-LD document: inline `@context` and a `@graph` sorted by `@id`.
        var document: JSONNode {
            let context = JSONNode.sortedObject(CPSVAP.contextPrefixes.mapValues(JSONNode.string))
            let graph = nodes.values.sorted { $0.iri.utf8.lexicographicallyPrecedes($1.iri.utf8) }.map(\.json)
            return .sortedObject(["@context": context, "@graph": .array(graph)])
        }

        // MARK: - Services and their parts

        private mutating func addService(_ service: PublicService, iri: String) {
            let subject = service.id
            var node = Node(iri: iri, types: ["cpsv:PublicService"])
            node.add("dct:identifier", [.literal(iri)])
            node.add("dct:title", texts(service.name, subject: subject, field: "name"))
            node.add("dct:description", texts(service.description, subject: subject, field: "description"))
            if let authority = addOrganisation(service.competentAuthority) {
                node.add("cv:hasCompetentAuthority", [.iri(authority)])
            } else {
                report(.dropped, subject, "the competent authority has an empty id and is left out")
            }
            for event in service.lifeEvents {
                if let event = addEvent(event, subject: subject) { node.add("cv:isGroupedBy", [.iri(event)]) }
            }
            if let type = service.type {
                node.add("cv:isClassifiedBy", [.iri(addConcept(scheme: "service-type", schemeTitle: "Service type",
                                                               notation: type.rawValue, label: type.label))])
            }
            if let level = service.level {
                node.add("cv:isClassifiedBy", [.iri(addConcept(scheme: "government-level", schemeTitle: "Government level",
                                                               notation: level.rawValue, label: level.label))])
            }
            node.add("cv:hasChannel", addChannels(service.channels, serviceIRI: iri, subject: subject).map(Value.iri))
            if let cost = service.cost { node.add("cv:hasCost", [.iri(addCost(cost, serviceIRI: iri, subject: subject))]) }
            node.add("cpsv:hasInput", addEvidence(service.evidence, serviceIRI: iri, subject: subject).map(Value.iri))
            if let output = service.output, let produced = addOutput(output, serviceIRI: iri, subject: subject) {
                node.add("cpsv:produces", [.iri(produced)])
            }
            node.add("dct:spatial", service.spatial.compactMap { addLocation($0, subject: subject) }.map(Value.iri))
            insert(node)
        }

        private mutating func addOrganisation(_ organisation: PublicOrganisation) -> String? {
            guard let path = Syntax.encodePath(organisation.id) else { return nil }
            let iri = mint("public-organisation", path)
            let subject = "public-organisation \(organisation.id)"
            let names = texts(organisation.name, subject: subject, field: "name")
            var node = Node(iri: iri, types: ["cv:PublicOrganisation"])
            node.add("dct:identifier", [.literal(organisation.id)])
            node.add("skos:prefLabel", names)
            node.add("dct:title", names)  // foaf:Agent's name, for validators that infer PublicOrganisation ⊑ Agent
            node.add("dct:spatial", organisation.spatial.compactMap { addLocation($0, subject: subject) }.map(Value.iri))
            insert(node)
            return iri
        }

        private mutating func addLocation(_ location: Location, subject: String) -> String? {
            var iri: String?
            if let raw = location.iri {
                iri = Syntax.absoluteIRI(raw)
                if iri == nil { report(.dropped, subject, "location IRI \"\(raw)\" is not absolute") }
            }
            if iri == nil, let id = location.id, let path = Syntax.encodePath(id) { iri = mint("location", path) }
            guard let iri else {
                report(.dropped, subject, "a location without usable IRI or id is left out")
                return nil
            }
            var node = Node(iri: iri, types: ["dct:Location"])
            node.add("locn:geographicName", texts(location.name, subject: "location \(iri)", field: "name"))
            insert(node)
            return iri
        }

        private mutating func addEvent(_ event: LifeEventRef, subject: String) -> String? {
            guard let path = Syntax.encodePath(event.id) else {
                report(.dropped, subject, "a life event with an empty id is left out")
                return nil
            }
            let iri = mint("event", path)
            var node = Node(iri: iri, types: event.kind == .business ? ["cv:BusinessEvent", "cv:Event"] : ["cv:Event", "cv:LifeEvent"])
            node.add("dct:identifier", [.literal(iri)])
            node.add("dct:title", texts(event.name, subject: "event \(event.id)", field: "name"))
            if let raw = event.typeIRI {
                if let concept = Syntax.absoluteIRI(raw) {
                    node.add("dct:type", [.iri(concept)])
                    insert(Node(iri: concept, types: ["skos:Concept"]))
                } else {
                    report(.dropped, "event \(event.id)", "type IRI \"\(raw)\" is not absolute and is left out")
                }
            }
            insert(node)
            return iri
        }

        private mutating func addChannels(_ channels: [Channel], serviceIRI: String, subject: String) -> [String] {
            var usable: [(url: String, index: Int, channel: Channel)] = []
            for (index, channel) in channels.enumerated() {
                guard let url = Syntax.absoluteIRI(channel.url) else {
                    report(.dropped, subject, "channel URL \"\(channel.url)\" is not an absolute URL: the channel is left out")
                    continue
                }
                usable.append((url, index, channel))
            }
            usable.sort { a, b in a.url == b.url ? a.index < b.index : a.url.utf8.lexicographicallyPrecedes(b.url.utf8) }
            var seen: Set<String> = []
            usable = usable.filter { seen.insert($0.url).inserted }
            guard !usable.isEmpty else { return [] }
            let website = addConcept(scheme: "channel-type", schemeTitle: "Channel type", notation: "website", label: "Website")
            return usable.enumerated().map { number, entry in
                let iri = serviceIRI + "/channel/\(number + 1)"
                var node = Node(iri: iri, types: ["cv:Channel"])
                node.add("dct:identifier", [.literal(iri)])
                node.add("dct:type", [.iri(website)])
                node.add("foaf:page", [.iri(entry.url)])
                node.add("dct:description", texts(entry.channel.description, subject: subject, field: "channel description"))
                insert(node)
                return iri
            }
        }

        private mutating func addCost(_ cost: Cost, serviceIRI: String, subject: String) -> String {
            let iri = serviceIRI + "/cost"
            var node = Node(iri: iri, types: ["cv:Cost"])
            node.add("dct:identifier", [.literal(iri)])
            if let amount = cost.amount {
                if amount.isFinite {
                    node.add("cv:hasValue", [.typed(lexical: (amount == 0 ? 0 : amount).description, datatype: "xsd:double")])
                    if amount < 0 { report(.warning, subject, "the cost amount \(amount) is negative") }
                } else {
                    report(.dropped, subject, "the cost amount is not a finite number and is left out")
                }
            }
            if let raw = cost.currency {
                let code = raw.trimmed.uppercased()
                if code.utf8.count == 3 && code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
                    let currency = "http://publications.europa.eu/resource/authority/currency/" + code
                    node.add("cv:currency", [.iri(currency)])
                    var concept = Node(iri: currency, types: ["skos:Concept"])
                    concept.add("skos:notation", [.literal(code)])
                    insert(concept)
                } else {
                    report(.dropped, subject, "currency \"\(raw)\" is not an ISO 4217 code and is left out")
                }
            } else if let amount = cost.amount, amount != 0, amount.isFinite {
                report(.warning, subject, "the cost amount has no currency")
            }
            node.add("dct:description", texts(cost.description, subject: subject, field: "cost description"))
            insert(node)
            return iri
        }

        private mutating func addEvidence(_ evidence: [Evidence], serviceIRI: String, subject: String) -> [String] {
            var usable: [(key: String, titles: [Value], evidence: Evidence)] = []
            for item in evidence {
                let titles = texts(item.name, subject: subject, field: "evidence name")
                guard !titles.isEmpty else {
                    report(.dropped, subject, "evidence without a usable name is left out (dct:title is mandatory)")
                    continue
                }
                let key = (item.id ?? "") + "\u{0}" + Node(iri: "", types: [], properties: ["t": titles]).json.compact
                usable.append((key, titles, item))
            }
            usable.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return usable.enumerated().map { number, entry in
                let iri = serviceIRI + "/evidence/\(number + 1)"
                var node = Node(iri: iri, types: ["cv:Evidence"])
                node.add("dct:identifier", [.literal(nonBlank(entry.evidence.id) ?? iri)])
                node.add("dct:title", entry.titles)
                node.add("dct:description", texts(entry.evidence.description, subject: subject, field: "evidence description"))
                insert(node)
                return iri
            }
        }

        private mutating func addOutput(_ output: Output, serviceIRI: String, subject: String) -> String? {
            let titles = texts(output.name, subject: subject, field: "output name")
            guard !titles.isEmpty else {
                report(.dropped, subject, "an output without a usable name is left out (dct:title is mandatory)")
                return nil
            }
            let iri = serviceIRI + "/output"
            var node = Node(iri: iri, types: ["cv:Output"])
            node.add("dct:identifier", [.literal(nonBlank(output.id) ?? iri)])
            node.add("dct:title", titles)
            node.add("dct:description", texts(output.description, subject: subject, field: "output description"))
            insert(node)
            return iri
        }

        /// A concept of one of the platform's own schemes, e.g. `{base}/id/concept/service-type/transactional`.
        private mutating func addConcept(scheme: String, schemeTitle: String, notation: String, label: String) -> String {
            let schemeIRI = base + "/id/concept-scheme/" + scheme
            let iri = base + "/id/concept/" + scheme + "/" + notation
            var schemeNode = Node(iri: schemeIRI, types: ["skos:ConceptScheme"])
            schemeNode.add("dct:title", [.text(language: "en", value: schemeTitle)])
            insert(schemeNode)
            var concept = Node(iri: iri, types: ["skos:Concept"])
            concept.add("skos:prefLabel", [.text(language: "en", value: label)])
            concept.add("skos:inScheme", [.iri(schemeIRI)])
            concept.add("skos:notation", [.literal(notation)])
            insert(concept)
            return iri
        }

        // MARK: - Helpers

        /// `{base}/id/{kind}/{path}`.
        private func mint(_ kind: String, _ path: String) -> String { base + "/id/" + kind + "/" + path }

        /// Language-tagged objects of `map`, leaving out malformed tags and blank texts (reported).
        private mutating func texts(_ map: [String: String], subject: String, field: String) -> [Value] {
            var values: [Value] = []
            for tag in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let language = tag.trimmed
                guard Syntax.isLanguageTag(language) else {
                    report(.dropped, subject, "\(field): language tag \"\(tag)\" is not well-formed; the text is left out")
                    continue
                }
                let text = map[tag]!
                guard !text.trimmed.isEmpty else {
                    report(.dropped, subject, "\(field) in \(language) is blank and is left out")
                    continue
                }
                values.append(.text(language: language, value: text))
            }
            return values
        }

        private func nonBlank(_ text: String?) -> String? {
            guard let text, !text.trimmed.isEmpty else { return nil }
            return text
        }

        private mutating func insert(_ node: Node) {
            if nodes[node.iri] == nil {
                nodes[node.iri] = node
            } else {
                nodes[node.iri]!.merge(node)
            }
        }

        private mutating func report(_ severity: Problem.Severity, _ subject: String, _ message: String) {
            let problem = Problem(severity: severity, subject: subject, message: message)
            if seenProblems.insert(problem).inserted { problems.append(problem) }
        }

        /// Reports, as `invalid`, every mandatory property (minCount 1 in the CPSV-AP 3.2.0 shapes) still missing.
        private mutating func checkMandatoryProperties() {
            let rules: [(type: String, properties: [String])] = [
                ("cpsv:PublicService", ["dct:identifier", "dct:title", "dct:description", "cv:hasCompetentAuthority"]),
                ("cv:PublicOrganisation", ["skos:prefLabel", "dct:spatial"]),
                ("cv:Event", ["dct:identifier", "dct:title"]),
                ("cv:Channel", ["dct:identifier"]),
                ("cv:Cost", ["dct:identifier"]),
                ("cv:Evidence", ["dct:identifier", "dct:title"]),
                ("cv:Output", ["dct:identifier", "dct:title"]),
            ]
            for node in nodes.values.sorted(by: { $0.iri.utf8.lexicographicallyPrecedes($1.iri.utf8) }) {
                for rule in rules where node.types.contains(rule.type) {
                    for property in rule.properties where node.properties[property]?.isEmpty ?? true {
                        report(.invalid, node.iri, "\(property) is mandatory for \(rule.type) and missing")
                    }
                }
            }
        }
    }
}
