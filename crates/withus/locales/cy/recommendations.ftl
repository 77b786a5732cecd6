# Argymhellion wedi'u dilyn hyd at eu gweithredu, grwpiau gweithredu a dilysu.

recommendations-title = Argymhellion
recommendations-intro = Beth a argymhellodd y bobl a fu'n rhan, beth a benderfynwyd am bob un, a pha mor bell y mae pob un wedi'i gyflawni. Caiff pobl a gododd thema gysylltiedig wybod am bob newid.
recommendations-none = Nid oes argymhellion eto.
recommendations-manage = Ychwanegu a rheoli argymhellion
recommendations-yours = Argymhellion: eich atebion, beth rydych yn ei ddilyn a'ch nodiadau
recommendation-add = Ychwanegu argymhelliad
recommendation-added = Argymhelliad wedi'i ychwanegu.
recommendation-number = Argymhelliad
recommendation-optional = Dewisol.
recommendation-overdue = Hwyr
recommendation-owner = Pwy sy'n gyfrifol
recommendation-public-page = Gweld y dudalen gyhoeddus
recommendation-contents = Ar y dudalen hon
recommendation-followers = Pobl sy'n dilyn
recommendation-group = Yn cael ei fonitro gan
recommendation-group-none = Dim grŵp gweithredu eto: gofynnir i bobl a archebodd le yn nigwyddiadau'r ymgysylltiad ei ddilysu.
recommendation-easy-read = Fersiwn Hawdd ei Ddeall

recommendation-field-title-en = Teitl
recommendation-field-title-cy = Teitl yn Gymraeg
recommendation-field-body-en = Beth a argymhellir
recommendation-field-body-cy = Beth a argymhellir, yn Gymraeg
recommendation-field-body-hint = Iaith glir. Gadewch linell wag rhwng paragraffau.
recommendation-field-easy-read = Fersiwn Hawdd ei Ddeall
recommendation-field-easy-read-hint = Dewisol. Brawddegau byr, un syniad ym mhob un.
recommendation-field-addressed-to = Wedi'i gyfeirio at
recommendation-field-addressed-to-hint = Y corff y gofynnir iddo weithredu, er enghraifft cabinet y cyngor.
recommendation-field-owner = Y sefydliad sy'n gyfrifol
recommendation-field-role = Y rôl sy'n gyfrifol
recommendation-field-role-hint = Er enghraifft, Cyfarwyddwr Gofal Cymdeithasol Oedolion.
recommendation-field-lead = Arweinydd a enwir
recommendation-field-due = Erbyn
recommendation-field-priority = Blaenoriaeth
recommendation-field-themes = Y themâu y tu ôl iddo
recommendation-field-themes-hint = Mae pawb a gododd y themâu hyn yn dilyn yr argymhelliad hwn ac yn cael gwybod am bob newid.
recommendation-field-note = Pa ran, neu pam lai
recommendation-field-note-hint = Mae angen hwn pan fyddwch yn derbyn rhan yn unig, neu'n ei wrthod. Caiff pobl sy'n ei ddilyn y geiriau hyn.

recommendation-priority-high = Uchel
recommendation-priority-medium = Canolig
recommendation-priority-low = Isel

recommendation-decision = Penderfyniad
recommendation-decision-proposed = Wedi'i gynnig
recommendation-decision-accepted = Wedi'i dderbyn
recommendation-decision-accepted-hint = Caiff ei gyflawni'n llawn.
recommendation-decision-accepted-in-part = Wedi'i dderbyn yn rhannol
recommendation-decision-accepted-in-part-hint = Dywedwch pa ran a gaiff ei chyflawni.
recommendation-decision-rejected = Wedi'i wrthod
recommendation-decision-rejected-hint = Dywedwch pam. Caiff y rheswm ei gyhoeddi.
recommendation-decide-title = Cofnodi'r penderfyniad
recommendation-decide = Cadw'r penderfyniad
recommendation-decided = Penderfyniad wedi'i gadw. Mae dilynwyr yn cael gwybod.

recommendation-delivery = Cyflawni
recommendation-delivery-hint = Mae ei nodi wedi'i weithredu yn gofyn i'r bobl sy'n ei fonitro a wnaeth y gwahaniaeth.
recommendation-delivery-not-started = Heb ddechrau
recommendation-delivery-in-progress = Ar y gweill
recommendation-delivery-implemented = Wedi'i weithredu
recommendation-delivery-save = Cadw'r cyflawni
recommendation-delivery-saved = Cyflawni wedi'i gadw. Mae dilynwyr yn cael gwybod.
recommendation-implemented-reopen = Mae wedi'i weithredu. Os yw'r bobl a holwyd yn dweud na weithiodd, ailagorwch ef isod.

