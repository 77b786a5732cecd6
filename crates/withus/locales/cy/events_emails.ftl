## Newid a chanslo digwyddiadau; e-byst cadarnhau, atgoffa a newid

event-edit-title = Newid y digwyddiad hwn
event-cancel-title = Canslo'r digwyddiad hwn
event-cancel-intro = { $count ->
    [one] Mae 1 person wedi archebu, wedi cael cynnig lle neu'n aros. Byddwn yn anfon e-bost atynt i ddweud bod y digwyddiad wedi'i ganslo, gyda'ch rheswm.
   *[other] Mae { $count } o bobl wedi archebu, wedi cael cynnig lle neu'n aros. Byddwn yn anfon e-bost atynt i ddweud bod y digwyddiad wedi'i ganslo, gyda'ch rheswm.
}
event-cancel-warning = Ni allwch ddadwneud hyn. Ni fydd neb yn gallu archebu'r digwyddiad hwn.
event-field-cancel-reason = Pam mae'r digwyddiad wedi'i ganslo?
event-field-cancel-reason-hint = Rydym yn anfon hwn at bawb a archebodd. Defnyddiwch eiriau clir, er enghraifft "Mae llifogydd yn y lleoliad. Byddwn yn pennu dyddiad newydd cyn bo hir."
event-cancel-button = Canslo'r digwyddiad
event-cancel-keep = Cadw'r digwyddiad
event-error-capacity-below-booked = Mae { $booked } o bobl wedi archebu'n barod. Rhowch { $booked } o leoedd neu fwy
event-error-cancel-reason = Rhowch pam mae'r digwyddiad wedi'i ganslo, fel y gallwn ddweud wrth y bobl a archebodd
flash-event-updated = Digwyddiad wedi'i newid. Os newidiodd yr amser neu'r lle, rydym wedi anfon e-bost at bawb sydd wedi archebu neu'n aros.
flash-event-is-cancelled = Mae'r digwyddiad hwn wedi'i ganslo
flash-event-cancelled-by-organiser = Digwyddiad wedi'i ganslo. Rydym wedi anfon e-bost at bawb a archebodd neu a oedd yn aros.
event-is-cancelled = Mae'r digwyddiad hwn wedi'i ganslo.
event-cancel-reason-shown = Y rheswm:
event-cancelled-tag = Wedi'i ganslo
event-phone-remind-heading = Pobl i'w hatgoffa dros y ffôn
event-phone-remind-intro = Mae gan y bobl hyn le ond dim cyfeiriad e-bost, felly ni fyddant yn cael e-bost i'w hatgoffa. Ffoniwch nhw ar { $date } neu wedi hynny.
event-phone-cancelled-heading = Pobl i ddweud wrthynt dros y ffôn
event-phone-cancelled-intro = Roedd gan y bobl hyn le neu roeddent yn aros, ond nid oes ganddynt gyfeiriad e-bost. Ffoniwch nhw i ddweud bod y digwyddiad wedi'i ganslo.

email-event-booked-easy = Helo { $name },

    Mae gennych le yn { $event }.

    Mae ar { $when }.

    Mae yn { $place }.

    Mae ffeil calendr gyda'r e-bost hwn. Agorwch hi i roi'r digwyddiad yn eich calendr.

    Gallwch hefyd gael y ffeil calendr yma: { $calendar }

    Methu dod? Dywedwch wrthym yma: { $link }
email-event-reminder-subject = Nodyn atgoffa: { $event } ar { $when }
email-event-reminder-body = Helo { $name },

    Dyma nodyn i'ch atgoffa bod gennych le yn { $event } ar { $when }.

    Ble: { $place }

    Mae'r ffeil calendr wedi'i hatodi. Gallwch hefyd ei chael yma: { $calendar }

    Os na allwch ddod mwyach, canslwch eich lle fel y gall rhywun arall ei gael: { $link }
email-event-reminder-easy = Helo { $name },

    Dyma nodyn atgoffa.

    Mae gennych le yn { $event }.

    Mae ar { $when }.

    Mae yn { $place }.

    Mae ffeil calendr gyda'r e-bost hwn.

    Methu dod? Dywedwch wrthym yma: { $link }
email-event-place-cancelled-subject = Rydych wedi canslo eich lle: { $event }
email-event-place-cancelled-body = Helo { $name },

    Rydych wedi canslo eich lle yn { $event } ar { $when }.

    Os oedd hyn yn gamgymeriad, gallwch archebu eto yn { $link }
email-event-place-cancelled-easy = Helo { $name },

    Dywedoch na allwch ddod i { $event }.

    Mae eich lle wedi'i ganslo.

    Oedd hyn yn gamgymeriad? Archebwch eto yma: { $link }
email-event-changed-subject = Mae { $event } wedi newid
email-event-changed-body = Helo { $name },

    Mae'r trefnydd wedi newid { $event }.

    { $changes }

    Mae eich lle yn dal i gael ei gadw i chi. Os na allwch ddod mwyach, canslwch eich lle yn { $link }
email-event-changed-easy = Helo { $name },

    Mae { $event } wedi newid.

    { $changes }

    Mae gennych eich lle o hyd.

    Methu dod nawr? Dywedwch wrthym yma: { $link }
email-event-changed-time = Yr amser newydd yw { $when }.
email-event-changed-place = Y lle newydd yw { $place }.
email-event-cancelled-subject = Wedi'i ganslo: { $event }
email-event-cancelled-body = Helo { $name },

    Mae'n ddrwg gennym. Mae { $event } ar { $when } wedi'i ganslo.

    Dywedodd y trefnydd: { $reason }

    Nid oes angen i chi wneud dim.
email-event-cancelled-easy = Helo { $name },

    Mae'n ddrwg gennym.

    Ni fydd { $event } yn digwydd.

    Dyma pam: { $reason }

    Nid oes angen i chi wneud dim.

audit-action-event-updated = Digwyddiad wedi'i newid
audit-action-event-cancelled = Digwyddiad wedi'i ganslo
audit-action-event-reminder-sent = E-bost atgoffa am ddigwyddiad wedi'i anfon
