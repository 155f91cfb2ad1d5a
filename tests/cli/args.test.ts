import { describe, it, expect } from 'vitest';
import { UsageError, intOption, parseArgs } from '../../src/cli/args';

const spec = { level: {}, out: {}, fdr: { flag: true } };

describe('parseArgs (node:util underneath, the CLIs’ own messages)', () => {
  it('--name value, --name=value and flags', () => {
    expect(parseArgs(['--level', 'region', '--out=x.csv', '--fdr'], spec)).toEqual({
      level: 'region',
      out: 'x.csv',
      fdr: true,
    });
    // a value may start with one dash (a negative seed), and may be empty when given with =
    expect(parseArgs(['--level', '-5', '--out='], spec)).toEqual({ level: '-5', out: '' });
  });

  it.each([
    [['--level', '--out', 'x'], '--level needs a value'],
    [['--level'], '--level needs a value'],
    [['--fdr=1'], '--fdr takes no value'],
    [['-x'], 'unexpected argument "-x"'],
    [['region'], 'unexpected argument "region"'],
    [['--fdr', 'x'], 'unexpected argument "x"'],
    [['--level', 'a', '--level', 'b'], '--level given twice'],
    [['--bogus', '1'], 'unknown option --bogus (known: --level, --out, --fdr)'],
    [['--', 'a'], 'unknown option -- (known: --level, --out, --fdr)'],
  ])('%j → UsageError "%s"', (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    expect(() => parseArgs(argv, spec)).toThrow(message);
  });

  it('intOption: a whole number within bounds, or a UsageError naming the option', () => {
    expect(intOption({ seed: '42' }, 'seed', 0, 100)).toBe(42);
    expect(intOption({}, 'seed', 0, 100)).toBeUndefined();
    expect(() => intOption({ seed: '4.5' }, 'seed', 0, 100)).toThrow(
      '--seed must be a whole number from 0 to 100, got "4.5"',
    );
  });
});
