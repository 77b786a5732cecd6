# Testun rhyngwyneb Withus, Cymraeg. Rhaid i bob allwedd yma fod yn locales/en/main.ftl hefyd.

## Cynllun y dudalen
skip-to-content = Neidio i'r prif gynnwys
language-nav-label = Iaith
nav-label = Prif ddewislen
nav-menu = Dewislen
nav-home = Hafan
nav-sign-in = Mewngofnodi
nav-account = Eich cyfrif
nav-organisations = Sefydliadau
nav-audit = Log archwilio
sign-out = Allgofnodi
footer-links = Dolenni cymorth
footer-accessibility = Datganiad hygyrchedd
footer-help = Cymorth a chysylltu
footer-demo-emails = Negeseuon e-bost a anfonwyd (demo)
footer-motto = Dim byd amdanom ni hebddom ni.
footer-licence = Mae Withus yn feddalwedd rydd, wedi'i thrwyddedu o dan y GNU Affero General Public License.
notification-important = Pwysig
notification-success = Llwyddiant
warning = Rhybudd
back = Yn ôl
change = Newid
save = Cadw
error-title-prefix = Gwall:
error-prefix = Gwall:
error-summary-title = Mae problem
error-not-recognised = Nid ydym yn adnabod “{ $value }”. Dewiswch o’r rhestr
session-warning-title = Byddwn yn eich allgofnodi cyn bo hir
session-warning-body = Er eich diogelwch, byddwn yn eich allgofnodi ymhen 2 funud os na fyddwch yn gwneud dim. Bydd unrhyw beth nad ydych wedi'i gadw yn cael ei golli.
session-warning-button = Aros wedi mewngofnodi
pagination-label = Tudalennau
pagination-previous = Tudalen flaenorol
pagination-next = Tudalen nesaf

## Dyddiadau
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Tudalennau gwall
error-not-found-title = Tudalen heb ei chanfod
error-not-found-body = Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
error-forbidden-title = Ni allwch weld y dudalen hon
error-forbidden-body = Nid yw eich cyfrif yn rhoi mynediad i chi i'r dudalen hon. Os ydych chi'n meddwl y dylai, gofynnwch i weinyddwr yn eich sefydliad.
error-csrf-title = Nid oedd modd anfon eich ffurflen
error-csrf-body = Nid oedd modd i ni wirio bod y ffurflen wedi dod o'r wefan hon. Gall hyn ddigwydd os oedd y dudalen ar agor am amser hir neu os yw cwcis wedi'u rhwystro. Ewch yn ôl, adnewyddwch y dudalen a rhowch gynnig arall arni. Ni chafodd dim ei newid.
error-too-large-title = Mae'r hyn a anfonwyd gennych yn rhy fawr
error-too-large-body = Mae'r ffurflen neu'r ffeil a anfonwyd gennych yn fwy nag y gallwn ei dderbyn. Anfonwch lai ar y tro, neu ffeil lai. Ni chafodd dim ei newid.
error-method-title = Ni all y dudalen hon wneud hynny
error-method-body = Nid yw'r dudalen yn derbyn y math hwnnw o gais. Ewch yn ôl a defnyddiwch y dolenni a'r botymau ar y dudalen.
error-unavailable-title = Mae'n ddrwg gennym, nid yw'r gwasanaeth ar gael
error-unavailable-body = Ni allwn gysylltu â'n cronfa ddata ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau. Ni chafodd dim ei newid.
error-unexpected-title = Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth
error-unexpected-body = Aeth rhywbeth o'i le ar ein hochr ni. Rhowch gynnig arall arni nes ymlaen. Os oeddech chi'n anfon ffurflen, ni chafodd dim ei newid.
error-go-home = Mynd i'r hafan
error-contact = Os oes angen help arnoch, gweler
link-expired-title = Mae'r ddolen hon wedi dod i ben neu wedi cael ei defnyddio'n barod
link-expired-body = Mae dolenni i ailosod cyfrinair yn gweithio unwaith ac am 1 awr. Mae dolenni gwahoddiad yn gweithio unwaith ac am 7 diwrnod.
link-expired-new-reset = Gofyn am ddolen newydd i ailosod eich cyfrinair
link-expired-invitation = Os cawsoch wahoddiad i ymuno â sefydliad, gofynnwch i'r person a'ch gwahoddodd i anfon gwahoddiad newydd.

