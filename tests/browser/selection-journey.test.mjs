// Choosing a working group fairly, by keyboard alone, in English and then in
// Welsh: the DPO facilitator starts a working group from the DPO's panel, sets
// a quota the panel cannot meet and reads why, fixes it, has the fair chances
// worked out (waiting while the page shows progress), checks everyone's chance
// and that they add up to the number of places, reads the lottery's published
// fingerprint, draws with a seed and invites the people drawn. Every page on
// the way is scanned with axe-core.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, formatViolations } from './support/browser.mjs'
import { tabUntil, pressAndWaitForLoad, focused, assertVisibleFocus } from './support/keyboard.mjs'
import {
  typeInto, tick, chooseOption, press, follow, assertNoErrors, signInByKeyboard, useLanguage, scan
} from './support/forms.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const FACILITATOR = 'facilitator@northtown-dpf.example'
const PANEL = /Greater Northtown Disabled People/
const PLACES = 8
// Wales, as a region quota's field ids name it.
const WALES = 'region-TLL'

const words = {
  en: {
    choose: /^Choose a working group fairly$/,
    start: /^Start a working group$/,
    continue: /^Continue$/,
    show: /^Show these$/,
    save: /^Check and save the quotas$/,
    compute: /^Work out fair chances$/,
    draw: /^Draw the working group$/,
    invite: /^Invite the people chosen$/,
    toDraw: /^3\. The draw$/,
    notEnough: /Wales \(“Nation or region”\): the minimum is \d+, but only \d+ people who can be chosen gave this answer\./,
    relax: /The smallest change that would make a working group possible:/,
    feasible: /These quotas can be met\. They have been saved\./,
    drawn: /The working group has been drawn\./,
    invited: /The invitations have been sent\./
  },
  cy: {
    choose: /^Dewis gweithgor yn deg$/,
    start: /^Dechrau gweithgor$/,
    continue: /^Parhau$/,
    show: /^Dangos y rhain$/,
    save: /^Gwirio a chadw'r cwotâu$/,
    compute: /^Cyfrifo siawns deg$/,
    draw: /^Tynnu'r gweithgor$/,
    invite: /^Gwahodd y bobl a ddewiswyd$/,
    toDraw: /^3\. Y tynnu$/,
    notEnough: /Cymru \(“Gwlad neu ranbarth”\): yr isafswm yw \d+, ond dim ond \d+ o'r bobl y gellir eu dewis a roddodd yr ateb hwn\./,
    relax: /Y newid lleiaf a fyddai'n gwneud gweithgor yn bosibl:/,
    feasible: /Gellir bodloni'r cwotâu hyn\. Maen nhw wedi'u cadw\./,
    drawn: /Mae'r gweithgor wedi'i dynnu\./,
    invited: /Mae'r gwahoddiadau wedi'u hanfon\./
  }
}

const env = serverAndBrowser()

const text = async (page, selector) => ((await page.textContent(selector)) || '').replace(/\s+/g, ' ').trim()

/** Tab to the field with this id, select what it holds (Control+A) and type over it. */
async function replaceIn (page, id, value) {
  await tabUntil(page, (s) => s.id === id, { step: `Tab to #${id}` })
  await page.keyboard.press('Control+A')
  await page.keyboard.type(value)
  assert.equal((await focused(page)).value, value, `#${id} should hold ${value}`)
}

/**
 * While the page says the chances are being worked out, wait for it to change:
 * it refreshes itself every 5 seconds; if it has stopped refreshing, follow
 * "Refresh now" with the keyboard. Gives up after two minutes.
 */
async function waitForChances (page, lang) {
  const deadline = Date.now() + 120_000
  while (await page.locator('#progress').count()) {
    assert.ok(Date.now() < deadline, 'the chances were not worked out within two minutes')
    if (await page.locator('meta[http-equiv="refresh"]').count()) {
      await page.waitForEvent('load', { timeout: 10_000 })
    } else {
      await follow(page, lang === 'cy' ? /^Adnewyddu nawr$/ : /^Refresh now$/)
    }
  }
}

