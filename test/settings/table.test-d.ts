import { describe, expectTypeOf, it } from 'vitest'
import type {
  LONG_VALUES_MODES,
  NESTED_VALUES_MODES,
  REGIONS,
  SETTINGS_TABLE,
  UNKNOWN_ATTRIBUTES_MODES,
} from '../../src/settings/table.js'
import type {
  LongValuesMode,
  NestedValuesMode,
  Region,
  ResolvedSettings,
  Settings,
  UnknownAttributesMode,
} from '../../src/settings/types.js'

describe('the settings table and the hand-written Settings types agree', () => {
  it('has one row per key of Settings, and ResolvedSettings has the same keys', () => {
    expectTypeOf<keyof typeof SETTINGS_TABLE>().toEqualTypeOf<keyof Settings>()
    expectTypeOf<keyof ResolvedSettings>().toEqualTypeOf<keyof Settings>()
  })

  it('lists every mode of each mode type, and no other', () => {
    expectTypeOf<(typeof NESTED_VALUES_MODES)[number]>().toEqualTypeOf<NestedValuesMode>()
    expectTypeOf<(typeof LONG_VALUES_MODES)[number]>().toEqualTypeOf<LongValuesMode>()
    expectTypeOf<(typeof REGIONS)[number]>().toEqualTypeOf<Region>()
    expectTypeOf<(typeof UNKNOWN_ATTRIBUTES_MODES)[number]>().toEqualTypeOf<UnknownAttributesMode>()
  })

  it('resolves every setting to its Settings type, the default filled in', () => {
    type Given = { [K in keyof Settings]-?: Exclude<Settings[K], undefined> }
    expectTypeOf<Given>().toExtend<ResolvedSettings>()
  })
})
