## Ymgysylltiadau: yn onest am bŵer

engagements-title = Ymgysylltiadau
organisation-engagements-link = Ymgysylltiadau rydych yn eu harwain neu'n bartner ynddynt
engagements-intro = Mae pob ymgysylltiad yn dweud faint o lais sydd gan bobl, beth sydd wedi'i benderfynu eisoes, beth all newid o hyd, a beth rydych yn ei addo ymlaen llaw.
engagements-labels-in-use = Yr ysgol a ddefnyddir ar gyfer y camau:
engagements-none = Nid oes ymgysylltiadau eto.
engagements-col-title = Ymgysylltiad
engagements-col-lead = Yn cael ei arwain gan
engagements-col-status = Statws
engagements-you-are-partner = rydych yn bartner
engagements-overdue-count = { $count ->
    [zero] Dim ymrwymiadau'n hwyr
    [one] 1 ymrwymiad yn hwyr
    [two] 2 ymrwymiad yn hwyr
    [few] { $count } ymrwymiad yn hwyr
    [many] { $count } ymrwymiad yn hwyr
   *[other] { $count } ymrwymiad yn hwyr
}
engagement-published = Wedi'i gyhoeddi
engagement-draft = Drafft
engagement-draft-hint = Dim ond staff y sefydliadau sy'n ei redeg sy'n gallu gweld drafft. Cyhoeddwch ef pan fydd yn barod i'r cyhoedd.
engagement-publish = Cyhoeddi
engagement-unpublish = Dad-gyhoeddi
engagement-public-link = Gweld y dudalen gyhoeddus
engagement-relation-lead = Eich sefydliad chi sy'n arwain yr ymgysylltiad hwn.
engagement-relation-equal = Mae eich sefydliad yn bartner â hawliau cyfartal: gallwch ei newid fel y mae'r sefydliad arweiniol yn ei wneud.
engagement-relation-partner = Mae eich sefydliad yn bartner: gallwch ei weld, a gall y sefydliad arweiniol ei newid.
engagement-partner-equal = { $name } (partner cyfartal)
engagement-overdue-warning = Mae rhai ymrwymiadau wedi pasio'u dyddiad dyledus a heb eu marcio eto fel rhai a gadwyd, a gadwyd yn rhannol neu a dorrwyd.
engagement-overdue-link = Ewch i'r ymrwymiadau
engagement-not-given = Heb ei roi
engagement-timeline = { $start } i { $end }

## Y ffurflen

