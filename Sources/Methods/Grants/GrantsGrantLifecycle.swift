extension Grants {
    /// The states of an awarded grant.
    public enum GrantState: String, CaseIterable, Hashable, Sendable, Codable {
        /// The agreement is being prepared.
        case agreementDrafted = "agreement-drafted"
        /// Both parties signed the agreement.
        case signed
        /// The project runs.
        case active
        /// A report (interim or final) is due.
        case reportDue = "report-due"
        /// The grantee submitted a report; staff review it.
        case reportSubmitted = "report-submitted"
        /// Staff asked for changes to the report.
        case changesRequested = "changes-requested"
        /// The final report is accepted; final payment and closing checks.
        case closing
        /// Suspended by staff.
        case suspended
        /// Finished (terminal).
        case closed
        /// Ended early by staff (terminal).
        case terminated
    }

    /// The events that move a grant.
    public enum GrantEvent: String, CaseIterable, Hashable, Sendable, Codable {
        /// Staff record the agreement signed by both parties.
        case sign
        /// Staff start the project.
        case activate
        /// Staff record a payment (the state does not change).
        case recordPayment = "record-payment"
        /// A report falls due (staff, or the jobs queue acting as staff).
        case markReportDue = "mark-report-due"
        /// The grantee submits a report.
        case submitReport = "submit-report"
        /// Staff ask for changes to the report.
        case requestChanges = "request-changes"
        /// Staff accept an interim report; the project continues.
        case acceptInterimReport = "accept-interim-report"
        /// Staff accept the final report; the grant goes to closing.
        case acceptFinalReport = "accept-final-report"
        /// Staff close the grant.
        case close
        /// Staff suspend the grant.
        case suspend
        /// Staff lift a suspension; the grant is active again.
        case resume
        /// Staff end the grant early.
        case terminate
    }

    /// The grant state machine: agreement drafted → signed → active (payments, reports: due → submitted →
    /// changes requested → submitted → accepted) → closing → closed; suspended and terminated by staff.
    ///
    /// The grantee (role `applicant`) only submits reports; staff and admins do the rest; reviewers and
    /// the committee move nothing after the award.
    public enum GrantLifecycle: StateMachine {
        /// Grants start with the agreement being drafted.
        public static let initialState = GrantState.agreementDrafted

        /// The transition table.
        public static let rules: [TransitionRule<GrantState, GrantEvent>] = {
            let grantee: Set<Role> = [.applicant]
            let office: Set<Role> = [.staff, .admin]
            var rules: [TransitionRule<GrantState, GrantEvent>] = [
                .init(.agreementDrafted, .sign, .signed, office),
                .init(.agreementDrafted, .terminate, .terminated, office),
                .init(.signed, .activate, .active, office),
                .init(.active, .markReportDue, .reportDue, office),
                .init(.active, .submitReport, .reportSubmitted, grantee),
                .init(.reportDue, .submitReport, .reportSubmitted, grantee),
                .init(.reportSubmitted, .requestChanges, .changesRequested, office),
                .init(.reportSubmitted, .acceptInterimReport, .active, office),
                .init(.reportSubmitted, .acceptFinalReport, .closing, office),
                .init(.changesRequested, .submitReport, .reportSubmitted, grantee),
                .init(.closing, .close, .closed, office),
                .init(.suspended, .resume, .active, office),
                .init(.suspended, .terminate, .terminated, office),
            ]
            let running: [GrantState] = [.signed, .active, .reportDue, .reportSubmitted, .changesRequested]
            for state in running + [.closing] { rules.append(.init(state, .recordPayment, state, office)) }
            for state in running {
                rules.append(.init(state, .suspend, .suspended, office))
                rules.append(.init(state, .terminate, .terminated, office))
            }
            return rules
        }()
    }
}
