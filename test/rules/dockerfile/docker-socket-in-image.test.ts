import { dockerSocketInImage } from '../../../server/src/core/rules/dockerfile/docker-socket-in-image';
import { testRule } from '../../support/rule-tester';

testRule(dockerSocketInImage, {
  valid: [
    { fixture: 'pass-no-socket.Dockerfile', name: 'other paths, a bind mount from the build context, strings, comments' },
  ],
  invalid: [
    {
      fixture: 'fail-volume.Dockerfile',
      name: 'JSON and plain forms, unnormalized path, other runtimes, only path (line deleted), ONBUILD, lowercase',
      findings: [
        { line: 2, column: 9, endLine: 2, endColumn: 31, messageId: 'volume', messageIncludes: ['Docker socket'], severity: 'error' },
        { line: 3, column: 15, endLine: 3, endColumn: 33, messageId: 'volume' },
        { line: 4, column: 9, endLine: 4, endColumn: 42, messageId: 'volume', messageIncludes: ['containerd'] },
        { line: 5, column: 8, endLine: 5, endColumn: 28, messageId: 'volume' },
        { line: 6, column: 26, endLine: 6, endColumn: 51, messageId: 'volume', messageIncludes: ['CRI-O'] },
      ],
      fixedFixture: 'fail-volume.fixed.Dockerfile',
    },
    {
      name: 'CRLF; the socket first of two in JSON form, and the last line without a line break',
      text: 'FROM docker:27-cli\r\nVOLUME ["/var/run/docker.sock", "/data"]\r\nVOLUME /run/docker.sock',
      findings: [
        { line: 2, column: 9, endLine: 2, endColumn: 31, messageId: 'volume' },
        { line: 3, column: 8, endLine: 3, endColumn: 24, messageId: 'volume' },
      ],
      fixedText: 'FROM docker:27-cli\r\nVOLUME ["/data"]',
    },
  ],
});
