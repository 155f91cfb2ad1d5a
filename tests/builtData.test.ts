import { describe, it, expect } from 'vitest';
import { requireBuilt } from './builtData';

describe('requireBuilt: a suite on generated data fails, never skips, when the data is missing', () => {
  it('names the missing file and the command', () => {
    expect(() => requireBuilt('package.json', 'public/data/nope.parquet')).toThrow(
      'public/data/nope.parquet: not built — run `npm run data` first',
    );
    expect(() => requireBuilt('package.json')).not.toThrow();
  });
});
