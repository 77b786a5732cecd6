// Start and stop a Withus server for one test file.
//
// Runs `$WITHUS_BIN demo` (default target/debug/withus) on a free port with a
// fresh data directory and SQLite database, or with the PostgreSQL database in
// WITHUS_TEST_BROWSER_DATABASE_URL when that is set.

import { spawn } from 'node:child_process'
import { mkdtemp, rm, access } from 'node:fs/promises'
import { constants as fsConstants } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

const LISTENING = /listening on (http:\/\/[^\s"',}]+)/i
const START_TIMEOUT_MS = 60_000
const KEEP_OUTPUT_CHARS = 8_000

export async function startServer () {
  const bin = path.resolve(repoRoot, process.env.WITHUS_BIN || 'target/debug/withus')
  try {
    await access(bin, fsConstants.X_OK)
  } catch {
    throw new Error(`The Withus binary ${bin} does not exist or is not executable. ` +
      'Build it first (cargo build -p withus) or set WITHUS_BIN.')
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), 'withus-browser-'))
  const databaseUrl = process.env.WITHUS_TEST_BROWSER_DATABASE_URL ||
    `sqlite://${path.join(dataDir, 'withus.db')}`
  const env = {
    ...process.env,
    WITHUS_ADDR: '127.0.0.1:0',
    DATABASE_URL: databaseUrl,
    WITHUS_DATA_DIR: dataDir
  }

  const child = spawn(bin, ['demo'], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const keep = (s) => s.length > KEEP_OUTPUT_CHARS ? s.slice(-KEEP_OUTPUT_CHARS) : s

  const baseURL = await new Promise((resolve, reject) => {
    let settled = false
    let pending = ''
    const finish = (err, url) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) reject(err)
      else resolve(url)
    }
    const describe = () =>
      `\n--- server stderr (last part) ---\n${stderr || '(empty)'}\n--- server stdout (last part) ---\n${stdout || '(empty)'}`
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      finish(new Error(`Withus did not print "listening on http://…" within ${START_TIMEOUT_MS / 1000} s ` +
        `(${bin} demo, DATABASE_URL=${redact(databaseUrl)}).${describe()}`))
    }, START_TIMEOUT_MS)

    const onData = (stream) => (chunk) => {
      const text = chunk.toString('utf8')
      if (stream === 'stdout') stdout = keep(stdout + text)
      else stderr = keep(stderr + text)
      if (settled) return
      // The line must be on stdout; a log line on stderr is accepted too.
      pending = keep(pending + text)
      const match = LISTENING.exec(pending)
      if (match) finish(null, match[1].replace(/\/+$/, ''))
    }
    child.stdout.on('data', onData('stdout'))
    child.stderr.on('data', onData('stderr'))
    child.on('error', (err) => finish(new Error(`Could not start ${bin}: ${err.message}`)))
    child.on('exit', (code, signal) => finish(new Error(
      `Withus exited before it was listening (code ${code}, signal ${signal}).${describe()}`)))
  })

  let exited = child.exitCode !== null
  child.on('exit', () => { exited = true })

  return {
    baseURL,
    dataDir,
    output: () => ({ stdout, stderr }),
    async stop () {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'))
        if (await Promise.race([gone, timeout]) === 'timeout') {
          child.kill('SIGKILL')
          await gone
        }
      }
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

function redact (url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}
