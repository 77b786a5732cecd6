// Joining a panel with the keyboard alone, as someone without an email
// address: every question page, "Check your answers", and the confirmation.
// At each stop we check focus is visible; errors move focus to the summary.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { focused, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const PANEL = "Greater Northtown Disabled People's Panel"

const env = serverAndBrowser()

test('keyboard only: join a panel by phone, without an email address', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await page.goto(env.server.baseURL + '/', { waitUntil: 'load' })
    await tabUntil(page, (s) => s.tag === 'a' && new URL(s.href, env.server.baseURL).pathname === '/panels',
      { step: 'Tab to "Join a panel of disabled people"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on the panels link')
    await tabUntil(page, (s) => s.tag === 'a' && s.text === PANEL, { step: `Tab to "${PANEL}"` })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on the panel')
    await tabUntil(page, (s) => s.tag === 'a' && /Join this panel/.test(s.text), { step: 'Tab to "Join this panel"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Join this panel"')
    assert.match(pathOf(page), /^\/panels\/[^/]+\/join$/)

    // 1. Name: Continue with nothing typed shows the error summary, with focus on it.
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Continue', { step: 'Tab to Continue (empty name)' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Continue without a name')
    let f = await focused(page)
    assert.ok(f.inErrorSummary || /govuk-error-summary/.test(f.html), `focus should be on the error summary, but is ${f.html}`)
    assert.ok((await page.title()).startsWith('Error:'))
    await tabUntil(page, (s) => s.id === 'name', { step: 'Tab to the name field' })
    await page.keyboard.type('Keyboard Joiner')
    await pressAndWaitForLoad(page, 'Enter', 'Enter in the name field')
    assert.match(pathOf(page), /\/join\/contact$/)
    log('name: error summary took focus; name accepted')

    // 2. Contact: choose "Phone call" with the arrow keys, type a number.
    await tabUntil(page, (s) => s.id === 'contact_method', { step: 'Tab to the first contact method' })
    await page.keyboard.press('ArrowDown') // text message
    await page.keyboard.press('ArrowDown') // phone call
    f = await focused(page)
    assert.ok(/value="phone"/.test(f.html), `the arrow keys should select "Phone call", but focused ${f.html}`)
    await tabUntil(page, (s) => s.id === 'phone', { step: 'Tab to the phone field' })
    await page.keyboard.type('07700 900 456')
    await pressAndWaitForLoad(page, 'Enter', 'Enter in the phone field')
    assert.match(pathOf(page), /\/join\/consent$/)

    // 3. Agreement: tick with Space, then Continue.
    await tabUntil(page, (s) => s.id === 'agree', { step: 'Tab to the agreement checkbox' })
    await page.keyboard.press('Space')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Continue', { step: 'Tab to Continue (agreement)' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Continue (agreement)')
    assert.match(pathOf(page), /\/join\/sensitive$/)

    // 4. Sensitive information: keep access needs only.
    await tabUntil(page, (s) => s.id === 'categories', { step: 'Tab to the first category' })
    await page.keyboard.press('Space')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Continue', { step: 'Tab to Continue (categories)' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Continue (categories)')
    assert.match(pathOf(page), /\/join\/sharing$/)

    // 5. Sharing: choose not to share.
    await tabUntil(page, (s) => s.tag === 'input' && /value="none"/.test(s.html), { step: 'Tab to "do not share"' })
    await page.keyboard.press('Space')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Continue', { step: 'Tab to Continue (sharing)' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on Continue (sharing)')
    assert.match(pathOf(page), /\/join\/check$/)

    // 6. Check your answers, then join.
    const check = await page.textContent('main')
    assert.ok(check.includes('Keyboard Joiner') && check.includes('07700 900 456'), 'the answers are shown back')
    await tabUntil(page, (s) => s.tag === 'button' && s.text === 'Join the panel', { step: 'Tab to "Join the panel"' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Join the panel"')
    assert.match(pathOf(page), /\/join\/done$/)
    const heading = await page.textContent('h1')
    assert.match(heading, /You have joined the panel/)
    log('joined by keyboard alone; confirmation shown')
  } finally {
    await context.close()
  }
})
