import Foundation

/// A day of an article's front matter (`yyyymmdd`, as `FrontMatter.day` reads it) as a
/// reader of the page's language writes it: `19. maj 2021`, `May 19, 2021`,
/// `2021年5月19日` (Foundation's long date style for the locale).
enum PageDate {
    /// The day in `locale`'s long style; each (locale, day) is formatted once.
    static func text(day: Int, locale: String) -> String {
        formatted.value(for: locale + "|" + String(day)) {
            var components = DateComponents()
            components.year = day / 10000
            components.month = day / 100 % 100
            components.day = day % 100
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let date = calendar.date(from: components) else { return iso(day: day) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.calendar = calendar
            formatter.timeZone = calendar.timeZone
            formatter.dateStyle = .long
            formatter.timeStyle = .none
            return formatter.string(from: date)
        }
    }

    /// `2021-05-19`, for `<time datetime>`.
    static func iso(day: Int) -> String {
        let year = String(day / 10000)
        let month = day / 100 % 100
        let date = day % 100
        return year + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (date < 10 ? "0" : "") + String(date)
    }

    private static let formatted = OnceEach<String, String>()
}
