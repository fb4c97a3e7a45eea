import Testing
@testable import Methods

private typealias AS = Grants.ApplicationState
private typealias AE = Grants.ApplicationEvent
private typealias Machine = Grants.ApplicationLifecycle

@Suite("Grants: application state machine")
struct GrantsApplicationLifecycleTests {
    /// The expected table, written out independently of the implementation: state → event → (target, roles).
    private static let expected: [AS: [AE: (AS, Set<Grants.Role>)]] = {
        let applicant: Set<Grants.Role> = [.applicant]
        let office: Set<Grants.Role> = [.staff, .admin]
        let committee: Set<Grants.Role> = [.committee]
        return [
            .draft: [.submit: (.submitted, applicant), .withdraw: (.withdrawn, applicant)],
            .submitted: [.withdraw: (.withdrawn, applicant), .markEligible: (.eligible, office), .markIneligible: (.ineligible, office)],
            .eligible: [.withdraw: (.withdrawn, applicant), .startReview: (.inReview, office)],
            .inReview: [.withdraw: (.withdrawn, applicant), .completeReview: (.reviewed, office)],
            .reviewed: [.withdraw: (.withdrawn, applicant), .award: (.awarded, committee),
                        .placeOnReserveList: (.reserveList, committee), .reject: (.rejected, committee)],
            .ineligible: [.appeal: (.appealed, applicant), .close: (.closed, office)],
            .rejected: [.appeal: (.appealed, applicant), .close: (.closed, office)],
            .reserveList: [.appeal: (.appealed, applicant), .promoteFromReserve: (.awarded, committee), .close: (.closed, office)],
            .awarded: [.close: (.closed, office)],
            .appealed: [.upholdAppeal: (.appealUpheld, committee), .dismissAppeal: (.appealDismissed, committee)],
            .appealUpheld: [.reconsider: (.inReview, office), .close: (.closed, office)],
            .appealDismissed: [.close: (.closed, office)],
            .withdrawn: [:],
            .closed: [:],
        ]
    }()

    /// All 14 × 15 × 5 = 1,050 combinations of state, event and role against the expected table.
    @Test func everyStateEventRoleCombinationMatchesTheTable() {
        var checked = 0
        for state in AS.allCases {
            for event in AE.allCases {
                for role in Grants.Role.allCases {
                    let result = Machine.transition(from: state, on: event, by: role)
                    let row = Self.expected[state] ?? [:]
                    if row.isEmpty {
                        #expect(result == .failure(.terminalState(state)))
                    } else if let (target, roles) = row[event] {
                        #expect(result == (roles.contains(role)
                            ? .success(target) : .failure(.roleNotPermitted(state: state, event: event, role: role))),
                            "\(state) \(event) \(role)")
                    } else {
                        #expect(result == .failure(.eventNotAllowed(state: state, event: event)), "\(state) \(event) \(role)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 14 * 15 * 5)
    }

    @Test func allowedEventsFollowTheTable() {
        for state in AS.allCases {
            for role in Grants.Role.allCases {
                let expected = AE.allCases.filter { Self.expected[state]?[$0]?.1.contains(role) ?? false }
                #expect(Machine.allowedEvents(in: state, for: role) == expected, "\(state) \(role)")
            }
        }
        #expect(Machine.allowedEvents(in: .reviewed, for: .committee) == [.award, .placeOnReserveList, .reject])
        #expect(Machine.allowedEvents(in: .draft, for: .staff) == [])
    }

    @Test func everyStateIsReachableFromDraftAndTerminalStatesHaveNoExit() {
        var reached: Set<AS> = [Machine.initialState]
        var frontier = [Machine.initialState]
        while let state = frontier.popLast() {
            for event in AE.allCases {
                for role in Grants.Role.allCases {
                    if case let .success(next) = Machine.transition(from: state, on: event, by: role), reached.insert(next).inserted {
                        frontier.append(next)
                    }
                }
            }
        }
        #expect(reached == Set(AS.allCases))
        #expect(AS.allCases.filter(Machine.isTerminal) == [.withdrawn, .closed])
        for state in [AS.withdrawn, .closed] {
            for role in Grants.Role.allCases { #expect(Machine.allowedEvents(in: state, for: role) == []) }
        }
    }

    @Test func theTableHasOneRulePerStateAndEvent() {
        let keys = Machine.rules.map { "\($0.from.rawValue)/\($0.event.rawValue)" }
        #expect(Set(keys).count == keys.count)
        #expect(Machine.rules.allSatisfy { !$0.roles.isEmpty })
    }

    @Test func rolesCannotDoWhatTheyMayNot() {
        // Reviewers move nothing; applicants take no decision; the committee does not submit; admins do not decide.
        for state in AS.allCases { #expect(Machine.allowedEvents(in: state, for: .reviewer) == []) }
        #expect(Machine.transition(from: .reviewed, on: .award, by: .applicant)
            == .failure(.roleNotPermitted(state: .reviewed, event: .award, role: .applicant)))
        #expect(Machine.transition(from: .reviewed, on: .award, by: .admin)
            == .failure(.roleNotPermitted(state: .reviewed, event: .award, role: .admin)))
        #expect(Machine.transition(from: .draft, on: .submit, by: .committee)
            == .failure(.roleNotPermitted(state: .draft, event: .submit, role: .committee)))
        #expect(Machine.transition(from: .appealed, on: .upholdAppeal, by: .staff)
            == .failure(.roleNotPermitted(state: .appealed, event: .upholdAppeal, role: .staff)))
    }

