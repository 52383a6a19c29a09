import { livenessProbeMissing } from '../../../server/src/core/rules/k8s/liveness-probe-missing';
import { testRule } from '../../support/rule-tester';
import { missingProbeTests } from './probe-samples';

testRule(livenessProbeMissing, missingProbeTests({ probe: 'livenessProbe', severity: 'info' }));
