# Cau'r ddolen: cyfraniadau, cydnabod, themâu a "Dywedoch chi, gwnaethom ni".

contribution-channel-survey = Arolwg
contribution-channel-comment = Sylw ar dudalen yr ymgysylltiad
contribution-channel-at-event = Wedi'i ddweud mewn digwyddiad
contribution-channel-letter = Llythyr
contribution-channel-phone = Galwad ffôn
contribution-channel-email = E-bost
contribution-channel-bsl-video = Fideo BSL
contribution-channel-easy-read-paper = Ffurflen Hawdd ei Deall ar bapur
contribution-channel-advocate = Wedi'i basio ymlaen gan eiriolwr
contribution-received-phone = dros y ffôn
contribution-received-letter = drwy lythyr
contribution-received-in-person = wyneb yn wyneb
contribution-received-email = drwy e-bost
contribution-received-advocate = drwy eiriolwr
contribution-received-bsl-video = fel fideo BSL

contribution-clock-acknowledged = Wedi ateb
contribution-clock-waiting = Yn aros am ateb
contribution-clock-overdue = Yn hwyr
contribution-clock-very-overdue = Yn hwyr iawn
contribution-clock-withdrawn = Wedi'i dynnu'n ôl

contribution-anonymous = Dienw
contribution-not-on-register = Ddim ar y gofrestr
contribution-entered-for = Wedi'i roi i mewn gan staff: dywedwyd { $how }
contribution-said-at = Wedi'i ddweud yn { $event } ({ $when })

contributions-title = Cyfraniadau
contributions-intro = Popeth mae pobl wedi'i ddweud wrthym, drwy bob sianel. Mae pob person yn cael derbynneb ar unwaith. Gwnaethom addo ateb pob un o fewn { $days } diwrnod gwaith.
contributions-owed = Yn aros am ateb, yr hynaf yn gyntaf
contributions-none-owed = Does neb yn aros am ateb.
contributions-answered = Wedi'u hateb neu eu tynnu'n ôl, y mwyaf newydd yn gyntaf
contributions-filtered = Yn dangos cyfraniadau ar y thema "{ $theme }".
contributions-show-all = Dangos pob cyfraniad
contributions-organisation-title = Cyfraniadau sy'n aros am ateb
contributions-organisation-intro = Beth mae pobl yn aros i glywed yn ôl amdano, ar draws eich ymgysylltiadau. Daw'r rhai hwyr yn gyntaf, yr hynaf yn gyntaf.
contributions-overdue = Yn hwyr
contributions-none-overdue = Does dim atebion yn hwyr.
contributions-waiting = Ddim yn ddyledus eto
contributions-by-engagement = Fesul ymgysylltiad
contributions-no-engagements = Does gan eich sefydliad ddim ymgysylltiadau eto.

contribution-col-reference = Cyfeirnod
contribution-col-engagement = Ymgysylltiad
contribution-col-from = Gan
contribution-col-said = Beth ddywedon nhw
contribution-col-received = Wedi dod i law
contribution-col-status = Ateb
contribution-col-themes = Themâu

contribution-figure-received = Cyfraniadau a ddaeth i law
contribution-figure-people = gan { $count ->
    [zero] { $count } o bobl
    [one] 1 person
    [two] { $count } o bobl
    [few] { $count } o bobl
    [many] { $count } o bobl
   *[other] { $count } o bobl
}
contribution-figure-acknowledged = Wedi'u hateb gan y tîm
contribution-figure-waiting = Yn aros, ddim yn ddyledus eto
contribution-figure-overdue = Atebion hwyr
contribution-figure-overdue-definition = Heb eu hateb o fewn { $days } diwrnod gwaith (heb gyfrif gwyliau banc). Arhosodd { $very } ohonynt fwy na dwywaith mor hir.
contribution-figure-report = Adroddiad "Dywedoch chi, gwnaethom ni"
contribution-report-due = Wedi'i addo erbyn { $date }.
contribution-report-was-due = Cafodd ei addo erbyn { $date }.
contribution-report-published-on = Cyhoeddwyd ar { $date }.
contribution-report-missing = Adroddiad yn hwyr