## Yr hafan a thudalennau gwybodaeth
home-title = Withus
home-lede = Pobl anabl a chyrff cyhoeddus yn cynllunio gwasanaethau gyda'i gilydd, fel pobl gyfartal.
home-body = Withus yw'r lle mae sefydliadau pobl anabl, cynghorau, y GIG ac eraill yn cynnal gwaith cydgynhyrchu gyda phobl sydd â phrofiad bywyd o anabledd.
home-point-panel = Panel o bobl sydd eisiau cymryd rhan, gyda'u hanghenion mynediad a sut maen nhw eisiau cael eu talu.
home-point-honest = Mae pob darn o waith yn dweud faint o bŵer sydd gan y bobl sy'n cymryd rhan a beth sydd wedi'i benderfynu'n barod.
home-point-access = Mae pob angen mynediad yn cael ei drefnu cyn y diwrnod.
home-point-loop = Mae pawb yn clywed beth ddigwyddodd oherwydd yr hyn a ddywedon nhw.
home-welcome = Helo,
home-your-organisations = Eich sefydliadau
home-no-organisations = Nid ydych yn rhan o unrhyw sefydliad eto. Pan fydd rhywun yn eich gwahodd, byddwch yn ei weld yma.
home-account-link = Gweld a newid manylion eich cyfrif
accessibility-title = Datganiad hygyrchedd
accessibility-intro = Mae Withus wedi'i greu ar gyfer pobl anabl yn gyntaf. Rydyn ni eisiau i gymaint o bobl â phosibl allu ei ddefnyddio.
accessibility-using-heading = Defnyddio Withus
accessibility-using-intro = Dylech allu:
accessibility-using-zoom = chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin
accessibility-using-keyboard = cyrraedd a defnyddio popeth gyda bysellfwrdd yn unig
accessibility-using-screen-reader = ei ddefnyddio gyda darllenydd sgrin, meddalwedd adnabod llais neu chwyddwr sgrin
accessibility-using-no-javascript = defnyddio pob tudalen gyda JavaScript wedi'i ddiffodd
accessibility-using-welsh = defnyddio pob tudalen yn Saesneg neu yn Gymraeg
accessibility-status-heading = Statws cydymffurfio
accessibility-status-body = Ein nod yw bodloni fersiwn 2.2 o Ganllawiau Hygyrchedd Cynnwys y We ar lefel AA. Mae pob tudalen yn cael ei gwirio'n awtomatig am broblemau hygyrchedd cyn i ni ryddhau pob fersiwn newydd, ac mae'r prif deithiau drwy'r gwasanaeth yn cael eu profi gyda bysellfwrdd yn unig.
accessibility-testing-heading = Sut rydyn ni'n profi
accessibility-testing-body = Dim ond rhai problemau y mae gwiriadau awtomatig yn eu canfod. Rydyn ni hefyd yn profi gyda phobl anabl, gan gynnwys pobl sy'n defnyddio technoleg gynorthwyol a phobl ag anabledd dysgu.
accessibility-problems-heading = Rhoi gwybod am broblemau
accessibility-problems-body = Os byddwch yn dod o hyd i broblem, neu os oes angen gwybodaeth arnoch mewn fformat arall fel Hawdd ei Ddeall, print bras, sain neu Iaith Arwyddion Prydain, rhowch wybod i ni.
accessibility-enforcement-heading = Gweithdrefn orfodi
accessibility-enforcement-body = Y Comisiwn Cydraddoldeb a Hawliau Dynol sy'n gorfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018. Os nad ydych yn hapus gyda'r ffordd rydyn ni'n ymateb i'ch cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).
help-title = Cymorth a chysylltu
help-intro = Os ydych chi'n sownd neu os nad yw rhywbeth yn gweithio i chi, byddwn yn eich helpu.
help-sign-in-heading = Problemau mewngofnodi
help-sign-in-body = Os ydych wedi anghofio eich cyfrinair, gallwch ddewis un newydd.
help-contact-heading = Cysylltu â'r sefydliad a'ch gwahoddodd
help-contact-body = Gall y sefydliad a'ch gwahoddodd eich helpu dros y ffôn, drwy e-bost, drwy'r post neu wyneb yn wyneb, a gall wneud newidiadau ar eich rhan.
help-other-formats-heading = Fformatau eraill
help-other-formats-body = Gallwch ofyn am unrhyw beth mewn fformat Hawdd ei Ddeall, print bras, sain, braille neu Iaith Arwyddion Prydain.

