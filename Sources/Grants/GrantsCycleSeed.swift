// Demo applications in every stage of the cycle, so that a newcomer sees it whole: the 2020 call's decided
// applications (the eight demo grants among them), a call of 2026 under evaluation, and an open call with
// drafts. Every state is reached by replaying events through the application state machine, each one
// audit-logged; scores, budgets and amounts obey the pure rules (checked here, as for the demo awards).
import Kernel
import Network
import Fluent
import Foundation
import Localization
import Methods

enum GrantsCycleSeed {
    static let evaluationCallCode = "iceda-sg-2026"
    static let openCallCode = "iceda-sg-2027"

    /// Demo people of the cycle: two reviewers, a third reviewer, a committee member, an applicant (no passwords:
    /// they cannot sign in until an admin invites them; the first admin is added to the committees and as a
    /// member of one demo organisation so that the whole cycle can be tried).
    static let people: [(email: String, name: String, role: GlobalRole)] = [
        ("reviewer.ana@demo.iceda.invalid", "Ana Reviewer (demo)", .reviewer),
        ("reviewer.besnik@demo.iceda.invalid", "Besnik Reviewer (demo)", .reviewer),
        ("reviewer.dragana@demo.iceda.invalid", "Dragana Reviewer (demo)", .reviewer),
        ("committee.elena@demo.iceda.invalid", "Elena Committee (demo)", .member),
        ("applicant.fatos@demo.iceda.invalid", "Fatos Applicant (demo)", .member),
    ]

    struct Plan {
        var organisation: String
        var lot: String
        var euros: Int64
        var events: [(Grants.ApplicationEvent, Grants.Role)]
        /// Scores per reviewer (index into the reviewers), per criterion in the call's order; nil: not reviewed.
        var scores: [[Int64]?] = []
        var results: [String] = []
        var locale: AppLocale = .en
    }

    static let toReview: [(Grants.ApplicationEvent, Grants.Role)] = [(.submit, .applicant), (.markEligible, .staff), (.startReview, .staff)]
    static let reviewed = toReview + [(.completeReview, .staff)]

    /// Decided applications of the 2020 call that did not become grants.
    static let plans2020: [Plan] = [
        Plan(organisation: "Demo Media Shkodër", lot: "lot-2", euros: 6_500, events: reviewed + [(.reject, .committee)], scores: [[4, 2, 8, 10], [5, 3, 9, 12]],
             results: ["recommendations", "media-15"], locale: .sq),
        Plan(organisation: "Demo Digital Rights Bitola", lot: "lot-1", euros: 16_000, events: reviewed + [(.placeOnReserveList, .committee)],
             scores: [[7, 3, 14, 18], [6, 4, 13, 17]], locale: .mk),
        Plan(organisation: "Demo Media Bar", lot: "lot-2", euros: 4_000, events: [(.submit, .applicant), (.markIneligible, .staff), (.appeal, .applicant), (.dismissAppeal, .committee)],
             results: ["e-service", "policy-change"], locale: .srLatn),
        Plan(organisation: "Demo Digital Rights Prizren", lot: "lot-1", euros: 14_000, events: reviewed + [(.reject, .committee), (.appeal, .applicant)],
             scores: [[5, 3, 10, 14], [9, 4, 17, 22]], locale: .srLatn),
        Plan(organisation: "Demo Media Pejë", lot: "lot-2", euros: 5_000, events: [(.submit, .applicant), (.withdraw, .applicant)], results: ["media-15", "e-service"], locale: .sq),
        Plan(organisation: "Demo Media Niš", lot: "lot-2", euros: 6_000, events: reviewed + [(.reject, .committee), (.appeal, .applicant), (.upholdAppeal, .committee)],
             scores: [[6, 3, 11, 15], [7, 3, 12, 16]], results: ["policy-change", "media-15"], locale: .srLatn),
        Plan(organisation: "Demo Media Tetovo", lot: "lot-2", euros: 3_000, events: reviewed + [(.reject, .committee), (.close, .staff)],
             scores: [[3, 2, 8, 9], [4, 2, 7, 10]], results: ["recommendations", "media-15"], locale: .mk),
    ]

