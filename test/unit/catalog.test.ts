// Loading survey versions: checks that refuse a broken version, and hashes that ignore formatting only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, refusalLines } from '../../server/catalog/load';
import { findTranslationProblems } from '../../server/catalog/translations';
import { copySurveys, FIXTURE_SURVEYS, REPO_SURVEYS } from '../support/server';

function editExample(edit: (definition: any) => void): string {
  const dir = copySurveys();
  const file = join(dir, 'example', 'v1.json');
  const definition = JSON.parse(readFileSync(file, 'utf8'));
  edit(definition);
  writeFileSync(file, JSON.stringify(definition, null, 4));
  return dir;
}

function problemsOf(dir: string): string[] {
  return refusalLines(loadCatalog(dir).catalog.refused);
}

describe('survey catalog', () => {
  it('loads the repository surveys with their versions in order and the pii questions found', () => {
    const { catalog } = loadCatalog(REPO_SURVEYS);
    const roadmap = catalog.getSurvey('roadmap-needs');
    expect(roadmap?.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(roadmap?.newest.version).toBe(3);
    expect([...(roadmap?.newest.piiQuestions ?? [])].sort()).toEqual([
      'contact_email',
      'contact_name',
      'contact_phone',
    ]);
  });

  it('hashes the content, not the formatting: a re-indented file keeps its sha256, a changed word does not', () => {
    const original = loadCatalog(FIXTURE_SURVEYS).catalog.getVersion('example', 1)?.sha256;
    expect(loadCatalog(editExample(() => {})).catalog.getVersion('example', 1)?.sha256).toBe(original);
    const reworded = editExample((d) => (d.title.default = 'Another title'));
    expect(loadCatalog(reworded).catalog.getVersion('example', 1)?.sha256).not.toBe(original);
  });

  it('refuses a version with a duplicate question name, naming file and question', () => {
    const dir = editExample((d) => d.pages[1].elements.push({ type: 'comment', name: 'role' }));
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/example\/v1\.json: question name "role" is used twice/),
      ]),
    );
  });

  it('refuses a region question that does not offer exactly the 20 codes', () => {
    const dir = editExample((d) => d.pages[0].elements[0].choices.pop());
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/"region" must offer exactly the 20/)]);
  });

  it('refuses a signaturepad question and a file that is not JSON', () => {
    const dir = editExample((d) => d.pages[2].elements.push({ type: 'signaturepad', name: 'sign' }));
    writeFileSync(join(dir, 'example', 'v2.json'), '{ not json');
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(/"sign"/);
    expect(problems).toMatch(/example\/v2\.json: does not load/);
  });

  it('leaves a refused version out and serves the other surveys', () => {
    const dir = editExample((d) => d.pages[2].elements.push({ type: 'signaturepad', name: 'sign' }));
    const { catalog } = loadCatalog(dir);
    expect(catalog.getVersion('example', 1)).toBeUndefined();
    expect(catalog.refused.map((r) => [r.surveyId, r.version])).toEqual([['example', 1]]);
    expect(catalog.refused[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(catalog.surveys.map((s) => s.id)).toContain('kitchen-sink');
  });

  it('only warns about an unknown survey-level property such as aiHint, and still refuses one on a question', () => {
    const hinted = editExample((d) => (d.aiHint = 'A needs assessment for volunteers'));
    const loaded = loadCatalog(hinted);
    expect(loaded.catalog.getVersion('example', 1)).toBeDefined();
    expect(loaded.warnings.join('\n')).toMatch(/example\/v1\.json: .*'aiHint'/);
    const onQuestion = editExample((d) => (d.pages[0].elements[0].aiHint = 'x'));
    expect(problemsOf(onQuestion).join('\n')).toMatch(/example\/v1\.json: .*'aiHint'/);
  });

  it('finds untranslated strings: plain strings, missing kk, and (strict) kk equal to ru', () => {
    const problems = findTranslationProblems(
      {
        title: 'Plain',
        pages: [
          {
            elements: [
              {
                title: { default: 'A', ru: 'Б' },
                choices: [{ value: 'x', text: { default: 'X', kk: 'Ы', ru: 'Ы' } }],
              },
            ],
          },
        ],
      },
      true,
    );
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^title: .*plain string/),
      'pages[0].elements[0].title: missing kk text',
      expect.stringMatching(/^pages\[0\]\.elements\[0\]\.choices\[0\]\.text: kk text equals the ru text/),
    ]);
  });
});
