// roadmap-needs v3 on the real server: "don't know" stays alone, akimat staff rate their akimat's partners instead of
// the akimat itself, the Front-office comes before the ratings, and the CSV over v1–v3 tells not asked from skipped.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResponse } from '../support/answers';
import { download, expectedCells, parseCsv, type Table } from '../support/export-download';
import type { Posted } from '../support/export-fixtures';
import { startExportWorld, type ExportWorld } from '../support/export-server';

let world: ExportWorld;
/** The v3 responses posted here, after the v1 and v2 fixtures of the export world. */
const posted: Posted[] = [];

/** A v3 volunteer who knows the regional Front-office and rates cooperation with everyone, the akimat included. */
const volunteerV3 = {
  region: 'KZ-55',
  role: 'volunteer',
  volunteering_years: 'y1_2',
  practices_used: ['small_grants', 'media_campaigns'],
  online_platforms: ['qazvolunteer'],
  front_office_exists: 'yes',
  front_office_contact: 'several_times',
  front_office_help: ['dont_know'],
  cooperation_quality: { akimat: 'poor', front_office: 'good' },
  cooperation_change: 'same',
  roadmap_international: ['joint_projects', 'international_grants'],
};
/** A v3 akimat employee in a region without a Front-office: the akimat's own view of its partners. */
const akimatV3 = {
  region: 'KZ-10',
  role: 'akimat',
  practices_used: ['dont_know'],
  front_office_exists: 'no',
  cooperation_quality_by_akimat: { ngos: 'good', business: 'no_cooperation' },
  roadmap_international: ['dont_know'],
};

function post(data: Record<string, unknown>, version = 3) {
  return postResponse(world.server.url, { id: randomUUID(), version, locale: 'kk', data }, 'roadmap-needs');
}

/** The questions a 422 names. */
function named(r: { status: number; json: Record<string, any> | null }): string[] {
  expect(r.status, JSON.stringify(r.json)).toBe(422);
  return (r.json?.errors as { question: string }[]).map((e) => e.question);
}

async function csv(query = ''): Promise<Table> {
  const r = await download(
    world.server.url,
    world.cookies.admin,
    `/api/surveys/roadmap-needs/export.csv${query}`,
  );
  expect(r.status, r.body.toString()).toBe(200);
  return parseCsv(r.body);
}

beforeAll(async () => {
  world = await startExportWorld();
  for (const data of [volunteerV3, akimatV3]) {
    const id = randomUUID();
    const r = await postResponse(world.server.url, { id, version: 3, locale: 'ru', data }, 'roadmap-needs');
    expect(r.status, r.text).toBe(201);
    posted.push({
      id,
      version: 3,
      locale: 'ru',
      briefing: null,
      submittedAt: String(r.json?.submittedAt),
      data,
    });
  }
});
afterAll(() => world.server.close());

