/**
 * Validating {@link EmulatorOptions} once, at creation, into the settings the emulator runs on.
 * @module
 */
import type { ResolvedOptions } from './context.js'
import type { RateLimitConfig } from './rate-limit.js'
import type { DataAttributeModel, DataAttributeType, EmulatorOptions } from './types.js'

/** The virtual clock's default start: 2026-01-01T00:00:00Z. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 1)

/** Intercom's limit on active event names per workspace. */
export const DEFAULT_MAX_EVENT_NAMES = 120

/** The fault seed when `faults.seed` is absent: faults stay reproducible by default. */
export const DEFAULT_FAULT_SEED = 0

const MODELS: readonly DataAttributeModel[] = ['contact', 'company']
const DATA_TYPES: readonly DataAttributeType[] = ['string', 'integer', 'float', 'boolean', 'date']

/**
 * Thrown by {@link createIntercomEmulator} for an unusable option. It is a
 * `RangeError`, and {@link EmulatorOptionError.option} names the option.
 *
 * @example
 * ```ts
 * try {
 *   createIntercomEmulator({ faults: { serverErrorRate: 2 } })
 * } catch (error) {
 *   if (error instanceof EmulatorOptionError) error.option // 'faults.serverErrorRate'
 * }
 * ```
 */
export class EmulatorOptionError extends RangeError {
  /** The offending option, as a path: `searchLag`, `rateLimit.limit`, `faults.seed`, … */
  readonly option: string

  constructor(option: string, message: string) {
    super(`${option}: ${message}`)
    this.name = 'EmulatorOptionError'
    this.option = option
  }
}

/** Injected faults, validated. */
export interface FaultConfig {
  serverErrorRate: number
  seed: number
}

/** Everything the emulator needs from its options, checked. */
export interface CheckedOptions {
  resolved: ResolvedOptions
  rateLimit: RateLimitConfig | undefined
  startTime: number
  /** The external clock, when one was given. */
  clock: (() => number) | undefined
  faults: FaultConfig | undefined
  token: string | undefined
}

function show(value: unknown): string {
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'object' && value !== null)
    return Array.isArray(value) ? 'an array' : 'an object'
  return String(value)
}

function nonNegativeInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new EmulatorOptionError(name, `must be a non-negative integer, got ${show(value)}`)
  }
  return value
}

function checkRateLimit(rateLimit: unknown): RateLimitConfig | undefined {
  if (rateLimit === undefined) return undefined
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    throw new EmulatorOptionError(
      'rateLimit',
      `must be { limit, windowMs }, got ${show(rateLimit)}`,
    )
  }
  const { limit, windowMs } = rateLimit as Partial<RateLimitConfig>
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
    throw new EmulatorOptionError(
      'rateLimit.limit',
      `must be a positive integer, got ${show(limit)}`,
    )
  }
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0) {
    throw new EmulatorOptionError(
      'rateLimit.windowMs',
      `must be a positive number, got ${show(windowMs)}`,
    )
  }
  return { limit, windowMs }
}

function checkFaults(faults: unknown): FaultConfig | undefined {
  if (faults === undefined) return undefined
  if (typeof faults !== 'object' || faults === null || Array.isArray(faults)) {
    throw new EmulatorOptionError('faults', `must be an object, got ${show(faults)}`)
  }
  const { serverErrorRate = 0, seed = DEFAULT_FAULT_SEED } = faults as {
    serverErrorRate?: unknown
    seed?: unknown
  }
  if (
    typeof serverErrorRate !== 'number' ||
    !Number.isFinite(serverErrorRate) ||
    serverErrorRate < 0 ||
    serverErrorRate > 1
  ) {
    throw new EmulatorOptionError(
      'faults.serverErrorRate',
      `must be a probability from 0 to 1, got ${show(serverErrorRate)}`,
    )
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new EmulatorOptionError('faults.seed', `must be a safe integer, got ${show(seed)}`)
  }
  return { serverErrorRate, seed }
}

/** Validates the options; throws {@link EmulatorOptionError} naming the first bad one. */
export function checkOptions(options: EmulatorOptions): CheckedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new EmulatorOptionError('options', `must be an object, got ${show(options)}`)
  }
  const { clock } = options
  if (clock !== undefined && typeof clock !== 'function') {
    throw new EmulatorOptionError(
      'clock',
      `must be a function returning epoch ms, got ${show(clock)}`,
    )
  }
  if (clock !== undefined && options.startTime !== undefined) {
    throw new EmulatorOptionError(
      'startTime',
      'cannot be combined with clock: the clock gives the time',
    )
  }
  const startTime = options.startTime ?? DEFAULT_START_TIME
  if (typeof startTime !== 'number' || !Number.isFinite(startTime)) {
    throw new EmulatorOptionError('startTime', `must be a finite number, got ${show(startTime)}`)
  }
  const dataAttributes = options.dataAttributes ?? []
  if (!Array.isArray(dataAttributes)) {
    throw new EmulatorOptionError('dataAttributes', `must be an array, got ${show(dataAttributes)}`)
  }
  dataAttributes.forEach((attribute: unknown, index) => {
    const { name, model, data_type: dataType } = (attribute ?? {}) as Record<string, unknown>
    if (
      typeof name !== 'string' ||
      !MODELS.includes(model as DataAttributeModel) ||
      !DATA_TYPES.includes(dataType as DataAttributeType)
    ) {
      throw new EmulatorOptionError(
        `dataAttributes[${index}]`,
        `Invalid data attribute ${JSON.stringify(attribute)}`,
      )
    }
  })
  const eventNames = options.eventNames ?? []
  if (!Array.isArray(eventNames) || !eventNames.every((name) => typeof name === 'string')) {
    throw new EmulatorOptionError('eventNames', 'must be an array of strings')
  }
  const { token, requireDefinedAttributes = true } = options
  if (typeof requireDefinedAttributes !== 'boolean') {
    throw new EmulatorOptionError(
      'requireDefinedAttributes',
      `must be a boolean, got ${show(requireDefinedAttributes)}`,
    )
  }
  if (token !== undefined && (typeof token !== 'string' || !/^\S+$/.test(token))) {
    throw new EmulatorOptionError('token', 'must be a non-empty string without spaces')
  }
  return {
    startTime,
    clock,
    token,
    rateLimit: checkRateLimit(options.rateLimit),
    faults: checkFaults(options.faults),
    resolved: {
      searchLag: nonNegativeInteger(options.searchLag, 'searchLag', 0),
      requireDefinedAttributes,
      maxEventNames: nonNegativeInteger(
        options.maxEventNames,
        'maxEventNames',
        DEFAULT_MAX_EVENT_NAMES,
      ),
    },
  }
}
