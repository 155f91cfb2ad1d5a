import { describe, expect, it } from 'vitest';
import { ImageLoader, load, parse, registerLoaders } from '../../src/map/noLoaders';

describe("the stand-in for deck.gl's URL loaders (src/map/noLoaders.ts)", () => {
  it('refuses a URL in plain words instead of fetching it', async () => {
    await expect(load('https://example.org/data.json')).rejects.toThrow(
      'the map loads no data by URL (https://example.org/data.json)',
    );
    await expect(parse('x')).rejects.toThrow(/no data by URL/);
  });
  it('takes the registration deck.gl makes at start', () => {
    expect(() => registerLoaders()).not.toThrow();
    expect(ImageLoader.id).toBe('image');
  });
});
