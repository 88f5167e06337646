// English: the alliance's shared landscape reports (issue 11); the same keys
// as shared.zh-CN.ts (the i18n test checks).
export default {
  share: 'Share with alliance',
  alliance: 'Alliance to share with',
  titleField: 'Report title',
  frozenHint: 'The analyses are run now and kept as they are: the alliance\'s members see these figures in their portal.',
  confirm: 'Share',
  cancel: 'Cancel',
  shareFailed: 'The landscape could not be shared',
  sharedWith: 'Shared "{title}" with {alliance}',
  tab: 'Shared landscape reports',
  accountTab: 'Statements and patents',
  title: 'The alliance\'s shared landscape reports',
  none: 'No landscape has been shared with this alliance yet.',
  query: 'Query',
  patents: 'Patents analysed',
  ofCorpus: '{patents} of {corpus}',
  sharedBy: 'Shared by',
  sharedAt: 'Shared on',
  summary: '{patents} of {corpus} patents, query: {query}; shared by {who} on {when}',
  downloadHtml: 'Download HTML report',
  downloadXlsx: 'Download XLSX workbook',
}
