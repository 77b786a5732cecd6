//! A Bacs Standard 18 file of direct credits for a checked payment run.
//!
//! One 106-character record per payment, then one contra record that debits the organisation's
//! account with the total. Positions are 1-based and inclusive:
//!
//! | Positions | Length | Field                                   | Written as                      |
//! |-----------|--------|-----------------------------------------|---------------------------------|
//! | 1–6       | 6      | Destination sort code                   | digits                          |
//! | 7–14      | 8      | Destination account number              | digits                          |
//! | 15        | 1      | Destination account type                | `0`                             |
//! | 16–17     | 2      | Transaction code                        | `99` credit; `17` contra        |
//! | 18–23     | 6      | Originating sort code                   | digits                          |
//! | 24–31     | 8      | Originating account number              | digits                          |
//! | 32–35     | 4      | Free format                             | spaces                          |
//! | 36–46     | 11     | Amount in pence                         | zero-padded on the left         |
//! | 47–64     | 18     | Service user's name                     | originator name, space-padded   |
//! | 65–82     | 18     | Service user's reference                | payment reference; `CONTRA`     |
//! | 83–100    | 18     | Destination account name                | payee name; originator on contra|
//! | 101       | 1      | Space                                   |                                 |
//! | 102–106   | 5      | Processing date                         | `YYDDD` (year, day of the year) |
//!
//! Records end with CR LF. The volume and header labels (VOL1, HDR1, HDR2, UHL1, EOF, UTL1) are
//! added by the organisation's Bacs submission software or bureau, which signs the submission;
//! they are not written here. Confirm the layout with the bank before the first live run.

use std::fmt::Write;

use super::bacs_text::FIELD_LENGTH;
use super::bank_details::BankDetails;
use super::money::Pence;
use super::run::PaymentRun;

/// The length of one record, without the line ending.
pub const RECORD_LENGTH: usize = 106;

const CREDIT: &str = "99";
const CONTRA: &str = "17";

/// The file for `run`: a record per payment and a contra record.
pub fn write(run: &PaymentRun) -> String {
    let originator = run.originator();
    let date = processing_date(run.processing_date());
    let mut file = String::new();
    for payee in run.payees() {
        record(
            &mut file,
            &payee.bank,
            CREDIT,
            &originator.bank,
            payee.amount,
            [
                originator.name.as_str(),
                payee.reference.as_str(),
                payee.bacs_name.as_str(),
            ],
            &date,
        );
    }
    record(
        &mut file,
        &originator.bank,
        CONTRA,
        &originator.bank,
        run.total(),
        [originator.name.as_str(), "CONTRA", originator.name.as_str()],
        &date,
    );
    file
}

/// `YYDDD`: the last two digits of the year and the day of the year.
fn processing_date(date: time::Date) -> String {
    format!("{:02}{:03}", date.year().rem_euclid(100), date.ordinal())
}

fn record(
    file: &mut String,
    to: &BankDetails,
    code: &str,
    from: &BankDetails,
    amount: Pence,
    names: [&str; 3],
    date: &str,
) {
    let [user_name, reference, account_name] = names;
    // Writing to a String cannot fail.
    let _ = write!(
        file,
        "{}{}0{code}{}{}    {:011}{user_name:<w$}{reference:<w$}{account_name:<w$} {date}\r\n",
        to.sort_code.digits(),
        to.account_number.reveal(),
        from.sort_code.digits(),
        from.account_number.reveal(),
        amount.get(),
        w = FIELD_LENGTH,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payments::run::tests::valid_input;

    #[test]
    fn each_record_follows_the_documented_layout() {
        let run = PaymentRun::check(&valid_input()).unwrap();
        let file = write(&run);
        let lines: Vec<&str> = file.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 3, "two payments and a contra");
        for line in &lines {
            assert_eq!(line.len(), RECORD_LENGTH, "{line:?}");
            assert!(line.is_ascii());
        }
        let first = lines[0];
        assert_eq!(&first[0..6], "123456", "destination sort code");
        assert_eq!(&first[6..14], "12345678", "destination account");
        assert_eq!(&first[14..15], "0", "account type");
        assert_eq!(&first[15..17], "99", "credit");
        assert_eq!(&first[17..23], "200000", "originating sort code");
        assert_eq!(&first[23..31], "55779911", "originating account");
        assert_eq!(&first[31..35], "    ", "free format");
        assert_eq!(&first[35..46], "00000006875", "amount in pence");
        assert_eq!(&first[46..64], "WITHUS DEMO ORG   ", "service user's name");
        assert_eq!(&first[64..82], "WITHUS DEC26      ", "reference");
        assert_eq!(&first[82..100], "MAYA PATEL        ", "payee");
        assert_eq!(&first[100..101], " ");
        // Friday 11 December 2026 is day 345.
        assert_eq!(&first[101..106], "26345", "processing date");
        let contra = [
            "200000",
            "55779911",
            "0",
            "17",
            "200000",
            "55779911",
            "    ",
            "00000027275",
            "WITHUS DEMO ORG   ",
            "CONTRA            ",
            "WITHUS DEMO ORG   ",
            " ",
            "26345",
        ];
        assert_eq!(
            lines[2],
            contra.concat(),
            "contra: the total from the organisation"
        );
    }

    #[test]
    fn day_of_the_year_is_three_digits() {
        assert_eq!(
            processing_date(time::macros::date!(2027 - 01 - 04)),
            "27004"
        );
    }
}
