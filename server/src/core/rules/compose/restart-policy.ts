import { describeService, fieldMap, fieldScalar, isInterpolated, serviceField } from '../../compose/service-fields';
import { asMap, asScalar, keyRange, rangeOf, valueOf } from '../../yaml/yaml-document';
import type { ComposeRule } from '../define';

/** CIS Docker 5.15: restart on failure, at most five times. */
const MAX_RETRIES = 5;

export const restartPolicy: ComposeRule = {
  meta: {
    id: 'compose/restart-policy',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service restarts without a retry limit',
    rationale:
      'A service that always restarts (`always`, `unless-stopped`, `on-failure` without a count) hides crash loops and keeps retrying indefinitely: an attack or a bad deploy that crashes it gets unlimited attempts and can load the host. CIS recommends restarting on failure at most five times (`on-failure:5`), so a persistent failure stops and gets noticed.',
    remediation:
      'Use `restart: on-failure:5`, or under `deploy.restart_policy` use `condition: on-failure` with `max_attempts: 5` or fewer; monitor services that stop.',
    messages: {
      unlimited: '{service} uses `restart: {policy}`, which restarts without limit. Use `on-failure:5` so a crash loop stops and gets noticed.',
      tooMany: '{service} uses `restart: {policy}`; CIS recommends at most {max} attempts (`on-failure:5`).',
      deployUnlimited: '{service} restarts on `{condition}` without `max_attempts` ≤ {max} in `deploy.restart_policy`. Use `condition: on-failure` with `max_attempts: 5`.',
    },
    fix: 'none',
    equivalents: {
      kics: ['restart_policy_on_failure_not_set_to_5'],
      cis: ['5.15'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#restart'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n    restart: always\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    restart: on-failure:5\n',
    },
  },
  check(service, context) {
    const found = fieldScalar(service, 'restart');
    if (found && typeof found.value === 'string' && !isInterpolated(found.value)) {
      const policy = found.value.trim();
      const range = found.field.inherited ? found.field.range : rangeOf(found.written);
      const data = { service: describeService(service, found.field), policy, max: MAX_RETRIES };
      const onFailure = /^on-failure(?::(\d+))?$/.exec(policy);
      if (policy === 'always' || policy === 'unless-stopped' || (onFailure && onFailure[1] === undefined)) {
        context.report({ messageId: 'unlimited', data, range });
      } else if (onFailure && Number(onFailure[1]) > MAX_RETRIES) {
        context.report({ messageId: 'tooMany', data, range });
      }
    }
    const deploy = fieldMap(service, 'deploy');
    const policyMap = asMap(valueOf(deploy, 'restart_policy', service.document));
    if (!deploy || !policyMap) return;
    const condition = asScalar(valueOf(policyMap, 'condition', service.document))?.value;
    const attempts = asScalar(valueOf(policyMap, 'max_attempts', service.document))?.value;
    const conditionText = typeof condition === 'string' ? condition : 'any';
    if (conditionText === 'none' || isInterpolated(conditionText) || (typeof attempts === 'string' && isInterpolated(attempts))) return;
    const limited = attempts !== undefined && attempts !== null && Number(attempts) > 0 && Number(attempts) <= MAX_RETRIES;
    if (limited) return;
    const field = serviceField(service, 'deploy')!;
    context.report({
      messageId: 'deployUnlimited',
      data: { service: describeService(service, field), condition: conditionText, max: MAX_RETRIES },
      range: field.inherited ? field.range : keyRange(deploy, 'restart_policy'),
    });
  },
};