milestones-title = Cerrig milltir
milestones-none = Nid oes cerrig milltir eto.
milestone-add = Ychwanegu carreg filltir
milestone-added = Carreg filltir wedi'i hychwanegu. Mae dilynwyr yn cael gwybod.
milestone-field-title = Carreg filltir
milestone-field-due = Erbyn
milestone-field-evidence-note = Tystiolaeth
milestone-field-evidence-link = Dolen i'r dystiolaeth
milestone-field-evidence-link-hint = Dewisol. Cyfeiriad gwe sy'n dechrau https://
milestone-field-file = Ffeil o dystiolaeth
milestone-field-file-hint = Dewisol. PDF, llun neu fideo, 25 MB neu lai.
milestone-done = Wedi'i wneud
milestone-not-done = Ddim eto
milestone-evidence = Tystiolaeth
milestone-evidence-link = Dolen
milestone-mark-done = Nodi ei bod wedi'i gwneud
milestone-error-title = Rhowch y garreg filltir
milestone-error-due = Rhowch y dyddiad erbyn pryd, er enghraifft 27 3 2027
milestone-error-link = Rhowch gyfeiriad gwe sy'n dechrau https:// neu http://
milestone-error-done = Mae'r garreg filltir honno wedi'i gwneud yn barod.

recommendation-verification = Dilysu gan bobl anabl
recommendation-verification-not-yet = Heb ei weithredu eto
recommendation-verification-waiting = Yn aros am atebion
recommendation-verification-verified = Wedi'i ddilysu
recommendation-verification-not-verified = Heb ei ddilysu
recommendation-verification-rule = Ystyr wedi'i ddilysu yw bod o leiaf { $yes } o bobl wahanol a holwyd wedi dweud ie, a bod dim mwy na { $percent }% o'r atebion wedi dweud na.
recommendation-asked = Pobl a holwyd
recommendation-answer-yes = Ie
recommendation-answer-partly = Yn rhannol
recommendation-answer-no = Na
recommendation-their-words = Beth ddywedon nhw
recommendation-reasons = Pam y dywedodd pobl yn rhannol neu na
recommendation-ask-again = Holi aelodau'r grŵp sydd heb eu holi eto
recommendation-reopen-title = Ei ailagor
recommendation-reopen-reason = Pam y mae'n cael ei ailagor
recommendation-reopen-hint = Mae'r cyflawni yn mynd yn ôl i ar y gweill a chaiff y bobl eu holi eto unwaith y bydd wedi'i weithredu.
recommendation-reopen = Ailagor
recommendation-reopened = Wedi'i ailagor. Mae dilynwyr yn cael gwybod.
recommendation-rule-title = Pryd y mae argymhelliad yn cyfrif fel wedi'i ddilysu
recommendation-rule-label = Y nifer mwyaf o atebion "na" y caiff argymhelliad wedi'i ddilysu eu cael
recommendation-rule-hint = Fel cyfran o'r atebion. Rhaid i o leiaf ddau berson gwahanol ddweud ie hefyd.
recommendation-rule-saved = Rheol wedi'i chadw.
recommendation-no-themes = Nid oes gan yr ymgysylltiad hwn themâu eto.
recommendation-themes-save = Cadw'r themâu
recommendation-themes-saved = Themâu wedi'u cadw.

recommendation-timeline = Beth sydd wedi digwydd
recommendation-timeline-when = Pryd
recommendation-timeline-what = Beth
recommendation-timeline-detail = Manylion
recommendation-change-proposed = Wedi'i argymell
recommendation-change-decided = Penderfyniad: { $decision }
recommendation-change-delivery = Cyflawni: { $delivery }
recommendation-change-milestone-added = Carreg filltir wedi'i hychwanegu
recommendation-change-milestone-done = Carreg filltir wedi'i gwneud
recommendation-change-verification-asked = Holwyd pobl a wnaeth wahaniaeth
recommendation-change-verified = Wedi'i ddilysu gan y bobl a holwyd
recommendation-change-not-verified = Heb ei ddilysu gan y bobl a holwyd
recommendation-change-reopened = Wedi'i ailagor

recommendation-news-decided = Y penderfyniad yw: { $decision }.
recommendation-news-decided-note = Y penderfyniad yw: { $decision }. { $detail }
recommendation-news-proposed = Cafodd ei argymell.
recommendation-news-delivery = Mae'r cyflawni nawr: { $delivery }.
recommendation-news-milestone-added = Carreg filltir newydd: { $detail }.
recommendation-news-milestone-done = Mae carreg filltir wedi'i gwneud: { $detail }.
recommendation-news-verification-asked = Mae pobl yn cael eu holi a wnaeth wahaniaeth.
recommendation-news-verified = Mae'r bobl a holwyd yn dweud iddo wneud y gwahaniaeth a fwriadwyd.
recommendation-news-not-verified = Mae'r bobl a holwyd yn dweud nad yw wedi gwneud y gwahaniaeth a fwriadwyd eto.
recommendation-news-reopened = Mae wedi'i ailagor: { $detail }