describe('roadmap-needs v3', () => {
  it('is the version respondents get', async () => {
    const r = await fetch(`${world.server.url}/api/surveys/roadmap-needs`);
    expect(((await r.json()) as { version: number }).version).toBe(3);
  });

  it('POST answers 422 naming the question when "don’t know" comes with another choice', async () => {
    const base = { region: 'KZ-10', role: 'ngo_staff', front_office_exists: 'yes' };
    expect(named(await post({ ...base, practices_used: ['dont_know', 'small_grants'] }))).toEqual([
      'practices_used',
    ]);
    expect(named(await post({ ...base, front_office_help: ['training', 'dont_know'] }))).toEqual([
      'front_office_help',
    ]);
    expect(named(await post({ ...base, roadmap_international: ['dont_know', 'joint_projects'] }))).toEqual([
      'roadmap_international',
    ]);
    // The other exclusive answers of these questions too: "none" never sits beside "don’t know" or a real choice.
    expect(named(await post({ ...base, practices_used: ['none', 'dont_know'] }))).toEqual(['practices_used']);
    expect(named(await post({ ...base, front_office_help: ['none', 'premises'] }))).toEqual([
      'front_office_help',
    ]);
    expect((await post({ ...base, practices_used: ['dont_know'], front_office_help: ['none'] })).status).toBe(
      201,
    );
  });

  it('POST answers 422 for a rating the role is not shown: the akimat by its own staff, the akimat’s view by others', async () => {
    const akimat = { region: 'KZ-10', role: 'akimat' };
    expect(named(await post({ ...akimat, cooperation_quality: { akimat: 'very_good' } }))).toEqual([
      'cooperation_quality',
    ]);
    expect(named(await post({ ...akimat, cooperation_quality: { other_ngos: 'good' } }))).toEqual([
      'cooperation_quality',
    ]);
    const ngo = { region: 'KZ-10', role: 'ngo_staff' };
    expect(named(await post({ ...ngo, cooperation_quality_by_akimat: { ngos: 'good' } }))).toEqual([
      'cooperation_quality_by_akimat',
    ]);
    expect(
      named(
        await post({
          ...ngo,
          role: 'other',
          'role-Comment': 'Журналист',
          cooperation_quality_by_akimat: { ngos: 'good' },
        }),
      ),
    ).toEqual(['cooperation_quality_by_akimat']);
    // v2 asked everyone about the akimat, and still takes such an answer; v2 has no akimat-staff matrix.
    expect((await post({ ...akimat, cooperation_quality: { akimat: 'very_good' } }, 2)).status).toBe(201);
    expect(named(await post({ ...akimat, cooperation_quality_by_akimat: { ngos: 'good' } }, 2))).toEqual([
      'cooperation_quality_by_akimat',
    ]);
  });

  it('POST answers 422 for Front-office details when the respondent said there is none', async () => {
    const noOffice = { region: 'KZ-62', role: 'volunteer', front_office_exists: 'no' };
    expect(named(await post({ ...noOffice, front_office_help: ['training'] }))).toEqual([
      'front_office_help',
    ]);
    expect(
      named(await post({ ...noOffice, front_office_contact: 'once', front_office_improve: 'Ашу керек' })),
    ).toEqual(['front_office_contact', 'front_office_improve']);
    expect(
      (
        await post({
          ...noOffice,
          front_office_exists: 'dont_know',
          cooperation_quality: { other_ngos: 'fair' },
        })
      ).status,
    ).toBe(201);
  });

  it('asks about the Front-office before any cooperation rating, and shows each rating to its own roles', async () => {
    const r = await fetch(`${world.server.url}/api/surveys/roadmap-needs/versions/3`);
    const { definition } = (await r.json()) as {
      definition: { pages: { name: string; elements: { name: string; visibleIf?: string }[] }[] };
    };
    const page = definition.pages.find((p) => p.name === 'cooperation')!;
    const order = page.elements.map((e) => e.name);
    expect(order.indexOf('front_office_exists')).toBeLessThan(order.indexOf('cooperation_quality'));
    expect(order.indexOf('front_office_improve')).toBeLessThan(order.indexOf('cooperation_quality'));
    const visibleIf = Object.fromEntries(page.elements.map((e) => [e.name, e.visibleIf]));
    expect(visibleIf.cooperation_quality).toBe("{role} != 'akimat'");
    expect(visibleIf.cooperation_quality_by_akimat).toBe("{role} = 'akimat'");
    expect(visibleIf.channels_akimat).toBe("{role} != 'akimat'");
  });
});

