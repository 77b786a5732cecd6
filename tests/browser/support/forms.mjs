// Filling GOV.UK forms with the keyboard alone: Tab to a field (checking visible
// focus at every stop), then type, tick with Space, choose radios and options
// with the arrow keys, and press Enter on a button.

import assert from 'node:assert/strict'
import { focused, tabUntil, pressAndWaitForLoad } from './keyboard.mjs'
import { axeViolations } from './browser.mjs'

/** Tab to the field with this id and type `text` into it. */
export async function typeInto (page, id, text) {
  await tabUntil(page, (s) => s.id === id, { step: `Tab to #${id}` })
  await page.keyboard.type(text)
}

/** Tab to the checkbox with this name and value and tick it with Space (unless ticked). */
export async function tick (page, name, value) {
  await tabUntil(page, (s) => s.type === 'checkbox' && s.name === name && s.value === value,
    { step: `Tab to the ${name}=${value} checkbox` })
  const f = await focused(page)
  if (!f.checked) await page.keyboard.press('Space')
  assert.ok((await focused(page)).checked, `${name}=${value} should be ticked`)
}

/**
 * Tab into the radio group `name` and move with the arrow keys until `value`
 * is chosen (arrow keys select as they move).
 */
export async function chooseRadio (page, name, value) {
  await tabUntil(page, (s) => s.type === 'radio' && s.name === name, { step: `Tab to the ${name} radios` })
  let f = await focused(page)
  if (f.value === value && !f.checked) {
    await page.keyboard.press('Space')
    f = await focused(page)
  }
  for (let i = 0; i < 20 && f.value !== value; i++) {
    await page.keyboard.press('ArrowDown')
    f = await focused(page)
  }
  assert.equal(f.value, value, `the arrow keys should reach ${name}=${value}`)
  assert.ok(f.checked, `${name}=${value} should be chosen`)
}

/** Tab to the select with this id and move with the arrow keys to the option whose text matches. */
export async function chooseOption (page, id, textPattern) {
  await tabUntil(page, (s) => s.id === id, { step: `Tab to the #${id} list` })
  let f = await focused(page)
  for (let i = 0; i < 60 && !textPattern.test(f.selectedText || ''); i++) {
    await page.keyboard.press('ArrowDown')
    f = await focused(page)
  }
  assert.match(f.selectedText || '', textPattern, `#${id} should reach an option matching ${textPattern}`)
}

/** Tab to the button (or link styled as one) whose text matches, press Enter, wait for the page. */
export async function press (page, textPattern, tag = 'button') {
  await tabUntil(page, (s) => s.tag === tag && textPattern.test(s.text), { step: `Tab to "${textPattern}"` })
  await pressAndWaitForLoad(page, 'Enter', `Enter on "${textPattern}"`)
}

/** Tab to the link whose text matches and follow it with Enter. */
export function follow (page, textPattern) {
  return press(page, textPattern, 'a')
}

/** Tab to the link whose text matches and whose address contains `hrefPart`, and follow it. */
export async function followTo (page, textPattern, hrefPart) {
  await tabUntil(page, (s) => s.tag === 'a' && textPattern.test(s.text) && (s.href || '').includes(hrefPart),
    { step: `Tab to the "${textPattern}" link to ${hrefPart}` })
  await pressAndWaitForLoad(page, 'Enter', `Enter on "${textPattern}"`)
}

/** Fail with the page's error summary if it shows one. */
export async function assertNoErrors (page, step) {
  // Count first: textContent() on a missing element would wait for it until the timeout.
  const found = page.locator('.govuk-error-summary')
  const summary = (await found.count()) ? await found.first().textContent() : null
  assert.equal(summary, null, `${step}: the page shows errors: ${(summary || '').replace(/\s+/g, ' ').trim()}`)
}

/** Sign in by keyboard from the sign-in page. */
export async function signInByKeyboard (page, baseURL, email, password) {
  await page.goto(`${baseURL}/sign-in`, { waitUntil: 'load' })
  await typeInto(page, 'email', email)
  await typeInto(page, 'password', password)
  await pressAndWaitForLoad(page, 'Enter', `Enter to sign in as ${email}`)
  assert.notEqual(new URL(page.url()).pathname, '/sign-in', `signing in as ${email} failed`)
}

/** Switch the signed-in account's language with the language link, by keyboard. */
export async function useLanguage (page, lang) {
  const want = lang === 'cy' ? 'Cymraeg' : 'English'
  const current = await page.locator('html').getAttribute('lang')
  if (current === lang) return
  await tabUntil(page, (s) => s.inLanguageNav && s.tag === 'a' && s.text.includes(want), { step: `Tab to ${want}` })
  await pressAndWaitForLoad(page, 'Enter', `Enter on ${want}`)
  assert.equal(await page.locator('html').getAttribute('lang'), lang)
}

/** Scan the page with axe-core; collect violations in `seen` to report at the end. */
export async function scan (page, seen) {
  const violations = await axeViolations(page)
  if (violations.length) seen.push({ url: new URL(page.url()).pathname, violations })
}
