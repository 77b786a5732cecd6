## Events, venues, invitations and booking

event-yes = Yes
event-no = No

event-mode-in-person = In person
event-mode-online = Online
event-mode-hybrid = In person and online (hybrid)
event-booking-public = Anyone on the register can book
event-booking-invitation = By invitation only
booking-status-booked = Booked
booking-status-waiting = On the waiting list
booking-status-offered = Place offered
booking-status-cancelled = Cancelled
booking-status-expired = Offer expired

venue-feature-step-free = Step-free route from the street to the room
venue-feature-accessible-toilet = Accessible toilet
venue-feature-hearing-loop = Hearing loop
venue-feature-accessible-parking = Accessible parking
venue-feature-quiet-room = Quiet room
venue-feature-adjustable-lighting = Lighting that can be adjusted
venue-feature-public-transport = Near public transport
venue-feature-changing-places = Changing Places toilet

venues-title = Venues
venues-intro = Places you hold events, with what each offers for access. Choose venues close to where people live.
venues-filter-region = Show venues in
venues-filter-button = Show venues
venues-any-region = Any area
venues-no-region = Not given
venues-none = No venues yet.
venue-new-title = Add a venue
venue-edit-title = Change a venue
venue-field-name = Name of the venue
venue-field-address = Address
venue-field-region = Area
venue-field-features = Access at this venue
venue-field-features-hint = Select all that the venue has. Only tick what you have checked.
venue-field-notes = Notes about access
venue-field-notes-hint = For example, where the accessible entrance is, or how far the bus stop is.
venue-no-features = None recorded
venue-save = Save venue
venue-error-name = Enter the name of the venue
venue-error-too-long = This answer must be { $max } characters or fewer
flash-venue-saved = Venue saved

events-heading = Events
events-none = No events yet.
events-book-link = Book a place
event-new-title = Add an event
event-field-title = Name of the event
event-field-mode = How people take part
event-field-date = Date
event-field-start = Start time
event-field-start-hint = UK time, using the 24-hour clock, for example 10:30 or 14:00
event-field-length = Length in minutes
event-field-length-hint = Including breaks, for example 120 for two hours
event-field-breaks = Breaks
event-field-breaks-hint = When the breaks are and how long they last
event-field-capacity = Number of places
event-field-capacity-hint = The most people who can take part
event-field-venue = Venue
event-field-venue-hint = Needed for events in person or hybrid
event-no-venue = No venue (online only)
event-venues-link = Add or change venues
event-field-platform = Online platform
event-field-platform-hint = For example, Zoom or Microsoft Teams
event-field-captions = Will there be live captions?
event-field-dial-in = Phone dial-in number
event-field-dial-in-hint = So people can join by phone without the internet
event-field-booking = Who can book
event-field-published = Show this event so people can book?
event-field-published-hint = The engagement must also be published for the public to see it.
event-field-when = When
event-field-companion = Are you bringing a companion or personal assistant (PA)?
event-save = Save event
event-minutes = { $minutes } minutes
event-captions-on = live captions
event-places-taken = { $taken } of { $capacity } places booked
event-invited = People invited
event-booking-page-link = See the booking page
event-booked-heading = Places
event-nobody-booked = Nobody has booked yet.
event-waiting-heading = Waiting list
event-nobody-waiting = Nobody is waiting.
event-column-name = Name
event-column-status = Status
event-column-attended = Attended
event-attendance-save = Save attendance
event-contact-heading = People to contact another way
event-contact-intro = These people were invited but have no email address. Phone them or write to them.
event-invite-heading = Invite panel members
event-invite-panel = Panel
event-invite-panel-hint = Everyone active on the panel is invited, unless you choose a topic or area below.
event-invite-topic = Only people interested in
event-invite-any-topic = Any topic
event-invite-region = Only people living in
event-invite-any-region = Any area
event-invite-button = Send invitations
event-error-title = Enter the name of the event
event-error-too-long = This answer must be { $max } characters or fewer
event-error-mode = Select how people take part
event-error-date = Enter a real date, for example 27 3 2027
event-error-start = Enter a start time, for example 10:30
event-error-length = Enter the length in minutes, a whole number from 1 to 1440
event-error-capacity = Enter the number of places, a whole number from 1 to { $max }
event-error-venue = Select a venue for an event in person or hybrid
event-error-booking = Select who can book
event-error-panel = Select a panel
flash-event-created = Event added
flash-event-invited = Invitations sent
flash-event-attendance = Attendance saved
flash-event-booked = You have a place. We have emailed you the details.
flash-event-waiting = The event is full. You are on the waiting list.
flash-event-cancelled = Cancelled
flash-event-offer-gone = Sorry, that offer has ended.

