// A keyboard-only journey: skip link, sign in (with a wrong password first),
// the service navigation, changing language and signing out. Only the
// keyboard is used; at each step we check where focus is and that it shows.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { signIn, PASSWORD } from './support/browser.mjs'
import { focused, assertVisibleFocus, tabUntil, pressAndWaitForLoad } from './support/keyboard.mjs'
import { serverAndBrowser, log, pathOf } from './support/session.mjs'

const EMAIL = 'member@northtown-dpf.example'

const env = serverAndBrowser()

// The account keeps its choice of language. On a database that other tests
// have used (PostgreSQL runs share one), start from English.
async function useEnglish (email) {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  try {
    await signIn(page, env.server.baseURL, email)
    if (await page.evaluate(() => document.documentElement.lang) !== 'en') {
      await Promise.all([page.waitForEvent('load'), page.locator('nav.withus-language-nav a[hreflang="en"]').click()])
    }
  } finally {
    await context.close()
  }
}

test('keyboard only: skip link, sign in, navigate, change language, sign out', async () => {
  await useEnglish(EMAIL)
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    // 1. The first Tab shows the skip link; Enter moves focus to <main>.
    await page.goto(env.server.baseURL + '/', { waitUntil: 'load' })
    await page.keyboard.press('Tab')
    let f = await focused(page)
    assert.ok(!f.none && f.tag === 'a' && f.href === '#main-content' && /govuk-skip-link/.test(f.html),
      `the first Tab should focus the skip link a.govuk-skip-link[href="#main-content"], but focused ${f.html}`)
    assertVisibleFocus(f, 'skip link')
    await page.keyboard.press('Enter')
    f = await focused(page)
    assert.ok(f.tag === 'main' && f.id === 'main-content',
      `Enter on the skip link should move focus to main#main-content, but focused ${f.html}`)
    log('skip link: shown on first Tab, moves focus to main')

    // 2. Tab to the "Sign in" link and follow it.
    await tabUntil(page, (s) => s.tag === 'a' && s.text === 'Sign in' && new URL(s.href, env.server.baseURL).pathname === '/sign-in',
      { step: 'Tab to the "Sign in" link' })
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Sign in"')
    assert.equal(pathOf(page), '/sign-in')

    // 3. Email, then password (wrong), then Enter.
    await tabUntil(page, (s) => s.id === 'email', { step: 'Tab to the email address field' })
    await page.keyboard.type(EMAIL)
    await page.keyboard.press('Tab')
    f = await focused(page)
    assert.equal(f.id, 'password', `Tab from the email address should reach the password, but focused ${f.html}`)
    assertVisibleFocus(f, 'password field')
    await page.keyboard.type('not-the-right-password')
    await pressAndWaitForLoad(page, 'Enter', 'Enter in the password field (wrong password)')

    // 4. The error page: title starts "Error:", focus is in the error summary.
    const title = await page.title()
    assert.ok(title.startsWith('Error:'), `after a wrong password the title should start "Error:", but is "${title}"`)
    await page.waitForFunction(() => document.activeElement && document.activeElement.closest('.govuk-error-summary'),
      null, { timeout: 5_000 }).catch(() => {})
    f = await focused(page)
    assert.ok(f.inErrorSummary, `after a wrong password focus should be in the error summary, but is on ${f.html}`)
    log(`wrong password: "${title}", focus in the error summary`)

    // 5. The summary's first link moves focus to its field.
    const stops = await tabUntil(page, (s) => s.inErrorSummary && s.tag === 'a', { step: 'Tab to the error summary link', max: 5 })
    const errorLink = stops.at(-1)
    assert.match(errorLink.href || '', /^#./, `the error summary link should point at a field (#id), but is ${errorLink.html}`)
    await page.keyboard.press('Enter')
    f = await focused(page)
    assert.equal(f.id, errorLink.href.slice(1),
      `Enter on the error link ${errorLink.href} should focus that field, but focused ${f.html}`)
    assertVisibleFocus(f, 'field focused from the error summary')
    const emailKept = await page.evaluate(() => document.getElementById('email')?.value)
    assert.equal(emailKept, EMAIL, 'the email address typed should be kept after the error')

    // 6. The right password signs in and lands on /.
    if (f.id !== 'password') await tabUntil(page, (s) => s.id === 'password', { step: 'Tab to the password field again', max: 10 })
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type(PASSWORD)
    await pressAndWaitForLoad(page, 'Enter', 'Enter in the password field (right password)')
    assert.equal(pathOf(page), '/', `signing in should land on /, but landed on ${page.url()}`)
    assert.equal(await page.locator('form[action="/sign-out"] button').count(), 1, 'signed in, the page should have a Sign out button')
    log('signed in with the keyboard')

    // 7. The service navigation links get focus in DOM order.
    const navLinks = await page.$$eval('nav.govuk-service-navigation a[href], .govuk-service-navigation__list a[href]', (as) =>
      [...new Set(as)].filter((a) => a.getClientRects().length > 0 && !a.closest('.withus-language-nav')).map((a) => ({
        href: a.getAttribute('href'),
        text: a.innerText.replace(/\s+/g, ' ').trim()
      })))
    assert.ok(navLinks.length > 0, 'signed in, the service navigation should have links')
    const last = navLinks.at(-1)
    const tour = await tabUntil(page, (s) => s.inServiceNav && s.href === last.href, { step: 'Tab through the service navigation' })
    const navStops = tour.filter((s) => s.inServiceNav && s.tag === 'a')
    assert.deepEqual(navStops.map((s) => s.href), navLinks.map((l) => l.href),
      'the service navigation links should get focus one after another in the order they are on the page')
    log(`service navigation: ${navLinks.map((l) => `${l.text} (${l.href})`).join(', ')}`)

    // 8. Back to a link other than the home page, and Enter.
    const target = navLinks.find((l) => new URL(l.href, env.server.baseURL).pathname !== '/') || navLinks[0]
    await tabUntil(page, (s) => s.inServiceNav && s.href === target.href, { step: `Shift+Tab back to "${target.text}"`, shift: true })
    await pressAndWaitForLoad(page, 'Enter', `Enter on "${target.text}"`)
    const targetPath = new URL(target.href, env.server.baseURL).pathname
    assert.equal(pathOf(page), targetPath, `Enter on "${target.text}" should go to ${targetPath}`)
    const h1 = (await page.locator('h1').first().innerText().catch(() => '')).trim()
    assert.ok(h1.length > 0, `${targetPath} should have an <h1>`)
    log(`navigated to ${targetPath}: <h1> "${h1}"`)

    // 9. Cymraeg: same page, in Welsh.
    f = (await tabUntil(page, (s) => s.inLanguageNav && s.tag === 'a', { step: 'Tab to the language link' })).at(-1)
    assert.equal(f.text, 'Cymraeg', `the language link on an English page should say "Cymraeg", but is ${f.html}`)
    assert.equal(f.lang, 'cy', `the Cymraeg link should have lang="cy": ${f.html}`)
    await pressAndWaitForLoad(page, 'Enter', 'Enter on "Cymraeg"')
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy', 'after Cymraeg, <html lang> should be "cy"')
    assert.equal(pathOf(page), targetPath, 'changing language should stay on the same page')
    log(`Cymraeg: ${targetPath} now in Welsh`)

    // 10. Sign out with the (Welsh) button.
    f = (await tabUntil(page, (s) => s.inSignOutForm && s.tag === 'button', { step: 'Tab to the sign-out button' })).at(-1)
    assert.ok(f.text.length > 0 && f.text !== 'Sign out', `the sign-out button should have its Welsh label, but says "${f.text}"`)
    await pressAndWaitForLoad(page, 'Enter', `Enter on "${f.text}"`)
    assert.equal(await page.locator('form[action="/sign-out"]').count(), 0, 'after signing out there should be no sign-out form')
    const signInLinks = await page.$$eval('a[href]', (as) => as.filter((a) => new URL(a.href).pathname === '/sign-in').length)
    assert.ok(signInLinks > 0, 'after signing out the page should link to /sign-in again')
    log(`signed out with "${f.text}"`)
  } finally {
    await context.close()
  }
})