contribution-new-title = Rhoi cyfraniad i mewn ar ran rhywun
contribution-new-intro = Ar gyfer rhywbeth a ddywedodd person wrthych drwy lythyr, ffôn, e-bost, fideo BSL, ffurflen Hawdd ei Deall ar bapur, drwy eiriolwr, neu mewn digwyddiad. Caiff ei farcio fel un a roesoch chi i mewn, gyda sut y daeth atoch. Mae'r person yn cael derbynneb drwy ei sianel ei hun.
contribution-search-label = Dod o hyd i'r person yn ôl ei enw
contribution-search-hint = Pobl ar eich paneli, neu sy'n rhannu eu manylion â'ch sefydliad.
contribution-search-button = Chwilio
contribution-search-nobody = Ni chafwyd neb â'r enw hwnnw.
contribution-person-legend = Pwy ddywedodd hyn?
contribution-person-none = Rhywun sydd ddim ar y gofrestr
contribution-person-missing = Dewiswch pwy ddywedodd hyn, neu "Rhywun sydd ddim ar y gofrestr"
contribution-channel-legend = Sut daeth atoch chi?
contribution-channel-hint = Dewiswch "Wedi'i ddweud mewn digwyddiad" ar gyfer pwyntiau a nodwyd gennych mewn cyfarfod.
contribution-channel-missing = Dewiswch sut daeth atoch chi
contribution-event-label = Mewn digwyddiad (dewisol)
contribution-event-hint = Dim ond os cafodd ei ddweud yn un o ddigwyddiadau'r ymgysylltiad hwn.
contribution-event-none = Ddim mewn digwyddiad
contribution-text-label = Beth ddywedon nhw
contribution-text-hint = Yn eu geiriau eu hunain lle gallwch. Ar gyfer llythyr neu fideo, ysgrifennwch beth mae'n ei ddweud.
contribution-text-missing = Ysgrifennwch beth ddywedon nhw
contribution-own-text-missing = Ysgrifennwch beth rydych chi eisiau ei ddweud wrthym
contribution-text-too-long = Rhaid i'r hyn a ddywedon nhw fod yn { $max } nod neu lai
contribution-file-label = Ffeil (dewisol)
contribution-file-hint = Llun o lythyr (JPEG neu PNG), PDF, neu fideo BSL (MP4 neu WebM). 25 MB ar y mwyaf.
contribution-file-empty = Mae'r ffeil yn wag. Dewiswch y ffeil eto
contribution-file-too-large = Rhaid i'r ffeil fod yn { $megabytes } MB neu'n llai
contribution-file-wrong-type = Rhaid i'r ffeil fod yn llun JPEG neu PNG, yn PDF, neu'n fideo MP4 neu WebM
contribution-email-label = Eu cyfeiriad e-bost (dewisol)
contribution-email-hint = Dim ond ar gyfer rhywun sydd ddim ar y gofrestr sydd eisiau derbynneb a'r adroddiad.
contribution-email-invalid = Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com
contribution-agreed-legend = Beth maen nhw wedi cytuno iddo
contribution-may-quote = Cawn ddyfynnu eu geiriau mewn adroddiadau, heb eu henw
contribution-anonymous-choice = Cadw eu henw rhag y tîm ac adroddiadau
contribution-save = Cadw ac anfon eu derbynneb
contribution-entered = Wedi'i gadw. Mae derbynneb y person ar ei ffordd.

contribution-title = Cyfraniad
contribution-how = Sut daeth atom
contribution-quote = Cawn ei ddyfynnu
contribution-quote-yes = Cewch, heb eu henw
contribution-quote-no = Na chewch
contribution-what-they-said = Beth ddywedon nhw
contribution-withdrawn-text = Mae'r person wedi tynnu'r cyfraniad hwn yn ôl. Mae eu geiriau wedi'u dileu.
contribution-files = Ffeiliau
contribution-themes-legend = Themâu
contribution-new-theme = Ychwanegu thema newydd (dewisol)
contribution-new-theme-hint = Er enghraifft, "Teithio i gyfarfodydd".
contribution-themes-save = Cadw themâu
contribution-themes-saved = Themâu wedi'u cadw.
contribution-answer-title = Ein hateb
contribution-answer-label = Ateb y person hwn
contribution-answer-hint = Maen nhw'n cael yr union eiriau hyn, drwy eu sianel eu hunain ac yn eu hiaith.
contribution-answer-missing = Ysgrifennwch eich ateb
contribution-answer-too-long = Rhaid i'r ateb fod yn { $max } nod neu lai
contribution-answer-send = Anfon ateb
contribution-acknowledged = Ateb wedi'i anfon.
contribution-already-acknowledged = Cafodd y cyfraniad hwn ei ateb eisoes.

