# Ar ôl digwyddiad: "A gafodd eich anghenion mynediad eu diwallu?"

feedback-answer-yes = Do
feedback-answer-partly = Yn rhannol
feedback-answer-no = Naddo
feedback-question = A gafodd eich anghenion mynediad eu diwallu?
feedback-question-staff = A gafodd anghenion mynediad { $name } eu diwallu?
feedback-question-hint = Meddyliwch am bopeth yr oedd ei angen arnoch i gymryd rhan, o gyrraedd yno i'r papurau a'r egwyliau.
feedback-not-met-heading = Os cafodd eich anghenion eu diwallu'n rhannol yn unig, neu heb eu diwallu
feedback-not-met-intro = Does dim angen i chi ateb y rhain os cafodd eich anghenion eu diwallu.
feedback-which-needs = Pa rai o'ch anghenion na chafodd eu diwallu?
feedback-which-needs-hint = Dewiswch bob un sy'n berthnasol.
feedback-what-went-wrong = Beth aeth o'i le?
feedback-what-went-wrong-hint = Dywedwch wrthym yn eich geiriau eich hun. Dim ond staff sy'n trefnu anghenion mynediad fydd yn darllen hwn.
feedback-contact = Gawn ni gysylltu â chi am hyn?
feedback-contact-hint = Mae hyn yn ddewisol.
feedback-contact-yes = Cewch, gallwch gysylltu â mi
feedback-contact-no = Na chewch, peidiwch â chysylltu â mi
feedback-contact-not-said = Heb ddweud
feedback-via = Sut cafodd yr ateb hwn ei roi?
feedback-send = Anfon ateb
feedback-error-answer = Dewiswch do, yn rhannol neu naddo
feedback-error-via = Dewiswch sut cafodd yr ateb ei roi
feedback-error-too-long = Rhaid i beth aeth o'i le fod yn 2,000 nod neu lai
feedback-flash-thanks = Diolch am ddweud wrthym. Gallwch newid eich ateb ar y dudalen hon unrhyw bryd.
feedback-flash-recorded = Mae'r ateb wedi'i gadw.
feedback-flash-asked = Mae'r rhai a ddaeth wedi cael eu holi a gafodd eu hanghenion mynediad eu diwallu.
feedback-flash-nobody-to-ask = Does neb i'w holi eto. Caiff y rhai a ddaeth eu holi ar ôl i'r digwyddiad orffen a'u presenoldeb gael ei nodi.
feedback-link = Dywedwch wrthym a gafodd eich anghenion mynediad eu diwallu
feedback-summary-heading = A gafodd anghenion mynediad eu diwallu?
feedback-summary-not-ended = Caiff y rhai a ddaeth eu holi ar ôl i'r digwyddiad orffen a'r presenoldeb gael ei nodi.
feedback-summary-nobody-asked = Does neb wedi cael ei holi eto. Nodwch pwy ddaeth i'w holi.
feedback-summary-asked = Wedi'u holi
feedback-summary-answered = Wedi ateb
feedback-ask-now-intro = Mae rhai a ddaeth heb gael eu holi eto.
feedback-ask-now = Holi'r rhai a ddaeth nawr
feedback-not-met-list-heading = Anghenion na chafodd eu diwallu'n llawn
feedback-column-person = Person
feedback-column-answer = Ateb
feedback-column-needs = Anghenion heb eu diwallu
feedback-column-words = Beth aeth o'i le
feedback-column-contact = Gawn ni gysylltu â nhw
feedback-column-via = Sut cafodd yr ateb ei roi
feedback-not-met-hidden = { $count ->
    [zero] Dywedodd { $count } ateb na chafodd anghenion eu diwallu'n llawn. Dim ond staff sy'n cael gweld anghenion mynediad all weld y manylion.
    [one] Dywedodd 1 ateb na chafodd anghenion eu diwallu'n llawn. Dim ond staff sy'n cael gweld anghenion mynediad all weld y manylion.
    [two] Dywedodd { $count } ateb na chafodd anghenion eu diwallu'n llawn. Dim ond staff sy'n cael gweld anghenion mynediad all weld y manylion.
    [few] Dywedodd { $count } ateb na chafodd anghenion eu diwallu'n llawn. Dim ond staff sy'n cael gweld anghenion mynediad all weld y manylion.
    [many] Dywedodd { $count } ateb na chafodd anghenion eu diwallu'n llawn. Dim ond staff sy'n cael gweld anghenion mynediad all weld y manylion.
   *[other] Dywedodd { $count } ateb na chafodd anghenion eu diwallu'n llawn. Dim ond staff sy'n cael gweld anghenion mynediad all weld y manylion.
}
feedback-to-ask-heading = Holi dros y ffôn neu wyneb yn wyneb
feedback-to-ask-intro = Does gan y rhai hyn ddim cyfeiriad e-bost. Gofynnwch iddyn nhw a gafodd eu hanghenion mynediad eu diwallu, yna cofnodwch eu hateb.
feedback-record = Cofnodi ateb
feedback-needs-met-label = Anghenion wedi'u diwallu:
feedback-needs-met = Dywedodd { $percent }% o'r atebion do ({ $yes } o { $answered })
feedback-needs-met-none = dim atebion eto
email-feedback-subject = A gafodd eich anghenion mynediad eu diwallu? { $event }
email-feedback-body = Helo { $name },

    Diolch am ddod i { $event } ar { $when }.

    A gafodd eich anghenion mynediad eu diwallu? Dywedwch wrthym: { $link }

    Mae'n cymryd munud. Mae eich ateb yn ein helpu i wneud pethau'n iawn y tro nesaf.
