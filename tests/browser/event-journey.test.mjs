// A newcomer's whole journey with events, by keyboard alone, in English and
// then in Welsh: a facilitator adds an engagement (rung, what is decided, the
// limits of power, a commitment) and an event at an accessible venue, and
// invites the panel; a Deaf member who needs a BSL interpreter and Easy Read
// papers books a place; the facilitator sees the access plan, arranges both
// and marks the event ready; the public page says it all. Every page on the
// way is scanned with axe-core.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, formatViolations } from './support/browser.mjs'
import { tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import {
  typeInto, tick, chooseRadio, chooseOption, press, follow, followTo, assertNoErrors, signInByKeyboard, useLanguage, scan
} from './support/forms.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const FACILITATOR = 'facilitator@northtown-dpf.example'
const MEMBER = 'member@northtown-dpf.example'
const PANEL = /Greater Northtown Disabled People/
const VENUE = /Northtown Community Hub/

const env = serverAndBrowser()

/** A date `days` from today as day, month and year. */
function inDays (days) {
  const d = new Date(Date.now() + days * 86_400_000)
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) }
}

async function typeDate (page, prefix, date) {
  await typeInto(page, `${prefix}-day`, date.day)
  await typeInto(page, `${prefix}-month`, date.month)
  await typeInto(page, `${prefix}-year`, date.year)
}

async function newPage (lang) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'cy' ? 'cy-GB' : 'en-GB' })
  return { context, page: await context.newPage() }
}