recommendation-follow = Dilyn yr argymhelliad hwn
recommendation-follow-hint = Cael neges bob tro y bydd rhywbeth yn newid, mor aml ag y dewisoch chi ar gyfer negeseuon.
recommendation-unfollow = Peidio â dilyn
recommendation-you-follow = Rydych yn dilyn yr argymhelliad hwn.
recommendation-following = Rydych yn dilyn yr argymhelliad hwn.
recommendation-not-following = Rydych wedi peidio â dilyn yr argymhelliad hwn.

verification-question = A yw hyn wedi gwneud y gwahaniaeth a fwriadwyd?
verification-question-hint = Fe'ch holwyd am eich bod yn y grŵp sy'n ei fonitro.
verification-words = Dywedwch wrthym pam
verification-words-hint = Mae angen hwn os dywedwch yn rhannol neu na. Caiff eich geiriau eu cyhoeddi heb eich enw.
verification-send = Anfon ateb
verification-thanks = Diolch. Caiff eich ateb ei gyfrif unwaith; gallwch ei newid unrhyw bryd.
verification-you-were-asked = Fe'ch holwyd a wnaeth hyn y gwahaniaeth a fwriadwyd.
verification-asked = Mae aelodau'r grŵp nad oedd wedi'u holi wedi cael eu holi.
verification-error-answer = Dewiswch ie, yn rhannol neu na
verification-error-words = Dywedwch wrthym pam nad yw wedi gwneud y gwahaniaeth

recommendation-error-title = Rhowch deitl
recommendation-error-body = Rhowch beth a argymhellir
recommendation-error-addressed-to = Rhowch at bwy y mae wedi'i gyfeirio
recommendation-error-owner = Rhowch y sefydliad sy'n gyfrifol
recommendation-error-role = Rhowch y rôl sy'n gyfrifol
recommendation-error-due = Rhowch y dyddiad erbyn pryd, er enghraifft 27 3 2027
recommendation-error-priority = Dewiswch flaenoriaeth
recommendation-error-too-long = Rhaid i hyn fod yn { $max } nod neu lai
recommendation-error-note-too-long = Rhaid i'r nodyn fod yn { $max } nod neu lai
recommendation-error-decision = Dewiswch wedi'i dderbyn, wedi'i dderbyn yn rhannol neu wedi'i wrthod
recommendation-error-reason = Dywedwch pam y cafodd ei wrthod. Caiff y rheswm ei gyhoeddi
recommendation-error-part = Dywedwch pa ran a dderbyniwyd
recommendation-error-delivery = Dewiswch pa mor bell y mae wedi'i gyflawni
recommendation-error-delivery-started = Mae'r cyflawni wedi dechrau, felly ni ellir ei wrthod nawr. Ailagorwch ef neu cofnodwch ef wedi'i dderbyn yn rhannol
recommendation-error-not-accepted = Cofnodwch y penderfyniad yn gyntaf: dim ond argymhelliad a dderbyniwyd sy'n cael ei gyflawni
recommendation-error-implemented = Mae wedi'i weithredu. Ailagorwch ef i'w symud yn ôl i ar y gweill
recommendation-error-not-implemented = Dim ond argymhelliad wedi'i weithredu y gellir ei ailagor
recommendation-error-reopen-reason = Dywedwch pam y mae'n cael ei ailagor
recommendation-error-rule = Rhowch rif cyfan o 0 i 100
recommendation-error-theme = Dewiswch themâu o restr yr ymgysylltiad hwn