engagement-new-title = Ychwanegu ymgysylltiad
engagement-new-button = Ychwanegu ymgysylltiad
engagement-edit-title = Newid yr ymgysylltiad
engagement-form-intro = Mae pobl yn darllen hwn cyn penderfynu a ydynt am gymryd rhan. Byddwch yn onest am faint o lais fydd ganddynt. Mae'r Gymraeg yn ddewisol: lle mae ar goll, mae darllenwyr Cymraeg yn gweld y Saesneg.
engagement-welsh-hint = Dewisol. Os byddwch yn gadael hwn yn wag, bydd darllenwyr Cymraeg yn gweld y Saesneg.
engagement-date-hint = Er enghraifft, 27 3 2027
engagement-section-about = Am yr ymgysylltiad
engagement-section-power = Faint o lais sydd gan bobl
engagement-section-group = Ble mae'r grŵp arni
engagement-section-where-when = Ble a phryd
engagement-section-taking-part = Sut i gymryd rhan
engagement-section-partners = Sefydliadau partner
engagement-field-title-en = Teitl yn Saesneg
engagement-field-title-cy = Teitl yn Gymraeg
engagement-field-title-hint = Enw byr y bydd pobl yn ei adnabod, er enghraifft "Ailgynllunio seibiannau byr"
engagement-field-summary-en = Crynodeb yn Saesneg
engagement-field-summary-cy = Crynodeb yn Gymraeg
engagement-field-summary-hint = Un neu ddwy frawddeg mewn iaith glir: beth yw hyn a pham mae'n bwysig.
engagement-field-topic = Pwnc
engagement-choose-topic = Dewiswch bwnc
engagement-field-rung = Y gris ar yr ysgol
engagement-field-rung-hint = Dewiswch y gris sy'n wir, nid yr un rydych yn gobeithio amdano. Mae pobl yn gweld beth y gallant ei ddisgwyl ar y gris hwn.
engagement-field-decided = Beth sydd wedi'i benderfynu eisoes
engagement-field-decided-en = Beth sydd wedi'i benderfynu eisoes, yn Saesneg
engagement-field-decided-cy = Beth sydd wedi'i benderfynu eisoes, yn Gymraeg
engagement-field-decided-hint = Pethau na all pobl eu newid, er enghraifft "Bydd y gwasanaeth yn dechrau ym mis Ebrill 2028".
engagement-field-can-change = Beth all newid o hyd
engagement-field-can-change-en = Beth all newid o hyd, yn Saesneg
engagement-field-can-change-cy = Beth all newid o hyd, yn Gymraeg
engagement-field-can-change-hint = Beth y gall barn a phenderfyniadau pobl effeithio arno go iawn.
engagement-field-limits = Terfynau ein pŵer
engagement-field-limits-en = Terfynau ein pŵer, yn Saesneg
engagement-field-limits-cy = Terfynau ein pŵer, yn Gymraeg
engagement-field-limits-hint = Beth sy'n cyfyngu ar y sefydliadau eu hunain, er enghraifft "Mae'r gyllideb wedi'i phennu'n £2m gan reolau cenedlaethol".
engagement-field-phase = Cyfnod
engagement-field-stage = Cam y grŵp
engagement-field-stage-hint = Y grŵp sy'n penderfynu hyn ei hun. Cofnodwch beth mae'r grŵp yn ei ddweud.
engagement-field-area-en = Ardal yn Saesneg
engagement-field-area-cy = Ardal yn Gymraeg
engagement-field-area-hint = Tref, cymdogaeth neu ardal gwasanaeth, er enghraifft "Canol tref Northtown"
engagement-field-region = Rhanbarth
engagement-field-starts = Dyddiad dechrau
engagement-field-ends = Dyddiad gorffen
engagement-field-timeline = Pryd
engagement-field-openness = Pwy all gymryd rhan
engagement-field-take-part-en = Sut i gymryd rhan, yn Saesneg
engagement-field-take-part-cy = Sut i gymryd rhan, yn Gymraeg
engagement-field-take-part-hint = Dewisol. Beth sydd angen i bobl ei wneud, ac unrhyw dâl neu gymorth y gallant ei ddisgwyl.
engagement-field-contact-name = Person cyswllt
engagement-field-contact-name-hint = Rhywun sy'n gallu ateb cwestiynau am gymryd rhan
engagement-field-contact-email = Cyfeiriad e-bost cyswllt
engagement-field-contact-phone = Rhif ffôn cyswllt
engagement-field-contact-how-hint = Rhowch gyfeiriad e-bost, rhif ffôn neu'r ddau.
engagement-field-partners = Sefydliadau partner
engagement-field-partners-hint = Gall eu staff weld yr ymgysylltiad hwn.
engagement-field-equal-partners = Partneriaid â hawliau cyfartal
engagement-field-equal-partners-hint = Dim ond os ydynt wedi cytuno i'w redeg gyda chi fel rhai cyfartal. Gallant ei newid fel y gallwch chi.

