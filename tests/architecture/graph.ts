/**
 * The import graph of the project's own files and the two checks on it (cycles, imports up a floor).
 * Pure over a `files` map (path → source) so the checker itself is tested on a small fixture graph.
 */
import ts from 'typescript';
import path from 'node:path';
import { FLOORS, PIPELINE_MAX_FLOOR, unitOf, type Floor } from './floors';

export interface Edge {
  from: string;
  to: string;
  /** the specifier as written */
  spec: string;
  /** `import type` / `export type` / `import('…').T` in a type: erased at run time */
  typeOnly: boolean;
}

export interface Spec {
  spec: string;
  typeOnly: boolean;
}

/** Every module specifier a source names: static and type imports, re-exports, import(), new URL(…, import.meta.url). */
export function specifiers(source: string, file: string): Spec[] {
  const code = file.endsWith('.svelte')
    ? [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
    : source;
  const sf = ts.createSourceFile(file + '.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Spec[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : null;
      const typeOnly =
        !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      out.push({ spec: n.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push({ spec: n.moduleSpecifier.text, typeOnly: n.isTypeOnly });
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const a = n.arguments[0];
      if (a && ts.isStringLiteralLike(a)) out.push({ spec: a.text, typeOnly: false });
    } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'URL') {
      const [a, b] = n.arguments ?? [];
      if (a && ts.isStringLiteralLike(a) && b && b.getText(sf) === 'import.meta.url')
        out.push({ spec: a.text, typeOnly: false });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      out.push({ spec: n.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const EXTS = ['', '.ts', '.svelte.ts', '.svelte', '/index.ts'];

/** The project file a relative specifier names (query suffixes such as ?worker dropped), or null (a package, or not ours). */
export function resolve(from: string, spec: string, exists: (p: string) => boolean): string | null {
  if (!spec.startsWith('.')) return null;
  const bare = spec.replace(/\?.*$/, '');
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), bare));
  for (const e of EXTS) if (exists(base + e)) return base + e;
  const js = base.replace(/\.js$/, '.ts');
  return exists(js) ? js : base;
}

export function buildGraph(files: ReadonlyMap<string, string>): Edge[] {
  const edges: Edge[] = [];
  const exists = (p: string) => files.has(p);
  for (const [file, src] of files)
    for (const { spec, typeOnly } of specifiers(src, file)) {
      const to = resolve(file, spec, exists);
      if (to && to !== file) edges.push({ from: file, to, spec, typeOnly });
    }
  return edges;
}

/** Strongly connected components with more than one node (or a self loop): each one is a cycle. */
export function cycles(edges: readonly { from: string; to: string }[]): string[][] {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    if (!adj.has(e.to)) adj.set(e.to, []);
    adj.get(e.from)!.push(e.to);
  }
  let i = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string) => {
    index.set(v, i);
    low.set(v, i++);
    stack.push(v);
    on.add(v);
    for (const w of adj.get(v)!) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || adj.get(v)!.includes(v)) out.push(comp.sort());
    }
  };
  for (const v of [...adj.keys()].sort()) if (!index.has(v)) strong(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

export interface Report {
  /** files no floor holds */
  unassigned: string[];
  /** "a → b (floor x → y)" */
  upward: string[];
  /** file cycles through run-time imports (a cycle of type imports is erased), each as its sorted members */
  fileCycles: string[][];
  /** folder cycles (type imports included: they are dependencies of the design), each with its folder edges */
  folderCycles: { units: string[]; edges: string[] }[];
}

export function check(
  files: ReadonlyMap<string, string>,
  floors: readonly Floor[] = FLOORS,
  pipelineMax: Record<string, number> = PIPELINE_MAX_FLOOR,
): Report {
  const edges = buildGraph(files);
  const unassigned = [...files.keys()].filter((f) => !unitOf(f, floors)).sort();
  const upward: string[] = [];
  const unitEdges: (Edge & { a: string; b: string })[] = [];
  for (const e of edges) {
    const a = unitOf(e.from, floors);
    const b = unitOf(e.to, floors);
    if (!a || !b) continue;
    const max = a.unit === b.unit ? a.floor : (pipelineMax[a.unit] ?? a.floor);
    if (b.floor > max) upward.push(`${e.from} → ${e.to} (floor ${a.floor} → ${b.floor})`);
    if (a.unit !== b.unit) unitEdges.push({ ...e, a: a.unit, b: b.unit });
  }
  const folderCycles = cycles(unitEdges.map((e) => ({ from: e.a, to: e.b }))).map((units) => {
    // one line per folder edge inside the cycle: "a → b: first file edge (+n more)"
    const by = new Map<string, string[]>();
    for (const e of unitEdges)
      if (units.includes(e.a) && units.includes(e.b)) {
        const k = `${e.a} → ${e.b}`;
        by.set(k, [...(by.get(k) ?? []), `${e.from} → ${e.to}`]);
      }
    const edges = [...by].map(([k, v]) => `${k}: ${v.sort()[0]}${v.length > 1 ? ` (+${v.length - 1} more)` : ''}`);
    return { units, edges: edges.sort() };
  });
  const runtime = edges.filter((e) => !e.typeOnly);
  return { unassigned, upward: [...new Set(upward)].sort(), fileCycles: cycles(runtime), folderCycles };
}
