# The organiser's access plan page for an event.

plan-title = Access plan
plan-link = Access plan
plan-empty = Nobody booked so far needs anything arranged.
plan-column-item = Item
plan-column-count = Number
plan-column-who = Who
plan-column-deadline = Arrange by
plan-column-status = Status
plan-column-booked-on = Booked on
plan-column-cost = Cost
plan-overdue = Overdue
plan-ready = Ready
plan-ready-button = Mark the event as ready
plan-not-ready-heading = Why the event is not ready yet
plan-to-tell-heading = Tell by phone or post: { $item } cannot be arranged
plan-told-button = I have told them
plan-field-status = Status
plan-field-reason = Why it cannot be arranged
plan-hint-reason = Only if it cannot be arranged. The people affected will be told this.
plan-field-alternative = What will be done instead
plan-hint-alternative = Only if it cannot be arranged. The people affected will be told this.
plan-field-booked-on = Date booked (optional)
plan-hint-booked-on = For example, 27 3 2027
plan-field-cost = Cost in pounds (optional)
plan-hint-cost = For example, 350.00
plan-error-status = Select a status
plan-error-reason = Enter why it cannot be arranged
plan-error-alternative = Enter what will be done instead
plan-error-too-long = Reason and alternative must be 2,000 characters or fewer
plan-error-booked-on = Date booked must be a real date, like 27 3 2027
plan-error-cost = Cost must be an amount in pounds, like 350.00
plan-flash-item-saved = Access plan item updated
plan-flash-told = Recorded that the people affected have been told
plan-flash-nothing-to-tell = There is nobody to tell about this item
plan-flash-no-such-item = That item is no longer in the access plan
plan-flash-ready = Event marked as ready
email-plan-cannot-arrange-subject = Something we cannot arrange for { $event }
email-plan-cannot-arrange-body = Hello { $name },

    We are sorry: we cannot arrange { $item } for { $event } on { $when }.

    Why: { $reason }

    What we will do instead: { $alternative }

    If this does not work for you, please reply to this email and tell us.
email-plan-cannot-arrange-easy = Hello { $name },

    We are sorry.

    You asked for { $item } at { $event } on { $when }.

    We cannot get it for you.

    This is why: { $reason }

    This is what we will do instead: { $alternative }

    Is this not right for you? Reply to this email and tell us.

audit-action-event-plan-item-updated = Access plan item updated
audit-action-event-plan-people-told = People told an access need cannot be met
audit-action-event-marked-ready = Event marked as ready
