/** Use (c): a comune → group mapping (ATS, job-centre catchment, local labour system…). */
import type { Grouping } from '../../../core/userData';
import type { ImportPreview } from '../types';
import { MAX_LISTED } from '../limits';

export interface GroupingChoice {
  id: string;
  label: string;
  groupColumn: string;
  nameColumn: string | null;
}

export interface GroupingReport {
  /** comuni listed in two different groups: the first assignment is kept */
  conflicts: { count: number; rows: number[]; values: string[] };
  /** rows with no group value */
  noGroup: number[];
  groups: number;
}

export function buildGrouping(p: ImportPreview, c: GroupingChoice): { grouping: Grouping; report: GroupingReport } {
  const members = new Map<string, string>();
  const names = new Map<string, string>();
  const conflicts = { count: 0, rows: [] as number[], values: [] as string[] };
  const noGroup: number[] = [];
  for (const r of p.rows) {
    if (r.code === null || r.excluded || p.key?.level !== 'comune') continue;
    const g = Object.hasOwn(r.values, c.groupColumn) ? r.values[c.groupColumn] : null;
    if (g === null || g === undefined || String(g).trim() === '') {
      if (noGroup.length < MAX_LISTED) noGroup.push(r.row);
      continue;
    }
    const group = String(g).trim();
    const prev = members.get(r.code);
    if (prev !== undefined && prev !== group) {
      conflicts.count++;
      if (conflicts.rows.length < MAX_LISTED) {
        conflicts.rows.push(r.row);
        conflicts.values.push(`${r.code}: ${prev} / ${group}`);
      }
      continue;
    }
    members.set(r.code, group);
    const n = c.nameColumn && Object.hasOwn(r.values, c.nameColumn) ? r.values[c.nameColumn] : null;
    if (!names.has(group))
      names.set(group, n !== null && n !== undefined && String(n).trim() !== '' ? String(n).trim() : group);
  }
  return {
    grouping: { id: c.id, label: { it: c.label, en: c.label }, source: p.fileName, members, names },
    report: { conflicts, noGroup, groups: names.size },
  };
}