    /// The 2026 call under evaluation: one waiting for screening, one eligible, two in review (one with
    /// reviewers far apart), two reviewed and waiting for the committee.
    static let plans2026: [Plan] = [
        Plan(organisation: "Demo Digital Rights Tiranë", lot: "lot-1", euros: 15_000, events: [(.submit, .applicant)], locale: .sq),
        Plan(organisation: "Demo Digital Rights Skopje", lot: "lot-1", euros: 17_000, events: [(.submit, .applicant), (.markEligible, .staff)], locale: .mk),
        Plan(organisation: "Demo Digital Rights Bitola", lot: "lot-1", euros: 14_500, events: [(.submit, .applicant), (.markIneligible, .staff)], locale: .mk),
        Plan(organisation: "Demo Digital Rights Podgorica", lot: "lot-1", euros: 13_500, events: toReview, scores: [[8, 4, 15, 20], nil], locale: .srLatn),
        Plan(organisation: "Demo Media Tetovo", lot: "lot-2", euros: 5_500, events: toReview, scores: [[9, 5, 18, 23], [3, 1, 6, 8]],
             results: ["media-15", "recommendations"], locale: .sq),
        Plan(organisation: "Demo Digital Rights Novi Sad", lot: "lot-2", euros: 3_500, events: reviewed, scores: [[8, 4, 16, 20], [7, 4, 15, 21]],
             results: ["e-service", "citizens-plus-20"], locale: .srLatn),
        Plan(organisation: "Demo Digital Rights Durrës", lot: "lot-2", euros: 7_000, events: reviewed, scores: [[6, 3, 12, 16], [7, 3, 11, 17]],
             results: ["policy-change", "recommendations"], locale: .sq),
    ]

    static let plansOpen: [Plan] = [
        Plan(organisation: "Demo Digital Rights Prishtinë", lot: "lot-1", euros: 16_000, events: [], locale: .sq),
        Plan(organisation: "Demo Digital Rights Beograd", lot: "lot-2", euros: 6_000, events: [], results: ["e-service"], locale: .srLatn),
    ]

