// Keyboard-only journeys through recommendations: a council officer rejects one (first without a
// reason, and is told what to fix), then adds a milestone to another; a panel member in the
// implementation group answers whether one made the difference (first without saying why). Every
// page passes axe-core.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signIn, axeViolations, formatViolations } from './support/browser.mjs'
import { focused, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const OFFICER = 'officer@northtown.example'
const MEMBER = 'member@northtown-dpf.example'
const env = serverAndBrowser()

async function scan (page, where) {
  const violations = await axeViolations(page)
  assert.equal(violations.length, 0, formatViolations([{ where, violations }]))
}

/** The id of the council's closed consultation, read from the public list in English. */
async function consultationId (page) {
  await page.goto(env.server.baseURL + '/language?to=en&return=%2Fengagements', { waitUntil: 'load' })
  const href = await page.locator('a', { hasText: 'Transport to day centres' }).first().getAttribute('href')
  return href.split('/').pop()
}

/** Tab to the link with this text and follow it. */
async function follow (page, text, step) {
  await tabUntil(page, (s) => s.tag === 'a' && s.text.startsWith(text), { step, max: 300 })
  await pressAndWaitForLoad(page, 'Enter', `Enter on "${text}"`)
}

/** Tab into a radio group and move with the arrow keys to the choice with this value. */
async function choose (page, name, value, step) {
  await tabUntil(page, (s) => s.name === name && s.type === 'radio', { step, max: 300 })
  for (let i = 0; i < 6 && (await focused(page)).value !== value; i++) {
    await page.keyboard.press('ArrowDown')
  }
  const f = await focused(page)
  assert.equal(f.value, value, `${step}: the arrow keys reach "${value}"`)
  assert.ok(f.checked, `${step}: "${value}" is chosen`)
}

test('keyboard only: an officer rejects a recommendation with a reason and adds a milestone', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, OFFICER)
    const id = await consultationId(page)
    const orgHref = await page.locator('nav a[href^="/organisations/"]').first().getAttribute('href')
    const list = `${orgHref}/engagements/${id}/recommendations`
    await page.goto(env.server.baseURL + list, { waitUntil: 'load' })
    await scan(page, 'recommendations list')

    // Rejecting without a reason is refused with a message that says what to do.
    await follow(page, 'Tackle disability hate crime', 'Tab to the proposed recommendation')
    await scan(page, 'a recommendation, staff page')
    await choose(page, 'decision', 'rejected', 'Tab to the decision')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Save decision', { step: 'Tab to Save decision' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Save decision without a reason')
    const refused = await page.locator('.govuk-error-summary').innerText()
    assert.ok(refused.includes('Say why it was rejected'), refused)
    await scan(page, 'decision refused')

    await tabUntil(page, (s) => s.name === 'note', { step: 'Tab to the reason', max: 300 })
    await page.keyboard.type('The police already publish these figures; we will link to them instead.')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Save decision', { step: 'Tab to Save decision' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Save decision')
    let body = await page.locator('main').innerText()
    assert.ok(body.includes('Decision saved'), 'the confirmation is shown')
    assert.ok(body.includes('The police already publish these figures'), 'the reason is on the page')
    await scan(page, 'decision saved')
    log('recommendations: rejected with a reason by keyboard')

    // A milestone on an accepted one: first with no title, then done right.
    await page.goto(env.server.baseURL + list, { waitUntil: 'load' })
    await follow(page, 'Pay Disabled people for their expertise', 'Tab to the accepted recommendation')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Add a milestone', { step: 'Tab to Add a milestone', max: 300 })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Add a milestone with nothing filled in')
    const missing = await page.locator('.govuk-error-summary').innerText()
    assert.ok(missing.includes('Enter the milestone'), missing)
    await scan(page, 'milestone refused')
    const due = new Date(Date.now() + 90 * 24 * 3600 * 1000)
    await tabUntil(page, (s) => s.name === 'title', { step: 'Tab to the milestone', max: 300 })
    await page.keyboard.type('Payment policy agreed with the Forum')
    await tabUntil(page, (s) => s.name === 'due-day', { step: 'Tab to the day' })
    await page.keyboard.type(String(due.getUTCDate()))
    await tabUntil(page, (s) => s.name === 'due-month', { step: 'Tab to the month' })
    await page.keyboard.type(String(due.getUTCMonth() + 1))
    await tabUntil(page, (s) => s.name === 'due-year', { step: 'Tab to the year' })
    await page.keyboard.type(String(due.getUTCFullYear()))
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Add a milestone', { step: 'Tab to Add a milestone' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Add a milestone')
    body = await page.locator('main').innerText()
    assert.ok(body.includes('Milestone added'), 'the confirmation is shown')
    assert.ok(body.includes('Payment policy agreed with the Forum'), 'the milestone is listed')
    await scan(page, 'milestone added')
    log('recommendations: milestone added by keyboard')
  } finally {
    await context.close()
  }
})

test('keyboard only: a member of the implementation group says whether it worked', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, MEMBER)
    const id = await consultationId(page)
    await page.goto(env.server.baseURL + `/engagements/${id}`, { waitUntil: 'load' })
    await scan(page, 'the consultation with its recommendations')
    await follow(page, '4. Accessible transport to day centres', 'Tab to the implemented recommendation')
    await scan(page, 'a recommendation, public page')
    const recommendation = pathOf(page)
    await follow(page, 'Has this made the difference it was meant to?', 'Tab to the question')
    assert.equal(pathOf(page), `${recommendation}/verify`)
    await scan(page, 'the question')

    // "Partly" without saying why is refused.
    await choose(page, 'answer', 'partly', 'Tab to the answers')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Send answer', { step: 'Tab to Send answer' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Send answer without words')
    const refused = await page.locator('.govuk-error-summary').innerText()
    assert.ok(refused.includes('Tell us why it has not made the difference'), refused)
    await scan(page, 'answer refused')

    await tabUntil(page, (s) => s.name === 'words', { step: 'Tab to the words', max: 300 })
    await page.keyboard.type('The new buses are better, but the Saturday service still has no ramp.')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Send answer', { step: 'Tab to Send answer' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Send answer')
    assert.equal(pathOf(page), recommendation)
    const body = await page.locator('main').innerText()
    assert.ok(body.includes('Your answer is counted once'), 'the thanks is shown')
    assert.ok(body.includes('the Saturday service still has no ramp'), 'the reason is published')
    assert.ok(!body.includes('Maya'), 'without a name')
    await scan(page, 'answered')
    log('recommendations: verified by keyboard')
  } finally {
    await context.close()
  }
})