for (const lang of ['en', 'cy']) {
  test(`keyboard only (${lang}): a working group chosen fairly, from quotas to invitations`, async () => {
    const w = words[lang]
    const stamp = `${lang}-${Date.now().toString(36)}`
    const groupName = `Bus station working group ${stamp}`
    const violations = []
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'cy' ? 'cy-GB' : 'en-GB' })
    const page = await context.newPage()
    try {
      await signInByKeyboard(page, env.server.baseURL, FACILITATOR, PASSWORD)
      await useLanguage(page, lang)
      await tabUntil(page, (s) => s.tag === 'a' && /Northtown Disabled People's Forum/.test(s.text) && !s.inServiceNav,
        { step: 'Tab to the organisation' })
      await pressAndWaitForLoad(page, 'Enter', 'Enter on the organisation')
      await follow(page, w.choose)
      await scan(page, violations)
      await follow(page, w.start)
      await scan(page, violations)

      // --- Start the working group ---------------------------------------------------------
      await typeInto(page, 'name', groupName)
      await chooseOption(page, 'panel', PANEL)
      await typeInto(page, 'size', String(PLACES))
      await press(page, w.continue)
      await assertNoErrors(page, 'starting the working group')
      assert.match(pathOf(page), /\/selections\/[0-9a-f-]+\/quotas$/)
      const groupPath = pathOf(page).replace(/\/quotas$/, '')
      await scan(page, violations)
      log(`${lang}: working group started at ${groupPath}`)

      // --- Quotas: first one the panel cannot meet -------------------------------------------
      await tick(page, 'features', 'region')
      await press(page, w.show)
      await scan(page, violations)
      const walesRow = page.locator(`tr:has(#min-${WALES})`)
      const wales = Number(await walesRow.locator('td').first().textContent())
      assert.ok(wales >= 1 && wales < PLACES, `the demo panel has a few people in Wales (${wales})`)
      const tooMany = String(wales + 1)
      await replaceIn(page, `min-${WALES}`, tooMany)
      await replaceIn(page, `max-${WALES}`, tooMany)
      await press(page, w.save)
      assert.equal(pathOf(page), `${groupPath}/quotas`)
      const summary = await text(page, '.govuk-error-summary')
      assert.match(summary, w.notEnough, 'the error summary explains the conflict')
      assert.doesNotMatch(summary, /infeasible/i)
      assert.match(await text(page, '#relaxation'), w.relax, 'the smallest change is suggested')
      assert.match(await text(page, '#relaxation'), new RegExp(`${tooMany}\\D+${wales}`),
        'the suggestion lowers the minimum to the number of people there are')
      const focus = await focused(page)
      assert.ok(focus.inErrorSummary || focus.tag === 'div', 'focus moves to the error summary')
      await scan(page, violations)

      // --- ... then fixed --------------------------------------------------------------------
      await replaceIn(page, `min-${WALES}`, '1')
      await replaceIn(page, `max-${WALES}`, String(wales))
      await press(page, w.save)
      await assertNoErrors(page, 'saving feasible quotas')
      assert.equal(pathOf(page), groupPath)
      assert.match(await text(page, 'main'), w.feasible)
      await scan(page, violations)

      // --- Fair chances, worked out in the background ------------------------------------------
      await press(page, w.compute)
      await assertNoErrors(page, 'asking for the chances')
      if (await page.locator('#progress').count()) await scan(page, violations)
      const started = Date.now()
      await waitForChances(page, lang)
      log(`${lang}: chances shown ${Date.now() - started} ms after the page first loaded`)
      await assertNoErrors(page, 'working out the chances')
      assert.equal(await page.locator('#failure').count(), 0, await text(page, 'main'))
      const pool = Number(await text(page, '#pool-size'))
      const rows = await page.locator('#chances tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        name: tr.querySelector('th').textContent.trim(),
        chance: tr.querySelectorAll('td')[0].textContent.trim()
      })))
      assert.equal(rows.length, pool, 'everyone who can be chosen has a chance shown')
      let total = 0
      for (const row of rows) {
        assert.match(row.chance, /^\d+\.\d%$/, `${row.name}'s chance`)
        total += Number(row.chance.replace('%', ''))
      }
      // Each chance is rounded to 0.1 percentage points.
      assert.ok(Math.abs(total - PLACES * 100) <= 0.05 * rows.length + 1e-9,
        `the chances add up to ${PLACES} places: ${total}%`)
      const hash = await text(page, '#lottery-hash')
      assert.match(hash, /^[0-9a-f]{64}$/, 'the lottery fingerprint is published')
      await scan(page, violations)

      // --- The draw: skip past the table of chances to the draw, enter the seed ---------------
      await tabUntil(page, (s) => s.tag === 'a' && w.toDraw.test(s.text), { step: 'Tab to the link to the draw' })
      await page.keyboard.press('Enter')
      const seed = `7 19 23 31 44 52, bonus 3 (${stamp})`
      await typeInto(page, 'seed', seed)
      const stops = await tabUntil(page, (s) => s.tag === 'button' && w.draw.test(s.text), { step: `Tab to "${w.draw}"`, max: 5 })
      assert.ok(stops.length <= 2, 'the draw button follows the seed')
      await pressAndWaitForLoad(page, 'Enter', 'Enter on the draw button')
      await assertNoErrors(page, 'the draw')
      assert.match(await text(page, 'main'), w.drawn)
      assert.equal(await text(page, '#seed-used'), seed)
      const chosen = await page.locator('#chosen li').allTextContents()
      assert.equal(chosen.length, PLACES, `the ${PLACES} people drawn are listed`)
      const names = new Set(rows.map((r) => r.name))
      for (const name of chosen) assert.ok(names.has(name.trim()), `${name} was in the pool`)
      assert.match(await text(page, '#draw-hash'), new RegExp(`^${hash}$`), 'drawn from the published lottery')
      await scan(page, violations)

      // --- Invitations --------------------------------------------------------------------------
      await tabUntil(page, (s) => s.tag === 'a' && /^4\. /.test(s.text), { step: 'Tab to the link to the invitations' })
      await page.keyboard.press('Enter')
      await tabUntil(page, (s) => s.tag === 'button' && w.invite.test(s.text), { step: `Tab to "${w.invite}"`, max: 5 })
      assertVisibleFocus(await focused(page), 'the invite button')
      await pressAndWaitForLoad(page, 'Enter', 'Enter on the invite button')
      await assertNoErrors(page, 'sending invitations')
      assert.match(await text(page, 'main'), w.invited)
      const emailed = await page.locator('#emailed li').count()
      const others = await page.locator('#to-contact tbody tr').count()
      assert.ok(emailed + others >= 1, 'the people drawn are invited or listed to contact')
      assert.ok(emailed + others <= PLACES)
      await scan(page, violations)
      log(`${lang}: ${emailed} invited by email, ${others} to contact another way`)
    } finally {
      await context.close()
    }
    assert.equal(violations.length, 0, `axe-core found violations:\n${formatViolations(violations)}`)
  })
}
