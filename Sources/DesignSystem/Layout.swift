// The page frame: skip link, header with navigation and language switcher, breadcrumbs, footer.
import Localization

/// A breadcrumb step; the last one is the current page and has no link.
public struct Crumb: Sendable {
    public var label: String
    public var href: String?
    public init(_ label: String, href: String? = nil) {
        self.label = label
        self.href = href
    }
}

public enum Layout {
    /// The stylesheet's URL; versioned so that it can be cached for a long time.
    /// Versioned by the stylesheet's content, so browsers never keep an old one (it is cached for a year).
    public static let stylesheetPath = "/static/app.css?v=" + DesignSystemResources.stylesheetVersion
    /// The autosave script's URL, versioned like the stylesheet.
    public static let autosaveScriptPath = "/static/autosave.js?v=" + DesignSystemResources.autosaveScriptVersion
    /// The case form's offline queue, and its service worker (served from the root so that its scope covers every locale).
    public static let offlineCasesScriptPath = "/static/offline-cases.js?v=" + DesignSystemResources.offlineCasesScriptVersion
    public static let offlineWorkerPath = "/offline-worker.js"

    /// Renders a full HTML document around `content`.
    public static func page(
        _ context: PageContext,
        title: String,
        breadcrumbs: [Crumb] = [],
        @NodeBuilder content: () -> [Node]
    ) -> String {
        let t = context.t
        let document = el("html", .lang(context.locale.rawValue)) {
            el("head") {
                el("meta", Attribute("charset", "utf-8"))
                el("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                el("title") { "\(title) · \(t("app.name"))" }
                el("link", Attribute("rel", "stylesheet"), .href(stylesheetPath))
                el("link", Attribute("rel", "icon"), .href("data:,"))
            }
            el("body") {
                el("a", .href("#main"), .class("skip-link")) { t("ds.skip_to_content") }
                header(context)
                el("div", .class("container")) {
                    if breadcrumbs.count > 1 { Self.breadcrumbs(breadcrumbs, t: t) }
                    el("main", .id("main"), Attribute("tabindex", "-1")) {
                        for flash in context.flashes {
                            el("div", .class("flash flash-\(flash.kind.rawValue)"), Attribute("role", flash.kind == .warning ? "alert" : "status")) {
                                el("p") { flash.message }
                            }
                        }
                        content()
                    }
                }
                footer(context)
            }
        }
        return "<!DOCTYPE html>" + document.render()
    }

    static func header(_ context: PageContext) -> Node {
        let t = context.t
        return el("header", .class("site-header")) {
            el("div", .class("container header-inner")) {
                el("a", .href(context.link("/")), .class("brand")) { t("app.name") }
                if !context.navigation.isEmpty {
                    el("nav", .aria("label", t("ds.main_navigation"))) {
                        el("ul", .class("nav")) {
                            for item in context.navigation {
                                el("li") {
                                    el("a", .href(item.href), item.isCurrent ? Attribute("aria-current", "page") : nil) { item.label }
                                }
                            }
                        }
                    }
                }
                el("div", .class("account")) {
                    if let name = context.signedInName {
                        el("span", .class("signed-in")) { t("ds.signed_in_as", ["name": name]) }
                        el("form", Attribute("method", "post"), Attribute("action", context.link("/sign-out")), .class("inline")) {
                            Forms.csrf(context.csrfToken)
                            el("button", .type("submit"), .class("link-button")) { t("auth.sign_out") }
                        }
                    } else {
                        el("a", .href(context.link("/sign-in"))) { t("auth.sign_in") }
                    }
                }
                languageSwitcher(context)
            }
        }
    }

    /// Links to the same page in every other language; each link is labelled in its own language.
    public static func languageSwitcher(_ context: PageContext) -> Node {
        el("nav", .class("languages"), .aria("label", context.t("ds.language"))) {
            el("ul") {
                for locale in AppLocale.allCases {
                    el("li") {
                        if locale == context.locale {
                            el("span", Attribute("aria-current", "true"), .lang(locale.rawValue)) { locale.endonym }
                        } else {
                            el("a", .href("/\(locale.rawValue)\(context.pathInLocale)"), .lang(locale.rawValue),
                               Attribute("hreflang", locale.rawValue)) { locale.endonym }
                        }
                    }
                }
            }
        }
    }

    static func breadcrumbs(_ crumbs: [Crumb], t: Translator) -> Node {
        el("nav", .class("breadcrumbs"), .aria("label", t("ds.breadcrumbs"))) {
            el("ol") {
                for crumb in crumbs {
                    el("li") {
                        if let href = crumb.href { el("a", .href(href)) { crumb.label } } else {
                            el("span", Attribute("aria-current", "page")) { crumb.label }
                        }
                    }
                }
            }
        }
    }

    static func footer(_ context: PageContext) -> Node {
        let t = context.t
        return el("footer", .class("site-footer")) {
            el("div", .class("container")) {
                el("p") { t("ds.footer_about") }
                el("p") {
                    el("a", .href("/api/openapi.json")) { t("ds.footer_api") }
                }
            }
        }
    }
}
