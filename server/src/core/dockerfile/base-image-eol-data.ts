/**
 * End-of-life dates of the releases base images are built on, for `dockerfile/base-image-eol`.
 *
 * The engine is pure and has no clock: the rule judges against {@link EOL_AS_OF}, the day this
 * table was last reviewed. Update both together: add new releases, correct scheduled dates that
 * moved, and move `EOL_AS_OF` forward. A release is end-of-life when its date is on or before
 * `EOL_AS_OF`; releases with later (scheduled) dates are listed so that moving `EOL_AS_OF` is
 * enough to start flagging them.
 *
 * Dates are `YYYY-MM-DD`, or `YYYY-MM` where the publisher announces only a month (such a
 * release counts as end-of-life once that month has ended). Sources, as published by each
 * project (reviewed 2026-11-23):
 *
 * - Ubuntu: end of standard support from ubuntu.com/about/release-cycle and the Ubuntu wiki
 *   Releases page. Paid Expanded Security Maintenance (Ubuntu Pro) is not counted: the official
 *   `ubuntu` images stop being rebuilt when standard support ends.
 * - Debian: end of Debian LTS from wiki.debian.org/LTS (the last free security updates; the
 *   official `debian` images keep being rebuilt during LTS). Commercial ELTS is not counted.
 * - Alpine: the "end of support" column of alpinelinux.org/releases (each branch: 2 years).
 * - Node.js: github.com/nodejs/Release (even majors: LTS end; odd majors: 2 months after the
 *   next even major's release).
 * - Python: the release PEPs' schedules and devguide.python.org/versions (5 years per minor).
 * - Go: go.dev/doc/devel/release ("each major release is supported until there are two newer
 *   major releases"): a version's date is the release date of the version two minors later.
 *   1.26 and 1.27 follow Go's February/August release cadence.
 * - Java: non-LTS feature releases end when the next feature release ships (openjdk.org/projects/jdk
 *   general-availability dates). Eclipse Temurin's LTS releases (8, 11, 17, 21, 25) are supported
 *   beyond 2027 per adoptium.net/support, so they are not listed.
 * - `openjdk` image: hub.docker.com/_/openjdk deprecation notice ("the only tags which will
 *   continue to receive updates beyond July 2022 will be Early Access builds"); GA tags of later
 *   releases (19+) carry the jdk.java.net project builds, which end with the next feature release.
 * - nginx: nginx.org/en/download.html and CHANGES: a stable branch (even minor) ends when the next
 *   stable branch is released, a mainline branch (odd minor) when the next mainline is.
 * - PostgreSQL: postgresql.org/support/versioning (final minor release of each major).
 */

/** The day the table was reviewed: releases whose end-of-life date is on or before it are flagged. */
export const EOL_AS_OF = '2026-11-23';

export interface EolRelease {
  /** The version as tags spell it: `18.04`, `10`, `3.12`, `1.20`. */
  readonly version: string;
  /** Codename, when tags may use it instead of the version (`bionic`, `buster`, `hydrogen`). */
  readonly codename?: string;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  readonly eol: string;
}

export interface EolProduct {
  /** How messages name the product: `Ubuntu`, `Node.js`. */
  readonly name: string;
  readonly releases: readonly EolRelease[];
}

export type EolProductId = 'ubuntu' | 'debian' | 'alpine' | 'node' | 'python' | 'go' | 'java' | 'openjdk-image' | 'nginx' | 'postgres';