for (const lang of ['en', 'cy']) {
  test(`keyboard only (${lang}): engagement, event, booking with BSL and Easy Read, access plan, ready, public page`, async () => {
    const stamp = `${lang}-${Date.now().toString(36)}`
    const engagementTitle = `Bus station access review ${stamp}`
    const eventTitle = `First workshop ${stamp}`
    const eventDay = inDays(35)
    const violations = []

    // --- The facilitator: engagement, commitment, event, invitations -------------------------
    const staff = await newPage(lang)
    const page = staff.page
    try {
      await signInByKeyboard(page, env.server.baseURL, FACILITATOR, PASSWORD)
      await useLanguage(page, lang)
      await tabUntil(page, (s) => s.tag === 'a' && /Northtown Disabled People's Forum/.test(s.text) && !s.inServiceNav,
        { step: 'Tab to the organisation' })
      await pressAndWaitForLoad(page, 'Enter', 'Enter on the organisation')
      await follow(page, lang === 'cy' ? /Ymgysylltiadau rydych yn eu harwain/ : /Engagements you lead/)
      await follow(page, lang === 'cy' ? /Ychwanegu ymgysylltiad/ : /Add an engagement/)
      await scan(page, violations)

      await typeInto(page, 'title_en', engagementTitle)
      await typeInto(page, 'title_cy', `Adolygiad mynediad yr orsaf fysiau ${stamp}`)
      await typeInto(page, 'summary_en', 'Disabled people and the council review access at the new bus station together.')
      await chooseOption(page, 'topic', /Transport|Trafnidiaeth/)
      await chooseRadio(page, 'rung', 'co_produce')
      await typeInto(page, 'decided_en', 'The bus station will be rebuilt on the same site.')
      await typeInto(page, 'can_change_en', 'The layout of the concourse, the toilets, the signs and the help point.')
      await typeInto(page, 'limits_en', 'The budget is fixed at £2m by national rules.')
      await typeInto(page, 'limits_cy', "Mae'r gyllideb wedi'i phennu'n £2m gan reolau cenedlaethol.")
      await chooseRadio(page, 'phase', 'inward')
      await chooseRadio(page, 'stage', 'forming')
      await typeInto(page, 'area_en', 'Northtown town centre')
      await typeDate(page, 'starts', inDays(0))
      await typeDate(page, 'ends', inDays(180))
      await chooseRadio(page, 'openness', 'invitation')
      await typeInto(page, 'contact_name', 'Femi Adeyemi')
      await typeInto(page, 'contact_email', 'facilitator@northtown-dpf.example')
      await press(page, lang === 'cy' ? /^Ychwanegu ymgysylltiad$/ : /^Add engagement$/)
      await assertNoErrors(page, 'adding the engagement')
      assert.match(await page.textContent('h1'), /Bus station access review|Adolygiad mynediad/)
      const engagementPath = pathOf(page)
      await scan(page, violations)
      log(`${lang}: engagement added at ${engagementPath}`)

      await follow(page, lang === 'cy' ? /Ychwanegu ymrwymiad/ : /Add a commitment/)
      await typeInto(page, 'statement_en', 'The Lived Experience Team holds 40% of the tender score.')
      await typeInto(page, 'owner', 'Head of Commissioning')
      await typeDate(page, 'due', inDays(90))
      await press(page, lang === 'cy' ? /^Cadw$/ : /^Save$/)
      await assertNoErrors(page, 'adding the commitment')
      assert.equal(pathOf(page), engagementPath)
      assert.match(await page.textContent('main'), /40% of the tender score/)

      await follow(page, lang === 'cy' ? /Ychwanegu digwyddiad/ : /Add an event/)
      await scan(page, violations)
      await typeInto(page, 'title', eventTitle)
      await chooseRadio(page, 'mode', 'in_person')
      await typeDate(page, 'date', eventDay)
      await typeInto(page, 'start', '10:30')
      await typeInto(page, 'length', '120')
      await typeInto(page, 'capacity', '20')
      await chooseOption(page, 'venue', VENUE)
      await chooseRadio(page, 'booking', 'invitation')
      await chooseRadio(page, 'published', 'yes')
      await press(page, lang === 'cy' ? /Cadw'r digwyddiad/ : /Save event/)
      await assertNoErrors(page, 'adding the event')
      assert.match(await page.textContent('h1'), new RegExp(eventTitle))
      const eventPath = pathOf(page)
      await scan(page, violations)
      log(`${lang}: event added at ${eventPath}`)

      await chooseOption(page, 'panel', PANEL)
      await press(page, lang === 'cy' ? /Anfon gwahoddiadau/ : /Send invitations/)
      await assertNoErrors(page, 'inviting the panel')
      // The event page again, listing anyone without email to phone or write to.
      assert.ok(pathOf(page).startsWith(eventPath), `inviting stays on the event, not ${pathOf(page)}`)
      await scan(page, violations)
      log(`${lang}: panel invited`)

      // --- The member books, with their saved needs shown back -------------------------------
      const member = await newPage(lang)
      const mpage = member.page
      try {
        await signInByKeyboard(mpage, env.server.baseURL, MEMBER, PASSWORD)
        await useLanguage(mpage, lang)
        // Her access needs, as she keeps them in "Your data" (ticked if not already: on a shared
        // database an earlier test may have changed them).
        await followTo(mpage, /./, '/your-data')
        await followTo(mpage, /./, '/your-data/access-needs')
        await tick(mpage, 'needs-communication', 'bsl_interpreter')
        await tick(mpage, 'needs-communication', 'easy_read')
        await press(mpage, lang === 'cy' ? /^Cadw$/ : /^Save$/)
        await assertNoErrors(mpage, 'saving access needs')
        await follow(mpage, lang === 'cy' ? /Eich digwyddiadau/ : /Your events/)
        await scan(mpage, violations)
        await follow(mpage, new RegExp(eventTitle))
        assert.match(pathOf(mpage), /^\/events\/[^/]+\/book$/)
        const needs = await mpage.textContent('#saved-needs')
        assert.match(needs, /BSL|Iaith Arwyddion Prydain/, 'the saved BSL need is shown back')
        assert.match(needs, /Easy Read|Hawdd eu Deall/, 'the saved Easy Read need is shown back')
        await scan(mpage, violations)
        await typeInto(mpage, 'event_needs', 'A seat where I can see both interpreters.')
        await chooseRadio(mpage, 'companion', 'no')
        await press(mpage, lang === 'cy' ? /^Archebu lle$/ : /^Book a place$/)
        await assertNoErrors(mpage, 'booking')
        assert.match(await mpage.textContent('main'), lang === 'cy' ? /Mae gennych le/ : /You have a place/)
        await scan(mpage, violations)
        log(`${lang}: member booked`)
      } finally {
        await member.context.close()
      }

      // --- The facilitator's access plan: arrange both, then mark ready ---------------------
      await page.goto(env.server.baseURL + eventPath, { waitUntil: 'load' })
      await follow(page, lang === 'cy' ? /Cynllun hygyrchedd/ : /Access plan/)
      await scan(page, violations)
      const plan = await page.textContent('main')
      assert.match(plan, /BSL|Iaith Arwyddion/, 'the plan lists BSL interpreters')
      assert.match(plan, /Easy Read|Hawdd eu Deall/, 'the plan lists Easy Read papers')

      // Ready is refused while anything is unresolved.
      await press(page, lang === 'cy' ? /Nodi bod y digwyddiad yn barod/ : /Mark the event as ready/)
      assert.ok(await page.locator('.govuk-error-summary').count() > 0, 'marking ready with unresolved needs is refused')
      await scan(page, violations)

      // The seat near the interpreters, typed when booking, is an item of its own.
      for (const item of [/BSL|Iaith Arwyddion/, /Easy Read|Hawdd eu Deall/, /other needs for this event|anghenion eraill/]) {
        await followTo(page, item, '/access-plan/items/')
        await scan(page, violations)
        await chooseRadio(page, 'status', 'arranged')
        const today = inDays(0)
        await typeInto(page, 'booked_on', `${today.day} ${today.month} ${today.year}`)
        await typeInto(page, 'cost', '350.00')
        await press(page, lang === 'cy' ? /^Cadw$/ : /^Save$/)
        await assertNoErrors(page, `arranging ${item}`)
      }
      await press(page, lang === 'cy' ? /Nodi bod y digwyddiad yn barod/ : /Mark the event as ready/)
      await assertNoErrors(page, 'marking the event ready')
      assert.match(await page.textContent('main'), lang === 'cy' ? /Yn barod/ : /Ready/)
      await scan(page, violations)
      log(`${lang}: arranged and marked ready`)

      // --- The public page says where the power sits, and lists the commitment --------------
      await page.goto(env.server.baseURL + engagementPath, { waitUntil: 'load' })
      await press(page, lang === 'cy' ? /^Cyhoeddi$/ : /^Publish$/)
      await assertNoErrors(page, 'publishing the engagement')
      await follow(page, lang === 'cy' ? /Gweld y dudalen gyhoeddus/ : /See the public page/)
      await scan(page, violations)
      const publicPage = await page.textContent('main')
      assert.match(publicPage, lang === 'cy' ? /£2m gan reolau cenedlaethol/ : /£2m by national rules/)
      assert.match(publicPage, /40% of the tender score/)
      assert.match(publicPage, lang === 'cy' ? /Cydgynhyrchu/ : /Co-produce|Co-production/)
    } finally {
      await staff.context.close()
    }

    assert.equal(violations.length, 0, `axe found violations:\n${formatViolations(violations)}`)
  })
}
