## Dod o hyd i bobl yn y gofrestr, a'r lawrlwythiad CSV

search-title = Pobl
search-filter-heading = Hidlo
search-field-text = Enw, e-bost neu rif ffôn
search-field-text-hint = Rhan o enw, neu gyfeiriad e-bost neu rif ffôn cyfan
search-field-panel = Panel
search-field-status = Statws ar y panel
search-field-topic = Diddordeb mewn
search-field-region = Ble maen nhw'n byw
search-field-last-involved = Wedi cymryd rhan ddiwethaf
search-field-times-involved = Sawl gwaith y gwnaethon nhw gymryd rhan yn ystod y 12 mis diwethaf
search-field-times-involved-hint = Yn helpu i rannu cyfleoedd yn deg
search-field-monitoring = Ateb am bwy ydyn nhw
search-field-monitoring-hint = Dim ond pobl a atebodd fel hyn ar baneli eich sefydliad
search-any = Unrhyw un
search-last-involved-never = Erioed
search-last-involved-over-6-months = Mwy na 6 mis yn ôl
search-last-involved-within-6-months = Yn ystod y 6 mis diwethaf
search-times-involved-none = Dim o gwbl
search-times-involved-1-to-2 = Unwaith neu ddwywaith
search-times-involved-3-or-more = 3 gwaith neu fwy
search-apply = Defnyddio'r hidlyddion
search-clear = Clirio'r hidlyddion
search-count = { $count ->
    [zero] { $count } o bobl
    [one] { $count } person
    [two] { $count } berson
    [few] { $count } pherson
    [many] { $count } o bobl
   *[other] { $count } o bobl
}
search-none = Does neb yn cyfateb i'r hidlyddion hyn. Rhowch gynnig ar dynnu hidlydd.
search-export-link = Lawrlwytho'r bobl hyn fel taenlen (CSV)
search-table-caption = Pobl sy'n cyfateb i'r hidlyddion
search-col-name = Enw
search-col-panels = Paneli
search-col-region = Ble maen nhw'n byw
search-col-last-involved = Wedi cymryd rhan ddiwethaf
search-col-contact = Manylion cyswllt
search-shared-with-you = Wedi'u rhannu â'ch sefydliad
search-contact-not-shared = Heb eu rhannu â chi
search-page-label = Tudalen { $number }
search-register-link = Dod o hyd i bobl ar eich paneli

export-col-name = Enw
export-col-panels = Paneli
export-col-relation = Pam y gallwch eu gweld
export-col-region = Ble maen nhw'n byw
export-col-topics = Diddordeb mewn
export-col-last-involved = Wedi cymryd rhan ddiwethaf
export-col-email = E-bost
export-col-phone = Ffôn
export-col-contact-method = Sut maen nhw eisiau i ni gysylltu
export-col-address = Cyfeiriad post
export-col-language = Iaith
export-col-access-needs = Anghenion mynediad
export-relation-member = Ar eich panel
export-relation-shared = Wedi'u rhannu â'ch sefydliad
export-wants-conversation = Byddai'n well ganddyn nhw esbonio eu hanghenion mewn sgwrs

audit-action-register-exported = Pobl wedi'u lawrlwytho fel taenlen
audit-action-demo-people-generated = Pobl enghreifftiol wedi'u creu
