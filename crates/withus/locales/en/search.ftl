## Finding people in the register, and the CSV download

search-title = People
search-filter-heading = Filter
search-field-text = Name, email or phone number
search-field-text-hint = Part of a name, or a whole email address or phone number
search-field-panel = Panel
search-field-status = Status on the panel
search-field-topic = Interested in
search-field-region = Where they live
search-field-last-involved = Last took part
search-field-times-involved = Times they took part in the past 12 months
search-field-times-involved-hint = Helps share opportunities fairly
search-field-monitoring = Answer about who they are
search-field-monitoring-hint = Only people who answered this way on your organisation's panels
search-any = Any
search-last-involved-never = Never
search-last-involved-over-6-months = More than 6 months ago
search-last-involved-within-6-months = In the last 6 months
search-times-involved-none = Not at all
search-times-involved-1-to-2 = Once or twice
search-times-involved-3-or-more = 3 times or more
search-apply = Apply filters
search-clear = Clear filters
search-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
search-none = No people match these filters. Try removing a filter.
search-export-link = Download these people as a spreadsheet (CSV)
search-table-caption = People matching the filters
search-col-name = Name
search-col-panels = Panels
search-col-region = Where they live
search-col-last-involved = Last took part
search-col-contact = Contact details
search-shared-with-you = Shared with your organisation
search-contact-not-shared = Not shared with you
search-page-label = Page { $number }
search-register-link = Find people on your panels

export-col-name = Name
export-col-panels = Panels
export-col-relation = Why you can see them
export-col-region = Where they live
export-col-topics = Interested in
export-col-last-involved = Last took part
export-col-email = Email
export-col-phone = Phone
export-col-contact-method = How they want to be contacted
export-col-address = Postal address
export-col-language = Language
export-col-access-needs = Access needs
export-relation-member = On your panel
export-relation-shared = Shared with your organisation
export-wants-conversation = Would rather explain their needs in a conversation

audit-action-register-exported = People downloaded as a spreadsheet
audit-action-demo-people-generated = Demo people generated
