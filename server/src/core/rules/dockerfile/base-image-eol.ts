import { EOL_AS_OF, EOL_TABLE, type EolProductId, type EolRelease } from '../../dockerfile/base-image-eol-data';
import { repositoryName } from '../../images/repository-name';
import type { DockerfileRule } from '../define';

export const baseImageEol: DockerfileRule = {
  meta: {
    id: 'dockerfile/base-image-eol',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'A base image is past its end of life',
    rationale:
      'Once a distribution or runtime release reaches its end of life, its publisher stops fixing vulnerabilities in it and the official images stop being rebuilt: every CVE found afterwards stays in your image for good. Build stages count too, since a Go or Rust toolchain links its own unpatched standard library into the binary the final stage ships. ' +
      'Bulkhead reads the release from the tag of official images (`ubuntu:18.04`, `debian:buster-slim`, `alpine:3.12`, `node:16-alpine`, `python:3.8-slim-bullseye`, `golang:1.20`, `eclipse-temurin:19-jre`, `openjdk:11`, `nginx:1.21`, `postgres:12`, also through `docker.io/library/` and the ECR/GCR mirrors of Docker Hub), including the Debian, Ubuntu or Alpine release a tag names. ' +
      `The analysis is offline and has no clock: it judges against an embedded table of published end-of-life dates reviewed on ${EOL_AS_OF}, which each Bulkhead release updates. A release that ended after that day is not reported until the table is updated; \`openjdk\` GA tags count as ended in July 2022, when the deprecated image stopped receiving updates. Tags that name no release (\`node:lts\`, \`python:3\`) are not judged.`,
    remediation:
      'Move to a supported release of the same image (e.g. `node:22-alpine3.22`, `python:3.13-slim-bookworm`, `debian:bookworm-slim`, `ubuntu:24.04`, `eclipse-temurin:21-jre`), rebuild, and run your tests. Track base images with Renovate or Dependabot so releases are replaced before they end.',
    messages: {
      eol: 'Base image `{image}` is past its end of life: {release} stopped receiving security updates {when}{more}. Move to a supported release.',
    },
    fix: 'none',
    equivalents: { cis: ['4.2'] },
    references: [
      'CIS Docker Benchmark 4.2 (use trusted base images; indirect)',
      'https://endoflife.date',
      'https://docs.docker.com/build/building/best-practices/#choose-the-right-base-image',
    ],
    example: {
      insecure: 'FROM python:3.8-slim-buster\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      secure: 'FROM python:3.13-slim-bookworm\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const { image } = stage;
      // A `$` left after substitution is an ARG default naming another ARG: not judged.
      if (image.written === '' || image.isStageReference || image.isScratch || image.unresolved || image.resolved.includes('$') || image.tag === undefined) continue;
      const ended = releasesOf(repositoryName(image), image.tag.toLowerCase()).filter((found) => isPast(found.release.eol));
      const [first, ...others] = ended;
      if (!first) continue;
      context.report({
        messageId: 'eol',
        data: {
          image: image.resolved,
          release: describe(first),
          when: when(first.release.eol),
          more: others.map((other) => `, and so did ${describe(other)} ${when(other.release.eol)}`).join(''),
        },
        range: image.tagRange ?? image.range,
      });
    }
  },
};

interface FoundRelease {
  readonly product: EolProductId;
  readonly release: EolRelease;
}

/** The releases a tag names: the image's own (Node.js 16), then the distribution it is built on (Debian 11). */
function releasesOf(repository: string, tag: string): FoundRelease[] {
  const found: FoundRelease[] = [];
  const own = Object.hasOwn(OWN_RELEASE, repository) ? OWN_RELEASE[repository] : undefined;
  const ownRelease = own?.(tag);
  if (ownRelease) found.push(ownRelease);
  if (own && !DISTRIBUTIONS.has(repository)) found.push(...distributionOf(tag));
  return found;
}

const DISTRIBUTIONS = new Set(['ubuntu', 'debian', 'alpine']);

type TagReader = (tag: string) => FoundRelease | undefined;

const byVersion = (product: EolProductId, version: string | undefined): FoundRelease | undefined => {
  if (version === undefined) return undefined;
  const release = EOL_TABLE[product].releases.find((candidate) => candidate.version === version);
  return release ? { product, release } : undefined;
};

