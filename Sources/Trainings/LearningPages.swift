// The pages of tests, feedback, the question bank and an event's report.
import DesignSystem
import Foundation
import Kernel
import Localization
import Methods

enum LearningPages {
    static func test(event: TrainingEvent, phase: LearningRoutes.Phase, questions: [TrainingQuestion], answers: [String: Set<String>], errors: [FieldError],
                     token: String, context: PageContext) -> String {
        let t = context.t
        let title = t("trainings.test.\(phase.rawValue)_title")
        return Layout.page(context, title: title, breadcrumbs: TrainingsPages.crumbs(context, [
            Crumb(t("trainings.registration_title"), href: context.link(TrainingsURL.registration(token))), Crumb(title),
        ])) {
            Forms.errorSummary(errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { TrainingsPages.text(event.title, context, fallback: event.slug) }
            el("p") { t("trainings.test.intro", ["count": t.integer(questions.count)]) }
            el("form", Attribute("method", "post"), Attribute("action", context.link(LearningURL.test(token, phase.rawValue))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                for (index, question) in questions.enumerated() {
                    let id = question.id!.uuidString.lowercased()
                    let legend = "\(index + 1). " + TrainingsPages.plain(question.text, context)
                    let choices = question.options.map { Choice(value: $0.id, label: TrainingsPages.plain($0.text, context, fallback: $0.id)) }
                    if question.kind == TestQuestion.Kind.multiple.rawValue {
                        Forms.checkboxes(name: "q-\(id)[]", legend: legend, choices: choices, selected: answers[id] ?? [], hint: t("trainings.test.several"),
                                         errors: errors, t: t)
                    } else {
                        Forms.radios(name: "q-\(id)", legend: legend, choices: choices, selected: answers[id]?.first, errors: errors, t: t)
                    }
                }
                Forms.submit(t("trainings.test.submit"))
            }
        }
    }

    static func feedback(event: TrainingEvent, satisfaction: String, comment: String, errors: [FieldError], token: String, context: PageContext) -> String {
        let t = context.t
        let title = t("trainings.feedback.title")
        return Layout.page(context, title: title, breadcrumbs: TrainingsPages.crumbs(context, [
            Crumb(t("trainings.registration_title"), href: context.link(TrainingsURL.registration(token))), Crumb(title),
        ])) {
            Forms.errorSummary(errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { TrainingsPages.text(event.title, context, fallback: event.slug) }
            el("p") { t("trainings.feedback.anonymous") }
            el("form", Attribute("method", "post"), Attribute("action", context.link(LearningURL.feedback(token))), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.radios(name: "satisfaction", legend: t("trainings.feedback.satisfaction"),
                             choices: (1...5).reversed().map { Choice(value: String($0), label: t("trainings.feedback.level_\($0)")) },
                             selected: satisfaction, errors: errors, t: t)
                Forms.textarea(name: "comment", label: t("trainings.feedback.comment"), value: comment, hint: t("trainings.feedback.comment_hint"), rows: 4, t: t)
                Forms.submit(t("trainings.feedback.submit"))
            }
        }
    }

    static func questionBank(_ items: [TrainingQuestion], input: LearningRoutes.QuestionInput, errors: [FieldError], canAdd: Bool, context: PageContext) -> String {
        let t = context.t
        let title = t("trainings.questions.title")
        return Layout.page(context, title: title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.staff_title"), href: context.link(TrainingsURL.staff())), Crumb(title),
        ]) {
            Forms.errorSummary(errors, t: t)
            el("h1") { title }
            el("p", .class("lead")) { t("trainings.questions.intro", ["maximum": String(LearningData.maximumQuestions)]) }
            for topic in TrainingsVocabulary.topics {
                let questions = items.filter { $0.topic == topic }
                if !questions.isEmpty {
                    el("h2") { t("trainings.topic.\(topic)") }
                    el("ol") {
                        for question in questions {
                            let right = Set(question.right.split(separator: ";").map(String.init))
                            el("li") {
                                el("p") { TrainingsPages.text(question.text, context) }
                                el("ul") {
                                    for option in question.options {
                                        el("li") {
                                            TrainingsPages.text(option.text, context, fallback: option.id)
                                            if right.contains(option.id) {
                                                " — "
                                                el("strong") { t("trainings.questions.right") }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if canAdd {
            el("h2", .id("add-question")) { t("trainings.questions.add") }
            el("form", Attribute("method", "post"), Attribute("action", context.link(LearningURL.questions())), Attribute("novalidate", nil)) {
                Forms.csrf(context.csrfToken)
                Forms.select(name: "topic", label: t("trainings.topic"), choices: TrainingsVocabulary.topics.map { Choice(value: $0, label: t("trainings.topic.\($0)")) },
                             selected: input.topic, blankLabel: t("trainings.choose"), errors: errors, t: t)
                Forms.radios(name: "kind", legend: t("trainings.questions.kind"), choices: TestQuestion.Kind.allCases.map { Choice(value: $0.rawValue, label: t("trainings.questions.kind.\($0.rawValue)")) },
                             selected: input.kind, errors: errors, inline: true, t: t)
                Forms.textarea(name: "text", label: t("trainings.questions.text"), value: input.text, errors: errors, rows: 2, t: t)
                Forms.textarea(name: "options", label: t("trainings.questions.options"), value: input.options, hint: t("trainings.questions.options_hint"),
                               errors: errors, rows: 4, t: t)
                Forms.text(name: "right", label: t("trainings.questions.right_numbers"), value: input.right, hint: t("trainings.questions.right_hint"),
                           errors: errors, width: "short", t: t)
                Forms.text(name: "points", label: t("trainings.questions.points"), value: input.points, errors: errors, type: "number", width: "short", t: t)
                Forms.submit(t("trainings.questions.save"))
            }
            }
        }
    }

    static func percent(_ score: TestScore?, t: Translator) -> String { score.map { t.integer($0.percent) + " %" } ?? "—" }

    static func gain(_ value: Double?, t: Translator) -> String { value.map { t.decimal($0, fractionDigits: 2) } ?? "—" }

    static func eventReport(_ report: LearningRoutes.EventReport, context: PageContext) -> String {
        let t = context.t
        let event = report.event
        let title = TrainingsPages.plain(event.title, context, fallback: event.slug)
        let confirmed = report.people.filter { $0.state == RegistrationState.confirmed.rawValue }
        let attended = confirmed.filter { (report.attended[$0.id!] ?? 0) > 0 }
        return Layout.page(context, title: t("trainings.report.event_title") + " — " + title, breadcrumbs: [
            Crumb(t("nav.home"), href: context.link(KernelURL.home)), Crumb(t("trainings.staff_title"), href: context.link(TrainingsURL.staff())),
            Crumb(title, href: context.link(TrainingsURL.manage(event.slug))), Crumb(t("trainings.report.event_title")),
        ]) {
            el("h1") { t("trainings.report.event_title") }
            el("p", .class("lead")) { title }
            el("p") { el("a", .href(context.link(LearningURL.eventReport(event.slug, ["format": "csv"])))) { t("trainings.report.csv") } }
            el("dl", .class("summary-list")) {
                el("dt") { t("trainings.report.registered") }
                el("dd") { t.integer(report.people.filter { $0.state != RegistrationState.cancelled.rawValue }.count) }
                el("dt") { t("trainings.report.confirmed") }
                el("dd") { t.integer(confirmed.count) }
                el("dt") { t("trainings.report.attended") }
                el("dd") { t.integer(attended.count) }
                el("dt") { t("trainings.report.completed") }
                el("dd") { t.integer(report.certified.count) }
                for gender in TrainingsVocabulary.genders {
                    el("dt") { t("trainings.report.attended_gender", ["gender": t("centres.gender.\(gender)")]) }
                    el("dd") { t.integer(attended.filter { $0.gender == gender }.count) }
                }
            }
            el("h2") { t("trainings.report.gain_title") }
            if report.gain.people == 0 {
                el("p") { t("trainings.report.no_tests") }
            } else {
                el("dl", .class("summary-list")) {
                    el("dt") { t("trainings.report.tested") }
                    el("dd") { t.integer(report.gain.people) }
                    el("dt") { t("trainings.report.mean_pre") }
                    el("dd") { report.gain.meanPre.map { t.integer(Int(($0 * 100).rounded())) + " %" } ?? "—" }
                    el("dt") { t("trainings.report.mean_post") }
                    el("dd") { report.gain.meanPost.map { t.integer(Int(($0 * 100).rounded())) + " %" } ?? "—" }
                    el("dt") { t("trainings.report.average_gain") }
                    el("dd") { gain(report.gain.averageGain, t: t) }
                    el("dt") { t("trainings.report.class_gain") }
                    el("dd") { gain(report.gain.classGain, t: t) }
                }
                el("p", .class("hint")) { t("trainings.report.gain_formula") }
            }
            el("h2") { t("trainings.report.feedback_title") }
            if let mean = report.feedback.meanTenths {
                el("p") { t("trainings.report.satisfaction", ["mean": t.decimal(Double(mean) / 10, fractionDigits: 1), "answers": t.integer(report.feedback.answers)]) }
                el("div", .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"), .aria("label", t("trainings.report.satisfaction_table"))) {
                    el("table", .class("table")) {
                        el("caption") { t("trainings.report.satisfaction_table") }
                        el("thead") { el("tr") { el("th", Attribute("scope", "col")) { t("trainings.feedback.satisfaction") }; el("th", Attribute("scope", "col"), .class("num")) { t("trainings.report.answers") } } }
                        el("tbody") {
                            for level in (1...5).reversed() {
                                el("tr") { el("th", Attribute("scope", "row")) { t("trainings.feedback.level_\(level)") }; el("td", .class("num")) { t.integer(report.feedback.counts[level - 1]) } }
                            }
                        }
                    }
                }
                if !report.comments.isEmpty {
                    el("h3") { t("trainings.report.comments") }
                    el("ul") { for comment in report.comments { el("li") { comment } } }
                }
            } else {
                el("p") { t("trainings.report.feedback_hidden", ["minimum": String(FeedbackSummary.minimumAnswers), "answers": t.integer(report.feedback.answers)]) }
            }
            el("h2", .id("people")) { t("trainings.report.people_title") }
            el("div", .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"), .aria("labelledby", "people")) {
                el("table", .class("table")) {
                    el("caption") { t("trainings.report.people_caption") }
                    el("thead") {
                        el("tr") {
                            for label in ["trainings.code", "trainings.report.name", "trainings.report.sessions", "trainings.report.pre", "trainings.report.post",
                                          "trainings.report.gain", "trainings.report.certificate"] {
                                el("th", Attribute("scope", "col")) { t(label) }
                            }
                        }
                    }
                    el("tbody") {
                        for person in confirmed {
                            let id = person.id!
                            el("tr") {
                                el("td") { person.code }
                                el("td") { person.name }
                                el("td", .class("num")) { "\(report.attended[id] ?? 0)/\(report.sessions)" }
                                el("td", .class("num")) { percent(report.pre[id], t: t) }
                                el("td", .class("num")) { percent(report.post[id], t: t) }
                                el("td", .class("num")) {
                                    gain(report.pre[id].flatMap { pre in report.post[id].flatMap { LearningGain.normalised(pre: pre.fraction, post: $0.fraction) } }, t: t)
                                }
                                el("td") { report.certified.contains(id) ? t("trainings.report.yes") : t("trainings.report.no") }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension LearningPages {
    /// What the registration page shows of tests and feedback.
    struct RegistrationLearning {
        var hasTest: Bool
        var results: [String: TrainingTestResult]
        var today: CalendarDate
    }

    static func registrationSection(_ record: TrainingRegistrationRecord, event: TrainingEvent, learning: RegistrationLearning, token: String,
                                    context: PageContext) -> Node {
        let t = context.t
        let started = event.startsOn <= learning.today.iso
        let confirmed = record.state == RegistrationState.confirmed.rawValue
        return el("div") {
            if learning.hasTest && confirmed {
                el("h2") { t("trainings.test.title") }
                el("ul") {
                    for phase in [LearningRoutes.Phase.pre, .post] {
                        el("li") {
                            if let result = learning.results[phase.rawValue] {
                                t("trainings.test.\(phase.rawValue)_result", ["points": t.integer(result.points), "maximum": t.integer(result.maximum),
                                                                              "percent": t.integer(result.score.percent)])
                            } else if LearningRoutes.blocker(phase, record: record, event: event, taken: learning.results, today: learning.today) == nil {
                                el("a", .href(context.link(LearningURL.test(token, phase.rawValue)))) { t("trainings.test.take_\(phase.rawValue)") }
                            } else {
                                t("trainings.test.\(phase.rawValue)_unavailable")
                            }
                        }
                    }
                }
                if event.passPercent > 0 { el("p", .class("hint")) { t("trainings.test.pass_mark", ["percent": String(event.passPercent)]) } }
            }
            if confirmed && started {
                el("h2") { t("trainings.feedback.title") }
                if record.feedbackGiven {
                    el("p") { t("trainings.feedback.given") }
                } else {
                    el("p") { el("a", .href(context.link(LearningURL.feedback(token)))) { t("trainings.feedback.give") } }
                }
            }
        }
    }
}
