// `npm run cli -- check` as a function: the repository's surveys pass; a missing translation, a question whose
// name changed meaning, and other authoring slips fail with the file and the JSON path.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSurveys, type SurveysCheck } from '../../server/catalog/check';
import { formatCheckReport } from '../../server/cli/check';

const REPO_SURVEYS = resolve(import.meta.dirname, '../../surveys');
const copies: string[] = [];

/** A private copy of the repository's surveys, with `edit` applied to one file's JSON. */
function copyWith(file: string, edit: (definition: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'saualnama-check-'));
  copies.push(dir);
  cpSync(REPO_SURVEYS, dir, { recursive: true });
  const path = join(dir, file);
  const definition = JSON.parse(readFileSync(path, 'utf8'));
  edit(definition);
  writeFileSync(path, JSON.stringify(definition, null, 2));
  return dir;
}

function findingsOf(report: SurveysCheck, file: string) {
  const found = report.files.find((f) => f.file.endsWith(file));
  if (!found) throw new Error(`no report for ${file}`);
  return found.findings;
}

/** The question named `name` anywhere in the definition's pages. */
function question(definition: any, name: string): any {
  for (const page of definition.pages) for (const el of page.elements) if (el.name === name) return el;
  throw new Error(`no question ${name}`);
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each test loads survey-core models and compiles validators: seconds on a busy two-core machine.
describe('checkSurveys', { timeout: 30_000 }, () => {
  it('fails on a file the server would refuse (signaturepad) and only warns about a survey-level aiHint', () => {
    const dir = copyWith('briefing-feedback/v1.json', (d) => {
      d.aiHint = 'Feedback on the briefing';
      d.pages[0].elements.push({ type: 'signaturepad', name: 'signature' });
    });
    const findings = findingsOf(checkSurveys(dir), 'briefing-feedback/v1.json');
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/"signature" is of type signaturepad/)]),
    );
    expect(findings.find((f) => /aiHint/.test(f.message))?.severity).toBe('warning');
  });

  it('passes the repository surveys: every version loads, keeps its names and is translated', () => {
    const report = checkSurveys(REPO_SURVEYS);
    expect(report.files.map((f) => f.file.split('/').slice(-2).join('/'))).toEqual([
      'briefing-feedback/v1.json',
      'roadmap-needs/v1.json',
      'roadmap-needs/v2.json',
      'roadmap-needs/v3.json',
    ]);
    expect(report.files.flatMap((f) => f.findings.filter((x) => x.severity === 'error'))).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it('fails when one kk string is removed, naming the file and the JSON path', () => {
    const dir = copyWith('roadmap-needs/v2.json', (d) => {
      delete d.pages[2].elements[1].title.kk;
    });
    const report = checkSurveys(dir);
    expect(report.errors).toBe(1);
    expect(findingsOf(report, 'roadmap-needs/v2.json')).toEqual([
      // The code and its parameters are what the workspace says in kk/ru/en (finding-strings.ts).
      {
        severity: 'error',
        path: 'pages[2].elements[1].title',
        message: 'missing kk text',
        code: 'missing-text',
        params: { locale: 'kk' },
      },
    ]);
    const text = formatCheckReport(report);
    expect(text).toMatch(/✖ .*roadmap-needs\/v2\.json/);
    expect(text).toContain('✖ pages[2].elements[1].title: missing kk text');
    expect(text).toMatch(/✔ .*roadmap-needs\/v1\.json/);
  });

  it('fails when a kk text is only a copy of the ru text, or empty', () => {
    const dir = copyWith('briefing-feedback/v1.json', (d) => {
      const role = question(d, 'role');
      role.choices[0].text.kk = role.choices[0].text.ru;
      role.title.kk = '  ';
    });
    const findings = findingsOf(checkSurveys(dir), 'briefing-feedback/v1.json');
    expect(findings.map((f) => f.path)).toEqual([
      'pages[0].elements[1].title',
      'pages[0].elements[1].choices[0].text',
    ]);
    expect(findings[1]?.message).toMatch(/kk text equals the ru text/);
  });

  it('checks localized texts that translations.ts does not list, such as the ranking area texts', () => {
    const dir = copyWith('roadmap-needs/v1.json', (d) => {
      delete question(d, 'top_needs').selectToRankEmptyRankedAreaText.ru;
    });
    const findings = findingsOf(checkSurveys(dir), 'roadmap-needs/v1.json');
    expect(findings).toEqual([
      {
        severity: 'error',
        path: 'pages[2].elements[2].selectToRankEmptyRankedAreaText',
        message: 'missing ru text',
        code: 'missing-text',
        params: { locale: 'ru' },
      },
    ]);
  });

  it('fails when v2 changes the type of a question that keeps its name', () => {
    const dir = copyWith('roadmap-needs/v2.json', (d) => {
      question(d, 'activity_fields').type = 'radiogroup';
    });
    const report = checkSurveys(dir);
    const errors = findingsOf(report, 'roadmap-needs/v2.json').filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('pages[0].elements[7].type');
    expect(errors[0]?.message).toMatch(/"activity_fields" was checkbox in v1 and is radiogroup now/);
    expect(findingsOf(report, 'roadmap-needs/v1.json')).toEqual([]);
  });

  it('only warns when a question switches between types that store the same answer, or loses a choice', () => {
    const dir = copyWith('roadmap-needs/v2.json', (d) => {
      question(d, 'settlement_type').type = 'dropdown';
      question(d, 'volunteer_trend').choices.pop();
    });
    const report = checkSurveys(dir);
    expect(report.errors).toBe(0);
    expect(findingsOf(report, 'roadmap-needs/v2.json')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'pages[0].elements[1].type' }),
      expect.objectContaining({
        severity: 'warning',
        path: 'pages[2].elements[0].choices',
        message: expect.stringMatching(/dont_know/),
      }),
    ]);
  });

  it('fails on repeated names, repeated choice values, a file question and a region list without all 20 codes', () => {
    const dir = copyWith('briefing-feedback/v1.json', (d) => {
      const elements = d.pages[0].elements;
      elements[0].choices.pop();
      question(d, 'briefing_duration').choices[1].value = 'too_short';
      elements.push(
        { ...question(d, 'network_join') },
        { type: 'file', name: 'photo', title: { default: 'Photo', kk: 'Фото', ru: 'Фотография' } },
      );
    });
    const findings = findingsOf(checkSurveys(dir), 'briefing-feedback/v1.json');
    const messages = findings.map((f) => `${f.path}: ${f.message}`).join('\n');
    expect(messages).toContain('pages[0].elements[0].choices: lacks region codes KZ-79');
    expect(messages).toContain('pages[0].elements[4].choices[1]: value "too_short" repeats choices[0]');
    expect(messages).toContain(
      'pages[0].elements[7].name: question name "network_join" is already used at pages[0].elements[6]',
    );
    expect(messages).toContain('pages[0].elements[8].type: question "photo" is of type file');
  });
});
