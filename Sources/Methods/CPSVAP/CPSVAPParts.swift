extension CPSVAP {
    /// A website through which the service is offered (one `cv:Channel` node of type "website").
    public struct Channel: Sendable, Hashable {
        /// Absolute URL of the page (`foaf:page`), e.g. the assessed URL.
        public var url: String
        /// Optional description by language tag (`dct:description`).
        public var description: [String: String]

        /// Creates a website channel.
        public init(url: String, description: [String: String] = [:]) {
            self.url = url
            self.description = description
        }
    }

    /// The cost of a service (one `cv:Cost` node).
    public struct Cost: Sendable, Hashable {
        /// The amount (`cv:hasValue`, xsd:double); 0 means free; nil when unknown.
        public var amount: Double?
        /// ISO 4217 code (`cv:currency`, EU currency table), e.g. `EUR`, `ALL`, `MKD`, `RSD`.
        public var currency: String?
        /// Optional description by language tag (`dct:description`).
        public var description: [String: String]

        /// Creates a cost.
        public init(amount: Double?, currency: String?, description: [String: String] = [:]) {
            self.amount = amount
            self.currency = currency
            self.description = description
        }

        /// A free service: amount 0, no currency.
        public static func free(description: [String: String] = [:]) -> Cost {
            Cost(amount: 0, currency: nil, description: description)
        }

        /// Whether the amount is zero.
        public var isFree: Bool { amount == 0 }
    }

    /// A piece of evidence the applicant provides (one `cv:Evidence` node).
    public struct Evidence: Sendable, Hashable {
        /// Optional identifier (`dct:identifier`); without it the minted IRI is the identifier.
        public var id: String?
        /// Name by language tag (`dct:title`, mandatory: evidence without a usable name is left out).
        public var name: [String: String]
        /// Optional description by language tag (`dct:description`).
        public var description: [String: String]

        /// Creates a piece of evidence.
        public init(id: String? = nil, name: [String: String], description: [String: String] = [:]) {
            self.id = id
            self.name = name
            self.description = description
        }
    }

    /// What the service produces, e.g. a certificate (one `cv:Output` node).
    public struct Output: Sendable, Hashable {
        /// Optional identifier (`dct:identifier`); without it the minted IRI is the identifier.
        public var id: String?
        /// Name by language tag (`dct:title`, mandatory: an output without a usable name is left out).
        public var name: [String: String]
        /// Optional description by language tag (`dct:description`).
        public var description: [String: String]

        /// Creates an output.
        public init(id: String? = nil, name: [String: String], description: [String: String] = [:]) {
            self.id = id
            self.name = name
            self.description = description
        }
    }
}