## Mewngofnodi
sign-in-title = Mewngofnodi
sign-in-button = Mewngofnodi
sign-in-forgotten = Rwyf wedi anghofio fy nghyfrinair
sign-in-no-account-heading = Os nad oes gennych gyfrif
sign-in-no-account-body = Mae cyfrifon yn cael eu creu drwy wahoddiad. Gofynnwch i'r sefydliad rydych chi'n gweithio gydag ef eich gwahodd.
sign-in-session-ended = Cawsoch eich allgofnodi oherwydd na wnaethoch chi ddim byd am gyfnod. Mewngofnodwch eto i barhau.
sign-in-error-email-empty = Rhowch eich cyfeiriad e-bost
sign-in-error-password-empty = Rhowch eich cyfrinair
sign-in-error-wrong = Rhowch gyfeiriad e-bost a chyfrinair cywir. Gwiriwch am gamgymeriadau teipio.
sign-in-error-throttled = Rydych wedi ceisio mewngofnodi ormod o weithiau. Arhoswch 15 munud a rhowch gynnig arall arni, neu ailosodwch eich cyfrinair.
field-email = Cyfeiriad e-bost
field-password = Cyfrinair
field-name = Enw
field-new-password = Cyfrinair newydd
field-confirm-password = Cadarnhau'r cyfrinair newydd
field-current-password = Cyfrinair presennol
field-role = Rôl
field-organisation-name = Enw'r sefydliad
field-organisation-kind = Math o sefydliad
password-show = Dangos
password-hide = Cuddio
password-show-label = Dangos y cyfrinair
password-hide-label = Cuddio'r cyfrinair
password-shown = Mae eich cyfrinair yn weladwy
password-hidden = Mae eich cyfrinair wedi'i guddio
password-hint = Defnyddiwch o leiaf 10 nod. Mae ychydig o eiriau sydd ddim yn perthyn i'w gilydd, fel "afon tebot gardd", yn gwneud cyfrinair cryf.
password-error-empty = Rhowch gyfrinair
password-error-too-short = Rhaid i'r cyfrinair fod yn 10 nod neu fwy
password-error-too-long = Rhaid i'r cyfrinair fod yn 256 nod neu lai
password-error-too-common = Mae'r cyfrinair hwn yn rhy hawdd i'w ddyfalu. Dewiswch un arall, fel ychydig o eiriau sydd ddim yn perthyn i'w gilydd
password-error-mismatch = Nid yw'r cyfrineiriau'n cyfateb. Teipiwch yr un cyfrinair ddwywaith
password-error-current-empty = Rhowch eich cyfrinair presennol
password-error-current-wrong = Nid yw eich cyfrinair presennol yn gywir
email-error-empty = Rhowch gyfeiriad e-bost
email-error-format = Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com
email-error-too-long = Rhaid i'r cyfeiriad e-bost fod yn 254 nod neu lai
name-hint = Yr enw yr hoffech i ni ei ddefnyddio.
name-error-empty = Rhowch eich enw
name-error-too-long = Rhaid i'r enw fod yn 100 nod neu lai
flash-signed-out = Rydych wedi allgofnodi.
flash-password-changed = Mae eich cyfrinair wedi cael ei newid.

