import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Diagnostic, Severity } from '../model.ts';

// Problems are collected the unified way, as messages on a VFile with a place and a rule, and the
// caller decides what is fatal. This file maps them to the plain Diagnostic of the public model.

export function report(
  file: VFile,
  severity: Severity,
  line: number | null,
  ruleId: string,
  reason: string,
): void {
  const options = { ruleId, source: 'ingest', ...(line === null ? {} : { place: { line, column: 1 } }) };
  const message = file.message(reason, options);
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  return message.fatal === false ? 'warning' : 'info';
}

export function diagnosticsOf(file: VFile, name: string): Diagnostic[] {
  return file.messages.map((message) => ({
    file: name,
    line: message.line ?? null,
    severity: severityOf(message),
    rule: `${message.source ?? 'ingest'}:${message.ruleId ?? 'unknown'}`,
    message: message.reason,
  }));
}

/** `feeds/003_x.txt:7: warning: line is not valid UTF-8 (ingest:encoding)` */
export function formatDiagnostic(diagnostic: Diagnostic, folder: string): string {
  const place = diagnostic.line === null ? '' : `:${diagnostic.line}`;
  const path = folder ? `${folder.replace(/\/+$/, '')}/${diagnostic.file}` : diagnostic.file;
  return `${path}${place}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.rule})`;
}
