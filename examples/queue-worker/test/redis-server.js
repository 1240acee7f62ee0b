/**
 * Starts Debian's redis-server on a free port of 127.0.0.1 as a child process
 * (nothing saved to disk), for the tests. Never a mock: the Lua scripts and
 * BullMQ's own run on the real thing.
 * @module
 */
import { spawn } from 'node:child_process'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/** A free TCP port on 127.0.0.1 (the OS picks it; another process could take it first, rarely). */
export async function freePort() {
  const server = net.createServer()
  server.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const { port } = /** @type {net.AddressInfo} */ (server.address())
  await new Promise((r) => server.close(r))
  return port
}

/** @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, stop(): void }>} */
export async function startRedis() {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const failed = new Promise((_, reject) => {
    child.once('error', (e) =>
      reject(new Error(`redis-server: ${e.message} (install it: apt-get install redis-server)`)),
    )
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)))
  })
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      const up = await new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end()
          resolve(true)
        })
        socket.on('error', () => resolve(false))
      })
      if (up) return
      await sleep(50)
    }
    throw new Error('redis-server did not start listening within 5 s')
  })()
  await Promise.race([ready, failed])
  failed.catch(() => {})
  return { url: `redis://127.0.0.1:${port}`, child, stop: () => void child.kill('SIGKILL') }
}
