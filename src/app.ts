import { registerAccountRoutes } from './account/account.routes.tsx';
import { registerAdminRoutes } from './admin/admin.routes.tsx';
import { registerAuthorityRoutes } from './procedures/authority/authority.routes.tsx';
import { registerDeadlineRoutes } from './deadlines/deadline.routes.tsx';
import { registerHomeRoutes } from './home/home.routes.tsx';
import { registerFinderRoutes } from './permits/finder/finder.routes.tsx';
import { registerObjectionApiRoutes } from './participation/intake/objection.api.routes.ts';
import { registerManualEntryRoutes } from './participation/intake/manual-entry.routes.tsx';
import { registerHearingRoutes } from './participation/hearing/hearing.routes.tsx';
import { registerObjectionGroupRoutes } from './participation/groups/group.routes.tsx';
import { registerReviewRoutes } from './participation/review/review.routes.tsx';
import { registerReleaseRoutes } from './participation/release/release.routes.tsx';
import { registerReleaseApiRoutes } from './participation/release/release.api.routes.ts';
import { registerCatalogueRoutes } from './participation/catalogue/catalogue.routes.tsx';
import { registerExportRoutes } from './participation/export/export.routes.ts';
import { registerDeliveryRoutes } from './participation/delivery/delivery.routes.tsx';
import { registerUvpPortalRoutes } from './participation/uvp-portal/uvp.routes.ts';
import { registerNoticeRoutes } from './participation/public/notice.routes.tsx';
import { registerObjectionPublicRoutes } from './participation/public/objection.routes.tsx';
import { registerReceiptHashRoutes } from './participation/receipt/receipt-hash.routes.tsx';
import { registerParticipationPublicRoutes } from './participation/public/public.routes.tsx';
import { registerParticipationApiRoutes } from './participation/public/participation.api.routes.ts';
import { registerPermitApiRoutes } from './permits/permit.api.routes.ts';
import { registerPermitPageRoutes } from './permits/pages/permit.pages.routes.tsx';
import { registerAgencyDirectoryRoutes } from './procedures/agencies/agency.routes.tsx';
import { registerConditionRoutes } from './permits/pages/conditions.routes.tsx';
import { registerConditionCatalogueRoutes } from './procedures/conditions/catalogue.routes.tsx';
import { registerLoginRoutes } from './platform/auth/login.routes.tsx';
import { buildServer, type App, type Deps } from './platform/server.ts';
import { registerSystemRoutes } from './platform/system.routes.tsx';
import { deliverMail } from './platform/mail.ts';
import { watchDeadlines } from './procedures/case/deadline-watch.ts';
import { caseLink, permitFamily } from './permits/permit.actions.ts';
import { runFollowUpWatch } from './procedures/notes/follow-up.watch.ts';
import type { JobHandlers } from './platform/jobs.ts';
import { removeOrphanFiles } from './platform/file-orphans.ts';
import type { LetterBuilders } from './procedures/letters/letter.builder.ts';
import { PERMIT_LETTER_BUILDERS } from './permits/letters/letter-builder.ts';
import { loadAuthorityProfile } from './procedures/authority/authority.queries.ts';
import type { LoadProfile } from './procedures/letters/letter.profile.ts';
import { registerLetterRoutes } from './procedures/letters/letter.routes.tsx';
import { registerTemplateRoutes } from './procedures/letters/template.routes.tsx';
import { registerWorkRoutes } from './procedures/background/work.routes.tsx';
import { runWork } from './procedures/background/work.actions.ts';
import { PARTICIPATION_WORK_KINDS } from './participation/jobs/participation.work-kinds.ts';
import { registerParticipationJobRoutes } from './participation/jobs/jobs.routes.tsx';
import { ParticipationStartForms } from './participation/jobs/start-forms.views.tsx';
import { registerReliefRoutes } from './funding/relief/relief.routes.tsx';
import { registerCompanyProfileRoutes } from './funding/profile/profile.routes.tsx';
import { registerTrainingClaimRoutes } from './funding/training-bonus/training.routes.tsx';
import { registerTrainingBodyRoutes } from './funding/training-bonus/training.body.routes.tsx';
import { fundingProgrammeVersions, type FundingProgrammeVersion } from './law/funding/index.ts';
import { registerFundingFinderRoutes } from './funding/finder/finder.routes.tsx';
import { registerFundingAlertRoutes } from './funding/finder/alert.routes.tsx';
import { runFundingAlerts } from './funding/finder/alert.job.ts';
import { registerBudgetRoutes } from './funding/ledger/ledger.routes.tsx';
import { registerDeMinimisRoutes } from './funding/de-minimis/de-minimis.routes.tsx';
import { registerAwardRoutes } from './funding/awards/award.routes.tsx';
import { fundingFamily } from './funding/procedure/grant.family.ts';
import { FUNDING_LETTER_BUILDERS } from './funding/procedure/grant.letters.ts';
import { registerFundingProcedureRoutes } from './funding/procedure/grant.routes.tsx';
import { renderFundingCase } from './funding/procedure/grant.case.render.tsx';
import { registerCaseworkRoutes } from './procedures/casework.routes.tsx';
import { renderCase } from './permits/pages/case.render.tsx';
import { registerReviewerRoutes } from './funding/procedure/review.routes.tsx';
import { registerOpenDataRoutes } from './opendata/opendata.routes.tsx';
import {
  awardDatasets,
  figureDatasets,
  layerDatasets,
  noticeDatasets,
} from './opendata/datasets.ts';
import type { FigureSource } from './opendata/published.ts';
import { dashboardFigures } from './published-figures.ts';
import { createIndicatorStore } from './dashboard/cache.ts';
import { computeIndicator } from './dashboard/compute.ts';
import { REGISTER_FIGURES } from './register-figures.ts';
import type { RegisterFigures } from './dashboard/compute.imported.ts';
import type { FeatureLayer } from './registers/catalogue/layer.ts';
import { FEATURE_LAYERS } from './registers/catalogue/layers.ts';
import { registerSiteRoutes } from './registers/sites/site.routes.tsx';
import { registerDashboardRoutes } from './dashboard/dashboard.routes.tsx';
import { registerOgcRoutes } from './registers/ogc/ogc.routes.tsx';
import { registerHydrogenRoutes } from './registers/layers/hydrogen.routes.tsx';
import { registerAreaRoutes } from './registers/areas/area.routes.tsx';
import { registerMapRoutes } from './registers/map/map.routes.tsx';

