import type { DockerInstruction } from '../../dockerfile/model';
import { removeRunWord, replaceWordValue } from '../../dockerfile/run-edits';
import { baseName, unwrapCommand, type ShellCommand, type ShellWord } from '../../dockerfile/shell';
import type { Report, TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const tlsVerifyDisabledDownload: DockerfileRule = {
  meta: {
    id: 'dockerfile/tls-verify-disabled-download',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: '`curl` or `wget` downloads without verifying TLS certificates',
    rationale:
      'With certificate verification off, anyone on the network path between the build and the server (a proxy, a hostile Wi-Fi, a compromised mirror) can answer in the server\'s name, and whatever they send is built into the image, often straight into a shell. Reported: `curl --insecure` or a short-option cluster holding `k` (`-k`, `-fsSLk`; letters after an option that takes a value, as in `-Hk`, belong to that value), `curl --proxy-insecure` and `--doh-insecure`, and `wget --no-check-certificate` or `wget -e check_certificate=off`. Only real commands count, found by the shell parser (also behind `sudo`/`env`, in `sh -c` scripts, heredocs and exec form); the same words in comments, strings or `echo` arguments do not.',
    remediation:
      'Remove the option. When the server uses a private CA, add the CA certificate to the image (`COPY ca.crt /usr/local/share/ca-certificates/` and `update-ca-certificates`) or point the tool at it (`curl --cacert`, `wget --ca-certificate`).',
    messages: {
      curl: '`curl {flag}` turns off TLS certificate verification, so a man in the middle can replace the download. Remove it (trust a private CA with `--cacert` instead).',
      wget: '`wget {flag}` turns off TLS certificate verification, so a man in the middle can replace the download. Remove it (trust a private CA with `--ca-certificate` instead).',
    },
    fix: 'safe',
    equivalents: { checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3'] },
    references: ['https://curl.se/docs/manpage.html#-k', 'https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options'],
    example: {
      insecure: 'FROM debian:12\nRUN curl -fsSLk https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
      secure: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      for (const command of instruction.shell?.commands ?? []) {
        const tool = unwrapCommand(command);
        const name = tool.name === undefined ? '' : baseName(tool.name);
        const reports = name === 'curl' ? curlFindings(model.text, instruction, command, tool) : name === 'wget' ? wgetFindings(model.text, instruction, command, tool) : [];
        for (const report of reports) context.report(report);
      }
    }
  },
};

/** curl's long options that turn verification off (for the server, a proxy, DNS-over-HTTPS). */
const CURL_INSECURE_LONG = new Set(['--insecure', '--proxy-insecure', '--doh-insecure']);
/** curl's short options that take a value: in a cluster, what follows them is the value. */
const CURL_SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz'.split(''));
/** Common curl long options whose value is the next word. */
const CURL_LONG_WITH_VALUE = new Set([
  '--output', '--header', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--form', '--user', '--url', '--user-agent',
  '--referer', '--request', '--write-out', '--cacert', '--cert', '--key', '--config', '--proxy', '--retry', '--max-time',
  '--connect-timeout', '--output-dir', '--upload-file', '--cookie', '--cookie-jar', '--range', '--time-cond', '--continue-at',
]);

function curlFindings(text: string, instruction: DockerInstruction, command: ShellCommand, curl: ShellCommand): Report[] {
  const reports: Report[] = [];
  for (let index = 0; index < curl.args.length; index++) {
    const word = curl.args[index]!;
    const value = word.value;
    if (value === undefined) continue;
    if (value === '--') break;
    if (CURL_LONG_WITH_VALUE.has(value)) {
      index++;
      continue;
    }
    if (CURL_INSECURE_LONG.has(value)) {
      reports.push(report('curl', value, word, removeRunWord(text, instruction, command, word)));
      continue;
    }
    if (!/^-[^-]/.test(value)) continue;
    const cluster = shortCluster(value);
    if (cluster.takesNext) index++;
    if (!cluster.insecure) continue;
    const remaining = cluster.without;
    const edit = remaining === '-' ? removeRunWord(text, instruction, command, word) : replaceWordValue(text, word, remaining);
    reports.push(report('curl', value, word, edit, remaining === '-' ? 'Remove `-k`' : `Drop \`k\` from \`${value}\``));
  }
  return reports;
}

/** Reads a short-option cluster: whether it holds `k` before any option taking a value, and the cluster without it. */
function shortCluster(cluster: string): { insecure: boolean; without: string; takesNext: boolean } {
  let insecure = false;
  let without = '-';
  for (let at = 1; at < cluster.length; at++) {
    const letter = cluster[at]!;
    if (CURL_SHORT_WITH_VALUE.has(letter)) {
      // The rest of the cluster is the value; without a rest, the next word is.
      return { insecure, without: without + cluster.slice(at), takesNext: at === cluster.length - 1 };
    }
    if (letter === 'k') insecure = true;
    else without += letter;
  }
  return { insecure, without, takesNext: false };
}

/** wget's `-e`/`--execute` commands that turn verification off. */
const WGET_RC_OFF = /^check[_-]?certificate\s*=\s*(?:off|no|0|false)$/i;

function wgetFindings(text: string, instruction: DockerInstruction, command: ShellCommand, wget: ShellCommand): Report[] {
  const reports: Report[] = [];
  for (let index = 0; index < wget.args.length; index++) {
    const word = wget.args[index]!;
    const value = word.value;
    if (value === undefined) continue;
    if (value === '--') break;
    if (value === '--no-check-certificate') {
      reports.push(report('wget', value, word, removeRunWord(text, instruction, command, word)));
    } else if ((value === '-e' || value === '--execute') && wget.args[index + 1]?.value !== undefined && WGET_RC_OFF.test(wget.args[index + 1]!.value!)) {
      const setting = wget.args[index + 1]!;
      const first = removeRunWord(text, instruction, command, word);
      const second = removeRunWord(text, instruction, command, setting);
      const edits = first && second ? [first, second] : undefined;
      reports.push({ messageId: 'wget', data: { flag: `${value} ${setting.value}` }, range: { start: word.range.start, end: setting.range.end }, ...(edits ? { fix: { title: `Remove \`${value} ${setting.value}\``, edits } } : {}) });
      index++;
    } else if (/^(?:--execute=|-e)check[_-]?certificate/i.test(value) && WGET_RC_OFF.test(value.replace(/^(?:--execute=|-e)/, ''))) {
      reports.push(report('wget', value, word, removeRunWord(text, instruction, command, word)));
    }
  }
  return reports;
}

function report(messageId: 'curl' | 'wget', flag: string, word: ShellWord, edit: TextEdit | undefined, title = `Remove \`${flag}\``): Report {
  return { messageId, data: { flag }, range: word.range, ...(edit ? { fix: { title, edits: [edit] } } : {}) };
}
