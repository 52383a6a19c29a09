/**
 * `--fix-dry-run`: what `--fix` would change, as one unified diff (`a/` and `b/` prefixes, paths
 * relative to the current folder, so `git apply` or `patch -p1` applies it from there).
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ScanReport } from './scan';

export function formatFixDiff(report: ScanReport): string {
  return report.fixed
    .filter((fixed) => fixed.preview !== undefined)
    .map((fixed) => createTwoFilesPatch(`a/${fixed.file}`, `b/${fixed.file}`, fixed.preview!.before, fixed.preview!.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }))
    .join('');
}
