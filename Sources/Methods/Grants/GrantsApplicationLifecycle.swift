extension Grants {
    /// The states of an application.
    public enum ApplicationState: String, CaseIterable, Hashable, Sendable, Codable {
        /// Being written by the applicant.
        case draft
        /// Submitted before the deadline; waiting for administrative screening.
        case submitted
        /// Passed screening.
        case eligible
        /// Failed screening (may be appealed).
        case ineligible
        /// Reviewers are scoring it.
        case inReview = "in-review"
        /// All reviews are in; waiting for the committee.
        case reviewed
        /// The committee awarded a grant.
        case awarded
        /// The committee put it on the reserve list.
        case reserveList = "reserve-list"
        /// The committee rejected it (may be appealed).
        case rejected
        /// The applicant appealed the screening or the decision.
        case appealed
        /// The committee upheld the appeal: the application is reconsidered.
        case appealUpheld = "appeal-upheld"
        /// The committee dismissed the appeal.
        case appealDismissed = "appeal-dismissed"
        /// The applicant withdrew it before the decision (terminal).
        case withdrawn
        /// Nothing more happens (terminal).
        case closed
    }

    /// The events that move an application.
    public enum ApplicationEvent: String, CaseIterable, Hashable, Sendable, Codable {
        /// The applicant submits the draft.
        case submit
        /// The applicant withdraws before the decision.
        case withdraw
        /// Staff record a passed screening.
        case markEligible = "mark-eligible"
        /// Staff record a failed screening.
        case markIneligible = "mark-ineligible"
        /// Staff start the review once reviewers are assigned.
        case startReview = "start-review"
        /// Staff close the review once enough valid reviews are in.
        case completeReview = "complete-review"
        /// The committee awards a grant.
        case award
        /// The committee puts it on the reserve list.
        case placeOnReserveList = "place-on-reserve-list"
        /// The committee rejects it.
        case reject
        /// The committee promotes it from the reserve list when funds free up.
        case promoteFromReserve = "promote-from-reserve"
        /// The applicant appeals (the appeal window is checked by the caller).
        case appeal
        /// The committee upholds the appeal.
        case upholdAppeal = "uphold-appeal"
        /// The committee dismisses the appeal.
        case dismissAppeal = "dismiss-appeal"
        /// Staff send an upheld appeal back to review.
        case reconsider
        /// Staff close the file.
        case close
    }

    /// The application state machine: draft → submitted → eligible/ineligible → in review → reviewed →
    /// awarded/reserve list/rejected → (appealed → upheld/dismissed) → closed; withdrawn before the decision.
    ///
    /// Applicants submit, withdraw and appeal; staff (and admins) screen, run the review, reconsider and
    /// close; the committee alone decides awards, the reserve list and appeals; reviewers move nothing
    /// (they score, see `ReviewAggregation`).
    public enum ApplicationLifecycle: StateMachine {
        /// Applications start as drafts.
        public static let initialState = ApplicationState.draft

        /// The transition table.
        public static let rules: [TransitionRule<ApplicationState, ApplicationEvent>] = {
            let applicant: Set<Role> = [.applicant]
            let office: Set<Role> = [.staff, .admin]
            let committee: Set<Role> = [.committee]
            return [
                .init(.draft, .submit, .submitted, applicant),
                .init(.draft, .withdraw, .withdrawn, applicant),
                .init(.submitted, .withdraw, .withdrawn, applicant),
                .init(.submitted, .markEligible, .eligible, office),
                .init(.submitted, .markIneligible, .ineligible, office),
                .init(.eligible, .withdraw, .withdrawn, applicant),
                .init(.eligible, .startReview, .inReview, office),
                .init(.inReview, .withdraw, .withdrawn, applicant),
                .init(.inReview, .completeReview, .reviewed, office),
                .init(.reviewed, .withdraw, .withdrawn, applicant),
                .init(.reviewed, .award, .awarded, committee),
                .init(.reviewed, .placeOnReserveList, .reserveList, committee),
                .init(.reviewed, .reject, .rejected, committee),
                .init(.ineligible, .appeal, .appealed, applicant),
                .init(.ineligible, .close, .closed, office),
                .init(.rejected, .appeal, .appealed, applicant),
                .init(.rejected, .close, .closed, office),
                .init(.reserveList, .appeal, .appealed, applicant),
                .init(.reserveList, .promoteFromReserve, .awarded, committee),
                .init(.reserveList, .close, .closed, office),
                .init(.awarded, .close, .closed, office),
                .init(.appealed, .upholdAppeal, .appealUpheld, committee),
                .init(.appealed, .dismissAppeal, .appealDismissed, committee),
                .init(.appealUpheld, .reconsider, .inReview, office),
                .init(.appealUpheld, .close, .closed, office),
                .init(.appealDismissed, .close, .closed, office),
            ]
        }()
    }
}
