// Headless Debian Chromium through playwright-core, and helpers shared by the
// browser tests.

import { chromium } from 'playwright-core'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './server.mjs'

export const CHROMIUM = process.env.WITHUS_CHROMIUM || '/usr/bin/chromium'

// Playwright gives each launch a new, empty profile directory
// (--user-data-dir) and adds --headless itself.
export function launchBrowser () {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

export const AXE_PATH = path.join(repoRoot, 'node_modules/axe-core/axe.min.js')

export const PASSWORD = 'withus-demo-2026'

export const ROLES = [
  { name: 'signed out', email: null },
  { name: 'site admin', email: 'siteadmin@withus.example' },
  { name: 'DPO organisation admin', email: 'admin@northtown-dpf.example' },
  { name: 'DPO facilitator', email: 'facilitator@northtown-dpf.example' },
  { name: 'panel member', email: 'member@northtown-dpf.example' },
  { name: 'DPO finance officer', email: 'finance@northtown-dpf.example' },
  { name: 'council officer', email: 'officer@northtown.example' },
  { name: 'council organisation admin', email: 'admin@northtown.example' },
  { name: 'council auditor', email: 'auditor@northtown.example' },
  { name: 'NHS officer', email: 'officer@northtown-icb.example' }
]

/** Sign in through the form, as a person would (not keyboard-only). */
export async function signIn (page, baseURL, email, password = PASSWORD) {
  await page.goto(`${baseURL}/sign-in`)
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(password)
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 15_000 })
      .catch(async () => {
        const summary = await page.locator('.govuk-error-summary').textContent().catch(() => null)
        throw new Error(`Signing in as ${email} did not leave /sign-in` +
          (summary ? `; the page says: ${summary.replace(/\s+/g, ' ').trim()}` : ''))
      }),
    page.locator('form[action="/sign-in"] button[type="submit"], form[action="/sign-in"] button:not([type])').first().click()
  ])
  const landed = new URL(page.url())
  if (landed.pathname !== '/') {
    throw new Error(`Signing in as ${email} landed on ${landed.pathname}, expected /`)
  }
}

let axeSource = null

/**
 * Run axe-core on the current page; returns its violations.
 *
 * Withus's Content-Security-Policy forbids inline scripts, so a <script> tag
 * added to the page (page.addScriptTag) is blocked. We evaluate axe's source
 * through the DevTools protocol instead, which CSP does not govern, rather than
 * turn CSP off for the tests (that would hide CSP problems in the pages).
 */
export async function axeViolations (page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined')
  if (!hasAxe) {
    axeSource ??= readFileSync(AXE_PATH, 'utf8')
    await page.evaluate(axeSource)
  }
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
    },
    resultTypes: ['violations']
  }))
  return results.violations
}

/** A readable report of axe violations, page by page. */
export function formatViolations (pages) {
  const byRule = new Map()
  for (const { violations } of pages) {
    for (const v of violations) byRule.set(v.id, (byRule.get(v.id) || 0) + 1)
  }
  const lines = [`  Rules broken (number of pages): ${[...byRule].map(([id, n]) => `${id} (${n})`).join(', ')}`]
  for (const { where, violations } of pages) {
    lines.push(`  ${where}`)
    for (const v of violations) {
      lines.push(`    - ${v.id} (${v.impact}): ${v.help}`)
      lines.push(`      ${v.helpUrl}`)
      for (const node of v.nodes.slice(0, 10)) {
        lines.push(`        at ${node.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : t).join(' ')}`)
        lines.push(`           ${(node.html || '').replace(/\s+/g, ' ').slice(0, 200)}`)
        const summary = (node.failureSummary || '').split('\n').map((l) => l.trim()).filter(Boolean)
        for (const s of summary.slice(0, 4)) lines.push(`           ${s}`)
      }
      if (v.nodes.length > 10) lines.push(`        … and ${v.nodes.length - 10} more elements`)
    }
  }
  return lines.join('\n')
}
