import { readinessProbeMissing } from '../../../server/src/core/rules/k8s/readiness-probe-missing';
import { testRule } from '../../support/rule-tester';
import { missingProbeTests } from './probe-samples';

testRule(readinessProbeMissing, missingProbeTests({ probe: 'readinessProbe', severity: 'info' }));
