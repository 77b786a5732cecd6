// Breadth-first crawl of every page a person can reach by following links,
// with an axe-core scan of each page and of each POST form's error state.

import { createHash } from 'node:crypto'
import { axeViolations } from './browser.mjs'

export const PAGE_CAP = 150

/**
 * Pages of the same shape (the same route with different ids, or the same
 * page with different filters) share one template: scanning a few of each is
 * enough, and keeps the crawl from walking the whole register person by person.
 */
export const PER_SHAPE = 2
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** `/organisations/<id>/people/<id>?page=2` → `/organisations/:id/people/:id?page` */
export function shapeOf (pathAndQuery) {
  const [path, query = ''] = pathAndQuery.split('?')
  const keys = [...new URLSearchParams(query).keys()].sort().join('&')
  return path.replace(UUID, ':id') + (keys ? `?${keys}` : '')
}

// GET links the crawl never follows.
const SKIP_PATHS = [/^\/sign-out(\/|$)/, /^\/language(\/|$)/, /^\/assets\//, /^\/metrics(\/|$)/, /^\/healthz(\/|$)/]
// POST forms the crawl never submits.
const SKIP_FORM_ACTIONS = [/^\/sign-out(\/|$)/, /^\/language(\/|$)/, /^\/session\/keep-alive(\/|$)/]

/**
 * Pages already scanned in this run, by a hash of their HTML (without
 * per-request tokens). An identical page needs no second scan.
 */
const scannedByContent = new Map()

/**
 * Crawl from `/` as the person signed in to `page`'s context.
 *
 * Returns { violations: [{where, violations}], problems: [string], pages, forms, warnings }.
 */
export async function crawl (page, { baseURL, lang, label, log = () => {}, extraStartPaths = [] }) {
  const origin = new URL(baseURL).origin
  const result = { violations: [], problems: [], pages: [], forms: 0, scans: 0, warnings: [] }
  const queue = ['/', ...extraStartPaths]
  const queued = new Set(queue)
  const shapes = new Map() // shape → how many pages of it are queued
  const room = (path) => {
    const shape = shapeOf(path)
    const seen = shapes.get(shape) || 0
    if (seen >= PER_SHAPE) return false
    shapes.set(shape, seen + 1)
    return true
  }
  queue.forEach(room)
  const forms = new Map() // dedupe key → { pagePath, index, action }

  let lastNavigation = null
  const onResponse = (response) => {
    const request = response.request()
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) lastNavigation = response
  }
  page.on('response', onResponse)

  try {
    while (queue.length > 0) {
      if (result.pages.length >= PAGE_CAP) {
        const warning = `${label}: stopped after ${PAGE_CAP} pages; ${queue.length} more were not visited ` +
          `(next: ${queue.slice(0, 5).join(', ')})`
        result.warnings.push(warning)
        log(`WARNING ${warning}`)
        break
      }
      const pathAndQuery = queue.shift()
      const where = `GET ${pathAndQuery}`
      let response
      try {
        // The DOM is enough to find links and to tell whether the page is new;
        // scan() waits for 'load' before it runs axe on a new page.
        response = await page.goto(origin + pathAndQuery, { waitUntil: 'domcontentloaded' })
      } catch (err) {
        if (/download/i.test(err.message)) continue // a file download: not a page
        result.problems.push(`${where}: could not load: ${firstLine(err.message)}`)
        continue
      }
      if (!response) continue
      if (!isHtmlPage(response)) continue
      result.pages.push(pathAndQuery)

      const landed = new URL(page.url())
      if (landed.origin !== origin) continue
      if (response.status() >= 500) {
        result.problems.push(`${where}: the server answered ${response.status()}`)
      }

      await checkPage(page, { where, lang, result })
      await scan(page, { where, result })

      // Links to follow.
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href))
      for (const href of hrefs) {
        const next = crawlable(href, origin)
        if (next && !queued.has(next)) {
          queued.add(next)
          if (room(next)) queue.push(next)
        }
      }

      // POST forms to submit empty, later.
      const found = await page.$$eval('form', (all) => all.map((form, index) => {
        const method = (form.getAttribute('method') || 'get').toLowerCase()
        const fields = [...form.elements]
          .filter((el) => el.name && !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
          .map((el) => `${el.name}:${el.type}`)
        return {
          index,
          method,
          action: form.action,
          skip: form.dataset.crawl === 'skip',
          fields: [...new Set(fields)].sort()
        }
      }))
      for (const form of found) {
        if (form.method !== 'post' || form.skip) continue
        const action = new URL(form.action, page.url())
        if (action.origin !== origin) continue
        if (SKIP_FORM_ACTIONS.some((re) => re.test(action.pathname))) continue
        // A form with nothing to fill in is an action button ("Delete",
        // "Resend"): it has no error state, and pressing it changes data.
        if (form.fields.length === 0) continue
        const key = `${shapeOf(action.pathname + action.search)} ${form.fields.join(',')}`
        if (!forms.has(key)) forms.set(key, { pagePath: landed.pathname + landed.search, index: form.index, action: action.pathname })
      }
    }

    // Each form once, submitted with every field empty, to scan its error state.
    for (const form of forms.values()) {
      const where = `POST ${form.action} (form ${form.index + 1} on ${form.pagePath}, submitted empty)`
      try {
        // Wait for 'load', so the load event awaited below is the next page's.
        await page.goto(origin + form.pagePath, { waitUntil: 'load' })
        lastNavigation = null
        const loaded = page.waitForEvent('load', { timeout: 15_000 })
        const download = page.waitForEvent('download', { timeout: 15_000 }).then(() => 'download', () => null)
        const submitted = await page.evaluate((index) => {
          const form = document.forms[index]
          if (!form) return false
          for (const el of form.elements) {
            if (el.disabled) continue
            if (el.tagName === 'TEXTAREA') el.value = ''
            else if (el.tagName === 'SELECT') el.selectedIndex = -1
            else if (el.type === 'checkbox' || el.type === 'radio') el.checked = false
            else if (!['hidden', 'submit', 'button', 'reset', 'image', 'file'].includes(el.type)) el.value = ''
          }
          form.noValidate = true
          const submitter = form.querySelector('button:not([type]), button[type="submit"], input[type="submit"]')
          // Submit once this evaluation has returned its answer.
          setTimeout(() => form.requestSubmit(submitter || undefined), 0)
          return true
        }, form.index)
        if (!submitted) {
          result.problems.push(`${where}: the form was not on the page any more`)
          continue
        }
        const outcome = await Promise.race([loaded.then(() => 'load'), download])
        if (outcome === 'download') continue
        result.forms++
        const status = lastNavigation ? lastNavigation.status() : 0
        if (status >= 500) result.problems.push(`${where}: the server answered ${status}`)
        if (status === 403 || status === 400) {
          result.problems.push(`${where}: the server answered ${status}; check the form sends its csrf_token`)
        }
        await checkPage(page, { where, lang, result })
        await scan(page, { where: `${where} → ${new URL(page.url()).pathname}`, result })
      } catch (err) {
        result.problems.push(`${where}: ${firstLine(err.message)}`)
      }
    }
  } finally {
    page.off('response', onResponse)
  }
  return result
}

