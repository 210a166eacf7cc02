/**
 * The `apparatus.*` settings: their defaults, and reading whatever the client sends into a value
 * the server can trust. A bad value never stops the server: it falls back to its default and the
 * reason goes to the log, so the user can see why their setting had no effect.
 */
import { formatOf } from '../model/pandoc/library';
import type { AnalysisOptions } from '../model/analyse';
import { defaultSeverities } from '../model/diagnostics';
import { DEFAULT_MAX_PER_THOUSAND_WORDS } from '../model/claims/density';
import type { Severity } from '../model/types';
import { isRecord } from '../model/frontMatter';

export type SeveritySetting = Severity | 'off';
export type TraceSetting = 'off' | 'messages' | 'verbose';

export interface ClaimSettings {
  enabled: boolean;
  paragraphMarkerCoversPrecedingSentences: boolean;
  quotationsNeedOwnNote: boolean;
  allowlist: string[];
  /** The claim budget: at most this many claim diagnostics per 1,000 words of an essay, the surest kept; default 4, 0: no limit (claims/density.ts). */
  maxPerThousandWords: number;
}

export interface ApparatusSettings {
  diagnostics: {
    /** Only the codes the user set; every other code keeps the severity the model gives it. */
    severity: Record<string, SeveritySetting>;
  };
  claims: ClaimSettings;
  maxFileSize: number;
  trace: { server: TraceSetting };
  /**
   * Bibliography files (absolute, or relative to the first workspace folder). Those in a Pandoc
   * format (.bib, .json, .yaml, .yml) are libraries every essay's Pandoc keys resolve against.
   */
  bibliography: string[];
  /** Whether bibliography files outside the workspace folders are read. */
  bibliographyOutsideWorkspace: boolean;
  /** Globs of the files always analysed as essays (`!glob`: never), whatever they contain. */
  files: string[];
}

/** Every rule and its default severity: the model's table, the one place they are set. */
export { defaultSeverities };

export const defaultSettings: ApparatusSettings = {
  diagnostics: { severity: {} },
  claims: {
    enabled: true,
    paragraphMarkerCoversPrecedingSentences: false,
    quotationsNeedOwnNote: true,
    allowlist: [],
    maxPerThousandWords: DEFAULT_MAX_PER_THOUSAND_WORDS,
  },
  maxFileSize: 4_000_000,
  trace: { server: 'off' },
  bibliography: [],
  bibliographyOutsideWorkspace: false,
  files: [],
};

const severityValues: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const traceValues: readonly TraceSetting[] = ['off', 'messages', 'verbose'];

type Log = (message: string) => void;

function readBoolean(value: unknown, name: string, fallback: boolean, log: Log): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  log(`apparatus.${name} should be true or false, not ${JSON.stringify(value)}; using ${fallback}.`);
  return fallback;
}

function readSeverities(value: unknown, log: Log): Record<string, SeveritySetting> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    log(`apparatus.diagnostics.severity should be an object of rule → severity, not ${JSON.stringify(value)}; using the defaults.`);
    return {};
  }
  const severities: Record<string, SeveritySetting> = {};
  for (const [code, setting] of Object.entries(value)) {
    if (setting === undefined || setting === null) continue;
    if (typeof setting !== 'string' || !severityValues.includes(setting.toLowerCase() as SeveritySetting)) {
      log(
        `apparatus.diagnostics.severity["${code}"] should be one of ${severityValues.join(', ')}, not ${JSON.stringify(setting)}; using the default.`,
      );
      continue;
    }
    if (!(code in defaultSeverities)) log(`apparatus.diagnostics.severity names an unknown rule "${code}"; it is kept but matches nothing yet.`);
    severities[code] = setting.toLowerCase() as SeveritySetting;
  }
  return severities;
}

function readAllowlist(value: unknown, log: Log): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    log(`apparatus.claims.allowlist should be a list of phrases, not ${JSON.stringify(value)}; using [].`);
    return [];
  }
  const phrases = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  if (phrases.length !== value.length) log('apparatus.claims.allowlist: entries that are not phrases were ignored.');
  return phrases;
}

function readDensityCap(value: unknown, log: Log): number {
  if (value === undefined || value === null) return DEFAULT_MAX_PER_THOUSAND_WORDS;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  log(
    `apparatus.claims.maxPerThousandWords should be a number of findings per 1,000 words (0 for no limit), not ${JSON.stringify(value)}; using ${DEFAULT_MAX_PER_THOUSAND_WORDS}.`,
  );
  return DEFAULT_MAX_PER_THOUSAND_WORDS;
}

