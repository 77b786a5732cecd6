//! Demo data for paying people, in every state a finance officer and a panel member meet: payments
//! made due by attending an event at the stated rate, in each person's chosen form; a run already
//! paid and one with its Bacs file and bank CSV ready; a batch over the threshold waiting for a
//! second finance officer; and a member on Carer's Allowance whose £204.01 is held by the
//! benefits check (last week's was approved after she chose £204.00).

use time::{Date, Duration};
use uuid::Uuid;

use super::commands::{self, Attended, Chooser, Chosen, Involvement};
use super::domain::{Choice, LimitKindCode, StoredBankDetails, StoredLimit};
use super::earnings::Earnings;
use super::money::Pence;
use crate::access_plan::working_days::working_days_after;
use crate::db::Ex;
use crate::identity::StaffActor;
use crate::state::AppState;

/// Who the demo pays, found by the demo's wiring.
pub struct Payees {
    /// Maya Patel, the demo's panel member sign-in.
    pub maya: Uuid,
    /// Others who attended the planning session, in order.
    pub others: Vec<Uuid>,
    /// A member who told us about a Carer's Allowance limit.
    pub carer: Uuid,
    /// A member paid a day rate twice, over the two-person threshold.
    pub day_rate: Uuid,
}

/// A past event at the Hub, which they attended: what the demo's wiring made.
pub struct PastEvent<'a> {
    pub id: Uuid,
    pub engagement: Uuid,
    pub title: &'a str,
    pub day: Date,
    pub minutes: u32,
}

fn pence(p: i64) -> anyhow::Result<Pence> {
    Pence::new(p).map_err(|e| anyhow::anyhow!("demo amount: {e}"))
}

