import Foundation

/// A day of an article's front matter (`yyyymmdd`, as `FrontMatter.day` reads it) as a
/// reader of the page's language writes it: `19. maj 2021`, `May 19, 2021`,
/// `2021年5月19日` (Foundation's long date style for the locale).
enum PageDate {
    /// The day in `locale`'s long style; each (locale, day) is formatted once, by one
    /// formatter per locale (making a formatter costs far more than using it).
    static func text(day: Int, locale: String) -> String {
        formatted.value(for: locale + "|" + String(day)) {
            var components = DateComponents()
            components.year = day / 10000
            components.month = day / 100 % 100
            components.day = day % 100
            let formatter = formatters.value(for: locale) { Formatter(locale: locale) }
            return formatter.string(components) ?? iso(day: day)
        }
    }

    /// A long-style formatter for one locale, used by one thread at a time.
    private final class Formatter: @unchecked Sendable {
        private let lock = NSLock()
        private let formatter = DateFormatter()
        private let calendar: Calendar

        init(locale: String) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            self.calendar = calendar
            formatter.locale = Locale(identifier: locale)
            formatter.calendar = calendar
            formatter.timeZone = calendar.timeZone
            formatter.dateStyle = .long
            formatter.timeStyle = .none
        }

        func string(_ components: DateComponents) -> String? {
            guard let date = calendar.date(from: components) else { return nil }
            lock.lock()
            defer { lock.unlock() }
            return formatter.string(from: date)
        }
    }

    private static let formatters = OnceEach<String, Formatter>()

    /// `2021-05-19`, for `<time datetime>`.
    static func iso(day: Int) -> String {
        let year = String(day / 10000)
        let month = day / 100 % 100
        let date = day % 100
        return year + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (date < 10 ? "0" : "") + String(date)
    }

    private static let formatted = OnceEach<String, String>()
}
