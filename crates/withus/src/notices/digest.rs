//! Digests: a person who asked for notices daily or weekly gets the ones that can wait in one
//! message per period, grouped by what they are about, by their channel. Each digest is recorded
//! with a unique (person, period) key in the same transaction that sends it, so it goes once per
//! period even when the worker restarts or several instances sweep; no held notice is dropped.

use std::future::Future;
use std::pin::Pin;

use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use super::storage::{self, NotificationRow};
use super::{Addressee, Door, Frequency, Notice, NoticeKind, send};
use crate::db::{Db, Ex};
use crate::i18n::Locale;

/// A person's addressee as the register knows them now, or `None` when they are gone.
pub type Found<'a> =
    Pin<Box<dyn Future<Output = Result<Option<Addressee>, sqlx::Error>> + Send + 'a>>;

/// Where the digest finds people. The register provides it; the wiring passes it in, as the
/// notices door sits below the register.
pub trait Directory: Sync {
    fn addressee<'a>(&'a self, ex: &'a mut Ex<'_>, person: Uuid) -> Found<'a>;
}

/// The first day of the period `on` falls in: the day itself, or the Monday of its week.
pub fn period_start(on: Date, frequency: Frequency) -> Date {
    match frequency {
        Frequency::Weekly => on - Duration::days(i64::from(on.weekday().number_days_from_monday())),
        Frequency::Daily | Frequency::Immediate => on,
    }
}

/// Sends every digest due at `now` (days and weeks end at midnight UTC); returns how many.
pub async fn sweep(
    db: &Db,
    door: Door<'_>,
    directory: &dyn Directory,
    now: OffsetDateTime,
) -> Result<usize, sqlx::Error> {
    let today = now.date();
    // Nothing held since the start of today can be due under either frequency.
    let earliest_due = today.midnight().assume_utc();
    let people = {
        let mut conn = db.acquire().await?;
        storage::people_with_held(&mut conn.ex(), earliest_due).await?
    };
    let mut sent = 0;
    for person in people {
        let mut tx = db.begin().await?;
        let Some(to) = directory.addressee(&mut tx.ex(), person).await? else {
            continue;
        };
        // Someone who went back to "at once" gets what was held straight away.
        let this_period = match to.frequency {
            Frequency::Immediate => now,
            frequency => period_start(today, frequency).midnight().assume_utc(),
        };
        let held = storage::held_for(&mut tx.ex(), person, this_period).await?;
        let Some(last) = held.last() else { continue };
        let frequency = match to.frequency {
            Frequency::Immediate => Frequency::Daily,
            other => other,
        };
        let period = period_start(last.created_at.date(), frequency).to_string();
        let digest = Uuid::now_v7();
        if !storage::claim_digest(&mut tx.ex(), digest, person, frequency.as_str(), &period).await?
        {
            continue;
        }
        let notice = digest_notice(&to, &held);
        send(&mut tx.ex(), door, &to, notice).await?;
        let ids: Vec<Uuid> = held.iter().map(|n| n.id).collect();
        storage::put_in_digest(&mut tx.ex(), &ids, digest).await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

/// One message holding every held notice, grouped by what each is about, in the order they came.
fn digest_notice(to: &Addressee, held: &[NotificationRow]) -> Notice {
    let organisation = held.iter().rev().find_map(|n| n.organisation_id);
    let mut notice = Notice::new(NoticeKind::Digest)
        .arg("name", to.name.as_str())
        .arg("count", held.len())
        .arg("notices", grouped(to.locale, held));
    if let Some(organisation) = organisation {
        notice = notice.from(organisation);
    }
    notice
}

/// The notices as plain text, under a heading for each thing they are about.
pub fn grouped(locale: Locale, held: &[NotificationRow]) -> String {
    let mut groups: Vec<(&str, Vec<&NotificationRow>)> = Vec::new();
    for n in held {
        match groups.iter_mut().find(|(about, _)| *about == n.about) {
            Some((_, list)) => list.push(n),
            None => groups.push((&n.about, vec![n])),
        }
    }
    let mut text = String::new();
    for (about, list) in groups {
        // A heading in words, not underlined: a row of "=" is read out character by character by
        // screen readers and braille displays.
        let heading = if about.is_empty() {
            locale.t("notice-digest-general")
        } else {
            locale.t_args("notice-digest-about", &[("about", about.into())])
        };
        text.push_str(&format!("{heading}\n\n"));
        for n in list {
            text.push_str(&format!("{}\n\n{}\n\n", n.subject, n.body.trim()));
        }
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn weeks_start_on_monday_and_days_on_themselves() {
        // 2026-12-05 is a Saturday.
        assert_eq!(
            period_start(date!(2026 - 12 - 05), Frequency::Weekly),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            period_start(date!(2026 - 11 - 30), Frequency::Weekly),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            period_start(date!(2026 - 12 - 05), Frequency::Daily),
            date!(2026 - 12 - 05)
        );
    }
}
