import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { z } from 'zod';

/** axe-core's own build, read once; injected into each page under test (never fetched from anywhere). */
let axeSource: string | undefined;
function axe(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

const violationsSchema = z.array(z.object({ id: z.string(), impact: z.string().nullable().optional(), help: z.string(), targets: z.array(z.string()) }));

/** One accessibility rule a page breaks, as axe-core reports it. */
export type AxeViolation = z.infer<typeof violationsSchema>[number];

/**
 * Runs axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules on the page as it is now and
 * returns its violations. The script is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern: the page itself still runs no inline script.
 *
 * @example
 * const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe());
  const json: unknown = await page.evaluate(`axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) })))`);
  return violationsSchema.parse(json);
}

/**
 * How far the page is wider than the window (0 when nothing sticks out): at 390 px a phone reader
 * must never scroll sideways to read a page.
 *
 * @example
 * await page.setViewportSize({ width: 390, height: 844 });
 * expect(await horizontalOverflow(page)).toBe(0);
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  const overflow: unknown = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  return z.number().parse(overflow);
}
