// axe-core scan of every page reachable in each role, in English and in
// Welsh, including each form's error state; and 320 px reflow.
//
// Zero violations is the bar: no rule is turned off. A failure lists, page by
// page, each rule broken, its impact, what to do and the elements concerned.

import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { signIn, ROLES, formatViolations } from './support/browser.mjs'
import { crawl } from './support/crawl.mjs'
import { serverAndBrowser, log } from './support/session.mjs'

const env = serverAndBrowser()
// Pages seen by the crawls, for the reflow check.
const reflowCandidates = { 'signed out': [], signedIn: [] }

// Pages no link leads to, but people land on: from emails with a stale link,
// or a mistyped address.
const EXTRA_START_PATHS = [
  '/password-reset/not-a-valid-token',
  '/invitations/not-a-valid-token',
  '/this-page-does-not-exist'
]

// Some pages are reached only from links in emails (choosing a new password,
// accepting an invitation). Send those emails first, so the crawls find them
// on the demo email pages (/dev/emails).
test('send a password reset and an invitation, so their pages are crawled too', async () => {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  try {
    const before = await emailCount(page)

    await page.goto(env.server.baseURL + '/password-reset', { waitUntil: 'load' })
    await page.locator('#email').fill('member@northtown-dpf.example')
    await Promise.all([page.waitForEvent('load'), page.locator('form[action="/password-reset"] button').click()])

    await signIn(page, env.server.baseURL, 'admin@northtown-dpf.example')
    const invitePath = await findLink(page, /\/invitations\/new$/)
    assert.ok(invitePath, 'the DPO organisation admin should find a link to invite someone (…/invitations/new)')
    await page.goto(env.server.baseURL + invitePath, { waitUntil: 'load' })
    await page.locator('#email').fill(`new.member.${Date.now()}@example.org`)
    await page.locator('input[name="role"]').first().check()
    await Promise.all([page.waitForEvent('load'), page.locator(`form[action="${invitePath}"] button`).click()])

    const deadline = Date.now() + 30_000
    let count = await emailCount(page)
    while (count < before + 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      count = await emailCount(page)
    }
    assert.ok(count >= before + 2, `expected 2 new emails on /dev/emails, found ${count - before}`)
    log(`emails on /dev/emails: ${count}`)
  } finally {
    await context.close()
  }
})

// An organisation's accountability page is linked from its public engagement pages; its README and
// its error states (a date it cannot read, a day with no snapshot) are reached by no link.
test('find an accountability page, so its README and error pages are crawled too', async () => {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  try {
    const origin = new URL(env.server.baseURL).origin
    await page.goto(origin + '/engagements', { waitUntil: 'load' })
    const engagement = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.href).pathname)
      .find((p) => /^\/engagements\/[0-9a-f-]{36}$/.test(p)))
    assert.ok(engagement, 'the public list of engagements should link to an engagement')
    await page.goto(origin + engagement, { waitUntil: 'load' })
    const path = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.href).pathname)
      .find((p) => /^\/accountability\/[^/]+$/.test(p)))
    assert.ok(path, 'a public engagement page should link to its organisation\'s accountability page')
    EXTRA_START_PATHS.push(
      path,
      path + '/data',
      path + '/recommendations.csv?modified_since=not-a-date',
      path + '/snapshots/2001-01-01.json'
    )
  } finally {
    await context.close()
  }
})