    /// Adds the cycle to a database that has the demo call of 2020 and no applications yet. Returns how many
    /// applications were added (nil: nothing to do).
    @discardableResult
    static func seed(on database: Database, now: Date = Date()) async throws -> Int? {
        guard try await GrantApplication.query(on: database).count() == 0,
              let call2020 = try await GrantCall.query(on: database).filter(\.$code == GrantsSeed.callCode).first(),
              let programme = try await GrantProgramme.find(call2020.programmeID, on: database) else { return nil }
        return try await database.transaction { database in
            var users: [User] = []
            for person in people {
                if let existing = try await User.query(on: database).filter(\.$email == person.email).first() {
                    users.append(existing)
                } else {
                    let user = User(email: person.email, name: person.name, passwordHash: nil, role: person.role)
                    try await user.save(on: database)
                    users.append(user)
                }
            }
            let reviewers = Array(users.prefix(3))
            let committee = users[3]
            let applicant = users[4]
            let admin = try await User.query(on: database).filter(\.$role == .admin).sort(\.$createdAt).first()
            let lots2020 = try await GrantLot.query(on: database).filter(\.$callID == call2020.requireID()).sort(\.$position).all()
            let skopje = call2020.timeZone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = skopje

            let call2026 = try await copy(call2020, code: evaluationCallCode, status: .closed,
                                          opensAt: Grants.LocalTime.instant(year: 2026, month: 8, day: 3, hour: 9, minute: 0, in: skopje)!,
                                          deadline: Grants.LocalTime.instant(year: 2026, month: 10, day: 15, hour: 16, minute: 0, in: skopje)!,
                                          year: "2026", lots: lots2020, on: database)
            let openDeadline = calendar.date(byAdding: .day, value: 60, to: calendar.startOfDay(for: now)).map { calendar.date(byAdding: .hour, value: 16, to: $0)! }!
            let callOpen = try await copy(call2020, code: openCallCode, status: .open, opensAt: calendar.date(byAdding: .hour, value: 9, to: calendar.date(byAdding: .day, value: -7, to: calendar.startOfDay(for: now))!)!,
                                          deadline: openDeadline, year: "2027", lots: lots2020, on: database)
            for call in [call2020, call2026.call, callOpen.call] {
                for member in [committee] + (admin.map { [$0] } ?? []) {
                    try await GrantCommitteeMember(callID: call.requireID(), userID: member.requireID()).save(on: database)
                }
            }

            var added = 0
            // The eight demo grants of 2020 get the applications they were awarded on.
            let grants = try await Grant.query(on: database).sort(\.$identifier).all()
            for grant in grants {
                guard let lot = lots2020.first(where: { $0.id == grant.lotID }),
                      let organisation = try await Organisation.find(grant.organisationID, on: database) else { continue }
                let demo = GrantsSeed.demoAwards.first { $0.recipient == organisation.name }
                let plan = Plan(organisation: organisation.name, lot: lot.code, euros: grant.amountMinor / 100, events: reviewed + [(.award, .committee)],
                                scores: [[9, 4, 17, 22], [8, 5, 18, 21]], results: demo?.results ?? [], locale: locale(of: organisation.countryCode))
                if let application = try await add(plan, call: call2020, lots: lots2020, currency: programme.currency, submittedAt: call2020.deadline.addingTimeInterval(-86_400 * 3),
                                                   reviewers: reviewers, author: applicant, on: database) {
                    grant.applicationID = application.id
                    grant.title = application.title
                    try await replayAfterAward(grant, index: added, lot: lot, currency: programme.currency, on: database)
                    added += 1
                }
            }
            for plan in plans2020 {
                if try await add(plan, call: call2020, lots: lots2020, currency: programme.currency, submittedAt: call2020.deadline.addingTimeInterval(-86_400),
                                 reviewers: reviewers, author: applicant, on: database) != nil { added += 1 }
            }
            for plan in plans2026 {
                if try await add(plan, call: call2026.call, lots: call2026.lots, currency: programme.currency, submittedAt: call2026.call.deadline.addingTimeInterval(-7_200),
                                 reviewers: reviewers, author: applicant, on: database) != nil { added += 1 }
            }
            for plan in plansOpen {
                if try await add(plan, call: callOpen.call, lots: callOpen.lots, currency: programme.currency, submittedAt: nil,
                                 reviewers: reviewers, author: applicant, on: database) != nil { added += 1 }
            }
            // The applicant and the first admin act for the organisations of the open call's drafts; the applicant also for
            // Tiranë's submitted application, which the admin screens (a member of the applicant may not: issue 9).
            for name in plansOpen.map(\.organisation) + ["Demo Digital Rights Tiranë"] {
                guard let organisation = try await Organisation.query(on: database).filter(\.$name == name).first() else { continue }
                let admins = name == "Demo Digital Rights Tiranë" ? [] : (admin.map { [$0] } ?? [])
                for user in [applicant] + admins {
                    try await OrganisationRole(userID: user.requireID(), organisationID: organisation.requireID(), role: .member).save(on: database)
                }
            }
            return added
        }
    }

    /// What happens after the award, per demo grant in order: most are closed with both tranches paid and every
    /// report accepted; one waits for its final report, one has a report sent back, one is signed but not started,
    /// one still has its agreement being drafted. Replayed through the grant state machine, audited.
    static func afterAward(_ index: Int, reports: Int) -> [Grants.GrantEvent] {
        let start: [Grants.GrantEvent] = [.sign, .activate, .recordPayment]
        let interim: [Grants.GrantEvent] = reports > 1 ? [.submitReport, .acceptInterimReport] : []
        switch index {
        case 4: return start + interim + [.markReportDue]
        case 5: return start + [.submitReport, .requestChanges]
        case 6: return [.sign]
        case 7: return []
        default: return start + interim + [.submitReport, .acceptFinalReport, .recordPayment, .close]
        }
    }

