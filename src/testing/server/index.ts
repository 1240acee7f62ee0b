/**
 * `segment-intercom/testing/server` (Node only): the in-memory Intercom emulator of
 * `segment-intercom/testing` behind a real HTTP server, for integration tests of code
 * that sends its own HTTP requests, and for `segment-intercom emulate`. Kept out of
 * `segment-intercom/testing` so that entry stays free of Node built-ins.
 * @module
 */

export {
  DEFAULT_MAX_BODY_BYTES,
  type EmulatorServer,
  type ServeEmulatorOptions,
  serveEmulator,
} from './serve.js'