describe('the CSV over v1–v3', () => {
  it('adds the akimat staff’s columns after cooperation_quality and lists them as not asked for v1 and v2', async () => {
    const t = await csv();
    const rows = new Map(t.rows.map((r) => [r.response_id, r]));
    const at = (name: string) => t.header.indexOf(name);
    expect(at('cooperation_quality_by_akimat/ngos')).toBe(at('cooperation_quality/international_orgs') + 1);
    expect(t.header.slice(at('cooperation_quality_by_akimat/ngos'), at('cooperation_change'))).toEqual([
      'cooperation_quality_by_akimat/ngos',
      'cooperation_quality_by_akimat/volunteer_groups',
      'cooperation_quality_by_akimat/business',
      'cooperation_quality_by_akimat/front_office',
      'cooperation_quality_by_akimat/international_orgs',
    ]);
    expect(at('front_office_improve')).toBeLessThan(at('cooperation_quality/akimat'));

    const [v1, fullV2, minimalV2] = world.posted;
    expect(rows.get(v1!.id)!.__not_asked).toBe('online_platforms;cooperation_quality_by_akimat');
    expect(rows.get(fullV2!.id)!.__not_asked).toBe('best_practice_organiser;cooperation_quality_by_akimat');
    // v2 asked akimat staff to rate the akimat: their answers stay where they were.
    expect(rows.get(minimalV2!.id)).toMatchObject({
      role: 'akimat',
      'cooperation_quality_by_akimat/ngos': '',
      'cooperation_quality/akimat': '',
    });
    expect(rows.get(fullV2!.id)!['cooperation_quality/akimat']).toBe('good');

    // v3: the hidden rating is empty but asked (not listed), the shown one holds the answer.
    const [volunteer, akimat] = posted;
    for (const p of posted) {
      const row = rows.get(p.id)!;
      expect(row).toMatchObject({ version: '3', __not_asked: 'best_practice_organiser' });
      for (const [column, value] of Object.entries(expectedCells(p, new Set(['top_needs']))))
        expect(row[column], column).toBe(value);
    }
    expect(rows.get(volunteer!.id)).toMatchObject({
      'cooperation_quality/akimat': 'poor',
      'cooperation_quality/front_office': 'good',
      'cooperation_quality_by_akimat/ngos': '',
      'front_office_help/dont_know': '1',
      'front_office_help/training': '0',
    });
    expect(rows.get(akimat!.id)).toMatchObject({
      'cooperation_quality/akimat': '',
      'cooperation_quality_by_akimat/ngos': 'good',
      'cooperation_quality_by_akimat/business': 'no_cooperation',
      'cooperation_quality_by_akimat/front_office': '',
      'practices_used/dont_know': '1',
      'practices_used/small_grants': '0',
      'front_office_help/dont_know': '',
    });
  });

  it('says in the data dictionary which versions and roles were asked each rating', async () => {
    const r = await download(
      world.server.url,
      world.cookies.analyst,
      '/api/surveys/roadmap-needs/dictionary.csv',
    );
    expect(r.status).toBe(200);
    const rows = parseCsv(r.body).rows;
    const byAkimat = rows.find(
      (row) => row.column === 'cooperation_quality_by_akimat/ngos' && row.value === 'good',
    )!;
    expect(byAkimat).toMatchObject({
      question: 'cooperation_quality_by_akimat',
      type: 'matrix',
      versions: '3',
    });
    expect(byAkimat.note).toMatch(/not asked in version 1-2/);
    expect(byAkimat.note).toContain("shown only if {role} = 'akimat'");
    const quality = rows.find((row) => row.column === 'cooperation_quality/akimat')!;
    expect(quality).toMatchObject({ versions: '1-3' });
    expect(quality.note).toContain("shown only if {role} != 'akimat'");
  });

  it('leaves the v3-only columns out of an export of v1 and v2, and lists nothing as not asked in a v3-only export', async () => {
    const older = await csv('?version=1,2');
    expect(older.header.some((h) => h.startsWith('cooperation_quality_by_akimat'))).toBe(false);
    expect(older.rows.every((r) => !r.__not_asked?.includes('cooperation_quality_by_akimat'))).toBe(true);
    const v3 = await csv('?version=3');
    expect(v3.header).toContain('cooperation_quality_by_akimat/ngos');
    expect(v3.header).not.toContain('best_practice_organiser');
    expect(new Set(v3.rows.map((r) => r.__not_asked))).toEqual(new Set(['']));
    expect(v3.rows.map((r) => r.version)).not.toContain('2');
  });
});
