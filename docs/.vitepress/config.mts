import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type DefaultTheme, defineConfig } from 'vitepress'

/**
 * The API sidebar that TypeDoc (typedoc-vitepress-theme) writes next to the generated pages.
 * `npm run docs:api` creates it; without it the API section is a single link, so
 * `vitepress dev` still starts before the first TypeDoc run.
 */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = fileURLToPath(new URL('../api/typedoc-sidebar.json', import.meta.url))
  if (!existsSync(file)) return [{ text: 'Run npm run docs:api first', link: '/api/' }]
  return JSON.parse(readFileSync(file, 'utf8')) as DefaultTheme.SidebarItem[]
}

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Guide',
    items: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Coming from another integration', link: '/guide/migrating' },
      { text: 'REST (cloud mode)', link: '/guide/rest' },
      { text: 'Messenger (web)', link: '/guide/messenger' },
      { text: 'Mobile SDKs', link: '/guide/mobile' },
      { text: 'Identity verification', link: '/guide/identity' },
      { text: 'Testing your integration', link: '/guide/testing' },
      { text: 'Command line', link: '/guide/cli' },
      { text: 'Settings', link: '/guide/settings' },
      { text: 'Codes', link: '/guide/codes' },
      { text: 'Operations', link: '/guide/operations' },
      { text: 'Performance', link: '/guide/performance' },
      { text: 'Running at scale', link: '/guide/scale' },
      { text: 'Architecture', link: '/guide/architecture' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'Mapping rules', link: '/rules' },
      { text: 'Playground', link: '/playground' },
      { text: 'API reference', link: '/api/' },
    ],
  },
]

export default defineConfig({
  title: 'segment-intercom',
  description:
    'Side-effect-free mapping of Segment spec events to Intercom REST requests, Messenger calls and mobile SDK calls.',
  lang: 'en-US',
  lastUpdated: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started', activeMatch: '^/guide/' },
      { text: 'Mapping rules', link: '/rules' },
      { text: 'API', link: '/api/', activeMatch: '^/api/' },
      { text: 'Playground', link: '/playground' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar() }],
      '/': guide,
    },
    outline: { level: [2, 3] },
    search: { provider: 'local' },
  },
  vite: {
    // The playground (theme/playground.ts) imports the library's source from ../../src,
    // so the docs need no build of it; the dev server may serve files from there.
    server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
  },
})
