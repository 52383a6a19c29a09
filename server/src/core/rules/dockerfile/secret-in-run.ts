import type { DockerInstruction } from '../../dockerfile/model';
import { baseName, unwrapCommand, type ShellCommand, type ShellWord } from '../../dockerfile/shell';
import type { DockerfileRule } from '../define';

export const secretInRun: DockerfileRule = {
  meta: {
    id: 'dockerfile/secret-in-run',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: '`RUN` stores credentials in the image',
    rationale:
      'Commands that log in or set a password write the credential into the layer (`~/.aws/credentials`, `~/.config/gcloud`, `~/.azure`, the doctl config, `/etc/shadow`), and the command line itself, with any literal secret in it, is kept in the image history and in the Dockerfile. Reported: `aws configure set` of `aws_access_key_id`, `aws_secret_access_key` or `aws_session_token`; `gcloud auth activate-service-account`; `az login` with `-p`/`--password` or `--federated-token`; `doctl auth init` with `-t`/`--access-token`; and `chpasswd`. Also behind `sudo`/`env`, in `sh -c` scripts, heredocs and exec form. A `RUN` with a `--mount=type=secret` is taken to read its credential from the mount and is not reported. Messages never repeat the values.',
    remediation:
      'Give build steps credentials through a BuildKit secret mount, `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp …` (built with `docker build --secret id=aws,src=$HOME/.aws/credentials .`), so they never reach a layer; give the running container its credentials at startup (workload identity, orchestrator secrets). For user accounts, do not set passwords in the image: lock them (`passwd -l`) or use key-based access at runtime. Rotate any credential that was built into an image.',
    messages: {
      aws: '`aws configure set {key}` writes an AWS credential into the image layer. Use a secret mount (`RUN --mount=type=secret,id=aws,target=/root/.aws/credentials`) instead.',
      gcloud: '`gcloud auth activate-service-account` stores a service-account credential in the image layer. Use a secret mount for the key file and do not persist the login.',
      az: '`az login {flag}` passes a credential on the command line and stores the login in the image layer. Use a secret mount instead.',
      doctl: '`doctl auth init {flag}` stores a DigitalOcean token in the image layer. Use a secret mount instead.',
      chpasswd: '`chpasswd` sets a password inside the image: the hash lands in `/etc/shadow` and the password usually in the image history. Do not set passwords at build time.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV2_DOCKER_17'], trivy: ['DS-0031'], cis: ['4.10'] },
    references: ['https://docs.docker.com/build/building/secrets/', 'CIS Docker Benchmark 4.10'],
    example: {
      insecure: 'FROM amazon/aws-cli:2.17.0\nARG AWS_KEY\nRUN aws configure set aws_access_key_id "$AWS_KEY" && aws s3 cp s3://bucket/app.tar.gz /tmp/\n',
      secure: 'FROM amazon/aws-cli:2.17.0\nRUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp s3://bucket/app.tar.gz /tmp/\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN' || hasSecretMount(instruction)) continue;
      for (const command of instruction.shell?.commands ?? []) {
        const found = credentialSetup(unwrapCommand(command));
        if (found) context.report({ messageId: found.messageId, data: { key: found.detail, flag: found.detail }, range: found.word.range });
      }
    }
  },
};

/** `RUN --mount=type=secret,…` (the type may stand anywhere among the mount's options). */
function hasSecretMount(instruction: DockerInstruction): boolean {
  return instruction.flags.some(
    (flag) => flag.name.toLowerCase() === 'mount' && (flag.value ?? '').split(',').some((option) => option.trim().toLowerCase() === 'type=secret'),
  );
}

type Found = { messageId: 'aws' | 'gcloud' | 'az' | 'doctl' | 'chpasswd'; word: ShellWord; detail: string };

/** Words of a command after its name, up to `--`, as values (undefined for expansions). */
function operands(command: ShellCommand): (string | undefined)[] {
  return command.args.map((arg) => arg.value);
}

const AWS_CREDENTIAL_KEYS = /^(?:[\w-]+\.)?aws_(?:access_key_id|secret_access_key|session_token)$/i;

function credentialSetup(command: ShellCommand): Found | undefined {
  if (command.name === undefined || !command.nameWord) return undefined;
  const name = baseName(command.name);
  const values = operands(command);
  const positional = command.args.filter((arg) => arg.value === undefined || !arg.value.startsWith('-'));
  const words = positional.map((arg) => arg.value);
  if (name === 'chpasswd') return { messageId: 'chpasswd', word: command.nameWord, detail: 'chpasswd' };
  if (name === 'aws' && words[0] === 'configure' && words[1] === 'set' && words[2] !== undefined && AWS_CREDENTIAL_KEYS.test(words[2])) {
    return { messageId: 'aws', word: positional[2]!, detail: words[2] };
  }
  if (name === 'gcloud' && words[0] === 'auth' && words[1] === 'activate-service-account') {
    return { messageId: 'gcloud', word: positional[1]!, detail: 'activate-service-account' };
  }
  if (name === 'az' && words[0] === 'login') {
    const index = values.findIndex((value) => value !== undefined && /^(?:-p|--password|--federated-token)(?:=.*)?$|^-p.+/.test(value));
    if (index >= 0) return { messageId: 'az', word: command.args[index]!, detail: flagName(values[index]!) };
  }
  if (name === 'doctl' && words[0] === 'auth' && words[1] === 'init') {
    const index = values.findIndex((value) => value !== undefined && /^(?:-t|--access-token)(?:=.*)?$|^-t.+/.test(value));
    if (index >= 0) return { messageId: 'doctl', word: command.args[index]!, detail: flagName(values[index]!) };
  }
  return undefined;
}

/** `--password=s3cr3t` → `--password`, `-pS3cret` → `-p`: never the value. */
function flagName(flag: string): string {
  if (flag.startsWith('--')) return flag.replace(/=.*$/s, '');
  return flag.slice(0, 2);
}