pub async fn seed(
    ex: &mut Ex<'_>,
    state: &AppState,
    organisation: Uuid,
    finance: Uuid,
    treasurer: Uuid,
    event: &PastEvent<'_>,
    payees: &Payees,
) -> anyhow::Result<()> {
    let keys = &state.keys;
    let actor = StaffActor {
        account: Some(finance),
        organisation,
    };
    let today = crate::db::now().date();
    let task = |person: Uuid, what: &str, amount: i64, on: Date| -> anyhow::Result<Involvement> {
        Ok(Involvement {
            organisation,
            engagement: Some(event.engagement),
            person,
            key: format!("demo:{what}:{person}"),
            description: what.into(),
            earned_on: on,
            offered: Earnings::new(pence(amount)?),
            rate_name: String::new(),
        })
    };
    let fail = |e: commands::PaymentError| anyhow::anyhow!("demo payments: {e:?}");

    // Bank details for Maya and the first two others; the rest are paid another way.
    let banked = [
        (payees.maya, "M PATEL", "309457", "31926819"),
        (payees.carer, "C CARER", "608371", "20719364"),
    ]
    .into_iter()
    .chain(
        payees
            .others
            .iter()
            .take(2)
            .zip([
                ("A MORGAN", "401276", "51837264"),
                ("B BEGUM", "202678", "73645128"),
            ])
            .map(|(p, (n, s, a))| (*p, n, s, a)),
    );
    for (person, name, sort, account) in banked {
        let details = StoredBankDetails {
            account_name: name.into(),
            sort_code: sort.into(),
            account_number: account.into(),
        };
        commands::set_bank_details(ex, keys, person, None, Some(&details))
            .await
            .map_err(fail)?;
    }

    // Two months ago Maya answered the short breaks survey, paid as a task; that run is paid.
    let earlier = commands::make_due(
        ex,
        keys,
        None,
        &task(
            payees.maya,
            "Short breaks survey (paid as a task)",
            2_750,
            today - Duration::days(60),
        )?,
    )
    .await
    .map_err(fail)?;
    // Last week the carer's day was £204.01: held by the benefits check, then she chose £204.00.
    let last_monday = monday_on_or_before(today - Duration::days(7));
    let carer_day = commands::make_due(
        ex,
        keys,
        None,
        &task(
            payees.carer,
            "Co-design day on respite care",
            20_401,
            last_monday + Duration::days(1),
        )?,
    )
    .await
    .map_err(fail)?;
    let limit = StoredLimit {
        kind: LimitKindCode::CarersAllowance,
        amount_pence: 20_400,
        period: "weekly".into(),
        starts: 1,
    };
    commands::set_declared_limit(ex, keys, payees.carer, None, Some(&limit))
        .await
        .map_err(fail)?;
    if let Some(id) = carer_day {
        commands::choose(
            ex,
            Chooser::Person {
                person: payees.carer,
                account: None,
            },
            id,
            &Choice::Less(pence(20_400)?),
        )
        .await
        .map_err(fail)?;
    }
    let first_batch: Vec<Chosen> = [earlier, carer_day]
        .into_iter()
        .flatten()
        .map(|payment| Chosen {
            payment,
            override_reason: String::new(),
        })
        .collect();
    commands::approve(ex, state, actor, Uuid::now_v7(), &first_batch)
        .await
        .map_err(fail)?;
    let first_run_day = working_days_after(today - Duration::days(21), 3);
    let first = commands::make_run(ex, state, actor, first_run_day, today - Duration::days(21))
        .await
        .map_err(|e| anyhow::anyhow!("the demo's first payment run: {e:?}"))?;
    commands::mark_paid(ex, state, actor, first.id, first_run_day)
        .await
        .map_err(fail)?;

    // The planning session at the Hub: attending made each payment due at the stated rate.
    let mut attended = Vec::new();
    for person in std::iter::once(payees.maya).chain(payees.others.iter().copied()) {
        let due = commands::due_for_attendance(
            ex,
            keys,
            None,
            &Attended {
                event: event.id,
                engagement: event.engagement,
                person,
                title: event.title,
                day: event.day,
                minutes: event.minutes,
            },
        )
        .await
        .map_err(fail)?;
        attended.extend(due.map(|id| (person, id)));
    }
    // Each chose how to be paid: a voucher, a charity, nothing.
    let chosen = [
        Choice::Voucher,
        Choice::Charity("Mind in Northtown".into()),
        Choice::Nothing,
    ];
    for ((person, id), choice) in attended.iter().skip(3).zip(chosen) {
        commands::choose(
            ex,
            Chooser::Person {
                person: *person,
                account: None,
            },
            *id,
            &choice,
        )
        .await
        .map_err(fail)?;
    }
    // Finance approved all but the last attendee's, and made a run for the bank: its Bacs file and
    // CSV are ready, and the payments are on their way.
    let approved: Vec<Chosen> = attended
        .iter()
        .take(attended.len().saturating_sub(1))
        .map(|(_, payment)| Chosen {
            payment: *payment,
            override_reason: String::new(),
        })
        .collect();
    // Over the £250 threshold, so the treasurer gave the second approval.
    let batch = Uuid::now_v7();
    let outcome = commands::approve(ex, state, actor, batch, &approved)
        .await
        .map_err(fail)?;
    if outcome == commands::Approved::AwaitingSecond {
        let second = StaffActor {
            account: Some(treasurer),
            organisation,
        };
        commands::approve_second(ex, state, second, batch)
            .await
            .map_err(fail)?;
    }
    commands::make_run(ex, state, actor, working_days_after(today, 3), today)
        .await
        .map_err(fail)?;

    // This week the carer was offered £204.01 for a day: the check holds it (a penny over).
    commands::make_due(
        ex,
        keys,
        None,
        &task(payees.carer, "Co-design day on day centres", 20_401, today)?,
    )
    .await
    .map_err(fail)?;
    // Two days at the NHS England PPV Level 4 rate: £300, over the £250 threshold, so the
    // treasurer's approval is still needed.
    let big = commands::make_due(
        ex,
        keys,
        None,
        &task(
            payees.day_rate,
            "Two days on the maternity services board (PPV Level 4)",
            30_000,
            today - Duration::days(3),
        )?,
    )
    .await
    .map_err(fail)?;
    if let Some(payment) = big {
        commands::approve(
            ex,
            state,
            actor,
            Uuid::now_v7(),
            &[Chosen {
                payment,
                override_reason: String::new(),
            }],
        )
        .await
        .map_err(fail)?;
    }
    Ok(())
}

fn monday_on_or_before(day: Date) -> Date {
    let back = day.weekday().number_days_from_monday();
    day - Duration::days(i64::from(back))
}