## Ailosod cyfrinair
reset-request-title = Ailosod eich cyfrinair
reset-request-body = Rhowch y cyfeiriad e-bost rydych yn ei ddefnyddio i fewngofnodi. Byddwn yn anfon dolen atoch i ddewis cyfrinair newydd.
reset-request-button = Anfon y ddolen
reset-sent-title = Gwiriwch eich e-bost
reset-sent-body = Os oes cyfrif ar gyfer y cyfeiriad hwn, rydyn ni wedi anfon dolen at
reset-sent-expiry = Mae'r ddolen yn gweithio unwaith ac yn dod i ben ar ôl 1 awr.
reset-sent-not-received = Heb gael yr e-bost? Gwiriwch eich ffolder sbam, neu
reset-sent-try-again = gofynnwch am ddolen arall
reset-choose-title = Dewis cyfrinair newydd
reset-choose-button = Cadw'r cyfrinair newydd

## Eich cyfrif
account-title = Eich cyfrif
account-language = Iaith
account-language-hint = I newid yr iaith, defnyddiwch y ddolen English neu Cymraeg ar frig unrhyw dudalen. Byddwn yn cofio eich dewis.
account-support-needs = Y cymorth sydd ei angen arnoch i ddefnyddio Withus
account-support-needs-none = Dim wedi'i roi
account-password-hidden = Wedi'i guddio er eich diogelwch
account-organisations = Eich sefydliadau
account-no-organisations = Nid ydych yn rhan o unrhyw sefydliad eto.
support-needs-title = Y cymorth sydd ei angen arnoch i ddefnyddio Withus
support-needs-hint = Er enghraifft, gwybodaeth mewn fformat Hawdd ei Ddeall, rhywun i'ch helpu i lenwi ffurflenni, neu alwadau ffôn yn lle negeseuon e-bost.
support-needs-limit = Gallwch ysgrifennu hyd at 2000 nod
support-needs-privacy = Mae hyn yn breifat. Mae'n cael ei gadw wedi'i amgryptio, a dim ond chi a'r bobl sydd ei angen er mwyn eich cefnogi sy'n gallu ei weld.
support-needs-error-too-long = Rhaid i'r anghenion cymorth fod yn 2000 nod neu lai
flash-support-needs-saved = Mae eich anghenion cymorth wedi cael eu cadw.
change-password-title = Newid eich cyfrinair
change-password-button = Newid y cyfrinair
count-characters-under-one = Mae gennych %{"{"}count{"}"} nod ar ôl
count-characters-under-other = Mae gennych %{"{"}count{"}"} nod ar ôl
count-characters-at-limit = Mae gennych 0 nod ar ôl
count-characters-over-one = Mae gennych %{"{"}count{"}"} nod yn ormod
count-characters-over-other = Mae gennych %{"{"}count{"}"} nod yn ormod