// Two roles at a time: each has its own browser context (cookies, language),
// and the machine's two cores are both kept busy.
describe('axe-core, every page, every role', { concurrency: 2 }, () => {
  for (const role of ROLES) {
    test(`no axe violations on any page, ${role.name}, in English and Welsh`, async () => {
      const context = await env.browser.newContext({ acceptDownloads: false, viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      const reports = []
      const problems = []
      try {
        if (role.email) await signIn(page, env.server.baseURL, role.email)
        // A survey's question pages are reached only after starting it (a POST): start the demo
        // survey in this browser, so its start page links to them ("Carry on").
        await startDemoSurvey(page)

        for (const lang of ['en', 'cy']) {
          await switchLanguage(page, env.server.baseURL, lang)
          const label = `${role.name} (${lang})`
          const started = Date.now()
          const result = await crawl(page, { baseURL: env.server.baseURL, lang, label, log, extraStartPaths: EXTRA_START_PATHS })
          log(`${label}: ${result.pages.length} pages and ${result.forms} forms, ` +
            `${result.scans} new scans, in ${((Date.now() - started) / 1000).toFixed(1)} s`)
          if (lang === 'en') {
            const bucket = role.email ? reflowCandidates.signedIn : reflowCandidates['signed out']
            if (bucket.length === 0) bucket.push({ role, paths: result.pages.slice(0, 8) })
          }
          for (const r of result.violations) reports.push({ ...r, where: `[${lang}] ${r.where}` })
          for (const p of result.problems) problems.push(`[${lang}] ${p}`)
        }
        // The choice of language is kept with the account: put it back, so
        // later tests on the same database find the account as it was.
        await switchLanguage(page, env.server.baseURL, 'en')
      } finally {
        await context.close()
      }

      const messages = []
      if (reports.length > 0) {
        const count = reports.reduce((n, r) => n + r.violations.length, 0)
        messages.push(`${count} axe violation(s) on ${reports.length} page(s) for ${role.name}:\n${formatViolations(reports)}`)
      }
      if (problems.length > 0) {
        messages.push(`${problems.length} page problem(s) for ${role.name}:\n` +
          problems.slice(0, 60).map((p) => `  ${p}`).join('\n') +
          (problems.length > 60 ? `\n  … and ${problems.length - 60} more` : ''))
      }
      assert.equal(messages.length, 0, '\n' + messages.join('\n\n'))
    })
  }
})

test('pages reflow at 320 CSS px wide without horizontal scrolling', async () => {
  const overflowing = []
  for (const group of [reflowCandidates['signed out'], reflowCandidates.signedIn]) {
    for (const { role, paths } of group) {
      const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } })
      const page = await context.newPage()
      try {
        if (role.email) await signIn(page, env.server.baseURL, role.email)
        for (const path of paths) {
          await page.goto(env.server.baseURL + path, { waitUntil: 'load' })
          const size = await page.evaluate(() => {
            const limit = document.documentElement.clientWidth + 1
            const tooWide = (el) => el.getBoundingClientRect().right > limit &&
              !el.closest('.govuk-skip-link, .govuk-visually-hidden')
            // The outermost elements that stick out: the ones to fix.
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => tooWide(el) && !(el.parentElement && tooWide(el.parentElement)))
              .slice(0, 5)
              .map((el) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 120))
            return { scrollWidth: document.documentElement.scrollWidth, wide }
          })
          if (size.scrollWidth > 320) {
            overflowing.push(`${role.name} ${path}: scrollWidth ${size.scrollWidth}px; too wide: ${size.wide.join(', ')}`)
          }
        }
      } finally {
        await context.close()
      }
    }
  }
  const checked = [reflowCandidates['signed out'], reflowCandidates.signedIn].flat().reduce((n, g) => n + g.paths.length, 0)
  assert.ok(checked > 0, 'no pages to check: the crawls above found none')
  log(`reflow: checked ${checked} pages at 320px`)
  assert.ok(overflowing.length === 0, `pages wider than 320px (WCAG 1.4.10 reflow):\n  ${overflowing.join('\n  ')}`)
})

/** Starts the demo survey found on the public engagement pages, with standard wording. */
async function startDemoSurvey (page) {
  const origin = new URL(env.server.baseURL).origin
  await page.goto(origin + '/engagements', { waitUntil: 'load' })
  const engagements = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.href).pathname)
    .filter((p) => /^\/engagements\/[^/]+$/.test(p)))
  for (const path of engagements) {
    await page.goto(origin + path, { waitUntil: 'load' })
    const survey = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.href).pathname)
      .find((p) => /^\/surveys\/[^/]+$/.test(p)))
    if (!survey) continue
    await page.goto(origin + survey, { waitUntil: 'load' })
    await page.locator('input[name="format"][value="standard"]').check()
    await Promise.all([page.waitForEvent('load'), page.locator(`form[action="${survey}"] button`).click()])
    assert.match(new URL(page.url()).pathname, /\/questions\//, 'starting the demo survey opens its first question')
    return
  }
  assert.fail('no open survey linked from the public engagement pages')
}

async function emailCount (page) {
  await page.goto(env.server.baseURL + '/dev/emails', { waitUntil: 'load' })
  return page.$$eval('a[href]', (as) => as.filter((a) => /^\/dev\/emails\/./.test(new URL(a.href).pathname)).length)
}

/** Follow links breadth-first (a few pages) to find one whose path matches. */
async function findLink (page, pattern, maxPages = 10) {
  const origin = new URL(env.server.baseURL).origin
  const queue = ['/']
  const seen = new Set(queue)
  while (queue.length > 0 && seen.size <= maxPages) {
    await page.goto(origin + queue.shift(), { waitUntil: 'load' })
    const paths = await page.$$eval('a[href]', (as) => as.map((a) => a.href))
    for (const href of paths) {
      const url = new URL(href)
      if (url.origin !== origin) continue
      if (pattern.test(url.pathname)) return url.pathname
      if (!seen.has(url.pathname) && !/^\/(sign-out|language|assets)/.test(url.pathname)) {
        seen.add(url.pathname)
        queue.push(url.pathname)
      }
    }
  }
  return null
}

async function switchLanguage (page, baseURL, lang) {
  await page.goto(baseURL + '/', { waitUntil: 'load' })
  if (await page.evaluate(() => document.documentElement.lang) === lang) return
  const link = page.locator(`nav.withus-language-nav a[hreflang="${lang}"]`)
  assert.equal(await link.count(), 1, `the home page has no link to lang="${lang}" in nav.withus-language-nav`)
  await Promise.all([page.waitForEvent('load'), link.click()])
  const now = await page.evaluate(() => document.documentElement.lang)
  assert.equal(now, lang, `after choosing the language "${lang}", <html lang="${now}">`)
}
