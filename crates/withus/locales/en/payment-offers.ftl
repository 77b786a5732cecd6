# Rates stated up front: rate cards, payment settings and engagements' payment offers.

## A rate for an amount, and a unit on its own.
payment-unit-hour = { $amount } an hour
payment-unit-half-day = { $amount } a half day
payment-unit-day = { $amount } a day
payment-unit-task = { $amount } a task
payment-unit-hour-name = Hour
payment-unit-half-day-name = Half day
payment-unit-day-name = Day
payment-unit-task-name = Task

payment-pays-through-bank-transfer = Bank transfer
payment-pays-through-bank-transfer-hint = Straight into each person's bank account, in a Bacs file your bank takes
payment-pays-through-payroll = Payroll
payment-pays-through-payroll-hint = Through your payroll, as NHS England pays its Patient and Public Voice partners
payment-late-pays-full = Paid in full
payment-late-pays-half = Paid half
payment-late-pays-none = Not paid

## The costs an offer repays: in a list, and in Easy Read.
payment-expense-public-transport = bus and train fares
payment-expense-taxi = taxis when your access needs mean you need one
payment-expense-mileage = mileage if you drive
payment-expense-carer = the cost of a carer or personal assistant
payment-expense-childcare = childcare
payment-expense-meals = meals
payment-expense-overnight = overnight stays
payment-easy-expense-public-transport = Bus and train fares.
payment-easy-expense-taxi = A taxi, if you need one because of your access needs.
payment-easy-expense-mileage = Money for petrol, if you drive.
payment-easy-expense-carer = A carer or personal assistant.
payment-easy-expense-childcare = Someone to look after your children.
payment-easy-expense-meals = Food and drink.
payment-easy-expense-overnight = A place to stay the night.

## The offer in plain English.
payment-summary-rate = We pay { $rate } for your time ({ $name } rate).
payment-summary-events = This is for the time you spend at our events.
payment-summary-events-surveys = This is for the time you spend at our events, and { $minutes } minutes for each survey you complete.
payment-summary-surveys = This is for { $minutes } minutes for each survey you complete.
payment-summary-no-time = We do not pay for your time on this engagement.
payment-summary-expenses = We repay: { $expenses }.
payment-summary-no-expenses = We do not repay expenses on this engagement.
payment-summary-choice = You can choose to be paid less, or nothing, or have it paid to a charity.
payment-summary-when = Payment is made within { $days ->
        [one] 1 working day
       *[other] { $days } working days
    } of approval.

## The offer in Easy Read: one idea in each sentence.
payment-easy-paid = We pay you for your time.
payment-easy-rate = We pay { $rate }.
payment-easy-events = We pay for the time you are at our meetings.
payment-easy-surveys = We pay you for { $minutes } minutes for each survey you fill in.
payment-easy-no-time = We do not pay you for your time.
payment-easy-expenses = We pay back money you spend to take part:
payment-easy-choice-less = You can ask for less money, or no money.
payment-easy-choice-charity = We can give the money to a charity instead.
payment-easy-when = We pay you within { $days ->
        [one] 1 working day
       *[other] { $days } working days
    }.

## The offer on the engagement's pages and the booking page.
payment-offer-heading = Payment for taking part
payment-offer-easy-read = Easy Read
payment-offer-none = There is no payment offer for this engagement yet.
payment-offer-change = Change the payment offer
payment-offer-set = Set the payment offer

## The rate card.
payment-organisation-heading = Payments
payment-rates-title = Payment rates
payment-rates-intro = The rates your organisation pays people for their time. Each rate applies between the dates you give, so a payment is always made at the rate in force on the day.
payment-rates-link = Payment rates
payment-rates-none = There are no rates yet.
payment-rates-table = Your rates
payment-rate-col-name = Name
payment-rate-col-rate = Rate
payment-rate-col-dates = Dates
payment-rate-col-status = Status
payment-rate-current = Current
payment-rate-future = Starts later
payment-rate-past = Ended
payment-rate-dates-open = from { $from }
payment-rate-dates-closed = from { $from } to { $to }
payment-rate-add = Add a rate
payment-rate-field-name = Name of the rate
payment-rate-field-name-hint = For example, NIHR public contributor
payment-rate-field-unit = What the rate is paid for
payment-rate-field-amount = Amount
payment-rate-field-amount-hint = In pounds and pence, like 27.50
payment-rate-field-from = First day the rate applies
payment-rate-field-to = Last day the rate applies (optional)
payment-rate-field-to-hint = Leave this empty if the rate has no end date yet. For example, 31 3 2027
payment-rate-end = End a rate
payment-rate-end-intro = A rate ends on its last day. To change a rate, end it and add the new amount from the next day, with the same name.
payment-rate-field-which = Rate
payment-rate-choose = Choose a rate
payment-rate-field-end = Last day the rate applies
payment-rate-added = Rate added
payment-rate-ended = Rate ended
payment-rate-error-name = Enter the name of the rate
payment-rate-error-unit = Choose what the rate is paid for
payment-rate-error-amount = Enter an amount more than £0.00 in pounds and pence, like 27.50
payment-rate-error-from = Enter the first day the rate applies as a real date, like 16 12 2025
payment-rate-error-to = Enter the last day as a real date, like 31 3 2027, or leave it empty
payment-rate-error-ends-before = The last day must be the same as or after the first day
payment-rate-error-overlap = The rate “{ $name }” already applies { $dates }. End that rate before this one starts, or choose other dates
payment-rate-error-which = Choose the rate to end
payment-rate-error-end = Enter the last day the rate applies as a real date, like 31 3 2027
payment-rate-error-end-before = The last day must be on or after the day the rate started, { $from }
payment-error-too-long = This must be { $max } characters or fewer

