// A small HTML builder that escapes every text and every attribute value.
//
// We do not use Plot here: Plot 0.14 writes attribute values unescaped and lets entity-like text
// through, so a website URL such as `" onfocus="…` typed by a user would break out of its attribute.

/// A piece of HTML: an element, escaped text, trusted raw markup, or a list of nodes.
public indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case text(String)
    case raw(String)
    case fragment([Node])

    public static let empty = Node.fragment([])
}

/// One attribute; a `nil` value renders as a boolean attribute (`required`).
public struct Attribute: Sendable {
    public let name: String
    public let value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func lang(_ value: String) -> Attribute { Attribute("lang", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    public static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-\(name)", value) }
    public static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ nodes: [Node]) -> [Node] { nodes }
}

/// Makes an element: `el("p", .class("hint")) { "Text" }`.
public func el(_ name: String, _ attributes: Attribute?..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attributes.compactMap { $0 }, content())
}

/// Groups nodes without a wrapping element.
public func fragment(@NodeBuilder _ content: () -> [Node]) -> Node { .fragment(content()) }

extension Node {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Renders the node as HTML.
    public func render() -> String {
        var output = ""
        output.reserveCapacity(8_192)
        render(into: &output)
        return output
    }

    public func render(into output: inout String) {
        switch self {
        case .text(let text):
            Node.escape(text, into: &output, quotes: false)
        case .raw(let markup):
            output += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children):
            output += "<"
            output += name
            for attribute in attributes {
                output += " "
                output += attribute.name
                if let value = attribute.value {
                    output += "=\""
                    Node.escape(value, into: &output, quotes: true)
                    output += "\""
                }
            }
            output += ">"
            guard !Node.voidElements.contains(name) else { return }
            for child in children { child.render(into: &output) }
            output += "</"
            output += name
            output += ">"
        }
    }

    /// Escapes `&`, `<`, `>` (and `"`, `'` inside attributes).
    public static func escape(_ text: String, into output: inout String, quotes: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

}