contribution-promises-title = Beth rydym yn ei addo am ateb
contribution-promises-intro = Dywedwch o flaen llaw pa mor gyflym bydd y tîm yn ateb pob cyfraniad, a phryd caiff yr adroddiad "Dywedoch chi, gwnaethom ni" ei gyhoeddi. Dangosir y ddau ar y dudalen gyhoeddus.
contribution-promises-days = Diwrnodau gwaith i ateb pob cyfraniad
contribution-promises-days-hint = Nid yw penwythnosau a gwyliau banc yng Nghymru a Lloegr yn cyfrif. Fel arfer 10.
contribution-promises-days-invalid = Rhowch nifer cyfan o ddiwrnodau gwaith o 1 i { $max }
contribution-promises-report = Y dyddiad erbyn pryd caiff yr adroddiad ei gyhoeddi (dewisol)
contribution-promises-date-invalid = Rhowch ddyddiad go iawn, fel 27 3 2027
contribution-promises-report-default = Os byddwch yn gadael hwn yn wag, mae'r adroddiad yn ddyledus { $date }: 20 diwrnod gwaith ar ôl i'r ymgysylltiad ddod i ben.
contribution-promises-saved = Addewidion wedi'u cadw.

themes-title = Themâu
themes-intro = Tagiwch gyfraniadau â themâu i weld beth gododd llawer o bobl, drwy bob sianel. Mae uno thema i un arall yn ei chadw ar gofnod.
themes-none = Dim themâu eto. Ychwanegwch un isod neu ar gyfraniad.
themes-merged = Themâu wedi'u huno
theme-people = Pobl a'i cododd
theme-contributions = Cyfraniadau
theme-channels = Sianeli
theme-owed = Yn aros am ateb
theme-quotes = Dyfyniadau mae pobl wedi cytuno i'w rhannu
theme-acknowledge-label = Ateb pawb sy'n aros ar y thema hon
theme-acknowledge-hint = Mae pob person yn cael y geiriau hyn drwy ei sianel ei hun.
theme-acknowledge-send = Anfon at bawb ar y thema hon
theme-acknowledged = Ateb wedi'i anfon at bawb sy'n aros ar y thema.
theme-nothing-owed = Does neb ar y thema honno'n aros am ateb.
theme-change = Ailenwi neu uno
theme-rename-label = Enw newydd
theme-rename = Ailenwi
theme-renamed = Thema wedi'i hailenwi.
theme-merge-label = Uno i mewn i
theme-merge-choose = Dewiswch thema
theme-merge = Uno
theme-merge-missing = Dewiswch y thema i uno iddi
theme-merged = Themâu wedi'u huno.
theme-new-title = Ychwanegu thema
theme-name-label = Thema
theme-new-button = Ychwanegu thema
theme-created = Thema wedi'i hychwanegu.
theme-name-missing = Rhowch enw i'r thema
theme-name-too-long = Rhaid i enw'r thema fod yn { $max } nod neu lai

