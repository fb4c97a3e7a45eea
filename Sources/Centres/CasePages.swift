// The centres' operator pages: the case form (with its offline queue), the paper-sheet upload, the centre's
// dashboard, its day and its follow-ups.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods
import Network
import Observatory

extension CentresPages {
    // MARK: operators

    static func caseForm(_ centre: Centre, form: CaseRoutes.CaseForm, services: [ServiceCatalogue.Entry], errors: [FieldError], today: Int,
                         context: PageContext) -> String {
        let t = context.t
        let draft = form.draft
        func choices(_ vocabulary: String, _ codes: [String]) -> [Choice] { codes.map { Choice(value: $0, label: label(vocabulary, $0, t: t)) } }
        return Layout.page(context, title: t("centres.case.new"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.case.new"))])) {
            el("h1") { t("centres.case.heading", ["centre": centre.name]) }
            el("p", Attribute("role", "status")) { t("centres.case.today", ["count": t.integer(today)]) }
            // filled by the offline queue (with JavaScript) when cases wait on the device for a connection
            el("div", .id("offline-status"), Attribute("role", "status"), .class("offline-status"), Attribute("data-waiting", t("centres.offline.waiting")),
               Attribute("data-refused", t("centres.offline.refused"))) { "" }
            Forms.errorSummary(errors, t: t)
            el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.cases(centre.slug))), Attribute("novalidate", nil),
               Attribute("data-offline-queue", nil), Attribute("data-worker", Layout.offlineWorkerPath), Attribute("data-queue-owner", form.owner)) {
                Forms.csrf(context.csrfToken)
                el("input", .type("hidden"), .id("f-client_id"), .name("client_id"), .value(draft.clientID))
                Forms.text(name: "day", label: t("centres.field.day"), value: draft.day, errors: errors, type: "date", t: t)
                Forms.radios(name: "channel", legend: t("centres.field.channel"), choices: choices("channel", CaseVocabulary.channels), selected: draft.channel,
                             errors: errors, inline: true, t: t)
                Forms.select(name: "service", label: t("centres.field.service"),
                             choices: services.map { Choice(value: $0.code, label: t("obs.life_event.\($0.lifeEvent)") + " — " + $0.label) }, selected: draft.service,
                             blankLabel: t("centres.service.none"), hint: services.isEmpty ? t("centres.service.no_catalogue") : nil, errors: errors, t: t)
                Forms.select(name: "task", label: t("centres.field.task"), choices: choices("task", CaseVocabulary.tasks), selected: draft.task,
                             blankLabel: t("centres.choose"), errors: errors, t: t)
                Forms.radios(name: "outcome", legend: t("centres.field.outcome"), choices: choices("outcome", CaseVocabulary.outcomes), selected: draft.outcome,
                             errors: errors, inline: true, t: t)
                Forms.select(name: "blocker", label: t("centres.field.blocker"), choices: choices("blocker", CaseVocabulary.blockers), selected: draft.blocker.isEmpty ? "none" : draft.blocker,
                             errors: errors, t: t)
                Forms.radios(name: "age_band", legend: t("centres.field.age_band"), choices: choices("age_band", CaseVocabulary.ageBands), selected: draft.ageBand.isEmpty ? "unknown" : draft.ageBand,
                             errors: errors, inline: true, t: t)
                Forms.radios(name: "gender", legend: t("centres.field.gender"), choices: choices("gender", CaseVocabulary.genders), selected: draft.gender.isEmpty ? "unknown" : draft.gender,
                             errors: errors, inline: true, t: t)
                Forms.checkboxes(name: "groups[]", legend: t("centres.field.group"), choices: choices("group", CaseVocabulary.groups), selected: Set(draft.groups),
                                 errors: errors, t: t)
                Forms.checkboxes(name: "first_time", legend: t("centres.field.first_time"), choices: [Choice(value: "1", label: t("centres.case.first_time_label"))],
                                 selected: draft.firstTime ? ["1"] : [], t: t)
                Forms.radios(name: "level", legend: t("centres.field.level"), choices: choices("level", CaseVocabulary.levels), selected: draft.level.isEmpty ? "national" : draft.level,
                             errors: errors, inline: true, t: t)
                el("fieldset", .class("fieldset field")) {
                    el("legend") { t("centres.case.follow_up_legend") }
                    singleCheckbox(name: "follow_up", label: t("centres.case.follow_up_label"), checked: draft.followUp, errors: errors, t: t)
                    Forms.text(name: "contact", label: t("centres.case.contact"), value: form.contact, hint: t("centres.case.contact_hint"), errors: errors, t: t)
                    singleCheckbox(name: "consent", label: t("centres.case.consent"), checked: form.consent, errors: errors, t: t)
                }
                Forms.submit(t("centres.case.save"))
            }
            el("p") { el("a", .href(context.link(CentresURL.upload(centre.slug)))) { t("centres.upload.title") } }
            el("p", .class("hint")) { t("centres.offline.hint") }
            el("script", Attribute("src", Layout.offlineCasesScriptPath), Attribute("defer", nil))
        }
    }

    static func upload(_ centre: Centre, problems: [String], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.upload.title"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.upload.title"))])) {
            el("h1") { t("centres.upload.title") }
            el("p", .class("lead")) { t("centres.upload.lead") }
            if !problems.isEmpty {
                el("div", .class("error-summary"), Attribute("role", "alert"), .aria("labelledby", "upload-problems"), Attribute("tabindex", "-1")) {
                    el("h2", .id("upload-problems")) { t("centres.upload.refused") }
                    el("ul") { for problem in problems { el("li") { el("a", .href("#f-file")) { problem } } } }
                }
            }
            el("p") { el("a", .href(context.link(CentresURL.template(centre.slug)))) { t("centres.upload.template") } }
            el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.upload(centre.slug))), Attribute("enctype", "multipart/form-data")) {
                Forms.csrf(context.csrfToken)
                Forms.file(name: "file", label: t("centres.upload.file"), hint: t("centres.upload.hint"), accept: ".csv,text/csv", t: t)
                Forms.submit(t("centres.upload.submit"))
            }
        }
    }

    static func dashboard(_ centre: Centre, statistics: CaseStatistics, months: [String], year: Int?, flagged: [AssistanceCase], isOperator: Bool,
                          context: PageContext) -> String {
        let t = context.t
        let target = centre.yearlyTarget
        return Layout.page(context, title: t("centres.dashboard"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.dashboard"))])) {
            el("h1") { t("centres.dashboard_heading", ["centre": centre.name]) }
            el("ul", .class("downloads")) {
                el("li") { el("a", .class("button"), .href(context.link(CentresURL.newCase(centre.slug)))) { t("centres.case.new") } }
                el("li") { el("a", .href(context.link(CentresURL.upload(centre.slug)))) { t("centres.upload.title") } }
                el("li") { el("a", .href(context.link(CentresURL.export(centre.slug)))) { t("centres.export") } }
                el("li") { el("a", .href(context.link(CentresURL.day(centre.slug)))) { t("centres.day_title") } }
                if isOperator { el("li") { el("a", .href(context.link(CentresURL.followUps(centre.slug)))) { t("centres.follow_ups") } } }
            }
            periodPicker(context, action: context.link(CentresURL.dashboard(centre.slug)), year: year)
            el("p") {
                t("centres.against_target", ["count": t.integer(statistics.total), "target": t.integer(target),
                                              "percent": target > 0 ? t.decimal(Double(statistics.total) * 100 / Double(target), fractionDigits: 0) : "–"])
            }
            figures(statistics, months: months, hideSmall: false, t: t)
            el("h2") { t("centres.flagged_title") }
            if flagged.isEmpty {
                el("p") { t("centres.flagged_none") }
            } else {
                Tables.table(caption: t("centres.flagged_title"), columns: [Column(t("centres.field.day")), Column(t("centres.field.task")), Column(t("centres.flags"))],
                             rows: flagged.map { item in
                                 [.text(item.day), .text(t("centres.task.\(item.task)")),
                                  .text(item.flags.split(separator: " ").map { flagLabel(String($0), t: t) }.joined(separator: "; "))]
                             }, sort: nil, link: { _ in "" }, t: t)
            }
        }
    }

    static func day(_ centre: Centre, day: CalendarDate, appointments: [Appointment], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.day_title"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.day_title"))])) {
            el("h1") { t("centres.day_heading", ["date": t.date(day.noonUTC)]) }
            el("form", Attribute("method", "get"), Attribute("action", context.link(CentresURL.day(centre.slug))), .class("filters")) {
                Forms.text(name: "date", label: t("centres.book.day"), value: day.iso, type: "date", t: t)
                Forms.submit(t("centres.show"))
            }
            if appointments.isEmpty {
                el("p") { t("centres.day_none") }
            } else {
                Tables.table(caption: t("centres.day_heading", ["date": t.date(day.noonUTC)]),
                             columns: [Column(t("centres.book.hour")), Column(t("centres.book.name")), Column(t("centres.book.contact")), Column(t("centres.book.task")),
                                       Column(t("centres.appointment.state"))],
                             rows: appointments.map { item in
                                 [.text(String(format: "%02d:00", item.hour)), .text(item.name), .text(item.contact), .text(t("centres.task.\(item.task)")),
                                  .text(t(item.cancelled ? "centres.appointment.state_cancelled" : "centres.appointment.state_booked"))]
                             }, sort: nil, link: { _ in "" }, t: t)
            }
        }
    }

    static func followUps(_ centre: Centre, items: [FollowUp], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("centres.follow_ups"), breadcrumbs: crumbs(context, [Crumb(centre.name, href: context.link(CentresURL.centre(centre.slug))), Crumb(t("centres.follow_ups"))])) {
            el("h1") { t("centres.follow_ups") }
            el("p", .class("lead")) { t("centres.follow_ups_lead") }
            if items.isEmpty {
                el("p") { t("centres.follow_ups_none") }
            } else {
                el("ul", .class("cards")) {
                    for item in items {
                        el("li", .class("card")) {
                            el("p") { item.contact }
                            el("p", .class("muted")) {
                                t("centres.follow_up.deleted_on", ["date": CalendarDate(iso: item.deleteAfter).map { t.date($0.noonUTC) } ?? item.deleteAfter])
                            }
                            el("form", Attribute("method", "post"), Attribute("action", context.link(CentresURL.followUpDone(centre.slug, item.id!)))) {
                                Forms.csrf(context.csrfToken)
                                el("button", .type("submit"), .class("button button-secondary")) {
                                    t("centres.follow_up.mark_done")
                                    el("span", .class("visually-hidden")) { " (\(item.contact))" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
