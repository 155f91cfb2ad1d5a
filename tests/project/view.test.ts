/** The project's settings as the atlas's own link, and a link to a project file opening the project tool. */
import { describe, expect, it } from 'vitest';
import { decodeView, defaultView, fromBase64Url, toBase64Url, type View } from '../../src/state/url';
import '../../src/features';
import { projectView } from '../../src/project/view';
import type { SettingKind } from '../../src/project/format';

const here: View = { ...defaultView(), level: 'province', indicator: 'population', cfg: toBase64Url({ mine: 1 }) };
const read = (url: string) => decodeView(url);

describe('the project view link', () => {
  it('only what is chosen: the saved view replaces the core view and keeps the current configuration', () => {
    const chosen = new Map<SettingKind, unknown>([['view', { search: '?mode=coverage&level=comune&ind=user_a' }]]);
    const v = read(projectView({ ...here, tool: 'project' }, chosen, new Map()));
    expect([v.mode, v.level, v.indicator, v.tool]).toEqual(['coverage', 'comune', 'user_a', null]);
    expect(fromBase64Url(v.cfg as string)).toEqual({ mine: 1 });
  });

  it('configuration, coverage settings and compare set, with renamed ids followed', () => {
    const ids = new Map([
      ['user_a', 'user_a_2'],
      ['user_cpi', 'user_cpi_2'],
    ]);
    const chosen = new Map<SettingKind, unknown>([
      ['view', { search: '?level=region&ind=user_a' }],
      ['coefficient', { version: 1, indicators: [{ id: 'user_a', weight: 1 }] }],
      ['coverage', { layer: 'user_cpi', measure: 'access_e2sfca', d0: 30 }],
      ['compare', { level: 'region', codes: ['18', '03'] }],
    ]);
    const v = read(projectView(here, chosen, ids));
    expect(v.indicator).toBe('user_a_2');
    expect(fromBase64Url(v.cfg as string)).toEqual({ version: 1, indicators: [{ id: 'user_a_2', weight: 1 }] });
    expect(fromBase64Url(v.opts as string)).toEqual({ layer: 'user_cpi_2', measure: 'access_e2sfca', d0: 30 });
    expect([v.level, v.compare]).toEqual(['region', ['18', '03']]);
  });

  it('nothing chosen but the compare set: the level follows it, the rest of the view stays', () => {
    const v = read(projectView(here, new Map([['compare', { level: 'region', codes: ['18'] }]]), new Map()));
    expect([v.level, v.indicator, v.compare]).toEqual(['region', 'population', ['18']]);
  });
});

describe('a link to a project file', () => {
  it('?project=… opens the project tool; another tool named in the link wins', () => {
    expect(decodeView('?project=progetti/ats.coefficienti.zip').tool).toBe('project');
    expect(decodeView('?tool=project&project=x.coefficienti.zip').tool).toBe('project');
    expect(decodeView('?tool=sql&project=x.coefficienti.zip').tool).toBe('sql');
    expect(decodeView('?level=region').tool).toBeNull();
  });
});