    static func replayAfterAward(_ grant: Grant, index: Int, lot: GrantLot, currency: Grants.Currency, on database: Database) async throws {
        guard let start = grant.plannedStartDate else { return }
        let schedule = AwardStore.reportSchedule(start: start, months: grant.durationMonths)
        var reports: [GrantReport] = []
        for entry in schedule {
            let report = GrantReport(scheduledFor: try grant.requireID(), kind: entry.kind, due: entry.due)
            // Past due dates were reminded long ago; the demo queues no old reminders.
            report.remindedAt = Date(timeIntervalSince1970: 1_600_000_000)
            reports.append(report)
        }
        let award = Grants.Money(minorUnits: grant.amountMinor, currency: currency)
        guard case let .success(tranches) = Grants.tranches(of: award, shares: lot.trancheShares) else { return }
        var tracked = Grants.Tracked<Grants.GrantLifecycle>()
        var paid = 0
        var reported = 0
        for event in afterAward(index, reports: reports.count) {
            guard case let .success(record) = tracked.apply(event, by: event == .submitReport ? .applicant : .staff) else {
                preconditionFailure("demo grant breaks the grant state machine: \(grant.identifier) \(event)")
            }
            switch event {
            case .recordPayment where paid < tranches.count:
                let payment = GrantPayment()
                payment.grantID = try grant.requireID()
                payment.tranche = paid + 1
                payment.amountMinor = tranches[paid].minorUnits
                payment.paidOn = paid == 0 ? "2020-10-15" : "2022-05-20"
                payment.note = "Demo payment"
                payment.recordedBy = try grant.requireID()
                try await payment.save(on: database)
                paid += 1
            case .submitReport where reported < reports.count:
                reports[reported].status = GrantReportStatus.submitted.rawValue
                reports[reported].narrative = "Demo report: the centre was open four days a week; 1,150 citizens were helped, 40 % of them over 65."
                reports[reported].spent = String(tranches[0].minorUnits)
                reports[reported].submittedAt = Date(timeIntervalSince1970: 1_640_000_000 + Double(reported) * 10_000_000)
            case .acceptInterimReport, .acceptFinalReport:
                reports[reported].status = GrantReportStatus.accepted.rawValue
                reported += 1
            case .requestChanges:
                reports[reported].status = GrantReportStatus.changesRequested.rawValue
                reports[reported].reviewComment = "Demo request: please add the list of trainings with dates and attendance."
            default:
                break
            }
            try await Audit.record(on: database, actor: nil, action: "grants.grant.\(event.rawValue)", targetType: "grant", targetID: grant.id?.uuidString,
                                   after: ["identifier": grant.identifier, "from": record.from.rawValue, "to": record.to.rawValue, "role": record.role.rawValue,
                                           "note": "demo"])
        }
        for report in reports { try await report.save(on: database) }
        grant.status = tracked.state.rawValue
        try await grant.save(on: database)
    }

    static func locale(of country: String) -> AppLocale {
        switch country {
        case "AL", "XK": .sq
        case "MK": .mk
        case "RS", "ME": .srLatn
        default: .en
        }
    }

    /// A copy of a call with its lots under another code and window.
    static func copy(_ source: GrantCall, code: String, status: GrantCallStatus, opensAt: Date, deadline: Date, year: String, lots: [GrantLot],
                     on database: Database) async throws -> (call: GrantCall, lots: [GrantLot]) {
        let call = GrantCall()
        call.programmeID = source.programmeID
        call.code = code
        call.title = LocalizedText([.en: "Small grants for the Digital Agenda \(year)", .sq: "Grante të vogla për Agjendën Dixhitale \(year)",
                                    .mk: "Мали грантови за Дигиталната агенда \(year)", .srLatn: "Mali grantovi za Digitalnu agendu \(year)"])
        call.text = source.text
        call.opensAt = opensAt
        call.deadline = deadline
        call.timeZoneIdentifier = source.timeZoneIdentifier
        call.status = status
        call.minimumReviews = source.minimumReviews
        call.spreadThreshold = source.spreadThreshold
        call.appealDays = source.appealDays
        call.rankingPublic = false
        call.version = 0
        call.formJSON = source.formJSON
        try await call.save(on: database)
        var copies: [GrantLot] = []
        for lot in lots {
            let copy = GrantLot()
            copy.callID = try call.requireID()
            copy.code = lot.code
            copy.position = lot.position
            copy.titleJSON = lot.titleJSON
            copy.envelopeMinor = lot.envelopeMinor
            copy.minAmountMinor = lot.minAmountMinor
            copy.maxAmountMinor = lot.maxAmountMinor
            copy.durationMonths = lot.durationMonths
            copy.minCoFinancingBasisPoints = lot.minCoFinancingBasisPoints
            copy.eligibleCountryCodes = lot.eligibleCountryCodes
            copy.applicantKindCodes = lot.applicantKindCodes
            copy.resultsMenuJSON = lot.resultsMenuJSON
            copy.minimumResults = lot.minimumResults
            copy.criteriaJSON = lot.criteriaJSON
            copy.maxGrants = lot.maxGrants
            copy.maxGrantsPerCountry = lot.maxGrantsPerCountry
            copy.trancheCodes = lot.trancheCodes
            copy.reallocationBasisPoints = lot.reallocationBasisPoints
            copy.version = 0
            try await copy.save(on: database)
            copies.append(copy)
        }
        return (call, copies)
    }