export const EOL_TABLE: Readonly<Record<EolProductId, EolProduct>> = {
  ubuntu: {
    name: 'Ubuntu',
    releases: [
      { version: '14.04', codename: 'trusty', eol: '2019-04' },
      { version: '16.04', codename: 'xenial', eol: '2021-04' },
      { version: '16.10', codename: 'yakkety', eol: '2017-07' },
      { version: '17.04', codename: 'zesty', eol: '2018-01' },
      { version: '17.10', codename: 'artful', eol: '2018-07' },
      { version: '18.04', codename: 'bionic', eol: '2023-05' },
      { version: '18.10', codename: 'cosmic', eol: '2019-07' },
      { version: '19.04', codename: 'disco', eol: '2020-01' },
      { version: '19.10', codename: 'eoan', eol: '2020-07' },
      { version: '20.04', codename: 'focal', eol: '2025-05' },
      { version: '20.10', codename: 'groovy', eol: '2021-07' },
      { version: '21.04', codename: 'hirsute', eol: '2022-01' },
      { version: '21.10', codename: 'impish', eol: '2022-07' },
      { version: '22.04', codename: 'jammy', eol: '2027-06' },
      { version: '22.10', codename: 'kinetic', eol: '2023-07' },
      { version: '23.04', codename: 'lunar', eol: '2024-01' },
      { version: '23.10', codename: 'mantic', eol: '2024-07' },
      { version: '24.04', codename: 'noble', eol: '2029-05' },
      { version: '24.10', codename: 'oracular', eol: '2025-07' },
      { version: '25.04', codename: 'plucky', eol: '2026-01' },
      { version: '25.10', codename: 'questing', eol: '2026-07' },
    ],
  },
  debian: {
    name: 'Debian',
    releases: [
      { version: '7', codename: 'wheezy', eol: '2018-05-31' },
      { version: '8', codename: 'jessie', eol: '2020-06-30' },
      { version: '9', codename: 'stretch', eol: '2022-06-30' },
      { version: '10', codename: 'buster', eol: '2024-06-30' },
      { version: '11', codename: 'bullseye', eol: '2026-08-31' },
      { version: '12', codename: 'bookworm', eol: '2028-06-30' },
      { version: '13', codename: 'trixie', eol: '2030-06-30' },
    ],
  },
  alpine: {
    name: 'Alpine Linux',
    releases: [
      { version: '3.3', eol: '2017-11-01' },
      { version: '3.4', eol: '2018-05-01' },
      { version: '3.5', eol: '2018-11-01' },
      { version: '3.6', eol: '2019-05-01' },
      { version: '3.7', eol: '2019-11-01' },
      { version: '3.8', eol: '2020-05-01' },
      { version: '3.9', eol: '2020-11-01' },
      { version: '3.10', eol: '2021-05-01' },
      { version: '3.11', eol: '2021-11-01' },
      { version: '3.12', eol: '2022-05-01' },
      { version: '3.13', eol: '2022-11-01' },
      { version: '3.14', eol: '2023-05-01' },
      { version: '3.15', eol: '2023-11-01' },
      { version: '3.16', eol: '2024-05-23' },
      { version: '3.17', eol: '2024-11-22' },
      { version: '3.18', eol: '2025-05-09' },
      { version: '3.19', eol: '2025-11-01' },
      { version: '3.20', eol: '2026-04-01' },
      { version: '3.21', eol: '2026-11-01' },
      { version: '3.22', eol: '2027-05-01' },
      { version: '3.23', eol: '2027-11-01' },
    ],
  },
  node: {
    name: 'Node.js',
    releases: [
      { version: '4', codename: 'argon', eol: '2018-04-30' },
      { version: '6', codename: 'boron', eol: '2019-04-30' },
      { version: '8', codename: 'carbon', eol: '2019-12-31' },
      { version: '10', codename: 'dubnium', eol: '2021-04-30' },
      { version: '11', eol: '2019-06-01' },
      { version: '12', codename: 'erbium', eol: '2022-04-30' },
      { version: '13', eol: '2020-06-01' },
      { version: '14', codename: 'fermium', eol: '2023-04-30' },
      { version: '15', eol: '2021-06-01' },
      { version: '16', codename: 'gallium', eol: '2023-09-11' },
      { version: '17', eol: '2022-06-01' },
      { version: '18', codename: 'hydrogen', eol: '2025-04-30' },
      { version: '19', eol: '2023-06-01' },
      { version: '20', codename: 'iron', eol: '2026-04-30' },
      { version: '21', eol: '2024-06-01' },
      { version: '22', codename: 'jod', eol: '2027-04-30' },
      { version: '23', eol: '2025-06-01' },
      { version: '24', codename: 'krypton', eol: '2028-04-30' },
      { version: '25', eol: '2026-06-01' },
    ],
  },
  python: {
    name: 'Python',
    releases: [
      { version: '2.7', eol: '2020-01-01' },
      { version: '3.3', eol: '2017-09-29' },
      { version: '3.4', eol: '2019-03-18' },
      { version: '3.5', eol: '2020-09-30' },
      { version: '3.6', eol: '2021-12-23' },
      { version: '3.7', eol: '2023-06-27' },
      { version: '3.8', eol: '2024-10-07' },
      { version: '3.9', eol: '2025-10-31' },
      { version: '3.10', eol: '2026-10' },
      { version: '3.11', eol: '2027-10' },
      { version: '3.12', eol: '2028-10' },
      { version: '3.13', eol: '2029-10' },
      { version: '3.14', eol: '2030-10' },
    ],
  },
  go: {
    name: 'Go',
    releases: [
      { version: '1.11', eol: '2019-09-03' },
      { version: '1.12', eol: '2020-02-25' },
      { version: '1.13', eol: '2020-08-11' },
      { version: '1.14', eol: '2021-02-16' },
      { version: '1.15', eol: '2021-08-16' },
      { version: '1.16', eol: '2022-03-15' },
      { version: '1.17', eol: '2022-08-02' },
      { version: '1.18', eol: '2023-02-01' },
      { version: '1.19', eol: '2023-08-08' },
      { version: '1.20', eol: '2024-02-06' },
      { version: '1.21', eol: '2024-08-13' },
      { version: '1.22', eol: '2025-02-11' },
      { version: '1.23', eol: '2025-08-12' },
      { version: '1.24', eol: '2026-02' },
      { version: '1.25', eol: '2026-08' },
      { version: '1.26', eol: '2027-02' },
    ],
  },
  // Non-LTS Java feature releases (Eclipse Temurin builds them too); LTS releases are supported for years.
  java: {
    name: 'Java',
    releases: [
      { version: '9', eol: '2018-03-20' },
      { version: '10', eol: '2018-09-25' },
      { version: '12', eol: '2019-09-17' },
      { version: '13', eol: '2020-03-17' },
      { version: '14', eol: '2020-09-15' },
      { version: '15', eol: '2021-03-16' },
      { version: '16', eol: '2021-09-14' },
      { version: '18', eol: '2022-09-20' },
      { version: '19', eol: '2023-03-21' },
      { version: '20', eol: '2023-09-19' },
      { version: '22', eol: '2024-09-17' },
      { version: '23', eol: '2025-03-18' },
      { version: '24', eol: '2025-09-16' },
      { version: '26', eol: '2026-09' },
    ],
  },
  // The deprecated `openjdk` image: GA tags stopped updating in July 2022 (or earlier, when the
  // release itself ended); 19+ GA tags end with the next feature release.
  'openjdk-image': {
    name: 'OpenJDK (the deprecated `openjdk` image)',
    releases: [
      { version: '7', eol: '2022-07' },
      { version: '8', eol: '2022-07' },
      { version: '9', eol: '2018-03-20' },
      { version: '10', eol: '2018-09-25' },
      { version: '11', eol: '2022-07' },
      { version: '12', eol: '2019-09-17' },
      { version: '13', eol: '2020-03-17' },
      { version: '14', eol: '2020-09-15' },
      { version: '15', eol: '2021-03-16' },
      { version: '16', eol: '2021-09-14' },
      { version: '17', eol: '2022-07' },
      { version: '18', eol: '2022-07' },
      { version: '19', eol: '2023-03-21' },
      { version: '20', eol: '2023-09-19' },
      { version: '21', eol: '2024-03-19' },
      { version: '22', eol: '2024-09-17' },
      { version: '23', eol: '2025-03-18' },
      { version: '24', eol: '2025-09-16' },
      { version: '25', eol: '2026-03' },
      { version: '26', eol: '2026-09' },
    ],
  },
  nginx: {
    name: 'nginx',
    releases: [
      { version: '1.14', eol: '2019-04-23' },
      { version: '1.15', eol: '2019-05-21' },
      { version: '1.16', eol: '2020-04-21' },
      { version: '1.17', eol: '2020-05-26' },
      { version: '1.18', eol: '2021-04-20' },
      { version: '1.19', eol: '2021-05-25' },
      { version: '1.20', eol: '2022-05-24' },
      { version: '1.21', eol: '2022-06-21' },
      { version: '1.22', eol: '2023-04-11' },
      { version: '1.23', eol: '2023-05-23' },
      { version: '1.24', eol: '2024-04-23' },
      { version: '1.25', eol: '2024-05-29' },
      { version: '1.26', eol: '2025-04-23' },
      { version: '1.27', eol: '2025-06-24' },
    ],
  },
  postgres: {
    name: 'PostgreSQL',
    releases: [
      { version: '9.3', eol: '2018-11-08' },
      { version: '9.4', eol: '2020-02-13' },
      { version: '9.5', eol: '2021-02-11' },
      { version: '9.6', eol: '2021-11-11' },
      { version: '10', eol: '2022-11-10' },
      { version: '11', eol: '2023-11-09' },
      { version: '12', eol: '2024-11-21' },
      { version: '13', eol: '2025-11-13' },
      { version: '14', eol: '2026-11-12' },
      { version: '15', eol: '2027-11-11' },
      { version: '16', eol: '2028-11-09' },
      { version: '17', eol: '2029-11-08' },
    ],
  },
};
