//! Dates in the GOV.UK style ("23 November 2026"), in the page's language.

use time::OffsetDateTime;

use crate::i18n::Locale;

const MONTH_KEYS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

pub fn format_date(at: OffsetDateTime, locale: Locale) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    let month = locale.t(MONTH_KEYS[usize::from(u8::from(at.month())) - 1]);
    format!("{} {} {}", at.day(), month, at.year())
}

/// Date and 24-hour time in UTC, for logs that must be unambiguous.
pub fn format_date_time(at: OffsetDateTime, locale: Locale) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{} {:02}:{:02}:{:02} UTC",
        format_date(at, locale),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn dates_use_the_page_language() {
        let at = datetime!(2026-11-23 20:15:07 UTC);
        assert_eq!(format_date(at, Locale::En), "23 November 2026");
        assert_eq!(format_date(at, Locale::Cy), "23 Tachwedd 2026");
        assert_eq!(
            format_date_time(at, Locale::En),
            "23 November 2026 20:15:07 UTC"
        );
    }
}
