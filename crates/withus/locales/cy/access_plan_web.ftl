# Cynllun hygyrchedd y trefnydd ar gyfer digwyddiad.

plan-title = Cynllun hygyrchedd
plan-link = Cynllun hygyrchedd
plan-empty = Nid oes angen trefnu dim i neb sydd wedi archebu hyd yma.
plan-column-item = Eitem
plan-column-count = Nifer
plan-column-who = Pwy
plan-column-deadline = Trefnu erbyn
plan-column-status = Statws
plan-column-booked-on = Archebwyd ar
plan-column-cost = Cost
plan-overdue = Yn hwyr
plan-ready = Yn barod
plan-ready-button = Nodi bod y digwyddiad yn barod
plan-not-ready-heading = Pam nad yw'r digwyddiad yn barod eto
plan-to-tell-heading = Dweud dros y ffôn neu drwy'r post: ni ellir trefnu { $item }
plan-told-button = Rwyf wedi dweud wrthyn nhw
plan-field-status = Statws
plan-field-reason = Pam na ellir ei drefnu
plan-hint-reason = Dim ond os na ellir ei drefnu. Bydd y bobl yr effeithir arnynt yn cael gwybod hyn.
plan-field-alternative = Beth fydd yn cael ei wneud yn lle hynny
plan-hint-alternative = Dim ond os na ellir ei drefnu. Bydd y bobl yr effeithir arnynt yn cael gwybod hyn.
plan-field-booked-on = Dyddiad archebu (dewisol)
plan-hint-booked-on = Er enghraifft, 27 3 2027
plan-field-cost = Cost mewn punnoedd (dewisol)
plan-hint-cost = Er enghraifft, 350.00
plan-error-status = Dewiswch statws
plan-error-reason = Rhowch y rheswm pam na ellir ei drefnu
plan-error-alternative = Rhowch beth fydd yn cael ei wneud yn lle hynny
plan-error-too-long = Rhaid i'r rheswm a'r dewis arall fod yn 2,000 o nodau neu lai
plan-error-booked-on = Rhaid i'r dyddiad archebu fod yn ddyddiad go iawn, fel 27 3 2027
plan-error-cost = Rhaid i'r gost fod yn swm mewn punnoedd, fel 350.00
plan-flash-item-saved = Eitem y cynllun hygyrchedd wedi'i diweddaru
plan-flash-told = Wedi cofnodi bod y bobl yr effeithir arnynt wedi cael gwybod
plan-flash-nothing-to-tell = Nid oes neb i ddweud wrthynt am yr eitem hon
plan-flash-no-such-item = Nid yw'r eitem honno yn y cynllun hygyrchedd mwyach
plan-flash-ready = Digwyddiad wedi'i nodi'n barod
email-plan-cannot-arrange-subject = Rhywbeth na allwn ei drefnu ar gyfer { $event }
email-plan-cannot-arrange-body = Helo { $name },

    Mae'n ddrwg gennym: ni allwn drefnu { $item } ar gyfer { $event } ar { $when }.

    Pam: { $reason }

    Beth fyddwn ni'n ei wneud yn lle hynny: { $alternative }

    Os nad yw hyn yn gweithio i chi, atebwch yr e-bost hwn a dywedwch wrthym.
email-plan-cannot-arrange-easy = Helo { $name },

    Mae'n ddrwg gennym.

    Roeddech wedi gofyn am { $item } yn { $event } ar { $when }.

    Ni allwn ei gael i chi.

    Dyma pam: { $reason }

    Dyma beth fyddwn ni'n ei wneud yn lle hynny: { $alternative }

    Ydy hyn ddim yn iawn i chi? Atebwch yr e-bost hwn a dywedwch wrthym.

audit-action-event-plan-item-updated = Eitem y cynllun hygyrchedd wedi'i diweddaru
audit-action-event-plan-people-told = Pobl wedi cael gwybod na ellir diwallu angen hygyrchedd
audit-action-event-marked-ready = Digwyddiad wedi'i nodi'n barod
