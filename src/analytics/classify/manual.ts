import { MAX_CLASSES, MIN_CLASSES } from './sample';

/**
 * Validate user-given thresholds: an array of 2..8 finite numbers, strictly
 * ascending (3..9 classes). Throws an Error saying what is wrong.
 * Manual breaks are used as given: a class may be empty.
 */
export function validateManualBreaks(breaks: readonly number[] | undefined): number[] {
  if (!Array.isArray(breaks)) {
    throw new Error('Manual classification needs an array of breaks (manualBreaks).');
  }
  const min = MIN_CLASSES - 1;
  const max = MAX_CLASSES - 1;
  if (breaks.length < min || breaks.length > max) {
    throw new Error(
      `Manual breaks: expected ${min} to ${max} thresholds (${MIN_CLASSES}-${MAX_CLASSES} classes), got ${breaks.length}.`,
    );
  }
  breaks.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b)) {
      throw new Error(`Manual breaks: threshold #${i + 1} is not a finite number (${String(b)}).`);
    }
    if (i > 0 && !(b > breaks[i - 1])) {
      throw new Error(
        `Manual breaks must be strictly ascending: threshold #${i + 1} (${b}) is not greater than #${i} (${breaks[i - 1]}).`,
      );
    }
  });
  return [...breaks];
}
