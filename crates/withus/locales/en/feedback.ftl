# After an event: "Were your access needs met?"

feedback-answer-yes = Yes
feedback-answer-partly = Partly
feedback-answer-no = No
feedback-question = Were your access needs met?
feedback-question-staff = Were { $name }'s access needs met?
feedback-question-hint = Think about everything you needed to take part, from getting there to the papers and the breaks.
feedback-not-met-heading = If your needs were only partly met, or not met
feedback-not-met-intro = You do not need to answer these if your needs were met.
feedback-which-needs = Which of your needs were not met?
feedback-which-needs-hint = Select all that apply.
feedback-what-went-wrong = What went wrong?
feedback-what-went-wrong-hint = Tell us in your own words. Only staff who arrange access needs will read this.
feedback-contact = Can we contact you about this?
feedback-contact-hint = This is optional.
feedback-contact-yes = Yes, you can contact me
feedback-contact-no = No, do not contact me
feedback-contact-not-said = Not said
feedback-via = How was this answer given?
feedback-send = Send answer
feedback-error-answer = Select yes, partly or no
feedback-error-via = Select how the answer was given
feedback-error-too-long = What went wrong must be 2,000 characters or fewer
feedback-flash-thanks = Thank you for telling us. You can change your answer on this page at any time.
feedback-flash-recorded = The answer has been saved.
feedback-flash-asked = Attendees have been asked whether their access needs were met.
feedback-flash-nobody-to-ask = There is nobody to ask yet. Attendees are asked once the event is over and their attendance is marked.
feedback-link = Tell us if your access needs were met
feedback-summary-heading = Were access needs met?
feedback-summary-not-ended = Attendees will be asked once the event is over and attendance is marked.
feedback-summary-nobody-asked = Nobody has been asked yet. Mark who attended to ask them.
feedback-summary-asked = Asked
feedback-summary-answered = Answered
feedback-ask-now-intro = Some attendees have not been asked yet.
feedback-ask-now = Ask attendees now
feedback-not-met-list-heading = Needs that were not fully met
feedback-column-person = Person
feedback-column-answer = Answer
feedback-column-needs = Needs not met
feedback-column-words = What went wrong
feedback-column-contact = Can we contact them
feedback-column-via = How the answer was given
feedback-not-met-hidden = { $count ->
    [one] 1 answer said needs were not fully met. Only staff who may see access needs can see the details.
   *[other] { $count } answers said needs were not fully met. Only staff who may see access needs can see the details.
}
feedback-to-ask-heading = Ask by phone or in person
feedback-to-ask-intro = These attendees have no email address. Ask them whether their access needs were met, then record their answer.
feedback-record = Record answer
feedback-needs-met-label = Needs met:
feedback-needs-met = { $percent }% of answers said yes ({ $yes } of { $answered })
feedback-needs-met-none = no answers yet
email-feedback-subject = Were your access needs met? { $event }
email-feedback-body = Hello { $name },

    Thank you for coming to { $event } on { $when }.

    Were your access needs met? Please tell us: { $link }

    It takes a minute. Your answer helps us get things right next time.
