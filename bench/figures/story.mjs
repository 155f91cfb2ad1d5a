// Presentation figure: switching between two slides of the default story (two region maps with different
// indicators) until the map has settled, against a cold load of the same view in the same run.
// "Settled" = the coloured layer of the new view is marked (document.body.dataset.layer changes; the
// App sets it on the frame MapLibre draws the choropleth layer) and two more animation frames have passed.
import { makeFigure } from '../lib/util.mjs';

const SLIDE_A = 2; // ?level=region&ind=fb_employment_rate_20_64&at=12.5,41.9,5
const SLIDE_B = 3; // ?level=region&ind=employment_gap_native_fb&at=12.5,41.9,5
const VIEW_B = '?level=region&ind=employment_gap_native_fb&at=12.5,41.9,5&lang=en';

const settle = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

export default async function storyFigures(ctx) {
  const { browser, app, log } = ctx;
  const runs = Math.max(3, Math.min(ctx.runs, 7));

  // cold loads of slide B's view: navigation start → coloured map settled
  const cold = [];
  for (let k = 0; k < runs; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(new URL(VIEW_B, app.url).href);
      await page.waitForFunction(
        () =>
          performance.getEntriesByName('layer-region').length > 0 &&
          /choropleth-region/.test(document.body.dataset.layer ?? ''),
        null,
        { timeout: ctx.timeout },
      );
      cold.push(await page.evaluate(`(${settle.toString()})()`));
    } finally {
      await context.close();
    }
  }
  log(`  cold load of the slide's view: ${cold.map((x) => Math.round(x)).join(', ')} ms`);

  // switches A ↔ B with the keyboard, in one page with the story open
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const samples = [];
  try {
    await page.goto(new URL(`?tool=story&slide=${SLIDE_A}`, app.url).href);
    await page.waitForFunction(() => document.body.dataset.data === 'ready' && !!document.body.dataset.layer, null, {
      timeout: ctx.timeout,
    });
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid=story-counter]')?.textContent ?? '').startsWith(`${n} `),
      SLIDE_A + 1,
      { timeout: ctx.timeout },
    );
    // the full tables are in (placeholders filled) and both indicators' rows are decoded
    await page.waitForFunction(
      () => !/…/.test(document.querySelector('[data-testid=story-caption]')?.textContent ?? '…'),
      null,
      { timeout: ctx.timeout },
    );
    await page.waitForTimeout(1500);
    for (let k = 0; k < 2 * runs + 2; k++) {
      const key = k % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
      const ms = await page.evaluate(
        async ({ key, settleSrc }) => {
          const settleFn = eval(settleSrc);
          const before = document.body.dataset.layer;
          const t0 = performance.now();
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
          await new Promise((resolve, reject) => {
            const check = () =>
              document.body.dataset.layer !== before
                ? resolve(null)
                : performance.now() - t0 > 20000
                  ? reject(new Error('the map did not change'))
                  : setTimeout(check, 0);
            check();
          });
          return (await settleFn()) - t0;
        },
        { key, settleSrc: `(${settle.toString()})` },
      );
      const slide = new URL(page.url()).searchParams.get('slide');
      if (Number(slide) !== (k % 2 === 0 ? SLIDE_B : SLIDE_A))
        throw new Error(`expected slide ${k % 2 === 0 ? SLIDE_B : SLIDE_A}, URL has ${slide}`);
      if (k >= 2) samples.push(ms); // the first round trip warms up
      await page.waitForTimeout(300);
    }
  } finally {
    await context.close();
  }
  log(`  slide switches: ${samples.map((x) => Math.round(x)).join(', ')} ms`);
  return [
    makeFigure({
      name: 'story-slide-switch',
      unit: 'ms',
      samples,
      baselineSamples: cold,
      baselineUnit: 'ms',
      budget: 0.2,
      notes: [
        'key press → new coloured map settled (dataset.layer changed + 2 frames), slides 3 ↔ 4 of the default story (two region indicators)',
        'baseline = cold load of the same view in a fresh context, navigation start → coloured map settled',
      ],
    }),
  ];
}
