// Withus: progressive enhancement for server-rendered pages.
//
// Every page works without this script. It is loaded as a module
// (<script type="module" src="/assets/withus.js">), so browsers too old for
// GOV.UK Frontend's JavaScript never run it and keep the plain HTML.

import { initAll } from './govuk-frontend.min.js'

// GOV.UK Frontend only starts its components when <body> has the class
// `govuk-frontend-supported`. Its templates add it with an inline script; our
// Content-Security-Policy allows no inline scripts, so we add it here. Only
// browsers that run ES modules get this far, which is the same test.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()

startSessionTimeoutWarning()

/**
 * Idle-session warning (WCAG 2.2.1 Timing adjustable).
 *
 * The server ends a session after a period with no requests. When <body> says
 * how long that is, we show the warning that the server rendered (hidden) in
 * #session-timeout-warning a little before the end, move focus to its heading
 * (which also scrolls it into view), and let the person stay signed in without
 * leaving the page. Focus then goes back to where it was.
 *
 *   <body data-session-timeout-seconds="1800" data-session-warning-seconds="120">
 *   <div id="session-timeout-warning" hidden>
 *     <h2>…</h2>
 *     <form method="post" action="/session/keep-alive">
 *       <input type="hidden" name="csrf_token" value="…">
 *       <button class="govuk-button">Stay signed in</button>
 *     </form>
 *   </div>
 *
 * Without JavaScript the form is still a normal POST.
 */
function startSessionTimeoutWarning () {
  const body = document.body
  const timeoutSeconds = Number(body.dataset.sessionTimeoutSeconds)
  const warningSeconds = Number(body.dataset.sessionWarningSeconds)
  const warning = document.getElementById('session-timeout-warning')
  const form = warning && warning.querySelector('form')

  if (!warning || !form ||
      !Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 ||
      !Number.isFinite(warningSeconds) || warningSeconds < 0) {
    return
  }

  const delayMs = Math.max(0, timeoutSeconds - warningSeconds) * 1000
  let timer = null
  let returnFocusTo = null
  let busy = false

  function schedule () {
    window.clearTimeout(timer)
    timer = window.setTimeout(show, delayMs)
  }

  function show () {
    if (!warning.hidden) return
    const active = document.activeElement
    returnFocusTo = active && active !== document.body && !warning.contains(active) ? active : null

    warning.hidden = false

    const heading = warning.querySelector('h1, h2, h3, h4, h5, h6') || warning
    if (!heading.hasAttribute('tabindex')) {
      heading.setAttribute('tabindex', '-1')
      heading.addEventListener('blur', () => heading.removeAttribute('tabindex'), { once: true })
    }
    heading.focus()
  }

  function hide () {
    warning.hidden = true

    const target = returnFocusTo && document.contains(returnFocusTo)
      ? returnFocusTo
      : document.getElementById('main-content')
    returnFocusTo = null
    if (target) target.focus()
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (busy) return
    busy = true
    try {
      // URL-encoded, like the browser's own submission, so the server reads
      // it the same way. It includes the hidden csrf_token input.
      const response = await window.fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
        headers: { Accept: 'text/html' }
      })
      const landedOnSignIn = response.redirected &&
        new URL(response.url).pathname.startsWith('/sign-in')
      if (!response.ok || landedOnSignIn) {
        throw new Error(`keep-alive answered ${response.status}`)
      }
      hide()
      schedule()
    } catch (error) {
      // The session may already have ended, or the network failed: let the
      // browser submit the form normally, so the server's page explains.
      form.submit()
    } finally {
      busy = false
    }
  })

  schedule()
}
