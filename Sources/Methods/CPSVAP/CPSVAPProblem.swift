extension CPSVAP {
    /// Something in the input the export left out, or that makes the document fail the CPSV-AP shapes.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// How serious the problem is.
        public enum Severity: String, Sendable, Hashable, Comparable {
            /// The document will not conform: a mandatory part is missing.
            case invalid
            /// An input value was left out of the document (the rest stays valid).
            case dropped
            /// Exported as given, but probably not what was meant.
            case warning

            /// Orders invalid, dropped, warning.
            public static func < (lhs: Severity, rhs: Severity) -> Bool {
                let order: [Severity] = [.invalid, .dropped, .warning]
                return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
            }
        }

        /// How serious the problem is.
        public var severity: Severity
        /// The service id (or `baseURL`) the problem belongs to.
        public var subject: String
        /// What is wrong, naming the property.
        public var message: String

        /// Creates a problem.
        public init(severity: Severity, subject: String, message: String) {
            self.severity = severity
            self.subject = subject
            self.message = message
        }

        /// `severity subject: message`.
        public var description: String { "\(severity.rawValue) \(subject): \(message)" }
    }

    /// The problems the export of `services` meets, in the order found and without repeats; empty when all is well.
    public static func problems(services: [PublicService], baseURL: String) -> [Problem] {
        GraphBuilder(baseURL: baseURL, services: services).problems
    }
}