function readFiles(value: unknown, log: Log): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (!Array.isArray(value)) {
    log(`apparatus.bibliography should be a list of bibliography files, not ${JSON.stringify(value)}; using [].`);
    return [];
  }
  const files = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  if (files.length !== value.length) log('apparatus.bibliography: entries that are not file names were ignored.');
  return files;
}

function readMaxFileSize(value: unknown, log: Log): number {
  if (value === undefined || value === null) return defaultSettings.maxFileSize;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.floor(value);
  log(`apparatus.maxFileSize should be a positive number of characters, not ${JSON.stringify(value)}; using ${defaultSettings.maxFileSize}.`);
  return defaultSettings.maxFileSize;
}

function readTrace(value: unknown, log: Log): TraceSetting {
  if (value === undefined || value === null) return 'off';
  if (typeof value === 'string' && traceValues.includes(value as TraceSetting)) return value as TraceSetting;
  log(`apparatus.trace.server should be one of ${traceValues.join(', ')}, not ${JSON.stringify(value)}; using "off".`);
  return 'off';
}

/**
 * Reads the `apparatus` section as the client sends it (from workspace/configuration, or the
 * settings of a didChangeConfiguration notification). Anything missing takes its default.
 */
export function parseSettings(raw: unknown, log: Log): ApparatusSettings {
  if (raw === undefined || raw === null) return structuredClone(defaultSettings);
  if (!isRecord(raw)) {
    log(`The apparatus settings should be an object, not ${JSON.stringify(raw)}; using the defaults.`);
    return structuredClone(defaultSettings);
  }
  const diagnostics = isRecord(raw.diagnostics) ? raw.diagnostics : {};
  const claims = isRecord(raw.claims) ? raw.claims : {};
  const trace = isRecord(raw.trace) ? raw.trace : {};
  const fallback = defaultSettings.claims;
  return {
    diagnostics: { severity: readSeverities(diagnostics.severity, log) },
    claims: {
      enabled: readBoolean(claims.enabled, 'claims.enabled', fallback.enabled, log),
      paragraphMarkerCoversPrecedingSentences: readBoolean(
        claims.paragraphMarkerCoversPrecedingSentences,
        'claims.paragraphMarkerCoversPrecedingSentences',
        fallback.paragraphMarkerCoversPrecedingSentences,
        log,
      ),
      quotationsNeedOwnNote: readBoolean(claims.quotationsNeedOwnNote, 'claims.quotationsNeedOwnNote', fallback.quotationsNeedOwnNote, log),
      allowlist: readAllowlist(claims.allowlist, log),
      maxPerThousandWords: readDensityCap(claims.maxPerThousandWords, log),
    },
    maxFileSize: readMaxFileSize(raw.maxFileSize, log),
    trace: { server: readTrace(trace.server, log) },
    bibliography: readFiles(raw.bibliography, log),
    bibliographyOutsideWorkspace: readBoolean(raw.bibliographyOutsideWorkspace, 'bibliographyOutsideWorkspace', false, log),
    files: readStrings(raw.files, 'files', log),
  };
}


function readStrings(value: unknown, name: string, log: Log): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map((item: string) => item.trim()).filter((item) => item !== '');
  log(`apparatus.${name} should be a list of glob patterns, not ${JSON.stringify(value)}; ignoring it.`);
  return [];
}

/** The severity a diagnostic is shown with: the user's setting for its code, else the model's default. */
export function effectiveSeverity(settings: ApparatusSettings, code: string, modelSeverity: Severity): SeveritySetting {
  return settings.diagnostics.severity[code] ?? modelSeverity;
}

/** The part of the settings the model needs; when it changes, cached analyses are stale. */
export function toAnalysisOptions(settings: ApparatusSettings): AnalysisOptions {
  return {
    maxFileSize: settings.maxFileSize,
    claims: {
      enabled: settings.claims.enabled,
      paragraphMarkerCoversPrecedingSentences: settings.claims.paragraphMarkerCoversPrecedingSentences,
      quotationsNeedOwnNote: settings.claims.quotationsNeedOwnNote,
      allowlist: [...settings.claims.allowlist],
      maxPerThousandWords: settings.claims.maxPerThousandWords,
    },
    // Setting this rule's severity asks for it even where the bibliography makes short forms allowed.
    shortFormBeforeFull: settings.diagnostics.severity['short-form-before-full'] && settings.diagnostics.severity['short-form-before-full'] !== 'off' ? 'always' : 'withoutBibliography',
  };
}

/**
 * The Markdown bibliography that chapters without their own share: the first file of
 * `apparatus.bibliography` that is not a Pandoc library (.bib, CSL-JSON, CSL-YAML); '' for none.
 */
export function sharedBibliographySetting(settings: ApparatusSettings): string {
  return settings.bibliography.find((name) => formatOf(name) === null)?.trim() ?? '';
}