feedback-report-title = Adroddiad "Dywedoch chi, gwnaethom ni"
feedback-report-public-title = Dywedoch chi, gwnaethom ni (gyda'n gilydd)
feedback-report-heard = Beth glywsom ni
feedback-report-heard-intro = Wedi'i wneud o'r themâu: faint o bobl a gododd bob un, a dyfyniadau mae pobl wedi cytuno i'w rhannu.
feedback-report-heard-none = Dim themâu eto.
feedback-report-people-raised = Pobl a gododd hyn:
feedback-report-decided = Beth wnaethom ni ei benderfynu a pham
feedback-report-decided-hint = Dywedwch pa themâu a newidiodd y penderfyniad, a sut.
feedback-report-not-done = Beth na wnaethom ni, a pham
feedback-report-not-done-hint = Byddwch yn onest am yr hyn y gofynnodd pobl amdano na fydd yn digwydd.
feedback-report-next = Beth sy'n digwydd nesaf
feedback-report-next-hint = Pwy fydd yn gwneud beth.
feedback-report-next-by = Erbyn pryd
feedback-report-nothing = Dim byd yma.
feedback-report-save = Cadw drafft
feedback-report-saved = Drafft wedi'i gadw.
feedback-report-too-long = Rhaid i hwn fod yn { $max } nod neu lai
feedback-report-date-invalid = Rhowch ddyddiad go iawn, fel 27 3 2027
feedback-report-comments = Sylwadau ar y drafft
feedback-report-comments-intro = Gall pawb sydd wedi archebu lle yn nigwyddiadau'r ymgysylltiad hwn ddarllen y drafft a rhoi sylwadau cyn iddo gael ei gyhoeddi. Pobl sy'n gallu rhoi sylwadau:
feedback-report-no-comments = Dim sylwadau eto.
feedback-report-publish-title = Cyhoeddi'r adroddiad
feedback-report-publish-intro = Mae cyhoeddi'n dweud wrth bob person a gyfrannodd, yn bersonol, beth ddigwyddodd i'r themâu a godwyd ganddynt, drwy eu sianel eu hunain ac yn eu hiaith.
feedback-report-publish = Cyhoeddi a dweud wrth bawb
feedback-report-published = Adroddiad wedi'i gyhoeddi. Mae pawb a gyfrannodd yn cael gwybod.
feedback-report-already-published = Mae'r adroddiad wedi'i gyhoeddi eisoes.
feedback-report-not-written = Ysgrifennwch beth wnaethom ni ei benderfynu cyn cyhoeddi.
feedback-report-is-published = Mae'r adroddiad hwn wedi'i gyhoeddi.
feedback-report-read = Darllen "Dywedoch chi, gwnaethom ni"
feedback-report-not-yet = Nid yw'r adroddiad wedi'i gyhoeddi eto.
feedback-report-figures = Pa mor gyflym wnaethom ni ateb
feedback-draft-title = Adroddiad drafft: eich sylwadau
feedback-draft-intro = Nid yw'r adroddiad hwn wedi'i gyhoeddi eto. Cymeroch chi ran, felly gallwch ddweud wrth y tîm beth sydd ar goll neu'n anghywir cyn iddo fynd allan.
feedback-comment-label = Eich sylw
feedback-comment-hint = Mae'r tîm yn darllen pob sylw cyn cyhoeddi.
feedback-comment-missing = Ysgrifennwch eich sylw
feedback-comment-send = Anfon sylw
feedback-comment-sent = Diolch. Anfonwyd eich sylw at y tîm.

contribution-have-your-say = Dweud eich dweud
contribution-public-label = Beth ydych chi eisiau ei ddweud wrthym?
contribution-public-hint = Byddwch yn cael derbynneb gyda chyfeirnod, ac ateb gan y tîm.
contribution-public-email = Eich cyfeiriad e-bost (dewisol)
contribution-public-email-hint = Ar gyfer eich derbynneb ac i ddweud wrthych beth ddigwyddodd. Mewngofnodwch i weld eich cyfraniadau yn Eich data.
contribution-may-quote-own = Cewch ddyfynnu fy ngeiriau mewn adroddiadau, heb fy enw
contribution-anonymous-own = Peidiwch â dangos fy enw i'r tîm
contribution-send = Anfon
contribution-public-answering = Pa mor gyflym rydym yn ateb
contribution-staff-owed = yn aros am ateb
contribution-sent-title = Diolch, mae gennym ni hwn
contribution-reference = Eich cyfeirnod
contribution-sent-receipt = Cadwch y cyfeirnod hwn. Gallwch ei ddyfynnu os byddwch yn cysylltu â ni.
contribution-sent-days = Bydd y tîm yn ateb o fewn hyn o ddiwrnodau gwaith:
contribution-sent-back = Yn ôl i'r ymgysylltiad

your-contributions-title = Eich cyfraniadau
your-contributions-intro = Beth rydych chi wedi'i ddweud wrth ymgysylltiadau, sut daeth atom, a ble mae eich ateb. Gallwch dynnu unrhyw beth a ddywedoch yn ôl: caiff eich geiriau eu dileu wedyn.
your-contributions-none = Nid ydych wedi cyfrannu at ymgysylltiad eto.
your-contributions-said = Beth ddywedoch chi
your-contributions-withdraw = Tynnu hwn yn ôl
contribution-withdrawn = Wedi'i dynnu'n ôl. Mae eich geiriau wedi'u dileu.
contribution-already-withdrawn = Roedd hwnnw wedi'i dynnu'n ôl eisoes.

contribution-receipt-subject = Mae eich cyfraniad gennym: { $reference }
contribution-receipt-body =
    Diolch am ddweud wrthym beth rydych chi'n ei feddwl am { $engagement }.

    Eich cyfeirnod yw { $reference }. Dyfynnwch ef os byddwch yn cysylltu â ni.

    Bydd y tîm yn eich ateb erbyn { $due }.

    Gallwch weld beth ddywedoch chi wrthym, a'i dynnu'n ôl, yma: { $link }
contribution-receipt-easy =
    Diolch am ddweud wrthym beth rydych chi'n ei feddwl.

    Mae am { $engagement }.

    Eich rhif yw { $reference }.

    Byddwn yn ysgrifennu atoch erbyn { $due }.

    Gwelwch beth ddywedoch chi yma: { $link }
contribution-answer-subject = Ateb am { $engagement } ({ $reference })
contribution-answer-body =
    Mae'r tîm sy'n gweithio ar { $engagement } wedi darllen beth ddywedoch chi wrthym ({ $reference }).

    Eu hateb:

    { $answer }

    Gwelwch eich cyfraniadau yma: { $link }
contribution-answer-easy =
    Rydym wedi darllen beth ddywedoch chi wrthym.

    Roedd am { $engagement }.

    Dyma ein hateb:

    { $answer }

    Gwelwch beth ddywedoch chi yma: { $link }
feedback-report-notice-subject = Dywedoch chi, gwnaethom ni: { $engagement }
feedback-report-notice-body =
    Mae'r adroddiad ar { $engagement } wedi'i gyhoeddi.

    Dywedoch chi wrthym am:
    { $themes }

    Beth wnaethom ni ei benderfynu:

    { $decided }

    Darllenwch yr adroddiad cyfan, gyda'r hyn na wnaethom a beth sy'n digwydd nesaf: { $link }
feedback-report-notice-easy =
    Dywedoch chi wrthym beth rydych chi'n ei feddwl am { $engagement }.

    Buoch chi'n siarad am:
    { $themes }

    Dyma beth wnaethom ni ei benderfynu:

    { $decided }

    Darllenwch yr adroddiad yma: { $link }
feedback-report-notice-no-themes = (nid yw'r hyn a ddywedoch wedi cael thema eto)
notice-kind-contribution-received = Derbynebau am yr hyn a ddywedoch chi wrthym
notice-kind-contribution-acknowledged = Atebion i'r hyn a ddywedoch chi wrthym
notice-kind-feedback-report-published = Adroddiadau "Dywedoch chi, gwnaethom ni"

audit-action-contribution-received = Cyfraniad wedi dod i law
audit-action-contribution-file-added = Ffeil wedi'i hychwanegu at gyfraniad
audit-action-contribution-file-downloaded = Ffeil cyfraniad wedi'i lawrlwytho
audit-action-contribution-withdrawn = Cyfraniad wedi'i dynnu'n ôl
audit-action-contribution-acknowledged = Cyfraniad wedi'i ateb
audit-action-contribution-themed = Themâu cyfraniad wedi newid
audit-action-theme-created = Thema wedi'i hychwanegu
audit-action-theme-renamed = Thema wedi'i hailenwi
audit-action-theme-merged = Thema wedi'i huno
audit-action-engagement-contribution-promises-set = Addewidion am ateb wedi newid
audit-action-feedback-report-saved = Drafft adroddiad adborth wedi'i gadw
audit-action-feedback-report-commented = Sylw ar adroddiad adborth drafft
audit-action-feedback-report-published = Adroddiad adborth wedi'i gyhoeddi
