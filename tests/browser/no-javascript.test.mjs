// Every page works without JavaScript: sign in (with an error first), change
// language and sign out, with JavaScript turned off in the browser.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD } from './support/browser.mjs'
import { serverAndBrowser } from './support/session.mjs'

const env = serverAndBrowser()

test('without JavaScript: sign in, see an error, change language, sign out', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const path = () => new URL(page.url()).pathname
  const submit = async (selector) => {
    await Promise.all([page.waitForEvent('load'), page.locator(selector).first().click()])
  }
  try {
    await page.goto(env.server.baseURL + '/sign-in', { waitUntil: 'load' })
    await page.locator('#email').fill('officer@northtown.example')
    await page.locator('#password').fill('not-the-right-password')
    await submit('form[action="/sign-in"] button[type="submit"], form[action="/sign-in"] button:not([type])')
    assert.ok((await page.title()).startsWith('Error:'), 'a wrong password should give a page titled "Error: …"')
    assert.ok(await page.locator('.govuk-error-summary').isVisible(), 'the error summary should show')
    assert.equal(await page.locator('#email').inputValue(), 'officer@northtown.example', 'the email address should be kept')

    await page.locator('#password').fill(PASSWORD)
    await submit('form[action="/sign-in"] button[type="submit"], form[action="/sign-in"] button:not([type])')
    assert.equal(path(), '/', 'signing in should land on /')
    const warning = page.locator('#session-timeout-warning')
    if (await warning.count() > 0) {
      assert.ok(await warning.isHidden(), 'without JavaScript the idle-session warning should stay hidden')
    }

    await submit('nav.withus-language-nav a[hreflang="cy"]')
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy', 'the Cymraeg link should work without JavaScript')
    assert.equal(path(), '/', 'changing language should stay on the same page')
    await submit('nav.withus-language-nav a[hreflang="en"]')

    await submit('form[action="/sign-out"] button')
    assert.equal(await page.locator('form[action="/sign-out"]').count(), 0, 'signing out should work without JavaScript')
  } finally {
    await context.close()
  }
})
