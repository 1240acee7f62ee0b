/** A response header by name, whatever its case (transports differ). */
export function responseHeader(
  headers: Record<string, string> | undefined,
  name: string,
): string | undefined {
  if (headers === undefined) return undefined
  const exact = headers[name]
  if (exact !== undefined) return exact
  const lower = name.toLowerCase()
  for (const key in headers) if (key.toLowerCase() === lower) return headers[key]
  return undefined
}
