// The call and lot forms for staff: one field per language for texts, plain date and time inputs in the
// call's zone, review settings, the form definition, and the lot's rules with its results menu and criteria
// written one per line.
import Kernel
import Network
import DesignSystem
import Foundation
import Localization
import Methods

enum CallPages {
    static func crumbs(_ context: PageContext, _ last: [Crumb]) -> [Crumb] { EvaluationPages.crumbs(context, last) }

    /// One text input (or area) per content language, in a fieldset; the language's own name labels each.
    static func perLanguage(name: String, legend: String, values: [String: String], area: Bool, errors: [FieldError], t: Translator) -> Node {
        el("fieldset", .class("fieldset")) {
            el("legend") { legend }
            for locale in CallRoutes.contentLocales {
                let field = "\(name)_\(locale.rawValue)"
                let label = t("grants.callform.in_language", ["language": locale.endonym])
                if area {
                    Forms.textarea(name: field, label: label, value: values[locale.rawValue], errors: errors, rows: 5, t: t)
                } else {
                    Forms.text(name: field, label: label, value: values[locale.rawValue], errors: errors, t: t)
                }
            }
        }
    }

    static func callForm(_ input: CallInput, call: GrantCall?, lots: [GrantLot], programmes: [GrantProgramme], errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = call.map { t("grants.callform.edit_title", ["code": $0.code]) } ?? t("grants.callform.new_title")
        let action = context.link(call.map { GrantsURL.editCall($0.code) } ?? GrantsURL.newCall())
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(title)])) {
            el("h1") { title }
            Forms.errorSummary(errors, t: t)
            ApplicantPages.form(action, context) {
                el("input", .type("hidden"), .name("version"), .value(String(input.version)))
                if call == nil {
                    Forms.text(name: "code", label: t("grants.callform.code"), value: input.code, hint: t("grants.callform.code_hint"), errors: errors, width: "20", t: t)
                }
                Forms.select(name: "programme", label: t("grants.programme"), choices: programmes.map { Choice(value: $0.id!.uuidString.lowercased(), label: $0.name) },
                             selected: input.programme.lowercased(), errors: errors, t: t)
                perLanguage(name: "title", legend: t("grants.callform.titles"), values: input.titles, area: false, errors: errors, t: t)
                perLanguage(name: "text", legend: t("grants.callform.texts"), values: input.texts, area: true, errors: errors, t: t)
                el("fieldset", .class("fieldset")) {
                    el("legend") { t("grants.callform.window") }
                    Forms.text(name: "opens_date", label: t("grants.callform.opens_date"), value: input.opensDate, hint: t("grants.form.date_hint"), errors: errors, type: "date", t: t)
                    Forms.text(name: "opens_time", label: t("grants.callform.opens_time"), value: input.opensTime, errors: errors, type: "time", t: t)
                    Forms.text(name: "deadline_date", label: t("grants.callform.deadline_date"), value: input.deadlineDate, hint: t("grants.form.date_hint"), errors: errors, type: "date", t: t)
                    Forms.text(name: "deadline_time", label: t("grants.callform.deadline_time"), value: input.deadlineTime, hint: t("grants.callform.deadline_hint"), errors: errors, type: "time", t: t)
                    Forms.select(name: "time_zone", label: t("grants.callform.time_zone"), choices: CallRoutes.timeZones.map { Choice(value: $0, label: $0) },
                                 selected: input.timeZone, errors: errors, t: t)
                }
                Forms.select(name: "status", label: t("grants.callform.status"),
                             choices: GrantCallStatus.allCases.map { Choice(value: $0.rawValue, label: t("grants.callform.status.\($0.rawValue)")) },
                             selected: input.status, hint: t("grants.callform.status_hint"), errors: errors, t: t)
                el("fieldset", .class("fieldset")) {
                    el("legend") { t("grants.callform.review") }
                    Forms.text(name: "minimum_reviews", label: t("grants.callform.minimum_reviews"), value: input.minimumReviews, errors: errors, width: "4", t: t)
                    Forms.text(name: "spread_threshold", label: t("grants.callform.spread_threshold"), value: input.spreadThreshold,
                               hint: t("grants.callform.spread_hint"), errors: errors, width: "4", t: t)
                    Forms.text(name: "appeal_days", label: t("grants.callform.appeal_days"), value: input.appealDays, errors: errors, width: "4", t: t)
                    Forms.checkboxes(name: "ranking_public", legend: t("grants.callform.publication"),
                                     choices: [Choice(value: "1", label: t("grants.callform.ranking_public"))], selected: input.rankingPublic ? ["1"] : [], t: t)
                }
                Forms.textarea(name: "form", label: t("grants.callform.form"), value: input.form, hint: t("grants.callform.form_hint"), errors: errors, rows: 14, t: t)
                Forms.submit(t(call == nil ? "grants.callform.create" : "grants.callform.save"))
            }
            if let call {
                el("h2") { t("grants.callform.lots") }
                if lots.isEmpty {
                    el("p") { t("grants.callform.no_lots") }
                } else {
                    el("ul") {
                        for lot in lots {
                            el("li") { el("a", .href(context.link(GrantsURL.editLot(call.code, lot.code)))) {
                                GrantsPages.plainText(lot.title, context.locale, fallback: lot.code)
                            } }
                        }
                    }
                }
                el("p") { el("a", .class("button button-secondary"), .href(context.link(GrantsURL.newLot(call.code)))) { t("grants.callform.add_lot") } }
                el("p") { el("a", .href(context.link(GrantsURL.call(call.code)))) { t("grants.callform.public_page") } }
            }
        }
    }

    static func lotForm(_ input: LotInput, call: GrantCall, lot: GrantLot?, frozen: Bool, currency: Grants.Currency, errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let callTitle = GrantsPages.plainText(call.title, context.locale, fallback: call.code)
        let title = lot.map { t("grants.lotform.edit_title", ["lot": GrantsPages.plainText($0.title, context.locale, fallback: $0.code)]) } ?? t("grants.lotform.new_title")
        let action = context.link(lot.map { GrantsURL.editLot(call.code, $0.code) } ?? GrantsURL.newLot(call.code))
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(callTitle, href: context.link(GrantsURL.editCall(call.code))), Crumb(title)])) {
            el("h1") { title }
            if frozen { el("div", .class("notice"), Attribute("role", "status")) { el("p") { t("grants.lotform.frozen_notice") } } }
            Forms.errorSummary(errors, t: t)
            ApplicantPages.form(action, context) {
                el("input", .type("hidden"), .name("version"), .value(String(input.version)))
                if lot == nil {
                    Forms.text(name: "code", label: t("grants.callform.code"), value: input.code, hint: t("grants.lotform.code_hint"), errors: errors, width: "20", t: t)
                }
                Forms.text(name: "position", label: t("grants.lotform.position"), value: input.position, errors: errors, width: "4", t: t)
                perLanguage(name: "title", legend: t("grants.callform.titles"), values: input.titles, area: false, errors: errors, t: t)
                el("fieldset", .class("fieldset")) {
                    el("legend") { t("grants.lotform.money") }
                    Forms.text(name: "envelope", label: t("grants.envelope") + " " + t("grants.form.optional"), value: input.envelope,
                               hint: t("grants.form.money_hint", ["currency": currency.code]), errors: errors, width: "10", t: t)
                    Forms.text(name: "minimum", label: t("grants.lotform.minimum"), value: input.minimum, errors: errors, width: "10", t: t)
                    Forms.text(name: "maximum", label: t("grants.lotform.maximum"), value: input.maximum, errors: errors, width: "10", t: t)
                    Forms.text(name: "co_financing", label: t("grants.lotform.co_financing"), value: input.coFinancing, hint: t("grants.lotform.percent_hint"),
                               errors: errors, width: "4", t: t)
                    Forms.text(name: "tranches", label: t("grants.lotform.tranches"), value: input.tranches, hint: t("grants.lotform.tranches_hint"), errors: errors, width: "10", t: t)
                    Forms.text(name: "reallocation", label: t("grants.lotform.reallocation"), value: input.reallocation, hint: t("grants.lotform.reallocation_hint"),
                               errors: errors, width: "4", t: t)
                }
                Forms.text(name: "duration", label: t("grants.lotform.duration"), value: input.duration, errors: errors, width: "4", t: t)
                Forms.checkboxes(name: "countries[]", legend: t("grants.eligible_countries"),
                                 choices: CallRoutes.regionCountries.map { Choice(value: $0, label: t("country.\($0)")) }, selected: input.countries, errors: errors, t: t)
                Forms.checkboxes(name: "kinds[]", legend: t("grants.applicants"),
                                 choices: OrganisationKind.allCases.map { Choice(value: $0.rawValue, label: t($0.labelKey)) }, selected: input.kinds, errors: errors, t: t)
                Forms.text(name: "max_grants", label: t("grants.max_grants") + " " + t("grants.form.optional"), value: input.maxGrants, errors: errors, width: "4", t: t)
                Forms.text(name: "max_per_country", label: t("grants.per_country") + " " + t("grants.form.optional"), value: input.maxPerCountry, errors: errors, width: "4", t: t)
                Forms.textarea(name: "results", label: t("grants.results_menu") + " " + t("grants.form.optional"), value: input.results,
                               hint: t("grants.lotform.results_hint"), errors: errors, rows: 6, t: t)
                Forms.text(name: "minimum_results", label: t("grants.lotform.minimum_results"), value: input.minimumResults, errors: errors, width: "4", t: t)
                Forms.textarea(name: "criteria", label: t("grants.criteria"), value: input.criteria, hint: t("grants.lotform.criteria_hint"), errors: errors, rows: 6, t: t)
                Forms.submit(t("grants.callform.save"))
            }
        }
    }
}
