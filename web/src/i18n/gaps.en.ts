// English: the last gaps of issue 11 (page info, the compact menu, deleting a
// shared report, per-country rates, charter editing); the same keys as
// gaps.zh-CN.ts (the i18n test checks).
export default {
  pageInfo: 'Page {page} of {pages}',
  actions: 'Actions',
  remove: 'Remove',
  removeShared: 'Remove shared report',
  removeSharedNamed: 'Remove the shared report "{title}"',
  removeSharedConfirm: 'Remove the shared report "{title}"? The alliance\'s members will no longer see it.',
  menu: 'Menu',
  charterEdit: 'Edit',
  charterEditNamed: 'Edit charter item {item}: {title}',
  charterDialog: 'Charter item {item}',
  charterSave: 'Save',
}
