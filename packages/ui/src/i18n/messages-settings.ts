import type { Text } from './messages.ts';

/** Tenant settings: the CORS allow-list, and export and restore of the tenant's data. */
export const settingsMessages = {
  'settings.title': { zh: '租户设置', en: 'Tenant settings' },
  'settings.intro': {
    zh: '允许哪些网站在浏览器中调用本租户的接口；导出本租户的全部数据，或把导出的数据恢复到一个新租户。',
    en: 'Which websites may call this tenant’s API from a browser; export all of the tenant’s data, or restore an export into a new tenant.',
  },
  'settings.cors': { zh: '跨域来源（CORS）', en: 'Cross-origin access (CORS)' },
  'settings.corsIntro': {
    zh: '只有列出的网站能在浏览器中用本租户的令牌调用接口，例如区里的数据看板。服务器之间的调用（API 客户端）不受此限制。',
    en: 'Only the websites listed here may call the API with this tenant’s tokens from a browser, such as a district data dashboard. Server-to-server calls (API clients) are not affected.',
  },
  'settings.origins': { zh: '允许的来源（每行一个）', en: 'Allowed origins (one per line)' },
  'settings.originsHint': {
    zh: '形如 https://data.conghua.gov.cn，不含路径；http 仅限本机。留空即关闭跨域访问。最多 20 个。',
    en: 'Like https://data.conghua.gov.cn, with no path; http only for localhost. Leave empty to turn cross-origin access off. At most 20.',
  },
  'settings.originLine': { zh: '第 {line} 行：{message}', en: 'Line {line}: {message}' },
  'settings.saveOrigins': { zh: '保存来源', en: 'Save origins' },
  'settings.originsSaved': {
    zh: '已保存，共 {count} 个来源。',
    en: 'Saved: {count} origin(s).',
  },
  'settings.export': { zh: '导出数据', en: 'Export data' },
  'settings.exportIntro': {
    zh: '把本租户的组织、标准、周期、填报、得分和审计日志导出为一个 JSON 文件。文件含个人信息（人员姓名、邮箱），请加密保存、用后删除。不含密码、密钥和证明材料文件本身。',
    en: 'Saves the tenant’s org units, packs, cycles, submissions, scores and audit log as one JSON file. It holds personal data (people’s names and emails): keep it encrypted and delete it when done. Passwords, secrets and evidence files themselves are not included.',
  },
  'settings.exportButton': { zh: '导出全部数据（JSON）', en: 'Export all data (JSON)' },
  'settings.exporting': {
    zh: '正在导出：已读取 {pages} 页……',
    en: 'Exporting: {pages} page(s) read…',
  },
  'settings.exported': {
    zh: '已导出 {pages} 页，共 {rows} 行。',
    en: 'Exported {pages} page(s), {rows} rows.',
  },
  'settings.inconsistent': {
    zh: '导出期间有人修改了数据，此文件不能用于恢复。请在无人操作时重新导出。',
    en: 'Someone changed data during the export, so this file cannot be restored. Export again when no one is working.',
  },
  'settings.restore': { zh: '恢复数据', en: 'Restore data' },
  'settings.restoreIntro': {
    zh: '把导出文件恢复到本租户。只能恢复到空租户：新注册、尚未添加下级单位、周期或标准。恢复后人员需重新邀请。',
    en: 'Restores an export file into this tenant. Only an empty tenant can take it: newly signed up, with no units below its root, no cycles and no packs. People must be invited again afterwards.',
  },
  'settings.restoreFile': { zh: '导出文件（JSON）', en: 'Export file (JSON)' },
  'settings.restoreButton': { zh: '开始恢复', en: 'Restore' },
  'settings.restoreQuestion': {
    zh: '把该文件的数据恢复到本租户？',
    en: 'Restore this file’s data into this tenant?',
  },
  'settings.restoreNoFile': { zh: '请选择导出文件', en: 'Choose an export file' },
  'settings.restoreBadFile': {
    zh: '该文件不是 Kaoping 的导出文件（应为导出时保存的 JSON 页面列表）',
    en: 'This is not a Kaoping export file (expected the list of JSON pages saved by an export)',
  },
  'settings.restoring': {
    zh: '正在恢复：第 {page} 页，共 {pages} 页……',
    en: 'Restoring: page {page} of {pages}…',
  },
  'settings.restoreFailed': { zh: '第 {page} 页恢复失败', en: 'Page {page} was not restored' },
  'settings.restored': {
    zh: '恢复完成：{rows} 行。请重新邀请 {people} 位人员。',
    en: 'Restored: {rows} rows. Invite {people} people again.',
  },
} as const satisfies Record<string, Text>;
