import { finalStage } from '../../dockerfile/model';
import { isRootUser, userInEffect } from '../../dockerfile/users';
import { hasVariable, unquoteWord } from '../../dockerfile/word-value';
import type { DockerfileRule } from '../define';

export const userNonNumeric: DockerfileRule = {
  meta: {
    id: 'dockerfile/user-non-numeric',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'The image\'s user is a name, not a numeric UID',
    rationale:
      'Kubernetes `runAsNonRoot` can only verify a numeric user: for `USER app` the kubelet cannot tell whether `app` is root, so a pod that requires non-root refuses to start (`container has runAsNonRoot and image has non-numeric user`) unless it also sets `runAsUser`. A UID also means the same thing whatever `/etc/passwd` the image ends up with. Only the user the final image runs as is checked (the last `USER` of the final stage, or the one it inherits from the stage it is built `FROM`); `root` is `dockerfile/user-root`\'s business, and users given by a build argument (`USER $UID`) are not judged.',
    remediation:
      'Use the numeric UID (and GID) of the user, e.g. `USER 10001:10001` after `RUN adduser -D -u 10001 app`. `id -u app` inside the image shows an existing user\'s UID.',
    messages: {
      name: '`USER {user}` names the user: Kubernetes `runAsNonRoot` cannot verify a name. Use its numeric UID, e.g. `USER 10001` for a user created with that UID.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3066'] },
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    example: {
      insecure: 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app',
      secure: 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001',
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (!stage) return;
    const decided = userInEffect(stage, model.globalArgs);
    const word = decided?.instruction.args[0];
    if (!word || hasVariable(word.value)) return;
    const user = unquoteWord(word.value, model.escapeCharacter).split(':')[0]!.trim();
    if (user === '' || /^\d+$/.test(user) || isRootUser(user)) return;
    context.report({ messageId: 'name', data: { user: unquoteWord(word.value, model.escapeCharacter) }, range: word.range });
  },
};