    /// A budget that obeys the lot: a staff line, a services line and a co-financed office line, so that the
    /// requested total is `requested` and co-financing is at least the lot's minimum share.
    static func budget(requested: Grants.Money, months: Int, minimumShare: Grants.BasisPoints, locale: AppLocale) -> [BudgetRowInput] {
        let amountLocale = GrantsPages.amountLocale(locale)
        func text(_ minor: Int64) -> String { Grants.MoneyFormatter.format(Grants.Money(minorUnits: minor, currency: requested.currency), locale: amountLocale) }
        let monthly = requested.minorUnits * 6 / 10 / Int64(months) / 100 * 100
        let staff = monthly * Int64(months)
        let services = requested.minorUnits - staff
        // co-financing c with c / (requested + c) ≥ share  ⇔  c ≥ requested × share / (1 − share), rounded up to the euro.
        let share = minimumShare.value
        let coFinancing = ((requested.minorUnits * share + (10_000 - share) - 1) / (10_000 - share) + 99) / 100 * 100
        return [
            BudgetRowInput(category: "staff", description: "Centre staff", unit: "month", quantity: String(months), unitCost: text(monthly),
                           requested: text(staff), coFinancing: ""),
            BudgetRowInput(category: "services", description: "Training and outreach", unit: "lump sum", quantity: "1", unitCost: text(services),
                           requested: text(services), coFinancing: ""),
            BudgetRowInput(category: "administration", description: "Premises and utilities", unit: "lump sum", quantity: "1", unitCost: text(coFinancing),
                           requested: "", coFinancing: text(coFinancing)),
        ]
    }

