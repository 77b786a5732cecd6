## Expense claims and the mileage rate

expense-kind-public-transport = Public transport
expense-kind-taxi = Taxi
expense-kind-mileage = Mileage in your own vehicle
expense-kind-care-cover = Carer's or personal assistant's cover
expense-kind-childcare = Childcare
expense-kind-meals = Meals
expense-kind-overnight-stay = Overnight stay
expense-kind-other = Something else

expense-state-claimed = Waiting for approval
expense-state-approved = Approved
expense-state-queried = Question from the organisation
expense-state-paid = Paid

expense-channel-online = Online
expense-channel-phone = By phone
expense-channel-post = By post
expense-channel-in-person = In person

expense-kind-legend = What was the cost for?
expense-kind-missing = Select what the cost was for
expense-day-legend = When did you spend the money?
expense-day-missing = Enter the date you spent the money
expense-day-invalid = The date must be a real date, like 27 3 2026
expense-day-future = The date must be today or in the past
expense-description-label = Description
expense-description-hint = For example, "Taxi from home to the Community Hub and back"
expense-description-missing = Enter a short description of the cost
expense-description-too-long = The description must be { $max } characters or fewer
expense-amount-label = Amount
expense-amount-hint = In pounds and pence, for example 12.40. Leave this empty for mileage.
expense-amount-missing = Enter the amount you spent, like 12.40
expense-amount-not-money = Enter the amount in pounds and pence, like 12.40
expense-amount-negative = The amount cannot be less than £0. Enter what you spent, like 12.40
expense-amount-fraction = Enter the amount to the nearest penny, like 12.34, not 12.345
expense-amount-too-large = The amount must be £10,000 or less. Check it and enter it again
expense-amount-zero = The amount must be more than £0
expense-miles-label = Miles, for mileage only
expense-miles-hint = The distance you drove, to a tenth of a mile, for example 12.5
expense-miles-suffix = miles
expense-miles-missing = Enter how many miles you drove, like 12.5
expense-miles-not-number = Enter the miles as a number, like 12.5
expense-miles-fraction = Enter the miles to a tenth of a mile, like 12.5
expense-miles-too-many = The distance must be 5,000 miles or less
expense-miles-zero = The distance must be more than 0 miles
expense-no-mileage-rate = The organisation has no mileage rate for { $day }, so mileage cannot be worked out. Ask them to set one, or claim the cost as something else
expense-receipt-label = Receipt (optional)
expense-receipt-hint = A photo or a PDF of the receipt: JPEG, PNG, WebP, HEIC or PDF, up to 10 MB
expense-receipt-empty = The receipt is empty. Choose the file again
expense-receipt-too-large = The receipt must be smaller than 10 MB
expense-receipt-wrong-type = The receipt must be a JPEG, PNG, WebP or HEIC photo, or a PDF
expense-engagement-legend = Which engagement was it for?
expense-engagement-hint = Engagements of the panels you are a member of
expense-engagement-missing = Select the engagement the cost was for
expense-mileage-detail = { $kind }: { $miles } miles at { $rate } a mile

expenses-yours-title = Your expenses
expenses-yours-intro = Costs you paid to take part, such as travel, care cover or childcare. We pay them back. Expenses are not earnings.
expenses-yours-none = You have not claimed any expenses.
expense-claim-title = Claim an expense
expense-claim-intro = Tell us about one cost you paid to take part. You can claim another cost afterwards.
expense-not-earnings = Expenses pay back what you spent. They are not earnings and do not count towards any benefit's earnings limit.
expense-no-engagements = You can claim expenses for the engagements of a panel you are an active member of. You are not an active member of a panel with published engagements.
expense-send = Send claim
expense-engagement = Engagement
expense-amount = Amount
expense-day = Date
expense-receipt = Receipt
expense-receipt-download = Download the receipt
expense-receipt-none = No receipt
expense-correct-link = Correct it and send it again
expense-correct-title = Correct your expense claim
expense-correct-intro = Change what needs changing and send it again. You can add a new receipt; if you do not, we keep the one you sent.
expense-query-reason-heading = The organisation asked
expense-send-again = Send it again
expense-sent-title = Expense claim sent
expense-next-heading = What happens next
expense-next-check = A finance officer at the organisation checks your claim.
expense-next-query = If they have a question, we tell you, and you can correct the claim on your expenses page.
expense-next-paid = Once it is approved, it is paid in the organisation's next payment run.
expense-see-claims = See your expenses

mileage-rate-title = Mileage rate
mileage-rate-intro = What the organisation pays for each mile someone drives in their own vehicle to take part, with the dates it applies. Mileage claims are worked out at the rate in force on the day of the journey.
mileage-rate-none = There is no mileage rate yet. Mileage cannot be claimed until there is one.
mileage-rate-list = Mileage rates
mileage-rate-per-mile = Amount per mile
mileage-rate-per-mile-hint = In pounds and pence, for example 0.45 for 45p
mileage-rate-from = From
mileage-rate-to = Until (optional)
mileage-rate-no-end = No end date
mileage-rate-add = Add a mileage rate
mileage-rate-save = Save mileage rate
mileage-rate-saved = Mileage rate saved
mileage-rate-zero = The amount per mile must be more than £0
mileage-rate-too-large = The amount per mile must be £10 or less
mileage-rate-from-invalid = Enter the date the rate starts, like 6 4 2026
mileage-rate-to-invalid = The end date must be a real date, like 5 4 2027, or leave it empty
mileage-rate-ends-before = The end date must be on or after the start date
mileage-rate-overlaps = These dates overlap another mileage rate. Choose dates that do not overlap

expenses-waiting-title = Expense claims waiting
expenses-waiting-intro = Approve each cost, or ask the person a question about it. Approved costs are paid in the next payment run.
expenses-waiting-none = No expense claims are waiting for a decision.
expenses-queried-title = Waiting for an answer from the person
expense-person = Person
expense-channel = How it reached us
expense-approve = Approve
expense-query = Ask a question
expense-reason-label = Your question
expense-reason-hint = The person sees this, so say what they need to change or send
expense-reason-missing = Enter the question you want to ask the person
expense-reason-too-long = The question must be { $max } characters or fewer
expense-approved = Expense approved
expense-query-sent = Question sent to the person
expense-already-decided = Someone has already decided on that expense

expense-correct-for-them = Correct it for them
expense-corrected = The claim was corrected and is waiting for approval again.
expense-enter-title = Enter an expense claim for someone
expense-enter-intro = For someone who phoned, posted a claim or came in. Find them by name first.
expense-search-label = Their name
expense-search-hint = Part of their name is enough
expense-search-button = Find
expense-search-nobody = Nobody on your panels has that name.
expense-person-legend = Who is the claim for?
expense-person-missing = Select who the claim is for
expense-channel-legend = How did the claim reach you?
expense-channel-missing = Select how the claim reached you
expense-enter-save = Save claim
expense-entered = Expense claim entered. A finance officer will check it.

expense-queried-subject = A question about your expense claim
expense-queried-body =
    { $organisation } has a question about your expense claim for { $item }:

    { $reason }

    You can correct your claim and send it again here: { $link }
expense-queried-easy =
    We have a question about money you asked us to pay back.

    It was for: { $item }

    Our question: { $reason }

    You can change your claim here: { $link }
notice-kind-expense-queried = Questions about your expense claims

audit-action-mileage-rate-set = Mileage rate set
audit-action-expense-claimed = Expense claimed
audit-action-expense-approved = Expense approved
audit-action-expense-queried = Expense queried
audit-action-expense-resubmitted = Expense corrected and sent again
