/**
 * Restricted Mode (untrusted workspaces): what package.json declares, checked against every
 * setting the extension contributes. VS Code honours `restrictedConfigurations` only with
 * `"supported": "limited"`: there, workspace values of the listed settings are ignored until the
 * user trusts the workspace. A setting that names a file, folder, program or URL could make the
 * extension read or run something outside the workspace on a repository's say-so, so such a
 * setting must be restricted. Bulkhead has none today; a new setting must be classified below.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface SettingSchema {
  readonly type?: string | string[];
  readonly scope?: string;
  readonly items?: { readonly type?: string };
  readonly description?: string;
  readonly markdownDescription?: string;
}

interface Manifest {
  readonly capabilities: {
    readonly untrustedWorkspaces: { readonly supported: boolean | 'limited'; readonly restrictedConfigurations?: readonly string[]; readonly description?: string };
  };
  readonly contributes: { readonly configuration: { readonly properties: Readonly<Record<string, SettingSchema>> } };
}

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;
const trust = manifest.capabilities.untrustedWorkspaces;

/** Every contributed setting and why a workspace may set it in Restricted Mode, or `names-a-path` if it may not. */
const CLASSIFIED: Readonly<Record<string, string>> = {
  'bulkhead.enable': 'a switch: a workspace can turn its own analysis off, as a .bulkhead.yaml or a suppression comment can',
  'bulkhead.rules': 'severities of rule ids: nothing is read or run',
  'bulkhead.exclude': 'globs matched against paths relative to the workspace folder: they only narrow what is read inside it',
  'bulkhead.trace.server': 'how much LSP traffic goes to the local output channel: nothing leaves the machine',
};
const NAMES_A_PATH = 'names-a-path';

/** A setting whose name or description suggests a file, folder, program or URL. */
function looksLikeAPath(name: string, schema: SettingSchema): boolean {
  const text = `${schema.description ?? ''} ${schema.markdownDescription ?? ''}`;
  const types = [schema.type, schema.items?.type].flat();
  if (!types.includes('string')) return false;
  return /(path|file|folder|dir|executable|command|program|binary|url|uri)s?$/i.test(name.split('.').pop()!) || /\b(path|executable|program|binary|URL)\b/i.test(text);
}

describe('Restricted Mode declaration (package.json capabilities)', () => {
  it('every contributed setting is classified here (a new one must be too)', () => {
    assert.deepEqual(Object.keys(settings).sort(), Object.keys(CLASSIFIED).sort());
  });

  it('settings that name a path, program or URL are restricted, and only then is support "limited"', () => {
    const pathLike = Object.keys(CLASSIFIED).filter((name) => CLASSIFIED[name] === NAMES_A_PATH);
    const heuristic = Object.entries(settings).filter(([name, schema]) => looksLikeAPath(name, schema)).map(([name]) => name);
    assert.deepEqual(heuristic.filter((name) => !pathLike.includes(name)), [], 'a setting looks like it names a path but is not classified so');
    if (pathLike.length === 0) {
      assert.equal(trust.supported, true);
      assert.equal(trust.restrictedConfigurations, undefined);
    } else {
      assert.equal(trust.supported, 'limited');
      assert.deepEqual([...(trust.restrictedConfigurations ?? [])].sort(), pathLike.sort());
    }
  });

  it('declares full support, and says why it is safe', () => {
    assert.equal(trust.supported, true);
    assert.match(trust.description ?? '', /executes nothing from the workspace/);
    assert.match(trust.description ?? '', /no network requests/);
  });

  it('bulkhead.exclude globs are relative to the workspace folder (they cannot point outside it)', () => {
    assert.match(settings['bulkhead.exclude']!.markdownDescription ?? '', /relative to the workspace folder/);
    assert.equal(settings['bulkhead.exclude']!.scope, 'resource');
  });
});
