// A keyboard-only journey through "How we contact you": a panel member chooses a daily digest,
// saves, sees the confirmation, and puts it back; then stops optional messages from her own
// unsubscribe link. Each page passes axe-core (the contact page in English and Welsh).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signIn, axeViolations, formatViolations } from './support/browser.mjs'
import { focused, assertVisibleFocus, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const EMAIL = 'member@northtown-dpf.example'
const env = serverAndBrowser()

/** On the contact page, move the "how often" choice with the arrow keys and save. */
async function chooseFrequency (page, key, expected) {
  await page.goto(env.server.baseURL + '/your-data/contact', { waitUntil: 'load' })
  await tabUntil(page, (s) => s.name === 'frequency', { step: 'Tab to "How often"' })
  await page.keyboard.press(key)
  const f = await focused(page)
  assert.ok(f.name === 'frequency' && f.value === expected && f.checked,
    `${key} in the "How often" radios should choose ${expected}, but focused ${f.html}`)
  assertVisibleFocus(f, `the ${expected} radio`)
  await tabUntil(page, (s) => s.tag === 'button' && /^(Save|Cadw)$/.test(s.text), { step: 'Tab to Save' })
  await pressAndWaitForLoad(page, 'Enter', 'Enter on Save')
}

test('keyboard only: How we contact you, a daily digest chosen and put back', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, EMAIL)
    for (const lang of ['en', 'cy']) {
      await page.goto(env.server.baseURL + `/language?to=${lang}&return=%2Fyour-data%2Fcontact`, { waitUntil: 'load' })
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang)
      const violations = await axeViolations(page)
      assert.equal(violations.length, 0, formatViolations([{ where: `/your-data/contact (${lang})`, violations }]))
    }
    await page.goto(env.server.baseURL + '/language?to=en&return=%2F', { waitUntil: 'load' })

    await chooseFrequency(page, 'ArrowDown', 'daily')
    assert.equal(pathOf(page), '/your-data')
    const saved = await page.locator('body').innerText()
    assert.ok(saved.includes('How we contact you has been saved.'), 'the confirmation is shown')
    const after = await axeViolations(page)
    assert.equal(after.length, 0, formatViolations([{ where: '/your-data after saving', violations: after }]))
    log('contact: daily digest chosen by keyboard and saved')

    await chooseFrequency(page, 'ArrowUp', 'immediate')
    assert.equal(pathOf(page), '/your-data')
    log('contact: put back to straight away')

    // Stopping optional messages from the person's own link, by keyboard; both pages scanned.
    await page.goto(env.server.baseURL + '/your-data/contact', { waitUntil: 'load' })
    const unsubscribe = await page.locator('a[href^="/unsubscribe/"]').getAttribute('href')
    await page.goto(env.server.baseURL + unsubscribe, { waitUntil: 'load' })
    let scan = await axeViolations(page)
    assert.equal(scan.length, 0, formatViolations([{ where: 'unsubscribe', violations: scan }]))
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Stop these messages', { step: 'Tab to "Stop these messages"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Stop these messages"')
    const done = await page.locator('main h1').innerText()
    assert.equal(done, 'You will not get optional messages any more')
    scan = await axeViolations(page)
    assert.equal(scan.length, 0, formatViolations([{ where: 'unsubscribed', violations: scan }]))
    log('contact: optional messages stopped from the link')

    // Put them back as they were, on the contact page.
    await page.goto(env.server.baseURL + '/your-data/contact', { waitUntil: 'load' })
    for (const box of await page.locator('input[name="receive"]').all()) await box.check()
    await Promise.all([page.waitForEvent('load'), page.locator('form[action="/your-data/contact"] button').click()])
    assert.equal(pathOf(page), '/your-data')
  } finally {
    await context.close()
  }
})
