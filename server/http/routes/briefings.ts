// Briefings: the public lookup that /b/<slug> needs to prefill the region and tag the response; for signed-in
// readers the list, counts, QR codes and the live count of their regions' briefings; create and change for admins.
// Every count a reader gets holds only responses from the regions they may read (a respondent may change the
// region a briefing prefills), published as seesExactCounts says: exact, or perturbed by the cell key method.
import { briefingChanges, surveyChangeRefused } from '../../domain/briefing-changes';
import { KAZAKHSTAN_TIME_ZONE } from '../../domain/kazakhstan-time';
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { inContext, publishedValue, type Disclosure } from '../../../exports/aggregates/disclosure';
import type { Briefing, ScopedCount } from '../../store';
import { audit } from '../audit';
import {
  canReadRegion,
  currentUser,
  readableRegions,
  requireUser,
  seesExactCounts,
  type SessionUser,
} from '../auth';
import { parseBody } from '../contract/accounts';
import { createBriefingWatch, streamCount } from '../briefing-live';
import {
  briefingAdminBody,
  briefingLink,
  briefingPatchBody,
  newBriefingBody,
  type BriefingAdminBody,
  type BriefingCountsBody,
} from '../contract/briefings';
import type { BriefingBody } from '../contract/responses';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import { publicAddressOf, type PublicAddress } from '../../domain/public-address';

/** PNG sizes a poster or a slide may ask for; 1024 px prints sharp at 8 cm and stays a small file. */
const PNG_SIZES = { min: 128, max: 2048, default: 1024 };

