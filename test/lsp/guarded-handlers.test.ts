/**
 * Static check of server/src/lsp/server.ts: every handler it registers on the connection or the
 * documents goes through `guard` (requests) or `guardEvent` (notifications), and nothing it starts
 * without awaiting escapes `background`, so no exception can end the process or go unlogged. The
 * behaviour itself (a throwing handler is logged, the next request answered) is robustness.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const SERVER = join(import.meta.dirname, '..', '..', 'server', 'src', 'lsp', 'server.ts');
const source = ts.createSourceFile(SERVER, readFileSync(SERVER, 'utf8'), ts.ScriptTarget.ES2022, true);

/** `connection.onHover(…)`, `documents.onDidOpen(…)`, `connection.workspace.onDidChangeWorkspaceFolders(…)`: registrations. */
interface Registration {
  readonly name: string;
  readonly line: number;
  readonly wrapper: string | undefined;
}

function registrations(): Registration[] {
  const found: Registration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^on[A-Z]/.test(node.expression.name.text)) {
      const receiver = node.expression.expression.getText(source);
      if (/^(connection|documents)(\.\w+)?$/.test(receiver)) {
        const [handler] = node.arguments;
        const wrapper = handler && ts.isCallExpression(handler) && ts.isIdentifier(handler.expression) ? handler.expression.text : undefined;
        found.push({ name: node.expression.name.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, wrapper });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('server.ts: every handler is guarded', () => {
  const all = registrations();

  it('finds the handlers it expects (a new one is checked too)', () => {
    assert.deepEqual(all.map((registration) => registration.name).sort(), [
      'onCodeAction',
      'onDidChangeConfiguration',
      'onDidChangeContent',
      'onDidChangeWatchedFiles',
      'onDidChangeWorkspaceFolders',
      'onDidClose',
      'onDidOpen',
      'onHover',
      'onInitialize',
      'onInitialized',
      'onShutdown',
    ]);
  });

  it('requests go through guard(), notifications through guardEvent()', () => {
    // `initialize` alone is not: a server that cannot initialise must say so to the client (an
    // error response, which the client reports), not answer with a made-up capability set.
    const unguarded = all.filter((registration) => registration.name !== 'onInitialize' && registration.wrapper !== 'guard' && registration.wrapper !== 'guardEvent');
    assert.deepEqual(unguarded, []);
    for (const name of ['onHover', 'onCodeAction']) assert.equal(all.find((registration) => registration.name === name)?.wrapper, 'guard', name);
  });

  it('nothing is started and forgotten outside background(): no `void promise`, no `.then` without a `.catch`', () => {
    const problems: string[] = [];
    const visit = (node: ts.Node): void => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (ts.isVoidExpression(node)) problems.push(`line ${line}: void ${node.expression.getText(source)}`);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'then') {
        const parent = node.parent;
        const caught = ts.isPropertyAccessExpression(parent) && parent.name.text === 'catch';
        if (!caught) problems.push(`line ${line}: .then() without .catch()`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    assert.deepEqual(problems, []);
  });
});
