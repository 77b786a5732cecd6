// A keyboard-only expense claim: Maya, a panel member, goes from her data to her expenses and
// claims a taxi fare. Sending the form empty first shows the error summary; then she fills in the
// fare, attaches a photo of the receipt (the file chooser opened with Space) and sends it, and sees
// it waiting for approval. Every page she visits passes axe-core in English and in Welsh.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signIn, axeViolations, formatViolations } from './support/browser.mjs'
import { focused, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const MEMBER = 'member@northtown-dpf.example'
const DESCRIPTION = 'Taxi from home to the planning day and back'
const env = serverAndBrowser()

// A small, real PNG: a photo of the receipt.
const RECEIPT = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  'base64'
)

async function scan (page, where) {
  const violations = await axeViolations(page)
  assert.equal(violations.length, 0, formatViolations([{ where, violations }]))
}

/** Tab to the link with this text and follow it. */
async function follow (page, text, step) {
  await tabUntil(page, (s) => s.tag === 'a' && s.text.startsWith(text), { step, max: 300 })
  await pressAndWaitForLoad(page, 'Enter', `Enter on "${text}"`)
}

/** Tab into a radio group and move with the arrow keys to the choice with this value. */
async function choose (page, name, value, step) {
  await tabUntil(page, (s) => s.name === name && s.type === 'radio', { step, max: 300 })
  for (let i = 0; i < 10 && (await focused(page)).value !== value; i++) {
    await page.keyboard.press('ArrowDown')
  }
  const f = await focused(page)
  assert.equal(f.value, value, `${step}: the arrow keys reach "${value}"`)
  if (!f.checked) await page.keyboard.press('Space')
  assert.ok((await focused(page)).checked, `${step}: "${value}" is chosen`)
}

/** Tab to a field by its name and type into it. */
async function typeInto (page, name, text, step) {
  await tabUntil(page, (s) => s.name === name, { step, max: 300 })
  await page.keyboard.type(text)
}

async function send (page, label, step) {
  await tabUntil(page, (s) => s.tag === 'button' && s.text === label, { step, max: 300 })
  await pressAndWaitForLoad(page, 'Enter', step)
}

test('keyboard only: a panel member claims a taxi fare with a photo of the receipt', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, MEMBER)
    await page.goto(env.server.baseURL + '/language?to=en&return=%2Fyour-data', { waitUntil: 'load' })
    await scan(page, 'your data')
    await follow(page, 'Your expenses', 'Tab to Your expenses')
    assert.equal(pathOf(page), '/your-data/payments/expenses')
    await scan(page, 'your expenses')
    await follow(page, 'Claim an expense', 'Tab to Claim an expense')
    assert.equal(pathOf(page), '/your-data/payments/expenses/new')
    await scan(page, 'claim an expense')

    // Sent empty: the error summary says what to fix, and focus can reach its links.
    await send(page, 'Send claim', 'Enter on Send claim with nothing filled in')
    const summary = await page.locator('.govuk-error-summary').innerText()
    assert.ok(summary.includes('Select what the cost was for'), summary)
    assert.ok(summary.includes('Enter a short description of the cost'), summary)
    await scan(page, 'claim refused')
    log('expenses: the empty claim is refused with an error summary')

    const engagement = await page.locator('input[name="engagement"]').first().getAttribute('value')
    await choose(page, 'engagement', engagement, 'Tab to the engagement')
    await choose(page, 'kind', 'taxi', 'Tab to what the cost was for')
    const today = new Date()
    await typeInto(page, 'day-day', String(today.getDate()), 'Tab to the day')
    await typeInto(page, 'day-month', String(today.getMonth() + 1), 'Tab to the month')
    await typeInto(page, 'day-year', String(today.getFullYear()), 'Tab to the year')
    await typeInto(page, 'description', DESCRIPTION, 'Tab to the description')
    await typeInto(page, 'amount', '14.60', 'Tab to the amount')
    await tabUntil(page, (s) => s.name === 'receipt', { step: 'Tab to the receipt', max: 300 })
    // Space opens the file chooser on a focused file input; if the browser has not taken it as
    // a user's key press yet, Enter does the same. Both are the keyboard.
    const opened = page.waitForEvent('filechooser', { timeout: 20_000 })
    await page.keyboard.press('Space')
    let chooser = await Promise.race([opened, new Promise((resolve) => setTimeout(() => resolve(null), 3_000))])
    if (!chooser) {
      await page.keyboard.press('Enter')
      chooser = await opened
    }
    await chooser.setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: RECEIPT })
    await send(page, 'Send claim', 'Enter on Send claim')
    assert.equal(pathOf(page), '/your-data/payments/expenses/sent')
    const sent = await page.locator('main').innerText()
    assert.ok(sent.includes('Expense claim sent'), sent)
    assert.ok(sent.includes('What happens next'), sent)
    await scan(page, 'claim sent')

    await follow(page, 'See your expenses', 'Tab to See your expenses')
    const card = page.locator('.govuk-summary-card', { hasText: DESCRIPTION })
    const text = await card.innerText()
    assert.ok(text.includes('Waiting for approval'), text)
    assert.ok(text.includes('£14.60'), text)
    assert.ok(text.includes('Download the receipt'), text)
    await scan(page, 'your expenses with the claim')
    log('expenses: a taxi fare with its receipt claimed by keyboard')

    // The same pages in Welsh.
    await page.goto(env.server.baseURL + '/language?to=cy&return=%2Fyour-data%2Fpayments%2Fexpenses', { waitUntil: 'load' })
    await scan(page, 'your expenses, Welsh')
    await page.goto(env.server.baseURL + '/your-data', { waitUntil: 'load' })
    await scan(page, 'your data, Welsh')
    await page.goto(env.server.baseURL + '/your-data/payments/expenses/new', { waitUntil: 'load' })
    await scan(page, 'claim an expense, Welsh')
    await send(page, 'Anfon yr hawliad', 'Enter on Send claim in Welsh with nothing filled in')
    assert.ok(await page.locator('.govuk-error-summary').isVisible(), 'the Welsh error summary')
    await scan(page, 'claim refused, Welsh')
    await page.goto(env.server.baseURL + '/your-data/payments/expenses/sent', { waitUntil: 'load' })
    await scan(page, 'claim sent, Welsh')
    log('expenses: every page passes axe in Welsh')
  } finally {
    await context.close()
  }
})
