/** Runs one mapper N times on one bench event; driven by bench/instructions.sh under callgrind. */
import * as lib from '../dist/index.js'
import { group, identify, page, track } from './events.mjs'

const [mapper, name, n] = [process.argv[2], process.argv[3], Number(process.argv[4])]
const event = { identify, track, group, page }[name]
const rest14 = { settings: { apiVersion: '1.4' } }
const rest216 = { settings: { apiVersion: '2.16' } }
const device = { settings: { appId: 'abc12345' } }
const mappers = {
  json: () => JSON.parse(JSON.stringify(event)),
  'toRest-1.4': () => lib.toRest(event, rest14).exchange?.().next(),
  'toRest-2.16': () => lib.toRest(event, rest216).exchange?.().next(),
  toMessenger: () => lib.toMessenger(event, device),
  toMobile: () => lib.toMobile(event, device),
}
const f = mappers[mapper]
if (f === undefined || event === undefined)
  throw new Error(`unknown mapper or event: ${mapper} ${name}`)
let sink
for (let i = 0; i < n; i++) sink = f()
if (sink === null) console.log('unreachable')
