// Accessible form components after the GOV.UK Design System: labels, hints, errors linked to fields.
import Localization

/// A message about one field of a submitted form.
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A choice of a select, radio or checkbox group.
public struct Choice: Sendable {
    public var value: String
    public var label: String
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

public enum Forms {
    /// The hidden CSRF field every state-changing form carries.
    public static func csrf(_ token: String) -> Node {
        el("input", .type("hidden"), .name("_csrf"), .value(token))
    }

    /// The element id of a field: `focus_areas[]` → `f-focus_areas`, `a[b]` → `f-a-b`.
    static func fieldID(_ name: String) -> String {
        let base = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
        return "f-" + base.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "")
    }

    /// The summary at the top of a form that failed, each message a link to its field.
    public static func errorSummary(_ errors: [FieldError], t: Translator) -> Node {
        guard !errors.isEmpty else { return .empty }
        return el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "error-summary-title"), Attribute("tabindex", "-1")) {
            el("h2", .id("error-summary-title")) { t("ds.error_summary_title") }
            el("ul") {
                for error in errors {
                    el("li") { el("a", .href("#" + fieldID(error.field))) { error.message } }
                }
            }
        }
    }

    /// A single-line text input with label, optional hint and error.
    public static func text(
        name: String, label: String, value: String?, hint: String? = nil, errors: [FieldError] = [],
        type: String = "text", required: Bool = false, autocomplete: String? = nil, width: String? = nil, t: Translator
    ) -> Node {
        let id = fieldID(name)
        let error = errors.first { $0.field == name }
        return group(id: id, label: label, hint: hint, error: error, t: t) { describedBy in
            el("input", .id(id), .name(name), .type(type), .value(value ?? ""),
               .class("input" + (width.map { " w-\($0)" } ?? "") + (error == nil ? "" : " input-error")),
               required ? .flag("required") : nil,
               autocomplete.map { Attribute("autocomplete", $0) },
               describedBy.map { .aria("describedby", $0) },
               error == nil ? nil : .aria("invalid", "true"))
        }
    }

    /// A multi-line text area.
    public static func textarea(
        name: String, label: String, value: String?, hint: String? = nil, errors: [FieldError] = [], rows: Int = 5, t: Translator
    ) -> Node {
        let id = fieldID(name)
        let error = errors.first { $0.field == name }
        return group(id: id, label: label, hint: hint, error: error, t: t) { describedBy in
            el("textarea", .id(id), .name(name), Attribute("rows", String(rows)), .class("textarea" + (error == nil ? "" : " input-error")),
               describedBy.map { .aria("describedby", $0) }, error == nil ? nil : .aria("invalid", "true")) {
                value ?? ""
            }
        }
    }

    /// A drop-down list; `blankLabel` adds an empty first option.
    public static func select(
        name: String, label: String, choices: [Choice], selected: String?, blankLabel: String? = nil,
        hint: String? = nil, errors: [FieldError] = [], t: Translator
    ) -> Node {
        let id = fieldID(name)
        let error = errors.first { $0.field == name }
        return group(id: id, label: label, hint: hint, error: error, t: t) { describedBy in
            el("select", .id(id), .name(name), .class("select" + (error == nil ? "" : " input-error")),
               describedBy.map { .aria("describedby", $0) }, error == nil ? nil : .aria("invalid", "true")) {
                if let blankLabel { el("option", .value("")) { blankLabel } }
                for choice in choices {
                    el("option", .value(choice.value), choice.value == selected ? .flag("selected") : nil) { choice.label }
                }
            }
        }
    }

    /// A group of checkboxes in a fieldset with a legend.
    public static func checkboxes(
        name: String, legend: String, choices: [Choice], selected: Set<String>, hint: String? = nil,
        errors: [FieldError] = [], t: Translator
    ) -> Node {
        choiceGroup(type: "checkbox", name: name, legend: legend, choices: choices, isSelected: selected.contains, hint: hint, errors: errors,
                    fieldClass: "field", listClass: "checkboxes", t: t)
    }

    /// A group of radios in a fieldset with a legend; `inline` lays short choices side by side.
    public static func radios(
        name: String, legend: String, choices: [Choice], selected: String?, hint: String? = nil, errors: [FieldError] = [],
        inline: Bool = false, fieldClass: String = "field", t: Translator
    ) -> Node {
        choiceGroup(type: "radio", name: name, legend: legend, choices: choices, isSelected: { $0 == selected }, hint: hint, errors: errors,
                    fieldClass: fieldClass, listClass: inline ? "radios radios-inline" : "radios", t: t)
    }

    /// Checkboxes or radios: the first input carries the id the error summary links to.
    static func choiceGroup(
        type: String, name: String, legend: String, choices: [Choice], isSelected: (String) -> Bool, hint: String?, errors: [FieldError],
        fieldClass: String, listClass: String, t: Translator
    ) -> Node {
        let id = fieldID(name)
        let error = errors.first { $0.field == name }
        let hintID = hint == nil ? nil : id + "-hint"
        let errorID = error == nil ? nil : id + "-error"
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        return el("div", .class(fieldClass + (error == nil ? "" : " field-error"))) {
            el("fieldset", .class("fieldset"), describedBy.isEmpty ? nil : .aria("describedby", describedBy)) {
                el("legend") { legend }
                if let hint { el("p", .class("hint"), .id(hintID!)) { hint } }
                if let error { errorMessage(error, id: errorID!, t: t) }
                el("div", .class(listClass)) {
                    for (index, choice) in choices.enumerated() {
                        let inputID = index == 0 ? id : "\(id)-\(index)"
                        el("div", .class(type)) {
                            el("input", .id(inputID), .name(name), .type(type), .value(choice.value), isSelected(choice.value) ? .flag("checked") : nil)
                            el("label", .for(inputID)) { choice.label }
                        }
                    }
                }
            }
        }
    }

    /// A file input.
    public static func file(name: String, label: String, hint: String? = nil, accept: String? = nil, errors: [FieldError] = [], t: Translator) -> Node {
        let id = fieldID(name)
        let error = errors.first { $0.field == name }
        return group(id: id, label: label, hint: hint, error: error, t: t) { describedBy in
            el("input", .id(id), .name(name), .type("file"), .class("file"), accept.map { Attribute("accept", $0) },
               describedBy.map { .aria("describedby", $0) }, error == nil ? nil : .aria("invalid", "true"))
        }
    }

    /// The main button of a form.
    public static func submit(_ label: String, secondary: Bool = false) -> Node {
        el("button", .type("submit"), .class(secondary ? "button button-secondary" : "button")) { label }
    }

    static func errorMessage(_ error: FieldError, id: String, t: Translator) -> Node {
        el("p", .class("error-message"), .id(id)) {
            el("span", .class("visually-hidden")) { t("ds.error_prefix") + " " }
            error.message
        }
    }

    static func group(id: String, label: String, hint: String?, error: FieldError?, t: Translator, control: (String?) -> Node) -> Node {
        let hintID = hint == nil ? nil : id + "-hint"
        let errorID = error == nil ? nil : id + "-error"
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        return el("div", .class("field" + (error == nil ? "" : " field-error"))) {
            el("label", .for(id), .class("label")) { label }
            if let hint { el("p", .class("hint"), .id(hintID!)) { hint } }
            if let error { errorMessage(error, id: errorID!, t: t) }
            control(describedBy.isEmpty ? nil : describedBy)
        }
    }
}
