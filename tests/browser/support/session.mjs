// What every browser test file shares: the app and Chromium, started once before the file's tests
// and stopped after them, and two small helpers.

import { before, after } from 'node:test'
import { startServer } from './server.mjs'
import { launchBrowser } from './browser.mjs'

/** Starts the app and Chromium before this file's tests; `env.server` and `env.browser` then hold them. */
export function serverAndBrowser () {
  const env = {}
  before(async () => {
    env.server = await startServer()
    env.browser = await launchBrowser()
  })
  after(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}

export const log = (msg) => console.log(`# ${msg}`)
export const pathOf = (page) => new URL(page.url()).pathname
