/**
 * When the client restarts a crashed language server, and what the user is told when it stops
 * trying (client/src/restart-policy.ts). The end-to-end suite kills the real server inside VS Code
 * and sees it come back (test/e2e/suite/crash.test.ts); this covers the give-up path, which takes
 * five crashes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restart-policy';

const MINUTE = 60_000;

describe('client restart policy', () => {
  it('restarts after each of the first four crashes within three minutes, and gives up at the fifth', () => {
    assert.equal(MAX_RESTARTS, 4);
    assert.equal(RESTART_WINDOW_MS, 3 * MINUTE);
    const policy = new RestartPolicy();
    const decisions = [0, 10_000, 20_000, 30_000, 40_000].map((at) => policy.crashed(at));
    assert.deepEqual(decisions.map((decision) => decision.restart), [true, true, true, true, false]);
    assert.equal(decisions[0]!.message, 'The Bulkhead language server stopped unexpectedly (1 of at most 5 crashes in 3 minutes); restarting it.');
    assert.equal(
      decisions[4]!.message,
      'The Bulkhead language server crashed 5 times in 3 minutes and will not be restarted: Dockerfiles, Kubernetes manifests and Compose files are not being checked. The Bulkhead output channel has its log.',
    );
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy();
    for (const at of [0, 1, 2, 3]) assert.equal(policy.crashed(at * MINUTE).restart, true);
    // The crash at minute 0 is more than 3 minutes old by minute 3.5: four in the window, restart.
    const decision = policy.crashed(3.5 * MINUTE);
    assert.deepEqual([decision.restart, decision.crashes], [true, 4]);
  });

  it('starts counting again after the user restarts the server', () => {
    const policy = new RestartPolicy();
    for (const at of [0, 1, 2, 3, 4]) policy.crashed(at);
    assert.equal(policy.crashed(5).restart, false);
    policy.reset();
    assert.deepEqual(policy.crashed(6), { restart: true, crashes: 1, message: 'The Bulkhead language server stopped unexpectedly (1 of at most 5 crashes in 3 minutes); restarting it.' });
  });
});
