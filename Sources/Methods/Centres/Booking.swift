// Appointments at a centre: which hours can be booked on which day, and whether one more booking fits.

public struct BookingRules: Sendable, Equatable {
    /// Hours of the day that start a slot, e.g. [9, 10, 11, 12, 13, 14].
    public var hours: [Int]
    /// Days of the week the centre takes appointments (1 = Monday … 7 = Sunday).
    public var weekdays: Set<Int>
    /// Appointments per slot.
    public var capacity: Int
    /// How many days ahead a slot can be booked.
    public var daysAhead: Int

    public init(hours: [Int], weekdays: Set<Int>, capacity: Int, daysAhead: Int = 60) {
        self.hours = hours
        self.weekdays = weekdays
        self.capacity = capacity
        self.daysAhead = daysAhead
    }

    public enum Refusal: String, Sendable, Equatable {
        case past, tooFarAhead = "too-far-ahead", closedDay = "closed-day", noSuchSlot = "no-such-slot", full
    }

    /// Whether one more appointment may be booked at `hour` on `day`, given `booked` appointments already in that slot.
    public func check(day: CalendarDate, hour: Int, booked: Int, today: CalendarDate) -> Refusal? {
        if day <= today { return .past }
        if day > today.adding(days: daysAhead) { return .tooFarAhead }
        if !weekdays.contains(day.isoWeekday) { return .closedDay }
        if !hours.contains(hour) { return .noSuchSlot }
        if booked >= capacity { return .full }
        return nil
    }

    /// The hours written as stored: `9,10,11`; read back by `hours(from:)`, which keeps 0…23 only.
    public static func hours(from text: String) -> [Int] {
        Array(Set(text.split(separator: ",").compactMap { Int(String($0).trimmed) }.filter { (0...23).contains($0) })).sorted()
    }

    /// Weekdays written as stored: `1,2,3,4,5`.
    public static func weekdays(from text: String) -> Set<Int> {
        Set(text.split(separator: ",").compactMap { Int(String($0).trimmed) }.filter { (1...7).contains($0) })
    }
}
