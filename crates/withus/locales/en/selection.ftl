## Choosing a working group fairly

organisation-selection-heading = Working groups
organisation-selection-link = Choose a working group fairly

audit-action-selection-created = Working group started
audit-action-selection-quotas-saved = Working group quotas saved
audit-action-selection-computed = Fair chances asked for
audit-action-selection-published = Lottery published
audit-action-selection-drawn = Working group drawn
audit-action-selection-invited = Working group invited

## The list

selection-list-title = Working groups
selection-list-intro = Choose a working group from a panel fairly: everyone has a fair chance, the group matches the quotas you set, and the draw can be checked by anyone.
selection-list-none = There are no working groups yet.
selection-new-button = Start a working group
selection-col-name = Working group
selection-col-panel = Panel
selection-col-size = Places
selection-col-status = Status
selection-col-created = Started
selection-stage-draft = Draft
selection-stage-computing = Working out chances
selection-stage-published = Lottery published
selection-stage-drawn = Drawn
selection-stage-invited = Invited

## Starting one

selection-new-title = Start a working group
selection-new-no-panels = This organisation has no panels yet. An administrator can add one.
selection-new-submit = Continue
selection-field-name = Name of the working group
selection-field-name-hint = For example, Bus station redesign group
selection-field-panel = Which panel should people be chosen from?
selection-field-size = How many places are there?
selection-field-size-hint = The number of people to choose
selection-field-rotation = Give people who were involved recently a smaller chance?
selection-field-rotation-hint = This shares opportunities out, so the same people are not chosen every time.
selection-rotation-yes = Yes
selection-rotation-yes-hint = Each time someone was involved in the period below lowers their share: once halves it, twice makes it a third, and so on.
selection-rotation-no = No, everyone has the same share
selection-field-months = Over how many months should involvement count?
selection-field-months-hint = Usually 12 months
selection-error-name-empty = Enter a name for the working group
selection-error-name-too-long = The name must be 120 characters or fewer
selection-error-panel = Select the panel to choose people from
selection-error-size = Enter the number of places as a whole number from 1 to { $max }
selection-error-months = Enter the number of months as a whole number from 1 to { $max }
selection-flash-created = The working group has been started. Now set its quotas.

## One working group

selection-rotation = Rotation
selection-rotation-on = On: people involved in the last { $months } months have a smaller share
selection-rotation-off = Off: everyone has the same share
selection-pool-size = People who can be chosen now
selection-pool-explained = People can be chosen if they are active on the panel (not paused and not left) and their consent to be on it is in force.
selection-steps = Steps
selection-step-quotas = 1. Quotas
selection-quotas-none = No quotas have been set yet.
selection-quotas-set = Set the quotas
selection-quotas-change = Change the quotas
selection-quota-range = { $value }: { $min } to { $max }
selection-step-chances = 2. Fair chances
selection-chances-explained = Withus works out the fairest chances it can give everyone: the lowest chance anyone has is made as high as the quotas allow, then the next lowest, and so on. It also proves how close this is to the best possible.
selection-weight-explained = With rotation, each person's share is 1 ÷ (1 + the number of times they were involved in the period). Someone never involved has a share of 1, the highest; someone involved once has 0.5, so they aim for half the chance, as far as the quotas allow.
selection-compute = Work out fair chances
selection-compute-again = Work out the chances again
selection-computing = Working out fair chances…
selection-refreshing = The chances are still being worked out. Choose “Refresh now” to see whether they are ready.
selection-refresh-stopped = This page is no longer refreshing by itself.
selection-refresh-now = Refresh now
selection-run-failed-title = The chances could not be worked out.
selection-run-failed = Something went wrong while working out the chances. Try again. If it keeps happening, try fewer quotas or a smaller working group.
selection-run-stopped = The last attempt stopped before it finished. Try again.
selection-outdated = The quotas have changed since these chances were worked out. Work them out again before the draw.
selection-min-chance = Lowest chance anyone has
selection-min-weighted = Lowest chance for a share of 1 (chance ÷ share)
selection-gap = How close to the fairest possible
selection-gap-value = Within { $gap } percentage points of the best possible: no lottery could do better than { $best }.
selection-proven = This is proven to be the fairest possible.
selection-total = Chances added up (equals the number of places)
selection-finished = Worked out
selection-lottery-heading = The published lottery
selection-lottery-explained = The lottery lists the possible working groups and the chance of each. Publish its fingerprint below before you choose the seed for the draw: then anyone can check that the lottery was not changed afterwards.
selection-lottery-hash = Fingerprint (SHA-256):
selection-lottery-panels = Possible groups in the lottery: { $count }.
selection-lottery-download = Download the lottery
selection-chances-heading = Everyone's chance of being chosen
selection-col-person = Person
selection-col-chance = Chance
selection-col-weight = Share
selection-person-erased = Erased person
selection-step-draw = 3. The draw
selection-draw-explained = Choose a seed that nobody can know or pick in advance and that is announced after the lottery was published, for example the winning numbers of the next National Lottery draw. The draw can only happen once.
selection-field-seed = Seed
selection-field-seed-hint = For example: 3 14 25 36 41 52, bonus 7, Saturday 28 November 2026
selection-draw-button = Draw the working group
selection-draw-not-yet = The draw can happen once the fair chances have been worked out and the lottery published.
selection-drawn-at = Drawn
selection-chosen-heading = People chosen
selection-draw-verified = Checked: repeating the draw with this seed chooses the same people.
selection-check-heading = How anyone can check the draw
selection-check-explained = The draw follows a published procedure with no hidden randomness, so anyone can repeat it:
selection-check-step-download = Download the lottery.
selection-check-step-hash = Check that its SHA-256 fingerprint is the one published before the draw.
selection-check-step-repeat = Repeat the draw with the seed, following "The draw, step by step" in the withus-selection documentation. It always chooses the same people.
selection-flash-drawn = The working group has been drawn.
selection-step-invite = 4. Invitations
selection-invite-explained = Everyone chosen who has an email address gets an email in their language. Everyone else is listed here so you can phone or write to them, as they prefer. Invitations can only be sent once.
selection-invite-button = Invite the people chosen
selection-invite-not-yet = Once the working group has been drawn, you can invite the people chosen.
selection-invited-emailed = Invited by email
selection-invited-others = Contact these people yourself
selection-invited-unavailable = No longer on the panel, so not invited
selection-col-contact = How they prefer to be contacted
selection-col-phone = Phone
selection-flash-invited = The invitations have been sent.
selection-error-no-quotas = Set the quotas before working out the chances
selection-error-already-drawn = The working group has already been drawn
selection-error-already-running = The chances are already being worked out
selection-error-pool-changed = Someone new can be chosen whose answers the quotas do not cover yet. Check the quotas again and save them.
selection-error-seed-empty = Enter the seed for the draw
selection-error-seed-too-long = The seed must be { $max } characters or fewer
selection-error-not-computed = Work out the fair chances before the draw
selection-error-not-drawn = Draw the working group before sending invitations
selection-error-already-invited = The invitations have already been sent