engagement-error-title = Rhowch deitl yn Saesneg
engagement-error-summary = Rhowch grynodeb yn Saesneg
engagement-error-topic = Dewiswch bwnc
engagement-error-rung = Dewiswch faint o lais fydd gan bobl: y gris ar yr ysgol
engagement-error-decided = Dywedwch beth sydd wedi'i benderfynu eisoes, yn Saesneg. Os nad oes dim, dywedwch hynny.
engagement-error-can-change = Dywedwch beth all newid o hyd, yn Saesneg. Os na all dim newid, dywedwch hynny.
engagement-error-limits = Dywedwch beth sy'n cyfyngu ar eich pŵer, yn Saesneg. Os nad oes dim, dywedwch hynny.
engagement-error-phase = Dewiswch y cyfnod
engagement-error-stage = Dewiswch gam y grŵp
engagement-error-openness = Dewiswch pwy all gymryd rhan
engagement-error-area = Rhowch yr ardal yn Saesneg
engagement-error-region = Dewiswch ranbarth o'r rhestr
engagement-error-starts = Rhowch ddyddiad dechrau go iawn, er enghraifft 27 3 2027
engagement-error-ends = Rhowch ddyddiad gorffen go iawn, er enghraifft 30 9 2027
engagement-error-ends-before-starts = Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl
engagement-error-contact-name = Rhowch enw'r person cyswllt
engagement-error-contact-how = Rhowch gyfeiriad e-bost neu rif ffôn ar gyfer y person cyswllt
engagement-error-contact-phone = Rhowch rif ffôn, fel 01632 960 001 neu +44 7700 900 982
engagement-error-too-long = Rhaid i hwn fod yn { $max } nod neu lai

## Y grisiau: beth y gall cyfranogwyr ei ddisgwyl ar bob un

rung-expect-inform = Byddwn yn dweud wrthych am benderfyniadau a'r rhesymau drostynt. Ni fyddwch yn cael eich gofyn i'w newid.
rung-expect-consult = Byddwn yn gofyn am eich barn ac yn dweud wrthych sut yr effeithiodd ar y penderfyniad. Ni sy'n gwneud y penderfyniad terfynol.
rung-expect-involve = Byddwn yn gweithio gyda chi drwy gydol y gwaith, a bydd eich pryderon yn llunio'r dewisiadau. Ni sy'n dewis rhwng y dewisiadau.
rung-expect-co-design = Byddwch yn llunio'r cynllun gyda ni ac yn cael dylanwad go iawn arno. Ni fyddwch yn rhan o'i ddarparu.
rung-expect-co-produce = Rydym yn rhannu pŵer gyda chi fel rhai cyfartal, o'r cynllunio i'r darparu, ac yn gwneud y penderfyniadau mawr gyda'n gilydd.

## Enwau pob ysgol ar gyfer y pum gris

ladder-withus-inform = Hysbysu
ladder-withus-consult = Ymgynghori
ladder-withus-involve = Cynnwys
ladder-withus-co-design = Cyd-ddylunio
ladder-withus-co-produce = Cydgynhyrchu
ladder-tlap-inform = Hysbysu
ladder-tlap-consult = Ymgynghori
ladder-tlap-involve = Ymgysylltu
ladder-tlap-co-design = Cyd-ddylunio
ladder-tlap-co-produce = Cydgynhyrchu
ladder-arnstein-inform = Hysbysu
ladder-arnstein-consult = Ymgynghori
ladder-arnstein-involve = Dyhuddo
ladder-arnstein-co-design = Partneriaeth
ladder-arnstein-co-produce = Pŵer dirprwyedig
ladder-iap2-inform = Hysbysu
ladder-iap2-consult = Ymgynghori
ladder-iap2-involve = Cynnwys
ladder-iap2-co-design = Cydweithio
ladder-iap2-co-produce = Grymuso

label-scheme-withus = Graddfa pum cam Withus
label-scheme-tlap = Ysgol cydgynhyrchu TLAP
label-scheme-arnstein = Ysgol cyfranogiad dinasyddion Arnstein
label-scheme-iap2 = Sbectrwm cyfranogiad y cyhoedd IAP2
engagement-labels-title = Geiriau pa ysgol i'w defnyddio
engagement-labels-hint = Mae pob ymgysylltiad yn cael ei gofnodi ar yr un pum cam. Dewiswch enwau pwy ar gyfer y camau y mae eich sefydliad yn eu dangos. Mae'r hyn y gall pobl ei ddisgwyl ar bob cam yn aros yr un fath.
engagement-labels-change = Newid yr ysgol
engagement-error-scheme = Dewiswch eiriau pa ysgol i'w defnyddio