## Sefydliadau
organisations-title = Sefydliadau
organisations-add = Ychwanegu sefydliad
organisations-none = Nid oes unrhyw sefydliadau eto.
organisation-new-title = Ychwanegu sefydliad
organisation-new-button = Ychwanegu'r sefydliad
organisation-error-name-empty = Rhowch enw'r sefydliad
organisation-error-name-too-long = Rhaid i enw'r sefydliad fod yn 200 nod neu lai
organisation-error-name-taken = Mae sefydliad gyda'r enw hwn yn bodoli'n barod
organisation-error-kind = Dewiswch y math o sefydliad
organisation-kind-dpo = Sefydliad pobl anabl neu sefydliad sy'n cael ei arwain gan ddefnyddwyr
organisation-kind-council = Cyngor
organisation-kind-nhs-body = Corff GIG
organisation-kind-government-department = Adran o'r llywodraeth
organisation-kind-service-provider = Darparwr gwasanaeth
organisation-kind-other = Arall
organisation-your-role = Eich rôl:
organisation-manage = Rheoli
organisation-members-link = Pobl yn y sefydliad hwn
organisation-invite-link = Gwahodd rhywun
organisation-audit-link = Log archwilio
organisation-nothing-yet = Nid oes dim byd i chi ei wneud yma eto.
flash-organisation-created = Mae'r sefydliad wedi cael ei ychwanegu. Nawr gwahoddwch ei weinyddwr cyntaf.
role-member = Aelod â phrofiad bywyd
role-member-hint = Person anabl sy'n cymryd rhan. Mae'n gweld ei wybodaeth ei hun yn unig.
role-facilitator = Hwylusydd
role-facilitator-hint = Yn cefnogi aelodau ac yn cynnal sesiynau.
role-officer = Swyddog
role-officer-hint = Staff sy'n cynllunio ac yn cynnal gwaith ymgysylltu.
role-organisation-admin = Gweinyddwr y sefydliad
role-organisation-admin-hint = Yn rheoli pobl a gosodiadau'r sefydliad.
role-auditor = Archwilydd
role-auditor-hint = Yn gallu edrych ar gofnodion ond ddim yn gallu newid dim byd.
role-finance-officer = Swyddog cyllid
role-finance-officer-hint = Yn cymeradwyo ac yn talu taliadau am amser a threuliau. Yn gweld manylion banc a’r terfynau budd-daliadau y mae pobl yn eu rhannu gyda ni.
members-title = Pobl yn y sefydliad hwn
members-table-caption = Pobl
members-invitations-caption = Gwahoddiadau sydd heb eu derbyn eto
members-invitation-expires = Yn dod i ben
invite-title = Gwahodd rhywun
invite-body = Byddwn yn anfon e-bost atyn nhw gyda dolen i ymuno. Mae'r ddolen yn gweithio am 7 diwrnod.
invite-button = Anfon gwahoddiad
invite-error-role = Dewiswch rôl
invite-error-already-member = Mae'r person hwn yn y sefydliad yn barod
flash-invitation-sent = Mae'r gwahoddiad wedi cael ei anfon.
accept-title = Rydych wedi cael gwahoddiad
accept-button = Derbyn y gwahoddiad
accept-sign-in-first = Mae cyfrif ar gyfer y cyfeiriad e-bost hwn yn barod. Mewngofnodwch i dderbyn y gwahoddiad.
accept-wrong-account = Mae'r gwahoddiad hwn ar gyfer cyfeiriad e-bost gwahanol. Allgofnodwch, yna agorwch y ddolen eto.
accept-create-heading = Creu eich cyfrif
accept-create-button = Creu cyfrif ac ymuno
flash-invitation-accepted = Rydych wedi ymuno â'r sefydliad.

## Log archwilio
audit-title = Log archwilio
audit-site-title = Log archwilio ar gyfer y wefan gyfan
audit-intro = Mae pob newid sy'n cael ei wneud yn Withus yn cael ei gofnodi yma. Does dim modd newid na dileu cofnodion.
audit-table-caption = Newidiadau, y diweddaraf yn gyntaf
audit-column-number = Rhif
audit-column-when = Pryd
audit-column-action = Beth ddigwyddodd
audit-column-target = Beth newidiodd
audit-column-actor = Gwnaed gan
audit-actor-system = Y system
audit-entry-count = { $count ->
    [zero] { $count } cofnodion
    [one] { $count } cofnod
    [two] { $count } gofnod
    [few] { $count } chofnod
    [many] { $count } chofnod i gyd
   *[other] { $count } o gofnodion
}
audit-action-session-started = Wedi mewngofnodi
audit-action-session-ended = Wedi allgofnodi
audit-action-password-reset-requested = Wedi gofyn am ailosod cyfrinair
audit-action-password-reset-completed = Wedi ailosod cyfrinair
audit-action-account-created = Cyfrif wedi'i greu
audit-action-account-password-changed = Wedi newid cyfrinair
audit-action-account-support-needs-changed = Wedi newid anghenion cymorth
audit-action-account-language-changed = Wedi newid iaith
audit-action-organisation-created = Sefydliad wedi'i ychwanegu
audit-action-membership-created = Wedi ymuno â sefydliad
audit-action-invitation-created = Gwahoddiad wedi'i anfon
audit-action-keys-rotated = Allweddi amgryptio wedi'u newid
audit-action-demo-loaded = Data demo wedi'i lwytho

