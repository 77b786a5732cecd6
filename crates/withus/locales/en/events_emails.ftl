## Changing and cancelling events; confirmation, reminder and change emails

event-edit-title = Change this event
event-cancel-title = Cancel this event
event-cancel-intro = { $count ->
    [one] 1 person is booked, offered a place or waiting. We will email them that the event is cancelled, with your reason.
   *[other] { $count } people are booked, offered a place or waiting. We will email them that the event is cancelled, with your reason.
}
event-cancel-warning = You cannot undo this. Nobody will be able to book this event.
event-field-cancel-reason = Why is the event cancelled?
event-field-cancel-reason-hint = We send this to everyone who booked. Use plain words, for example "The venue has flooded. We will set a new date soon."
event-cancel-button = Cancel the event
event-cancel-keep = Keep the event
event-error-capacity-below-booked = { $booked } people have already booked. Enter { $booked } or more places
event-error-cancel-reason = Enter why the event is cancelled, so we can tell the people who booked
flash-event-updated = Event changed. If the time or place changed, we have emailed everyone booked or waiting.
flash-event-is-cancelled = This event is cancelled
flash-event-cancelled-by-organiser = Event cancelled. We have emailed everyone who booked or was waiting.
event-is-cancelled = This event is cancelled.
event-cancel-reason-shown = The reason:
event-cancelled-tag = Cancelled
event-phone-remind-heading = People to remind by phone
event-phone-remind-intro = These people have a place but no email address, so they will not get a reminder email. Phone them on or after { $date }.
event-phone-cancelled-heading = People to tell by phone
event-phone-cancelled-intro = These people had a place or were waiting but have no email address. Phone them to tell them the event is cancelled.

email-event-booked-easy = Hello { $name },

    You have a place at { $event }.

    It is on { $when }.

    It is at { $place }.

    There is a calendar file with this email. Open it to put the event in your calendar.

    You can also get the calendar file here: { $calendar }

    Can you not come? Tell us here: { $link }
email-event-reminder-subject = Reminder: { $event } on { $when }
email-event-reminder-body = Hello { $name },

    This is a reminder that you have a place at { $event } on { $when }.

    Where: { $place }

    The calendar file is attached. You can also get it here: { $calendar }

    If you cannot come any more, please cancel your place so someone else can have it: { $link }
email-event-reminder-easy = Hello { $name },

    This is a reminder.

    You have a place at { $event }.

    It is on { $when }.

    It is at { $place }.

    There is a calendar file with this email.

    Can you not come? Tell us here: { $link }
email-event-place-cancelled-subject = You have cancelled your place: { $event }
email-event-place-cancelled-body = Hello { $name },

    You have cancelled your place at { $event } on { $when }.

    If this was a mistake, you can book again at { $link }
email-event-place-cancelled-easy = Hello { $name },

    You said you cannot come to { $event }.

    Your place is cancelled.

    Was this a mistake? Book again here: { $link }
email-event-changed-subject = { $event } has changed
email-event-changed-body = Hello { $name },

    The organiser has changed { $event }.

    { $changes }

    Your place is still held for you. If you cannot come any more, cancel your place at { $link }
email-event-changed-easy = Hello { $name },

    { $event } has changed.

    { $changes }

    You still have your place.

    Can you not come now? Tell us here: { $link }
email-event-changed-time = The new time is { $when }.
email-event-changed-place = The new place is { $place }.
email-event-cancelled-subject = Cancelled: { $event }
email-event-cancelled-body = Hello { $name },

    We are sorry. { $event } on { $when } has been cancelled.

    The organiser said: { $reason }

    You do not need to do anything.
email-event-cancelled-easy = Hello { $name },

    We are sorry.

    { $event } will not happen.

    This is why: { $reason }

    You do not need to do anything.

audit-action-event-updated = Event changed
audit-action-event-cancelled = Event cancelled
audit-action-event-reminder-sent = Event reminder emailed