## Cyfnod, cam y grŵp a phwy all gymryd rhan

engagement-phase-inward = Tuag i mewn: cymheiriaid yn cyfarfod yn gyntaf
engagement-phase-inward-hint = Mae pobl â phrofiad bywyd yn cyfarfod fel cymheiriaid yn gyntaf, heb y sefydliadau yn yr ystafell.
engagement-phase-outward = Tuag allan: gweithio gyda'r sefydliadau
engagement-phase-outward-hint = Mae'r grŵp yn gweithio gyda'r sefydliadau a'r bobl sy'n gwneud penderfyniadau.
group-stage-forming = Ffurfio
group-stage-forming-hint = Dod i adnabod ei gilydd a chytuno sut i gydweithio.
group-stage-storming = Anghytuno
group-stage-storming-hint = Gweithio drwy anghytundebau a phrofi sut mae pŵer yn cael ei rannu.
group-stage-norming = Sefydlu normau
group-stage-norming-hint = Setlo i ffyrdd cyffredin o weithio ac ymddiried yn ei gilydd.
group-stage-performing = Perfformio
group-stage-performing-hint = Gweithio'n dda gyda'i gilydd a chyflawni pethau.
openness-open = Yn agored i unrhyw un
openness-open-hint = Gall unrhyw un sydd â diddordeb gymryd rhan.
openness-invitation = Drwy wahoddiad
openness-invitation-hint = Mae'r trefnwyr yn gwahodd pobl i gymryd rhan, er enghraifft o banel.
openness-selection = Drwy ddetholiad teg
openness-selection-hint = Mae lleoedd yn cael eu cynnig drwy ddetholiad teg ar hap, fel bod y grŵp yn adlewyrchu'r gymuned.

## Ymrwymiadau

commitments-title = Ymrwymiadau a wnaed ymlaen llaw
commitments-intro = Addewidion a wnaed cyn i'r gwaith ddechrau. Yn nes ymlaen, mae pob un yn cael ei farcio fel un a gadwyd, a gadwyd yn rhannol neu a dorrwyd, gydag esboniad cyhoeddus.
commitments-none = Nid oes ymrwymiadau eto.
commitment-new-title = Ychwanegu ymrwymiad
commitment-edit-title = Newid yr ymrwymiad
commitment-status-title = Marcio a gafodd ei gadw
commitment-form-intro = Gwnewch bob ymrwymiad yn ddigon penodol i bobl allu dweud a gafodd ei gadw.
commitment-field-statement-en = Yr ymrwymiad yn Saesneg
commitment-field-statement-cy = Yr ymrwymiad yn Gymraeg
commitment-field-statement-hint = Er enghraifft, "Mae'r Tîm Profiad Bywyd yn dal 40% o sgôr y tendr."
commitment-field-owner = Pwy sy'n gyfrifol
commitment-field-owner-hint = Enw neu rôl, er enghraifft "Pennaeth Comisiynu"
commitment-field-due = Dyddiad dyledus
commitment-field-target = Targed mesuradwy
commitment-field-target-en = Targed mesuradwy yn Saesneg
commitment-field-target-cy = Targed mesuradwy yn Gymraeg
commitment-field-target-hint = Dewisol. Sut y gall unrhyw un wirio iddo gael ei gadw.
commitment-field-status = A gafodd ei gadw?
commitment-field-evidence = Tystiolaeth
commitment-field-evidence-hint = Beth sy'n dangos hyn, er enghraifft dogfen, dyddiad neu benderfyniad. Mae staff y sefydliadau sy'n ei redeg yn gweld hyn.
commitment-field-explanation = Esboniad
commitment-field-explanation-en = Esboniad cyhoeddus yn Saesneg
commitment-field-explanation-cy = Esboniad cyhoeddus yn Gymraeg
commitment-field-explanation-hint = Gall pawb ddarllen hwn ar y dudalen gyhoeddus. Dywedwch yn glir beth ddigwyddodd a pham.
commitment-overdue = Yn hwyr
commitment-changed-on = newidiwyd ddiwethaf
commitment-history-title = Pob newid statws
commitment-history-when = Pryd
commitment-history-by = Newidiwyd gan
commitment-status-open = Agored
commitment-status-kept = Wedi'i gadw
commitment-status-partly-kept = Wedi'i gadw'n rhannol
commitment-status-broken = Wedi'i dorri
commitment-error-statement = Rhowch yr ymrwymiad yn Saesneg
commitment-error-owner = Rhowch bwy sy'n gyfrifol am yr ymrwymiad
commitment-error-due = Rhowch ddyddiad dyledus go iawn, er enghraifft 27 3 2027
commitment-error-status = Dewiswch a gafodd yr ymrwymiad ei gadw
commitment-error-evidence = Rhowch y dystiolaeth ar gyfer hyn
commitment-error-explanation = Rhowch esboniad cyhoeddus yn Saesneg