const byCodename = (product: EolProductId, codename: string | undefined): FoundRelease | undefined => {
  if (codename === undefined) return undefined;
  const release = EOL_TABLE[product].releases.find((candidate) => candidate.codename === codename);
  return release ? { product, release } : undefined;
};

/** `1.21`, `1.21.6-alpine`, `1.21rc2`. */
const minorOfOne = (tag: string) => /^1\.(\d+)(?![\d])/.exec(tag)?.[1];
/** The Java feature release of `17-jre`, `8u412-b08-jdk`, `11.0.23_9-jdk-focal`. */
const javaMajor = (tag: string) => /^(\d+)(?=$|[.\-_u])/.exec(tag)?.[1];

const OWN_RELEASE: Readonly<Record<string, TagReader>> = {
  ubuntu: (tag) => byVersion('ubuntu', /^(\d{2}\.\d{2})(?=$|[.-])/.exec(tag)?.[1]) ?? byCodename('ubuntu', /^([a-z]+)(?=$|-)/.exec(tag)?.[1]),
  debian: (tag) => byVersion('debian', /^(\d+)(?=$|[.-])/.exec(tag)?.[1]) ?? byCodename('debian', /^([a-z]+)(?=$|-)/.exec(tag)?.[1]),
  alpine: (tag) => byVersion('alpine', /^(\d+\.\d+)(?=$|[.-])/.exec(tag)?.[1]),
  node: (tag) => byVersion('node', /^(\d+)(?=$|[.-])/.exec(tag)?.[1]) ?? byCodename('node', /^(?:lts-)?([a-z]+)(?=$|-)/.exec(tag)?.[1]),
  python: (tag) => {
    if (/^2(?=$|-)/.test(tag)) return byVersion('python', '2.7');
    const match = /^(\d+)\.(\d+)(?![\d])/.exec(tag);
    return match ? byVersion('python', `${match[1]}.${match[2]}`) : undefined;
  },
  golang: (tag) => {
    const minor = minorOfOne(tag);
    return minor === undefined ? undefined : byVersion('go', `1.${minor}`);
  },
  'eclipse-temurin': (tag) => byVersion('java', javaMajor(tag)),
  // Early-access tags (`26-ea-17-jdk-slim`) are the image's only maintained ones.
  openjdk: (tag) => (/(?:^|[-.])ea(?=$|[-+_.])/.test(tag) ? undefined : byVersion('openjdk-image', javaMajor(tag))),
  nginx: (tag) => nginxRelease(tag),
  'nginxinc/nginx-unprivileged': (tag) => nginxRelease(tag),
  postgres: (tag) => {
    const match = /^(\d+)(?:\.(\d+))?(?=$|[.-])/.exec(tag);
    if (!match) return undefined;
    return byVersion('postgres', match[1] === '9' && match[2] !== undefined ? `9.${match[2]}` : match[1]);
  },
};

function nginxRelease(tag: string): FoundRelease | undefined {
  const minor = minorOfOne(tag);
  return minor === undefined ? undefined : byVersion('nginx', `1.${minor}`);
}

/** The distribution a language image's tag names: `-bullseye`, `-slim-buster`, `-alpine3.18`, `-jammy`. */
function distributionOf(tag: string): FoundRelease[] {
  for (const part of tag.split(/[-_]/)) {
    const alpine = /^alpine(\d+\.\d+)$/.exec(part);
    const found = alpine ? byVersion('alpine', alpine[1]) : (byCodename('debian', part) ?? byCodename('ubuntu', part));
    if (found) return [found];
  }
  return [];
}

/** An end-of-life date is past once it is on or before {@link EOL_AS_OF}; a month, once it has ended. */
function isPast(eol: string): boolean {
  if (eol.length === 7) return `${eol}-31` < EOL_AS_OF;
  return eol <= EOL_AS_OF;
}

function describe(found: FoundRelease): string {
  const { name } = EOL_TABLE[found.product];
  const { version, codename } = found.release;
  return codename && (found.product === 'ubuntu' || found.product === 'debian') ? `${name} ${version} (${codename})` : `${name} ${version}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function when(eol: string): string {
  if (eol.length === 7) return `in ${MONTHS[Number(eol.slice(5, 7)) - 1]} ${eol.slice(0, 4)}`;
  return `on ${eol}`;
}
