// The IPC/CPC tree of the synthetic corpus (see classification_tree.h).
#include "generator/classification_tree.h"

#include <cassert>

#include "generator/sampling.h"

namespace patnav::gen {

namespace {

using SV = std::string_view;
constexpr HeadKind P = HeadKind::kProduct;
constexpr HeadKind M = HeadKind::kMethod;

// ---------------------------------------------------------------- H01M
constexpr SV kH01M10Sub[] = {"0525", "052", "0562", "0565", "0567", "0568", "0569", "058", "0585", "0587", "04",
                             "12", "38", "42", "44", "48", "482", "486", "613", "617", "625", "6554", "6556",
                             "6567", "654", "659"};
constexpr Head kH01M10Heads[] = {{{"lithium-ion secondary battery", "锂离子二次电池"}, P},
                                 {{"electrolyte solution", "电解液"}, P},
                                 {{"solid-state battery", "固态电池"}, P},
                                 {{"battery thermal management", "电池热管理"}, M}};
constexpr SV kH01M4Sub[] = {"525", "13", "131", "133", "134", "136", "1391", "1393", "1395", "36", "362",
                            "364", "366", "38", "386", "485", "505", "58", "583", "587", "62", "621",
                            "622", "624", "64", "66", "661"};
constexpr Head kH01M4Heads[] = {{{"positive electrode active material", "正极活性材料"}, P},
                                {{"negative electrode material", "负极材料"}, P},
                                {{"electrode sheet", "电极极片"}, P},
                                {{"electrode material preparation", "电极材料制备"}, M}};
constexpr SV kH01M50Sub[] = {"409", "411", "417", "449", "46", "20", "204", "209", "211", "213", "242", "249",
                             "258", "284", "342", "383", "403", "414", "431", "434", "446", "489", "502", "507",
                             "531", "59", "10", "102", "103"};
constexpr Head kH01M50Heads[] = {{{"battery separator", "电池隔膜"}, P},
                                 {{"battery pack", "电池包"}, P},
                                 {{"battery housing", "电池壳体"}, P},
                                 {{"busbar assembly", "汇流排组件"}, P}};
constexpr SV kH01M8Sub[] = {"04", "1004", "04082", "0432", "04701", "1007", "1018", "1213", "0258", "0271", "2465"};
constexpr Head kH01M8Heads[] = {{{"fuel cell", "燃料电池"}, P}, {{"membrane electrode assembly", "膜电极组件"}, P}};
constexpr SV kH01M12Sub[] = {"06", "08", "02"};
constexpr Head kH01M12Heads[] = {{{"metal-air battery", "金属空气电池"}, P}};
constexpr MainGroup kH01MGroups[] = {
    {"10", "20060101", kH01M10Sub, kH01M10Heads}, {"4", "20060101", kH01M4Sub, kH01M4Heads},
    {"50", "20210101", kH01M50Sub, kH01M50Heads}, {"8", "20160201", kH01M8Sub, kH01M8Heads},
    {"12", "20060101", kH01M12Sub, kH01M12Heads},
};
constexpr SV kH01MExtras[] = {"Y02E 60/10",    "H01M 2004/028",  "H01M 2004/021", "H01M 2004/027",
                              "H01M 2220/20",  "H01M 2220/30",   "H01M 2300/0025", "H01M 2300/0068",
                              "H01M 2010/4271", "Y02P 70/50"};
constexpr SV kH01MUs[] = {"42923195", "429211", "429188", "429209", "429217", "429246", "429  7",
                          "429 61",   "429120", "429163", "429144", "4292181"};
constexpr int kH01MArt[] = {1721, 1722, 1723, 1724, 1725, 1726, 1727, 1728, 1729};

// ---------------------------------------------------------------- G06N
constexpr SV kG06N3Sub[] = {"08", "045", "04", "0464", "0455", "047", "048", "049", "063", "0675", "084", "088",
                            "09", "092", "094", "096", "098", "10"};
constexpr Head kG06N3Heads[] = {{{"neural network model", "神经网络模型"}, P},
                                {{"neural network training", "神经网络训练"}, M}};
constexpr SV kG06N20Sub[] = {"00", "20", "10"};
constexpr Head kG06N20Heads[] = {{{"machine learning model training", "机器学习模型训练"}, M},
                                 {{"federated learning", "联邦学习"}, M}};
constexpr SV kG06N5Sub[] = {"02", "04", "022", "01", "043"};
constexpr Head kG06N5Heads[] = {{{"knowledge graph construction", "知识图谱构建"}, M},
                                {{"knowledge reasoning", "知识推理"}, M}};
constexpr SV kG06N7Sub[] = {"01", "02", "08"};
constexpr Head kG06N7Heads[] = {{{"probabilistic inference", "概率推理"}, M}};
constexpr SV kG06N10Sub[] = {"00", "20", "60", "40"};
constexpr Head kG06N10Heads[] = {{{"quantum computing device", "量子计算装置"}, P}};
constexpr MainGroup kG06NGroups[] = {
    {"3", "20230101", kG06N3Sub, kG06N3Heads},   {"20", "20190101", kG06N20Sub, kG06N20Heads},
    {"5", "20230101", kG06N5Sub, kG06N5Heads},   {"7", "20230101", kG06N7Sub, kG06N7Heads},
    {"10", "20220101", kG06N10Sub, kG06N10Heads},
};
constexpr SV kG06NExtras[] = {"G06N 3/045", "G06F 2216/03", "Y02D 10/00", "G06N 3/0985"};
constexpr SV kG06NUs[] = {"706 12", "706 15", "706 20", "706 25", "706 45", "706 52", "706 14"};
constexpr int kG06NArt[] = {2121, 2122, 2123, 2124, 2125, 2126, 2127, 2129};

// ---------------------------------------------------------------- G06F
constexpr SV kG06F16Sub[] = {"3329", "33", "332", "3344", "35", "36", "583", "901", "906", "9535", "28", "22",
                             "2455", "245"};
constexpr Head kG06F16Heads[] = {{{"information retrieval", "信息检索"}, M}, {{"data query", "数据查询"}, M}};
constexpr SV kG06F40Sub[] = {"30", "35", "279", "284", "216", "169", "211", "126", "58", "56"};
constexpr Head kG06F40Heads[] = {{{"natural language processing", "自然语言处理"}, M},
                                 {{"text generation", "文本生成"}, M}};
constexpr SV kG06F9Sub[] = {"50", "5027", "4881", "5038", "5061", "455", "445", "48", "38"};
constexpr Head kG06F9Heads[] = {{{"task scheduling", "任务调度"}, M}};
constexpr SV kG06F21Sub[] = {"62", "6245", "57", "55", "31", "602"};
constexpr Head kG06F21Heads[] = {{{"data security protection", "数据安全保护"}, M}};
constexpr SV kG06F3Sub[] = {"0484", "06", "0482", "01", "011", "16", "0488", "048"};
constexpr Head kG06F3Heads[] = {{{"human-computer interaction", "人机交互"}, M}};
constexpr MainGroup kG06FGroups[] = {
    {"16", "20190101", kG06F16Sub, kG06F16Heads}, {"40", "20200101", kG06F40Sub, kG06F40Heads},
    {"9", "20180201", kG06F9Sub, kG06F9Heads},    {"21", "20130101", kG06F21Sub, kG06F21Heads},
    {"3", "20060101", kG06F3Sub, kG06F3Heads},
};
constexpr SV kG06FExtras[] = {"G06F 2216/03", "G06F 2209/5011", "G06F 2221/2107", "Y02D 10/00"};
constexpr SV kG06FUs[] = {"707737", "707769", "709203", "709224", "711162", "712 30", "715771", "718102",
                          "704  9", "726 26"};
constexpr int kG06FArt[] = {2152, 2154, 2156, 2159, 2161, 2162, 2164, 2166, 2168, 2169, 2195, 2196};

// ---------------------------------------------------------------- G06V
constexpr SV kG06V10Sub[] = {"82", "764", "774", "25", "44", "40", "26", "70", "80"};
constexpr Head kG06V10Heads[] = {{{"image recognition", "图像识别"}, M}, {{"target detection", "目标检测"}, M}};
constexpr SV kG06V20Sub[] = {"56", "58", "54", "64", "52"};
constexpr Head kG06V20Heads[] = {{{"scene understanding", "场景理解"}, M}};
constexpr SV kG06V40Sub[] = {"16", "172", "168", "20", "10"};
constexpr Head kG06V40Heads[] = {{{"face recognition", "人脸识别"}, M}};
constexpr MainGroup kG06VGroups[] = {
    {"10", "20220101", kG06V10Sub, kG06V10Heads},
    {"20", "20220101", kG06V20Sub, kG06V20Heads},
    {"40", "20220101", kG06V40Sub, kG06V40Heads},
};
constexpr SV kG06VExtras[] = {"G06V 2201/07", "G06V 2201/03", "G06T 2207/20081", "G06T 2207/20084"};
constexpr SV kG06VUs[] = {"382103", "382118", "382155", "382159", "382190"};
constexpr int kG06VArt[] = {2661, 2662, 2663, 2664, 2665, 2666, 2667, 2668, 2669};

// ---------------------------------------------------------------- H01L
constexpr SV kH01L21Sub[] = {"768", "02", "027", "0273", "306", "311", "3065", "3105", "31116", "32137", "67",
                             "677", "683", "687", "762", "76802", "8234", "28", "285", "02164", "0228", "56", "78"};
constexpr Head kH01L21Heads[] = {{{"semiconductor device manufacturing", "半导体器件制造"}, M},
                                 {{"wafer processing apparatus", "晶圆处理装置"}, P}};
constexpr SV kH01L23Sub[] = {"498", "00", "31", "367", "373", "38", "42", "433", "48", "482", "495", "522", "528",
                             "538", "544", "552", "60"};
constexpr Head kH01L23Heads[] = {{{"semiconductor package", "半导体封装结构"}, P}};
constexpr SV kH01L29Sub[] = {"78", "06", "08", "10", "16", "20", "423", "45", "66", "786", "7869", "861"};
constexpr Head kH01L29Heads[] = {{{"field-effect transistor", "场效应晶体管"}, P},
                                 {{"power semiconductor device", "功率半导体器件"}, P}};
constexpr SV kH01L27Sub[] = {"146", "02", "06", "088", "092", "11", "115", "1157", "148", "15", "32"};
constexpr Head kH01L27Heads[] = {{{"image sensor", "图像传感器"}, P}, {{"integrated circuit", "集成电路"}, P}};
constexpr SV kH01L25Sub[] = {"065", "075", "16", "18"};
constexpr Head kH01L25Heads[] = {{{"stacked chip module", "堆叠芯片模组"}, P}};
constexpr SV kH01L33Sub[] = {"00", "06", "12", "22", "32", "44", "50", "58", "62"};
constexpr Head kH01L33Heads[] = {{{"light-emitting diode", "发光二极管"}, P}};
constexpr SV kH01L31Sub[] = {"0224", "0352", "18", "0216", "068", "0747"};
constexpr Head kH01L31Heads[] = {{{"solar cell", "太阳能电池"}, P}};
constexpr MainGroup kH01LGroups[] = {
    {"21", "20060101", kH01L21Sub, kH01L21Heads}, {"23", "20060101", kH01L23Sub, kH01L23Heads},
    {"29", "20060101", kH01L29Sub, kH01L29Heads}, {"27", "20060101", kH01L27Sub, kH01L27Heads},
    {"25", "20060101", kH01L25Sub, kH01L25Heads}, {"33", "20100101", kH01L33Sub, kH01L33Heads},
    {"31", "20060101", kH01L31Sub, kH01L31Heads},
};
constexpr SV kH01LExtras[] = {"H01L 2224/16225", "H01L 2224/32225", "H01L 2224/48091", "H01L 2224/73204",
                              "H01L 2924/00014", "H01L 2924/181",   "H01L 2924/15311", "Y02E 10/50"};
constexpr SV kH01LUs[] = {"257 40", "257288", "257368", "257741", "438478", "438151", "438584", "438689"};
constexpr int kH01LArt[] = {2812, 2813, 2814, 2815, 2816, 2817, 2818, 2822, 2823, 2826, 2829,
                            2891, 2892, 2893, 2894, 2895, 2896, 2897, 2898, 2899};

// ---------------------------------------------------------------- H04L
constexpr SV kH04L5Sub[] = {"0051", "00", "0048", "0053", "0094", "0007", "0044", "0091", "14", "0055"};
constexpr Head kH04L5Heads[] = {{{"reference signal transmission", "参考信号传输"}, M},
                                {{"resource allocation", "资源分配"}, M}};
constexpr SV kH04L1Sub[] = {"1812", "00", "18", "1829", "1867", "0045", "0061", "0068"};
constexpr Head kH04L1Heads[] = {{{"data retransmission", "数据重传"}, M}, {{"channel coding", "信道编码"}, M}};
constexpr SV kH04L9Sub[] = {"40", "08", "32", "3239", "0643", "0861", "0897", "14"};
constexpr Head kH04L9Heads[] = {{{"encrypted communication", "加密通信"}, M}, {{"key agreement", "密钥协商"}, M}};
constexpr SV kH04L67Sub[] = {"10", "1001", "12", "125", "55", "60"};
constexpr Head kH04L67Heads[] = {{{"network service processing", "网络服务处理"}, M}};
constexpr SV kH04L41Sub[] = {"0803", "0806", "0816", "0893", "12", "14", "40"};
constexpr Head kH04L41Heads[] = {{{"network configuration management", "网络配置管理"}, M}};
constexpr SV kH04L12Sub[] = {"40", "28", "46"};
constexpr Head kH04L12Heads[] = {{{"bus communication system", "总线通信系统"}, P}};
constexpr SV kH04L45Sub[] = {"02", "12", "24", "302", "74"};
constexpr Head kH04L45Heads[] = {{{"packet forwarding", "报文转发"}, M}};
constexpr MainGroup kH04LGroups[] = {
    {"5", "20060101", kH04L5Sub, kH04L5Heads},      {"1", "20060101", kH04L1Sub, kH04L1Heads},
    {"9", "20220501", kH04L9Sub, kH04L9Heads},      {"67", "20220101", kH04L67Sub, kH04L67Heads},
    {"41", "20220101", kH04L41Sub, kH04L41Heads},   {"12", "20060101", kH04L12Sub, kH04L12Heads},
    {"45", "20220101", kH04L45Sub, kH04L45Heads},
};
constexpr SV kH04LExtras[] = {"H04L 2209/80", "H04L 2012/40273", "H04L 2012/40215", "Y02D 30/70"};
constexpr SV kH04LUs[] = {"370329", "370252", "370338", "709223", "713171", "726  3", "375260", "370392"};
constexpr int kH04LArt[] = {2411, 2412, 2413, 2414, 2416, 2419, 2431, 2432, 2433, 2434, 2435, 2436,
                            2437, 2438, 2439, 2441, 2443, 2445, 2447, 2451, 2453, 2455, 2457, 2459};

// ---------------------------------------------------------------- H04W
constexpr SV kH04W72Sub[] = {"23", "04", "0446", "0453", "12", "20", "51", "54", "56", "044", "1263"};
constexpr Head kH04W72Heads[] = {{{"wireless resource scheduling", "无线资源调度"}, M}};
constexpr SV kH04W74Sub[] = {"0833", "08", "0808", "004", "006"};
constexpr Head kH04W74Heads[] = {{{"random access", "随机接入"}, M}};
constexpr SV kH04W76Sub[] = {"10", "11", "15", "27", "19"};
constexpr Head kH04W76Heads[] = {{{"connection establishment", "连接建立"}, M}};
constexpr SV kH04W36Sub[] = {"00", "0005", "0083", "08", "30", "32"};
constexpr Head kH04W36Heads[] = {{{"cell handover", "小区切换"}, M}};
constexpr SV kH04W52Sub[] = {"02", "14", "24", "36"};
constexpr Head kH04W52Heads[] = {{{"power control", "功率控制"}, M}};
constexpr SV kH04W4Sub[] = {"40", "44", "46", "70", "80", "02", "029", "38"};
constexpr Head kH04W4Heads[] = {{{"vehicle-to-everything communication", "车联网通信"}, M}};
constexpr SV kH04W12Sub[] = {"06", "08", "37"};
constexpr Head kH04W12Heads[] = {{{"wireless network authentication", "无线网络认证"}, M}};
constexpr SV kH04W28Sub[] = {"02", "08", "12", "16"};
constexpr Head kH04W28Heads[] = {{{"traffic flow management", "业务流管理"}, M}};
constexpr MainGroup kH04WGroups[] = {
    {"72", "20090101", kH04W72Sub, kH04W72Heads}, {"74", "20090101", kH04W74Sub, kH04W74Heads},
    {"76", "20180101", kH04W76Sub, kH04W76Heads}, {"36", "20090101", kH04W36Sub, kH04W36Heads},
    {"52", "20090101", kH04W52Sub, kH04W52Heads}, {"4", "20180101", kH04W4Sub, kH04W4Heads},
    {"12", "20210101", kH04W12Sub, kH04W12Heads}, {"28", "20090101", kH04W28Sub, kH04W28Heads},
};
constexpr SV kH04WExtras[] = {"H04W 84/042", "H04W 88/02", "H04W 88/06", "H04W 84/18", "Y02D 30/70"};
constexpr SV kH04WUs[] = {"455450", "455434", "455436", "455522", "370329", "370331", "455411"};
constexpr int kH04WArt[] = {2461, 2462, 2463, 2464, 2465, 2466, 2467, 2468, 2469, 2471, 2472,
                            2473, 2474, 2641, 2642, 2643, 2644, 2645, 2646, 2647, 2648, 2649};

// ---------------------------------------------------------------- A61B
constexpr SV kA61B5Sub[] = {"00", "0002", "0205", "01", "021", "024", "0245", "08", "11", "113", "1118", "145",
                            "1455", "24", "316", "318", "346", "369", "372", "055", "6801", "7264", "7267"};
constexpr Head kA61B5Heads[] = {{{"physiological signal monitoring device", "生理信号监测装置"}, P},
                                {{"wearable health monitoring device", "可穿戴健康监测设备"}, P}};
constexpr SV kA61B34Sub[] = {"30", "10", "20", "37"};
constexpr Head kA61B34Heads[] = {{{"surgical robot system", "手术机器人系统"}, P}};
constexpr SV kA61B17Sub[] = {"00", "02", "04", "064", "072", "34", "3421", "88"};
constexpr Head kA61B17Heads[] = {{{"minimally invasive surgical instrument", "微创手术器械"}, P}};
constexpr SV kA61B8Sub[] = {"00", "06", "08", "12", "13", "14", "4444", "5207", "5223"};
constexpr Head kA61B8Heads[] = {{{"ultrasonic diagnostic apparatus", "超声诊断设备"}, P}};
constexpr SV kA61B6Sub[] = {"00", "03", "032", "50", "52", "5205", "5211", "5217"};
constexpr Head kA61B6Heads[] = {{{"X-ray imaging apparatus", "X射线成像设备"}, P}};
constexpr SV kA61B18Sub[] = {"14", "12", "1492", "18", "20"};
constexpr Head kA61B18Heads[] = {{{"ablation catheter", "消融导管"}, P}};
constexpr SV kA61B1Sub[] = {"00", "005", "04", "05", "045", "06", "31"};
constexpr Head kA61B1Heads[] = {{{"endoscope", "内窥镜"}, P}};
constexpr MainGroup kA61BGroups[] = {
    {"5", "20060101", kA61B5Sub, kA61B5Heads},     {"34", "20160101", kA61B34Sub, kA61B34Heads},
    {"17", "20060101", kA61B17Sub, kA61B17Heads},  {"8", "20060101", kA61B8Sub, kA61B8Heads},
    {"6", "20060101", kA61B6Sub, kA61B6Heads},     {"18", "20060101", kA61B18Sub, kA61B18Heads},
    {"1", "20060101", kA61B1Sub, kA61B1Heads},
};
constexpr SV kA61BExtras[] = {"A61B 2560/0214", "A61B 2562/0219", "A61B 2576/00", "A61B 2505/07",
                              "A61B 2017/00477", "A61B 2034/2046"};
constexpr SV kA61BUs[] = {"600301", "600509", "600544", "600437", "606 41", "606130", "600104", "600407"};
constexpr int kA61BArt[] = {3735, 3736, 3737, 3738, 3739, 3791, 3792, 3793, 3794, 3795, 3796, 3797, 3798, 3799};

// ---------------------------------------------------------------- A61K
constexpr SV kA61K9Sub[] = {"00", "06", "08", "107", "127", "14", "16", "20", "48", "51", "5123"};
constexpr Head kA61K9Heads[] = {{{"pharmaceutical formulation", "药物制剂"}, P},
                                {{"nanoparticle drug delivery system", "纳米粒药物递送系统"}, P}};
constexpr SV kA61K31Sub[] = {"496", "4985", "506", "5377", "519", "444", "437", "7088", "713"};
constexpr Head kA61K31Heads[] = {{{"small-molecule compound composition", "小分子化合物组合物"}, P}};
constexpr SV kA61K39Sub[] = {"395", "3955", "39558", "00", "12", "39541"};
constexpr Head kA61K39Heads[] = {{{"antibody composition", "抗体组合物"}, P}, {{"vaccine", "疫苗"}, P}};
constexpr SV kA61K38Sub[] = {"00", "16", "17", "46"};
constexpr Head kA61K38Heads[] = {{{"polypeptide drug", "多肽药物"}, P}};
constexpr SV kA61K36Sub[] = {"00", "06", "185", "28", "48"};
constexpr Head kA61K36Heads[] = {{{"herbal medicine composition", "中药组合物"}, P}};
constexpr SV kA61K47Sub[] = {"54", "69", "6929", "10"};
constexpr Head kA61K47Heads[] = {{{"drug conjugate", "药物偶联物"}, P}};
constexpr SV kA61K35Sub[] = {"17", "28", "12"};
constexpr Head kA61K35Heads[] = {{{"cell therapy product", "细胞治疗产品"}, P}};
constexpr MainGroup kA61KGroups[] = {
    {"9", "20060101", kA61K9Sub, kA61K9Heads},     {"31", "20060101", kA61K31Sub, kA61K31Heads},
    {"39", "20060101", kA61K39Sub, kA61K39Heads},  {"38", "20060101", kA61K38Sub, kA61K38Heads},
    {"36", "20060101", kA61K36Sub, kA61K36Heads},  {"47", "20170101", kA61K47Sub, kA61K47Heads},
    {"35", "20150101", kA61K35Sub, kA61K35Heads},
};
constexpr SV kA61KExtras[] = {"A61K 2039/505", "A61K 2300/00", "A61P 35/00", "A61P 29/00", "A61P 31/04"};
constexpr SV kA61KUs[] = {"424  91", "424450", "424489", "51425402", "4241331", "514  2", "424725"};
constexpr int kA61KArt[] = {1611, 1612, 1613, 1614, 1615, 1616, 1617, 1618, 1619,
                            1621, 1623, 1625, 1627, 1629, 1641, 1643, 1645, 1647};

// ---------------------------------------------------------------- B60L
constexpr SV kB60L53Sub[] = {"60", "10", "14", "16", "20", "22", "30", "31", "35", "36", "37", "50", "62", "66",
                             "80"};
constexpr Head kB60L53Heads[] = {{{"charging pile", "充电桩"}, P},
                                 {{"electric vehicle charging", "电动汽车充电"}, M}};
constexpr SV kB60L58Sub[] = {"12", "10", "13", "14", "16", "18", "21", "24", "26"};
constexpr Head kB60L58Heads[] = {{{"vehicle battery monitoring", "车辆电池监测"}, M}};
constexpr SV kB60L50Sub[] = {"60", "15", "40", "50", "51", "64", "72"};
constexpr Head kB60L50Heads[] = {{{"vehicle power supply system", "车辆供电系统"}, P}};
constexpr SV kB60L3Sub[] = {"00", "0023", "0046", "04", "12"};
constexpr Head kB60L3Heads[] = {{{"vehicle electrical safety device", "车辆电安全装置"}, P}};
constexpr SV kB60L15Sub[] = {"20", "2009", "2045"};
constexpr Head kB60L15Heads[] = {{{"drive motor control", "驱动电机控制"}, M}};
constexpr SV kB60L7Sub[] = {"10", "14", "18", "26"};
constexpr Head kB60L7Heads[] = {{{"regenerative braking control", "再生制动控制"}, M}};
constexpr SV kB60L1Sub[] = {"00", "003", "02"};
constexpr Head kB60L1Heads[] = {{{"traction power supply device", "牵引供电装置"}, P}};
constexpr SV kB60L55Sub[] = {"00"};
constexpr Head kB60L55Heads[] = {{{"vehicle-to-grid energy management", "车网互动能量管理"}, M}};
constexpr MainGroup kB60LGroups[] = {
    {"53", "20190101", kB60L53Sub, kB60L53Heads}, {"58", "20190101", kB60L58Sub, kB60L58Heads},
    {"50", "20190101", kB60L50Sub, kB60L50Heads}, {"3", "20190101", kB60L3Sub, kB60L3Heads},
    {"15", "20060101", kB60L15Sub, kB60L15Heads}, {"7", "20060101", kB60L7Sub, kB60L7Heads},
    {"1", "20060101", kB60L1Sub, kB60L1Heads},    {"55", "20190101", kB60L55Sub, kB60L55Heads},
};
constexpr SV kB60LExtras[] = {"Y02T 10/70",    "Y02T 10/7072",  "Y02T 90/12",  "Y02T 90/16",
                              "B60L 2240/545", "B60L 2240/80",  "B60L 2200/10", "B60L 2210/30"};
constexpr SV kB60LUs[] = {"320109", "320104", "320134", "180 652", "701 22", "307 101", "318139", "320137"};
constexpr int kB60LArt[] = {2836, 2838, 2859, 3661, 3662, 3663, 3664, 3665, 3666, 3667, 3668, 3669};

// ---------------------------------------------------------------- areas
constexpr Subclass kBatterySubclasses[] = {
    {"H01M", kBattery, kH01MGroups, kH01MExtras, kH01MUs, kH01MArt}};
constexpr uint32_t kBatteryWeights[] = {1};
constexpr Subclass kAiSubclasses[] = {
    {"G06N", kAi, kG06NGroups, kG06NExtras, kG06NUs, kG06NArt},
    {"G06F", kAi, kG06FGroups, kG06FExtras, kG06FUs, kG06FArt},
    {"G06V", kAi, kG06VGroups, kG06VExtras, kG06VUs, kG06VArt},
};
constexpr uint32_t kAiWeights[] = {50, 35, 15};
constexpr Subclass kSemiSubclasses[] = {
    {"H01L", kSemiconductor, kH01LGroups, kH01LExtras, kH01LUs, kH01LArt}};
constexpr uint32_t kSemiWeights[] = {1};
constexpr Subclass kTelecomSubclasses[] = {
    {"H04L", kTelecom, kH04LGroups, kH04LExtras, kH04LUs, kH04LArt},
    {"H04W", kTelecom, kH04WGroups, kH04WExtras, kH04WUs, kH04WArt},
};
constexpr uint32_t kTelecomWeights[] = {50, 50};
constexpr Subclass kMedicalSubclasses[] = {
    {"A61B", kMedical, kA61BGroups, kA61BExtras, kA61BUs, kA61BArt},
    {"A61K", kMedical, kA61KGroups, kA61KExtras, kA61KUs, kA61KArt},
};
constexpr uint32_t kMedicalWeights[] = {60, 40};
constexpr Subclass kVehicleSubclasses[] = {
    {"B60L", kVehicle, kB60LGroups, kB60LExtras, kB60LUs, kB60LArt}};
constexpr uint32_t kVehicleWeights[] = {1};

constexpr AreaClasses kAreaClasses[kAreaCount] = {
    {kBatterySubclasses, kBatteryWeights}, {kAiSubclasses, kAiWeights},
    {kSemiSubclasses, kSemiWeights},       {kTelecomSubclasses, kTelecomWeights},
    {kMedicalSubclasses, kMedicalWeights}, {kVehicleSubclasses, kVehicleWeights},
};

// Zipf with s = 1 in exact integers: weight of rank k is L / (k + 1).
size_t ZipfRank(Random& rng, size_t n) {
  constexpr uint32_t kL = 720720;  // lcm(1..16)
  uint32_t w[64];
  n = n > 64 ? 64 : n;
  for (size_t k = 0; k < n; ++k) w[k] = kL / static_cast<uint32_t>(k + 1);
  return PickWeighted(rng, std::span<const uint32_t>(w, n));
}

}  // namespace

const AreaClasses& ClassesFor(int area) {
  assert(area >= 0 && area < kAreaCount);
  return kAreaClasses[area];
}

const Subclass& SampleSubclass(Random& rng, int area) {
  const AreaClasses& ac = ClassesFor(area);
  return ac.subclasses[PickWeighted(rng, ac.weights)];
}

ClassSymbol SampleSymbol(Random& rng, const Subclass& subclass) {
  ClassSymbol s;
  s.subclass = &subclass;
  s.group = &subclass.groups[ZipfRank(rng, subclass.groups.size())];
  s.subgroup = s.group->subgroups[ZipfRank(rng, s.group->subgroups.size())];
  return s;
}

void AppendSymbol(std::string& out, const ClassSymbol& s, bool compact) {
  out += s.subclass->symbol;
  if (!compact) out += ' ';
  out += s.group->number;
  out += '/';
  out += s.subgroup;
}

SymbolParts SplitSymbol(std::string_view spaced) {
  SymbolParts p;
  p.section = spaced.substr(0, 1);
  p.cls = spaced.substr(1, 2);
  p.subclass = spaced.substr(3, 1);
  const size_t slash = spaced.find('/');
  p.main_group = spaced.substr(5, slash - 5);
  p.subgroup = spaced.substr(slash + 1);
  return p;
}

}  // namespace patnav::gen