    static func add(_ plan: Plan, call: GrantCall, lots: [GrantLot], currency: Grants.Currency, submittedAt: Date?, reviewers: [User], author: User,
                    on database: Database) async throws -> GrantApplication? {
        guard let organisation = try await Organisation.query(on: database).filter(\.$name == plan.organisation).first(),
              let lot = lots.first(where: { $0.code == plan.lot }) else { return nil }
        let application = try GrantApplication(draftFor: try call.requireID(), lot: try lot.requireID(), organisation: organisation, author: try author.requireID(),
                                               reference: try await ApplicationStore.nextReference(call: call, on: database), locale: plan.locale.rawValue,
                                               durationMonths: lot.durationMonths)
        let lotTitle = lot.title.values["en"] ?? lot.code
        application.title = "\(lotTitle) in \(organisation.municipality) (demo)"
        application.summary = "Demo application, invented for trying the platform: \(organisation.name) proposes \(lotTitle.lowercased()) work in \(organisation.municipality), helping elderly, Roma and rural citizens use e-services."
        application.results = plan.results
        application.budget = budget(requested: Grants.Money(plan.euros, .eur), months: lot.durationMonths,
                                    minimumShare: Grants.BasisPoints(lot.minCoFinancingBasisPoints), locale: plan.locale)
        application.requestedMinor = plan.euros * 100
        application.answers = ["target-groups": ["elderly", "roma", "rural"], "citizens": ["1200"], "has-centre": ["no"],
                               "approach": ["Weekly open days in the centre, home visits for people who cannot travel, and short courses on the national e-services portal."],
                               "start-date": ["2027-03-01"]]
        // Demo data obeys the rules it demonstrates.
        let reading = ApplicationStore.readBudget(application.budget, locale: plan.locale, currency: currency, t: Translator(locale: .en))
        precondition(reading.errors.isEmpty && reading.totals?.requestedTotal.minorUnits == plan.euros * 100, "demo budget unreadable: \(plan.organisation)")
        let facts = Grants.ApplicationFacts(applicantCountry: organisation.countryCode, applicantKind: Grants.ApplicantKind(rawValue: organisation.kind.rawValue),
                                            durationMonths: application.durationMonths, chosenResults: plan.results, budget: reading.table)
        let problems = Grants.eligibilityProblems(facts, lot: lot.rules(currency: currency))
        precondition(plan.events.isEmpty || problems.isEmpty, "demo application breaks the lot's rules: \(plan.organisation) \(problems)")
        try await application.save(on: database)
        try await Audit.record(on: database, actor: nil, action: "grants.application.create", targetType: "grant_application", targetID: application.id?.uuidString,
                               after: ["reference": application.reference, "organisation": organisation.slug, "lot": lot.code, "demo": "true"])

        var tracked = Grants.Tracked<Grants.ApplicationLifecycle>()
        for (event, role) in plan.events {
            guard case let .success(record) = tracked.apply(event, by: role) else { preconditionFailure("demo plan breaks the state machine: \(plan.organisation) \(event)") }
            switch event {
            case .submit: application.submittedAt = submittedAt
            case .markEligible: application.screening = Dictionary(uniqueKeysWithValues: EvaluationRoutes.screeningChecks.map { ($0, true) })
            case .markIneligible:
                application.screening = Dictionary(uniqueKeysWithValues: EvaluationRoutes.screeningChecks.map { ($0, $0 != "documents-complete") })
                application.screeningNote = "The registration certificate was not attached."
                application.decisionReason = application.screeningNote
                application.appealDeadline = submittedAt.map { $0.addingTimeInterval(86_400 * 20) }
            case .startReview:
                for (index, reviewer) in reviewers.prefix(max(2, plan.scores.count)).enumerated() {
                    let review = GrantReview()
                    review.applicationID = try application.requireID()
                    review.reviewerID = try reviewer.requireID()
                    review.assignedBy = try reviewer.requireID()
                    review.conflictNote = ""
                    review.comment = ""
                    review.recommendation = ""
                    review.scores = [:]
                    review.declarationRaw = Grants.ConflictDeclaration.notDeclared.rawValue
                    if index < plan.scores.count, let scores = plan.scores[index] {
                        review.declarationRaw = Grants.ConflictDeclaration.noConflict.rawValue
                        review.scores = Dictionary(uniqueKeysWithValues: zip(lot.criteria.map(\.id), scores))
                        review.comment = "Demo review: clear plan, realistic budget; outreach to rural areas could be stronger."
                        review.recommendation = scores.reduce(0, +) > 40 ? "fund" : "reject"
                        review.submittedAt = submittedAt.map { $0.addingTimeInterval(86_400 * 10) }
                    }
                    try await review.save(on: database)
                }
                try await ApplicationStore.refreshAggregate(application, criteria: lot.criteria.map { Grants.Criterion(id: $0.id, title: $0.id, weight: $0.weight, maxScore: $0.maxScore) },
                                                            call: call, on: database)
            case .award, .reject, .placeOnReserveList:
                application.decisionReason = "Demo decision of the evaluation committee, following the ranking."
                application.decidedAt = submittedAt.map { $0.addingTimeInterval(86_400 * 30) }
                if event != .award { application.appealDeadline = application.decidedAt.map { $0.addingTimeInterval(86_400 * 8) } }
            case .appeal: application.appealText = "Demo appeal: we believe the reviewers overlooked our partnership with the municipality."
            case .dismissAppeal: application.appealReason = "Demo answer: the screening was correct; the certificate is a required document."
            case .upholdAppeal: application.appealReason = "Demo answer: the committee accepts that the partnership was not scored; the application is reviewed again."
            default: break
            }
            try await Audit.record(on: database, actor: nil, action: "grants.application.\(event.rawValue)", targetType: "grant_application",
                                   targetID: application.id?.uuidString,
                                   after: ApplicationStore.TransitionAudit(reference: application.reference, from: record.from.rawValue, event: event.rawValue,
                                                                           to: record.to.rawValue, role: role.rawValue, note: "demo"))
        }
        application.stateRaw = tracked.state.rawValue
        // The stored aggregate must come from the saved reviews (refreshAggregate ran with the state before start-review).
        try await application.save(on: database)
        return application
    }
}
