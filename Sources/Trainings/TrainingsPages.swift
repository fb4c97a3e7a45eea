// The trainings' pages.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods
import Network
import Centres

enum TrainingsPages {
    static func crumbs(_ context: PageContext, _ rest: [Crumb]) -> [Crumb] {
        [Crumb(context.t("nav.home"), href: context.link(KernelURL.home)), Crumb(context.t("trainings.title"), href: context.link(TrainingsURL.calendar()))] + rest
    }

    static func day(_ iso: String, t: Translator) -> String { CalendarDate(iso: iso).map { t.date($0.noonUTC) } ?? iso }

    static func text(_ value: LocalizedText, _ context: PageContext, fallback: String = "") -> Node {
        context.text(value, fallback: fallback)
    }

    static func plain(_ value: LocalizedText, _ context: PageContext, fallback: String = "") -> String { value.resolve(for: context.locale)?.text ?? fallback }

    static func calendar(_ page: CalendarPage, query: TrainingsRoutes.CalendarQuery, context: PageContext) -> String {
        let t = context.t
        func list(_ items: [TrainingEvent]) -> Node {
            el("ul", .class("cards")) {
                for event in items {
                    el("li", .class("card")) {
                        el("h3") { el("a", .href(context.link(TrainingsURL.event(event.slug)))) { text(event.title, context, fallback: event.slug) } }
                        el("p") { "\(day(event.startsOn, t: t)) · \(event.town), \(t("country.\(event.country)"))" }
                        el("p", .class("muted")) {
                            "\(t("trainings.audience.\(event.audience)")) · \(t("trainings.level.\(event.level)")) · \(t("trainings.format.\(event.format)"))"
                        }
                        el("p", .class("muted")) { t("trainings.sessions_count", ["count": t.integer(page.sessionCounts[event.id!] ?? 0)]) }
                    }
                }
            }
        }
        return Layout.page(context, title: t("trainings.title"), breadcrumbs: [Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.title"))]) {
            el("h1") { t("trainings.title") }
            el("p", .class("lead")) { t("trainings.lead") }
            el("p") { el("a", .href(context.link(TrainingsURL.selfCheck()))) { t("trainings.selfcheck.title") } }
            el("form", Attribute("method", "get"), Attribute("action", context.link(TrainingsURL.calendar())), .class("filters"), Attribute("role", "search")) {
                el("div", .class("filter-grid")) {
                    Forms.select(name: "country", label: t("trainings.country"), choices: TrainingsVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: query.country, blankLabel: t("trainings.any"), t: t)
                    Forms.select(name: "audience", label: t("trainings.audience"), choices: TrainingsVocabulary.audiences.map { Choice(value: $0, label: t("trainings.audience.\($0)")) },
                                 selected: query.audience, blankLabel: t("trainings.any"), t: t)
                    Forms.select(name: "topic", label: t("trainings.topic"), choices: TrainingsVocabulary.topics.map { Choice(value: $0, label: t("trainings.topic.\($0)")) },
                                 selected: query.topic, blankLabel: t("trainings.any"), t: t)
                    Forms.select(name: "level", label: t("trainings.level"), choices: TrainingsVocabulary.levels.map { Choice(value: $0, label: t("trainings.level.\($0)")) },
                                 selected: query.level, blankLabel: t("trainings.any"), t: t)
                    Forms.text(name: "month", label: t("trainings.month"), value: query.month, hint: t("trainings.month_hint"), width: "short", t: t)
                }
                Forms.submit(t("trainings.filter"))
                el("a", .href(context.link(TrainingsURL.calendar()))) { t("trainings.clear") }
            }
            el("p", Attribute("role", "status")) { t("trainings.found", ["count": t.integer(page.upcomingTotal + page.pastTotal)]) }
            el("h2") { t("trainings.upcoming") }
            if page.upcoming.isEmpty { el("p") { t("trainings.none_upcoming") } } else {
                list(page.upcoming)
                if page.upcomingTotal > page.upcoming.count {
                    el("p", .class("muted")) { t("trainings.more_upcoming", ["shown": t.integer(page.upcoming.count), "count": t.integer(page.upcomingTotal)]) }
                }
            }
            el("h2", Attribute("id", "past")) { t("trainings.past") }
            if page.past.isEmpty { el("p") { t("trainings.none_past") } } else {
                list(page.past)
                Tables.pagination(PageInfo(page: page.page, perPage: TrainingsCalendar.pastPerPage, total: page.pastTotal), link: { extra in
                    context.link(TrainingsURL.calendar(query.parameters.merging(extra) { _, new in new })) + "#past"
                }, t: t)
            }
            el("p") { el("a", .href(context.link(TrainingsURL.ics()) + QueryString.encode(query.parameters))) { t("trainings.ics") } }
        }
    }

    static func event(_ event: TrainingEvent, sessions: [TrainingSession], confirmed: Int, organiser: Organisation?, input: TrainingsRoutes.RegistrationInput,
                      errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        let title = plain(event.title, context, fallback: event.slug)
        return Layout.page(context, title: title, breadcrumbs: crumbs(context, [Crumb(title)])) {
            el("h1") { text(event.title, context, fallback: event.slug) }
            if let summary = event.summary.resolve(for: context.locale) {
                el("p", .class("lead"), summary.locale == context.locale ? nil : .lang(summary.locale.rawValue)) { summary.text }
            }
            el("dl", .class("summary-list")) {
                if !event.series.isEmpty {
                    el("dt") { t("trainings.series") }
                    el("dd") { event.series }
                }
                el("dt") { t("trainings.audience") }
                el("dd") { t("trainings.audience.\(event.audience)") }
                el("dt") { t("trainings.level") }
                el("dd") { t("trainings.level.\(event.level)") }
                el("dt") { t("trainings.format") }
                el("dd") { t("trainings.format.\(event.format)") }
                el("dt") { t("trainings.where") }
                el("dd") { "\(event.venue), \(event.town), \(t("country.\(event.country)"))" }
                if !event.topicList.isEmpty {
                    el("dt") { t("trainings.topic") }
                    el("dd") { event.topicList.map { t("trainings.topic.\($0)") }.joined(separator: ", ") }
                }
                if !event.competences.isEmpty {
                    el("dt") { t("trainings.competences") }
                    el("dd") { event.competences }
                }
                el("dt") { t("trainings.trainer") }
                el("dd") { event.trainerName }
                if let organiser {
                    el("dt") { t("trainings.organiser") }
                    el("dd") { el("a", .href(context.link(NetworkURL.organisation(organiser.slug)))) { organiser.name } }
                }
                el("dt") { t("trainings.places") }
                el("dd") {
                    event.capacity == 0 ? t("trainings.places_unlimited")
                        : t("trainings.places_value", ["free": t.integer(max(0, event.capacity - confirmed)), "capacity": t.integer(event.capacity)])
                }
            }
            el("h2") { t("trainings.sessions") }
            el("ol") {
                for session in sessions {
                    el("li") { t("trainings.session_value", ["date": day(session.day, t: t), "starts": session.starts, "ends": session.ends]) }
                }
            }
            el("h2") { t("trainings.register") }
            if !event.isOpen {
                el("p") { t("trainings.invitation_only") }
            } else {
                if event.capacity > 0 && confirmed >= event.capacity { el("p") { t("trainings.full_waitlist") } }
                Forms.errorSummary(errors, t: t)
                el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.event(event.slug))), Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    Forms.text(name: "name", label: t("trainings.name"), value: input.name, errors: errors, autocomplete: "name", t: t)
                    Forms.text(name: "contact", label: t("trainings.contact"), value: input.contact, hint: t("trainings.contact_hint"), errors: errors, t: t)
                    Forms.radios(name: "gender", legend: t("trainings.gender"), choices: TrainingsVocabulary.genders.map { Choice(value: $0, label: t("centres.gender.\($0)")) },
                                 selected: input.gender, inline: true, t: t)
                    Forms.textarea(name: "needs", label: t("trainings.needs"), value: input.needs, hint: t("trainings.needs_hint"), rows: 2, t: t)
                    Forms.checkboxes(name: "consent", legend: t("trainings.consent_legend"), choices: [Choice(value: "1", label: t("trainings.consent"))],
                                     selected: input.consent ? ["1"] : [], errors: errors, t: t)
                    Forms.submit(t("trainings.register_button"))
                }
            }
        }
    }

    static func registration(_ record: TrainingRegistrationRecord, event: TrainingEvent, waitingPosition: Int, certificate: TrainingCertificate?, token: String,
                             learning: LearningPages.RegistrationLearning, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("trainings.registration_title"), breadcrumbs: crumbs(context, [Crumb(t("trainings.registration_title"))])) {
            el("h1") { t("trainings.registration_title") }
            el("p", .class("lead")) { t("trainings.keep_link") }
            el("dl", .class("summary-list")) {
                el("dt") { t("trainings.event") }
                el("dd") { el("a", .href(context.link(TrainingsURL.event(event.slug)))) { text(event.title, context, fallback: event.slug) } }
                el("dt") { t("trainings.code") }
                el("dd") { record.code }
                el("dt") { t("trainings.state") }
                el("dd") {
                    record.state == "waitlisted" ? t("trainings.state.waitlisted_position", ["position": t.integer(waitingPosition)]) : t("trainings.state.\(record.state)")
                }
            }
            if let certificate {
                el("p") { el("a", .href(context.link(TrainingsURL.certificate(certificate.id!)))) { t("trainings.your_certificate") } }
            }
            LearningPages.registrationSection(record, event: event, learning: learning, token: token, context: context)
            if record.state != "cancelled" {
                el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.cancel(token)))) {
                    Forms.csrf(context.csrfToken)
                    Forms.submit(t("trainings.cancel"), secondary: true)
                }
            }
        }
    }

    static func selfCheck(answers: [String: String], results: [DigCompAreaResult]?, errors: [FieldError], country: String, upcoming: [TrainingEvent] = [],
                          context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("trainings.selfcheck.title"), breadcrumbs: crumbs(context, [Crumb(t("trainings.selfcheck.title"))])) {
            el("h1") { t("trainings.selfcheck.title") }
            if let results {
                el("p", .class("lead")) { t("trainings.selfcheck.result_lead") }
                el("dl", .class("summary-list")) {
                    for result in results {
                        el("dt") { t("trainings.selfcheck.area.\(result.area.code)") }
                        el("dd") {
                            el("strong") { t("trainings.selfcheck.level.\(result.level.rawValue)") }
                            el("br")
                            t("trainings.selfcheck.next.\(result.level.rawValue)")
                        }
                    }
                }
                if !upcoming.isEmpty {
                    el("h2") { t("trainings.selfcheck.upcoming") }
                    el("ul") { for event in upcoming { el("li") { el("a", .href(context.link(TrainingsURL.event(event.slug)))) { text(event.title, context, fallback: event.slug) } } } }
                }
                el("p") { el("a", .href(context.link(CentresURL.finder()))) { t("trainings.selfcheck.help_centres") } }
            } else {
                el("p", .class("lead")) { t("trainings.selfcheck.lead") }
                Forms.errorSummary(errors, t: t)
                el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.selfCheck())), Attribute("novalidate", nil)) {
                    Forms.csrf(context.csrfToken)
                    Forms.select(name: "country", label: t("trainings.country"), choices: TrainingsVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                                 selected: country, blankLabel: t("trainings.selfcheck.no_country"), t: t)
                    for question in DigCompSelfAssessment.questions {
                        Forms.radios(name: "q-\(question.id)", legend: t("trainings.selfcheck.q.\(question.id)"),
                                     choices: (0...3).map { Choice(value: String($0), label: t("trainings.selfcheck.scale.\($0)")) },
                                     selected: answers[question.id], errors: errors, t: t)
                    }
                    Forms.submit(t("trainings.selfcheck.submit"))
                }
            }
        }
    }

    static func certificate(_ certificate: TrainingCertificate, event: TrainingEvent, status: TrainingsRoutes.CertificateStatus, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("trainings.certificate_title"), breadcrumbs: crumbs(context, [Crumb(t("trainings.certificate_title"))])) {
            el("h1") { t("trainings.certificate_title") }
            el("div", .class(status == .valid ? "flash flash-info" : "flash flash-warning"), Attribute("role", "status")) {
                el("p") { t("trainings.status.\(status.rawValue)", ["reason": certificate.revokedReason]) }
            }
            el("dl", .class("summary-list")) {
                el("dt") { t("trainings.holder") }
                el("dd") { certificate.holderName }
                el("dt") { t("trainings.event") }
                el("dd") { el("a", .href(context.link(TrainingsURL.event(event.slug)))) { text(event.title, context, fallback: event.slug) } }
                el("dt") { t("trainings.issued") }
                el("dd") { t.date(certificate.issuedAt) }
                el("dt") { t("trainings.issuer") }
                el("dd") { "ICEDA Platform" }
            }
            el("h2") { t("trainings.credential") }
            el("p") { t("trainings.credential_hint") }
            el("pre", .class("question")) { certificate.jwt }
            el("p") { el("a", .href(TrainingsURL.apiJWKS())) { t("trainings.public_key") } }
        }
    }

    static func verify(token: String, status: TrainingsRoutes.CertificateStatus?, certificate: TrainingCertificate?, context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("trainings.verify_title"), breadcrumbs: crumbs(context, [Crumb(t("trainings.verify_title"))])) {
            el("h1") { t("trainings.verify_title") }
            el("p", .class("lead")) { t("trainings.verify_lead") }
            el("form", Attribute("method", "get"), Attribute("action", context.link(TrainingsURL.verify()))) {
                Forms.textarea(name: "jwt", label: t("trainings.credential"), value: token, rows: 6, t: t)
                Forms.submit(t("trainings.verify_button"))
            }
            if let status {
                el("div", .class(status == .valid ? "flash flash-info" : "flash flash-warning"), Attribute("role", "status")) {
                    el("p") { t("trainings.status.\(status.rawValue)", ["reason": certificate?.revokedReason ?? ""]) }
                }
                if let certificate, status == .valid || status == .revoked {
                    el("p") { el("a", .href(context.link(TrainingsURL.certificate(certificate.id!)))) { t("trainings.certificate_of", ["holder": certificate.holderName]) } }
                }
            }
        }
    }

    static func staffList(_ events: [TrainingEvent], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("trainings.staff_title"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.staff_title")),
        ]) {
            el("h1") { t("trainings.staff_title") }
            el("p") { el("a", .class("button"), .href(context.link(TrainingsURL.newEvent()))) { t("trainings.new_event") } }
            el("ul") {
                for event in events {
                    el("li") { el("a", .href(context.link(TrainingsURL.manage(event.slug)))) { "\(day(event.startsOn, t: t)): "; text(event.title, context, fallback: event.slug) } }
                }
            }
        }
    }

    static func eventForm(_ input: TrainingsRoutes.EventInput, errors: [FieldError], context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t("trainings.new_event"), breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.staff_title"), href: context.link(TrainingsURL.staff())), Crumb(t("trainings.new_event")),
        ]) {
            el("h1") { t("trainings.new_event") }
            Forms.errorSummary(errors, t: t)
            el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.newEvent())), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.text(name: "title", label: t("trainings.form.title"), value: input.title, errors: errors, t: t)
                Forms.textarea(name: "description", label: t("trainings.form.description"), value: input.description, rows: 4, t: t)
                Forms.text(name: "series", label: t("trainings.series"), value: input.series, t: t)
                Forms.radios(name: "audience", legend: t("trainings.audience"), choices: TrainingsVocabulary.audiences.map { Choice(value: $0, label: t("trainings.audience.\($0)")) },
                             selected: input.audience, errors: errors, inline: true, t: t)
                Forms.radios(name: "level", legend: t("trainings.level"), choices: TrainingsVocabulary.levels.map { Choice(value: $0, label: t("trainings.level.\($0)")) },
                             selected: input.level, errors: errors, inline: true, t: t)
                Forms.checkboxes(name: "topics[]", legend: t("trainings.topic"), choices: TrainingsVocabulary.topics.map { Choice(value: $0, label: t("trainings.topic.\($0)")) },
                                 selected: input.topics, t: t)
                Forms.radios(name: "format", legend: t("trainings.format"), choices: TrainingsVocabulary.formats.map { Choice(value: $0, label: t("trainings.format.\($0)")) },
                             selected: input.format, errors: errors, inline: true, t: t)
                Forms.text(name: "venue", label: t("trainings.form.venue"), value: input.venue, hint: t("trainings.form.venue_hint"), t: t)
                Forms.select(name: "country", label: t("trainings.country"), choices: TrainingsVocabulary.countries.map { Choice(value: $0, label: t("country.\($0)")) },
                             selected: input.country, blankLabel: t("trainings.choose"), errors: errors, t: t)
                Forms.text(name: "town", label: t("trainings.form.town"), value: input.town, t: t)
                Forms.text(name: "capacity", label: t("trainings.form.capacity"), value: input.capacity, hint: t("trainings.form.capacity_hint"), errors: errors, type: "number", width: "short", t: t)
                Forms.text(name: "competences", label: t("trainings.competences"), value: input.competences, hint: t("trainings.form.competences_hint"), t: t)
                Forms.text(name: "trainer_name", label: t("trainings.trainer"), value: input.trainerName, t: t)
                Forms.textarea(name: "sessions", label: t("trainings.sessions"), value: input.sessions, hint: t("trainings.form.sessions_hint"), errors: errors, rows: 4, t: t)
                Forms.text(name: "min_attendance", label: t("trainings.form.min_attendance"), value: input.minAttendance, errors: errors, type: "number", width: "short", t: t)
                Forms.text(name: "pass_percent", label: t("trainings.form.pass_percent"), value: input.passPercent, hint: t("trainings.form.pass_percent_hint"),
                           errors: errors, type: "number", width: "short", t: t)
                Forms.checkboxes(name: "open", legend: t("trainings.form.registration"), choices: [Choice(value: "1", label: t("trainings.form.open"))],
                                 selected: input.isOpen ? ["1"] : [], t: t)
                Forms.submit(t("trainings.form.save"))
            }
        }
    }

    static func manage(_ event: TrainingEvent, sessions: [TrainingSession], people: [TrainingRegistrationRecord], marks: Set<String>, certificates: [TrainingCertificate],
                       sheetProblems: [String], context: PageContext) -> String {
        let t = context.t
        let confirmed = people.filter { $0.state == "confirmed" }
        let byRegistration = Dictionary(certificates.map { ($0.registrationID, $0) }, uniquingKeysWith: { first, _ in first })
        let title = plain(event.title, context, fallback: event.slug)
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.staff_title"), href: context.link(TrainingsURL.staff())), Crumb(title),
        ]) {
            el("h1") { title }
            el("p") { t("trainings.manage_counts", ["confirmed": t.integer(confirmed.count), "waiting": t.integer(people.filter { $0.state == "waitlisted" }.count),
                                                     "certificates": t.integer(certificates.count)]) }
            for session in sessions {
                el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.attendance(event.slug))), .class("card")) {
                    Forms.csrf(context.csrfToken)
                    el("input", .type("hidden"), .name("session"), .value(session.id!.uuidString.lowercased()))
                    Forms.checkboxes(name: "present\(session.position)[]", legend: t("trainings.attendance_of", ["position": String(session.position), "date": day(session.day, t: t)]),
                                     choices: confirmed.map { Choice(value: $0.id!.uuidString.lowercased(), label: "\($0.name) (\($0.code))") },
                                     selected: Set(confirmed.filter { marks.contains("\($0.id!)|\(session.id!)") }.map { $0.id!.uuidString.lowercased() }), t: t)
                    Forms.submit(t("trainings.save_attendance", ["position": String(session.position)]), secondary: true)
                }
            }
            el("p") { el("a", .href(context.link(LearningURL.eventReport(event.slug)))) { t("trainings.report.event_title") } }
            el("section", .class("card"), .aria("labelledby", "sheet-title")) {
                el("h2", .id("sheet-title")) { t("trainings.sheet.title") }
                el("p") { t("trainings.sheet.intro") + " " }
                el("p") { el("a", .href(context.link(LearningURL.sheetTemplate(event.slug)))) { t("trainings.sheet.template") } }
                if !sheetProblems.isEmpty {
                    el("div", .class("error-summary"), Attribute("role", "alert")) {
                        el("h3") { t("trainings.sheet.refused") }
                        el("ul") { for problem in sheetProblems { el("li") { problem } } }
                    }
                }
                el("form", Attribute("method", "post"), Attribute("action", context.link(LearningURL.sheet(event.slug))), Attribute("enctype", "multipart/form-data")) {
                    Forms.csrf(context.csrfToken)
                    Forms.file(name: "file", label: t("trainings.sheet.file"), hint: t("trainings.sheet.hint"), accept: ".csv,text/csv", t: t)
                    Forms.submit(t("trainings.sheet.upload"), secondary: true)
                }
            }
            el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.issue(event.slug)))) {
                Forms.csrf(context.csrfToken)
                el("p") { t("trainings.issue_hint", ["percent": String(event.minAttendance)]) }
                if event.passPercent > 0 { el("p") { t("trainings.issue_hint_test", ["percent": String(event.passPercent)]) } }
                Forms.submit(t("trainings.issue"))
            }
            if !certificates.isEmpty {
                el("h2") { t("trainings.certificates") }
                el("ul") {
                    for person in confirmed {
                        if let certificate = byRegistration[person.id!] {
                            el("li") {
                                el("a", .href(context.link(TrainingsURL.certificate(certificate.id!)))) { person.name }
                                if certificate.revokedAt != nil {
                                    " — " + t("trainings.status.revoked", ["reason": certificate.revokedReason])
                                } else {
                                    el("form", Attribute("method", "post"), Attribute("action", context.link(TrainingsURL.revoke(event.slug, certificate.id!))), .class("inline")) {
                                        Forms.csrf(context.csrfToken)
                                        el("label", .for("reason-\(certificate.id!.uuidString.lowercased())")) { " " + t("trainings.revoke_reason", ["holder": person.name]) + " " }
                                        el("input", .id("reason-\(certificate.id!.uuidString.lowercased())"), .name("reason"), .type("text"), .class("input w-short"))
                                        el("button", .type("submit"), .class("link-button")) { t("trainings.revoke", ["holder": person.name]) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