## Quotas

selection-quotas-title = Quotas
selection-quotas-intro = Choose how many of the { $size } places may go to people with each answer. { $pool } people can be chosen now.
selection-quotas-suggestion = Each range is filled in from the share of the people who can be chosen and, where your organisation has population figures, the population's share. Nobody is left out for not answering: people who did not answer or preferred not to say have their own row.
selection-field-features = What should the quotas cover?
selection-field-features-hint = Select all that apply
selection-features-button = Show these
selection-quotas-heading = Minimum and maximum for each answer
selection-col-answer = Answer
selection-col-in-pool = People who can be chosen
selection-col-pool-share = Share
selection-col-population = Population
selection-col-min = Minimum
selection-col-max = Maximum
selection-no-figure = No figure
selection-value-more-than-one = More than one answer
selection-quotas-submit = Check and save the quotas
selection-quotas-locked = The working group has been drawn, so its quotas can no longer change.
selection-flash-quotas-feasible = These quotas can be met. They have been saved.
selection-error-locked = The working group has been drawn, so its quotas can no longer change
selection-error-no-features = Select at least one thing for the quotas to cover
selection-error-min-number = Enter the minimum for { $value } as a whole number, 0 or more
selection-error-max-number = Enter the maximum for { $value } as a whole number, 0 or more
selection-error-max-above-size = The maximum for { $value } must be { $size } or fewer, the number of places
selection-error-min-above-max = The minimum for { $value } must not be more than its maximum
selection-error-check-failed = The quotas could not be checked in time. Try again, or use fewer quotas.
selection-conflict-pool-too-small = Only { $eligible } people can be chosen, but there are { $size } places.
selection-conflict-must-include = { $count } people must be included, but there are only { $size } places.
selection-conflict-not-enough-people = { $value } (“{ $feature }”): the minimum is { $min }, but only { $available } people who can be chosen gave this answer.
selection-conflict-minimums-too-high = “{ $feature }”: the minimums add up to { $total }, more than the { $size } places.
selection-conflict-maximums-too-low = “{ $feature }”: the maximums add up to { $total }, fewer than the { $size } places.
selection-conflict-combination = No group of people who can be chosen meets all these quotas at once: the quotas for different questions conflict.
selection-relax-title = The smallest change that would make a working group possible:
selection-relax-none = No change to the quotas alone would make a working group possible. Choose fewer places, or fewer quotas.
selection-relax-change = { $value } (“{ $feature }”): { $changes }
selection-relax-lower-min = lower the minimum from { $from } to { $to }
selection-relax-raise-max = raise the maximum from { $from } to { $to }
selection-and = { " " }and{ " " }

## Email

selection-email-subject = You have been chosen for a working group with { $organisation }
selection-email-body = Hello,

    You have been chosen for { $group }, a working group of { $organisation }. The people in it were chosen fairly from the panel you are on, by a lottery that anyone can check.

    Someone from { $organisation } will contact you about what it involves, when it meets, your access needs and any payment for your time.

    You do not have to say yes. Saying no does not change your place on the panel.

    { $service }
