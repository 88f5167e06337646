// The web app's screens by URL (history mode: the server answers index.html
// for any path that is not a file, so deep links survive a reload). Every
// screen but the login page needs a session; a screen the grants do not
// cover sends the user to the search workspace.
import { createRouter, createWebHistory, type Router } from 'vue-router'
import { useSessionStore, type Screen } from './stores/session'
import LoginView from './views/LoginView.vue'
import AppLayout from './views/AppLayout.vue'
import SearchView from './views/SearchView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    screen?: Screen
  }
}

export function makeRouter(): Router {
  const router = createRouter({
    history: createWebHistory('/'),
    routes: [
      { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
      {
        path: '/public',
        name: 'public-lists',
        component: () => import('./views/public/PublicListsView.vue'),
        meta: { public: true },
      },
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', redirect: { name: 'search' } },
          { path: 'search', name: 'search', component: SearchView, meta: { screen: 'search' } },
          {
            path: 'patents/:pn',
            name: 'patent',
            component: () => import('./views/PatentView.vue'),
            meta: { screen: 'search' },
          },
          {
            path: 'landscape',
            name: 'landscape',
            component: () => import('./views/LandscapeView.vue'),
            meta: { screen: 'landscape' },
          },
          {
            path: 'similar',
            name: 'similar',
            component: () => import('./views/SimilarView.vue'),
            meta: { screen: 'similar' },
          },
          { path: 'risk', name: 'risk', component: () => import('./views/RiskView.vue'), meta: { screen: 'risk' } },
          { path: 'ingest', name: 'ingest', component: () => import('./views/IngestView.vue'), meta: { screen: 'ingest' } },
          {
            path: 'alliances',
            name: 'alliances',
            component: () => import('./views/AlliancesView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'alliances/:name',
            name: 'alliance',
            component: () => import('./views/AllianceView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'alliances/:name/member',
            name: 'member-portal',
            component: () => import('./views/portal/MemberPortalView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'alliances/:name/licensee',
            name: 'licensee-portal',
            component: () => import('./views/portal/LicenseePortalView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'alliances/:name/operations/:tab?',
            name: 'operations',
            component: () => import('./views/operations/OperatorConsoleView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'alliances/:name/competitors',
            name: 'competitors',
            component: () => import('./views/CompetitorsView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'alliances/:name/recording',
            name: 'alliance-recording',
            component: () => import('./views/office/AllianceRecordingView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'office/recordings/:alliance',
            name: 'office-recording',
            component: () => import('./views/office/RecordingReviewView.vue'),
            meta: { screen: 'office' },
          },
          {
            path: 'office/credit-records/:id',
            name: 'office-credit-record',
            component: () => import('./views/office/CreditRecordView.vue'),
            meta: { screen: 'office' },
          },
          {
            path: 'office/complaints/:id',
            name: 'office-complaint',
            component: () => import('./views/office/ComplaintView.vue'),
            meta: { screen: 'office' },
          },
          {
            path: 'office/cases/:id',
            name: 'office-case',
            component: () => import('./views/office/CaseView.vue'),
            meta: { screen: 'office' },
          },
          {
            path: 'office/rounds/:id',
            name: 'office-round',
            component: () => import('./views/office/RoundView.vue'),
            meta: { screen: 'office' },
          },
          {
            path: 'office/:tab?',
            name: 'office',
            component: () => import('./views/office/OfficeView.vue'),
            meta: { screen: 'office' },
          },
          {
            path: 'rounds',
            name: 'rounds',
            component: () => import('./views/office/MyRoundsView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'rounds/:id',
            name: 'round',
            component: () => import('./views/office/RoundView.vue'),
            meta: { screen: 'alliances' },
          },
          {
            path: 'credit-records',
            name: 'credit',
            component: () => import('./views/office/MyCreditRecordsView.vue'),
            meta: { screen: 'credit' },
          },
          {
            path: 'credit-records/:id',
            name: 'credit-record',
            component: () => import('./views/office/CreditRecordView.vue'),
            meta: { screen: 'credit' },
          },
          {
            path: 'watches',
            name: 'watches',
            component: () => import('./views/WatchesView.vue'),
            meta: { screen: 'watches' },
          },
          {
            path: 'admin/:tab?',
            name: 'admin',
            component: () => import('./views/AdminView.vue'),
            meta: { screen: 'admin' },
          },
          { path: ':rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
        ],
      },
    ],
  })
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (to.meta.public) return true
    if (!(await session.load())) return { name: 'login', query: { redirect: to.fullPath } }
    if (to.meta.screen && !session.may(to.meta.screen)) {
      const first = (['search', 'alliances', 'ingest'] as Screen[]).find((s) => session.may(s))
      if (first && first !== to.meta.screen) return { name: first }
    }
    return true
  })
  return router
}