implementation-groups-title = Grwpiau gweithredu
implementation-groups-intro = Gweithgor sy'n cael argymhellion i'w monitro. Mae ei aelodau'n eu gweld gyda'i gilydd, yn cadw nodiadau, a nhw yw'r bobl a holir a wnaeth pob un y gwahaniaeth.
implementation-groups-none = Nid oes grwpiau gweithredu eto.
implementation-group-new = Creu grŵp
implementation-group-name = Enw
implementation-group-create = Creu grŵp
implementation-group-created = Grŵp wedi'i greu.
implementation-group-members = Aelodau
implementation-group-no-members = Dim aelodau eto.
implementation-group-member-hidden = Rhywun na allwch ei weld ar y gofrestr
implementation-group-remove = Tynnu
implementation-group-member-removed = Aelod wedi'i dynnu.
implementation-group-find = Dod o hyd i berson i'w ychwanegu
implementation-group-find-hint = Teipiwch ran o'i enw.
implementation-group-search = Chwilio
implementation-group-nobody-found = Neb â'r enw hwnnw.
implementation-group-add = Ychwanegu
implementation-group-member-added = Aelod wedi'i ychwanegu.
implementation-group-monitors = Beth y mae'r grŵp yn ei fonitro
implementation-group-nothing-monitored = Dim byd eto.
implementation-group-assign = Argymhellion i'w monitro
implementation-group-assign-hint = Aelodau'r grŵp hwn yw'r bobl a holir i ddilysu'r rhain.
implementation-group-assign-save = Cadw
implementation-group-assigned = Wedi'i gadw.
implementation-group-notes = Nodiadau
implementation-group-notes-none = Dim nodiadau eto.
implementation-group-note = Nodyn
implementation-group-note-hint = Dim ond y grŵp a'r tîm sy'n gweld nodiadau.
implementation-group-note-about = Ynglŷn â
implementation-group-note-general = Gwaith y grŵp yn gyffredinol
implementation-group-note-add = Ychwanegu nodyn
implementation-group-note-added = Nodyn wedi'i ychwanegu.
implementation-group-note-by-member = Aelod
implementation-group-note-by-staff = Y tîm
implementation-group-yours = Eich grŵp gweithredu
implementation-group-member-intro = Rydych yn monitro'r argymhellion hyn. Pan fydd un wedi'i weithredu, fe'ch holir a wnaeth y gwahaniaeth a fwriadwyd.
implementation-group-error-name = Rhowch enw i'r grŵp
implementation-group-error-note = Ysgrifennwch eich nodyn
implementation-group-error-person = Chwiliwch am berson wrth ei enw, yna dewiswch Ychwanegu wrth ei ymyl

recommendation-notice-subject = Newyddion am argymhelliad: { $recommendation }
recommendation-notice-body =
    Mae newyddion am yr argymhelliad "{ $recommendation }", yr ydych yn ei ddilyn.

    { $news }

    Gweld beth sydd wedi digwydd hyd yma: { $link }

    Gallwch beidio â'i ddilyn ar y dudalen honno.
recommendation-notice-easy =
    Mae newyddion am rywbeth y dywedon ni y bydden ni'n ei wneud.

    Ei enw yw: { $recommendation }

    { $news }

    Dysgwch fwy yma: { $link }
verification-notice-subject = A yw wedi gwneud gwahaniaeth? { $recommendation }
verification-notice-body =
    Mae'r argymhelliad "{ $recommendation }" wedi'i nodi wedi'i weithredu.

    Rydych yn y grŵp sy'n ei fonitro. Dywedwch wrthym a yw wedi gwneud y gwahaniaeth a fwriadwyd: ie, yn rhannol neu na, a pham.

    Atebwch yma: { $link }
verification-notice-easy =
    Rydyn ni'n dweud ein bod wedi gwneud hyn:

    { $recommendation }

    A yw wedi gwneud pethau'n well?

    Dywedwch wrthym yma: { $link }
notice-kind-recommendation-update = Newyddion am argymhellion yr ydych yn eu dilyn
notice-kind-verification-asked = Cwestiynau am a weithiodd argymhellion

audit-action-recommendation-proposed = Argymhelliad wedi'i ychwanegu
audit-action-recommendation-decided = Penderfyniad ar argymhelliad
audit-action-recommendation-delivery = Cyflawni argymhelliad wedi newid
audit-action-recommendation-themed = Themâu argymhelliad wedi newid
audit-action-milestone-added = Carreg filltir wedi'i hychwanegu
audit-action-milestone-done = Carreg filltir wedi'i gwneud
audit-action-verification-asked = Holwyd pobl i ddilysu argymhelliad
audit-action-recommendation-answered = Ateb i ddilysu argymhelliad
audit-action-recommendation-reopened = Argymhelliad wedi'i ailagor
audit-action-recommendation-followed = Dilyn neu beidio â dilyn argymhelliad
audit-action-verification-rule-set = Rheol dilysu wedi'i gosod
audit-action-implementation-group-created = Grŵp gweithredu wedi'i greu
audit-action-implementation-group-member-added = Aelod wedi'i ychwanegu at grŵp gweithredu
audit-action-implementation-group-member-removed = Aelod wedi'i dynnu o grŵp gweithredu
audit-action-implementation-group-assigned = Grŵp gweithredu wedi cael argymhellion
audit-action-implementation-group-note = Nodyn grŵp gweithredu wedi'i ychwanegu
