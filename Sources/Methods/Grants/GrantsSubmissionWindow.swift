import Foundation

extension Grants {
    /// Where a submission instant falls relative to a call's window.
    public enum SubmissionTiming: String, Hashable, Sendable, Codable {
        /// Before the opening instant.
        case notYetOpen = "not-yet-open"
        /// From the opening instant (inclusive) up to, not including, the deadline instant.
        case onTime = "on-time"
        /// At or after the deadline instant.
        case late
    }

    /// A call's opening and deadline as instants, with the time zone the call announces them in.
    ///
    /// The window is half-open, `[opensAt, deadline)`: a submission stamped exactly at the deadline
    /// instant (e.g. 16:00:00.000 Europe/Skopje) is late, one at 15:59:59.999 is on time. The server's
    /// clock stamps the submission; the applicant's clock plays no part.
    public struct SubmissionWindow: Hashable, Sendable {
        /// The first instant at which submissions are accepted.
        public var opensAt: Date
        /// The first instant at which submissions are refused.
        public var deadline: Date
        /// The zone the call states its times in (for display), e.g. Europe/Skopje.
        public var timeZone: TimeZone

        /// A window from two instants.
        public init(opensAt: Date, deadline: Date, timeZone: TimeZone) {
            self.opensAt = opensAt
            self.deadline = deadline
            self.timeZone = timeZone
        }

        /// Where a submission stamped by the server at `instant` falls.
        public func timing(of instant: Date) -> SubmissionTiming {
            if instant < opensAt { return .notYetOpen }
            return instant < deadline ? .onTime : .late
        }

        /// Whether a submission stamped by the server at `instant` is accepted.
        public func isOnTime(_ instant: Date) -> Bool { timing(of: instant) == .onTime }
    }
}
