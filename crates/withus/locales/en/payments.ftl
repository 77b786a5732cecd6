payments-title = Payments
payments-threshold = A batch of approvals over { $amount } needs a second finance officer to approve it too.
payments-due-title = Payments due
payments-due-none = No payments are waiting for approval.
payments-due-intro = Check each payment against the benefits check, tick the ones to approve, then approve them together. A payment that would take someone over the benefit limit they told us about is held, unless you give a reason.
payment-open = Open
payment-on = Day
payment-offered = Offered
payment-choice = How they chose to be paid
payment-amount = Amount
payment-check = Benefits check
payment-check-over-tag = Over their limit
payment-suggestions = Instead, you could:
payment-approve-this = Approve this payment
payment-override-reason = Reason to approve it over their limit
payment-override-reason-hint = Only if the person has agreed, for example after taking advice. The reason is recorded.
payment-approve-chosen = Approve the payments ticked
payments-awaiting-title = Waiting for a second approval
payments-awaiting-none = No batches are waiting for a second approval.
payments-awaiting-line = { $payments } payments, { $total } in all, approved first by { $name } on { $day }.
payment-approve-second = Give the second approval
payments-approved-title = Approved, ready to pay
payments-approved-none = No approved payments are waiting for a payment run.
payments-approved-summary = { $count } approved payments, { $total } in all.
payments-failed-title = Payments the bank returned
payment-runs-title = Payment runs
payment-runs-none = No payment runs yet.
payment-run-number = Run
payment-run-name = Payment run { $number }
payment-run-date = Processing date
payment-run-total = Total by bank transfer
payment-run-paid-on = Paid on
payment-run-not-paid = Not marked paid yet
payment-run-make = Make a payment run
payment-run-intro = Every approved payment goes into this run: bank transfers into a Bacs file and a bank CSV, and vouchers, charities and payroll onto their own list. Approved payments: { $count }.
payment-run-earliest = Bacs needs 3 working days. The earliest processing date is { $day }.
payment-run-error-date = Enter the processing date, for example 14 12 2026
payment-run-files = Files
payment-run-bacs = Bacs Standard 18 file
payment-run-bank-csv = Bank CSV
payment-run-other = Vouchers, charities and payroll (CSV)
payment-run-payments = Payments in this run
payment-run-mark-paid = Mark this run as paid
payment-run-paid-date = The day the money was paid
payment-run-error-paid-date = Enter the day the money was paid, today or earlier, for example 14 12 2026
payment-person = Person
payment-for = For
payment-from = From
payment-status = Status
payment-bank = Bank details
payment-bank-none = None given yet
payment-limit = Benefit limit they told us about
payment-limit-none = None declared
payment-change-for-them = Change how they are paid
payment-change-for-them-intro = Only when the person has asked, by phone, by letter or in person. They are told what changed.
payment-choice-question = How would you like to be paid for this?
payment-less-amount = The smaller amount, if you chose to be paid less
payment-less-amount-hint = In pounds and pence, for example 20.00
payment-charity-name = The charity or organisation, if you chose one
payment-charity-name-hint = For example, your local Mind
payment-mark-failed = Mark as returned by the bank
payment-reissue = Pay it again in the next run
payment-how-payroll = Through payroll
payment-check-none = They have not told us about a benefit limit.
payment-check-within = Within their limit ({ $limit }). Already approved from us in this period: { $already }.
payment-check-over = This would take them over their limit ({ $limit }): { $would_be } in the period, { $over_by } over.
payment-suggest-less = Pay { $amount } at most, which stays within the limit.
payment-suggest-split = Pay the rest in the next period, from { $day }, where the benefit's rules allow.
payment-suggest-expenses-only = Repay their expenses only: expenses never count as earnings.
payment-suggest-charity = Pay it to a charity or organisation they choose.
payment-error-choice = Choose how you would like to be paid
payment-error-less = Enter the smaller amount in pounds and pence, for example 20.00
payment-error-not-less = The smaller amount must be less than the amount offered
payment-error-charity = Enter the name of the charity or organisation
payment-error-nothing-chosen = Tick at least one payment to approve
payment-error-no-settings = Your organisation has not set its payment settings yet. An organisation administrator or finance officer sets them first.
payment-error-not-due = This payment is already approved, so how it is paid cannot change now
payment-error-same-approver = You gave the first approval. A different finance officer must give the second.
payment-error-blocked = { $name } would go { $over_by } over the benefit limit they told us about. Choose less with them, or give a reason to approve it anyway.
payment-flash-approved = Payments approved. People are told.
payment-flash-awaiting-second = Approved. The batch is over your organisation's threshold, so a second finance officer must approve it too.
payment-flash-already-approved = Those payments were approved already. Nothing has been approved twice.
payment-flash-choice = How this payment is made has been changed.
payment-flash-failed = Marked as returned by the bank.
payment-flash-reissued = It will go in the next payment run.
payment-flash-run-made = Payment run made. Download the files below.
notice-payment-run-waiting-bank-details = Payment run made. Some people have no bank details yet, so their payments wait for a later run.
payment-flash-run-paid = The run is marked as paid. People are told.
payment-flash-bank-saved = Your bank details are saved.
payment-flash-limit-saved = Your benefit limit is saved. We check it before paying you.
payment-flash-limit-removed = Your benefit limit is removed.
payment-choice-kind-bank-transfer = Bank transfer
payment-choice-kind-bank-transfer-hint = The full amount into your bank account.
payment-choice-kind-voucher = Voucher
payment-choice-kind-voucher-hint = A shopping voucher for the full amount. It may still count as income.
payment-choice-kind-less = A smaller amount
payment-choice-kind-less-hint = By bank transfer. Only what you are paid counts as income.
payment-choice-kind-nothing = Nothing
payment-choice-kind-nothing-hint = You take part without being paid for your time.
payment-choice-kind-charity = To a charity or organisation
payment-choice-kind-charity-hint = We pay it to them, not to you.
payment-choice-kind-expenses-only = Expenses only
payment-choice-kind-expenses-only-hint = We repay your costs, and nothing for your time.
payment-status-due = Waiting for approval
payment-status-awaiting-second = Waiting for a second approval
payment-status-approved = Approved
payment-status-in-run = Being paid
payment-status-paid = Paid
payment-status-failed = Returned by the bank
payment-batch-status-awaiting-second = Waiting for a second approval
payment-batch-status-approved = Approved
payment-limit-kind-esa-permitted-work = ESA permitted work limit
payment-limit-kind-esa-permitted-work-hint = Employment and Support Allowance: what you may earn in a week under the permitted work rules.
payment-limit-kind-carers-allowance = Carer's Allowance earnings limit
payment-limit-kind-carers-allowance-hint = A penny over loses that week's Carer's Allowance.
payment-limit-kind-universal-credit = Universal Credit work allowance
payment-limit-kind-universal-credit-hint = What you can earn in an assessment period before Universal Credit goes down.
payment-limit-kind-own-figure = My own figure
payment-limit-kind-own-figure-hint = For example, one an adviser gave you.
payment-limit-weekly = { $amount } a week, from { $day }
payment-limit-monthly = { $amount } a month, from day { $day }
payment-limit-period-weekly = A week
payment-limit-period-monthly = A month
payment-weekday-1 = Monday
payment-weekday-2 = Tuesday
payment-weekday-3 = Wednesday
payment-weekday-4 = Thursday
payment-weekday-5 = Friday
payment-weekday-6 = Saturday
payment-weekday-7 = Sunday
your-payments-title = Your payments
your-payments-intro = What you are owed for your time, what is on its way and what has been paid. You can choose how each payment is made until it is approved.
your-payments-due = Waiting for approval
your-payments-due-none = Nothing is waiting for approval.
your-payment-change = Choose how this is paid
your-payments-on-the-way = Approved and on its way
your-payments-on-the-way-none = Nothing is on its way.
your-payments-paid = Paid
your-payments-paid-none = Nothing has been paid yet.
your-payments-paid-on = paid on
your-payments-expenses = Expenses
your-payments-expenses-link = Claim expenses, and see your claims
your-payments-details = Your details
payment-bank-none-yours = You have not given us bank details yet.
payment-limit-none-yours = You have not told us about a benefit limit.
your-payments-statement = Statement
your-payments-statement-intro = A statement of what you were paid, for a period. You can give it to the DWP or HMRC.
your-payments-statement-link = See your statement for this tax year
your-payments-advice = Benefits advice
your-payments-advice-intro = Being paid can affect some benefits. Free, independent advice:
your-payments-advice-citizens-advice = Citizens Advice: benefits
your-payments-advice-turn2us = Turn2us: benefits calculator and advice
your-payment-offered = We offered { $amount } for your time. You can take all of it, less, or none, or have it paid to a charity.
your-payment-benefits = If you get benefits, taking less or nothing, or paying it to a charity, is not counted as your earnings under the DWP's rules for service user involvement.
payment-bank-title = Your bank details
payment-bank-intro = We use these only to pay you. Only you and our finance officers can see them, and we show only the last 4 digits of your account number.
payment-bank-current = The account we have now ends { $masked }.
payment-bank-name = Name on the account
payment-bank-name-hint = As your bank shows it
payment-bank-sort-code = Sort code
payment-bank-sort-code-hint = 6 digits, for example 30-94-57
payment-bank-account = Account number
payment-bank-account-hint = 8 digits, for example 00733445
payment-bank-error-name = Enter the name on the account
payment-bank-error-sort-code = Enter a sort code of 6 digits, for example 30-94-57
payment-bank-error-account = Enter an account number of 8 digits, for example 00733445
payment-limit-title = A benefit limit that matters to you
payment-limit-intro = If you get a benefit that stops or goes down when you earn over a limit, tell us the limit. Before we pay you for your time, we check it, so we do not take you over it without asking you.
payment-limit-private = This is private. Only you and our finance officers can see it. You can remove it at any time.
payment-limit-kind = Which limit is it?
payment-limit-amount = The limit
payment-limit-amount-hint = In pounds and pence, for example 204.00
payment-limit-period = Is it for a week or a month?
payment-limit-week-starts = If it is for a week, the day your benefit week starts
payment-limit-week-starts-hint = Your award letter says which day
payment-limit-month-starts = If it is for a month, the day of the month your period starts
payment-limit-month-starts-hint = A number from 1 to 28
payment-limit-remove = Remove my benefit limit
payment-limit-error-kind = Choose which limit it is
payment-limit-error-amount = Enter the limit in pounds and pence, for example 204.00
payment-limit-error-period = Choose whether the limit is for a week or a month
payment-limit-error-week-starts = Choose the day your benefit week starts
payment-limit-error-month-starts = Enter the day of the month your period starts, a number from 1 to 28
payment-statement-title = Your payments statement
payment-statement-title-for = Payments statement, { $from } to { $to }
payment-statement-intro = Payments for your time approved or paid for involvement from { $from } to { $to }.
payment-statement-this-year = This tax year
payment-statement-last-year = Last tax year
payment-statement-none = No payments in this period.
payment-statement-total = Paid to you for your time: { $amount }.
payment-statement-charity-total = Paid to charities or organisations you chose: { $amount }. This is not your income.
payment-statement-expenses-note = Repaid expenses are not earnings and are not in these totals.
payment-statement-pdf = Download this statement (PDF)
payment-approved-notice-subject = Your payment of { $amount } is approved
payment-approved-notice-body =
    Dear { $name },

    Your payment of { $amount } for { $for } is approved. We will pay it in our next payment run.

    See your payments: { $link }
