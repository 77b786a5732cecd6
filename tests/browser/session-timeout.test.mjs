// The idle-session warning (WCAG 2.2.1): shown before the session ends, with
// focus moved to it, and "Stay signed in" works from the keyboard without
// leaving the page. Uses Playwright's fake clock, so it takes seconds.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signIn } from './support/browser.mjs'
import { focused, assertVisibleFocus, tabUntil } from './support/keyboard.mjs'
import { serverAndBrowser } from './support/session.mjs'

const env = serverAndBrowser()

test('idle-session warning appears, takes focus, and "Stay signed in" keeps the session', async (t) => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, 'member@northtown-dpf.example')
    await context.clock.install()
    await page.goto(env.server.baseURL + '/', { waitUntil: 'load' })

    const timing = await page.evaluate(() => ({
      timeout: Number(document.body.dataset.sessionTimeoutSeconds),
      warning: Number(document.body.dataset.sessionWarningSeconds),
      hasWarning: !!document.getElementById('session-timeout-warning')
    }))
    if (!timing.timeout || !timing.hasWarning) {
      t.skip('signed-in pages have no data-session-timeout-seconds on <body> or no #session-timeout-warning')
      return
    }
    assert.ok(await page.locator('#session-timeout-warning').isHidden(), 'the warning should start hidden')
    assert.equal(await page.locator('#session-timeout-warning form[action="/session/keep-alive"] input[type="hidden"][name="csrf_token"]').count(), 1,
      'the warning should hold a POST form to /session/keep-alive with a csrf_token')

    // Put focus somewhere, so we can check it comes back.
    const before = (await tabUntil(page, (s) => s.tag === 'a' && !s.href?.startsWith('#'), { step: 'Tab to a link' })).at(-1)

    await page.clock.fastForward(Math.max(0, timing.timeout - timing.warning) * 1000 + 1000)
    await page.locator('#session-timeout-warning').waitFor({ state: 'visible', timeout: 5_000 })
    let f = await focused(page)
    assert.match(f.tag, /^h[1-6]$/, `the warning's heading should have focus, but focus is on ${f.html}`)

    f = (await tabUntil(page, (s) => s.tag === 'button', { step: 'Tab to "Stay signed in"', max: 5 })).at(-1)
    assertVisibleFocus(f, 'Stay signed in button')
    const keepAlive = page.waitForResponse((r) => new URL(r.url()).pathname === '/session/keep-alive' && r.request().method() === 'POST')
    await page.keyboard.press('Enter')
    const response = await keepAlive
    assert.ok(response.status() < 400, `POST /session/keep-alive answered ${response.status()}`)
    assert.match(response.request().postData() || '', /(^|&)csrf_token=[^&]+/, 'the keep-alive request should send the csrf_token')
    await page.locator('#session-timeout-warning').waitFor({ state: 'hidden', timeout: 5_000 })
    f = await focused(page)
    assert.equal(f.html, before.html, 'focus should go back to where it was before the warning')
    assert.equal(new URL(page.url()).pathname, '/', 'staying signed in should not leave the page')
  } finally {
    await context.close()
  }
})
