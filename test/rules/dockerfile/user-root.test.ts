import { userRoot } from '../../../server/src/core/rules/dockerfile/user-root';
import { testRule } from '../../support/rule-tester';

testRule(userRoot, {
  valid: [
    { fixture: 'pass-distroless-nonroot.Dockerfile' },
    { fixture: 'pass-switches-back.Dockerfile' },
    { fixture: 'pass-inherits-nonroot.Dockerfile' },
    { fixture: 'pass-unresolved-arg.Dockerfile' },
    { name: 'USER with a non-root name and root group', text: 'FROM alpine:3.20\nUSER app:0\n' },
    { name: 'no FROM yet (half-typed)', text: 'ARG X=1\n' },
    { name: 'Windows Nano Server runs as ContainerUser by default', text: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCMD ["dotnet", "api.dll"]\n' },
    { name: 'Windows Server Core switched to ContainerUser', text: 'FROM python:3.12-windowsservercore-ltsc2022\nUSER ContainerUser\n' },
  ],
  invalid: [
    {
      fixture: 'fail-user-root.Dockerfile',
      findings: [{ line: 6, column: 6, endLine: 6, endColumn: 10, messageId: 'root', messageIncludes: ['USER root'] }],
      fixedFixture: 'fail-user-root.fixed.Dockerfile',
    },
    {
      fixture: 'fail-missing.Dockerfile',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 22, messageId: 'missing' }],
      fixedFixture: 'fail-missing.fixed.Dockerfile',
    },
    {
      fixture: 'fail-inherited.Dockerfile',
      findings: [{ line: 4, column: 1, endLine: 4, endColumn: 10, messageId: 'inherited', messageIncludes: ['USER 0:0', '`base`'] }],
      fixedFixture: 'fail-inherited.fixed.Dockerfile',
    },
    {
      fixture: 'fail-crlf.Dockerfile',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 10, messageId: 'root' }],
      fixedFixture: 'fail-crlf.fixed.Dockerfile',
    },
    {
      name: 'USER 0 (trivy and hadolint both catch it; checkov does not)',
      text: 'FROM alpine:3.20\nUSER 0\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 7, messageId: 'root' }],
      fixedText: 'FROM alpine:3.20\nUSER 10001\n',
    },
    {
      name: 'Windows Server Core without USER runs as ContainerAdministrator: the fix names a Windows user, not a UID',
      text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Write-Host hi\nCMD ["cmd", "/c", "app.exe"]\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 51, messageId: 'windowsMissing' }],
      fixedText: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Write-Host hi\nUSER ContainerUser\nCMD ["cmd", "/c", "app.exe"]\n',
    },
    {
      name: 'USER ContainerAdministrator on a Windows image (any case)',
      text: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER containeradministrator\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 28, messageId: 'windowsAdministrator', messageIncludes: ['`containeradministrator`'] }],
      fixedText: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n',
    },
    {
      name: 'root decided by an ARG default',
      text: 'FROM alpine:3.20\nARG RUNTIME_USER=root\nUSER ${RUNTIME_USER}\n',
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 21, messageId: 'root' }],
    },
  ],
});
