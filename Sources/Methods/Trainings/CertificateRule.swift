// Who receives a certificate: the event's rule (a minimum share of the sessions attended and, when the event has a
// post-test, a passed post-test), and the reasons shown to staff when someone does not meet it.

/// Why a person does not receive the certificate.
public enum CertificateReason: String, Sendable, Equatable, CaseIterable {
    /// Attended fewer sessions than the rule asks (or no session was held).
    case attendance
    /// The event has a post-test and the person did not take it.
    case postTestMissing = "post-test-missing"
    /// The person took the post-test and scored under the pass mark.
    case postTestFailed = "post-test-failed"
}

public struct CertificateRule: Sendable, Equatable {
    /// The share of the sessions held that must be attended, in percent (e.g. 80).
    public var minimumAttendancePercent: Int
    /// Whether the event has a post-test that must be passed.
    public var requiresPostTest: Bool
    /// The post-test's pass mark, in percent (see `TestScore.passed(threshold:)`).
    public var postTestPassPercent: Int

    public init(minimumAttendancePercent: Int = 80, requiresPostTest: Bool, postTestPassPercent: Int = 60) {
        self.minimumAttendancePercent = minimumAttendancePercent
        self.requiresPostTest = requiresPostTest
        self.postTestPassPercent = postTestPassPercent
    }

    /// The reasons the person does not receive the certificate, in the order of `CertificateReason`; empty means
    /// eligible. Attendance is compared in whole numbers, attended × 100 ≥ minimum × held, so 4 of 5 sessions (80 %)
    /// meets an 80 % rule exactly and no rounding decides. Attended sessions are distinct sessions; a count above
    /// `held` is taken as `held`. With no session held nobody is eligible.
    public func reasons(sessionsAttended: Int, sessionsHeld: Int, postTest: TestScore?) -> [CertificateReason] {
        var reasons: [CertificateReason] = []
        let attended = min(max(sessionsAttended, 0), sessionsHeld)
        if sessionsHeld <= 0 || attended * 100 < minimumAttendancePercent * sessionsHeld { reasons.append(.attendance) }
        if requiresPostTest {
            if let postTest {
                if !postTest.passed(threshold: postTestPassPercent) { reasons.append(.postTestFailed) }
            } else {
                reasons.append(.postTestMissing)
            }
        }
        return reasons
    }

    /// Whether the person receives the certificate.
    public func isEligible(sessionsAttended: Int, sessionsHeld: Int, postTest: TestScore?) -> Bool {
        reasons(sessionsAttended: sessionsAttended, sessionsHeld: sessionsHeld, postTest: postTest).isEmpty
    }
}
