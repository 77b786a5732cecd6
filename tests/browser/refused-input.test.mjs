// The pages people see when what they sent cannot be accepted: a hidden control character in an
// answer (400), an answer over the ceiling (400) and, for "Join a panel", answers too long to
// carry between pages (the form again, 422). Each is a full page in the person's language that
// names the field and the fix, and each passes axe-core, in English and in Welsh.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { axeViolations, formatViolations } from './support/browser.mjs'
import { serverAndBrowser, log } from './support/session.mjs'

const env = serverAndBrowser()

/** Sends the sign-in form with `password` as given (a real form submit from the page). */
async function sendSignIn (page, password) {
  await page.goto(env.server.baseURL + '/sign-in', { waitUntil: 'load' })
  await page.evaluate((value) => {
    const form = document.querySelector('form[action="/sign-in"]') || document.querySelector('main form')
    form.querySelector('input[name="email"]').value = 'sam@example.org'
    form.querySelector('input[name="password"]').value = value
    form.submit()
  }, password)
  await page.waitForLoadState('load')
}

for (const [lang, expected] of [['en', 'contains a hidden control character'], ['cy', 'yn cynnwys nod rheoli cudd']]) {
  test(`refused input is a page that passes axe (${lang})`, async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const reports = []
    try {
      await page.goto(`${env.server.baseURL}/language?to=${lang}&return=%2F`, { waitUntil: 'load' })
      await sendSignIn(page, 'pass\u0001word')
      const body = await page.textContent('main')
      assert.ok(body.includes(expected), `the page names the problem: ${body}`)
      assert.equal(await page.getAttribute('html', 'lang'), lang)
      let violations = await axeViolations(page)
      if (violations.length) reports.push({ where: 'control character', violations })

      await sendSignIn(page, 'x'.repeat(20001))
      const long = await page.textContent('main')
      assert.ok(long.includes('20,000'), `the page states the limit: ${long}`)
      violations = await axeViolations(page)
      if (violations.length) reports.push({ where: 'too long', violations })
      log(`${lang}: refusal pages scanned`)
    } finally {
      await context.close()
    }
    assert.equal(reports.length, 0, formatViolations(reports))
  })
}
