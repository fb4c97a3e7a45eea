import Foundation

extension Grants {
    /// Turns a wall-clock time in a named time zone into an instant, handling daylight-saving changes.
    public enum LocalTime {
        /// The instant at which clocks in `timeZone` show the given time.
        ///
        /// Returns nil for a time that does not exist (skipped by a spring-forward change) or that is
        /// not a valid date. For a time that occurs twice (autumn fall-back) returns the later instant,
        /// which gives applicants the longer time.
        public static func instant(
            year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, in timeZone: TimeZone
        ) -> Date? {
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            guard components.isValidDate(in: utc), let wallClockAsUTC = utc.date(from: components) else { return nil }
            let nearbyOffsets = Set([-2, -1, 0, 1, 2].map { timeZone.secondsFromGMT(for: wallClockAsUTC.addingTimeInterval(Double($0) * 43_200)) })
            let candidates = nearbyOffsets
                .map { wallClockAsUTC.addingTimeInterval(-Double($0)) }
                .filter { candidate in
                    timeZone.secondsFromGMT(for: candidate) == Int(wallClockAsUTC.timeIntervalSince(candidate))
                }
            return candidates.max()
        }

        /// The wall-clock components of `instant` in `timeZone` (year … second).
        public static func components(of instant: Date, in timeZone: TimeZone) -> DateComponents {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        }
    }
}