## Tudalennau cyhoeddus

engagements-public-title = Ymgysylltiadau: dweud eich dweud
engagements-home-link = Gweld ymgysylltiadau y gallwch gymryd rhan ynddynt
engagements-public-intro = Sefydliadau sy'n gweithio gyda phobl anabl i gynllunio gwasanaethau. Mae pob un yn dweud yn onest faint o lais fydd gennych a beth sydd wedi'i benderfynu eisoes.
engagements-filter-heading = Hidlo
engagements-any-topic = Unrhyw bwnc
engagements-any-region = Unrhyw ranbarth
engagements-filter-area = Tref neu ardal
engagements-filter-area-hint = Er enghraifft, Northtown
engagements-filter-button = Dangos ymgysylltiadau
engagements-filter-clear = Clirio'r hidlyddion
engagements-count = { $count ->
    [zero] Dim ymgysylltiadau
    [one] 1 ymgysylltiad
    [two] 2 ymgysylltiad
    [few] { $count } ymgysylltiad
    [many] { $count } ymgysylltiad
   *[other] { $count } ymgysylltiad
}
engagements-public-none = Nid oes ymgysylltiadau i gymryd rhan ynddynt ar hyn o bryd.
engagements-public-none-filtered = Nid oes ymgysylltiadau sy'n cyfateb. Rhowch gynnig ar bwnc neu ardal arall, neu cliriwch yr hidlyddion.
engagement-run-by = Yn cael ei redeg gan
engagement-with-partners = Yn cael ei redeg ar y cyd â:
engagement-how-much-say = Faint o lais sydd gennych
engagement-what-to-expect = Beth y gallwch ei ddisgwyl:
engagement-ladder-intro = Y camau ({ $scheme }), o'r lleiaf o lais i'r mwyaf:
engagement-ladder-here = yr ymgysylltiad hwn
engagement-where = Ble
engagement-when = Pryd
engagement-who-can-take-part = Pwy all gymryd rhan
engagement-contact = Pwy i gysylltu â nhw
commitments-public-title = Beth rydym yn ei addo
commitments-public-intro = Gwnaethom yr addewidion hyn cyn i'r gwaith ddechrau. Byddwn yn dweud wrthych a wnaethom gadw pob un, a pham.
commitments-public-none = Nid oes addewidion wedi'u cofnodi eto.

## Negeseuon ar ôl newid

