import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstPicture } from '../../src/boot/firstPicture.svelte';

afterEach(() => vi.useRealTimers());

describe('FirstPicture: the hand-over from the 2D first picture to the map', () => {
  it('MapLibre may start once the 2D picture is coloured, not when only the land is drawn', () => {
    const fp = new FirstPicture(() => {});
    fp.prepainted('base');
    expect(fp.mapGo).toBe(false);
    fp.prepainted('layer');
    expect(fp.mapGo).toBe(true);
  });

  it('or after the deadline, whatever happened; a cancelled deadline does nothing', () => {
    vi.useFakeTimers();
    const a = new FirstPicture(() => {});
    a.deadline(1000);
    vi.advanceTimersByTime(999);
    expect(a.mapGo).toBe(false);
    vi.advanceTimersByTime(1);
    expect(a.mapGo).toBe(true);
    const b = new FirstPicture(() => {});
    b.deadline(1000)();
    vi.advanceTimersByTime(5000);
    expect(b.mapGo).toBe(false);
  });

  it('runs what waits for the land once, whether it registered before or after, from either picture', () => {
    const fp = new FirstPicture(() => {});
    const seen: string[] = [];
    fp.onBase(() => seen.push('early'));
    fp.prepainted('base');
    fp.painted('base', '', false, 'region');
    fp.onBase(() => seen.push('late'));
    expect(seen).toEqual(['early', 'late']);
  });

  it('hands over on the first coloured layer only, and starts the rest of the app once', () => {
    let after = 0;
    const fp = new FirstPicture(() => after++);
    fp.painted('layer', 'choropleth-region:k', false, 'region');
    expect([fp.handedOver, after]).toEqual([false, 0]);
    fp.painted('layer', 'choropleth-region:k', true, 'region');
    fp.painted('layer', 'choropleth-province:k', true, 'province');
    expect([fp.handedOver, after]).toEqual([true, 1]);
  });
});