export function briefingsRouter(deps: AppDeps): Router {
  const { store, catalog, clock, config } = deps;
  const router = Router();
  /** The regions a reader's briefing counts come from, and how they may see them. */
  const scopeOf = (user: SessionUser) => {
    const regions = readableRegions(user, undefined);
    const disclosure: Disclosure = { exact: seesExactCounts(user, regions), k: config.smallCellThreshold };
    return { regions, disclosure };
  };
  const asSet = (c: ScopedCount) => ({ count: c.responses, key: c.cellKey });
  /** A briefing's count in the reader's scope is a query of its own: its noise is in its own context. */
  const publish = (d: Disclosure, c: ScopedCount | undefined, context = c) =>
    c && context ? publishedValue(inContext(d, asSet(context)), asSet(c)) : 0;
  // One poller per (briefing, scope): readers with the same regions and rule share it.
  const watch = createBriefingWatch(async (watchKey) => {
    const [slug, regions, exact] = JSON.parse(watchKey) as [string, string[], boolean];
    const d = { exact, k: config.smallCellThreshold };
    return publish(d, await store.briefingResponsesIn(slug, regions));
  });
  const { publicUrl } = config;
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');
  /** The address respondents open: PUBLIC_URL behind a proxy, else the origin this request came to. */
  const originOf = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const adminBody = async (req: Request, b: Briefing, count?: number) =>
    briefingAdminBody(b, clock(), originOf(req), count ?? (await store.countBriefingResponses(b.slug)));

  /** The briefing named in the path, if the signed-in user may read its region; 404 otherwise (no probing). */
  const readable = async (req: Request, res: Response): Promise<Briefing> => {
    const slug = String(req.params.slug);
    const b = await store.getBriefing(slug);
    if (!b || !canReadRegion(currentUser(res), b.region))
      throw new Problem('briefing-not-found', `There is no briefing "${slug}".`);
    return b;
  };
  const surveyMustExist = (survey: string | undefined) => {
    if (survey !== undefined && !catalog.getSurvey(survey))
      throw new Problem('invalid-request', 'The briefing is not as expected: see errors.', [
        { question: 'survey', message: `there is no survey "${survey}" in the catalog` },
      ]);
  };

  // Where the links below point, and whether a phone can open it (the briefings pages warn when not).
  router.get('/api/public-address', requireUser(), (req, res) => {
    const requestOrigin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    noStore(res).json(publicAddressOf(publicUrl, config.listenHost, requestOrigin) satisfies PublicAddress);
  });

  router.get('/api/briefings/:slug', async (req, res) => {
    const b = await store.getBriefing(req.params.slug);
    if (!b) throw new Problem('briefing-not-found', `There is no briefing "${req.params.slug}".`);
    const body: BriefingBody = {
      slug: b.slug,
      survey: b.surveyId,
      region: b.region,
      city: b.city,
      cityNames: b.cityNames ?? {},
      date: b.date,
      title: b.title,
    };
    res.json(body);
  });

  // Analysts and authors see the briefings of their regions too: the dashboards filter by them.
  router.get('/api/briefings', requireUser(), async (req, res) => {
    const user = currentUser(res);
    const { regions, disclosure } = scopeOf(user);
    const counts = await store.briefingResponsesPerBriefingIn(regions);
    const list = await Promise.all(
      (await store.listBriefings())
        .filter((b) => canReadRegion(user, b.region))
        .map((b) => adminBody(req, b, publish(disclosure, counts.get(b.slug)))),
    );
    noStore(res).json(list satisfies BriefingAdminBody[]);
  });

  router.post('/api/briefings', requireUser('admin'), async (req, res) => {
    const body = parseBody(newBriefingBody, await readJsonBody(req, config.bodyLimitBytes), 'briefing');
    surveyMustExist(body.survey);
    const now = clock().toISOString();
    const briefing: Briefing = {
      slug: body.slug,
      surveyId: body.survey,
      region: body.region,
      city: body.city,
      ...(body.cityNames && { cityNames: body.cityNames }),
      date: body.date,
      title: body.title,
      opensAt: body.opensAt ?? null,
      closesAt: body.closesAt ?? null,
      closedAt: body.open === false ? now : null,
    };
    if (!(await store.addBriefing(briefing, now)))
      throw new Problem(
        'briefing-exists',
        `There is already a briefing "${body.slug}"; choose another slug.`,
        [{ question: 'slug', message: 'is taken' }],
      );
    await audit(deps, req, res, 'briefing-created', {
      slug: briefing.slug,
      survey: briefing.surveyId,
      region: briefing.region,
      date: briefing.date,
    });
    noStore(res)
      .status(201)
      .location(`/api/briefings/${encodeURIComponent(briefing.slug)}`)
      .json(await adminBody(req, briefing, 0));
  });

  router.patch('/api/briefings/:slug', requireUser('admin'), async (req, res) => {
    const body = parseBody(briefingPatchBody, await readJsonBody(req, config.bodyLimitBytes), 'change');
    surveyMustExist(body.survey);
    const existing = await store.getBriefing(String(req.params.slug));
    if (!existing) throw new Problem('briefing-not-found', `There is no briefing "${req.params.slug}".`);
    const now = clock().toISOString();
    // The store refuses a move to another survey once responses name the briefing, checked in its own transaction:
    // a response stored between a count here and the write would otherwise end up under the wrong survey.
    const outcome = await store.updateBriefing(existing.slug, briefingChanges(existing, body, now), now);
    if (outcome.status === 'survey-has-responses') throw surveyChangeRefused();
    if (outcome.status === 'not-found')
      throw new Problem('briefing-not-found', `There is no briefing "${req.params.slug}".`);
    await audit(deps, req, res, 'briefing-changed', { slug: existing.slug, ...body });
    noStore(res).json(await adminBody(req, outcome.briefing));
  });

  router.get('/api/briefings/:slug/counts', requireUser(), async (req, res) => {
    const b = await readable(req, res);
    const { regions, disclosure } = scopeOf(currentUser(res));
    const all = await store.briefingResponsesIn(b.slug, regions);
    // Each hour is a cell of the briefing's table; an hour published as 0 is left out like an empty one.
    const perHour = (await store.briefingResponsesByHourIn(b.slug, regions))
      .map((h) => ({ hour: h.hour, responses: publish(disclosure, h, all) }))
      .filter((h) => h.responses > 0);
    const body: BriefingCountsBody = {
      slug: b.slug,
      total: publish(disclosure, all),
      perHour,
      timeZone: KAZAKHSTAN_TIME_ZONE,
      ...(!disclosure.exact && { perturbed: true as const }),
    };
    noStore(res).json(body);
  });

  router.get('/api/briefings/:slug/live', requireUser(), async (req, res) => {
    const b = await readable(req, res);
    const { regions, disclosure } = scopeOf(currentUser(res));
    streamCount(res, watch, JSON.stringify([b.slug, regions, disclosure.exact]));
  });

  router.get('/api/briefings/:slug/qr.svg', requireUser(), async (req, res) => {
    const b = await readable(req, res);
    const svg = await QRCode.toString(briefingLink(originOf(req), b.slug), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 4,
    });
    download(req, res, `${b.slug}-qr.svg`).type('image/svg+xml').send(svg);
  });

  router.get('/api/briefings/:slug/qr.png', requireUser(), async (req, res) => {
    const b = await readable(req, res);
    const asked = req.query.size === undefined ? PNG_SIZES.default : Number(req.query.size);
    if (!Number.isInteger(asked) || asked < PNG_SIZES.min || asked > PNG_SIZES.max)
      throw new Problem('invalid-request', 'The QR code size is not as expected: see errors.', [
        {
          question: 'size',
          message: `must be a whole number of pixels from ${PNG_SIZES.min} to ${PNG_SIZES.max}`,
        },
      ]);
    const png = await QRCode.toBuffer(briefingLink(originOf(req), b.slug), {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      width: asked,
    });
    download(req, res, `${b.slug}-qr.png`).type('image/png').send(png);
  });

  return router;
}

/** `?download=1` saves the file under a useful name; without it the image shows inline (previews, posters). */
function download(req: Request, res: Response, filename: string): Response {
  // private: the link inside depends on the address this request came to.
  res.set('Cache-Control', 'private, max-age=300');
  return req.query.download === '1' ? res.attachment(filename) : res;
}
