/**
 * The documents the LSP tests open: a Dockerfile that runs as root and Pods whose containers are
 * privileged. Each problem gives one finding with a safe fix (`USER 10001`, `privileged: false`);
 * the tests assert positions in these texts, so changing them moves those positions.
 */

/** `dockerfile/user-root` on line 2 (`USER root`). */
export const ROOT_DOCKERFILE = 'FROM alpine:3.20\nUSER root\n';

/** Pod `web` up to and including its container `app`, which sets `privileged: true` (line 10). */
const POD_WITH_PRIVILEGED_APP = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
];

/** `k8s/privileged-container` once: container `app`. */
export const PRIVILEGED_POD = [...POD_WITH_PRIVILEGED_APP, ''].join('\n');

/** `k8s/privileged-container` twice: containers `app` (line 10) and `sidecar` (line 14). */
export const PRIVILEGED_POD_WITH_SIDECAR = [...POD_WITH_PRIVILEGED_APP, '    - name: sidecar', '      image: busybox:1.36', '      securityContext:', '        privileged: true', ''].join('\n');
