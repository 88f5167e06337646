// Starts what the scenarios run against: a generated corpus ingested into a
// fresh data directory, demo accounts, and `patnav serve` on 127.0.0.1 with
// an ephemeral port. Its URL goes to the tests as PATNAV_URL; the returned
// function stops the server and removes the directory.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const DEMO_PASSWORD = 'correct-horse-1'

// The administrator's session as a browser holds it: a POST and a GET.
async function adminSession(url: string) {
  const login = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'patnav' },
    body: JSON.stringify({ username: 'root', password: DEMO_PASSWORD }),
  })
  if (!login.ok) throw new Error(`demo sign-in failed: ${login.status}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'patnav', Cookie: cookie },
      body: JSON.stringify(body),
    })
    if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`)
  }
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${url}/api/v1${path}`, { headers: { Cookie: cookie } })
    if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`)
    return (await r.json()) as T
  }
  return { post, get }
}

// An alliance for the administrator's scenario, made through the API as a
// browser would: Alpha with a member, a pool and one fund contribution.
async function demoAlliance(url: string): Promise<void> {
  const { post } = await adminSession(url)
  await post('/alliances', { name: 'Alpha', form: 'social_organization', industry: 'battery' })
  await post('/alliances/Alpha/members', { name: 'BYD', type: 'industry' })
  await post('/alliances/Alpha/pools', { name: 'LFP', currency: 'CNY', fee: '5' })
  await post('/alliances/Alpha/fund/contributions', { member: 'BYD', amount: '1234567.05', currency: 'CNY' })
}

// One closed pool period for the portals (portals.spec.ts), as the API
// fixture of tests/ has it: alliance Solar, members Acme and 清华大学 with
// patents in pool PV, licensee "BYD Auto" under programme GA, a royalty
// report for 2025Q1 distributed by value and closed; users memA and memT
// (members), licA (licensee) and opS (operator).
async function demoPoolPeriod(url: string): Promise<void> {
  const { post, get } = await adminSession(url)
  const found = await get<{ hits: { publication_number: string }[] }>(`/search?q=${encodeURIComponent('PD>=1900')}&limit=3`)
  const pns = found.hits.map((h) => h.publication_number)
  if (pns.length < 3) throw new Error('the corpus has fewer than 3 patents')
  const a = '/alliances/Solar'
  await post('/alliances', { name: 'Solar', form: 'cooperative_organization', industry: 'photovoltaic' })
  await post(`${a}/members`, { name: 'Acme', type: 'industry', joined_on: '2020-01-01' })
  await post(`${a}/members`, { name: '清华大学', type: 'university', joined_on: '2020-01-01' })
  await post(`${a}/pools`, { name: 'PV', currency: 'USD', fee: '10' })
  const since = { contributed_on: '2024-01-01', countries: ['CN'] }
  await post(`${a}/pools/PV/contributions`, { member: 'Acme', publications: pns.slice(0, 2), ...since })
  await post(`${a}/pools/PV/contributions`, { member: '清华大学', publications: pns.slice(2, 3), ...since })
  await post(`${a}/pools/PV/rescore`, {})
  await post(`${a}/programmes`, { pool: 'PV', name: 'GA', rate: '0.50' })
  await post(`${a}/licensees`, { name: 'BYD Auto', country: 'CN' })
  await post(`${a}/agreements`, { licensee: 'BYD Auto', programme: 'GA', territories: ['CN', 'US'], effective_from: '2024-01-01' })
  await post(`${a}/royalty-reports`, {
    licensee: 'BYD Auto',
    programme: 'GA',
    period: '2025Q1',
    lines: [{ country: 'CN', figure: '1000' }],
  })
  await post(`${a}/distributions`, { pool: 'PV', period: '2025Q1', method: 'value', close: true })
  const users: [string, Record<string, string>][] = [
    ['memA', { role: 'member', alliance: 'Solar', member: 'Acme' }],
    ['memT', { role: 'member', alliance: 'Solar', member: '清华大学' }],
    ['licA', { role: 'licensee', alliance: 'Solar', licensee: 'BYD Auto' }],
    ['opS', { role: 'operator', alliance: 'Solar' }],
  ]
  for (const [username, grant] of users) await post('/users', { username, password: DEMO_PASSWORD, grants: [grant] })
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = process.env.PATNAV_BIN
  if (!bin || !fs.existsSync(bin)) throw new Error(`PATNAV_BIN must name the patnav binary (got '${bin ?? ''}')`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patnav-web-e2e-'))
  const db = path.join(dir, 'data')
  const corpus = path.join(dir, 'corpus.xml')
  const run = (args: string[], input?: string) =>
    execFileSync(bin, args, { input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 })
  run(['generate', '--docs', '200', '--seed', '5', '--format', 'uspto-xml', '--out', corpus])
  run(['ingest', '--db', db, corpus])
  const upload = path.join(dir, 'upload.xml')
  run(['generate', '--docs', '5', '--seed', '77', '--format', 'uspto-xml', '--out', upload])
  run(['generate', '--docs', '8', '--seed', '91', '--format', 'uspto-xml', '--out', path.join(dir, 'later.xml')])
  fs.writeFileSync(path.join(dir, 'broken.xml'), '<us-patent-grant><broken>')
  process.env.PATNAV_E2E_FILES = dir
  run(['user', 'add', 'ana', '--role', 'analyst', '--password-stdin', '--db', db], `${DEMO_PASSWORD}\n`)
  run(['user', 'add', 'root', '--role', 'administrator', '--password-stdin', '--db', db], `${DEMO_PASSWORD}\n`)
  // The IP office: a reviewer of 北京市 (the administrator is the national office).
  run(['user', 'add', 'rev', '--role', 'reviewer', '--province', '北京市', '--password-stdin', '--db', db], `${DEMO_PASSWORD}\n`)

  const server = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--access-log', '-'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (d) => (stderr += d))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`patnav serve did not start: ${out} ${stderr}`)), 30_000)
    server.stdout.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    server.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`patnav serve exited (${code}): ${stderr}`))
    })
  })
  process.env.PATNAV_URL = url
  await demoAlliance(url)
  await demoPoolPeriod(url)
  return async () => {
    server.kill('SIGTERM')
    await new Promise((r) => {
      if (server.exitCode !== null) return r(null)
      server.on('exit', r)
      setTimeout(r, 10_000)
    })
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
