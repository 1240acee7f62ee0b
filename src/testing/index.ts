/**
 * `segment-intercom/testing`: tools for testing code that uses this library — or
 * any Segment→Intercom integration: fast-check arbitraries for Segment events, an
 * in-memory Intercom emulator usable as a `deliver` transport, and recording /
 * scripted transports. fast-check is an optional peer dependency of the package:
 * install it (`npm i -D fast-check`) to import this subpath.
 * @module
 */

export * as arbitraries from './arbitraries.js'
export {
  createIntercomEmulator,
  DEFAULT_MAX_EVENT_NAMES,
  DEFAULT_START_TIME,
  EmulatorOptionError,
} from './emulator/emulator.js'
export type * from './emulator/types.js'
export type * from './recording-transport.js'
export {
  createRecordingTransport,
  createScriptedTransport,
} from './recording-transport.js'