## Negeseuon e-bost
email-reset-subject = Ailosod eich cyfrinair { $service }
email-reset-body = Mae rhywun wedi gofyn am ailosod y cyfrinair ar gyfer eich cyfrif { $service }.

    I ddewis cyfrinair newydd, agorwch y ddolen hon:
    { $link }

    Mae'r ddolen yn gweithio unwaith ac yn dod i ben ar ôl { $hours } awr.

    Os na wnaethoch chi ofyn am hyn, gallwch anwybyddu'r e-bost hwn. Nid yw eich cyfrinair wedi newid.
email-invitation-subject = Rydych wedi cael gwahoddiad i ymuno â { $organisation }
email-invitation-body = Rydych wedi cael gwahoddiad i ymuno â { $organisation } ar { $service } fel: { $role }.

    I dderbyn y gwahoddiad, agorwch y ddolen hon:
    { $link }

    Mae'r ddolen yn gweithio unwaith ac yn dod i ben ar ôl { $days } diwrnod.

    Os nad oeddech chi'n disgwyl hyn, gallwch anwybyddu'r e-bost hwn.
email-status-pending = Yn aros i'w anfon
email-status-sent = Wedi'i anfon
email-status-failed = Wedi methu ei anfon

## Modd demo
demo-emails-title = Negeseuon e-bost a anfonwyd
demo-emails-intro = Yn y modd demo, nid yw negeseuon e-bost yn cael eu hanfon go iawn. Maen nhw'n cael eu rhestru yma er mwyn i chi allu agor y dolenni sydd ynddyn nhw.
demo-emails-none = Nid oes unrhyw negeseuon e-bost wedi cael eu hanfon eto.
demo-emails-subject = Pwnc
demo-emails-to = At
demo-emails-when = Pryd
demo-emails-status = Statws

# Forms that could not be accepted as sent (checked before any page reads them).
error-bad-input-title = Doedd dim modd i ni dderbyn yr hyn a anfonwyd gennych
error-bad-input-body = Ni chafodd dim ei newid. Ewch yn ôl, cywirwch yr ateb ac anfonwch y ffurflen eto.
error-not-a-form-title = Doedd dim modd i ni ddarllen yr hyn a anfonwyd gennych
error-not-a-form-body = Mae'r cyfeiriad hwn yn derbyn ffurflenni a anfonir o'i dudalennau ei hun yn unig. Ni chafodd dim ei newid. Ewch yn ôl i'r dudalen ac anfonwch y ffurflen oddi yno.
input-error-not-a-form = Nid ffurflen we oedd yr hyn a anfonwyd.
input-error-not-text = Mae gan yr ateb “{ $field }” nodau na allwn eu darllen. Teipiwch ef eto yn lle ei ludo.
input-error-control-character = Mae'r ateb “{ $field }” yn cynnwys nod rheoli cudd (fel nod null). Teipiwch yr ateb eto heb ei ludo.
input-error-too-long = Mae'r ateb “{ $field }” yn rhy hir. Rhaid iddo fod yn { $max } nod neu lai.
input-error-repeated = Anfonwyd yr ateb “{ $field }” fwy nag unwaith. Ewch yn ôl ac anfonwch y ffurflen eto o'r dudalen.
input-error-not-recognised = Nid yw'r ateb “{ $field }” yn un o'r dewisiadau ar y ffurflen. Ewch yn ôl a dewiswch un o'r opsiynau a ddangosir.
input-error-missing = Anfonwyd y ffurflen heb yr ateb “{ $field }”. Ewch yn ôl ac anfonwch y ffurflen eto o'r dudalen.
