// The one calendar date of the platform: a day without time or zone, read and written as YYYY-MM-DD.
import Foundation

/// A date without time or zone (proleptic Gregorian), e.g. an award date or a planned start.
public struct CalendarDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day, 1…the month's length.
    public let day: Int

    /// A valid date, or nil (e.g. 2021-02-29).
    public init?(_ year: Int, _ month: Int, _ day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, ASCII digits only (no sign: "+202-01-01" is not a date).
    public init?(iso text: String) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars.enumerated().allSatisfy({ index, scalar in
            index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
        }) else { return nil }
        let parts = text.split(separator: "-")
        guard let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year, month, day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }

    /// Chronological order.
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The same day `months` later; the last day of the month when that day does not exist (Jan 31 + 1 → Feb 28/29).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return CalendarDate(newYear, newMonth, Swift.min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))!
    }

    /// The day before.
    public var previousDay: CalendarDate {
        if day > 1 { return CalendarDate(year, month, day - 1)! }
        let earlier = month == 1 ? (year - 1, 12) : (year, month - 1)
        return CalendarDate(earlier.0, earlier.1, CalendarDate.daysIn(month: earlier.1, year: earlier.0))!
    }

    /// The last day of a project of `months` months starting on this day (start + months − 1 day).
    public func endOfPeriod(months: Int) -> CalendarDate { addingMonths(months).previousDay }

    /// This day at 12:00 UTC (a stable instant for a date, whatever the reader's zone).
    public var noonUTC: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    /// What a form's date field may hold: `YYYY-MM-DD` between 1900 and 2200, as noon UTC; nil otherwise.
    public static func parse(_ text: String) -> Date? {
        guard let date = CalendarDate(iso: text), (1900...2200).contains(date.year) else { return nil }
        return date.noonUTC
    }

    /// Whether `parse` reads the text.
    public static func isValid(_ text: String) -> Bool { parse(text) != nil }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
