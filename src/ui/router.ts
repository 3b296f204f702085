import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { loadMe, session } from './session';

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/login/LoginPage.vue'), meta: { title: '登录', public: true } },
  {
    path: '/',
    component: () => import('./layout/AppShell.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./pages/home/HomePage.vue'), meta: { title: '首页' } },
      { path: 'account', name: 'account', component: () => import('./pages/account/AccountPage.vue'), meta: { title: '账号设置' } },
      { path: 'orgs/:id(\\d+)', name: 'org', component: () => import('./pages/orgs/OrgPage.vue'), meta: { title: '组织' } },
      { path: 'scorecard/:orgId(\\d+)?', name: 'scorecard', component: () => import('./pages/scorecard/ScorecardPage.vue'), meta: { title: '考核结果' } },
      { path: 'rankings', name: 'rankings', component: () => import('./pages/rankings/RankingsPage.vue'), meta: { title: '排名' } },
      { path: 'dashboard', name: 'dashboard', component: () => import('./pages/dashboard/DashboardPage.vue'), meta: { title: '驾驶舱' } },
      { path: 'books', name: 'books', component: () => import('./pages/books/BooksPage.vue'), meta: { title: '合订本' } },
      { path: 'ledger', name: 'ledger', component: () => import('./pages/ledger/LedgerPage.vue'), meta: { title: '台账' } },
      { path: 'ledger/review', name: 'ledger-review', component: () => import('./pages/ledger/LedgerReviewPage.vue'), meta: { title: '台账审核' } },
      { path: 'assessment/self', name: 'assessment-self', component: () => import('./pages/assessment/SelfAssessmentPage.vue'), meta: { title: '自评' } },
      { path: 'assessment/review', name: 'assessment-review', component: () => import('./pages/assessment/SuperiorReviewPage.vue'), meta: { title: '上级评定' } },
      { path: 'assessment/review/:orgId(\\d+)', name: 'assessment-review-org', component: () => import('./pages/assessment/ReviewOrgPage.vue'), meta: { title: '上级评定' } },
      { path: 'reviews', name: 'duty-reports', component: () => import('./pages/reviews/DutyReportsPage.vue'), meta: { title: '述职报告' } },
      { path: 'reviews/sheets', name: 'reviewer-sheets', component: () => import('./pages/reviews/ReviewerSheetsPage.vue'), meta: { title: '我的评议表' } },
      { path: 'reviews/sheets/:id(\\d+)', name: 'reviewer-sheet', component: () => import('./pages/reviews/ReviewerSheetPage.vue'), meta: { title: '评议表' } },
      { path: 'twoway', name: 'twoway', component: () => import('./pages/twoway/TwowayPage.vue'), meta: { title: '双向评价' } },
      { path: 'cobuilding', name: 'cobuilding', component: () => import('./pages/cobuilding/CobuildingPage.vue'), meta: { title: '共建清单' } },
      { path: 'cobuilding/projects/:id(\\d+)', name: 'cobuilding-project', component: () => import('./pages/cobuilding/ProjectPage.vue'), meta: { title: '共建项目' } },
      { path: 'appeals', name: 'appeals', component: () => import('./pages/appeals/AppealsPage.vue'), meta: { title: '申诉' } },
      { path: 'admin/rules', name: 'admin-rules', component: () => import('./pages/admin/rules/RulesPage.vue'), meta: { title: '考核细则' } },
      { path: 'admin/rules/drafts/:id', name: 'admin-rule-draft', component: () => import('./pages/admin/rules/DraftEditorPage.vue'), meta: { title: '编辑细则草稿' } },
      { path: 'admin/orgs', name: 'admin-orgs', component: () => import('./pages/admin/orgs/OrgsAdminPage.vue'), meta: { title: '组织管理' } },
      { path: 'admin/cycles', name: 'admin-cycles', component: () => import('./pages/admin/cycles/CyclesPage.vue'), meta: { title: '考核周期' } },
      { path: 'admin/ratings', name: 'admin-ratings', component: () => import('./pages/admin/ratings/RatingsAdminPage.vue'), meta: { title: '评议管理' } },
      { path: 'admin/audit', name: 'admin-audit', component: () => import('./pages/admin/audit/AuditPage.vue'), meta: { title: '审计日志' } },
      { path: 'admin/users', name: 'users', component: () => import('./pages/admin/users/UsersPage.vue'), meta: { title: '用户与账号' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./pages/errors/NotFoundPage.vue'), meta: { title: '页面不存在' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

/**
 * Sign-in guard: pages other than /login need a session (the server is asked once per load); an account that
 * must change its password goes to 账号设置 first. Whether a page's data may be seen is the API's answer.
 */
router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe();
  if (to.meta.public) return session.me && to.name === 'login' ? { path: '/' } : true;
  if (!session.me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (session.me.mustChangePassword && to.name !== 'account') return { name: 'account' };
  return true;
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '星评')} · 星评`;
});
