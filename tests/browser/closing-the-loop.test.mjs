// Keyboard-only journeys through closing the loop: a panel member has her say on an engagement
// (first sending nothing, and being told what to fix), gets a reference, and finds it in Your data;
// a facilitator answers everyone waiting on a theme at once. Every page passes axe-core.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signIn, axeViolations, formatViolations } from './support/browser.mjs'
import { focused, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const MEMBER = 'member@northtown-dpf.example'
const FACILITATOR = 'facilitator@northtown-dpf.example'
const env = serverAndBrowser()

async function scan (page, where) {
  const violations = await axeViolations(page)
  assert.equal(violations.length, 0, formatViolations([{ where, violations }]))
}

/** The public page of the demo's co-produced engagement, in English (an earlier journey on the same
 * database may have left the account reading Welsh). */
async function shortBreaksPage (page) {
  await page.goto(env.server.baseURL + '/language?to=en&return=%2Fengagements', { waitUntil: 'load' })
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
  const href = await page.locator('a', { hasText: 'Redesigning short breaks' }).first().getAttribute('href')
  return href
}

test('keyboard only: a member has her say and gets a reference', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, MEMBER)
    const engagement = await shortBreaksPage(page)
    await page.goto(env.server.baseURL + engagement, { waitUntil: 'load' })
    await scan(page, engagement)

    // Sending nothing is refused with a message that says what to do.
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Send', { step: 'Tab to Send', max: 200 })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Send with nothing written')
    const refused = await page.locator('.govuk-error-summary').innerText()
    assert.ok(refused.includes('Write what you want to tell us'), refused)
    await scan(page, 'have your say, refused')

    await tabUntil(page, (s) => s.name === 'contribution', { step: 'Tab to the words box', max: 200 })
    await page.keyboard.type('Please hold the meetings somewhere with a quiet room.')
    await tabUntil(page, (s) => s.name === 'may_quote', { step: 'Tab to "You may quote my words"' })
    await page.keyboard.press('Space')
    assert.ok((await focused(page)).checked, 'Space ticks the box')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Send', { step: 'Tab to Send' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Send')
    assert.ok(pathOf(page).endsWith('/contribute/sent'), pathOf(page))
    const panel = await page.locator('.govuk-panel').innerText()
    const reference = panel.match(/WU-[A-Z0-9]{4}-[A-Z0-9]{4}/)
    assert.ok(reference, `a reference is shown: ${panel}`)
    await scan(page, 'contribution sent')
    log(`have your say: sent by keyboard, reference ${reference[0]}`)

    // Your data lists it with the same reference, and the way to withdraw it.
    await page.goto(env.server.baseURL + '/your-data/contributions', { waitUntil: 'load' })
    const mine = await page.locator('main').innerText()
    assert.ok(mine.includes(reference[0]), 'listed under Your contributions')
    assert.ok(mine.includes('Please hold the meetings somewhere with a quiet room.'))
    await scan(page, '/your-data/contributions')
  } finally {
    await context.close()
  }
})

test('keyboard only: a facilitator answers everyone waiting on a theme', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, FACILITATOR)
    const engagement = await shortBreaksPage(page)
    const id = engagement.split('/').pop()
    // The facilitator's organisation is in the navigation.
    const orgHref = await page.locator('nav a[href^="/organisations/"]').first().getAttribute('href')
    const themes = `${orgHref}/engagements/${id}/themes`
    await page.goto(env.server.baseURL + themes, { waitUntil: 'load' })
    await scan(page, 'themes')
    // "Getting there" is waiting for an answer: its box is in that theme's card.
    const card = await page.locator('.govuk-summary-card', { has: page.locator('h2', { hasText: 'Getting there' }) }).getAttribute('id')
    const box = 'answer-' + card.replace('theme-', '')
    await tabUntil(page, (s) => s.id === box, { step: 'Tab to the answer for "Getting there"', max: 300 })
    await page.keyboard.type('Thank you. We have passed this to the transport team and will tell you what they say.')
    await tabUntil(page, (s) => s.tag === 'button' && s.text.startsWith('Send to everyone on this theme'), { step: 'Tab to send' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on send to everyone')
    assert.equal(pathOf(page), themes)
    const body = await page.locator('main').innerText()
    assert.ok(body.includes('Answer sent to everyone waiting on the theme.'), 'the confirmation is shown')
    await scan(page, 'themes after answering')
    log('themes: answered by keyboard')
  } finally {
    await context.close()
  }
})
