/// CPSV-AP 3.2.0 (Core Public Service Vocabulary Application Profile): input model and JSON-LD serializer.
///
/// Build `PublicService` values, then call `jsonLD(services:baseURL:)` for the document and
/// `problems(services:baseURL:)` for what the export had to leave out or cannot make valid.
public enum CPSVAP {
    /// The CPSV-AP release the output follows (SEMIC, SHACL shapes `cpsv-ap-SHACL.ttl`).
    public static let version = "3.2.0"
    /// The media type of the document.
    public static let mediaType = "application/ld+json"
    /// The prefixes of the inline `@context`: the document needs no network to be read.
    public static let contextPrefixes: [String: String] = [
        "cpsv": "http://purl.org/vocab/cpsv#",
        "cv": "http://data.europa.eu/m8g/",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "locn": "http://www.w3.org/ns/locn#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    ]
}
