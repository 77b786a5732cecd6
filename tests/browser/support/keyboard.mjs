// Keyboard helpers: what has focus, whether it can be seen, and tabbing to a
// target while checking every stop on the way.

import assert from 'node:assert/strict'

/** Describe document.activeElement, including whether its focus is visible. */
export function focused (page) {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body || el === document.documentElement) return { none: true }
    const visibleStyle = (cs) => {
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 &&
        !/^(transparent|rgba\(\d+, \d+, \d+, 0\))$/.test(cs.outlineColor)
      const shadow = !!cs.boxShadow && cs.boxShadow !== 'none'
      return outline || shadow
    }
    let focusStyle = visibleStyle(getComputedStyle(el))
    // GOV.UK radios and checkboxes draw focus on the label's ::before/::after.
    if (!focusStyle && /^(radio|checkbox)$/.test(el.type) && el.nextElementSibling) {
      const label = el.nextElementSibling
      focusStyle = visibleStyle(getComputedStyle(label, '::before')) || visibleStyle(getComputedStyle(label, '::after'))
    }
    const r = el.getBoundingClientRect()
    const inViewport = r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.right > 0 &&
      r.top < window.innerHeight && r.left < window.innerWidth
    let obscuredBy = null
    if (inViewport) {
      const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1)
      const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1)
      const top = document.elementFromPoint(x, y)
      if (top && top !== el && !el.contains(top) && !top.contains(el) &&
          !(el.labels && [...el.labels].some((l) => l.contains(top)))) {
        obscuredBy = top.tagName.toLowerCase() + (top.className && typeof top.className === 'string' ? '.' + top.className.trim().split(/\s+/).join('.') : '')
      }
    }
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim()
    const short = el.outerHTML.replace(/\s+/g, ' ').slice(0, 160)
    return {
      none: false,
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      value: 'value' in el ? el.value : null,
      checked: !!el.checked,
      selectedText: el.tagName === 'SELECT' && el.selectedIndex >= 0 ? el.options[el.selectedIndex].text.trim() : null,
      text,
      href: el.getAttribute('href'),
      lang: el.getAttribute('lang'),
      html: short,
      focusStyle,
      inViewport,
      obscuredBy,
      inServiceNav: !!el.closest('nav.govuk-service-navigation, .govuk-service-navigation__list') && !el.closest('.withus-language-nav'),
      inErrorSummary: !!el.closest('.govuk-error-summary'),
      inLanguageNav: !!el.closest('nav.withus-language-nav'),
      inSignOutForm: !!el.closest('form[action="/sign-out"]')
    }
  })
}

/** Assert the focused element can be seen: on screen, not covered, with a focus indicator. */
export function assertVisibleFocus (f, step) {
  assert.ok(!f.none, `${step}: nothing has focus`)
  assert.ok(f.inViewport, `${step}: the focused element is not on screen: ${f.html}`)
  assert.equal(f.obscuredBy, null, `${step}: the focused element is covered by ${f.obscuredBy}: ${f.html}`)
  assert.ok(f.focusStyle, `${step}: the focused element has no visible focus indicator (outline or box-shadow): ${f.html}`)
}

/**
 * Press Tab (or Shift+Tab) until `want(f)` is true, checking that each element
 * focused on the way has a visible focus indicator. Returns every stop.
 */
export async function tabUntil (page, want, { step, max = 120, shift = false } = {}) {
  const stops = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab')
    const f = await focused(page)
    if (f.none) { stops.push(f); continue } // focus left the page; the next Tab comes back
    assertVisibleFocus(f, `${step} (Tab stop ${i + 1})`)
    stops.push(f)
    if (want(f)) return stops
  }
  const seen = stops.filter((s) => !s.none).map((s) => `    ${s.html}`).join('\n')
  assert.fail(`${step}: did not reach the element after ${max} presses of ${shift ? 'Shift+Tab' : 'Tab'}. Focus went to:\n${seen}`)
}

/** Press a key that should load a new page, and wait for it. */
export async function pressAndWaitForLoad (page, key, step) {
  const loaded = page.waitForEvent('load', { timeout: 20_000 })
    .catch(() => assert.fail(`${step}: pressing ${key} did not load a page`))
  await page.keyboard.press(key)
  await loaded
}