/**
 * Letter content builders by procedure type key: each procedure family registers the builder
 * that writes its letters from the case (e.g. permits for 'bimschg-formal').
 */
const LETTER_BUILDERS: LetterBuilders = { ...PERMIT_LETTER_BUILDERS, ...FUNDING_LETTER_BUILDERS };

/** What tests and other entry points may replace: the letter builders and the profile source. */
export interface AppOptions {
  letterBuilders?: LetterBuilders;
  loadProfile?: LoadProfile;
  /** The funding programme catalogue the finder reads (the benchmark passes a larger one). */
  fundingCatalogue?: readonly FundingProgrammeVersion[];
  /** The geodata layers the open-data catalogue lists (default: every layer of the registers). */
  layers?: readonly FeatureLayer[];
  /** The dashboard's figures for the catalogue, the update feed and the data package. */
  figures?: FigureSource;
  /** The geodata layers the map shows (tests and the benchmark pass their own). */
  featureLayers?: readonly FeatureLayer[];
  /** The register indicators' figures by layer id (default: the registers' dated statistics). */
  registerFigures?: RegisterFigures;
}

/** The whole portal: every feature registers its routes here. */
export function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  return buildServer(deps, async (app) => {
    registerSystemRoutes(app, deps);
    registerHomeRoutes(app);
    registerLoginRoutes(app, deps);
    registerAccountRoutes(app, deps);
    registerAdminRoutes(app, deps);
    registerAuthorityRoutes(app, deps);
    registerDeadlineRoutes(app, deps);
    registerFinderRoutes(app, deps);
    registerPermitApiRoutes(app, deps);
    registerPermitPageRoutes(app, deps);
    registerConditionRoutes(app, deps);
    registerConditionCatalogueRoutes(app, deps);
    registerObjectionApiRoutes(app, deps);
    registerParticipationPublicRoutes(app, deps);
    registerParticipationApiRoutes(app, deps);
    registerObjectionPublicRoutes(app, deps);
    registerReceiptHashRoutes(app);
    registerNoticeRoutes(app, deps);
    registerManualEntryRoutes(app, deps);
    registerHearingRoutes(app, deps);
    registerObjectionGroupRoutes(app, deps);
    registerReviewRoutes(app, deps);
    registerReleaseRoutes(app, deps);
    registerReleaseApiRoutes(app, deps);
    registerCatalogueRoutes(app, deps);
    registerExportRoutes(app, deps);
    registerDeliveryRoutes(app, deps);
    registerUvpPortalRoutes(app, deps);
    registerLetterRoutes(app, deps, {
      builders: { ...LETTER_BUILDERS, ...options.letterBuilders },
      loadProfile: options.loadProfile ?? loadAuthorityProfile,
    });
    registerTemplateRoutes(app, deps);
    registerAgencyDirectoryRoutes(app, deps);
    registerWorkRoutes(app, deps, {
      kinds: PARTICIPATION_WORK_KINDS,
      startForms: (input) => ParticipationStartForms(input),
    });
    registerParticipationJobRoutes(app, deps);
    registerReliefRoutes(app, deps);
    registerCompanyProfileRoutes(app, deps);
    registerTrainingClaimRoutes(app, deps);
    registerTrainingBodyRoutes(app, deps);
    const catalogue = options.fundingCatalogue ?? fundingProgrammeVersions;
    registerFundingFinderRoutes(app, deps, { catalogue });
    registerFundingAlertRoutes(app, deps, { catalogue });
    registerBudgetRoutes(app, deps);
    registerDeMinimisRoutes(app, deps);
    registerAwardRoutes(app, deps);
    registerFundingProcedureRoutes(app, deps, { ...LETTER_BUILDERS, ...options.letterBuilders });
    registerReviewerRoutes(app, deps);
    // Computed monitoring figures, kept a few minutes and shared by the dashboard and the catalogue;
    // the register indicators' figures come from the registers through this composition root.
    const registerFigures = options.registerFigures ?? REGISTER_FIGURES;
    const indicatorStore = createIndicatorStore({
      db: deps.db,
      compute: (db, definition, stand, memo) =>
        computeIndicator(db, definition, stand, memo, registerFigures),
      ttlMs: deps.config.dashboardCacheSeconds * 1000,
      now: () => deps.clock.now().getTime(),
    });
    const figures = options.figures ?? dashboardFigures(indicatorStore);
    registerOpenDataRoutes(app, deps, {
      providers: [
        noticeDatasets,
        awardDatasets,
        layerDatasets(options.layers ?? FEATURE_LAYERS),
        figureDatasets(figures),
      ],
      figures,
    });
    registerSiteRoutes(app, deps);
    registerDashboardRoutes(app, deps, indicatorStore);
    const mapLayers = options.featureLayers ?? FEATURE_LAYERS;
    registerOgcRoutes(app, deps, { mapLayerIds: mapLayers.map((l) => l.id) });
    registerHydrogenRoutes(app, deps);
    registerAreaRoutes(app, deps);
    registerMapRoutes(app, deps, mapLayers);
    // The internal casework (assignment, follow-ups, notes) is the same for every family; a
    // refused save shows the case page of the case's own family again.
    const builders = { ...LETTER_BUILDERS, ...options.letterBuilders };
    registerCaseworkRoutes(app, deps, async (request, reply, id, extra, status) => {
      const row = await deps.db
        .selectFrom('procedures')
        .select('type_key')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.type_key.startsWith('funding-')
        ? renderFundingCase(
            deps,
            builders,
            request,
            reply,
            id,
            { errors: extra.errors, caseworkValues: extra.values },
            status,
          )
        : renderCase(deps, request, reply, id, extra, status);
    });
    await Promise.resolve();
  });
}

/** Every job the worker knows, bound to the application's dependencies. */
export function jobHandlers(deps: Deps): JobHandlers {
  return {
    'mail:send': ({ mailId }) => deliverMail(deps.db, deps.mailer, mailId),
    'deadlines:watch': async () => {
      // Every procedure family's deadlines, with its own consequences and case links.
      await watchDeadlines(deps, [permitFamily(deps), fundingFamily(deps)]);
      // Follow-ups (Wiedervorlagen) that came due: one mail each, with the same hourly run.
      await runFollowUpWatch({
        db: deps.db,
        now: deps.clock.now(),
        caseLink: (id) => caseLink(deps, id),
      });
    },
    'files:sweep': async () => {
      await removeOrphanFiles({ db: deps.db, store: deps.store, now: deps.clock.now() });
    },
    'work:run': ({ workId }) => runWork({ deps, kinds: PARTICIPATION_WORK_KINDS, workId }),
    'funding:alerts': async () => {
      await runFundingAlerts({
        db: deps.db,
        now: deps.clock.now(),
        catalogue: fundingProgrammeVersions,
        publicUrl: deps.config.publicUrl,
      });
    },
  };
}
