import Testing
@testable import Methods

private typealias GS = Grants.GrantState
private typealias GE = Grants.GrantEvent
private typealias Machine = Grants.GrantLifecycle

@Suite("Grants: grant state machine")
struct GrantsGrantLifecycleTests {
    /// The expected table, written out independently of the implementation.
    private static let expected: [GS: [GE: GS]] = [
        .agreementDrafted: [.sign: .signed, .terminate: .terminated],
        .signed: [.activate: .active, .recordPayment: .signed, .suspend: .suspended, .terminate: .terminated],
        .active: [.recordPayment: .active, .markReportDue: .reportDue, .submitReport: .reportSubmitted,
                  .suspend: .suspended, .terminate: .terminated],
        .reportDue: [.recordPayment: .reportDue, .submitReport: .reportSubmitted, .suspend: .suspended, .terminate: .terminated],
        .reportSubmitted: [.recordPayment: .reportSubmitted, .requestChanges: .changesRequested, .acceptInterimReport: .active,
                           .acceptFinalReport: .closing, .suspend: .suspended, .terminate: .terminated],
        .changesRequested: [.recordPayment: .changesRequested, .submitReport: .reportSubmitted, .suspend: .suspended,
                            .terminate: .terminated],
        .closing: [.recordPayment: .closing, .close: .closed],
        .suspended: [.resume: .active, .terminate: .terminated],
        .closed: [:],
        .terminated: [:],
    ]

    /// Only the grantee submits reports; staff and admins do everything else; reviewers and the committee nothing.
    private static func roles(for event: GE) -> Set<Grants.Role> {
        event == .submitReport ? [.applicant] : [.staff, .admin]
    }

    /// All 10 × 12 × 5 = 600 combinations of state, event and role against the expected table.
    @Test func everyStateEventRoleCombinationMatchesTheTable() {
        var checked = 0
        for state in GS.allCases {
            for event in GE.allCases {
                for role in Grants.Role.allCases {
                    let result = Machine.transition(from: state, on: event, by: role)
                    let row = Self.expected[state] ?? [:]
                    if row.isEmpty {
                        #expect(result == .failure(.terminalState(state)))
                    } else if let target = row[event] {
                        #expect(result == (Self.roles(for: event).contains(role)
                            ? .success(target) : .failure(.roleNotPermitted(state: state, event: event, role: role))),
                            "\(state) \(event) \(role)")
                    } else {
                        #expect(result == .failure(.eventNotAllowed(state: state, event: event)), "\(state) \(event) \(role)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 10 * 12 * 5)
    }

    @Test func allowedEventsFollowTheTable() {
        for state in GS.allCases {
            for role in Grants.Role.allCases {
                let expected = GE.allCases.filter { Self.expected[state]?[$0] != nil && Self.roles(for: $0).contains(role) }
                #expect(Machine.allowedEvents(in: state, for: role) == expected, "\(state) \(role)")
            }
        }
        #expect(Machine.allowedEvents(in: .reportDue, for: .applicant) == [.submitReport])
        for state in GS.allCases {
            #expect(Machine.allowedEvents(in: state, for: .reviewer) == [])
            #expect(Machine.allowedEvents(in: state, for: .committee) == [])
        }
    }

    @Test func everyStateIsReachableFromTheDraftAgreementAndTerminalStatesHaveNoExit() {
        var reached: Set<GS> = [Machine.initialState]
        var frontier = [Machine.initialState]
        while let state = frontier.popLast() {
            for event in GE.allCases {
                for role in Grants.Role.allCases {
                    if case let .success(next) = Machine.transition(from: state, on: event, by: role), reached.insert(next).inserted {
                        frontier.append(next)
                    }
                }
            }
        }
        #expect(reached == Set(GS.allCases))
        #expect(GS.allCases.filter(Machine.isTerminal) == [.closed, .terminated])
        let keys = Machine.rules.map { "\($0.from.rawValue)/\($0.event.rawValue)" }
        #expect(Set(keys).count == keys.count)
    }

    @Test func aGrantFromAgreementToClosing() throws {
        let steps: [(GE, Grants.Role, GS)] = [
            (.sign, .staff, .signed), (.recordPayment, .staff, .signed), (.activate, .staff, .active),
            (.markReportDue, .admin, .reportDue), (.submitReport, .applicant, .reportSubmitted),
            (.requestChanges, .staff, .changesRequested), (.submitReport, .applicant, .reportSubmitted),
            (.acceptInterimReport, .staff, .active), (.suspend, .staff, .suspended), (.resume, .staff, .active),
            (.submitReport, .applicant, .reportSubmitted), (.acceptFinalReport, .staff, .closing),
            (.recordPayment, .staff, .closing), (.close, .staff, .closed),
        ]
        var state = Machine.initialState
        for (event, role, target) in steps {
            state = try Machine.transition(from: state, on: event, by: role).get()
            #expect(state == target)
        }
        #expect(Machine.transition(from: .active, on: .submitReport, by: .staff)
            == .failure(.roleNotPermitted(state: .active, event: .submitReport, role: .staff)))
        #expect(Machine.transition(from: .closing, on: .suspend, by: .staff) == .failure(.eventNotAllowed(state: .closing, event: .suspend)))
        #expect(Machine.transition(from: .terminated, on: .resume, by: .admin) == .failure(.terminalState(.terminated)))
    }
}