payment-approved-notice-easy =
    Good news.

    We will pay you { $amount }.

    It is for: { $for }

    See your payments here: { $link }
payment-paid-notice-subject = We have paid you { $amount }
payment-paid-notice-body =
    Dear { $name },

    We have paid you { $amount } for { $for }. It can take up to 3 working days to reach your account.

    See your payments and statements: { $link }
payment-paid-notice-easy =
    We have paid you { $amount }.

    It is for: { $for }

    It may take 3 days to get to your bank.

    See your payments here: { $link }
notice-kind-payment-approved = Payments approved
notice-kind-payment-paid = Payments made
audit-action-payment-due = Payment due for involvement
audit-action-payment-choice-changed = How a payment is made changed
audit-action-payment-approved = Payments approved
audit-action-payment-approved-over-limit = Payment approved over a declared benefit limit
audit-action-payment-batch-second-approval = Second approval of a batch of payments
audit-action-payment-run-made = Payment run made
audit-action-payment-run-file-downloaded = Payment run file downloaded
audit-action-payment-run-paid = Payment run marked paid
audit-action-payment-failed = Payment returned by the bank
audit-action-payment-reissued = Payment to be paid again
audit-action-payment-profile-bank-details = Bank details changed
audit-action-payment-profile-declared-limit = Declared benefit limit changed
audit-action-payment-records-removed = Old payment records removed
organisation-payments-link = Payments due, approvals and payment runs
notice-payment-not-in-run = This payment is not in a payment run, so it cannot be marked as returned.
payment-statement-expense = Expense
payment-statement-expenses-title = Expenses repaid
payment-statement-expenses-none = No expenses approved or repaid in this period.
payment-statement-expenses-total = Expenses approved or repaid: { $amount }. These are not earnings.