## Payment settings.
payment-settings-title = Payment settings
payment-settings-missing = Your organisation has not set how it pays people yet. Until it does, no payments can be approved or paid.
payment-settings-link = Payment settings
payment-settings-field-threshold = Batch total that needs two people to approve it
payment-settings-field-threshold-hint = In pounds and pence. A batch of payments above this total must be approved by two different finance officers. For example, 250.00
payment-settings-field-pays-through = How you pay people for their time
payment-settings-late-heading = Late cancellations
payment-settings-field-late-hours = Hours before an event
payment-settings-field-late-hours-hint = A cancellation this many hours or fewer before the event starts counts as late. For example, 24
payment-settings-field-late-pays = What a late cancellation is paid
payment-settings-records-heading = Payment records
payment-settings-field-retention = Years to keep payment records after someone asks us to delete their data
payment-settings-field-retention-hint = HMRC usually expects payment records to be kept for 6 years
payment-settings-originator-heading = Your organisation's bank account
payment-settings-originator-hint = For the Bacs file your bank takes. Fill in all four, or leave all four empty.
payment-settings-field-name = Account name for Bacs
payment-settings-field-name-hint = At most 18 letters, numbers and spaces, like NORTHTOWN DPF
payment-settings-field-sort-code = Sort code
payment-settings-field-sort-code-hint = 6 digits, like 12-34-56
payment-settings-field-account-number = Account number
payment-settings-field-account-number-hint = 8 digits, like 12345678
payment-settings-field-sun = Bacs service user number
payment-settings-field-sun-hint = 6 digits. Your bank gives you this number.
payment-settings-save = Save payment settings
payment-settings-saved = Payment settings saved
payment-settings-error-threshold = Enter the batch total in pounds and pence, like 250.00
payment-settings-error-pays-through = Choose how you pay people for their time
payment-settings-error-late-hours = Enter the hours as a whole number from { $low } to { $high }
payment-settings-error-late-pays = Choose what a late cancellation is paid
payment-settings-error-retention = Enter the years as a whole number from { $low } to { $high }
payment-settings-error-name = Enter the account name using letters A to Z, numbers 0 to 9, spaces and . & / -
payment-settings-error-name-long = The account name must be 18 characters or fewer once made ready for the bank: use a shorter form, like NORTHTOWN DPF
payment-settings-error-sort-code = Enter a sort code of 6 digits, like 12-34-56
payment-settings-error-account-number = Enter an account number of 8 digits, like 12345678
payment-settings-error-sun = Enter a Bacs service user number of 6 digits, like 123456

## An engagement's payment offer.
payment-offer-title = Payment offer
payment-offer-intro = Tell people what you pay before they agree to take part. We show it on the engagement's page, the booking page and invitations to events, in plain English and Easy Read, in English and Welsh. We always say that people may choose to be paid less, or nothing.
payment-offer-now = What people see now
payment-offer-field-rate = Rate for people's time
payment-offer-field-rate-hint = From your organisation's rate card. A payment is made at the rate in force on the day.
payment-offer-no-rate = No payment for time: expenses only
payment-offer-field-events = Do you pay for time at events?
payment-offer-field-surveys = Do you pay for surveys people complete?
payment-offer-field-survey-minutes = Minutes paid for each survey
payment-offer-field-survey-minutes-hint = Only if you pay for surveys. For example, 30
payment-offer-field-expenses = Which costs do you repay?
payment-offer-field-expenses-hint = Select all that apply
payment-offer-field-working-days = Payment is made within how many working days of approval?
payment-offer-field-working-days-hint = For example, 10
payment-offer-field-note = Anything else people should know (optional)
payment-offer-field-note-hint = For example, how to claim expenses
payment-offer-field-budget = Budget for payments (optional)
payment-offer-field-budget-hint = In pounds and pence, for your own records. People do not see it. For example, 2000.00
payment-offer-save = Save payment offer
payment-offer-saved = Payment offer saved
payment-yes = Yes
payment-no = No
payment-offer-error-rate = Choose a rate from your organisation's rate card, or expenses only
payment-offer-error-events = Choose yes if you pay for time at events, or no
payment-offer-error-surveys = Choose yes if you pay for surveys, or no
payment-offer-error-survey-minutes = Enter the minutes for each survey as a whole number from { $low } to { $high }
payment-offer-error-no-rate = Choose a rate to pay for time, or answer no to paying for events and surveys
payment-offer-error-working-days = Enter the working days as a whole number from { $low } to { $high }
payment-offer-error-budget = Enter the budget in pounds and pence, like 2000.00, or leave it empty

audit-action-payment-rate-added = Payment rate added
audit-action-payment-rate-ended = Payment rate ended
audit-action-payment-settings-set = Payment settings changed
audit-action-payment-offer-set = Payment offer changed