flash-engagement-created = Ymgysylltiad wedi'i ychwanegu. Mae'n ddrafft nes i chi ei gyhoeddi.
flash-engagement-saved = Ymgysylltiad wedi'i gadw
flash-engagement-published = Ymgysylltiad wedi'i gyhoeddi. Gall unrhyw un ei ddarllen nawr.
flash-engagement-unpublished = Ymgysylltiad wedi'i ddad-gyhoeddi. Dim ond staff sy'n gallu ei weld nawr.
flash-engagement-labels-saved = Ysgol wedi'i chadw
flash-commitment-added = Ymrwymiad wedi'i ychwanegu
flash-commitment-saved = Ymrwymiad wedi'i gadw
flash-commitment-status-changed = Ymrwymiad wedi'i farcio. Mae'r esboniad ar y dudalen gyhoeddus.

audit-action-engagement-created = Ymgysylltiad wedi'i ychwanegu
audit-action-engagement-updated = Ymgysylltiad wedi'i newid
audit-action-engagement-published = Ymgysylltiad wedi'i gyhoeddi
audit-action-engagement-unpublished = Ymgysylltiad wedi'i ddad-gyhoeddi
audit-action-engagement-labels-chosen = Ysgol ar gyfer ymgysylltiadau wedi'i dewis
audit-action-commitment-added = Ymrwymiad wedi'i ychwanegu
audit-action-commitment-updated = Ymrwymiad wedi'i newid
audit-action-commitment-status-changed = Ymrwymiad wedi'i farcio fel un a gadwyd, a gadwyd yn rhannol neu a dorrwyd
commitment-status-the-commitment = Yr ymrwymiad
engagements-past = Ymgysylltiadau blaenorol
engagements-past-intro = Mae ymgysylltiadau sydd wedi gorffen yn aros yma, gyda'r ymrwymiadau a wnaed, a gawsant eu cadw, a beth ddywedwyd wrth bobl a ddigwyddodd oherwydd yr hyn a ddywedon nhw.

## Aelodau'n dweud na chadwyd ymrwymiad a farciwyd fel un a gadwyd

challenge-title = Dweud na chadwyd hyn
challenge-link = Dweud na chadwyd hyn
challenge-count = { $count ->
    [zero] Nid oes aelodau'n dweud na chadwyd hyn
    [one] Mae 1 aelod yn dweud na chadwyd hyn
    [two] Mae 2 aelod yn dweud na chadwyd hyn
    [few] Mae { $count } aelod yn dweud na chadwyd hyn
    [many] Mae { $count } aelod yn dweud na chadwyd hyn
   *[other] Mae { $count } aelod yn dweud na chadwyd hyn
}
challenge-words-label = Pam ydych chi'n meddwl na chadwyd hyn?
challenge-words-hint = Ysgrifennwch hyd at { $max } nod. Rydym yn dangos eich geiriau wrth ymyl yr addewid, ond byth eich enw.
challenge-send = Anfon
challenge-said-before = Rydych chi eisoes wedi dweud na chadwyd hyn. Bydd anfon eto yn disodli'r hyn a ysgrifennoch.
challenge-withdraw = Tynnu'n ôl yr hyn a ddywedais
challenge-not-kept = Dim ond am addewid a farciwyd fel un a gadwyd y gallwch ddweud hyn. Nid yw hwn wedi'i farcio fel un a gadwyd.
challenge-error-empty = Dywedwch pam rydych chi'n meddwl na chadwyd hyn
flash-challenge-saved = Diolch. Mae'r hyn a ddywedoch bellach yn dangos wrth ymyl yr addewid, heb eich enw.
flash-challenge-withdrawn = Mae'r hyn a ddywedoch wedi'i dynnu'n ôl
audit-action-commitment-contested = Dywedodd aelod na chadwyd ymrwymiad a farciwyd fel un a gadwyd
audit-action-commitment-challenge-withdrawn = Tynnodd aelod yn ôl ddweud na chadwyd ymrwymiad
challenge-held-title = Addewidion y dywedoch na chawsant eu cadw
