/** What the legend shows beside the classes (the legend component only receives `lang`). */
export const spatialLegend = $state<{ counts: Record<number, number> }>({ counts: {} });
