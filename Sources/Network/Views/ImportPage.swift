// The staff page to import organisations from CSV, with the file's errors as file:line: reason.
import Kernel
import DesignSystem
import Localization

enum ImportPage {
    struct Model {
        var errors: [String] = []
        var fileName: String?
        package init(errors: [String] = [], fileName: String? = nil) {
            self.errors = errors
            self.fileName = fileName
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("import.title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("nav.staff"), href: context.link(KernelURL.staff)), Crumb(t("import.title")),
        ]) {
            if !model.errors.isEmpty {
                el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "error-summary-title"), Attribute("tabindex", "-1")) {
                    el("h2", .id("error-summary-title")) { t("import.failed", ["file": model.fileName ?? "CSV"]) }
                    el("p") { t("import.nothing_written") }
                    el("ul", .class("import-errors")) {
                        for error in model.errors.prefix(200) { el("li") { el("code") { error } } }
                    }
                    if model.errors.count > 200 { el("p") { t.plural("import.more_errors", count: model.errors.count - 200) } }
                }
            }
            el("h1") { t("import.title") }
            el("p") { t("import.intro") }
            el("p") { el("code") { OrganisationCSV.columns.joined(separator: ",") } }
            el("ul") {
                el("li") { t("import.rule_encoding") }
                el("li") { t("import.rule_all_or_nothing") }
                el("li") { t("import.rule_update") }
                el("li") { t("import.rule_focus") }
            }
            el("form", Attribute("method", "post"), Attribute("action", context.link(NetworkURL.importOrganisations())), Attribute("enctype", "multipart/form-data")) {
                Forms.csrf(context.csrfToken)
                Forms.file(name: "file", label: t("import.file"), hint: t("import.file_hint"), accept: ".csv,text/csv",
                           errors: model.errors.isEmpty ? [] : [FieldError(field: "file", message: t("import.fix_and_retry"))], t: t)
                Forms.submit(t("import.submit"))
            }
        }
    }
}
