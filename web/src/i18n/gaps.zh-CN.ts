// 简体中文: the last gaps of issue 11 (page info, the compact menu, deleting
// a shared report, per-country rates, charter editing).
export default {
  pageInfo: '第 {page} 页，共 {pages} 页',
  actions: '操作',
  remove: '删除',
  removeShared: '删除共享报告',
  removeSharedNamed: '删除共享报告“{title}”',
  removeSharedConfirm: '删除共享报告“{title}”？联盟成员将不再看到它。',
  menu: '菜单',
  charterEdit: '编辑',
  charterEditNamed: '编辑章程第 {item} 项：{title}',
  charterDialog: '章程第 {item} 项',
  charterSave: '保存',
}
