extension CPSVAP {
    /// A territory (one `dct:Location` node): a country or a municipality.
    public struct Location: Sendable, Hashable {
        /// An absolute IRI from a shared vocabulary (e.g. the EU country table); nil to mint one from `id`.
        public var iri: String?
        /// Path under `{baseURL}/id/location/`, used when `iri` is nil or unusable, e.g. `MK/skopje`.
        public var id: String?
        /// Name by language tag (`locn:geographicName`, optional).
        public var name: [String: String]

        /// A location with an IRI of its own.
        public init(iri: String, name: [String: String] = [:]) {
            self.iri = iri
            self.id = nil
            self.name = name
        }

        /// A location whose IRI is minted as `{baseURL}/id/location/{id}`.
        public init(id: String, name: [String: String] = [:]) {
            self.iri = nil
            self.id = id
            self.name = name
        }

        /// A country by ISO 3166 alpha-2 code: the EU Publications Office country IRI where the code maps to one,
        /// else (e.g. `XK`) the minted `{baseURL}/id/location/{code}`.
        public static func country(_ code: String, name: [String: String] = [:]) -> Location {
            let upper = code.uppercased()
            var location = Location(id: upper, name: name)
            if let alpha3 = euCountryAlpha3[upper] {
                location.iri = "http://publications.europa.eu/resource/authority/country/" + alpha3
            }
            return location
        }

        /// A municipality, minted as `{baseURL}/id/location/{country}/{id}`.
        public static func municipality(country: String, id: String, name: [String: String] = [:]) -> Location {
            Location(id: country.uppercased() + "/" + id, name: name)
        }

        /// ISO alpha-2 (plus Eurostat `EL`, `UK`) → alpha-3 code of the EU country authority table.
        /// Kosovo (`XK`) is deliberately absent: it has no ISO code, so it gets a minted IRI.
        public static let euCountryAlpha3: [String: String] = [
            "AL": "ALB", "AT": "AUT", "BA": "BIH", "BE": "BEL", "BG": "BGR", "CH": "CHE", "CY": "CYP",
            "CZ": "CZE", "DE": "DEU", "DK": "DNK", "EE": "EST", "EL": "GRC", "ES": "ESP", "FI": "FIN",
            "FR": "FRA", "GB": "GBR", "GR": "GRC", "HR": "HRV", "HU": "HUN", "IE": "IRL", "IS": "ISL",
            "IT": "ITA", "LI": "LIE", "LT": "LTU", "LU": "LUX", "LV": "LVA", "MD": "MDA", "ME": "MNE",
            "MK": "MKD", "MT": "MLT", "NL": "NLD", "NO": "NOR", "PL": "POL", "PT": "PRT", "RO": "ROU",
            "RS": "SRB", "SE": "SWE", "SI": "SVN", "SK": "SVK", "TR": "TUR", "UA": "UKR", "UK": "GBR",
        ]
    }
}
