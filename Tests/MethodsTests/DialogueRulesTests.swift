// The recommendations' state machine and the institutions' scorecard, worked out by hand.
import Testing
@testable import Methods

@Suite struct RecommendationLifecycleTests {
    @Test func theWholePathFromDraftToImplemented() {
        var state = RecommendationState.draft
        for (event, role, expected) in [(RecommendationEvent.publish, DialogueRole.staff, RecommendationState.published),
                                        (.acknowledge, .focalPoint, .acknowledged), (.answer, .focalPoint, .answered),
                                        (.partlyAccept, .focalPoint, .partlyAccepted), (.implement, .staff, .implemented)] {
            guard case .success(let next) = RecommendationLifecycle.apply(event, to: state, by: role) else { Issue.record("\(event) refused in \(state)"); return }
            #expect(next == expected)
            state = next
        }
    }

    @Test func forbiddenChangesAreRefusedWithTheirReason() {
        // only staff publish; a member cannot
        #expect(RecommendationLifecycle.apply(.publish, to: .draft, by: .member) == .failure(.role(.draft, .publish, .member)))
        // an institution cannot accept what it has not answered
        #expect(RecommendationLifecycle.apply(.accept, to: .published, by: .focalPoint) == .failure(.notAllowed(.published, .accept)))
        // a rejected recommendation is final
        #expect(RecommendationLifecycle.apply(.implement, to: .rejected, by: .staff) == .failure(.finalState(.rejected)))
        // a focal point has nothing to do on a draft
        #expect(RecommendationLifecycle.events(in: .draft, for: .focalPoint) == [])
        #expect(RecommendationLifecycle.events(in: .answered, for: .focalPoint) == [.accept, .partlyAccept, .reject])
    }

    @Test func everyStateButTheFinalOnesCanBeLeft() {
        for state in RecommendationState.allCases where !state.isFinal {
            #expect(!RecommendationLifecycle.events(in: state, for: .staff).isEmpty, "\(state)")
        }
    }
}

@Suite struct ScorecardTests {
    @Test func countsAndTheMedianDaysToAnswer() {
        // answered after 10, 30 and 20 days → sorted 10, 20, 30: median 20; one unanswered and overdue
        let card = Scorecard.make([(.accepted, 10, false), (.implemented, 30, false), (.rejected, 20, false), (.published, nil, true)])
        #expect(card == Scorecard(addressed: 4, answered: 3, medianDaysToAnswer: 20, accepted: 2, implemented: 1, overdue: 1))
        // an even count: 10 and 15 → 12.5
        #expect(Scorecard.make([(.answered, 10, false), (.answered, 15, false)]).medianDaysToAnswer == 12.5)
        #expect(Scorecard.make([]).medianDaysToAnswer == nil)
    }
}