function crawlable (href, origin) {
  let url
  try { url = new URL(href) } catch { return null }
  if (url.origin !== origin) return null
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (SKIP_PATHS.some((re) => re.test(url.pathname))) return null
  return url.pathname + url.search
}

function isHtmlPage (response) {
  const headers = response.headers()
  if (/attachment/i.test(headers['content-disposition'] || '')) return false
  return /text\/html|application\/xhtml/i.test(headers['content-type'] || '')
}

async function scan (page, { where, result }) {
  const html = await page.evaluate(() => document.documentElement.outerHTML)
  const normalised = html
    .replace(/(name="csrf_token"[^>]*value=")[^"]*/g, '$1')
    .replace(/(value="[^"]*"[^>]*name="csrf_token")/g, 'csrf')
    .replace(/nonce="[^"]*"/g, '')
  const hash = createHash('sha256').update(normalised).digest('hex')
  if (scannedByContent.has(hash)) return
  scannedByContent.set(hash, where)
  result.scans++
  await page.waitForLoadState('load')
  const violations = await axeViolations(page)
  if (violations.length > 0) result.violations.push({ where, violations })
}

/** The page-level parts of the contract every page keeps. */
async function checkPage (page, { where, lang, result }) {
  const found = await page.evaluate(() => {
    const focusable = 'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), ' +
      'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'
    const first = document.querySelector(focusable)
    const main = document.querySelector('main')
    return {
      lang: document.documentElement.getAttribute('lang'),
      firstFocusable: first ? first.outerHTML.slice(0, 120) : null,
      skipLinkFirst: !!first && first.matches('a.govuk-skip-link[href="#main-content"]'),
      mainOk: !!main && main.id === 'main-content' && main.getAttribute('tabindex') === '-1',
      postFormsWithoutCsrf: [...document.querySelectorAll('form')]
        .filter((f) => (f.getAttribute('method') || '').toLowerCase() === 'post')
        .filter((f) => !f.querySelector('input[type="hidden"][name="csrf_token"]'))
        .map((f) => f.getAttribute('action') || '(no action)'),
      languageNav: !!document.querySelector('nav.withus-language-nav[aria-label] a[hreflang]')
    }
  })
  if (found.lang !== lang) {
    result.problems.push(`${where}: <html lang="${found.lang}">, expected lang="${lang}"`)
  }
  if (!found.skipLinkFirst) {
    result.problems.push(`${where}: the first focusable element is not the skip link ` +
      `a.govuk-skip-link[href="#main-content"] but ${found.firstFocusable}`)
  }
  if (!found.mainOk) result.problems.push(`${where}: no <main id="main-content" tabindex="-1">`)
  for (const action of found.postFormsWithoutCsrf) {
    result.problems.push(`${where}: the POST form to ${action} has no hidden csrf_token input`)
  }
  if (!found.languageNav) {
    result.problems.push(`${where}: no language navigation (nav.withus-language-nav[aria-label] with a link)`)
  }
}

function firstLine (s) {
  return String(s).split('\n')[0]
}
