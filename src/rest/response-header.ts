import { keyIgnoringCase } from '../_lib/key-lookup.js'

/** A response header by name, whatever its case (transports differ). */
export function responseHeader(
  headers: Record<string, string> | undefined,
  name: string,
): string | undefined {
  if (headers === undefined) return undefined
  const key = keyIgnoringCase(headers, name)
  return key === undefined ? undefined : headers[key]
}
