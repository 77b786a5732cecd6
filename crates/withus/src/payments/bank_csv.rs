//! A plain CSV of a checked payment run, for banks whose online banking imports one instead of a
//! Bacs file. No byte order mark (bank importers often refuse one); cells that a spreadsheet
//! would run as a formula are neutralised, because finance staff open these files to check them.

use super::run::PaymentRun;
use crate::web::csv::cell;

pub const HEADER: [&str; 5] = [
    "Payee",
    "Sort code",
    "Account number",
    "Amount (£)",
    "Reference",
];

/// One line per payment after the header, amounts in pounds like `68.75`.
pub fn write(run: &PaymentRun) -> String {
    let mut rows = vec![HEADER.map(str::to_owned)];
    rows.extend(run.payees().iter().map(|payee| {
        [
            payee.payee.clone(),
            payee.bank.sort_code.to_string(),
            payee.bank.account_number.reveal(),
            payee.amount.plain(),
            payee.reference.as_str().to_owned(),
        ]
    }));
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|value| cell(value))
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payments::run::tests::valid_input;

    #[test]
    fn one_line_per_payment_with_amounts_in_pounds() {
        let run = PaymentRun::check(&valid_input()).unwrap();
        assert_eq!(
            write(&run),
            "Payee,Sort code,Account number,Amount (£),Reference\r\n\
             Maya Patel,12-34-56,12345678,68.75,WITHUS DEC26\r\n\
             Siân O'Brien,65-43-21,87654321,204.00,WITHUS DEC26\r\n"
        );
    }

    #[test]
    fn formula_looking_cells_are_neutralised() {
        let mut input = valid_input();
        input.payees[0].payee = "=HYPERLINK(\"x\") Jo".into();
        input.payees[1].reference = "-WITHUS DEC26".into();
        let run = PaymentRun::check(&input).unwrap();
        let text = write(&run);
        assert!(
            text.contains("\"'=HYPERLINK(\"\"x\"\") Jo\",12-34-56"),
            "{text}"
        );
        assert!(text.contains(",'-WITHUS DEC26\r\n"), "{text}");
    }
}
