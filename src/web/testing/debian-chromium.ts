/**
 * How the portal's browser tests launch Chromium: Debian's build, never a browser that a tool
 * downloads for itself; the flags keep it from reaching the network or updating components
 * during a test.
 *
 * @example
 * const browser = await chromium.launch(DEBIAN_CHROMIUM);
 */
export const DEBIAN_CHROMIUM: { readonly executablePath: string; readonly args: string[] } = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};
