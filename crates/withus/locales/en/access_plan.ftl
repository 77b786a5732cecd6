## Access plan: every adjustment arranged before the event

## What each item is
access-plan-kind-bsl-interpreter = British Sign Language (BSL) interpreters
access-plan-kind-sign-supported-english = Sign Supported English interpreters
access-plan-kind-lipspeaker = Lipspeakers
access-plan-kind-speech-to-text = Speech-to-text reporters (palantypists)
access-plan-kind-deafblind-interpreter = Deafblind interpreters
access-plan-kind-spoken-language-interpreter = Spoken language interpreters
access-plan-kind-hearing-loop = Hearing loop
access-plan-kind-live-captions = Live captions
access-plan-kind-easy-read = Easy Read papers
access-plan-kind-large-print = Large print papers
access-plan-kind-braille = Braille papers
access-plan-kind-audio-papers = Audio papers
access-plan-kind-papers-in-advance = Papers sent in advance
access-plan-kind-screen-reader = Papers that work with a screen reader
access-plan-kind-extra-time = Extra time to speak or read
access-plan-kind-step-free = Step-free route to the room
access-plan-kind-accessible-toilet = Accessible toilet
access-plan-kind-accessible-parking = Accessible parking
access-plan-kind-wheelchair-space = Space for wheelchairs
access-plan-kind-quiet-room = Quiet room
access-plan-kind-adjustable-lighting = Lighting that can be changed
access-plan-kind-no-strong-scents = No strong scents
access-plan-kind-camera-optional = Cameras optional online
access-plan-kind-phone-dial-in = Joining by phone
access-plan-kind-advocate = Advocates
access-plan-kind-rest-breaks = Regular rest breaks
access-plan-kind-time-of-day = Time of day that suits people
access-plan-kind-shorter-sessions = Shorter sessions
access-plan-kind-conversation = A conversation about their needs
access-plan-kind-dietary = Food, drink and other needs for this event
access-plan-kind-pa-places = Places for personal assistants (PAs) and companions
access-plan-kind-travel = Travel and taxis
access-plan-kind-other = Other need

## How people take part
access-plan-mode-in-person = In person
access-plan-mode-online = Online
access-plan-mode-hybrid = In person and online

## Paper formats
access-plan-format-standard = Standard
access-plan-format-easy-read = Easy Read
access-plan-format-large-print = Large print
access-plan-format-audio = Audio
access-plan-format-bsl-video = British Sign Language (BSL) video
access-plan-format-welsh = Welsh

## Where each item stands
access-plan-status-not-started = Not started
access-plan-status-in-progress = In progress
access-plan-status-arranged = Arranged
access-plan-status-met-by-venue = Provided by the venue or platform: check it works
access-plan-status-cannot-arrange = Cannot arrange

## Who needs it
access-plan-who-not-named = { $count ->
    [one] 1 person (not named)
   *[other] { $count } people (not named)
}

## Why the event is not ready yet
access-plan-blocker-unresolved = { $item }: not arranged yet.
access-plan-blocker-not-told = { $item }: cannot be arranged, and the people who need it have not been told yet.
access-plan-blocker-no-alternative = { $item }: cannot be arranged. Say what will be done instead.

## Papers
access-plan-flag-missing-format = { $title } is not available in { $format }, which { $count ->
    [one] 1 person needs
   *[other] { $count } people need
}.
access-plan-flag-not-published = { $title } is not published yet. It is due by { $due }.
access-plan-flag-published-late = { $title } was published on { $published }, after the deadline of { $due }.
