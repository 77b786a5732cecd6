// Booking a place for someone who does not go online, by keyboard alone, in
// English and then in Welsh: Joseph Ellis (letters only) writes to the forum;
// the facilitator finds him on the register from the event's page, forgets to
// say how he asked and is told so, then books his place saying he wrote in,
// sees the access plan, and cancels the place again the same way (so the next
// run starts from the same demo data). Every page on the way is scanned with
// axe-core, the error state included.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, formatViolations } from './support/browser.mjs'
import { tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { typeInto, chooseRadio, press, follow, assertNoErrors, signInByKeyboard, useLanguage, scan } from './support/forms.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const FACILITATOR = 'facilitator@northtown-dpf.example'
const EVENT = /Short breaks: what should the new service offer\?/

const env = serverAndBrowser()

for (const lang of ['en', 'cy']) {
  test(`keyboard only (${lang}): staff book a place for someone who wrote in, then cancel it`, async () => {
    const violations = []
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'cy' ? 'cy-GB' : 'en-GB' })
    const page = await context.newPage()
    try {
      await signInByKeyboard(page, env.server.baseURL, FACILITATOR, PASSWORD)
      await useLanguage(page, lang)
      await tabUntil(page, (s) => s.tag === 'a' && /Northtown Disabled People's Forum/.test(s.text) && !s.inServiceNav,
        { step: 'Tab to the organisation' })
      await pressAndWaitForLoad(page, 'Enter', 'Enter on the organisation')
      await follow(page, lang === 'cy' ? /Ymgysylltiadau rydych yn eu harwain/ : /Engagements you lead/)
      await follow(page, /Redesigning short breaks|Ailgynllunio seibiannau byr/)
      await follow(page, EVENT)
      const eventPath = pathOf(page)

      // Finding him on the register by part of his name.
      await follow(page, lang === 'cy' ? /^Archebu lle i rywun$/ : /^Book a place for someone$/)
      assert.equal(pathOf(page), `${eventPath}/book-for`)
      await scan(page, violations)
      await typeInto(page, 'q', 'Joseph')
      await press(page, lang === 'cy' ? /^Chwilio$/ : /^Search$/)
      await scan(page, violations)
      await follow(page, /^Joseph Ellis$/)
      assert.match(await page.textContent('h1'), /Joseph Ellis/)
      await scan(page, violations)

      // Not saying how he asked is refused, with the error summary first.
      await typeInto(page, 'event_needs', 'Papers in 20 point print, posted a week before.')
      await chooseRadio(page, 'companion', 'yes')
      await press(page, lang === 'cy' ? /^Archebu lle$/ : /^Book a place$/)
      const summary = await page.locator('.govuk-error-summary').textContent()
      assert.match(summary, lang === 'cy' ? /Dewiswch sut wnaethon nhw ddweud wrthych chi/ : /Select how they told you/)
      await scan(page, violations)

      // He wrote in: the place is booked, and he is on the event's list.
      await chooseRadio(page, 'told', 'paper')
      await press(page, lang === 'cy' ? /^Archebu lle$/ : /^Book a place$/)
      await assertNoErrors(page, 'booking for Joseph Ellis')
      assert.equal(pathOf(page), eventPath)
      const main = await page.textContent('main')
      assert.match(main, lang === 'cy' ? /Lle wedi'i archebu/ : /Place booked/)
      assert.match(main, /Joseph Ellis/)
      await scan(page, violations)
      log(`${lang}: booked for Joseph Ellis`)

      // The access plan holds the needs of the people booked by staff (Margaret Thompson's
      // large print, booked when she phoned).
      await follow(page, lang === 'cy' ? /Cynllun hygyrchedd/ : /Access plan/)
      assert.match(await page.textContent('main'), /Large print|Print bras/)
      await page.goBack({ waitUntil: 'load' })

      // He writes again to say he cannot come: cancelled for him, the same way.
      await follow(page, /^Joseph Ellis/)
      await chooseRadio(page, 'cancel_told', 'paper')
      await press(page, lang === 'cy' ? /^Canslo eu lle$/ : /^Cancel their place$/)
      await assertNoErrors(page, 'cancelling for Joseph Ellis')
      assert.match(await page.textContent('main'), lang === 'cy' ? /Mae eu lle wedi'i ganslo/ : /Their place is cancelled/)
      await scan(page, violations)
      log(`${lang}: cancelled for Joseph Ellis`)
    } finally {
      await context.close()
    }
    assert.equal(violations.length, 0, `axe found violations:\n${formatViolations(violations)}`)
  })
}
