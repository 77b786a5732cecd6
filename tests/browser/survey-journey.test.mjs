// Answering a survey with the keyboard alone: find it on the engagement's
// public page, meet the error summary, take a routed answer (train skips the
// bus question), save half-way and write down the code, come back in another
// browser with the code, check the answers and send them, and see the
// reference. At each stop focus must be visible.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { focused, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const ENGAGEMENT = /short breaks/i
const SURVEY = 'Getting to our meetings'

const env = serverAndBrowser()

test('keyboard only: answer a routed survey, save half-way, come back with the code, send', async () => {
  const first = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await first.newPage()
  let code
  let surveyPath
  try {
    await page.goto(env.server.baseURL + '/engagements', { waitUntil: 'load' })
    await tabUntil(page, (s) => s.tag === 'a' && ENGAGEMENT.test(s.text), { step: 'Tab to the engagement' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on the engagement')
    await tabUntil(page, (s) => s.tag === 'a' && s.text === SURVEY, { step: `Tab to "${SURVEY}"`, max: 200 })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on the survey')
    surveyPath = pathOf(page)
    assert.match(surveyPath, /^\/surveys\/[^/]+$/)

    // Start: standard wording.
    await tabUntil(page, (s) => s.id === 'format', { step: 'Tab to "Standard"' })
    await page.keyboard.press('Space')
    await tabUntil(page, (s) => s.tag === 'button' && /Start now/.test(s.text), { step: 'Tab to "Start now"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Start now"')
    assert.match(pathOf(page), /\/questions\/q1$/)

    // Continue without an answer: the error summary takes focus.
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Continue', { step: 'Tab to Continue (no answer)' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Continue without an answer')
    const f = await focused(page)
    assert.ok(f.inErrorSummary || /govuk-error-summary/.test(f.html), `focus should be on the error summary, but is ${f.html}`)
    assert.ok((await page.title()).startsWith('Error:'))

    // Train (the second choice), which skips the bus question.
    await tabUntil(page, (s) => s.id === 'q-q1', { step: 'Tab to the first travel choice' })
    await page.keyboard.press('ArrowDown')
    const train = await focused(page)
    assert.ok(/value="c2"/.test(train.html), `the arrow key should select "Train", but focused ${train.html}`)
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Continue', { step: 'Tab to Continue (travel)' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Continue (travel)')
    assert.match(pathOf(page), /\/questions\/q3$/, 'train skips the bus question')

    // Answer the scale, then save and come back later.
    await tabUntil(page, (s) => s.id === 'q-q3', { step: 'Tab to the scale' })
    await page.keyboard.press('ArrowDown') // 2
    await page.keyboard.press('ArrowDown') // 3
    await tabUntil(page, (s) => s.tag === 'button' && /Save and come back later/.test(s.text), { step: 'Tab to "Save and come back later"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Save and come back later"')
    assert.match(pathOf(page), /\/save$/)
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Get a code', { step: 'Tab to "Get a code"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Get a code"')
    code = (await page.textContent('#resume-code')).trim()
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    log(`saved half-way; code ${code}`)
  } finally {
    await first.close()
  }

  // Another browser: come back with the code.
  const second = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const later = await second.newPage()
  try {
    await later.goto(env.server.baseURL + surveyPath, { waitUntil: 'load' })
    await tabUntil(later, (s) => s.tag === 'a' && /Come back to answers you saved/.test(s.text), { step: 'Tab to "Come back to answers you saved"' })
    await pressAndWaitForLoad(later, 'Enter', 'Enter on "Come back"')
    await tabUntil(later, (s) => s.id === 'code', { step: 'Tab to the code field' })
    await later.keyboard.type(code)
    await pressAndWaitForLoad(later, 'Enter', 'Enter in the code field')
    // Both required questions are answered: straight to "Check your answers".
    assert.match(pathOf(later), /\/check$/)
    const check = await later.textContent('main')
    assert.ok(check.includes('Train') && check.includes('3'), 'the answers given before saving are shown back')
    assert.ok(!check.includes('Which bus route'), 'the skipped question is not shown')
    await tabUntil(later, (s) => s.tag === 'button' && s.text === 'Send answers', { step: 'Tab to "Send answers"' })
    await pressAndWaitForLoad(later, 'Enter', 'Enter on "Send answers"')
    assert.match(pathOf(later), /\/sent\//)
    const reference = (await later.textContent('#reference')).trim()
    assert.ok(reference.length > 3, `a reference is shown, got "${reference}"`)
    log(`sent by keyboard alone; reference ${reference}`)
  } finally {
    await second.close()
  }
})