book-title = Book a place
book-you-are-booked = You have a place at this event.
book-calendar-link = Add this event to your calendar (.ics file)
book-you-are-waiting = The event is full. We will email you if a place becomes free.
book-offer = A place is free for you. Accept it by { $expires }, or it will be offered to the next person.
book-accept-button = Accept the place
book-cancel-button = Cancel my place
book-leave-waiting-button = Leave the waiting list
book-full = This event is full. You can join the waiting list.
book-needs-heading = Your access needs
book-saved-needs-intro = You told us you need:
book-still-right = Is this still right for this event?
book-no-saved-needs = You have not told us about any access needs.
book-change-needs = Change your access needs
book-field-event-needs = Anything else you need for this event
book-field-event-needs-hint = For example, a seat near the interpreter, or papers in large print
book-field-companion-hint = They will not need to book their own place.
book-field-travel = Help with travel
book-error-too-long = This answer must be { $max } characters or fewer
book-field-travel-hint = For example, a taxi, or someone to meet you at the station
book-button = Book a place
book-wait-button = Join the waiting list
book-update-button = Save changes

email-event-invite-subject = You are invited: { $event }
email-event-invite-body = Hello { $name },

    You are invited to { $event } on { $when }.

    { $payment }To book a place and tell us what you need, go to { $link }

    If you need this in another format, reply to this email.
email-event-invite-easy = Hello { $name },

    We want you to come to { $event }.

    It is on { $when }.

    { $payment_easy }Do you want to come? Book a place here: { $link }

    You can tell us what help you need on the same page.
email-event-booked-subject = Your place is booked: { $event }
email-event-booked-body = Hello { $name },

    You have a place at { $event } on { $when }.

    The calendar file is attached. You can also add the event to your calendar with this link: { $calendar }

    To change your access needs or cancel, go to { $link }
email-event-offer-subject = A place is free for you: { $event }
email-event-offer-body = Hello { $name },

    A place has become free at { $event } on { $when }.

    It is held for you until { $expires }. To take it, go to { $link }

    If you do not take it by then, it will be offered to the next person on the waiting list.
email-event-offer-easy = Hello { $name },

    There is a free place for you at { $event }.

    It is on { $when }.

    We keep the place for you until { $expires }.

    Do you want it? Take the place here: { $link }

    After that, we give the place to someone else.

audit-action-venue-created = Venue added
audit-action-venue-updated = Venue changed
audit-action-event-created = Event added
audit-action-event-invited = Panel members invited to an event
audit-action-event-booked = Place booked or waiting list joined
audit-action-event-booking-changed = Booking answers changed
audit-action-event-booking-cancelled = Booking cancelled
audit-action-event-offer-accepted = Offered place accepted
audit-action-event-booked-for-person = Place booked by staff for a person who asked them
audit-action-event-booking-changed-for-person = Booking answers changed by staff for a person who asked them
audit-action-event-booking-cancelled-for-person = Booking cancelled by staff for a person who asked them
audit-action-event-attendance-recorded = Attendance recorded
audit-action-event-feedback-asked = Asked people for feedback on an event
audit-action-event-feedback-answered = Feedback on an event given

## Your events: a person's invitations and bookings
your-events-title = Your events
your-events-intro = Events you have been invited to or have booked. Choose an event to book, change what you need, or cancel.
your-events-upcoming = Coming up
your-events-past = Past events
your-events-none-upcoming = You have no events coming up. When an organisation invites you, the event will show here.
your-events-none-past = No past events yet.
your-events-invited = Invited, not booked yet
your-events-attended = You attended

## Inviting a working group chosen fairly
event-invite-group = Working group
event-invite-group-hint = Choose a working group drawn fairly to invite just its members. The panel, topic and area below are then not used.
event-invite-no-group = No working group: invite from a panel

## Booking a place for someone (staff)

book-for-title = Book a place for someone
book-for-intro = Use this when someone asks you to book for them, for example by phone or letter. Find them on your organisation's register.
book-for-name = Their name
book-for-name-hint = You can type part of their name
book-for-search = Search
book-for-count = { $count ->
    [one] { $count } person found
   *[other] { $count } people found
}
book-for-nobody = Nobody on your register has a name like that. Check the spelling, or try part of the name.
book-for-more = Only the first 50 are shown. Type more of the name to find the right person.
book-for-change-link = change or cancel their place
book-for-person-title = Book a place for { $name }
book-for-waiting = The event is full. They are on the waiting list. They will be told if a place becomes free.
book-for-full = This event is full. They will go on the waiting list.
book-for-needs-heading = Their access needs
book-for-saved-needs-intro = Their record says they need:
book-for-still-right = Check this is still right for this event.
book-for-no-saved-needs = Their record does not have any access needs.
book-for-field-event-needs = Anything else they need for this event
book-for-field-travel-hint = For example, a taxi, or someone to meet them at the station
book-for-told = How did they tell you?
book-for-told-hint = This goes in the audit log.
book-for-cancel-heading = Cancel their place
book-for-cancel-button = Cancel their place
book-for-error-told = Select how they told you: by phone, on paper, in person, by email or through an advocate
event-told-advocate = Through an advocate
flash-event-booked-for = Place booked. They will be told in the way they asked for.
flash-event-waiting-for = The event is full. They are on the waiting list.
flash-event-cancelled-for = Their place is cancelled. They will be told in the way they asked for.
flash-event-nothing-to-cancel = They did not have a place to cancel.
flash-event-has-started = This event has started, so places cannot be booked or cancelled now