    @Test func withdrawalOnlyBeforeTheDecision() {
        for state in [AS.draft, .submitted, .eligible, .inReview, .reviewed] {
            #expect(Machine.transition(from: state, on: .withdraw, by: .applicant) == .success(.withdrawn))
        }
        for state in [AS.awarded, .reserveList, .rejected, .ineligible, .appealed, .appealUpheld, .appealDismissed] {
            #expect(Machine.transition(from: state, on: .withdraw, by: .applicant) == .failure(.eventNotAllowed(state: state, event: .withdraw)))
        }
    }

    @Test func aFullPathWithAnUpheldAppeal() throws {
        let steps: [(AE, Grants.Role, AS)] = [
            (.submit, .applicant, .submitted), (.markEligible, .staff, .eligible), (.startReview, .staff, .inReview),
            (.completeReview, .admin, .reviewed), (.reject, .committee, .rejected), (.appeal, .applicant, .appealed),
            (.upholdAppeal, .committee, .appealUpheld), (.reconsider, .staff, .inReview), (.completeReview, .staff, .reviewed),
            (.placeOnReserveList, .committee, .reserveList), (.promoteFromReserve, .committee, .awarded), (.close, .staff, .closed),
        ]
        var state = Machine.initialState
        for (event, role, target) in steps {
            state = try Machine.transition(from: state, on: event, by: role).get()
            #expect(state == target)
        }
        let error = Grants.TransitionError<AS, AE>.terminalState(.closed)
        #expect(Machine.transition(from: state, on: .appeal, by: .applicant) == .failure(error))
        #expect(error.code == "grants.transition.terminal-state")
        #expect(Grants.TransitionError<AS, AE>.roleNotPermitted(state: .reviewed, event: .award, role: .staff).arguments
            == ["state": .text("reviewed"), "event": .text("award"), "role": .text("staff")])
    }

    @Test func aTrackedApplicationChangesOnlyThroughTransitions() {
        var application = Grants.Tracked<Machine>()
        #expect(application.state == .draft)
        #expect(application.allowedEvents(for: .applicant) == [.submit, .withdraw])
        #expect(application.apply(.submit, by: .applicant)
            == .success(Grants.TransitionRecord(from: .draft, event: .submit, to: .submitted, role: .applicant)))
        #expect(application.apply(.award, by: .committee) == .failure(.eventNotAllowed(state: .submitted, event: .award)))
        #expect(application.state == .submitted)          // a refused event changes nothing
        #expect(Grants.Tracked<Machine>(restoring: .reviewed).allowedEvents(for: .committee) == [.award, .placeOnReserveList, .reject])
    }
}
